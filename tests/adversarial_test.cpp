// Adversarial inputs: large runs of the bytes the grammar gives meaning to, very long
// elements and very many of them. Each either parses or fails cleanly with a stated error, in
// both modes, and agrees with the reference parser (testing/reference/). Allocation-freedom is
// checked by tests/allocation_test.cpp and cost per byte by the benchmark; no test here times
// anything.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "reference/compare.hpp"
#include "support/catch.hpp"

namespace ref = wwwauth_reference;

namespace {

constexpr std::size_t MiB = std::size_t{1024} * 1024;

std::string repeat(std::string_view unit, std::size_t times) {
  std::string s;
  s.reserve(unit.size() * times);
  for (std::size_t i = 0; i < times; ++i) s += unit;
  return s;
}

// `Basic p0=0, p1=1, ...`
std::string params(std::size_t n) {
  std::string s = "Basic ";
  for (std::size_t i = 0; i < n; ++i) s += (i ? ", p" : "p") + std::to_string(i) + "=" + std::to_string(i);
  return s;
}

std::size_t offset_of(const std::string& s, std::string_view what) { return s.find(what); }

struct row {
  const char* name;
  std::vector<std::string> fields;
  std::string strict;  // the reference: "N" challenges, or "N code@field:offset"
  std::string lenient;
  // wwwauth in lenient mode, which reads on past errors: "N challenges, E errors" where E
  // counts the recovered errors, those kept and those dropped beyond the capacity.
  std::string recovering;
};

std::string recovering_summary(const wwwauth::challenge_list& list) {
  return std::to_string(list.size()) + " challenges, " +
         std::to_string(list.recovered().size() + list.recovered().dropped()) + " errors";
}

std::string summary(const ref::challenges_result& r) {
  std::string out = std::to_string(r.challenges.size());
  if (r.err.code != ref::errc::none)
    out += std::string(" ") + ref::name(r.err.code) + "@" + std::to_string(r.err.field) + ":" +
           std::to_string(r.err.offset);
  return out;
}

const std::vector<row>& rows() {
  static const std::string many_params = params(10000);
  static const std::string p64 = "p64=";
  static const std::vector<row> table = {
      {"1 MiB of commas", {std::string(MiB, ',')}, "0", "0", "0 challenges, 0 errors"},
      {"1 MiB of '='",
       {std::string(MiB, '=')},
       "0 expected_token@0:0",
       "0 expected_token@0:0",
       "0 challenges, 1 errors"},
      {"1 MiB of quotes",
       {std::string(MiB, '"')},
       "0 expected_token@0:0",
       "0 expected_token@0:0",
       "0 challenges, 1 errors"},
      {"1 MiB of backslashes",
       {std::string(MiB, '\\')},
       "0 expected_token@0:0",
       "0 expected_token@0:0",
       "0 challenges, 1 errors"},
      {"1 MiB of SP", {std::string(MiB, ' ')}, "0", "0", "0 challenges, 0 errors"},
      {"a scheme then 1 MiB of '=' (a param: scheme BWS '=')",
       {"Basic " + std::string(MiB, '=')},
       "0 param_without_scheme@0:0",
       "0 param_without_scheme@0:0",
       "0 challenges, 1 errors"},
      {"a param's '=' then 1 MiB of '='",
       {"Basic realm=x, y=" + std::string(MiB, '=')},
       "0 expected_value@0:17",
       "0 expected_value@0:17",
       "1 challenges, 1 errors"},
      {"token68 then 1 MiB of '='", {"Basic a" + std::string(MiB, '=')}, "1", "1", "1 challenges, 0 errors"},
      {"a param then 1 MiB of quotes",
       {"Basic realm=" + std::string(MiB, '"')},
       "0 expected_comma@0:14",
       "0 expected_comma@0:14",
       "1 challenges, 1 errors"},
      {"1 MiB of escaped quotes",
       {"Basic realm=\"" + repeat("\\\"", MiB / 2) + "\""},
       "1",
       "1",
       "1 challenges, 0 errors"},
      {"1 MiB of backslashes, quoted",
       {"Basic realm=\"" + std::string(MiB, '\\') + "\""},
       "1",
       "1",
       "1 challenges, 0 errors"},
      {"1 MiB - 1 backslashes escape the closing quote",
       {"Basic realm=\"" + std::string(MiB - 1, '\\') + "\""},
       "0 unterminated_quoted_string@0:12",
       "1",
       "1 challenges, 0 errors"},
      {"nested-looking a=\"b=\\\"c=...",
       {"Basic a=\"" + repeat("b=\\\"c=\\\\\\\"", MiB / 10) + "\""},
       "1",
       "1",
       "1 challenges, 0 errors"},
      {"nested-looking, unterminated",
       {"Basic a=\"" + repeat("b=\\\"c=", MiB / 6)},
       "0 unterminated_quoted_string@0:8",
       "1",
       "1 challenges, 0 errors"},
      {"1 MiB of '=,'",
       {repeat("=,", MiB / 2)},
       "0 expected_token@0:0",
       "0 expected_token@0:0",
       "0 challenges, 524288 errors"},
      {"1 MiB of 'a=' pairs",
       {"Basic " + repeat("a=", MiB / 2)},
       "0 expected_comma@0:9",
       "1",
       "1 challenges, 0 errors"},
      {"64 KiB token68",
       {"Negotiate " + repeat("YIIB", std::size_t{16} * 1024) + "=="},
       "1",
       "1",
       "1 challenges, 0 errors"},
      {"10 000 challenges in one field",
       {repeat("Basic realm=\"r\", ", 10000)},
       "10000",
       "10000",
       "10000 challenges, 0 errors"},
      {"10 000 challenges, one per field", std::vector<std::string>(10000, "Bearer realm=r"), "10000", "10000",
       "10000 challenges, 0 errors"},
      {"10 000 bare schemes", {repeat("Negotiate,", 10000)}, "10000", "10000", "10000 challenges, 0 errors"},
      {"10 000 params in one challenge",
       {many_params},
       "0 too_many_params@0:" + std::to_string(offset_of(many_params, p64)),
       "1",
       "1 challenges, 0 errors"},
      {"10 000 copies of one param",
       {"Basic " + repeat("realm=x, ", 10000)},
       "0 duplicate_param@0:15",
       "1",
       "1 challenges, 0 errors"},
      // Recovery paths (lenient): each error recorded or counted, nothing inside a quoted-string
      // read, one pass.
      {"1 MiB of quoted junk elements after a scheme",
       {"Basic " + repeat("\"x\", ", MiB / 5)},
       "0 expected_token@0:6",
       "0 expected_token@0:6",
       "1 challenges, 209715 errors"},
      {"a junk quoted-string holding 1 MiB of commas",
       {"Basic \"" + std::string(MiB, ',') + "\", c=d"},
       "0 expected_token@0:6",
       "0 expected_token@0:6",
       "1 challenges, 1 errors"},
      {"an unterminated junk quoted-string of 1 MiB",
       {"Basic \"" + repeat("a=b, ", MiB / 5), "Bearer"},
       "0 expected_token@0:6",
       "0 expected_token@0:6",
       "2 challenges, 1 errors"},
      {"1 MiB of params before any scheme",
       {repeat("p=1, ", MiB / 5) + "Token"},
       "0 param_without_scheme@0:0",
       "0 param_without_scheme@0:0",
       "1 challenges, 209715 errors"},
      {"1 MiB of params after a token68",
       {"Basic abc==, " + repeat("p=\"1\", ", MiB / 7)},
       "0 param_after_token68@0:13",
       "0 param_after_token68@0:13",
       "1 challenges, 149796 errors"},
      {"1 MiB of challenges glued to closing quotes",
       {repeat("A realm=\"r\"", MiB / 11)},
       "0 expected_comma@0:11",
       "0 expected_comma@0:11",
       "95325 challenges, 95324 errors"},
      {"an unquoted value of 1 MiB of words",
       {"Bearer e=" + repeat("word ", MiB / 5) + "end"},
       "0 expected_comma@0:14",
       "0 expected_comma@0:14",
       "1 challenges, 1 errors"},
      {"1 MiB of words after a token68",
       {"X-A " + repeat("word ", MiB / 5)},
       "0 expected_comma@0:9",
       "0 expected_comma@0:9",
       "1 challenges, 1 errors"},
      {"1 MiB of broken params",
       {"Bearer " + repeat("a=\"\x01\", ", MiB / 7)},
       "0 invalid_quoted_char@0:10",
       "0 invalid_quoted_char@0:10",
       "1 challenges, 149796 errors"},
  };
  return table;
}

}  // namespace

TEST_CASE("adversarial inputs parse or fail cleanly, as the reference parser does") {
  // Lenient mode recovers from every error, so each row also runs the recovery paths on 1 MiB.
  for (const row& r : rows()) {
    const std::vector<std::string_view> fields(r.fields.begin(), r.fields.end());
    for (const ref::mode m : {ref::mode::strict, ref::mode::lenient}) {
      const ref::challenges_result expected = ref::parse_challenges(fields, m);
      const wwwauth::challenge_list list = wwwauth::parse_challenges(fields, ref::to_wwwauth(m));
      const ref::challenges_result library = ref::from_wwwauth(list);
      INFO(r.name << (m == ref::mode::strict ? " (strict)" : " (lenient)") << ": library " << ref::describe(library.err)
                  << ", " << library.challenges.size() << " challenges");
      CHECK(summary(expected) == (m == ref::mode::strict ? r.strict : r.lenient));
      if (m == ref::mode::strict) {
        CHECK(list.size() == expected.challenges.size());
        CHECK(ref::same(expected, library));
      } else {
        CHECK(ref::same_until_error(expected, library));
        CHECK(recovering_summary(list) == r.recovering);
      }
    }
  }
}

TEST_CASE("adversarial inputs: the parts are the expected sizes") {
  SECTION("64 KiB token68 keeps its padding") {
    const std::string field = "Negotiate " + repeat("YIIB", std::size_t{16} * 1024) + "==";
    const wwwauth::challenge_list list = wwwauth::parse_challenges(field);
    REQUIRE(list.size() == 1);
    CHECK(list.begin()->token68().size() == 64 * 1024 + 2);
    CHECK(list.begin()->token68().data() == field.data() + 10);
  }
  SECTION("10 000 params, lenient: all iterated, the last one found by name") {
    const std::string field = params(10000);
    const wwwauth::challenge_list list = wwwauth::parse_challenges(field, wwwauth::mode::lenient);
    REQUIRE(list.size() == 1);
    const wwwauth::challenge c = *list.begin();
    CHECK(c.param_count() == 10000);
    std::size_t n = 0;
    for (const wwwauth::auth_param& p : c.params()) n += p ? 1 : 0;
    CHECK(n == 10000);
    CHECK(c.param("P9999").value().equals("9999"));
    CHECK_FALSE(c.param("p10000"));
  }
  SECTION("lenient recovery of 1 MiB keeps what it should, and counts every error") {
    const std::string commas = "Basic \"" + std::string(MiB, ',') + "\", c=d";
    const wwwauth::challenge_list junk = wwwauth::parse_challenges(commas, wwwauth::mode::lenient);
    REQUIRE(junk.size() == 1);
    CHECK(junk.begin()->param_count() == 1);  // none of the commas inside the string split it
    CHECK(junk.begin()->param("c").value().equals("d"));

    const std::string glued = repeat("A realm=\"r\"", MiB / 11);
    const wwwauth::challenge_list chain = wwwauth::parse_challenges(glued, wwwauth::mode::lenient);
    CHECK(chain.size() == MiB / 11);
    std::size_t with_realm = 0;
    for (const wwwauth::challenge& c : chain) with_realm += c.realm().value().equals("r") ? 1 : 0;
    CHECK(with_realm == MiB / 11);
    CHECK(chain.recovered().size() == wwwauth::max_recovered_errors);
    CHECK(chain.recovered().dropped() == MiB / 11 - 1 - wwwauth::max_recovered_errors);
    CHECK(chain.recovered()[1] == wwwauth::parse_error{wwwauth::errc::expected_comma, 0, 22});

    const std::string words = "Bearer e=" + repeat("word ", MiB / 5) + "end";
    const wwwauth::challenge_list value = wwwauth::parse_challenges(words, wwwauth::mode::lenient);
    REQUIRE(value.size() == 1);
    CHECK(value.begin()->param("e").value().size() == words.size() - 9);  // exactly the bytes
  }
  SECTION("1 MiB of escaped quotes decodes to 512 KiB of quotes") {
    const std::string field = "Basic realm=\"" + repeat("\\\"", MiB / 2) + "\"";
    const wwwauth::challenge_list list = wwwauth::parse_challenges(field);
    REQUIRE(list.size() == 1);
    const wwwauth::param_value v = list.begin()->realm().value();
    CHECK(v.escapes() == MiB / 2);
    CHECK(v.size() == MiB / 2);
    CHECK(v.equals(std::string(MiB / 2, '"')));
    std::string out(MiB / 2, '\0');
    CHECK(v.decode_into(out.data(), out.size() - 1) == MiB / 2);  // does not fit: nothing written
    CHECK(out == std::string(MiB / 2, '\0'));
    CHECK(v.decode_into(out.data(), out.size()) == MiB / 2);
    CHECK(out == std::string(MiB / 2, '"'));
  }
  SECTION("credentials and Authentication-Info of 1 MiB") {
    const std::string commas(MiB, ',');
    CHECK(wwwauth::parse_credentials(commas).error() == wwwauth::parse_error{wwwauth::errc::expected_token, 0, 0});
    const std::string basic = "Basic " + std::string(MiB, 'A');
    CHECK(wwwauth::parse_credentials(basic).token68().size() == MiB);
    const std::string info = repeat("a=b, ", MiB / 5);
    CHECK(wwwauth::parse_auth_info(info).error() == wwwauth::parse_error{wwwauth::errc::duplicate_param, 0, 5});
    const wwwauth::auth_info lenient = wwwauth::parse_auth_info(info, wwwauth::mode::lenient);
    CHECK_FALSE(lenient.error());
    CHECK(lenient.size() == MiB / 5);
    CHECK(wwwauth::parse_auth_info(commas).size() == 0);
  }
}
