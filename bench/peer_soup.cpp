// Peer: libsoup 3 (Debian libsoup-3.0-dev), through its public header parsers.
// libsoup's auth manager does this internally (soup-auth-manager.c): soup_header_parse_list()
// splits the field at commas outside quoted-strings; an item starts a new challenge unless it
// reads as an auth-param (next_challenge_start(), mirrored below); the items of one challenge
// are joined with ", " and soup_header_parse_param_list_strict() reads the params after the
// scheme (soup_auth_new()). libsoup's Negotiate and NTLM take the rest of the item as the token;
// here an item whose rest is token68-shaped is reported as token68.
#include "bench_common.hpp"

#include <cstring>

#include <libsoup/soup.h>

namespace {

// libsoup's next_challenge_start(): the first item at or after `items` that starts a challenge.
GSList* next_challenge_start(GSList* items) {
  for (; items; items = items->next) {
    const char* item = static_cast<const char*>(items->data);
    const char* sp = std::strpbrk(item, "\t\r\n ");
    const char* eq = std::strchr(item, '=');
    if (!eq) return items;         // no '=': cannot be an auth-param
    if (!sp || sp > eq) continue;  // "name=value"
    while (g_ascii_isspace(*++sp)) {
    }
    if (*sp == '=') continue;  // "name = value"
    return items;              // "scheme param" or "scheme token68"
  }
  return nullptr;
}

bool is_token68_char(char c) { return c != '\0' && (g_ascii_isalnum(c) || std::strchr("-._~+/", c) != nullptr); }

// token68 = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=" (RFC 9110 section 11.2)
bool is_token68(const char* s) {
  std::size_t i = 0;
  while (is_token68_char(s[i])) ++i;
  if (i == 0) return false;
  while (s[i] == '=') ++i;
  return s[i] == '\0';
}

void parse(const std::string& line, bench::sink& out) {
  GSList* items = soup_header_parse_list(line.c_str());
  for (GSList* i = items; i;) {
    GSList* next = next_challenge_start(i->next);
    GString* challenge = g_string_new(static_cast<const char*>(i->data));
    for (GSList* j = i->next; j != next; j = j->next) {
      g_string_append(challenge, ", ");
      g_string_append(challenge, static_cast<const char*>(j->data));
    }
    const char* s = challenge->str;
    const std::size_t scheme_len = std::strcspn(s, " \t");
    out.scheme(std::string_view(s, scheme_len));
    const char* rest = s + scheme_len;
    while (*rest == ' ' || *rest == '\t') ++rest;
    if (*rest != '\0') {
      if (is_token68(rest)) {
        out.token68(rest);
      } else if (GHashTable* params = soup_header_parse_param_list_strict(rest)) {
        GHashTableIter it;
        gpointer name = nullptr;
        gpointer value = nullptr;
        g_hash_table_iter_init(&it, params);
        while (g_hash_table_iter_next(&it, &name, &value))
          out.param(static_cast<const char*>(name), value ? static_cast<const char*>(value) : "");
        soup_header_free_param_list(params);
      } else {
        out.fail();  // a repeated parameter name
      }
    }
    g_string_free(challenge, TRUE);
    i = next;
  }
  soup_header_free_list(items);
}

bool can_express(const bench::line_model& m) { return !m.failed; }

const bench::peer soup{"soup", "libsoup 3 soup_header_parse_list + soup_header_parse_param_list_strict", can_express,
                       nullptr, parse};
const bench::register_peer registration{soup};

}  // namespace
