// Errors of the credential builders and the challenge and Authentication-Info writers (what
// is wrong with what the other party sent is verify_error.hpp's): values, never thrown, each
// with a static message. Builders check their inputs before writing anything, so on error
// the output is untouched.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace wwwauth {

enum class build_errc : std::uint8_t {
  none,
  wrong_scheme,           // the challenge is not of the builder's scheme
  colon_in_user,          // Basic: a user-id with ':' cannot be told apart from the password (RFC 7617 section 2)
  control_char,           // a control character that no field value may carry
  invalid_utf8,           // Basic with charset="UTF-8": user-id or password is not UTF-8 (RFC 7617 section 2.1)
  not_token68,            // Bearer: the token is not token68 (RFC 6750 section 2.1)
  not_token,              // a method, scheme or parameter name that is not a token
  missing_realm,          // Digest: the challenge has no realm (RFC 7616 section 3.3)
  missing_nonce,          // Digest: the challenge has no nonce (RFC 7616 section 3.3)
  unsupported_algorithm,  // Digest: an algorithm outside RFC 7616 section 3.1
  unsupported_qop,        // Digest: qop offers neither auth nor auth-int
  missing_cnonce,         // Digest: qop or -sess needs the client nonce
  sess_without_qop,       // Digest: -sess needs a cnonce, which is only sent with qop (RFC 7616 section 3.4)
  duplicate_param,        // formatter: a parameter name twice in one challenge (RFC 9110 section 11.2)
  too_many_params,        // formatter: more parameters than strict parsing accepts (max_strict_params)
  not_verified,           // server: Authentication-Info for credentials that verify_digest did not accept
};

constexpr std::string_view message(build_errc code) noexcept {
  switch (code) {
    case build_errc::none: return "no error";
    case build_errc::wrong_scheme: return "the challenge is of another auth-scheme";
    case build_errc::colon_in_user: return "a Basic user-id cannot contain ':'";
    case build_errc::control_char: return "a control character cannot be sent in a field value";
    case build_errc::invalid_utf8: return "the server asked for UTF-8 and the input is not UTF-8";
    case build_errc::not_token68: return "a Bearer token must be token68 (letters, digits, -._~+/ then '=')";
    case build_errc::not_token: return "expected a token (method, scheme or parameter name)";
    case build_errc::missing_realm: return "the Digest challenge has no realm";
    case build_errc::missing_nonce: return "the Digest challenge has no nonce";
    case build_errc::unsupported_algorithm: return "unsupported Digest algorithm";
    case build_errc::unsupported_qop: return "the Digest qop offers neither auth nor auth-int";
    case build_errc::missing_cnonce: return "Digest with qop or -sess needs a client nonce";
    case build_errc::sess_without_qop: return "a -sess Digest algorithm needs qop";
    case build_errc::duplicate_param: return "a parameter name may occur only once per challenge";
    case build_errc::too_many_params: return "more parameters in one challenge than strict parsing accepts (64)";
    case build_errc::not_verified: return "Authentication-Info is written only for verified credentials";
  }
  return "unknown error";
}

// What a builder writing to a caller's buffer returns: the size of the whole value (like
// snprintf, no terminator). When size > cap, only the first cap bytes were written; call
// again with a buffer of `size` bytes.
struct build_result {
  build_errc error = build_errc::none;
  std::size_t size = 0;
  constexpr explicit operator bool() const noexcept { return error == build_errc::none; }
  constexpr std::string_view message() const noexcept { return wwwauth::message(error); }
};

// What a builder writing to an output iterator returns: the iterator past the last byte.
template <class OutIt>
struct build_output {
  build_errc error = build_errc::none;
  OutIt out;
  constexpr explicit operator bool() const noexcept { return error == build_errc::none; }
};

}  // namespace wwwauth
