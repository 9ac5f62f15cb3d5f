// Shared buffering and padding for the Merkle-Damgard hashes wwwauth needs for Digest
// authentication (RFC 7616 section 3.1): MD5 (RFC 1321), SHA-256 and SHA-512/256 (FIPS 180-4).
// All three pad the same way: a 0x80 byte, zeros, then the message length in bits in the last
// LengthSize bytes of a block; they differ only in block size, length width and byte order.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace wwwauth::detail {

// Reads sizeof(Word) bytes at p as an unsigned integer in the given byte order. Compilers
// turn the loop into one load (and a byte swap).
template <class Word, bool BigEndian>
constexpr Word load_word(const std::uint8_t* p) noexcept {
  Word w = 0;
  for (std::size_t i = 0; i < sizeof(Word); ++i) {
    const std::size_t shift = BigEndian ? 8 * (sizeof(Word) - 1 - i) : 8 * i;
    w = static_cast<Word>(w | static_cast<Word>(static_cast<Word>(p[i]) << shift));
  }
  return w;
}

// Writes w in sizeof(Word) bytes at p in the given byte order.
template <class Word, bool BigEndian>
constexpr void store_word(Word w, std::uint8_t* p) noexcept {
  for (std::size_t i = 0; i < sizeof(Word); ++i) {
    const std::size_t shift = BigEndian ? 8 * (sizeof(Word) - 1 - i) : 8 * i;
    p[i] = static_cast<std::uint8_t>(w >> shift);
  }
}

template <class Word>
constexpr Word rotl(Word x, unsigned n) noexcept {
  return static_cast<Word>((x << n) | (x >> (8 * sizeof(Word) - n)));
}
template <class Word>
constexpr Word rotr(Word x, unsigned n) noexcept {
  return static_cast<Word>((x >> n) | (x << (8 * sizeof(Word) - n)));
}

// CRTP base: Derived provides `constexpr void compress(const std::uint8_t* block)`
// and `constexpr digest_type digest_bytes() const`. Streaming: construct (init), update() any
// number of times with any split, final() once.
template <class Derived, std::size_t BlockSize, std::size_t LengthSize, bool BigEndian>
class block_hash {
 public:
  static constexpr std::size_t block_size = BlockSize;

  constexpr void update(std::string_view data) noexcept {
    total_ += data.size();
    std::size_t pos = 0;
    if (used_ != 0) {  // complete the buffered block first
      while (used_ < BlockSize && pos < data.size()) block_[used_++] = static_cast<std::uint8_t>(data[pos++]);
      if (used_ < BlockSize) return;
      self().compress(block_.data());
      used_ = 0;
    }
    // Whole blocks: one tight copy each (compress() reads bytes, and a template over char
    // input would trip clang 14's constant evaluation of not-yet-instantiated members).
    for (; data.size() - pos >= BlockSize; pos += BlockSize) {
      for (std::size_t i = 0; i < BlockSize; ++i) block_[i] = static_cast<std::uint8_t>(data[pos + i]);
      self().compress(block_.data());
    }
    while (pos < data.size()) block_[used_++] = static_cast<std::uint8_t>(data[pos++]);
  }

  // Pads (RFC 1321 section 3.1-3.2, FIPS 180-4 section 5.1) and returns the digest.
  constexpr auto final() noexcept {
    const std::uint64_t bits = total_ << 3;
    block_[used_++] = 0x80;
    if (used_ > BlockSize - LengthSize) {
      while (used_ < BlockSize) block_[used_++] = 0;
      self().compress(block_.data());
      used_ = 0;
    }
    while (used_ < BlockSize) block_[used_++] = 0;
    std::uint8_t* length = block_.data() + BlockSize - LengthSize;
    if constexpr (BigEndian) {
      store_word<std::uint64_t, true>(bits, length + LengthSize - 8);
      // SHA-512's 128-bit length: the bits above 64 of total_ * 8 are total_ >> 61.
      if constexpr (LengthSize == 16) store_word<std::uint64_t, true>(total_ >> 61, length);
    } else {
      static_assert(LengthSize == 8, "only MD5 is little-endian, with a 64-bit length");
      store_word<std::uint64_t, false>(bits, length);
    }
    self().compress(block_.data());
    used_ = 0;
    return self().digest_bytes();
  }

 private:
  constexpr Derived& self() noexcept { return static_cast<Derived&>(*this); }

  std::array<std::uint8_t, BlockSize> block_{};
  std::size_t used_ = 0;
  std::uint64_t total_ = 0;  // bytes hashed so far
};

// One-shot helper shared by every hash: Hash::hash(data).
template <class Hash>
constexpr auto hash_once(std::string_view data) noexcept {
  Hash h;
  h.update(data);
  return h.final();
}

}  // namespace wwwauth::detail
