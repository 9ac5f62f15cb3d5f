// Well-formed UTF-8 as RFC 3629 section 4 defines it (used for Basic's charset="UTF-8" and by
// wwwauth-explain's JSON output).
#include <string_view>
#include <vector>

#include "support/catch.hpp"
#include <wwwauth/utf8.hpp>

namespace {
struct row {
  const char* name;
  std::string_view bytes;
  bool well_formed;
  std::size_t first_length;  // utf8_sequence_length(bytes, 0)
};
}  // namespace

TEST_CASE("well-formed UTF-8") {
  const std::vector<row> rows = {
      {"ASCII", "a", true, 1},
      {"two bytes (e acute)", "\xc3\xa9", true, 2},
      {"three bytes (euro)", "\xe2\x82\xac", true, 3},
      {"four bytes (U+1F600)", "\xf0\x9f\x98\x80", true, 4},
      {"largest code point U+10FFFF", "\xf4\x8f\xbf\xbf", true, 4},
      {"lone continuation byte", "\x80", false, 0},
      {"overlong two bytes (C0 80)", "\xc0\x80", false, 0},
      {"overlong three bytes (E0 80 80)", "\xe0\x80\x80", false, 0},
      {"overlong four bytes (F0 80 80 80)", "\xf0\x80\x80\x80", false, 0},
      {"surrogate U+D800", "\xed\xa0\x80", false, 0},
      {"above U+10FFFF", "\xf4\x90\x80\x80", false, 0},
      {"truncated sequence", "\xe2\x82", false, 0},
      {"Latin-1 byte", "caf\xe9", false, 1},
      {"empty", "", true, 0},
  };
  for (const row& r : rows) {
    INFO(r.name);
    CHECK(wwwauth::is_utf8(r.bytes) == r.well_formed);
    if (!r.bytes.empty()) CHECK(wwwauth::utf8_sequence_length(r.bytes, 0) == r.first_length);
  }
  static_assert(wwwauth::is_utf8("J\xc3\xa4s\xc3\xb8n Doe"));
}
