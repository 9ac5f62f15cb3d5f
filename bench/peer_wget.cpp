// Peer: libwget (Debian wget2-dev), wget_http_parse_challenges().
// libwget has no token68: a token68 after the scheme is read as another scheme, so lines with a
// token68 are not compared or timed. wget_http_parse_challenges() loops forever (and grows its
// vector without bound) whenever wget_http_parse_challenge() returns without consuming input,
// e.g. at the ',' after a bare scheme ("Negotiate, NTLM") or at the '=' padding of a token68
// ("Negotiate abc=="). must_skip() replays the same loop with the single-challenge function and
// a progress check, and keeps such lines away from it.
#include "bench_common.hpp"

// wget.h is a C header that uses C99's `restrict`, which C++ spells __restrict.
#define restrict __restrict
#include <wget.h>
#undef restrict

namespace {

std::string must_skip(const std::string& line) {
  const char* s = line.c_str();
  while (*s) {
    wget_http_challenge_t challenge;
    const char* next = wget_http_parse_challenge(s, &challenge);
    wget_http_free_challenge(&challenge);
    if (next == s) {
      return "wget_http_parse_challenges() would loop forever: no progress at byte " +
             std::to_string(s - line.c_str()) + " ('" + std::string(1, *s) + "')";
    }
    s = next;
  }
  return {};
}

int free_challenge(void* challenge) {
  wget_http_free_challenge(static_cast<wget_http_challenge_t*>(challenge));
  return 0;
}

int visit_param(void* ctx, const char* name, void* value) {
  static_cast<bench::sink*>(ctx)->param(name, value ? static_cast<const char*>(value) : "");
  return 0;
}

void parse(const std::string& line, bench::sink& out) {
  // As libwget's own response parser does: a vector whose destructor frees each challenge.
  wget_vector_t* challenges = wget_vector_create(2, nullptr);
  wget_vector_set_destructor(challenges, free_challenge);
  wget_http_parse_challenges(line.c_str(), challenges);
  for (int i = 0, n = wget_vector_size(challenges); i < n; ++i) {
    const auto* c = static_cast<const wget_http_challenge_t*>(wget_vector_get(challenges, i));
    out.scheme(c->auth_scheme);
    if (c->params) wget_stringmap_browse(c->params, visit_param, &out);
  }
  wget_http_free_challenges(&challenges);
}

bool can_express(const bench::line_model& m) {
  if (m.failed) return false;
  for (const auto& c : m.challenges)
    if (c.has_token68) return false;
  return true;
}

const bench::peer wget{"wget", "libwget wget_http_parse_challenges", can_express, must_skip, parse};
const bench::register_peer registration{wget};

}  // namespace
