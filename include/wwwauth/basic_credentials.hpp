// Basic credentials (RFC 7617): `Basic ` base64(user-id ":" password).
//
//     char buf[128];
//     auto r = wwwauth::write_basic_credentials("Aladdin", "open sesame", buf, sizeof buf);
//     // r.size == 34, buf holds "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="
//
// The bytes of user-id and password are sent as given. When the challenge carries
// charset="UTF-8" (RFC 7617 section 2.1) the server expects UTF-8 in Unicode Normalization
// Form C: the challenge overload checks that the input is UTF-8; normalizing it is the
// caller's job (it needs Unicode tables, which a header-only parser does not carry).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "build_error.hpp"
#include "challenge.hpp"
#include "detail/base64.hpp"
#include "detail/field_writer.hpp"
#include "utf8.hpp"

namespace wwwauth {
namespace detail {

// CTL = %x00-1F / %x7F; RFC 7617 section 2: user-id and password MUST NOT contain them.
constexpr bool has_control(std::string_view s) noexcept {
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) return true;
  }
  return false;
}

}  // namespace detail

template <class OutIt>
constexpr build_output<OutIt> write_basic_credentials(std::string_view user, std::string_view password,
                                                      OutIt out) noexcept {
  if (user.find(':') != std::string_view::npos) return {build_errc::colon_in_user, out};
  if (detail::has_control(user) || detail::has_control(password)) return {build_errc::control_char, out};
  detail::field_writer<OutIt> w(out);
  w.put("Basic ");
  detail::base64_writer<OutIt> b64(w.out());
  b64.write(user);
  b64.write(":");
  b64.write(password);
  return {build_errc::none, b64.finish()};
}

constexpr build_result write_basic_credentials(std::string_view user, std::string_view password, char* buf,
                                               std::size_t cap) noexcept {
  return detail::to_buffer(buf, cap, [&](auto out) { return write_basic_credentials(user, password, out); });
}

// Answers a Basic challenge; with charset="UTF-8" (compared case-insensitively, RFC 7617
// section 2.1) user-id and password must be UTF-8.
template <class OutIt>
constexpr build_output<OutIt> write_basic_credentials(const challenge& c, std::string_view user,
                                                      std::string_view password, OutIt out) noexcept {
  if (!c.scheme_is("Basic")) return {build_errc::wrong_scheme, out};
  const auth_param charset = c.param("charset");
  if (charset && charset.value().iequals("UTF-8") && !(is_utf8(user) && is_utf8(password)))
    return {build_errc::invalid_utf8, out};
  return write_basic_credentials(user, password, out);
}

constexpr build_result write_basic_credentials(const challenge& c, std::string_view user, std::string_view password,
                                               char* buf, std::size_t cap) noexcept {
  return detail::to_buffer(buf, cap, [&](auto out) { return write_basic_credentials(c, user, password, out); });
}

}  // namespace wwwauth
