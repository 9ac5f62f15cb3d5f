// Hexadecimal, both ways: lowercase digits for Digest (RFC 7616 section 3.4.1 hashes and the
// 8-digit nc of section 3.4; servers compare the strings, so case matters), uppercase for
// %-encoding (RFC 3986 section 2.1 recommends it; RFC 8187's pct-encoded accepts either), and
// the value of a HEXDIG of either case (RFC 5234 appendix B.1 is case-insensitive).
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace wwwauth::detail {

inline constexpr std::string_view hex_digits = "0123456789abcdef";
inline constexpr std::string_view hex_digits_upper = "0123456789ABCDEF";

// N bytes as 2N lowercase hex digits in a fixed array: a string_view without allocation.
template <std::size_t N>
struct hex_string {
  std::array<char, 2 * N> chars{};
  constexpr std::string_view view() const noexcept { return {chars.data(), chars.size()}; }
};

template <std::size_t N>
constexpr hex_string<N> to_hex(const std::array<std::uint8_t, N>& bytes) noexcept {
  hex_string<N> out;
  for (std::size_t i = 0; i < N; ++i) {
    out.chars[2 * i] = hex_digits[bytes[i] >> 4];
    out.chars[2 * i + 1] = hex_digits[bytes[i] & 0x0f];
  }
  return out;
}

// A 32-bit number as 8 lowercase hex digits, most significant first, zero-padded.
constexpr hex_string<4> to_hex(std::uint32_t value) noexcept {
  return to_hex(std::array<std::uint8_t, 4>{static_cast<std::uint8_t>(value >> 24),
                                            static_cast<std::uint8_t>(value >> 16),
                                            static_cast<std::uint8_t>(value >> 8), static_cast<std::uint8_t>(value)});
}

// pct-encoded = "%" HEXDIG HEXDIG, for one byte.
constexpr std::array<char, 3> percent_encode(unsigned char byte) noexcept {
  return {'%', hex_digits_upper[byte >> 4], hex_digits_upper[byte & 0x0f]};
}

// The value (0 to 15) of a hex digit of either case, or -1 for any other byte.
constexpr int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace wwwauth::detail
