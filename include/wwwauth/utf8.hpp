// Well-formed UTF-8 (RFC 3629 section 4): no overlong forms, no surrogates, nothing above
// U+10FFFF. Header values are bytes (RFC 9110 section 5.5, obs-text); these tell where they
// are also UTF-8, as Basic's charset="UTF-8" requires (RFC 7617 section 2.1) and as tools
// that print values need to know.
#pragma once

#include <cstddef>
#include <string_view>

namespace wwwauth {

// Length (1 to 4) of the well-formed UTF-8 sequence starting at s[i], or 0 when none does.
constexpr std::size_t utf8_sequence_length(std::string_view s, std::size_t i) noexcept {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = byte(i);
  std::size_t length = 0;
  unsigned char lo = 0x80;  // the allowed range of the first continuation byte
  unsigned char hi = 0xBF;
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) lo = 0xA0;  // overlong
    if (lead == 0xED) hi = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) lo = 0x90;  // overlong
    if (lead == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  if (s.size() - i < length) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    const unsigned char b = byte(i + k);
    if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) return 0;
  }
  return length;
}

constexpr bool is_utf8(std::string_view s) noexcept {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = utf8_sequence_length(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

}  // namespace wwwauth
