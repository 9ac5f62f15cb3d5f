// MD5 (RFC 1321), needed only because RFC 7616 section 3.1 keeps it as Digest's default
// algorithm for backward compatibility; never use it for anything else.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "block_hash.hpp"

namespace wwwauth::detail {

class md5 : public block_hash<md5, 64, 8, false> {
 public:
  static constexpr std::size_t digest_size = 16;
  using digest_type = std::array<std::uint8_t, digest_size>;

  static constexpr digest_type hash(std::string_view data) noexcept { return hash_once<md5>(data); }

 private:
  friend class block_hash<md5, 64, 8, false>;

  // RFC 1321 section 3.4: T[i] = floor(2^32 * abs(sin(i + 1))), and the per-round shifts.
  static constexpr std::array<std::uint32_t, 64> k_{
      0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
      0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
      0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
      0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
      0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
      0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
      0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
      0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391};
  static constexpr std::array<std::uint8_t, 16> shift_{7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21};

  // One operation of RFC 1321 section 3.4: a = b + ((a + f + X[k] + T[i]) <<< s).
  static constexpr std::uint32_t step(std::uint32_t a, std::uint32_t b, std::uint32_t f, std::uint32_t x,
                                      std::size_t i) noexcept {
    return b + rotl(a + f + x + k_[i], shift_[(i / 16) * 4 + i % 4]);
  }

  constexpr void compress(const std::uint8_t* block) noexcept {
    std::array<std::uint32_t, 16> x{};
    for (std::size_t i = 0; i < 16; ++i) x[i] = load_word<std::uint32_t, false>(block + 4 * i);
    std::uint32_t a = state_[0], b = state_[1], c = state_[2], d = state_[3];
    // The four rounds, each with its auxiliary function F, G, H, I and message word order.
    auto rotate = [&](std::uint32_t next_b) {
      a = d;
      d = c;
      c = b;
      b = next_b;
    };
    for (std::size_t i = 0; i < 16; ++i) rotate(step(a, b, (b & c) | (~b & d), x[i], i));
    for (std::size_t i = 16; i < 32; ++i) rotate(step(a, b, (d & b) | (~d & c), x[(5 * i + 1) % 16], i));
    for (std::size_t i = 32; i < 48; ++i) rotate(step(a, b, b ^ c ^ d, x[(3 * i + 5) % 16], i));
    for (std::size_t i = 48; i < 64; ++i) rotate(step(a, b, c ^ (b | ~d), x[(7 * i) % 16], i));
    state_[0] += a;
    state_[1] += b;
    state_[2] += c;
    state_[3] += d;
  }

  constexpr digest_type digest_bytes() const noexcept {
    digest_type out{};
    for (std::size_t i = 0; i < 4; ++i) store_word<std::uint32_t, false>(state_[i], out.data() + 4 * i);
    return out;
  }

  std::array<std::uint32_t, 4> state_{0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
};

}  // namespace wwwauth::detail
