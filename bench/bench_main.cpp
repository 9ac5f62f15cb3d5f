// wwwauth-bench: wwwauth's strict parser on realistic WWW-Authenticate field values, beside the
// cost of merely reading the bytes (limit_read), of finding every structural byte (limit_scan)
// and beside every peer parser found at configure time, all in one run. Benchmark names are
// fixed (bench/report reads them):
//   parse/<set>            wwwauth, strict, touching scheme, token68, names and decoded values
//   limit_read/<set>       read every byte once
//   limit_scan/<set>       find every '"', '\\' and ',' (AVX2 where the CPU has it, else SSE2)
//   limit_classify/<set>   classify every byte as a validating first stage must (AVX2 and PCLMUL;
//                          absent without them)
//   peer_<name>/<set>      a peer, on the lines it can express (see peer_<name>.cpp)
//   subset_<name>/<set>    wwwauth on exactly those lines, for the peer/wwwauth ratio
//   scaling/<n>            one challenge with a quoted value of n bytes
//   scaling_<shape>/<n>    adversarial shapes (commas, '=' runs, escapes, ...)
// Each reports bytes_per_second, items_per_second (field lines) and allocs_per_item.
// Before timing, every peer's output is compared with wwwauth's and each disagreement is
// printed on stderr.
#include "bench_common.hpp"

#include <wwwauth/challenge.hpp>  // parse_challenges, challenge, auth_param, param_value

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__GNUC__) && defined(__x86_64__)
#include <immintrin.h>
#endif

namespace bench {

std::vector<const peer*>& peers() {
  static std::vector<const peer*> all;
  return all;
}

void canonicalize(line_model& m) {
  auto lower = [](std::string& s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  };
  for (auto& c : m.challenges) {
    lower(c.scheme);
    for (auto& p : c.params) lower(p.first);
    std::sort(c.params.begin(), c.params.end());
  }
}

namespace {

std::string shorten(std::string_view s, std::size_t max) {
  std::string out;
  for (char c : s.substr(0, max)) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) {
      char esc[8];
      std::snprintf(esc, sizeof esc, "\\x%02x", u);
      out += esc;
    } else {
      out += c;
    }
  }
  if (s.size() > max) out += "...(" + std::to_string(s.size()) + " B)";
  return out;
}

}  // namespace

std::string describe(const challenge_model& c) {
  std::string out = shorten(c.scheme, 40);
  if (c.has_token68) out += " <token68 " + std::to_string(c.token68.size()) + " B>";
  if (!c.params.empty()) {
    out += " {";
    for (std::size_t i = 0; i < c.params.size(); ++i) {
      out += (i ? "; " : "") + shorten(c.params[i].first, 30) + "=" + shorten(c.params[i].second, 48);
    }
    out += "}";
  }
  return out;
}

std::string describe(const line_model& m) {
  std::string out;
  for (const auto& c : m.challenges) out += (out.empty() ? "" : " | ") + describe(c);
  if (m.failed) out += " [error]";
  return out.empty() ? "(nothing)" : out;
}

// The two results side by side; for lines with many challenges, only from the first that differs.
std::string describe_difference(const line_model& ours, const line_model& theirs, const char* name) {
  std::size_t first = 0;
  while (first < ours.challenges.size() && first < theirs.challenges.size() &&
         ours.challenges[first] == theirs.challenges[first])
    ++first;
  auto side = [first](const line_model& m) {
    if (first == 0) return describe(m);
    std::string out = "(challenges 1-" + std::to_string(first) + " agree) ";
    for (std::size_t i = first; i < m.challenges.size() && i < first + 2; ++i)
      out += (i > first ? " | " : "") + describe(m.challenges[i]);
    if (m.challenges.size() > first + 2) out += " | ... (" + std::to_string(m.challenges.size()) + " challenges)";
    if (m.failed) out += " [error]";
    return out;
  };
  char label[32];
  std::snprintf(label, sizeof label, "%-7s", name);
  return "    wwwauth: " + side(ours) + "\n    " + label + ": " + side(theirs);
}

namespace {

// ---------------------------------------------------------------- wwwauth, as a client uses it

// A buffer for decoding values too long for the stack buffer (the long set, scaling): static,
// so that decoding never allocates.
char big_buffer[2u << 20];

void parse_into(std::string_view line, sink& out, wwwauth::mode m) {
  const auto list = wwwauth::parse_challenges(line, m);
  for (const auto& ch : list) {
    out.scheme(ch.scheme());
    if (ch.has_token68()) out.token68(ch.token68());
    for (const auto& p : ch.params()) {
      const auto v = p.value();
      if (v.is_plain()) {
        out.param(p.name(), v.raw());
      } else {
        char small[1024];
        char* buf = v.size() <= sizeof small ? small : big_buffer;
        const std::size_t n = v.decode_into(buf, v.size() <= sizeof small ? sizeof small : sizeof big_buffer);
        out.param(p.name(), std::string_view(buf, n));
      }
    }
  }
  if (list.error()) out.fail();
}

// The timed path. noinline: callgrind's --toggle-collect names it (bench/README.md), and only
// the timed calls reach it (the comparison before timing records through parse_into).
[[gnu::noinline]] void wwwauth_parse_line(std::string_view line, wwwauth::mode m) {
  sink s;
  parse_into(line, s, m);
}

line_model wwwauth_model(std::string_view line) {
  line_model m;
  sink s(&m);
  parse_into(line, s, wwwauth::mode::strict);
  canonicalize(m);
  return m;
}

// ---------------------------------------------------------------- the floors

// Reads every byte once, eight at a time: what any parser must at least pay.
[[gnu::noinline]] std::uint64_t read_every_byte(std::string_view s) {
  std::uint64_t acc = 0;
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    acc ^= w;
  }
  for (; i < s.size(); ++i) acc += static_cast<unsigned char>(s[i]);
  return acc;
}

// Visits every '"', '\\' and ',' (the bytes a quoted-string and list scanner must stop at):
// the floor for any parser of this grammar. Vector code reads whole chunks; the last partial
// chunk is read as the final chunk of the line with the bytes already seen shifted out, as
// wwwauth's own scanners do, so no byte is handled one at a time.
std::uint64_t scan_structural_bytes(std::string_view s) {
  std::uint64_t acc = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '"' || c == '\\' || c == ',') acc += i;
  }
  return acc;
}

#if defined(__SSE2__)
unsigned hits16(const char* at) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
  const __m128i hit =
      _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))),
                   _mm_cmpeq_epi8(v, _mm_set1_epi8(',')));
  return static_cast<unsigned>(_mm_movemask_epi8(hit));
}

// Sixteen bytes per step with SSE2, the x86-64 baseline that wwwauth itself compiles for.
[[gnu::noinline]] std::uint64_t scan_structural_sse2(std::string_view s) {
  const char* p = s.data();
  const std::size_t n = s.size();
  if (n < 16) return scan_structural_bytes(s);
  std::uint64_t acc = 0;
  std::size_t i = 0;
  for (; i + 16 <= n; i += 16) visit_hits(acc, i, hits16(p + i));
  if (i < n) visit_hits(acc, i, hits16(p + n - 16) >> (i - (n - 16)));
  return acc;
}
#endif

#if defined(__GNUC__) && defined(__x86_64__)
#define WWWAUTH_BENCH_AVX2 1
// Thirty-two bytes per step with AVX2 where the CPU has it (as glibc's memchr does): the
// fastest scan this machine offers, chosen at run time.
[[gnu::noinline, gnu::target("avx2")]] std::uint64_t scan_structural_avx2(std::string_view s) {
  const char* p = s.data();
  const std::size_t n = s.size();
  if (n < 32) return scan_structural_sse2(s);
  const __m256i quote = _mm256_set1_epi8('"');
  const __m256i backslash = _mm256_set1_epi8('\\');
  const __m256i comma = _mm256_set1_epi8(',');
  std::uint64_t acc = 0;
  std::size_t i = 0;
  for (;; i += 32) {
    const std::size_t at = i + 32 <= n ? i : n - 32;
    const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + at));
    const __m256i hit = _mm256_or_si256(_mm256_or_si256(_mm256_cmpeq_epi8(v, quote), _mm256_cmpeq_epi8(v, backslash)),
                                        _mm256_cmpeq_epi8(v, comma));
    const auto mask = static_cast<std::uint32_t>(_mm256_movemask_epi8(hit));
    visit_hits(acc, i, static_cast<std::uint64_t>(mask) >> (i - at));
    if (i + 32 >= n) break;
  }
  return acc;
}
#endif

using scan_fn = std::uint64_t (*)(std::string_view);

// WWWAUTH_BENCH_SCAN=sse2 keeps the baseline scan (to compare floors, and to test it).
scan_fn fastest_scan(const char*& name) {
  const char* forced = std::getenv("WWWAUTH_BENCH_SCAN");
  const bool baseline = forced != nullptr && std::string_view(forced) == "sse2";
#if defined(WWWAUTH_BENCH_AVX2)
  if (!baseline && __builtin_cpu_supports("avx2")) {
    name = "AVX2, 32 bytes a step";
    return scan_structural_avx2;
  }
#endif
#if defined(__SSE2__)
  name = "SSE2, 16 bytes a step";
  return scan_structural_sse2;
#else
  (void)baseline;
  name = "one byte a step";
  return scan_structural_bytes;
#endif
}

// ---------------------------------------------------------------- data

data_set load(const std::string& name, const char* env, const char* fallback) {
  data_set set{name, {}, 0};
  const char* path = std::getenv(env);
  if (!path || !*path) path = fallback;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "wwwauth-bench: cannot read the %s set from %s (set %s); its benchmarks are skipped\n",
                 name.c_str(), path, env);
    return set;
  }
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    set.bytes += line.size();
    set.lines.push_back(std::move(line));
  }
  return set;
}

// ---------------------------------------------------------------- benchmark bodies

// WWWAUTH_BENCH_ITERATIONS=N fixes every benchmark's iteration count, so that bench/callgrind can
// divide an instruction count by a known number of runs.
template <class Fn>
void add_benchmark(const std::string& name, Fn fn) {
  benchmark::internal::Benchmark* b = benchmark::RegisterBenchmark(name.c_str(), std::move(fn));
  const char* n = std::getenv("WWWAUTH_BENCH_ITERATIONS");
  if (n && *n) b->Iterations(static_cast<benchmark::IterationCount>(std::strtoll(n, nullptr, 10)));
}

// Runs fn over every line per iteration; items are field lines. A template, so that fn is
// inlined and the floors pay no call through a std::function.
// noinline: bench/callgrind collects exactly the calls of this function.
template <class Fn>
[[gnu::noinline]] void run_lines(benchmark::State& state, const std::vector<const std::string*>& lines, Fn fn) {
  std::size_t bytes = 0;
  for (const auto* l : lines) bytes += l->size();
  const std::uint64_t before = allocations();
  for (auto _ : state) {
    for (const auto* l : lines) fn(*l);
  }
  const std::uint64_t allocs = allocations() - before;
  const auto items = static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(lines.size());
  state.SetItemsProcessed(items);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(bytes));
  state.counters["allocs_per_item"] = items ? static_cast<double>(allocs) / static_cast<double>(items) : 0.0;
  state.counters["lines"] = static_cast<double>(lines.size());  // per iteration
}

void parse_strict(const std::string& l) { wwwauth_parse_line(l, wwwauth::mode::strict); }

void register_set(const data_set& set) {
  if (set.lines.empty()) return;
  auto all = std::make_shared<std::vector<const std::string*>>();
  for (const auto& l : set.lines) all->push_back(&l);

  // wwwauth itself must accept every line: the data is meant to be valid (strict).
  for (std::size_t i = 0; i < set.lines.size(); ++i) {
    const auto list = wwwauth::parse_challenges(std::string_view(set.lines[i]));
    if (list.error()) {
      std::fprintf(stderr, "wwwauth-bench: %s line %zu: wwwauth strict error '%.*s' at byte %zu: %s\n",
                   set.name.c_str(), i + 1, static_cast<int>(list.error().message().size()),
                   list.error().message().data(), list.error().offset, shorten(set.lines[i], 100).c_str());
    }
  }

  add_benchmark("parse/" + set.name, [all](benchmark::State& st) { run_lines(st, *all, parse_strict); });
  add_benchmark("limit_read/" + set.name, [all](benchmark::State& st) {
    run_lines(st, *all, [](const std::string& l) { benchmark::DoNotOptimize(read_every_byte(l)); });
  });
  const char* scan_name = "";
  const scan_fn scan = fastest_scan(scan_name);
  if (set.name == "typical") std::fprintf(stderr, "limit_scan: %s\n", scan_name);
  for (const auto& l : set.lines) {
    if (scan(l) != scan_structural_bytes(l))
      std::fprintf(stderr, "wwwauth-bench: limit_scan is wrong on %s\n", shorten(l, 60).c_str());
  }
  add_benchmark("limit_scan/" + set.name, [all, scan](benchmark::State& st) {
    run_lines(st, *all, [scan](const std::string& l) { benchmark::DoNotOptimize(scan(l)); });
  });

  if (const classify_fn classify = fastest_classify()) {
    for (const auto& l : set.lines) {
      if (classify(l) != classify_reference(l))
        std::fprintf(stderr, "wwwauth-bench: limit_classify is wrong on %s\n", shorten(l, 60).c_str());
    }
    add_benchmark("limit_classify/" + set.name, [all, classify](benchmark::State& st) {
      run_lines(st, *all, [classify](const std::string& l) { benchmark::DoNotOptimize(classify(l)); });
    });
  }

  for (const peer* p : peers()) {
    auto subset = std::make_shared<std::vector<const std::string*>>();
    std::size_t skipped = 0, inexpressible = 0, disagree = 0;
    for (std::size_t i = 0; i < set.lines.size(); ++i) {
      const std::string& line = set.lines[i];
      if (p->must_skip) {
        const std::string why = p->must_skip(line);
        if (!why.empty()) {
          ++skipped;
          std::fprintf(stderr, "peer %s: %s line %zu skipped, %s: %s\n", p->name, set.name.c_str(), i + 1, why.c_str(),
                       shorten(line, 100).c_str());
          continue;
        }
      }
      const line_model ours = wwwauth_model(line);
      if (!p->can_express(ours)) {
        ++inexpressible;
        continue;
      }
      subset->push_back(&line);
      line_model theirs;
      sink s(&theirs);
      p->parse(line, s);
      canonicalize(theirs);
      if (!(theirs == ours)) {
        ++disagree;
        std::fprintf(stderr, "peer %s: %s line %zu disagrees: %s\n%s\n", p->name, set.name.c_str(), i + 1,
                     shorten(line, 160).c_str(), describe_difference(ours, theirs, p->name).c_str());
      }
    }
    std::fprintf(stderr,
                 "peer %s (%s) on %s: %zu lines compared and timed, %zu agree, %zu disagree; "
                 "%zu not expressible, %zu skipped\n",
                 p->name, p->description, set.name.c_str(), subset->size(), subset->size() - disagree, disagree,
                 inexpressible, skipped);
    if (subset->empty()) continue;
    const auto parse = p->parse;
    add_benchmark("peer_" + std::string(p->name) + "/" + set.name, [subset, parse](benchmark::State& st) {
      run_lines(st, *subset, [parse](const std::string& l) {
        sink s;
        parse(l, s);
      });
    });
    add_benchmark("subset_" + std::string(p->name) + "/" + set.name,
                  [subset](benchmark::State& st) { run_lines(st, *subset, parse_strict); });
  }
}

// ---------------------------------------------------------------- scaling

std::string repeat(std::string_view piece, std::size_t n) {
  std::string out;
  out.reserve(n + piece.size());
  while (out.size() < n) out += piece;
  return out;
}

void register_scaling_one(const std::string& name, std::string input, wwwauth::mode m) {
  auto data = std::make_shared<std::string>(std::move(input));
  add_benchmark(name, [data, m](benchmark::State& st) {
    run_lines(st, std::vector<const std::string*>{data.get()}, [m](const std::string& l) { wwwauth_parse_line(l, m); });
  });
}

void register_scaling() {
  using wwwauth::mode;
  for (std::size_t n = 64; n <= (1u << 20); n *= 4)
    register_scaling_one("scaling/" + std::to_string(n),
                         "Basic realm=\"" + repeat("Restricted area ", n).substr(0, n) + "\"", mode::strict);
  struct shape {
    const char* name;
    mode m;
    std::function<std::string(std::size_t)> make;
  };
  const shape shapes[] = {
      // empty list elements (RFC 9110 section 5.6.1) after a challenge
      {"commas", mode::strict, [](std::size_t n) { return "Basic realm=x" + repeat(",", n); }},
      // a token68 whose padding never ends
      {"equals", mode::strict, [](std::size_t n) { return "Negotiate a" + repeat("=", n); }},
      // a quoted-string made of quoted-pairs only
      {"escapes", mode::strict, [](std::size_t n) { return "Basic realm=\"" + repeat("\\\"", n) + "\""; }},
      // nested-looking params inside one quoted-string
      {"nested", mode::strict, [](std::size_t n) { return "Basic a=\"" + repeat("b=\\\"c=", n) + "\""; }},
      // one huge token68
      {"token68", mode::strict,
       [](std::size_t n) { return "Negotiate " + repeat("YIIGhgYJKoZIhvcSAQICAQBu", n) + "=="; }},
      // many bare challenges
      {"challenges", mode::strict, [](std::size_t n) { return "Negotiate" + repeat(", NTLM", n); }},
      // many params in one challenge (lenient: strict stops at 64 params by design)
      {"params", mode::lenient,
       [](std::size_t n) {
         std::string s = "Basic ";
         for (std::size_t i = 0; s.size() < n; ++i) s += "p" + std::to_string(i) + "=\"v\", ";
         return s;
       }},
      // whitespace where the grammar allows it (1*SP, BWS, OWS)
      {"spaces", mode::strict,
       [](std::size_t n) { return "Basic" + repeat(" ", n / 2) + "realm" + repeat(" ", n / 2) + "=x"; }},
      // an unterminated quoted-string (lenient closes it at the field's end)
      {"unterminated", mode::lenient, [](std::size_t n) { return "Basic realm=\"" + repeat("a,b=c ", n); }},
  };
  for (const auto& sh : shapes)
    for (std::size_t n : {std::size_t{1} << 10, std::size_t{1} << 16, std::size_t{1} << 20}) {
      std::string in = sh.make(n);
      register_scaling_one(std::string("scaling_") + sh.name + "/" + std::to_string(n), std::move(in), sh.m);
    }
}

}  // namespace
}  // namespace bench

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
  static const bench::data_set sets[] = {
      bench::load("typical", "WWWAUTH_BENCH_TYPICAL", WWWAUTH_BENCH_TYPICAL_PATH),
      bench::load("long", "WWWAUTH_BENCH_LONG", WWWAUTH_BENCH_LONG_PATH),
  };
  for (const auto& set : sets) {
    std::fprintf(stderr, "set %s: %zu lines, %zu bytes\n", set.name.c_str(), set.lines.size(), set.bytes);
    bench::register_set(set);
  }
  bench::register_scaling();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
