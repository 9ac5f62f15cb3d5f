// RFC 8187 extended values (ext_value.hpp). The whole input is an ext-value, and it is also
// parsed as a WWW-Authenticate field (lenient), where every `name*` parameter is looked up
// with find_param_prefer_ext(). Checks:
// - parse_ext_value() agrees with the slow reference decoder (testing/reference/): the same
//   error and offset, or the same charset, language and decoded bytes;
// - size() is the length decode() writes; decode_into() returns size() for every cap, writes
//   the bytes only when they fit and never a byte beyond them;
// - charset() is utf_8 / iso_8859_1 exactly for those names; a UTF-8 value is well-formed;
// - every view lies inside the input;
// - find_param_prefer_ext() picks `name*` when present, else `name`, and decodes what it picked.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "decoded.hpp"
#include "fuzz_common.hpp"
#include "reference/ext_value_reference.hpp"

namespace ref = wwwauth_reference;

namespace {

void check_decode_into(const wwwauth::ext_value& v, const std::string& bytes, std::size_t cap) {
  constexpr char guard = '\x5A';
  constexpr std::size_t slack = 8;
  std::vector<char> buf(cap + slack, guard);
  const std::size_t n = v.decode_into(buf.data(), cap);
  wwwauth_fuzz::check(n == v.size(), "decode_into() returns size()");
  const std::size_t written = v.size() <= cap ? v.size() : 0;
  if (written != 0)
    wwwauth_fuzz::check(std::string(buf.data(), written) == bytes, "decode_into() writes the decoded bytes");
  for (std::size_t i = written; i < buf.size(); ++i)
    wwwauth_fuzz::check(buf[i] == guard, "decode_into() writes nothing beyond the value, nothing if it does not fit",
                        ref::quote(v.encoded()) + " cap " + std::to_string(cap));
}

void check_ext_value(std::string_view text, std::uint8_t seed) {
  const wwwauth::ext_value v = wwwauth::parse_ext_value(text);
  const ref::ext_result expected = ref::parse_ext_value(text);
  const std::string got_error = v.ok() ? std::string() : std::string(name(v.error().code));
  wwwauth_fuzz::check(got_error == expected.error && (v.ok() || v.error().offset == expected.offset),
                      "ext-value error is the reference's",
                      ref::quote(text) + ": " + got_error + "@" + std::to_string(v.error().offset) + " vs " +
                          expected.error + "@" + std::to_string(expected.offset));
  const std::string bytes = wwwauth_testing::decoded(v);
  wwwauth_fuzz::check(bytes.size() == v.size(), "size() is the length decode() writes", ref::quote(text));
  if (!v.ok()) {
    wwwauth_fuzz::check(v.size() == 0 && v.encoded().empty(), "a failed ext-value decodes to nothing");
    return;
  }
  wwwauth_fuzz::check(v.charset_name() == expected.charset && v.language() == expected.language,
                      "charset and language are the reference's", ref::quote(text));
  wwwauth_fuzz::check(bytes == expected.bytes, "decoded bytes are the reference's",
                      ref::quote(bytes) + " vs " + ref::quote(expected.bytes));
  const std::string lower = ref::ext_detail::lower(v.charset_name());
  wwwauth_fuzz::check((v.charset() == wwwauth::ext_charset::utf_8) == (lower == "utf-8") &&
                          (v.charset() == wwwauth::ext_charset::iso_8859_1) == (lower == "iso-8859-1"),
                      "charset() names the charset", ref::quote(text));
  if (v.charset() == wwwauth::ext_charset::utf_8)
    wwwauth_fuzz::check(wwwauth::is_utf8(bytes), "a UTF-8 ext-value decodes to well-formed UTF-8");
  wwwauth_fuzz::check_inside(v.charset_name(), text, "charset inside input");
  wwwauth_fuzz::check_inside(v.language(), text, "language inside input");
  wwwauth_fuzz::check_inside(v.encoded(), text, "value-chars inside input");

  const std::size_t caps[] = {0, v.size() == 0 ? 0 : v.size() - 1, v.size(), v.size() + 1, seed % (v.size() + 2)};
  for (std::size_t cap : caps) check_decode_into(v, bytes, cap);
}

void check_lookups(std::string_view field) {
  const wwwauth::challenge_list list = wwwauth::parse_challenges(field, wwwauth::mode::lenient);
  for (const wwwauth::challenge& c : list) {
    for (const wwwauth::auth_param& p : c.params()) {
      const std::string_view n = p.name();
      const bool extended = !n.empty() && n.back() == '*';
      const std::string_view stem = extended ? n.substr(0, n.size() - 1) : n;
      const wwwauth::preferred_param found = wwwauth::find_param_prefer_ext(c, stem);
      const wwwauth::auth_param star = [&] {
        for (const wwwauth::auth_param& q : c.params()) {
          if (q.name().size() == stem.size() + 1 && q.name().back() == '*' &&
              ref::ext_detail::lower(q.name().substr(0, stem.size())) == ref::ext_detail::lower(stem))
            return q;
        }
        return wwwauth::auth_param();
      }();
      if (!star) {
        wwwauth_fuzz::check(found.form() == wwwauth::param_form::plain, "without name*, the plain form is found");
        wwwauth_fuzz::check(wwwauth_testing::decoded(found) == wwwauth_testing::decoded(c.param(stem).value()),
                            "the plain form decodes as its param_value");
        continue;
      }
      wwwauth_fuzz::check(found.form() == wwwauth::param_form::extended, "name* is preferred when present");
      wwwauth_fuzz::check(found.param().name().data() == star.name().data(), "the first name* is chosen");
      if (star.value().quoted()) {
        wwwauth_fuzz::check(found.error().code == wwwauth::ext_errc::quoted_value, "a quoted name* is an error");
        continue;
      }
      const ref::ext_result expected = ref::parse_ext_value(star.value().raw());
      wwwauth_fuzz::check(found.ok() == expected.error.empty(), "name* is ok exactly when the reference accepts it");
      wwwauth_fuzz::check(wwwauth_testing::decoded(found) == expected.bytes, "name* decodes as the reference",
                          ref::quote(star.value().raw()));
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in = wwwauth_fuzz::as_view(data, size);
  const std::uint8_t seed = size == 0 ? 0 : data[size - 1];
  check_ext_value(in, seed);
  check_lookups(in);
  return 0;
}
