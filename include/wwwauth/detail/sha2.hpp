// SHA-256 and SHA-512/256 (FIPS 180-4), the other two Digest algorithms of RFC 7616
// section 3.1 (SHA-256 and SHA-512-256, each also in a -sess form). Both are one template:
// they differ only in word size, round count, rotation amounts and constants.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "block_hash.hpp"

namespace wwwauth::detail {

// FIPS 180-4 sections 4.1.2 and 4.2.2 (SHA-256), 5.3.3 (initial hash value).
struct sha256_traits {
  using word = std::uint32_t;
  static constexpr std::size_t digest_size = 32;
  // Rotation amounts: Sigma0, Sigma1, sigma0, sigma1 (the last of each sigma is a shift).
  static constexpr std::array<unsigned, 12> rot{2, 13, 22, 6, 11, 25, 7, 18, 3, 17, 19, 10};
  static constexpr std::array<word, 8> iv{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                          0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  static constexpr std::array<word, 64> k{
      0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
      0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
      0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
      0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
      0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
      0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
      0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
      0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};
};

// FIPS 180-4 sections 4.1.3 and 4.2.3 (SHA-512 functions and constants), 5.3.6.2 (the
// SHA-512/256 initial hash value); the digest is the first 256 bits (section 6.7).
struct sha512_256_traits {
  using word = std::uint64_t;
  static constexpr std::size_t digest_size = 32;
  static constexpr std::array<unsigned, 12> rot{28, 34, 39, 14, 18, 41, 1, 8, 7, 19, 61, 6};
  static constexpr std::array<word, 8> iv{0x22312194fc2bf72c, 0x9f555fa3c84c64c2, 0x2393b86b6f53b151,
                                          0x963877195940eabd, 0x96283ee2a88effe3, 0xbe5e1e2553863992,
                                          0x2b0199fc2c85b8aa, 0x0eb72ddc81c52ca2};
  static constexpr std::array<word, 80> k{
      0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc, 0x3956c25bf348b538,
      0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118, 0xd807aa98a3030242, 0x12835b0145706fbe,
      0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2, 0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235,
      0xc19bf174cf692694, 0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
      0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5, 0x983e5152ee66dfab,
      0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4, 0xc6e00bf33da88fc2, 0xd5a79147930aa725,
      0x06ca6351e003826f, 0x142929670a0e6e70, 0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed,
      0x53380d139d95b3df, 0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
      0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30, 0xd192e819d6ef5218,
      0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8, 0x19a4c116b8d2d0c8, 0x1e376c085141ab53,
      0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8, 0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373,
      0x682e6ff3d6b2b8a3, 0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
      0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b, 0xca273eceea26619c,
      0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178, 0x06f067aa72176fba, 0x0a637dc5a2c898a6,
      0x113f9804bef90dae, 0x1b710b35131c471b, 0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc,
      0x431d67c49c100d4c, 0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817};
};

template <class Traits>
class sha2
    : public block_hash<sha2<Traits>, 16 * sizeof(typename Traits::word), 2 * sizeof(typename Traits::word), true> {
  using word = typename Traits::word;
  using base = block_hash<sha2<Traits>, 16 * sizeof(word), 2 * sizeof(word), true>;

 public:
  static constexpr std::size_t digest_size = Traits::digest_size;
  using digest_type = std::array<std::uint8_t, digest_size>;

  static constexpr digest_type hash(std::string_view data) noexcept { return hash_once<sha2>(data); }

 private:
  friend base;
  static constexpr std::size_t rounds = Traits::k.size();

  // FIPS 180-4 sections 4.1.2 and 4.1.3: Sigma0, Sigma1, sigma0, sigma1 (rot[0..11]).
  static constexpr word rot3(word x, std::size_t i) noexcept {
    return rotr(x, Traits::rot[i]) ^ rotr(x, Traits::rot[i + 1]) ^ rotr(x, Traits::rot[i + 2]);
  }
  static constexpr word small_sigma(word x, std::size_t i) noexcept {
    return rotr(x, Traits::rot[i]) ^ rotr(x, Traits::rot[i + 1]) ^ static_cast<word>(x >> Traits::rot[i + 2]);
  }

  // FIPS 180-4 sections 6.2.2 and 6.4.2: message schedule, then the rounds.
  constexpr void compress(const std::uint8_t* block) noexcept {
    std::array<word, rounds> w{};
    for (std::size_t t = 0; t < 16; ++t) w[t] = load_word<word, true>(block + sizeof(word) * t);
    for (std::size_t t = 16; t < rounds; ++t)
      w[t] = static_cast<word>(small_sigma(w[t - 2], 9) + w[t - 7] + small_sigma(w[t - 15], 6) + w[t - 16]);
    word a = state_[0], b = state_[1], c = state_[2], d = state_[3];
    word e = state_[4], f = state_[5], g = state_[6], h = state_[7];
    for (std::size_t t = 0; t < rounds; ++t) {
      const word ch = static_cast<word>((e & f) ^ (~e & g));
      const word maj = static_cast<word>((a & b) ^ (a & c) ^ (b & c));
      const word t1 = static_cast<word>(h + rot3(e, 3) + ch + Traits::k[t] + w[t]);
      const word t2 = static_cast<word>(rot3(a, 0) + maj);
      h = g;
      g = f;
      f = e;
      e = static_cast<word>(d + t1);
      d = c;
      c = b;
      b = a;
      a = static_cast<word>(t1 + t2);
    }
    const std::array<word, 8> v{a, b, c, d, e, f, g, h};
    for (std::size_t i = 0; i < 8; ++i) state_[i] = static_cast<word>(state_[i] + v[i]);
  }

  constexpr digest_type digest_bytes() const noexcept {
    digest_type out{};
    for (std::size_t i = 0; i < digest_size / sizeof(word); ++i)
      store_word<word, true>(state_[i], out.data() + sizeof(word) * i);
    return out;
  }

  std::array<word, 8> state_ = Traits::iv;
};

using sha256 = sha2<sha256_traits>;
using sha512_256 = sha2<sha512_256_traits>;

}  // namespace wwwauth::detail
