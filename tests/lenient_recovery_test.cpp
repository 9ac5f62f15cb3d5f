// Lenient mode's recovery (README.md, "Lenient mode", rules 6-12) as table rows: each shape
// deployed servers send, at the start, in the middle and at the end of a field, across two
// field lines, and inside a quoted-string, where it must not trigger. '\n' separates field
// lines; the rendering is support/render.hpp's, with every recovered error.
#include <string>
#include <string_view>
#include <vector>

#include "support/catch.hpp"
#include "support/render.hpp"

namespace {

using wwwauth::mode;

struct row {
  const char* name;
  std::string_view input;
  const char* lenient;  // expected in lenient mode
};

std::vector<std::string_view> split_lines(std::string_view input) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  for (std::size_t nl; (nl = input.find('\n', start)) != std::string_view::npos; start = nl + 1) {
    lines.push_back(input.substr(start, nl - start));
  }
  lines.push_back(input.substr(start));
  return lines;
}

// Every row is one strict rejects (recovery is only ever needed there), except the rows
// marked "no trigger", where both modes read the same.
void check_rows(const std::vector<row>& rows) {
  for (const row& r : rows) {
    INFO(r.name << ": " << r.input);
    const std::vector<std::string_view> lines = split_lines(r.input);
    const wwwauth::challenge_list strict = wwwauth::parse_challenges(lines, mode::strict);
    const wwwauth::challenge_list lenient = wwwauth::parse_challenges(lines, mode::lenient);
    CHECK(wwwauth_test::render(lenient) == r.lenient);
    if (std::string_view(r.name).find("no trigger") != std::string_view::npos) {
      CHECK(wwwauth_test::render(strict) == wwwauth_test::render(lenient));
    } else {
      CHECK_FALSE(strict.ok());
    }
  }
}

}  // namespace

TEST_CASE("rule 6: a comma right after the scheme") {
  check_rows({
      {"the shape", "Bearer, error=x, error_description=y",
       "Bearer error=x error_description=y ! param_without_scheme@0:8"},
      {"at the start, before a challenge", "Bearer, error=x, Basic realm=r",
       "Bearer error=x | Basic realm=r ! param_without_scheme@0:8"},
      {"in the middle", R"(Basic realm="r", Bearer, error="invalid_token", Digest nonce=n)",
       R"(Basic realm="r" | Bearer error="invalid_token" | Digest nonce=n ! param_without_scheme@0:25)"},
      {"at the end", "Basic realm=r, Bearer, error=x", "Basic realm=r | Bearer error=x ! param_without_scheme@0:23"},
      {"across two field lines", "Bearer\nerror=invalid_token, error_description=\"expired\"",
       R"(Bearer error=invalid_token error_description="expired" ! param_without_scheme@1:0)"},
      {"no trigger: inside a quoted-string", R"(Basic realm="Bearer, error=x")", R"(Basic realm="Bearer, error=x")"},
      {"no trigger: bare schemes", "Negotiate, NTLM", "Negotiate | NTLM"},
  });
}

TEST_CASE("rule 8: a quoted-string where a token68 or a parameter belongs") {
  check_rows({
      {"the shape", R"(Basic "please")", "Basic ! expected_token@0:6"},
      {"with params and a second challenge", R"(A "blob", c=d, B "blob")",
       "A c=d | B ! expected_token@0:2 ! expected_token@0:17"},
      {"in the middle of the params", R"(Digest realm="r", "junk", nonce="n")",
       R"(Digest realm="r" nonce="n" ! expected_token@0:18)"},
      {"at the end", R"(Basic realm="r", Bearer "x")", R"(Basic realm="r" | Bearer ! expected_token@0:24)"},
      {"across two field lines", "Basic \"please\"\nBearer realm=\"r\"",
       R"(Basic | Bearer realm="r" ! expected_token@0:6)"},
      {"a quoted-string holding commas and challenges", R"(A "x, B c=d, e", f=g)", "A f=g ! expected_token@0:2"},
      {"a broken parameter is dropped, the next kept", "Basic a=\"\x01\", b=c", "Basic b=c ! invalid_quoted_char@0:9"},
      {"a value missing", "Basic a=, b=c", "Basic #a= ! param_after_token68@0:10"},
      {"no trigger: a quoted value", R"(Basic realm="please")", R"(Basic realm="please")"},
  });
}

TEST_CASE("rule 7: a challenge glued to the closing quote") {
  check_rows({
      {"the shape", R"(Bearer realm="r"Basic realm="r")",
       R"(Bearer realm="r" | Basic realm="r" ! expected_comma@0:16)"},
      {"with a space", R"(Bearer realm="r" Basic realm="r")",
       R"(Bearer realm="r" | Basic realm="r" ! expected_comma@0:17)"},
      {"in the middle", R"(Digest nonce="n", realm="r"Basic realm="b", Negotiate)",
       R"(Digest nonce="n" realm="r" | Basic realm="b" | Negotiate ! expected_comma@0:27)"},
      {"three in a row", R"(A a="1"B b="2"C c="3")",
       R"(A a="1" | B b="2" | C c="3" ! expected_comma@0:7 ! expected_comma@0:14)"},
      {"a bare word after the quote is skipped, not a challenge", R"(Basic realm="r" abc, charset=UTF-8)",
       R"(Basic realm="r" charset=UTF-8 ! expected_comma@0:16)"},
      {"after an unquoted value the words are the value's", R"(Bearer realm=r Basic realm="r")",
       R"(Bearer realm=r Basic realm="r" ! expected_comma@0:15)"},
      {"no trigger: across two field lines", "Bearer realm=\"r\"\nBasic realm=\"r\"",
       R"(Bearer realm="r" | Basic realm="r")"},
      {"no trigger: inside a quoted-string", R"(Bearer realm="r\"Basic realm=\"r")",
       R"(Bearer realm="r"Basic realm="r")"},
  });
}

TEST_CASE("single quotes are bytes of a value") {
  check_rows({
      {"no trigger: a token between single quotes", "OAuth realm='api', error='x'", "OAuth realm='api' error='x'"},
      {"with a space inside", "OAuth realm='my api', error='x'",
       "OAuth realm='my api' error='x' ! expected_comma@0:16"},
      {"no trigger: in a quoted-string", R"(OAuth realm="'my api'")", R"(OAuth realm="'my api'")"},
  });
}

TEST_CASE("rule 10: an unquoted value with spaces") {
  check_rows({
      {"the shape", "Bearer error=invalid_token, error_description=The token was not recognized.",
       "Bearer error=invalid_token error_description=The token was not recognized. ! expected_comma@0:50"},
      {"at the start", "Bearer error_description=The token expired, error=invalid_token",
       "Bearer error_description=The token expired error=invalid_token ! expected_comma@0:29"},
      {"in the middle, before a challenge", "Bearer error_description=The token expired, Basic realm=r",
       "Bearer error_description=The token expired | Basic realm=r ! expected_comma@0:29"},
      {"up to the next name=", "Bearer error_description=Token expired scope=openid",
       "Bearer error_description=Token expired scope=openid ! expected_comma@0:31"},
      {"stops at a quote", R"(Bearer error_description=Token "x" expired, scope=a)",
       "Bearer error_description=Token scope=a ! expected_comma@0:31"},
      {"across two field lines", "Bearer error_description=Not recognized\nBasic realm=r",
       "Bearer error_description=Not recognized | Basic realm=r ! expected_comma@0:29"},
      {"no trigger: spaces before the comma", "Bearer error=x  , scope=a", "Bearer error=x scope=a"},
  });
}

TEST_CASE("rule 9: token68 and parameters in one challenge") {
  check_rows({
      {"token68 then a param", R"(Basic abc== realm="x")", "Basic #abc== ! expected_comma@0:12"},
      {"a param then a token68", R"(Basic realm="x" abc==)", R"(Basic realm="x" ! expected_value@0:20)"},
      {"token68, comma, params, then a challenge", R"(Negotiate abc==, realm="x", a=b, Basic realm=r)",
       "Negotiate #abc== | Basic realm=r ! param_after_token68@0:17 ! param_after_token68@0:28"},
      {"across two field lines", "Negotiate abc==\nrealm=\"x\"", "Negotiate #abc== ! param_after_token68@1:0"},
      {"a token68 is never split", "Negotiate YII/+B==x, Basic", "Negotiate #YII/+B== | Basic ! expected_comma@0:18"},
      {"no trigger: a token68 then a challenge", "Negotiate abc==, Basic realm=x", "Negotiate #abc== | Basic realm=x"},
  });
}

TEST_CASE("rule 11: a parameter before any scheme") {
  check_rows({
      {"the shape", "p=unused, Token", "Token ! param_without_scheme@0:0"},
      {"several, one quoted with commas", R"(a=1, b="x, Basic y", Token t=1)",
       "Token t=1 ! param_without_scheme@0:0 ! param_without_scheme@0:5"},
      {"across two field lines", "realm=x\nBasic realm=y", "Basic realm=y ! param_without_scheme@0:0"},
      {"only params", "a=1, b=2", " ! param_without_scheme@0:0 ! param_without_scheme@0:5"},
  });
}

TEST_CASE("rule 12: bare words after a scheme") {
  check_rows({
      {"the shape", R"(X-A word, p="a,\"b\",c", Y word)", "X-A #word | Y #word ! param_after_token68@0:10"},
      {"two words", "X-A two words, Y", "X-A #two | Y ! expected_comma@0:8"},
      {"a word then a broken one", "Basic w@rd, Digest realm=r", "Basic #w | Digest realm=r ! expected_comma@0:7"},
      {"junk where a challenge starts", R"("x", ;, Basic realm=r)",
       "Basic realm=r ! expected_token@0:0 ! expected_token@0:5"},
      {"no trigger: a token68", "X-A word, Y word", "X-A #word | Y #word"},
  });
}

TEST_CASE("recovered errors beyond the capacity are counted") {
  std::string field = "Basic";
  for (int i = 0; i < 20; ++i) field += ", \"junk\"";
  const wwwauth::challenge_list list = wwwauth::parse_challenges(field, mode::lenient);
  REQUIRE(list.size() == 1);
  CHECK(list.recovered().size() == wwwauth::max_recovered_errors);
  CHECK(list.recovered().dropped() == 20 - wwwauth::max_recovered_errors);
  CHECK(list.recovered()[0] == wwwauth::parse_error{wwwauth::errc::expected_token, 0, 7});
  CHECK(list.error() == list.recovered()[0]);
  CHECK(wwwauth::parse_challenges(field).recovered().empty());  // strict records nothing
}
