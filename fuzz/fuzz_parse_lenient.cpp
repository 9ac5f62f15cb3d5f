// Lenient parsing of WWW-Authenticate field values (the input split on '\n' into fields):
// - the same result as the reference parser in lenient mode up to its first error (the
//   reference stops there, wwwauth recovers: fuzz_lenient_strict.cpp checks what follows);
// - wherever strict succeeds, lenient succeeds with the same challenges (lenient only
//   accepts more);
// - every view (scheme, token68, names, raw values) lies inside the input.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "fuzz_common.hpp"

namespace ref = wwwauth_reference;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in = wwwauth_fuzz::as_view(data, size);
  const std::vector<std::string_view> fields = wwwauth_fuzz::split_lines(in);

  const wwwauth::challenge_list lenient = wwwauth::parse_challenges(fields, wwwauth::mode::lenient);
  wwwauth_fuzz::check_inside(lenient, in);
  const ref::challenges_result lenient_result = ref::from_wwwauth(lenient);
  const ref::challenges_result reference = ref::parse_challenges(fields, ref::mode::lenient);
  if (!ref::same_until_error(reference, lenient_result))
    wwwauth_fuzz::fail("lenient differs from the reference up to its first error\n  input     " +
                       ref::describe_fields(fields) + "\n  reference " + ref::describe(reference) + "\n  library   " +
                       ref::describe(lenient_result));

  const wwwauth::challenge_list strict = wwwauth::parse_challenges(fields, wwwauth::mode::strict);
  if (!strict.error()) {
    const ref::challenges_result strict_result = ref::from_wwwauth(strict);
    if (!ref::same(strict_result, lenient_result))
      wwwauth_fuzz::fail("lenient differs from strict on an input strict accepts\n  input   " +
                         ref::describe_fields(fields) + "\n  strict  " + ref::describe(strict_result) + "\n  lenient " +
                         ref::describe(lenient_result));
  }
  return 0;
}
