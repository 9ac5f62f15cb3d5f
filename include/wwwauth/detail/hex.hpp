// Lowercase hexadecimal, the only form RFC 7616 section 3.4.1 allows for Digest hashes
// ("32 hex digits" in lowercase; servers compare the strings, so case matters).
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace wwwauth::detail {

inline constexpr std::string_view hex_digits = "0123456789abcdef";

// A digest as lowercase hex in a fixed array: usable as a string_view without allocation.
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

}  // namespace wwwauth::detail
