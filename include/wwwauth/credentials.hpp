// Credentials of Authorization and Proxy-Authorization (RFC 9110 sections 11.4, 11.6.2, 11.7.2):
//
//     credentials = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
//
// Example: `Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==` or `Digest username="Mufasa", realm="x", ...`.
// Parsed by the same machinery as challenges; exactly one scheme may appear.
#pragma once

#include <string_view>

#include "challenge.hpp"
#include "detail/dangling.hpp"
#include "detail/grammar.hpp"
#include "error.hpp"

namespace wwwauth {

// The same accessors as a challenge, but not a challenge: handing the request's credentials to
// a builder that answers a challenge would compile and answer the wrong thing, so the
// inheritance is private.
class credentials : private challenge {
 public:
  using challenge::has_token68;
  using challenge::param;
  using challenge::param_count;
  using challenge::params;
  using challenge::realm;
  using challenge::scheme;
  using challenge::scheme_is;
  using challenge::token68;

  constexpr credentials(std::string_view field, mode m) noexcept {
    detail::element_parser p{detail::make_cursor(field), m, {}, true};
    p.cur.pos = detail::skip_ows(field, 0);
    detail::challenge_parts parts;
    if (p.cur.at_field_end()) {
      p.fail(errc::expected_token, p.cur.pos);
    } else if (p.next_starts_challenge(parts) &&
               detail::with_duplicate_check(p, [&](detail::element_parser& parser, detail::duplicate_check* d) {
                 return parser.parse_challenge(parts, d);
               })) {
      static_cast<challenge&>(*this) = challenge(parts, m);
    }
    error_ = p.error;
  }

  // A temporary std::string would leave every view dangling: refused at compile time.
  template <class String, class = detail::refuse_temporary_string<String>>
  credentials(String&& field, mode m) = delete;

  constexpr parse_error error() const noexcept { return error_; }
  constexpr bool ok() const noexcept { return !error_; }

 private:
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
