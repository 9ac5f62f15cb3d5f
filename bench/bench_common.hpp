// Shared by the benchmark's translation units: the data sets, the allocation counter, the
// floors, and the small interface every peer parser implements (peer_<name>.cpp) so that the same driver checks
// it against wwwauth and times it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <benchmark/benchmark.h>

namespace bench {

// Heap allocations (malloc, calloc, realloc, aligned forms) made by anything in the process since
// start; operator new is counted through the malloc it calls (alloc_counter.cpp).
std::uint64_t allocations();

// The floors return a sum over the positions they visit, which each checks against a byte
// loop. visit_hits adds base + i for every bit i set in mask.
inline void visit_hits(std::uint64_t& acc, std::size_t base, std::uint64_t mask) {
  while (mask != 0) {
    acc += base + static_cast<unsigned>(__builtin_ctzll(mask));
    mask &= mask - 1;
  }
}
// limit_classify (limit_classify.cpp): null, with a message, when the CPU lacks AVX2 or PCLMUL
// or the vector code disagrees with its byte loop on generated lines.
using classify_fn = std::uint64_t (*)(std::string_view);
classify_fn fastest_classify();
std::uint64_t classify_reference(std::string_view s);

// What a parser found in one field line, in a form every peer can produce: schemes and names
// lower-cased (they are case-insensitive, RFC 9110 section 11.1 and 11.2), values decoded.
struct challenge_model {
  std::string scheme;
  bool has_token68 = false;
  std::string token68;
  std::vector<std::pair<std::string, std::string>> params;  // sorted by name: peers keep hash order
  bool operator==(const challenge_model& o) const {
    return scheme == o.scheme && has_token68 == o.has_token68 && token68 == o.token68 && params == o.params;
  }
};
struct line_model {
  std::vector<challenge_model> challenges;
  bool failed = false;  // the parser reported an error (or threw)
  bool operator==(const line_model& o) const { return failed == o.failed && challenges == o.challenges; }
};
void canonicalize(line_model& m);  // lower-case names, sort params

// Receives what a parser found. In timed runs it only touches each view (pointer and size, so the
// work cannot be optimised away, without adding a copy the parser did not make); when it is
// given a model it also records everything, for the comparison made before timing.
class sink {
 public:
  explicit sink(line_model* record = nullptr) : record_(record) {}
  void scheme(std::string_view s) {
    touch(s);
    if (record_) record_->challenges.push_back(challenge_model{std::string(s), false, {}, {}});
  }
  void token68(std::string_view t) {
    touch(t);
    if (record_ && !record_->challenges.empty()) {
      record_->challenges.back().has_token68 = true;
      record_->challenges.back().token68 = std::string(t);
    }
  }
  void param(std::string_view name, std::string_view value) {
    touch(name);
    touch(value);
    if (record_ && !record_->challenges.empty())
      record_->challenges.back().params.emplace_back(std::string(name), std::string(value));
  }
  void fail() {
    if (record_) record_->failed = true;
  }

 private:
  static void touch(std::string_view s) {
    const char* p = s.data();
    std::size_t n = s.size();
    benchmark::DoNotOptimize(p);
    benchmark::DoNotOptimize(n);
  }
  line_model* record_;
};

// One field line, kept NUL-terminated for the C peers.
struct data_set {
  std::string name;  // "typical", "long"
  std::vector<std::string> lines;
  std::size_t bytes = 0;
};

// A peer parser, registered by its own peer_<name>.cpp when its package was found at configure time.
struct peer {
  const char* name;         // benchmark name suffix: peer_<name>/<set>
  const char* description;  // library and API used
  // Whether the peer's data model can hold wwwauth's result for a line (e.g. POCO: one challenge,
  // no token68). Lines it cannot express are neither compared nor timed.
  bool (*can_express)(const line_model& reference);
  // Non-empty when the line must not be given to the peer at all (libwget's endless loop); the
  // text says why. Such lines are reported and left out of the comparison and of the timing.
  std::string (*must_skip)(const std::string& line);
  // Parses one line through the peer's public API and reports everything to the sink;
  // a parse error (or exception) is reported with sink::fail().
  void (*parse)(const std::string& line, sink& out);
};
std::vector<const peer*>& peers();
struct register_peer {
  explicit register_peer(const peer& p) { peers().push_back(&p); }
};

}  // namespace bench
