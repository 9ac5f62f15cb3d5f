// Authorization (credentials, one field: the whole input) and Authentication-Info (#auth-param,
// the input split on '\n' into fields), in both modes, against the reference parser; lenient
// credentials equal strict ones wherever strict succeeds; every view lies inside the input.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "fuzz_common.hpp"

namespace ref = wwwauth_reference;

namespace {

ref::credentials_result credentials(std::string_view in, ref::mode m) {
  const wwwauth::credentials c = wwwauth::parse_credentials(in, ref::to_wwwauth(m));
  if (!c.error()) {
    wwwauth_fuzz::check_inside(c.scheme(), in, "credentials scheme inside input");
    wwwauth_fuzz::check_inside(c.token68(), in, "credentials token68 inside input");
    wwwauth_fuzz::check_params_inside(c.params(), in);
  }
  ref::credentials_result library = ref::from_wwwauth(c);  // not const: returned by move
  const ref::credentials_result reference = ref::parse_credentials(in, m);
  wwwauth_fuzz::check_same(reference, library, m == ref::mode::strict ? "strict credentials" : "lenient credentials",
                           {in});
  return library;
}

void auth_info(const std::vector<std::string_view>& fields, std::string_view in, ref::mode m) {
  const wwwauth::auth_info list = wwwauth::parse_auth_info(fields.data(), fields.size(), ref::to_wwwauth(m));
  wwwauth_fuzz::check_params_inside(list, in);
  wwwauth_fuzz::check_same(ref::parse_auth_info(fields, m), ref::from_wwwauth(list),
                           m == ref::mode::strict ? "strict Authentication-Info" : "lenient Authentication-Info",
                           fields);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in = wwwauth_fuzz::as_view(data, size);

  const ref::credentials_result strict = credentials(in, ref::mode::strict);
  const ref::credentials_result lenient = credentials(in, ref::mode::lenient);
  if (strict.err.code == ref::errc::none && !ref::same(strict, lenient))
    wwwauth_fuzz::fail("lenient credentials differ from strict ones on an input strict accepts\n  input   " +
                       ref::quote(in) + "\n  strict  " + ref::describe(strict) + "\n  lenient " +
                       ref::describe(lenient));

  const std::vector<std::string_view> fields = wwwauth_fuzz::split_lines(in);
  auth_info(fields, in, ref::mode::strict);
  auth_info(fields, in, ref::mode::lenient);
  return 0;
}
