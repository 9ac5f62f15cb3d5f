// Base64 encoding (RFC 4648 section 4, with padding), as Basic credentials need it
// (RFC 7617 section 2). Streaming, so that "user" ":" "pass" is encoded without first being
// joined in a buffer.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace wwwauth::detail {

inline constexpr std::string_view base64_alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

constexpr std::size_t base64_encoded_size(std::size_t n) noexcept { return (n + 2) / 3 * 4; }

// Feeds bytes in any split; finish() writes the last group with '=' padding and returns the
// output iterator past the last character written.
template <class OutIt>
class base64_writer {
 public:
  constexpr explicit base64_writer(OutIt out) noexcept : out_(out) {}

  constexpr void write(std::string_view data) noexcept {
    for (const char c : data) {
      group_ = (group_ << 8) | static_cast<std::uint8_t>(c);
      if (++pending_ == 3) {
        emit(4);
        group_ = 0;
        pending_ = 0;
      }
    }
  }

  constexpr OutIt finish() noexcept {
    if (pending_ != 0) {
      const unsigned have = pending_;
      group_ <<= 8 * (3 - have);  // align the partial group as if zero bytes followed
      emit(have + 1);
      for (unsigned i = have; i < 3; ++i) put('=');
      group_ = 0;
      pending_ = 0;
    }
    return out_;
  }

 private:
  // Writes the first `count` sextets of the 24-bit group.
  constexpr void emit(unsigned count) noexcept {
    for (unsigned i = 0; i < count; ++i) put(base64_alphabet[(group_ >> (18 - 6 * i)) & 0x3f]);
  }
  constexpr void put(char c) noexcept {
    *out_ = c;
    ++out_;
  }

  OutIt out_;
  std::uint32_t group_ = 0;
  unsigned pending_ = 0;  // bytes in group_ (0..2 between calls)
};

template <class OutIt>
constexpr OutIt base64_encode(std::string_view data, OutIt out) noexcept {
  base64_writer<OutIt> w(out);
  w.write(data);
  return w.finish();
}

}  // namespace wwwauth::detail
