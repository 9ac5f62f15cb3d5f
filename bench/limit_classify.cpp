// limit_classify: the first stage that a parser built the way the fastest JSON parsers are
// built cannot skip, as fast as this CPU runs it. Every byte is classified into what this
// grammar tells apart (tchar, OWS, ',', '=', '"', '\\', control bytes), quoted-pairs are
// resolved, quoted-strings marked, and the position of every structural byte is visited:
// separators and token starts outside quoted-strings, and unescaped quotes (RFC 9110 sections
// 5.6.2, 5.6.4, 11.2). limit_scan only finds three bytes and classifies nothing; this is what
// validation adds before any grammar rule runs.
#include "bench_common.hpp"

#include <wwwauth/chars.hpp>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <string_view>

#if defined(__GNUC__) && defined(__x86_64__)
#include <immintrin.h>
#endif

namespace bench {

namespace {
bool is_separator(unsigned char c) { return c == ',' || c == '=' || wwwauth::chars::is_ows_rule(c); }
// Inside a quoted-string, a byte that is neither qdtext nor the quote or backslash the
// scanner stops at: control bytes other than HTAB, and DEL (section 5.6.4).
bool is_control(unsigned char c) { return !wwwauth::chars::is_qdtext_rule(c) && c != '"' && c != '\\'; }
// What the sums count each control byte inside a quoted-string as: more than any line's
// positions add up to.
constexpr std::uint64_t control_weight = std::uint64_t{1} << 40;
}  // namespace

// One byte at a time: the definition the vector code must match. A backslash escapes the next
// byte unless it is itself escaped, inside and outside quoted-strings alike (outside, a
// backslash is no tchar and the grammar rejects it anyway). Returns the sum of the structural
// positions, plus control_weight for each control byte inside a quoted-string.
std::uint64_t classify_reference(std::string_view s) {
  std::uint64_t acc = 0;
  bool escape_next = false, in_string = false, previous_tchar = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    const bool escaped = escape_next;
    escape_next = !escaped && c == '\\';
    const bool quote = c == '"' && !escaped;
    if (quote) in_string = !in_string;
    // The opening quote counts as inside, the closing one as outside (a prefix xor of quotes).
    const bool inside = in_string;
    const bool tchar = wwwauth::chars::is_tchar_rule(c) && !inside;
    if (quote || (is_separator(c) && !inside) || (tchar && !previous_tchar)) acc += i;
    if (inside && is_control(c)) acc += control_weight;
    previous_tchar = tchar;
  }
  return acc;
}

namespace {

#if defined(__GNUC__) && defined(__x86_64__)
#define WWWAUTH_BENCH_CLASSIFY 1

// Bit i set where byte i of the 64 equals c.
[[gnu::target("avx2")]] inline std::uint64_t equal_mask(__m256i lo, __m256i hi, char c) {
  const __m256i v = _mm256_set1_epi8(c);
  return static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(lo, v))) |
         static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_cmpeq_epi8(hi, v)))) << 32;
}

// tchar by two nibble lookups: entry c of the column table has bit r set when byte 0xrc is a
// tchar (r < 8; no byte from 0x80 up is one), entry r of the row table is bit r.
struct nibble_tables {
  alignas(16) unsigned char columns[16]{};
  alignas(16) unsigned char rows[16]{};
};
constexpr nibble_tables make_tchar_tables() {
  nibble_tables t;
  for (unsigned row = 0; row < 8; ++row) {
    t.rows[row] = static_cast<unsigned char>(1U << row);
    for (unsigned column = 0; column < 16; ++column) {
      if (wwwauth::chars::is_tchar_rule(static_cast<unsigned char>(row << 4 | column)))
        t.columns[column] |= t.rows[row];
    }
  }
  return t;
}
constexpr nibble_tables tchar_tables = make_tchar_tables();

[[gnu::target("avx2")]] inline std::uint32_t tchar_mask32(__m256i v) {
  const __m256i columns =
      _mm256_broadcastsi128_si256(_mm_load_si128(reinterpret_cast<const __m128i*>(tchar_tables.columns)));
  const __m256i rows = _mm256_broadcastsi128_si256(_mm_load_si128(reinterpret_cast<const __m128i*>(tchar_tables.rows)));
  const __m256i nibble = _mm256_set1_epi8(0x0f);
  const __m256i column = _mm256_shuffle_epi8(columns, _mm256_and_si256(v, nibble));
  // Rows 8 to 15 (bytes from 0x80 up) are zero in the row table.
  const __m256i row = _mm256_shuffle_epi8(rows, _mm256_and_si256(_mm256_srli_epi16(v, 4), nibble));
  const __m256i none = _mm256_cmpeq_epi8(_mm256_and_si256(column, row), _mm256_setzero_si256());
  return ~static_cast<std::uint32_t>(_mm256_movemask_epi8(none));
}

// Bytes below 0x20 other than HTAB, and DEL.
[[gnu::target("avx2")]] inline std::uint32_t control_mask32(__m256i v) {
  const __m256i below_space = _mm256_cmpeq_epi8(_mm256_min_epu8(v, _mm256_set1_epi8(0x1f)), v);
  const __m256i tab = _mm256_cmpeq_epi8(v, _mm256_set1_epi8('\t'));
  const __m256i del = _mm256_cmpeq_epi8(v, _mm256_set1_epi8(0x7f));
  return static_cast<std::uint32_t>(_mm256_movemask_epi8(_mm256_or_si256(_mm256_andnot_si256(tab, below_space), del)));
}

// The classes of 64 bytes at p, as masks shifted right by `shift` (the bytes a last, overlapping
// block has already seen).
struct block_masks {
  std::uint64_t backslash, quote, separator, tchar, control;
};
[[gnu::target("avx2")]] inline block_masks classify_block(const char* p, unsigned shift) {
  const __m256i lo = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
  const __m256i hi = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 32));
  const auto both = [](std::uint32_t low, std::uint32_t high) { return low | static_cast<std::uint64_t>(high) << 32; };
  return {
      equal_mask(lo, hi, '\\') >> shift, equal_mask(lo, hi, '"') >> shift,
      (equal_mask(lo, hi, ',') | equal_mask(lo, hi, '=') | equal_mask(lo, hi, ' ') | equal_mask(lo, hi, '\t')) >> shift,
      both(tchar_mask32(lo), tchar_mask32(hi)) >> shift, both(control_mask32(lo), control_mask32(hi)) >> shift};
}

// What one block hands the next, and the sum so far. Quoted-pairs as in simdjson: runs of
// backslashes of odd length escape the byte after them, found with one addition; the
// quoted-string mask is the prefix xor of the unescaped quotes, one carry-less multiplication.
struct classify_state {
  std::uint64_t acc = 0, escaped_carry = 0, in_string_carry = 0, tchar_carry = 0;

  [[gnu::target("avx2,pclmul")]] void step(const block_masks& m, std::size_t base) {
    constexpr std::uint64_t even_bits = 0x5555555555555555ULL;
    const std::uint64_t backslash = m.backslash & ~escaped_carry;
    const std::uint64_t follows_escape = backslash << 1 | escaped_carry;
    const std::uint64_t odd_starts = backslash & ~even_bits & ~follows_escape;
    unsigned long long sequences_even = 0;
    escaped_carry = __builtin_uaddll_overflow(odd_starts, backslash, &sequences_even) ? 1 : 0;
    const std::uint64_t escaped = (even_bits ^ (sequences_even << 1)) & follows_escape;

    const std::uint64_t quote = m.quote & ~escaped;
    const __m128i prefix = _mm_clmulepi64_si128(_mm_set_epi64x(0, static_cast<long long>(quote)), _mm_set1_epi8(-1), 0);
    const std::uint64_t in_string = static_cast<std::uint64_t>(_mm_cvtsi128_si64(prefix)) ^ in_string_carry;
    in_string_carry = in_string >> 63 != 0 ? ~std::uint64_t{0} : 0;

    const std::uint64_t tchar = m.tchar & ~in_string;
    const std::uint64_t token_start = tchar & ~(tchar << 1 | tchar_carry);
    tchar_carry = tchar >> 63;
    visit_hits(acc, base, quote | (m.separator & ~in_string) | token_start);
    acc += control_weight * static_cast<std::uint64_t>(__builtin_popcountll(m.control & in_string));
  }
};

// Sixty-four bytes a step; the last partial block is the line's last 64 bytes with those
// already seen shifted out, or for a line shorter than 64 a copy padded with 0x80, which is in
// no class.
[[gnu::noinline, gnu::target("avx2,pclmul")]] std::uint64_t classify_avx2(std::string_view s) {
  classify_state state;
  const std::size_t n = s.size();
  std::size_t base = 0;
  for (; base + 64 <= n; base += 64) state.step(classify_block(s.data() + base, 0), base);
  if (base == n) return state.acc;
  if (n >= 64) {
    state.step(classify_block(s.data() + n - 64, static_cast<unsigned>(64 - (n - base))), base);
  } else {
    char padded[64];
    std::memset(padded, 0x80, sizeof padded);
    std::memcpy(padded, s.data(), n);
    state.step(classify_block(padded, 0), 0);
  }
  return state.acc;
}

// Lines of up to 300 bytes drawn from the bytes the classes turn on, so that runs of
// backslashes, quoted-strings and tokens cross the blocks' boundaries in every way: the number
// on which `classify` and the byte loop disagree.
std::size_t disagreements(classify_fn classify) {
  constexpr char alphabet[] = {'a', 'Z', '"', '"', '\\', '\\', '\\', ',', '=', ' ', '\t', '(', '\x01', '\x7f', '\x80'};
  std::mt19937 random(2026);
  std::size_t wrong = 0;
  std::string line;
  for (int i = 0; i < 20000; ++i) {
    line.resize(random() % 300);
    for (char& c : line) c = alphabet[random() % sizeof alphabet];
    if (classify(line) != classify_reference(line)) ++wrong;
  }
  return wrong;
}
#endif

}  // namespace

classify_fn fastest_classify() {
#if defined(WWWAUTH_BENCH_CLASSIFY)
  static const classify_fn checked = [] {
    if (!__builtin_cpu_supports("avx2") || !__builtin_cpu_supports("pclmul")) {
      std::fprintf(stderr, "limit_classify: skipped, the CPU lacks AVX2 or PCLMUL\n");
      return classify_fn{nullptr};
    }
    if (const std::size_t wrong = disagreements(classify_avx2)) {
      std::fprintf(stderr, "wwwauth-bench: limit_classify disagrees with its byte loop on %zu generated lines\n",
                   wrong);
      return classify_fn{nullptr};
    }
    return classify_fn{classify_avx2};
  }();
  return checked;
#else
  std::fprintf(stderr, "limit_classify: skipped, x86-64 only\n");
  return nullptr;
#endif
}

}  // namespace bench
