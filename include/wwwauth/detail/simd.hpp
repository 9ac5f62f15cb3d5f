// Sixteen or thirty-two bytes at a time through the long runs of a field: the inside of
// quoted-strings (nonces, URLs, error descriptions) and token68 (Negotiate, NTLM). SSE2 is part
// of x86-64 and needs no check; AVX2 is compiled in with a target attribute and chosen at run
// time when the CPU has it (GCC and clang; WWWAUTH_NO_AVX2 keeps SSE2 only). Elsewhere, in
// constant evaluation, or with WWWAUTH_NO_SIMD defined, the portable byte loop of the caller
// does the same work.
#pragma once

#include <cstddef>
#include <string_view>

#include "../chars.hpp"
#include "constant_evaluation.hpp"
#include "inlining.hpp"

#if !defined(WWWAUTH_NO_SIMD) && (defined(__SSE2__) || defined(_M_X64) || (defined(_M_IX86_FP) && _M_IX86_FP >= 2))
#define WWWAUTH_SSE2 1
#include <emmintrin.h>
#if defined(_MSC_VER) && !defined(__clang__)
#include <intrin.h>
#endif
#if !defined(WWWAUTH_NO_AVX2) && (defined(__GNUC__) || defined(__clang__))
#define WWWAUTH_AVX2 1
#define WWWAUTH_TARGET_AVX2 [[gnu::target("avx2")]]
#include <immintrin.h>
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
// control byte (HTAB included; the caller accepts it) or DEL. Unsigned c >= 0x20 exactly when
// max(c, 0x20) == c; obs-text (0x80-0xFF) passes.
struct quoted_specials {
  static unsigned sse2(__m128i chunk) noexcept {
    const __m128i visible = _mm_cmpeq_epi8(_mm_max_epu8(chunk, _mm_set1_epi8(0x20)), chunk);
    const __m128i delimiters =
        _mm_or_si128(_mm_cmpeq_epi8(chunk, _mm_set1_epi8('"')), _mm_cmpeq_epi8(chunk, _mm_set1_epi8('\\')));
    const __m128i special = _mm_or_si128(_mm_or_si128(delimiters, _mm_cmpeq_epi8(chunk, _mm_set1_epi8(0x7F))),
                                         _mm_andnot_si128(visible, _mm_set1_epi8(-1)));
    return static_cast<unsigned>(_mm_movemask_epi8(special));
  }
#if defined(WWWAUTH_AVX2)
  // The same test on 32 bytes.
  WWWAUTH_TARGET_AVX2 static unsigned avx2(__m256i chunk) noexcept {
    const __m256i visible = _mm256_cmpeq_epi8(_mm256_max_epu8(chunk, _mm256_set1_epi8(0x20)), chunk);
    const __m256i delimiters = _mm256_or_si256(_mm256_cmpeq_epi8(chunk, _mm256_set1_epi8('"')),
                                               _mm256_cmpeq_epi8(chunk, _mm256_set1_epi8('\\')));
    const __m256i special =
        _mm256_or_si256(_mm256_or_si256(delimiters, _mm256_cmpeq_epi8(chunk, _mm256_set1_epi8(0x7F))),
                        _mm256_andnot_si256(visible, _mm256_set1_epi8(-1)));
    return static_cast<unsigned>(_mm256_movemask_epi8(special));
  }
#endif
};

// Bit i set when byte i is outside token68's body: not ALPHA / DIGIT / "-" / "." / "_" / "~"
// / "+" / "/" (RFC 9110 section 11.2). In ranges, c - lo <= n (unsigned) exactly when
// min(c - lo, n) == c - lo; '+' ',' '-' '.' '/' are consecutive and ',' is left out.
struct non_token68 {
  static unsigned sse2(__m128i c) noexcept {
    const auto in_range = [](__m128i v, char lo, char n) {
      const __m128i d = _mm_sub_epi8(v, _mm_set1_epi8(lo));
      return _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(n)), d);
    };
    const auto equals = [](__m128i v, char value) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(value)); };
    const __m128i alpha = in_range(_mm_or_si128(c, _mm_set1_epi8(0x20)), 'a', 25);
    const __m128i digit = in_range(c, '0', 9);
    const __m128i punct = _mm_andnot_si128(equals(c, ','), in_range(c, '+', 4));
    const __m128i other = _mm_or_si128(equals(c, '_'), equals(c, '~'));
    const __m128i ok = _mm_or_si128(_mm_or_si128(alpha, digit), _mm_or_si128(punct, other));
    return ~static_cast<unsigned>(_mm_movemask_epi8(ok)) & 0xFFFFU;
  }
#if defined(WWWAUTH_AVX2)
  // The same test on 32 bytes.
  WWWAUTH_TARGET_AVX2 static unsigned avx2(__m256i c) noexcept {
    const __m256i lower = _mm256_or_si256(c, _mm256_set1_epi8(0x20));
    const __m256i alpha_d = _mm256_sub_epi8(lower, _mm256_set1_epi8('a'));
    const __m256i alpha = _mm256_cmpeq_epi8(_mm256_min_epu8(alpha_d, _mm256_set1_epi8(25)), alpha_d);
    const __m256i digit_d = _mm256_sub_epi8(c, _mm256_set1_epi8('0'));
    const __m256i digit = _mm256_cmpeq_epi8(_mm256_min_epu8(digit_d, _mm256_set1_epi8(9)), digit_d);
    const __m256i punct_d = _mm256_sub_epi8(c, _mm256_set1_epi8('+'));
    const __m256i punct =
        _mm256_andnot_si256(_mm256_cmpeq_epi8(c, _mm256_set1_epi8(',')),
                            _mm256_cmpeq_epi8(_mm256_min_epu8(punct_d, _mm256_set1_epi8(4)), punct_d));
    const __m256i other =
        _mm256_or_si256(_mm256_cmpeq_epi8(c, _mm256_set1_epi8('_')), _mm256_cmpeq_epi8(c, _mm256_set1_epi8('~')));
    const __m256i ok = _mm256_or_si256(_mm256_or_si256(alpha, digit), _mm256_or_si256(punct, other));
    return ~static_cast<unsigned>(_mm256_movemask_epi8(ok));
  }
#endif
};

#if defined(WWWAUTH_AVX2)
// Whether the CPU (and the OS, which must save the YMM registers) runs AVX2; asked once.
inline bool cpu_has_avx2() noexcept {
#if defined(__AVX2__)
  return true;
#else
  static const bool has = __builtin_cpu_supports("avx2") != 0;
  return has;
#endif
}
#endif

// The chunk loop of the scanners below, a vector of `Classify`'s bits at a time from `pos`.
// `walk(at, mask, width, next)` reads the bits of the chunk of `width` bytes at `at` (bit i for
// byte at + i): it returns true to stop, with the answer in `next`, or false with `next` where
// the following chunk starts. Never reads outside s: the last partial chunk is read as the
// final 16 (or 32) bytes of s, with the bytes before `pos` shifted out. Returns where the walk
// stopped, or s.size(); or `pos` itself when s is shorter than a vector (the caller's byte loop
// takes it).
template <class Classify, class Walk>
std::size_t scan_chunks_sse2(std::string_view s, std::size_t pos, Walk walk) noexcept {
  const auto load = [&](std::size_t at) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + at)); };
  std::size_t next = pos;
  for (; pos + 16 <= s.size(); pos = next) {
    if (walk(pos, Classify::sse2(load(pos)), std::size_t{16}, next)) return next;
  }
  if (pos >= s.size() || s.size() < 16) return pos;
  const std::size_t tail = s.size() - 16;
  walk(pos, Classify::sse2(load(tail)) >> (pos - tail), s.size() - pos, next);
  return next;
}
#if defined(WWWAUTH_AVX2)
// The same thirty-two bytes a step; s holds at least 32 bytes from `pos`. (No lambda for the
// load: it would lack the target attribute.)
template <class Classify, class Walk>
WWWAUTH_TARGET_AVX2 WWWAUTH_FLATTEN std::size_t scan_chunks_avx2(std::string_view s, std::size_t pos,
                                                                 Walk walk) noexcept {
  const char* data = s.data();
  std::size_t next = pos;
  for (; pos + 32 <= s.size(); pos = next) {
    const unsigned mask = Classify::avx2(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(data + pos)));
    if (walk(pos, mask, std::size_t{32}, next)) return next;
  }
  if (pos >= s.size()) return pos;
  const std::size_t tail = s.size() - 32;
  walk(pos, Classify::avx2(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(data + tail))) >> (pos - tail),
       s.size() - pos, next);
  return next;
}
#endif

// Most names and values end within 16 bytes: the first chunk is SSE2, inline and with no CPU
// check; a run going on past it continues with AVX2 when 32 bytes remain and the CPU has it.
template <class Classify, class Walk>
std::size_t scan_chunks(std::string_view s, std::size_t pos, Walk walk) noexcept {
#if defined(WWWAUTH_AVX2)
  if (pos + 16 <= s.size()) {
    std::size_t next = pos;
    if (walk(pos, Classify::sse2(_mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + pos))), std::size_t{16},
             next)) {
      return next;
    }
    pos = next;
    if (pos + 32 <= s.size() && cpu_has_avx2()) return scan_chunks_avx2<Classify>(s, pos, walk);
  }
#endif
  return scan_chunks_sse2<Classify>(s, pos, walk);
}

// Offset of the first byte at or after `pos` whose bit `Classify` sets, or s.size().
template <class Classify>
std::size_t find_first(std::string_view s, std::size_t pos) noexcept {
  return scan_chunks<Classify>(s, pos, [](std::size_t at, unsigned mask, std::size_t width, std::size_t& next) {
    next = at + (mask != 0 ? lowest_set_bit(mask) : width);
    return mask != 0;
  });
}

// Through a quoted-string's content from `pos`, taking HTAB and quoted-pairs inside the vector
// loop (a pair whose second byte is quotable counts in `escapes`). Returns the first byte the
// caller's byte loop must decide on: '"', another control byte, DEL, a backslash whose pair is
// not quotable or is cut by the field's end; or s.size().
inline std::size_t quoted_run_end(std::string_view s, std::size_t pos, std::size_t& escapes) noexcept {
  std::size_t pairs = 0;  // a local: the walk's stores stay in a register
  const std::size_t end = scan_chunks<quoted_specials>(
      s, pos, [s, &pairs](std::size_t at, unsigned mask, std::size_t width, std::size_t& next) {
        while (mask != 0) {
          const unsigned bit = lowest_set_bit(mask);
          const std::size_t i = at + bit;
          if (s[i] == '\t') {
            mask &= mask - 1;
            continue;
          }
          if (s[i] != '\\' || i + 1 >= s.size() || !chars::is_quotable(s[i + 1])) {
            next = i;
            return true;
          }
          ++pairs;
          if (bit + 1 >= width) {  // the pair's second byte starts the next chunk
            next = i + 2;
            return false;
          }
          mask &= ~(3U << bit);
        }
        next = at + width;
        return false;
      });
  escapes += pairs;
  return end;
}
#endif

}  // namespace wwwauth::detail
