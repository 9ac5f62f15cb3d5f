// The grammar of RFC 9110 section 11 as table rows: each row names a rule, gives field lines
// ('\n' separates lines of one response) and the expected rendering (support/render.hpp).
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "support/catch.hpp"
#include "support/render.hpp"

namespace {

using wwwauth::mode;

struct row {
  const char* name;
  std::string_view input;
  const char* strict;   // expected in strict mode
  const char* lenient;  // expected in lenient mode; nullptr: the same as strict
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

std::string parse_rendered(std::string_view input, mode m) {
  const std::vector<std::string_view> lines = split_lines(input);
  return wwwauth_test::render(wwwauth::parse_challenges(lines, m));
}

void check_rows(const std::vector<row>& rows) {
  for (const row& r : rows) {
    INFO(r.name << ": " << r.input);
    CHECK(parse_rendered(r.input, mode::strict) == r.strict);
    CHECK(parse_rendered(r.input, mode::lenient) == (r.lenient != nullptr ? r.lenient : r.strict));
  }
}

// The pieces one after the other, built in one string.
std::string cat(std::initializer_list<std::string_view> pieces) {
  std::string out;
  for (const std::string_view p : pieces) out += p;
  return out;
}

}  // namespace

TEST_CASE("examples from the RFCs") {
  check_rows({
      {"RFC 9110 11.6.1: two challenges, escapes, the shared comma",
       R"(Newauth realm="apps", type=1, title="Login to \"apps\"", Basic realm="simple")",
       R"(Newauth realm="apps" type=1 title="Login to "apps"" | Basic realm="simple")", nullptr},
      {"RFC 7617 2: Basic", R"(Basic realm="WallyWorld")", R"(Basic realm="WallyWorld")", nullptr},
      {"RFC 7617 2.1: charset", R"(Basic realm="foo", charset="UTF-8")", R"(Basic realm="foo" charset="UTF-8")",
       nullptr},
      {"RFC 7616 3.9.1: Digest with two algorithms, one per line",
       "Digest\n"
       "    realm=\"http-auth@example.org\",\n"
       "    qop=\"auth, auth-int\",\n"
       "    algorithm=SHA-256,\n"
       "    nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\",\n"
       "    opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"",
       " ! param_without_scheme@1:4",
       R"(Digest realm="http-auth@example.org" qop="auth, auth-int" algorithm=SHA-256 )"
       R"(nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v" opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS")"
       " ! param_without_scheme@1:4"},
      {"RFC 7616 3.9.1: the same challenge on one line",
       R"(Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS", Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=MD5, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS")",
       R"(Digest realm="http-auth@example.org" qop="auth, auth-int" algorithm=SHA-256 nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v" opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS" | Digest realm="http-auth@example.org" qop="auth, auth-int" algorithm=MD5 nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v" opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS")",
       nullptr},
      {"RFC 6750 3: Bearer realm", R"(Bearer realm="example")", R"(Bearer realm="example")", nullptr},
      {"RFC 6750 3: Bearer invalid_token",
       R"(Bearer realm="example", error="invalid_token", error_description="The access token expired")",
       R"(Bearer realm="example" error="invalid_token" error_description="The access token expired")", nullptr},
      {"RFC 9449 7.1: DPoP with algs", R"(DPoP algs="ES256 PS256")", R"(DPoP algs="ES256 PS256")", nullptr},
      {"RFC 9449 8: use_dpop_nonce",
       R"(DPoP error="use_dpop_nonce", error_description="Resource server requires nonce in DPoP proof")",
       R"(DPoP error="use_dpop_nonce" error_description="Resource server requires nonce in DPoP proof")", nullptr},
  });
}

TEST_CASE("list rule and the shared comma") {
  check_rows({
      {"empty elements around one challenge", R"(, ,Basic realm="a" ,)", R"(Basic realm="a")", nullptr},
      {"empty field", "", "", nullptr},
      {"only commas and spaces", " , ,, ", "", nullptr},
      {"bare scheme", "Negotiate", "Negotiate", nullptr},
      {"bare scheme, trailing space", "Negotiate ", "Negotiate", nullptr},
      {"two bare schemes", "Negotiate, NTLM", "Negotiate | NTLM", nullptr},
      {"several spaces after the scheme (1*SP)", "Basic    realm=x", "Basic realm=x", nullptr},
      {"token after comma is a new challenge", "Basic realm=x, Bearer", "Basic realm=x | Bearer", nullptr},
      {"token BWS = after comma is a parameter", "Basic realm=x, Foo =abc", "Basic realm=x Foo=abc", nullptr},
      {"BWS around =", "Basic realm \t= \t\"a\"", R"(Basic realm="a")", nullptr},
      {"empty elements inside the param list", "Basic a=1,, ,b=2", "Basic a=1 b=2", nullptr},
      {"SP then comma opens a param list", "Basic ,realm=x", "Basic realm=x", nullptr},
      {"no SP: the challenge ended", "Basic, realm=x", " ! param_without_scheme@0:7",
       "Basic realm=x ! param_without_scheme@0:7"},
      {"param as first element", "realm=x", " ! param_without_scheme@0:0", nullptr},
      {"challenge with token68 then another challenge", "Negotiate abc==, Basic realm=x",
       "Negotiate #abc== | Basic realm=x", nullptr},
      {"challenges before an error are kept", "Basic realm=x, Bearer realm=@", "Basic realm=x ! expected_value@0:28",
       "Basic realm=x | Bearer realm=@"},
  });
}

TEST_CASE("token68 and its padding") {
  check_rows({
      {"token68 with padding", "Basic YWxhZGRpbjpvcGVuc2VzYW1l==", "Basic #YWxhZGRpbjpvcGVuc2VzYW1l==", nullptr},
      {"token68 with one '='", "Basic abc=", "Basic #abc=", nullptr},
      {"token68 with '/' and '+'", "Negotiate YII+/abc", "Negotiate #YII+/abc", nullptr},
      {"token68 then spaces", "Negotiate abc==  ", "Negotiate #abc==", nullptr},
      {"name = value is a param, not a token68", "Basic abc= def", "Basic abc=def", nullptr},
      {"param after token68", "Negotiate abc==, realm=x", " ! param_after_token68@0:17",
       "Negotiate #abc== ! param_after_token68@0:17"},
      {"scheme then '=' reads as a parameter", "Basic ==", " ! param_without_scheme@0:0", nullptr},
      {"only padding is no token68", "Basic  ==", " ! param_without_scheme@0:0", nullptr},
      {"token68 followed by junk", "Negotiate ab/c x", " ! expected_comma@0:15",
       "Negotiate #ab/c ! expected_comma@0:15"},
      {"token68 then a byte outside it", "Negotiate abc==@", " ! expected_comma@0:15",
       "Negotiate #abc== ! expected_comma@0:15"},
  });
}

TEST_CASE("quoted strings") {
  check_rows({
      {"escaped quote and backslash", R"(Basic realm="a\"b\\c")", R"(Basic realm="a"b\c")", nullptr},
      {"escaped ordinary char", R"(Basic realm="\a")", R"(Basic realm="a")", nullptr},
      {"comma and challenge-like text inside", R"(Basic realm="x, Bearer realm=y")",
       R"(Basic realm="x, Bearer realm=y")", nullptr},
      {"empty quoted string", R"(Basic realm="")", R"(Basic realm="")", nullptr},
      {"obs-text", "Basic realm=\"caf\xc3\xa9\"", "Basic realm=\"caf\xc3\xa9\"", nullptr},
      {"tab inside", "Basic realm=\"a\tb\"", "Basic realm=\"a\tb\"", nullptr},
      {"unterminated at end", R"(Basic realm="abc)", " ! unterminated_quoted_string@0:12", R"(Basic realm="abc")"},
      {"unterminated swallows a would-be challenge", R"(Basic realm="abc, Bearer x=1)",
       " ! unterminated_quoted_string@0:12", R"(Basic realm="abc, Bearer x=1")"},
      {"unterminated ends at the line's end only", "Basic realm=\"abc\nBearer realm=y",
       " ! unterminated_quoted_string@0:12", R"(Basic realm="abc" | Bearer realm=y)"},
      {"lone trailing backslash", R"(Basic realm="abc\)", " ! unterminated_quoted_string@0:12",
       R"(Basic realm="abc\")"},
      {"control char inside", "Basic realm=\"a\x01b\"", " ! invalid_quoted_char@0:14",
       "Basic ! invalid_quoted_char@0:14"},
      {"control char escaped", "Basic realm=\"a\\\x01\"", " ! invalid_quoted_char@0:15",
       "Basic ! invalid_quoted_char@0:15"},
      {"DEL inside", "Basic realm=\"a\x7f\"", " ! invalid_quoted_char@0:14", "Basic ! invalid_quoted_char@0:14"},
      {"quoted value then a byte", R"(Basic realm="x"y)", " ! expected_comma@0:15",
       R"(Basic realm="x" ! expected_comma@0:15)"},
      {"quoted values without a comma", R"(Basic realm="x"charset="y")", " ! expected_comma@0:15",
       R"(Basic realm="x" charset="y")"},
  });
}

// The vector scanners read 16 or 32 bytes a step and take quoted-pairs inside the step: every
// position of a pair, a tab and an error relative to a step (and to the field's end) must
// give what the byte loop gives.
TEST_CASE("quoted strings across vector steps") {
  const std::string head = R"(Basic realm=")";
  for (std::size_t n = 0; n < 80; ++n) {
    const std::string pad(n, 'a');
    for (const std::size_t k : {0U, 1U, 15U, 16U, 31U, 32U, 33U}) {
      const std::string rest(k, 'b');
      INFO("pad " << n << ", rest " << k);
      const std::string pair = cat({head, pad, R"(\")", rest, R"(")"});
      CHECK(parse_rendered(pair, mode::strict) == cat({R"(Basic realm=")", pad, R"(")", rest, R"(")"}));
      const std::string tab = cat({head, pad, "\t", rest, "\""});
      CHECK(parse_rendered(tab, mode::strict) == cat({"Basic realm=\"", pad, "\t", rest, "\""}));
      const std::string bad_pair = cat({head, pad, "\\\x01", rest, "\""});
      CHECK(parse_rendered(bad_pair, mode::strict) ==
            " ! invalid_quoted_char@0:" + std::to_string(head.size() + n + 1));
      const std::string control = cat({head, pad, rest, "\x02\""});
      CHECK(parse_rendered(control, mode::strict) == " ! invalid_quoted_char@0:" + std::to_string(head.size() + n + k));
    }
    const std::string lone_backslash = head + pad + "\\";
    CHECK(parse_rendered(lone_backslash, mode::strict) == " ! unterminated_quoted_string@0:12");
    CHECK(parse_rendered(lone_backslash, mode::lenient) == "Basic realm=\"" + pad + "\\\"");
  }
}

TEST_CASE("errors and their offsets") {
  check_rows({
      {"quote where a scheme must be", R"("Basic")", " ! expected_token@0:0", nullptr},
      {"scheme followed by a quote", R"(Basic"x")", " ! expected_space@0:5", "Basic ! expected_space@0:5"},
      {"scheme followed by '/'", "Basic/x", " ! expected_space@0:5", "Basic ! expected_space@0:5"},
      {"HTAB after the scheme", "Basic\trealm=x", " ! expected_space@0:5", "Basic realm=x"},
      {"HTAB then comma ends a bare scheme", "Basic\t, Bearer", "Basic | Bearer", nullptr},
      {"SP then HTAB before the first element", "Basic \trealm=x", " ! expected_token@0:6", "Basic realm=x"},
      {"SP then HTAB before an empty first element", "Basic \t,realm=x", "Basic realm=x", nullptr},
      {"name= at the end is a token68", "Basic realm=", "Basic #realm=", nullptr},
      {"missing value at the end", "Basic a=1, realm=", " ! expected_value@0:17", "Basic a=1 ! expected_value@0:17"},
      {"missing value before a comma", "Basic a=1, realm=, b=2", " ! expected_value@0:17",
       "Basic a=1 b=2 ! expected_value@0:17"},
      {"value with '/' unquoted", "Basic realm=/x/y", " ! expected_value@0:12", "Basic realm=/x/y"},
      {"URL unquoted", "Basic realm=https://x/y", " ! expected_comma@0:17", "Basic realm=https://x/y"},
      {"value with ':' unquoted", "Basic realm=a:b", " ! expected_comma@0:13", "Basic realm=a:b"},
      {"two values without a comma", "Basic realm=a b", " ! expected_comma@0:14",
       "Basic realm=a b ! expected_comma@0:14"},
      {"junk element after a challenge", R"(Basic realm=x, "junk")", " ! expected_token@0:15",
       "Basic realm=x ! expected_token@0:15"},
      {"duplicate parameter, any case", "Basic realm=a, REALM=b", " ! duplicate_param@0:15", "Basic realm=a REALM=b"},
      {"control byte after a value", "Basic realm=x\x01", " ! expected_comma@0:13",
       "Basic realm=x ! expected_comma@0:13"},
      {"error in the second line", "Basic realm=x\nBearer error=\"a", "Basic realm=x ! unterminated_quoted_string@1:13",
       R"(Basic realm=x | Bearer error="a")"},
  });
}

TEST_CASE("several field lines are one list") {
  check_rows({
      {"one challenge per line", "Basic realm=a\nBearer realm=b", "Basic realm=a | Bearer realm=b", nullptr},
      {"params continue on the next line", "Basic realm=a\ncharset=UTF-8", "Basic realm=a charset=UTF-8", nullptr},
      {"a bare scheme cannot take params from the next line", "Basic\nrealm=a", " ! param_without_scheme@1:0",
       "Basic realm=a ! param_without_scheme@1:0"},
      {"empty lines between", "\nBasic realm=a\n\n  \nNegotiate", "Basic realm=a | Negotiate", nullptr},
  });
}

TEST_CASE("lenient rules for deployed servers") {
  check_rows({
      {"Azure AD: unquoted URL values",
       "Bearer authorization_uri=https://login.microsoftonline.com/common/oauth2/authorize, error=invalid_token",
       " ! expected_comma@0:30",
       "Bearer authorization_uri=https://login.microsoftonline.com/common/oauth2/authorize error=invalid_token"},
      {"Azure Storage: params separated by spaces",
       "Bearer authorization_uri=https://login.microsoftonline.com/t/oauth2/authorize resource_id=https://storage.azure.com",
       " ! expected_comma@0:30",
       "Bearer authorization_uri=https://login.microsoftonline.com/t/oauth2/authorize resource_id=https://storage.azure.com"},
      {"space-separated tokens", "Bearer a=1 b=2", " ! expected_comma@0:11", "Bearer a=1 b=2"},
      {"a scheme after a value still needs a comma", R"(Basic realm="a" Bearer)", " ! expected_comma@0:16",
       R"(Basic realm="a" ! expected_comma@0:16)"},
      {"resource_metadata twice: both kept",
       R"(Bearer resource_metadata="https://a/x", resource_metadata="https://a/y")", " ! duplicate_param@0:40",
       R"(Bearer resource_metadata="https://a/x" resource_metadata="https://a/y")"},
      {"unquoted value never starts with '=' (token68 stays)", "Negotiate abc==", "Negotiate #abc==", nullptr},
  });
}

TEST_CASE("lookup and conveniences") {
  const auto list = wwwauth::parse_challenges(R"(DIGEST Realm="a\"b", QOP="auth", nonce=xyz, Basic realm=r)");
  REQUIRE(list.ok());
  REQUIRE(list.size() == 2);
  const wwwauth::challenge& digest = *list.begin();
  CHECK(digest.scheme() == "DIGEST");
  CHECK(digest.scheme_is("digest"));
  CHECK_FALSE(digest.scheme_is("digestx"));
  CHECK(digest.param_count() == 3);
  CHECK(digest.realm().name() == "Realm");
  CHECK(digest.realm().value().raw() == R"(a\"b)");
  CHECK(digest.realm().value().equals(R"(a"b)"));
  CHECK(digest.param("qop").value().equals("auth"));
  CHECK(digest.param("Nonce").value().raw() == "xyz");
  CHECK_FALSE(digest.param("opaque"));
  CHECK_FALSE(digest.has_token68());

  const auto dup = wwwauth::parse_challenges("Bearer x=1, X=2", mode::lenient);
  REQUIRE(dup.ok());
  CHECK(dup.begin()->param("x").value().raw() == "1");  // lenient rule 5: the first one wins
}

// Validation records where the first parameters of a challenge lie and iteration reads the
// rest again from where the recorded ones end: every count and every kind of value read the
// same, and so do the cases that stop recording (another line, a long name, many quoted-pairs).
TEST_CASE("parameters read the same however many there are") {
  const std::vector<std::string> values = {"tok", R"("quoted")", R"("a\"b\\c")", R"("")", "x.y-z"};
  // As render() shows them: decoded, quoted-strings between quotes.
  const std::vector<std::string> rendered = {"tok", R"("quoted")", R"("a"b\c")", R"("")", "x.y-z"};
  const std::vector<std::size_t> decoded_size = {3, 6, 5, 0, 5};
  for (std::size_t count = 0; count <= 12; ++count) {
    std::string field = "Digest";
    std::string expected = "Digest";
    for (std::size_t i = 0; i < count; ++i) {
      const std::string name = "p" + std::to_string(i);
      field += (i == 0 ? " " : i % 3 == 0 ? " ,  " : ", ") + name + (i % 4 == 1 ? " = " : "=") + values[i % 5];
      expected += " " + name + "=" + rendered[i % 5];
    }
    field += ", Basic realm=last";
    expected += " | Basic realm=last";
    INFO(field);
    for (const mode m : {mode::strict, mode::lenient}) {
      const auto list = wwwauth::parse_challenges(field, m);
      CHECK(parse_rendered(field, m) == expected);
      REQUIRE(list.size() == 2);
      const wwwauth::challenge digest = *list.begin();
      REQUIRE(digest.param_count() == count);
      for (std::size_t i = 0; i < count; ++i) {
        const wwwauth::auth_param p = digest.param("P" + std::to_string(i));
        REQUIRE(p);
        CHECK(p.value().quoted() == (values[i % 5][0] == '"'));
        CHECK(p.value().size() == decoded_size[i % 5]);
      }
    }
  }
}

TEST_CASE("parameters past what validation records") {
  check_rows({
      {"the first parameters on one line, the rest on the next",
       "Digest realm=a, nonce=b\nqop=auth, opaque=c, stale=true, algorithm=MD5",
       "Digest realm=a nonce=b qop=auth opaque=c stale=true algorithm=MD5", nullptr},
      {"every parameter on the next line", "Digest ,\nrealm=a, nonce=b", "Digest realm=a nonce=b", nullptr},
  });
  // Values and names at the sizes where a recorded slot ends (a name of 255 bytes, 2^23
  // quoted-pairs), each followed by more parameters.
  const auto pairs = [](std::size_t n) { return std::string(2 * n, '\\'); };  // each "\\" stands for '\'
  const std::size_t many = std::size_t{1} << 23U;
  const std::pair<std::size_t, std::size_t> cases[] = {{many - 1, 255}, {many, 255}, {10, 256}, {10, 70000}};
  for (const auto& [escapes, name_size] : cases) {
    const std::string long_name(name_size, 'n');
    const std::string field = "Digest a=1, b=\"" + pairs(escapes) + "\", " + long_name + "=3, d=4, e=\"5\", f=6";
    INFO("quoted-pairs " << escapes << ", name of " << name_size);
    const auto list = wwwauth::parse_challenges(field);
    REQUIRE(list.ok());
    const wwwauth::challenge digest = *list.begin();
    REQUIRE(digest.param_count() == 6);
    CHECK(digest.param("b").value().escapes() == escapes);
    CHECK(digest.param("b").value().size() == escapes);
    CHECK(digest.param(long_name).value().equals("3"));
    CHECK(digest.param("e").value().equals("5"));
    std::string names;
    for (const auto& p : digest.params()) names += p.name().substr(0, 1);
    CHECK(names == "abndef");
  }
}

// A challenge carries what validation recorded by value: taken from a list that is gone, its
// parameters still read (AddressSanitizer sees any read of the list's storage).
TEST_CASE("a challenge outlives the list it came from") {
  const std::string field = R"(Digest realm="r", qop="auth", nonce="n", opaque="o", algorithm=MD5, stale=true)";
  const wwwauth::challenge digest = *wwwauth::parse_challenges(field).begin();
  const wwwauth::param_range params = [&] { return wwwauth::parse_challenges(field).begin()->params(); }();
  std::string names;
  for (const auto& p : params) names += std::string(p.name()) + ' ';
  CHECK(names == "realm qop nonce opaque algorithm stale ");
  CHECK(digest.param("stale").value().equals("true"));
  CHECK(digest.realm().value().equals("r"));
}

TEST_CASE("strict mode checks at most max_strict_params parameters") {
  std::string field = "Basic";
  for (std::size_t i = 0; i < wwwauth::max_strict_params; ++i) field += " p" + std::to_string(i) + "=v,";
  CHECK(wwwauth::parse_challenges(field).ok());
  const std::size_t extra = field.size() + 1;
  field += " extra=v";
  const auto strict = wwwauth::parse_challenges(field);
  CHECK(strict.error() == wwwauth::parse_error{wwwauth::errc::too_many_params, 0, extra});
  const auto lenient = wwwauth::parse_challenges(field, mode::lenient);
  REQUIRE(lenient.ok());
  CHECK(lenient.begin()->param_count() == wwwauth::max_strict_params + 1);
}

TEST_CASE("every error code has its own name and message") {
  using wwwauth::errc;
  for (int i = 0; i <= static_cast<int>(errc::expected_param); ++i) {
    CHECK(wwwauth::name(static_cast<errc>(i)) != "unknown");
    for (int j = i + 1; j <= static_cast<int>(errc::expected_param); ++j) {
      CHECK(wwwauth::name(static_cast<errc>(i)) != wwwauth::name(static_cast<errc>(j)));
      CHECK(wwwauth::message(static_cast<errc>(i)) != wwwauth::message(static_cast<errc>(j)));
    }
  }
}
