// Strict parsing of WWW-Authenticate field values against the reference parser: the whole
// input as one field, and the input split on '\n' into several fields of one response. The
// challenges completed before an error, every param (name, raw value, quoted flag, decoded
// value) and the error (code, field, offset) must all be the same.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "fuzz_common.hpp"

namespace ref = wwwauth_reference;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in = wwwauth_fuzz::as_view(data, size);

  const wwwauth::challenge_list one = wwwauth::parse_challenges(in, wwwauth::mode::strict);
  wwwauth_fuzz::check_inside(one, in);
  wwwauth_fuzz::check_same(ref::parse_challenges(in, ref::mode::strict), ref::from_wwwauth(one), "strict, one field",
                           {in});

  const std::vector<std::string_view> fields = wwwauth_fuzz::split_lines(in);
  const wwwauth::challenge_list several = wwwauth::parse_challenges(fields, wwwauth::mode::strict);
  wwwauth_fuzz::check_inside(several, in);
  wwwauth_fuzz::check_same(ref::parse_challenges(fields, ref::mode::strict), ref::from_wwwauth(several),
                           "strict, fields split on newlines", fields);
  return 0;
}
