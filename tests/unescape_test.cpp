// Quoted-string values: decoding into a caller's buffer or an iterator, sizes known without
// decoding, and comparison without decoding (RFC 9110 section 5.6.4).
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "decoded.hpp"
#include "support/catch.hpp"
#include <wwwauth/wwwauth.hpp>

using wwwauth_testing::decoded;

namespace {

struct row {
  const char* name;
  std::string_view field;  // a Basic challenge with one parameter
  std::string_view raw;
  std::string_view decoded;
  std::size_t escapes;
};

const std::vector<row> rows = {
    {"token", "Basic realm=abc", "abc", "abc", 0},
    {"quoted, no escapes", R"(Basic realm="a b")", "a b", "a b", 0},
    {"empty", R"(Basic realm="")", "", "", 0},
    {"escaped quote", R"(Basic realm="a\"b")", R"(a\"b)", R"(a"b)", 1},
    {"escaped backslash", R"(Basic realm="\\")", R"(\\)", R"(\)", 1},
    {"only escapes", R"(Basic realm="\a\b\c")", R"(\a\b\c)", "abc", 3},
    {"escaped obs-text", "Basic realm=\"\\\xe9\"", "\\\xe9", "\xe9", 1},
};

wwwauth::param_value value_of(std::string_view field) {
  const auto list = wwwauth::parse_challenges(field);
  REQUIRE(list.ok());
  return list.begin()->realm().value();
}

}  // namespace

TEST_CASE("raw value, escape count and decoded size") {
  for (const row& r : rows) {
    INFO(r.name);
    const wwwauth::param_value v = value_of(r.field);
    CHECK(v.raw() == r.raw);
    CHECK(v.escapes() == r.escapes);
    CHECK(v.size() == r.decoded.size());
    CHECK(v.is_plain() == (r.escapes == 0));
  }
}

TEST_CASE("decode into a buffer reports the size needed and writes only what fits") {
  for (const row& r : rows) {
    INFO(r.name);
    const wwwauth::param_value v = value_of(r.field);
    std::array<char, 16> buf{};
    buf.fill('#');
    const std::size_t n = v.decode_into(buf.data(), buf.size());
    REQUIRE(n == r.decoded.size());
    CHECK(std::string_view(buf.data(), n) == r.decoded);
    CHECK(buf[n] == '#');  // nothing written past the value

    if (n > 0) {
      std::array<char, 16> small{};
      small.fill('#');
      CHECK(v.decode_into(small.data(), n - 1) == n);
      CHECK(small[0] == '#');  // too small: untouched
    }
  }
}

namespace {
// The realm of `field` decodes into a buffer of exactly its size as `expected`, and the guard
// byte after the buffer stays as it is.
void check_realm_decodes(const std::string& field, wwwauth::mode m, const std::string& expected) {
  INFO(field);
  const auto list = wwwauth::parse_challenges(field, m);
  REQUIRE(list.size() == 1);
  const wwwauth::param_value v = list.begin()->realm().value();
  REQUIRE(v.size() == expected.size());
  std::vector<char> buf(expected.size() + 1, '#');
  CHECK(v.decode_into(buf.data(), expected.size()) == expected.size());
  CHECK(std::string(buf.data(), expected.size()) == expected);
  CHECK(buf.back() == '#');
}
}  // namespace

// decode_into() copies sixteen bytes at a time between quoted-pairs: pairs at every offset of
// a chunk and across its end, back to back, and values whose decoded end is within a chunk
// of the buffer's end, all decode as the one byte at a time rule does.
TEST_CASE("decode into a buffer at every offset of a vector step") {
  for (std::size_t size = 0; size <= 70; ++size) {
    for (const std::size_t period : {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{7}, std::size_t{16},
                                     std::size_t{17}, std::size_t{100}}) {
      for (std::size_t offset = 0; offset < 18; ++offset) {
        std::string raw;
        std::string expected;
        for (std::size_t i = 0; raw.size() < size; ++i) {
          const char c = static_cast<char>('a' + (i % 26));
          if (i % period == offset % period) {
            raw += '\\';
            raw += i % 2 == 0 ? '"' : '\\';
            expected += raw.back();
          } else {
            raw += c;
            expected += c;
          }
        }
        check_realm_decodes("Basic realm=\"" + raw + "\"", wwwauth::mode::strict, expected);
      }
    }
  }
}

// Lenient mode closes a string left open at the end of the field, so a value can end in a
// lone backslash, which stays literal: at every offset of a vector step too.
TEST_CASE("a lone trailing backslash decodes at every offset of a vector step") {
  for (std::size_t before = 0; before <= 40; ++before) {
    for (const bool pair_first : {false, true}) {
      std::string raw = pair_first ? R"(\")" : "";
      raw += std::string(before, 'x') + "\\";
      const std::string expected = (pair_first ? "\"" : "") + std::string(before, 'x') + "\\";
      check_realm_decodes("Basic realm=\"" + raw, wwwauth::mode::lenient, expected);
    }
  }
}

// The escape count comes from the parser; one given by hand that does not match the raw bytes
// must not make decode_into write past the size it reports.
TEST_CASE("decode_into writes no more than size() for a hand-made value") {
  const std::string raw = std::string(40, 'x') + R"(\")";
  for (std::size_t escapes = 0; escapes <= 8; ++escapes) {
    const wwwauth::param_value v(raw, true, escapes);
    std::vector<char> buf(v.size() + 1, '#');
    CHECK(v.decode_into(buf.data(), v.size()) == v.size());
    CHECK(buf.back() == '#');
  }
  // Comparisons of a hand-made value whose escape count does not match its bytes are false and
  // read nothing past the bytes (AddressSanitizer sees it: each array ends its allocation).
  const std::vector<char> two{'a', 'b'};
  const std::vector<char> three{'a', 'b', 'c'};
  const wwwauth::param_value plain(std::string_view(two.data(), two.size()), true, 0);
  const wwwauth::param_value overcounted(std::string_view(three.data(), three.size()), true, 1);  // size() 2
  CHECK_FALSE(overcounted.equals(plain));
  CHECK_FALSE(overcounted.equals(std::string_view(two.data(), two.size())));
  CHECK_FALSE(overcounted.iequals(std::string_view(two.data(), two.size())));
  const wwwauth::param_value escaped(std::string_view(R"(a\b)"), true, 1);  // size() 2, "ab"
  CHECK_FALSE(escaped.equals(overcounted));
  const wwwauth::param_value undercounted(std::string_view(R"(a\b\c)"), true, 1);  // size() 4, "abc"
  CHECK_FALSE(undercounted.equals(std::string_view("abc!")));
  CHECK(escaped.equals(std::string_view("ab")));
}

TEST_CASE("decode to an output iterator") {
  for (const row& r : rows) {
    INFO(r.name);
    CHECK(decoded(value_of(r.field)) == r.decoded);
  }
}

TEST_CASE("compare without decoding") {
  for (const row& r : rows) {
    INFO(r.name);
    const wwwauth::param_value v = value_of(r.field);
    CHECK(v.equals(r.decoded));
    CHECK(v.iequals(r.decoded));
    CHECK_FALSE(v.equals(std::string(r.decoded) + "x"));
    if (!r.decoded.empty()) {
      std::string changed(r.decoded);
      changed.back() = static_cast<char>(changed.back() ^ 1);
      CHECK_FALSE(v.equals(changed));
    }
  }
  const wwwauth::param_value md5 = value_of(R"(Basic realm="M\D5")");
  CHECK(md5.iequals("md5"));
  CHECK_FALSE(md5.equals("md5"));
  CHECK_FALSE(md5.iequals("md6"));
}

TEST_CASE("two values compare decoded, each written its own way") {
  // Every row against every row: equal exactly when the decoded bytes are.
  for (const row& a : rows) {
    for (const row& b : rows) {
      INFO(a.name << " / " << b.name);
      CHECK(value_of(a.field).equals(value_of(b.field)) == (a.decoded == b.decoded));
    }
  }
  CHECK(value_of(R"(Basic realm="a\"b")").equals(value_of(R"(Basic realm="a\"b")")));
  CHECK(value_of(R"(Basic realm="\a\b")").equals(value_of("Basic realm=ab")));
  CHECK(value_of("Basic realm=ab").equals(value_of(R"(Basic realm="\a\b")")));
  CHECK_FALSE(value_of(R"(Basic realm="\a\b")").equals(value_of("Basic realm=aB")));
  // A backslash in a token is a byte, in a quoted-string an escape.
  const auto lenient = wwwauth::parse_challenges(R"(Basic realm=a\b)", wwwauth::mode::lenient);
  REQUIRE(lenient.ok());
  CHECK_FALSE(lenient.begin()->realm().value().equals(value_of(R"(Basic realm="a\b")")));
  CHECK(lenient.begin()->realm().value().equals(value_of(R"(Basic realm="a\\b")")));
}

TEST_CASE("a backslash outside a quoted-string is an ordinary byte") {
  // Found by fuzz_unescape: unquoted values were decoded as if quoted.
  const auto list = wwwauth::parse_challenges(R"(Basic realm=C:\dir\x)", wwwauth::mode::lenient);
  REQUIRE(list.ok());
  const wwwauth::param_value v = list.begin()->realm().value();
  CHECK(v.raw() == R"(C:\dir\x)");
  CHECK(v.escapes() == 0);
  CHECK(v.size() == 8);
  CHECK(decoded(v) == R"(C:\dir\x)");
  std::array<char, 16> buf{};
  REQUIRE(v.decode_into(buf.data(), buf.size()) == 8);
  CHECK(std::string_view(buf.data(), 8) == R"(C:\dir\x)");
  CHECK(v.equals(R"(C:\dir\x)"));
  CHECK_FALSE(v.equals("C:dirx"));
}

TEST_CASE("lenient mode keeps a lone trailing backslash literally") {
  const auto list = wwwauth::parse_challenges(R"(Basic realm="a\"b\)", wwwauth::mode::lenient);
  REQUIRE(list.ok());
  const wwwauth::param_value v = list.begin()->realm().value();
  CHECK(v.raw() == R"(a\"b\)");
  CHECK(v.escapes() == 1);
  CHECK(v.size() == 4);
  CHECK(v.equals(R"(a"b\)"));
}
