// Credentials of Authorization and Proxy-Authorization (RFC 9110 sections 11.4, 11.6.2, 11.7.2):
//
//     credentials = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
//
// Example: `Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==` or `Digest username="Mufasa", realm="x", ...`.
// Parsed by the same machinery as challenges; exactly one scheme may appear.
#pragma once

#include <cstddef>
#include <string_view>

#include "challenge.hpp"
#include "detail/dangling.hpp"
#include "detail/grammar.hpp"
#include "error.hpp"
#include "mode.hpp"
#include "param.hpp"
#include "param_range.hpp"

namespace wwwauth {

// The same accessors as a challenge, but not a challenge: handing the request's credentials to
// a builder that answers a challenge would compile and answer the wrong thing.
class credentials {
 public:
  // The auth-scheme as written; compare it with scheme_is(), since schemes are case-insensitive.
  constexpr std::string_view scheme() const noexcept { return parsed_.scheme(); }
  constexpr bool scheme_is(std::string_view name) const noexcept { return parsed_.scheme_is(name); }
  constexpr bool has_token68() const noexcept { return parsed_.has_token68(); }
  // The token68 with its '=' padding (Basic's base64, a Bearer token); empty when absent.
  constexpr std::string_view token68() const noexcept { return parsed_.token68(); }
  constexpr param_range params() const noexcept { return parsed_.params(); }
  constexpr std::size_t param_count() const noexcept { return parsed_.param_count(); }
  // The first parameter with this name (ASCII case-insensitive), or a falsy auth_param.
  constexpr auth_param param(std::string_view name) const noexcept { return parsed_.param(name); }
  constexpr auth_param realm() const noexcept { return parsed_.realm(); }

  constexpr credentials(std::string_view field, mode m) noexcept {
    detail::element_parser p{detail::make_cursor(field), m, {}, true};
    p.cur.pos = detail::skip_ows(field, 0);
    detail::challenge_parts parts;
    if (p.cur.at_field_end()) {
      p.fail(errc::expected_token, p.cur.pos);
    } else if (p.next_starts_challenge(false) &&
               detail::with_duplicate_check(p, [&](detail::element_parser& parser, detail::duplicate_check* d) {
                 return parser.parse_challenge(parts, d);
               })) {
      parsed_ = challenge(parts, m);
    }
    error_ = p.error;
  }

  // A temporary std::string would leave every view dangling: refused at compile time.
  template <class String, class = detail::refuse_temporary_string<String>>
  credentials(String&& field, mode m) = delete;

  constexpr parse_error error() const noexcept { return error_; }
  constexpr bool ok() const noexcept { return !error_; }

 private:
  challenge parsed_{};  // credentials share the challenge grammar (RFC 9110 section 11.4)
  parse_error error_{};
};

// Parses an Authorization or Proxy-Authorization field value.
constexpr credentials parse_credentials(std::string_view field, mode m = mode::strict) noexcept {
  return credentials(field, m);
}
// A temporary std::string would leave every view dangling: refused at compile time.
template <class String, class = detail::refuse_temporary_string<String>>
credentials parse_credentials(String&& field, mode m = mode::strict) = delete;

}  // namespace wwwauth
