// Decoding the inside of a quoted-string (RFC 9110 section 5.6.4): each quoted-pair "\" x
// stands for x. The one rule every decoding and comparison of a value steps with.
#pragma once

#include <cstddef>
#include <string_view>

#include "detail/simd.hpp"

namespace wwwauth {

namespace detail {
struct unescaped_byte {
  char c;
  std::size_t next;  // the offset after it in the raw bytes
};
// The decoded byte that starts at raw[i]. A lone trailing backslash, which only lenient mode
// lets through (an unterminated string at the end of a field), stays literal.
constexpr unescaped_byte unescape_at(std::string_view raw, std::size_t i) noexcept {
  if (raw[i] == '\\' && i + 1 < raw.size()) return {raw[i + 1], i + 2};
  return {raw[i], i + 1};
}
}  // namespace detail

// Calls `visit(char)` for each byte of the decoded inside of a quoted-string, until it returns
// false; true when all were visited.
template <class Visit>
constexpr bool for_each_unescaped(std::string_view raw, Visit visit) {
  for (std::size_t i = 0; i < raw.size();) {
    const detail::unescaped_byte b = detail::unescape_at(raw, i);
    if (!visit(b.c)) return false;
    i = b.next;
  }
  return true;
}

namespace detail {
#if defined(WWWAUTH_SSE2)
// Decodes the inside of a quoted-string from raw[i] to out[o] while sixteen bytes can be read
// and written (o + 16 <= decoded_size): each step stores a chunk as it is and keeps the bytes
// before its first backslash, then the byte that backslash quotes. Values quoting JSON or
// Windows paths hold a quoted-pair every few bytes. Leaves i and o where the byte loop of the
// caller goes on.
inline void unescape_chunks(std::string_view raw, std::size_t decoded_size, char* out, std::size_t& i,
                            std::size_t& o) noexcept {
  while (i + 16 <= raw.size() && o + 16 <= decoded_size) {
    const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(raw.data() + i));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + o), chunk);
    const auto backslashes = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, _mm_set1_epi8('\\'))));
    if (backslashes == 0) {
      i += 16;
      o += 16;
      continue;
    }
    const unsigned run = lowest_set_bit(backslashes);
    if (run == 0) {
      // Quoted-pairs back to back (`\"\"\"`): bytes one at a time beat a vector step per pair.
      for (const std::size_t stop = i + 16; i < stop;) {
        const unescaped_byte b = unescape_at(raw, i);
        out[o++] = b.c;
        i = b.next;
      }
      continue;
    }
    i += run;
    o += run;
    if (i + 1 == raw.size()) return;  // a lone trailing backslash (lenient): the byte loop keeps it
    out[o++] = raw[i + 1];
    i += 2;
  }
}
#endif

// Writes the decoded inside of a quoted-string to `out`, which has room for its
// `decoded_size` bytes (raw.size() less the quoted-pairs), and never more: a param_value built
// by hand with too many escapes for its raw bytes is cut short, not written past its size.
constexpr void unescape_into(std::string_view raw, std::size_t decoded_size, char* out) noexcept {
  std::size_t i = 0;
  std::size_t o = 0;
#if defined(WWWAUTH_SSE2)
  if (vector_path_allowed()) unescape_chunks(raw, decoded_size, out, i, o);
#endif
  while (i < raw.size() && o < decoded_size) {
    const unescaped_byte b = unescape_at(raw, i);
    out[o++] = b.c;
    i = b.next;
  }
}
}  // namespace detail

// Writes the decoded inside of a quoted-string to `out`.
template <class OutputIt>
constexpr OutputIt unescape(std::string_view raw, OutputIt out) {
  for_each_unescaped(raw, [&](char c) {
    *out = c;
    ++out;
    return true;
  });
  return out;
}

}  // namespace wwwauth
