// Values and their decoding (param_value). The input up to its first '\n' becomes the inside of
// a quoted-string in `X v="..."` and the whole input is also parsed as a field; the rest after
// the '\n' is a string to compare with. For every value of every challenge (lenient mode, which
// also yields unterminated strings and lone trailing backslashes):
// - size() == raw().size() - escapes() == the length decode() writes; is_plain() iff no escape,
//   and then raw() is the value; the decoded value is the reference parser's;
// - equals()/iequals() agree with comparing the decoded value, for the other string, the
//   value itself, its case-swapped form and a one-byte change;
// - decode_into() returns size() for every cap, writes the value when size() <= cap, and
//   never writes a byte when it does not fit or past size().
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "decoded.hpp"
#include "fuzz_common.hpp"

namespace ref = wwwauth_reference;

namespace {

std::string fold(std::string s) {
  for (char& c : s) c = ref::detail::lower(c);
  return s;
}

std::string swap_case(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z')
      c = static_cast<char>(c - 'a' + 'A');
    else if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

void check_equals(const wwwauth::param_value& v, const std::string& decoded, const std::string& other) {
  wwwauth_fuzz::check(v.equals(other) == (decoded == other), "equals() agrees with decoding",
                      ref::quote(v.raw()) + " vs " + ref::quote(other));
  wwwauth_fuzz::check(v.iequals(other) == (fold(decoded) == fold(other)), "iequals() agrees with decoding",
                      ref::quote(v.raw()) + " vs " + ref::quote(other));
}

void check_decode_into(const wwwauth::param_value& v, const std::string& decoded, std::size_t cap) {
  constexpr char guard = '\xA5';
  constexpr std::size_t slack = 16;
  std::vector<char> buf(cap + slack, guard);
  const std::size_t n = v.decode_into(buf.data(), cap);
  wwwauth_fuzz::check(n == v.size(), "decode_into() returns size()");
  const std::size_t written = v.size() <= cap ? v.size() : 0;
  if (written != 0)
    wwwauth_fuzz::check(std::string(buf.data(), written) == decoded, "decode_into() writes the decoded value");
  for (std::size_t i = written; i < buf.size(); ++i)
    wwwauth_fuzz::check(buf[i] == guard, "decode_into() writes nothing beyond the value, nothing if it does not fit",
                        ref::quote(v.raw()) + " cap " + std::to_string(cap));
}

void check_value(const wwwauth::param_value& v, const ref::param& expected, std::string_view other, std::uint8_t seed) {
  const std::string decoded = wwwauth_testing::decoded(v);
  wwwauth_fuzz::check(decoded == expected.decoded, "decoded value is the reference's",
                      ref::quote(decoded) + " vs " + ref::quote(expected.decoded));
  wwwauth_fuzz::check(v.size() == decoded.size(), "size() is the decoded length");
  wwwauth_fuzz::check(v.raw().size() - v.escapes() == v.size(), "size() == raw().size() - escapes()");
  wwwauth_fuzz::check(v.is_plain() == (v.escapes() == 0), "is_plain() iff no escapes");
  if (v.is_plain()) wwwauth_fuzz::check(decoded == v.raw(), "a plain value is its raw bytes");

  check_equals(v, decoded, std::string(other));
  check_equals(v, decoded, decoded);
  check_equals(v, decoded, swap_case(decoded));
  if (!decoded.empty()) {
    std::string changed = decoded;
    changed[seed % changed.size()] = static_cast<char>(changed[seed % changed.size()] ^ (1 + seed % 127));
    check_equals(v, decoded, changed);
    check_equals(v, decoded, decoded.substr(0, decoded.size() - 1));
  }

  const std::size_t caps[] = {0, v.size() == 0 ? 0 : v.size() - 1, v.size(), v.size() + 1, seed % (v.size() + 2)};
  for (std::size_t cap : caps) check_decode_into(v, decoded, cap);
}

void check_field(std::string_view field, std::string_view other, std::uint8_t seed) {
  const wwwauth::challenge_list list = wwwauth::parse_challenges(field, wwwauth::mode::lenient);
  const ref::challenges_result expected = ref::parse_challenges(field, ref::mode::lenient);
  // The reference stops at the first error, wwwauth recovers: they agree up to it.
  const ref::challenges_result library = ref::from_wwwauth(list);
  wwwauth_fuzz::check(ref::same_until_error(expected, library), "lenient parse of an unescape input",
                      "input     " + ref::quote(field) + "\n  reference " + ref::describe(expected) + "\n  library   " +
                          ref::describe(library));
  std::size_t c = 0;
  for (const wwwauth::challenge& ch : list) {
    if (c == expected.challenges.size()) break;  // recovered past the reference's error
    std::size_t p = 0;
    for (const wwwauth::auth_param& param : ch.params())
      check_value(param.value(), expected.challenges[c].params[p++], other, seed);
    ++c;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in = wwwauth_fuzz::as_view(data, size);
  const std::size_t nl = in.find('\n');
  const std::string_view inside = in.substr(0, nl);
  const std::string_view other = nl == std::string_view::npos ? std::string_view() : in.substr(nl + 1);
  const std::uint8_t seed = size == 0 ? 0 : data[size - 1];

  check_field("X v=\"" + std::string(inside) + "\"", other, seed);
  check_field(in, other, seed);
  return 0;
}
