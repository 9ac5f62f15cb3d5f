// RFC 8187 ext-values in the one form Digest uses (RFC 7616 section 3.4: username* is
// `UTF-8''` followed by %-encoded UTF-8): just what the builder writes and the verifier reads,
// behind one function so that a general RFC 8187 decoder can take its place.
#pragma once

#include <cstddef>
#include <string_view>

#include "../chars.hpp"
#include "../utf8.hpp"
#include "ascii.hpp"

namespace wwwauth::detail {

// attr-char of RFC 8187 section 3.2.1: the bytes an ext-value carries without %-encoding.
constexpr bool is_attr_char(char c) noexcept {
  return chars::is_alpha(static_cast<unsigned char>(c)) || chars::is_digit(static_cast<unsigned char>(c)) ||
         std::string_view("!#$&+-.^_`|~").find(c) != std::string_view::npos;
}

constexpr int hex_digit_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

struct ext_value_decoded {
  bool ok = false;
  std::size_t error_offset = 0;  // when !ok: the byte of the ext-value at fault
  std::size_t size = 0;          // when ok: the decoded size (written only when it fits)
};

// ext-value = charset "'" [ language ] "'" value-chars, with charset UTF-8 (case-insensitive)
// and value-chars = *( pct-encoded / attr-char ); the decoded bytes must be UTF-8.
constexpr ext_value_decoded decode_utf8_ext_value(std::string_view ext, char* buf, std::size_t cap) noexcept {
  ext_value_decoded r;
  constexpr std::string_view charset = "UTF-8'";
  if (ext.size() < charset.size() || !iequals(ext.substr(0, charset.size()), charset)) return r;
  const std::size_t language_end = ext.find('\'', charset.size());
  if (language_end == std::string_view::npos) {
    r.error_offset = ext.size();
    return r;
  }
  std::size_t n = 0;
  for (std::size_t i = language_end + 1; i < ext.size(); ++i) {
    char c = ext[i];
    if (c == '%') {
      const int hi = i + 2 < ext.size() ? hex_digit_value(ext[i + 1]) : -1;
      const int lo = hi >= 0 ? hex_digit_value(ext[i + 2]) : -1;
      if (lo < 0) {
        r.error_offset = i;
        return r;
      }
      c = static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if (!is_attr_char(c)) {
      r.error_offset = i;
      return r;
    }
    if (n < cap) buf[n] = c;
    ++n;
  }
  if (n <= cap && !is_utf8(std::string_view(buf, n))) {
    r.error_offset = language_end + 1;
    return r;
  }
  r.ok = true;
  r.size = n;
  return r;
}

}  // namespace wwwauth::detail
