// Sixteen bytes at a time through the long runs of a field: the inside of quoted-strings
// (nonces, URLs, error descriptions). SSE2 is part of x86-64, so no run-time dispatch is
// needed; elsewhere, in constant evaluation, or with WWWAUTH_NO_SIMD defined, the portable
// byte loop of the caller does the same work.
#pragma once

#include <cstddef>
#include <string_view>

#include "constant_evaluation.hpp"

#if !defined(WWWAUTH_NO_SIMD) && (defined(__SSE2__) || defined(_M_X64) || (defined(_M_IX86_FP) && _M_IX86_FP >= 2))
#define WWWAUTH_SSE2 1
#include <emmintrin.h>
#if defined(_MSC_VER) && !defined(__clang__)
#include <intrin.h>
#endif
#endif

namespace wwwauth::detail {

// True when vector code may run: at run time, never during constant evaluation.
constexpr bool vector_path_allowed() noexcept {
#if defined(WWWAUTH_SSE2)
  return certainly_run_time();
#else
  return false;
#endif
}

#if defined(WWWAUTH_SSE2)
inline unsigned lowest_set_bit(unsigned mask) noexcept {
#if defined(_MSC_VER) && !defined(__clang__)
  unsigned long index = 0;
  _BitScanForward(&index, mask);
  return static_cast<unsigned>(index);
#else
  return static_cast<unsigned>(__builtin_ctz(mask));
#endif
}

// Bit i set when byte i of the chunk is one a quoted-string scanner must look at: '"', '\\', a
// control byte (HTAB included; the caller accepts it) or DEL.
inline unsigned quoted_specials(__m128i chunk) noexcept {
  // Unsigned c >= 0x20 exactly when max(c, 0x20) == c; obs-text (0x80-0xFF) passes.
  const __m128i visible = _mm_cmpeq_epi8(_mm_max_epu8(chunk, _mm_set1_epi8(0x20)), chunk);
  const __m128i delimiters = _mm_or_si128(_mm_cmpeq_epi8(chunk, _mm_set1_epi8('"')),
                                          _mm_cmpeq_epi8(chunk, _mm_set1_epi8('\\')));
  const __m128i special = _mm_or_si128(_mm_or_si128(delimiters, _mm_cmpeq_epi8(chunk, _mm_set1_epi8(0x7F))),
                                       _mm_andnot_si128(visible, _mm_set1_epi8(-1)));
  return static_cast<unsigned>(_mm_movemask_epi8(special));
}

// c - lo <= n (unsigned) exactly when min(c - lo, n) == c - lo.
inline __m128i in_range(__m128i c, char lo, char n) noexcept {
  const __m128i d = _mm_sub_epi8(c, _mm_set1_epi8(lo));
  return _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(n)), d);
}
inline __m128i equals(__m128i c, char value) noexcept { return _mm_cmpeq_epi8(c, _mm_set1_epi8(value)); }

// Bit i set when byte i is outside token68's body: not ALPHA / DIGIT / "-" / "." / "_" / "~"
// / "+" / "/" (RFC 9110 section 11.2).
inline unsigned non_token68(__m128i chunk) noexcept {
  const __m128i alpha = in_range(_mm_or_si128(chunk, _mm_set1_epi8(0x20)), 'a', 25);
  const __m128i digit = in_range(chunk, '0', 9);
  // '+' ',' '-' '.' '/' are consecutive; ',' is the one to leave out.
  const __m128i punct = _mm_andnot_si128(equals(chunk, ','), in_range(chunk, '+', 4));
  const __m128i other = _mm_or_si128(equals(chunk, '_'), equals(chunk, '~'));
  const __m128i ok = _mm_or_si128(_mm_or_si128(alpha, digit), _mm_or_si128(punct, other));
  return ~static_cast<unsigned>(_mm_movemask_epi8(ok)) & 0xFFFFU;
}

// Offset of the first byte at or after `pos` whose bit `classify` sets, or s.size(). Never
// reads outside s: the last partial chunk is read as the final 16 bytes of s, with the bytes
// before `pos` shifted out.
template <class Classify>
std::size_t find_first_sse2(std::string_view s, std::size_t pos, Classify classify) noexcept {
  const auto load = [&](std::size_t at) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + at)); };
  for (; pos + 16 <= s.size(); pos += 16) {
    if (const unsigned mask = classify(load(pos))) return pos + lowest_set_bit(mask);
  }
  if (pos >= s.size() || s.size() < 16) return pos;
  const std::size_t tail = s.size() - 16;
  const unsigned mask = classify(load(tail)) >> (pos - tail);
  return mask != 0 ? pos + lowest_set_bit(mask) : s.size();
}
#endif

}  // namespace wwwauth::detail
