// RFC 8187 extended values (ext_value.hpp): the grammar of section 3.2.1, its examples in
// section 3.2.2, Digest's username* (RFC 7616 section 3.9.2), every error at its offset, and
// the lookup that prefers `name*` over `name`.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "decoded.hpp"
#include "support/catch.hpp"
#include <wwwauth/wwwauth.hpp>

using wwwauth::ext_charset;
using wwwauth::ext_errc;
using wwwauth_testing::decoded;

namespace {

struct good_row {
  const char* name;
  std::string_view text;
  ext_charset charset;
  std::string_view charset_name;
  std::string_view language;
  std::string_view bytes;  // decoded
};

struct bad_row {
  const char* name;
  std::string_view text;
  ext_errc code;
  std::size_t offset;
};

}  // namespace

TEST_CASE("well-formed ext-values decode to their bytes") {
  const std::vector<good_row> rows = {
      {"RFC 8187 3.2.2: ISO-8859-1, language en", "iso-8859-1'en'%A3%20rates", ext_charset::iso_8859_1, "iso-8859-1",
       "en", "\xA3 rates"},
      {"RFC 8187 3.2.2: UTF-8, no language", "UTF-8''%c2%a3%20and%20%e2%82%ac%20rates", ext_charset::utf_8, "UTF-8", "",
       "\xc2\xa3 and \xe2\x82\xac rates"},
      {"RFC 7616 3.9.2: username*", "UTF-8''J%C3%A4s%C3%B8n%20Doe", ext_charset::utf_8, "UTF-8", "",
       "J\xc3\xa4s\xc3\xb8n Doe"},
      {"charset names compare case-insensitively", "utf-8''%e2%82%ac", ext_charset::utf_8, "utf-8", "", "\xe2\x82\xac"},
      {"another charset is reported, bytes still decoded", "Shift_JIS'ja'%82%A0", ext_charset::other, "Shift_JIS", "ja",
       "\x82\xA0"},
      {"empty value-chars", "UTF-8'de'", ext_charset::utf_8, "UTF-8", "de", ""},
      {"every attr-char stays as it is", "UTF-8''aZ09!#$&+-.^_`|~", ext_charset::utf_8, "UTF-8", "",
       "aZ09!#$&+-.^_`|~"},
      {"language with region and variant subtags", "UTF-8'en-GB-oxendict'x", ext_charset::utf_8, "UTF-8",
       "en-GB-oxendict", "x"},
      {"private-use language tag", "UTF-8'x-private'x", ext_charset::utf_8, "UTF-8", "x-private", "x"},
      {"four-byte UTF-8", "UTF-8''%F0%9F%98%80", ext_charset::utf_8, "UTF-8", "", "\xF0\x9F\x98\x80"},
      {"ISO-8859-1 takes any byte", "ISO-8859-1''%FF%00", ext_charset::iso_8859_1, "ISO-8859-1", "",
       std::string_view("\xFF\x00", 2)},
  };
  for (const good_row& row : rows) {
    CAPTURE(row.name, row.text);
    const wwwauth::ext_value v = wwwauth::parse_ext_value(row.text);
    REQUIRE(v.ok());
    CHECK(v.charset() == row.charset);
    CHECK(v.charset_name() == row.charset_name);
    CHECK(v.language() == row.language);
    CHECK(v.size() == row.bytes.size());
    CHECK(decoded(v) == row.bytes);

    std::array<char, 64> buf{};
    CHECK(v.decode_into(buf.data(), buf.size()) == row.bytes.size());
    CHECK(std::string_view(buf.data(), row.bytes.size()) == row.bytes);
    if (!row.bytes.empty()) {
      std::array<char, 64> small{};
      CHECK(v.decode_into(small.data(), row.bytes.size() - 1) == row.bytes.size());
      CHECK(small == std::array<char, 64>{});  // did not fit: nothing written
    }
  }
}

TEST_CASE("malformed ext-values name the error and its byte") {
  const std::vector<bad_row> rows = {
      {"empty", "", ext_errc::expected_charset, 0},
      {"no charset", "'en'abc", ext_errc::expected_charset, 0},
      {"charset only", "UTF-8", ext_errc::expected_quote, 5},
      {"no second quote", "UTF-8'en", ext_errc::expected_quote, 8},
      {"space in the charset", "UTF 8''x", ext_errc::invalid_charset_char, 3},
      {"dot in the charset (not a mime-charsetc)", "a.b''x", ext_errc::invalid_charset_char, 1},
      {"language subtag longer than 8", "UTF-8'abcdefghi'x", ext_errc::invalid_language, 14},
      {"digit in the primary language subtag", "UTF-8'e1'x", ext_errc::invalid_language, 7},
      {"empty language subtag", "UTF-8'en--GB'x", ext_errc::invalid_language, 9},
      {"trailing '-' in the language", "UTF-8'en-'x", ext_errc::invalid_language, 8},
      {"underscore in the language", "UTF-8'en_GB'x", ext_errc::invalid_language, 8},
      {"space must be %-encoded", "UTF-8''a b", ext_errc::invalid_value_char, 8},
      {"'*' is not an attr-char", "UTF-8''a*", ext_errc::invalid_value_char, 8},
      {"a third quote", "UTF-8''it's", ext_errc::invalid_value_char, 9},
      {"'%' at the end", "UTF-8''ab%", ext_errc::invalid_percent_encoding, 9},
      {"'%' with one digit", "UTF-8''%4", ext_errc::invalid_percent_encoding, 7},
      {"'%' with a non-hex digit", "UTF-8''%4g", ext_errc::invalid_percent_encoding, 7},
      {"lone continuation byte", "UTF-8''ab%80", ext_errc::invalid_utf8, 9},
      {"truncated sequence", "UTF-8''%e2%82", ext_errc::invalid_utf8, 7},
      {"overlong", "UTF-8''x%C0%80", ext_errc::invalid_utf8, 8},
      {"surrogate", "UTF-8''%ED%A0%80", ext_errc::invalid_utf8, 7},
      {"Latin-1 bytes under a UTF-8 label", "UTF-8''%A3%20rates", ext_errc::invalid_utf8, 7},
  };
  for (const bad_row& row : rows) {
    CAPTURE(row.name, row.text);
    const wwwauth::ext_value v = wwwauth::parse_ext_value(row.text);
    CHECK_FALSE(v.ok());
    CHECK(name(v.error().code) == name(row.code));
    CHECK(v.error().offset == row.offset);
    CHECK(v.size() == 0);
    CHECK(decoded(v).empty());
    CHECK(!v.error().message().empty());
  }
}

TEST_CASE("a quoted-string is not an ext-value") {
  const std::string_view field = R"(Newauth title*="UTF-8''%e2%82%ac")";
  const auto list = wwwauth::parse_challenges(field);
  REQUIRE(list.ok());
  const wwwauth::ext_value v = wwwauth::parse_ext_value(list.begin()->param("title*").value());
  CHECK(v.error() == wwwauth::ext_error{ext_errc::quoted_value, 0});
}

namespace {
struct lookup_row {
  const char* name;
  std::string_view field;
  wwwauth::param_form form;
  bool ok;
  std::string_view value;  // decoded, of the chosen form
};
}  // namespace

TEST_CASE("find_param_prefer_ext prefers name* and says which form it found") {
  using wwwauth::param_form;
  const std::vector<lookup_row> rows = {
      {"both forms: name* wins (RFC 8187 section 4.2)",
       R"(Newauth realm="r", title="EURO rates", title*=UTF-8''%e2%82%ac%20rates)", param_form::extended, true,
       "\xe2\x82\xac rates"},
      {"name* first in the field", R"(Newauth title*=utf-8'en'x%20y, title=xy)", param_form::extended, true, "x y"},
      {"only the plain form, decoded from its quoted-string", R"(Newauth title="a \"b\"")", param_form::plain, true,
       "a \"b\""},
      {"names are case-insensitive", R"(Newauth TITLE*=UTF-8''%41)", param_form::extended, true, "A"},
      {"absent", R"(Newauth realm="r")", param_form::absent, false, ""},
      {"a longer name is another parameter", R"(Newauth titles*=UTF-8''x, title2=y)", param_form::absent, false, ""},
      {"malformed name* is chosen, not silently replaced", R"(Newauth title=ok, title*=UTF-8''%zz)",
       param_form::extended, false, ""},
  };
  for (const lookup_row& row : rows) {
    CAPTURE(row.name, row.field);
    const auto list = wwwauth::parse_challenges(row.field);
    REQUIRE(list.ok());
    const wwwauth::preferred_param found = wwwauth::find_param_prefer_ext(*list.begin(), "title");
    CHECK(found.form() == row.form);
    CHECK(found.ok() == row.ok);
    CHECK(static_cast<bool>(found) == (row.form != param_form::absent));
    CHECK(found.size() == row.value.size());
    CHECK(decoded(found) == row.value);
  }
}

TEST_CASE("a malformed name* keeps the plain form within reach and says what is wrong") {
  const std::string_view field = R"(Newauth title=ok, title*=UTF-8''%zz)";
  const auto list = wwwauth::parse_challenges(field);
  const wwwauth::preferred_param found = wwwauth::find_param_prefer_ext(*list.begin(), "title");
  CHECK(found.error() == wwwauth::ext_error{ext_errc::invalid_percent_encoding, 7});
  CHECK(found.extended().name() == "title*");
  CHECK(decoded(found.plain().value()) == "ok");
}

TEST_CASE("Digest username* in credentials (RFC 7616 section 3.9.2)") {
  const std::string_view field =
      R"(Digest username*=UTF-8''J%C3%A4s%C3%B8n%20Doe, realm="api@example.org", uri="/doe.json", )"
      R"(algorithm=SHA-512-256, nonce="5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK", nc=00000001, )"
      R"(cnonce="NTg6RKcb9boFIAS3KrFK9BGeh+iDa/sm6jUMp2wds69v", qop=auth, )"
      R"(response="ae66e67d6b427bd3f120414a82e4acff38e8ecd9101d6c861229025f607a79dd", userhash=false)";
  const auto creds = wwwauth::parse_credentials(field);
  REQUIRE(creds.ok());
  const wwwauth::preferred_param user = wwwauth::find_param_prefer_ext(creds, "username");
  CHECK(user.form() == wwwauth::param_form::extended);
  REQUIRE(user.ok());
  CHECK(user.ext().charset() == ext_charset::utf_8);
  CHECK(decoded(user) == "J\xc3\xa4s\xc3\xb8n Doe");
}

// Parsing and decoding run in constant evaluation, so they cannot allocate.
constexpr std::size_t decoded_size_at_compile_time() {
  const wwwauth::ext_value v = wwwauth::parse_ext_value("UTF-8''%e2%82%ac%20rates");
  std::array<char, 16> buf{};
  const std::size_t n = v.decode_into(buf.data(), buf.size());
  return v.ok() && buf[0] == '\xe2' && buf[3] == ' ' ? n : 0;
}
static_assert(decoded_size_at_compile_time() == 9);
static_assert(wwwauth::parse_ext_value("UTF-8''%e2%82").error() == wwwauth::ext_error{ext_errc::invalid_utf8, 7});
