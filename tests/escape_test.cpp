// The escaping rule the tools print input with (tools/wwwauth_tools/escape.hpp): one row per
// class of byte or code point, each checked in both spellings (terminal text and JSON), plus
// the caret column and the "safe to print" oracle the fuzz targets use.
#include <string>
#include <string_view>
#include <vector>

#include <wwwauth_tools/escape.hpp>

#include "support/catch.hpp"

namespace {

struct row {
  const char* name;
  std::string_view input;
  std::string_view text;  // printable(input)
  std::string_view json;  // json_string(input)
};

}  // namespace

TEST_CASE("one rule, two spellings: every class") {
  const std::vector<row> rows = {
      {"printable ASCII as it is", "realm x", "realm x", "\"realm x\""},
      {"JSON's own escapes: quote and backslash", "a\"b\\c", "a\"b\\c", "\"a\\\"b\\\\c\""},
      {"C0: ESC", "a\x1b[31mb", "a\\x1B[31mb", "\"a\\u001B[31mb\""},
      {"C0: NUL", std::string_view("a\0b", 3), "a\\x00b", "\"a\\u0000b\""},
      {"C0: LF, CR, HTAB (JSON's short forms)", "\n\r\t", "\\x0A\\x0D\\x09", "\"\\n\\r\\t\""},
      {"DEL", "a\x7f", "a\\x7F", "\"a\\u007F\""},
      {"C1 as UTF-8: CSI U+009B",
       "\xc2\x9b"
       "35m",
       "\\u009B35m", "\"\\u009B35m\""},
      {"C1 as UTF-8: U+0080 and U+009F", "\xc2\x80\xc2\x9f", "\\u0080\\u009F", "\"\\u0080\\u009F\""},
      {"U+00A0 is past C1: as it is", "\xc2\xa0", "\xc2\xa0", "\"\xc2\xa0\""},
      {"raw C1 byte (not UTF-8)", "\x9b", "\\x9B", "\"\\u009B\""},
      {"bidi override U+202E and pop U+202C",
       "\xe2\x80\xae"
       "abc"
       "\xe2\x80\xac",
       "\\u202Eabc\\u202C", "\"\\u202Eabc\\u202C\""},
      {"bidi embeddings U+202A, U+202B, U+202D", "\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xad", "\\u202A\\u202B\\u202D",
       "\"\\u202A\\u202B\\u202D\""},
      {"bidi isolates U+2066..U+2069", "\xe2\x81\xa6\xe2\x81\xa7\xe2\x81\xa8\xe2\x81\xa9",
       "\\u2066\\u2067\\u2068\\u2069", "\"\\u2066\\u2067\\u2068\\u2069\""},
      {"bidi marks U+200E, U+200F, U+061C", "\xe2\x80\x8e\xe2\x80\x8f\xd8\x9c", "\\u200E\\u200F\\u061C",
       "\"\\u200E\\u200F\\u061C\""},
      {"U+2029 and U+2070 are no bidi controls", "\xe2\x80\xa9\xe2\x81\xb0", "\xe2\x80\xa9\xe2\x81\xb0",
       "\"\xe2\x80\xa9\xe2\x81\xb0\""},
      {"valid UTF-8 as it is", "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80", "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80",
       "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\""},
      {"invalid UTF-8: Latin-1 byte", "caf\xe9", "caf\\xE9", "\"caf\\u00E9\""},
      {"invalid UTF-8: truncated sequence", "\xe2\x82", "\\xE2\\x82", "\"\\u00E2\\u0082\""},
      {"invalid UTF-8: overlong", "\xc0\xaf", "\\xC0\\xAF", "\"\\u00C0\\u00AF\""},
      {"invalid UTF-8: surrogate", "\xed\xa0\x80", "\\xED\\xA0\\x80", "\"\\u00ED\\u00A0\\u0080\""},
  };
  for (const row& r : rows) {
    INFO(r.name);
    CHECK(wwwauth_tools::printable(r.input) == r.text);
    CHECK(wwwauth_tools::json_string(r.input) == r.json);
    CHECK(wwwauth_tools::is_safe_to_print(wwwauth_tools::printable(r.input)));
    CHECK(wwwauth_tools::is_safe_to_print(wwwauth_tools::json_string(r.input)));
  }
}

TEST_CASE("the caret column is the printed column") {
  struct column_row {
    const char* name;
    std::string_view input;
    std::size_t offset;
    std::size_t column;
  };
  const std::vector<column_row> rows = {
      {"ASCII", "Basic realm", 6, 6},
      {"after two-byte UTF-8", "\xc3\xa9\xc3\xa9x", 4, 2},
      {"after four-byte UTF-8", "\xf0\x9f\x98\x80x", 4, 1},
      {"after an escaped byte", "\x01x", 1, 4},
      {"after an escaped code point", "\xe2\x80\xaex", 3, 6},
      {"at the end", "ab", 2, 2},
  };
  for (const column_row& r : rows) {
    INFO(r.name);
    CHECK(wwwauth_tools::printable_columns(r.input, r.offset) == r.column);
  }
}

TEST_CASE("the oracle refuses what the rule escapes") {
  const std::vector<std::string_view> unsafe = {"\x1b", "\x7f", "\xc2\x9b", "\xe2\x80\xae", "\xff", "\r", "\t"};
  for (const std::string_view s : unsafe) {
    INFO(wwwauth_tools::printable(s));
    CHECK_FALSE(wwwauth_tools::is_safe_to_print(s));
  }
  CHECK(wwwauth_tools::is_safe_to_print("line one\nline two \xc3\xa9\n"));
}
