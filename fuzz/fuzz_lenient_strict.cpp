// The contract between the two modes, on the input split on '\n' into field lines:
// - whenever strict accepts, lenient returns the identical result (every challenge and
//   parameter, and no error);
// - lenient always makes progress: its challenges, their parameters and its recovered errors
//   come in strictly increasing input order, each parameter after its challenge's scheme and
//   before the next challenge's;
// - error() is the first recovered error; iteration yields size() challenges and
//   param_count() parameters each; every view lies inside the input.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_common.hpp"

namespace ref = wwwauth_reference;

namespace {

// A position in the fields: (line, offset).
struct position {
  std::size_t field = 0;
  std::size_t offset = 0;
  bool operator<(const position& o) const { return field < o.field || (field == o.field && offset < o.offset); }
};

position position_of(std::string_view view, const std::vector<std::string_view>& fields) {
  for (std::size_t f = 0; f < fields.size(); ++f) {
    const char* lo = fields[f].data();
    if (view.data() >= lo && view.data() <= lo + fields[f].size()) {
      return {f, static_cast<std::size_t>(view.data() - lo)};
    }
  }
  wwwauth_fuzz::fail("a view outside every field: " + ref::quote(view));
}

std::string where(const position& p) { return std::to_string(p.field) + ":" + std::to_string(p.offset); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in = wwwauth_fuzz::as_view(data, size);
  const std::vector<std::string_view> fields = wwwauth_fuzz::split_lines(in);
  const wwwauth::challenge_list lenient = wwwauth::parse_challenges(fields, wwwauth::mode::lenient);
  const wwwauth::challenge_list strict = wwwauth::parse_challenges(fields, wwwauth::mode::strict);
  wwwauth_fuzz::check_inside(lenient, in);
  const ref::challenges_result lenient_result = ref::from_wwwauth(lenient);

  if (strict.ok()) {
    const ref::challenges_result strict_result = ref::from_wwwauth(strict);
    wwwauth_fuzz::check(ref::same(strict_result, lenient_result) && lenient.recovered().empty(),
                        "lenient differs from strict on an input strict accepts",
                        "input   " + ref::describe_fields(fields) + "\n  strict  " + ref::describe(strict_result) +
                            "\n  lenient " + ref::describe(lenient_result));
  }
  wwwauth_fuzz::check(strict.recovered().empty(), "strict lists recover nothing");

  const wwwauth::recovered_errors& errors = lenient.recovered();
  wwwauth_fuzz::check(errors.size() <= wwwauth::max_recovered_errors, "recovered errors within the capacity");
  wwwauth_fuzz::check(errors.dropped() == 0 || errors.size() == wwwauth::max_recovered_errors,
                      "errors are dropped only when the list is full");
  wwwauth_fuzz::check(lenient.ok() == errors.empty() && (errors.empty() || lenient.error() == errors[0]),
                      "error() is the first recovered error");
  for (std::size_t i = 0; i < errors.size(); ++i) {
    const wwwauth::parse_error& e = errors[i];
    wwwauth_fuzz::check(e.code != wwwauth::errc::none && e.field < fields.size() && e.offset <= fields[e.field].size(),
                        "a recovered error points into its field");
    if (i != 0) {
      const position before{errors[i - 1].field, errors[i - 1].offset};
      wwwauth_fuzz::check(before < position{e.field, e.offset}, "recovered errors in strictly increasing order",
                          "input " + ref::describe_fields(fields) + ", error at " + where(before) + " then " +
                              where({e.field, e.offset}));
    }
  }

  std::size_t count = 0;
  bool first = true;
  position previous_scheme;
  position last_param;
  for (const wwwauth::challenge& c : lenient) {
    ++count;
    const position scheme = position_of(c.scheme(), fields);
    wwwauth_fuzz::check(!c.scheme().empty(), "every challenge has a scheme");
    wwwauth_fuzz::check(first || (previous_scheme < scheme && last_param < scheme),
                        "challenges in strictly increasing order, each after the previous one's params",
                        "input " + ref::describe_fields(fields) + ", scheme at " + where(scheme));
    first = false;
    previous_scheme = scheme;
    last_param = scheme;
    std::size_t params = 0;
    for (const wwwauth::auth_param& p : c.params()) {
      ++params;
      const position name = position_of(p.name(), fields);
      wwwauth_fuzz::check(last_param < name, "params in strictly increasing order, after their scheme",
                          "input " + ref::describe_fields(fields) + ", param at " + where(name));
      last_param = name;
    }
    wwwauth_fuzz::check(params == c.param_count(), "iteration yields param_count() params");
  }
  wwwauth_fuzz::check(count == lenient.size(), "iteration yields size() challenges");
  return 0;
}
