// diagnose() on arbitrary responses. Input: byte 0 picks the status (401, 407, 200 or 0), the
// parse mode and what the request sent (unknown, nothing, or the Authorization line); the rest,
// split on '\n', is that Authorization line followed by the challenge field lines. Checks:
// - never more hints than the capacity; a small capacity keeps the first hints of a large one,
//   in order, and counts the others as dropped();
// - every parameter view of a hint lies inside the input; every challenge_index() is npos or
//   names a challenge of the list; every hint has a code and a text;
// - proxy.required exactly for 407; syntax.error exactly when the list has an error, one per
//   recovered error of a lenient list (each attached, in order; a warning when challenges were
//   recovered) or one with strict's error; challenge.missing only for a 401/407 with no
//   challenge and no error.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_common.hpp"

namespace {

template <class Hints>
void check_hints(const Hints& hints, const wwwauth::challenge_list& list, std::string_view in, int status) {
  wwwauth_fuzz::check(hints.size() <= hints.capacity(), "no more hints than the capacity");
  std::size_t proxy = 0, syntax = 0, missing = 0;
  for (const wwwauth::hint& h : hints) {
    wwwauth_fuzz::check(!h.code().empty() && !h.text().empty(), "every hint has a code and a text");
    wwwauth_fuzz::check(h.challenge_index() == wwwauth::hint::npos || h.challenge_index() < list.size(),
                        "challenge_index() names a challenge of the list", std::string(h.code()));
    wwwauth_fuzz::check(h.params().size() <= wwwauth::max_hint_params, "at most max_hint_params views");
    for (const wwwauth::auth_param& p : h.params()) {
      wwwauth_fuzz::check_inside(p.name(), in, "hint param name inside input");
      wwwauth_fuzz::check_inside(p.value().raw(), in, "hint param value inside input");
    }
    proxy += h.id() == wwwauth::hint_id::proxy_required ? 1 : 0;
    missing += h.id() == wwwauth::hint_id::challenge_missing ? 1 : 0;
    if (h.id() == wwwauth::hint_id::syntax_error) {
      const wwwauth::recovered_errors& recovered = list.recovered();
      wwwauth_fuzz::check(h.error() == (recovered.empty() ? list.error() : recovered[syntax]),
                          "syntax.error carries the list's errors, in order");
      const bool recovered_challenges = !recovered.empty() && !list.empty();
      wwwauth_fuzz::check(h.level() == (recovered_challenges ? wwwauth::severity::warning : wwwauth::severity::error),
                          "syntax.error is a warning exactly when challenges were recovered");
      ++syntax;
    }
  }
  if (hints.dropped() != 0) return;  // the counts below hold for complete lists only
  wwwauth_fuzz::check(proxy == (status == 407 ? 1U : 0U), "proxy.required exactly for a 407");
  const std::size_t errors = list.recovered().empty() ? (list.error() ? 1U : 0U) : list.recovered().size();
  wwwauth_fuzz::check(syntax == errors, "syntax.error exactly for each error of the list");
  if (missing != 0)
    wwwauth_fuzz::check((status == 401 || status == 407) && list.empty() && !list.error(),
                        "challenge.missing only for a 401/407 without challenges");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static constexpr int statuses[] = {401, 407, 200, 0};
  const int status = statuses[data[0] & 3];
  const wwwauth::mode m = (data[0] & 4) != 0 ? wwwauth::mode::lenient : wwwauth::mode::strict;
  const unsigned sent_kind = (data[0] >> 3) % 3;

  const std::string_view in = wwwauth_fuzz::as_view(data + 1, size - 1);
  const std::vector<std::string_view> lines = wwwauth_fuzz::split_lines(in);
  const std::string_view authorization = lines.front();
  const std::vector<std::string_view> fields(lines.begin() + 1, lines.end());

  wwwauth::request_info sent;
  if (sent_kind == 1) sent = wwwauth::request_info::no_credentials();
  if (sent_kind == 2) sent = wwwauth::request_info::from(wwwauth::parse_credentials(authorization, m));

  const wwwauth::challenge_list list = wwwauth::parse_challenges(fields, m);
  const auto large = wwwauth::diagnose<64>(status, list, sent);
  const auto small = wwwauth::diagnose<2>(status, list, sent);
  check_hints(large, list, in, status);
  check_hints(small, list, in, status);

  wwwauth_fuzz::check(small.size() + small.dropped() == large.size() + large.dropped(),
                      "a small capacity counts what it drops");
  for (std::size_t i = 0; i < small.size(); ++i)
    wwwauth_fuzz::check(small[i].id() == large[i].id() && small[i].challenge_index() == large[i].challenge_index(),
                        "a small capacity keeps the first hints, in order");
  return 0;
}
