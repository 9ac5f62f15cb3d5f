// The answering side on arbitrary challenges (the input split on '\n' into fields, parsed
// leniently):
// - write_challenge() output parses back strictly to the same challenge, or is refused only
//   for a duplicate name or more than 64 parameters (which lenient parsing keeps); the buffer form gives the same size
//   and the same leading bytes as the iterator form;
// - every Digest answer parses as strict credentials whose realm, nonce and opaque decode to
//   the challenge's, with a lowercase hex response of the algorithm's length;
// - Basic answers parse as strict credentials holding a token68;
// - verify_authentication_info() on the input read as Authentication-Info never misbehaves.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "decoded.hpp"
#include "fuzz_common.hpp"
#include <wwwauth/basic_credentials.hpp>
#include <wwwauth/challenge_format.hpp>
#include <wwwauth/digest_credentials.hpp>

namespace {

using wwwauth_testing::decoded;

void check_same_challenge(const wwwauth::challenge& a, const wwwauth::challenge& b, const std::string& written) {
  using wwwauth_fuzz::check;
  check(a.scheme() == b.scheme() && a.token68() == b.token68() && a.param_count() == b.param_count(),
        "formatted challenge reads back with the same scheme, token68 and parameter count", written);
  auto pb = b.params().begin();
  for (const wwwauth::auth_param& pa : a.params()) {
    check(pa.name() == pb->name() && decoded(pa.value()) == decoded(pb->value()),
          "formatted challenge reads back with the same parameters", written);
    ++pb;
  }
}

void check_format(const wwwauth::challenge& c) {
  std::string out;
  const auto r = wwwauth::write_challenge(c, std::back_inserter(out));
  if (r.error == wwwauth::build_errc::duplicate_param || r.error == wwwauth::build_errc::too_many_params) return;
  wwwauth_fuzz::check(r.error == wwwauth::build_errc::none, "a parsed challenge can be formatted",
                      std::string(wwwauth::message(r.error)));
  const auto back = wwwauth::parse_challenges(out, wwwauth::mode::strict);
  wwwauth_fuzz::check(!back.error() && back.size() == 1, "formatted challenge parses strictly", out);
  check_same_challenge(c, *back.begin(), out);
  char small[16];
  const auto b = wwwauth::write_challenge(c, small, sizeof small);
  wwwauth_fuzz::check(b.size == out.size() && std::string_view(small, std::min(b.size, sizeof small)) ==
                                                  std::string_view(out).substr(0, sizeof small),
                      "buffer form matches the iterator form", out);
}

void check_digest(const wwwauth::challenge& c, const wwwauth::auth_info& info) {
  wwwauth::digest_input in;
  in.username = "Mufasa";
  in.password = "Circle of Life";
  in.method = "GET";
  in.uri = "/dir/index.html";
  in.cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
  in.body = "body";
  std::string out;
  if (wwwauth::write_digest_credentials(c, in, std::back_inserter(out)).error != wwwauth::build_errc::none) return;
  const auto cred = wwwauth::parse_credentials(out, wwwauth::mode::strict);
  wwwauth_fuzz::check(!cred.error() && cred.scheme() == "Digest", "Digest answer parses strictly", out);
  for (const char* name : {"realm", "nonce", "opaque"}) {
    const auto sent = c.param(name);
    wwwauth_fuzz::check(!sent || decoded(cred.param(name).value()) == decoded(sent.value()),
                        "realm, nonce and opaque are echoed", out);
  }
  const std::string response = decoded(cred.param("response").value());
  wwwauth_fuzz::check((response.size() == 32 || response.size() == 64) &&
                          response.find_first_not_of("0123456789abcdef") == std::string::npos,
                      "response is lowercase hex of 128 or 256 bits", out);
  (void)wwwauth::verify_authentication_info(c, in, info);
}

void check_basic(const wwwauth::challenge& c) {
  std::string out;
  if (wwwauth::write_basic_credentials(c, "Aladdin", "open sesame", std::back_inserter(out)).error !=
      wwwauth::build_errc::none)
    return;
  const auto cred = wwwauth::parse_credentials(out, wwwauth::mode::strict);
  wwwauth_fuzz::check(!cred.error() && cred.has_token68(), "Basic answer parses strictly", out);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in = wwwauth_fuzz::as_view(data, size);
  const std::vector<std::string_view> fields = wwwauth_fuzz::split_lines(in);
  const wwwauth::auth_info info = wwwauth::parse_auth_info(fields.data(), fields.size(), wwwauth::mode::lenient);
  for (const wwwauth::challenge& c : wwwauth::parse_challenges(fields, wwwauth::mode::lenient)) {
    check_format(c);
    check_digest(c, info);
    check_basic(c);
  }
  return 0;
}
