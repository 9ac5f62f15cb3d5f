// Base64 (RFC 4648 section 4, with padding), as Basic credentials need it (RFC 7617 section
// 2). Encoding streams, so that "user" ":" "pass" is encoded without first being joined in a
// buffer; decoding writes into the caller's buffer and says at which byte the input is bad.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace wwwauth::detail {

inline constexpr std::string_view base64_alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

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

// The value of a base64 character, or -1.
constexpr int base64_value(char c) noexcept {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

struct base64_decoded {
  bool ok = false;
  std::size_t error_offset = 0;  // when !ok: the first byte of the input that is not base64
  std::size_t size = 0;          // when ok: the decoded size (written only when it fits)
};

// Decodes into buf[0, cap) when the result fits; checks the whole input either way. Padding
// may be left out (some clients do), but where present it must complete the last group, and
// nothing may follow it (RFC 4648 section 3.3: other characters are errors).
constexpr base64_decoded base64_decode(std::string_view in, char* buf, std::size_t cap) noexcept {
  std::size_t data = in.size();
  while (data > 0 && in[data - 1] == '=' && in.size() - data < 2) --data;
  const std::size_t padding = in.size() - data;
  base64_decoded r;
  for (std::size_t i = 0; i < data; ++i) {
    if (base64_value(in[i]) < 0) {
      r.error_offset = i;
      return r;
    }
  }
  // A last group of one character carries no whole byte; padding must fill the group to 4.
  if (data % 4 == 1 || (padding != 0 && (data + padding) % 4 != 0)) {
    r.error_offset = data % 4 == 1 ? data - 1 : data;
    return r;
  }
  r.ok = true;
  r.size = data / 4 * 3 + (data % 4 == 0 ? 0 : data % 4 - 1);
  if (r.size > cap) return r;
  std::uint32_t group = 0;
  std::size_t out = 0;
  for (std::size_t i = 0; i < data; ++i) {
    group = (group << 6) | static_cast<std::uint32_t>(base64_value(in[i]));
    if (i % 4 == 3 || i + 1 == data) {
      const std::size_t chars = i % 4 + 1;  // 2, 3 or 4 characters give 1, 2 or 3 bytes
      group <<= 6 * (4 - chars);
      for (std::size_t k = 0; k + 1 < chars; ++k) buf[out++] = static_cast<char>((group >> (16 - 8 * k)) & 0xff);
      group = 0;
    }
  }
  return r;
}

}  // namespace wwwauth::detail
