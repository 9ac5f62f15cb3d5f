// The server's side of Basic (RFC 7617): decodes `Authorization: Basic <base64>` into the
// caller's buffer and splits user-id and password at the first ':' (section 2: a user-id
// cannot hold one, a password can).
//
//     const auto creds = wwwauth::parse_credentials(authorization_field);
//     char buf[256];
//     const auto basic = wwwauth::decode_basic_credentials(creds, buf, sizeof buf);
//     if (basic && basic.user_id == "Aladdin" && wwwauth::constant_time_equals(basic.password, stored)) ...
//
// The views point into buf. With basic_charset::utf8 (the challenge sent charset="UTF-8",
// section 2.1) the decoded bytes must be UTF-8; normalizing them (NFC) is the caller's job.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "credentials.hpp"
#include "detail/base64.hpp"
#include "utf8.hpp"
#include "verify_error.hpp"

namespace wwwauth {

enum class basic_charset : std::uint8_t {
  unspecified,  // no charset offered: any bytes but controls
  utf8,         // charset="UTF-8" offered: the decoded bytes must be UTF-8
};

struct basic_user {
  verify_errc error = verify_errc::none;
  // not_base64: the byte of the token68; control_char, invalid_utf8: the byte of the decoded
  // "user-id:password"; buffer_too_small: the size needed.
  std::size_t offset = 0;
  std::string_view user_id{};
  std::string_view password{};
  constexpr explicit operator bool() const noexcept { return error == verify_errc::none; }
  constexpr std::string_view message() const noexcept { return wwwauth::message(error); }
};

// Decodes the token68 of Basic credentials (without the scheme).
constexpr basic_user decode_basic_token68(std::string_view token68, char* buf, std::size_t cap,
                                          basic_charset charset = basic_charset::unspecified) noexcept {
  basic_user r;
  auto fail = [&r](verify_errc e, std::size_t offset) {
    r.error = e;
    r.offset = offset;
    return r;
  };
  const detail::base64_decoded d = detail::base64_decode(token68, buf, cap);
  if (!d.ok) return fail(verify_errc::not_base64, d.error_offset);
  if (d.size > cap) return fail(verify_errc::buffer_too_small, d.size);
  const std::string_view pair(buf, d.size);
  for (std::size_t i = 0; i < pair.size(); ++i) {
    const auto u = static_cast<unsigned char>(pair[i]);
    if (u < 0x20 || u == 0x7f) return fail(verify_errc::control_char, i);  // CTL, section 2
  }
  if (charset == basic_charset::utf8) {
    for (std::size_t i = 0; i < pair.size();) {
      const std::size_t n = utf8_sequence_length(pair, i);
      if (n == 0) return fail(verify_errc::invalid_utf8, i);
      i += n;
    }
  }
  const std::size_t colon = pair.find(':');
  if (colon == std::string_view::npos) return fail(verify_errc::missing_colon, pair.size());
  r.user_id = pair.substr(0, colon);
  r.password = pair.substr(colon + 1);
  return r;
}

// Decodes parsed Authorization credentials; wrong_scheme unless they are Basic with a token68.
constexpr basic_user decode_basic_credentials(const credentials& c, char* buf, std::size_t cap,
                                              basic_charset charset = basic_charset::unspecified) noexcept {
  basic_user r;
  if (!c.ok()) {
    r.error = verify_errc::malformed;
    r.offset = c.error().offset;
  } else if (!c.scheme_is("Basic")) {
    r.error = verify_errc::wrong_scheme;
  } else if (!c.has_token68()) {
    r.error = verify_errc::malformed;  // "Basic" alone, or parameters instead of the token68
  } else {
    r = decode_basic_token68(c.token68(), buf, cap, charset);
  }
  return r;
}

}  // namespace wwwauth
