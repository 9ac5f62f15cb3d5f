// Errors of verification: what is wrong with what the other party sent. On the server side,
// the credentials a client sent (Authorization or Proxy-Authorization, RFC 9110 section
// 11.6.2); on the client side, the server's Authentication-Info (RFC 7616 section 3.5).
// Values, never thrown, each with a static message; `offset` says at which byte of the decoded
// or raw value the fault is, where one is.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace wwwauth {

enum class verify_errc : std::uint8_t {
  none,
  wrong_scheme,           // the credentials are of another auth-scheme
  malformed,              // a parse error, or a required parameter missing or invalid
  not_base64,             // Basic: the token68 is not base64 (RFC 4648 section 4); offset: the byte
  buffer_too_small,       // the decoded value does not fit the caller's buffer; size: the bytes needed
  missing_colon,          // Basic: no ':' between user-id and password (RFC 7617 section 2)
  control_char,           // a control character in user-id or password (RFC 7617 section 2)
  invalid_utf8,           // charset="UTF-8" was offered and the bytes are not UTF-8 (RFC 7617 section 2.1)
  unsupported_algorithm,  // Digest: an algorithm outside RFC 7616 section 3.1, or one not offered
  unsupported_qop,        // Digest: a qop that was not offered (or none, when one was)
  realm_mismatch,         // Digest: the realm is not the server's
  uri_mismatch,           // Digest: uri is not the request-target (RFC 7616 section 3.4.6)
  secret_mismatch,        // Digest: the stored HA1 has the wrong size for the algorithm
  wrong_response,         // Digest: the response is not what the secret gives: wrong password
  forged_nonce,           // Digest: the nonce was not issued by this server
  stale_nonce,            // Digest: a genuine nonce that expired: answer with stale=true
  replayed_nc,            // Digest: this nc was already used with this nonce (RFC 7616 section 3.4)
  // The client's check of Authentication-Info (verify_authentication_info):
  missing_rspauth,   // Authentication-Info without rspauth
  rspauth_mismatch,  // rspauth is not what the password gives: the server did not prove it knows it
  echo_mismatch,     // Authentication-Info's qop, nc or cnonce differ from the request's
};

// The code's stable name, as spelled in the enum, for logs and tools.
constexpr std::string_view name(verify_errc code) noexcept {
  switch (code) {
    case verify_errc::none: return "none";
    case verify_errc::wrong_scheme: return "wrong_scheme";
    case verify_errc::malformed: return "malformed";
    case verify_errc::not_base64: return "not_base64";
    case verify_errc::buffer_too_small: return "buffer_too_small";
    case verify_errc::missing_colon: return "missing_colon";
    case verify_errc::control_char: return "control_char";
    case verify_errc::invalid_utf8: return "invalid_utf8";
    case verify_errc::unsupported_algorithm: return "unsupported_algorithm";
    case verify_errc::unsupported_qop: return "unsupported_qop";
    case verify_errc::realm_mismatch: return "realm_mismatch";
    case verify_errc::uri_mismatch: return "uri_mismatch";
    case verify_errc::secret_mismatch: return "secret_mismatch";
    case verify_errc::wrong_response: return "wrong_response";
    case verify_errc::forged_nonce: return "forged_nonce";
    case verify_errc::stale_nonce: return "stale_nonce";
    case verify_errc::replayed_nc: return "replayed_nc";
    case verify_errc::missing_rspauth: return "missing_rspauth";
    case verify_errc::rspauth_mismatch: return "rspauth_mismatch";
    case verify_errc::echo_mismatch: return "echo_mismatch";
  }
  return "unknown";
}

constexpr std::string_view message(verify_errc code) noexcept {
  switch (code) {
    case verify_errc::none: return "no error";
    case verify_errc::wrong_scheme: return "the credentials are of another auth-scheme";
    case verify_errc::malformed: return "the credentials are malformed or lack a required parameter";
    case verify_errc::not_base64: return "Basic credentials must be base64 (A-Z a-z 0-9 + / and '=' padding)";
    case verify_errc::buffer_too_small: return "the decoded credentials do not fit the buffer";
    case verify_errc::missing_colon: return "Basic credentials need a ':' between user-id and password";
    case verify_errc::control_char: return "a control character in the user-id or password";
    case verify_errc::invalid_utf8: return "charset=\"UTF-8\" was offered and the credentials are not UTF-8";
    case verify_errc::unsupported_algorithm: return "the Digest algorithm is unknown or was not offered";
    case verify_errc::unsupported_qop: return "the Digest qop was not offered";
    case verify_errc::realm_mismatch: return "the Digest realm is not this server's";
    case verify_errc::uri_mismatch: return "the Digest uri is not the request-target";
    case verify_errc::secret_mismatch: return "the stored HA1 does not have the size of the algorithm's hash";
    case verify_errc::wrong_response: return "the Digest response does not match: wrong password";
    case verify_errc::forged_nonce: return "the nonce was not issued by this server";
    case verify_errc::stale_nonce: return "the nonce has expired (answer with stale=true)";
    case verify_errc::replayed_nc: return "this nonce count was already used: a replayed request";
    case verify_errc::missing_rspauth: return "Authentication-Info has no rspauth";
    case verify_errc::rspauth_mismatch: return "rspauth does not match: the server did not prove it knows the password";
    case verify_errc::echo_mismatch: return "Authentication-Info's qop, nc or cnonce differ from the request's";
  }
  return "unknown error";
}

}  // namespace wwwauth
