// wwwauth against the reference parser (testing/reference/reference_parser.hpp, written straight
// from the RFC 9110 grammar and README.md's "Grammar decisions" and "Lenient mode"), on the
// adversarial and edge cases of that contract, in both modes: the results must be identical
// (challenges completed before an error, every param's name, raw value, quoted flag and
// decoded value, the error's code, field and offset), and each row also states the expected outcome, so that a bug both parsers share still fails here.
// Lenient challenge lists read on past an error, where the reference stops: they must agree
// on the first error and on every challenge before it (tests/challenge_test.cpp and
// tests/lenient_recovery_test.cpp check what comes after).
// Expected outcome: "N" = N challenges (params for Authentication-Info, 1 for credentials)
// and no error; "N code@field:offset" = N challenges completed before that error (0 for
// credentials and Authentication-Info, whose content is not compared once an error occurred).
// Rows found by the fuzz targets are marked "(fuzz)".
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "reference/compare.hpp"
#include "support/catch.hpp"

namespace ref = wwwauth_reference;

namespace {

enum class kind { challenges, credentials, auth_info };

struct row {
  const char* name;
  kind k;
  std::vector<std::string> fields;
  const char* strict;   // expected outcome in strict mode
  const char* lenient;  // expected outcome in lenient mode
};

std::string summary(std::size_t count, const ref::error& e) {
  std::string out = std::to_string(count);
  if (e.code != ref::errc::none)
    out += std::string(" ") + ref::name(e.code) + "@" + std::to_string(e.field) + ":" + std::to_string(e.offset);
  return out;
}

// `Basic p0=0, p1=1, ...` with n params.
std::string many_params(std::size_t n) {
  std::string s = "Basic ";
  for (std::size_t i = 0; i < n; ++i) s += (i ? ", p" : "p") + std::to_string(i) + "=" + std::to_string(i);
  return s;
}

const std::vector<row>& rows() {
  static const std::vector<row> table = {
      // --- The list rule and the comma shared by challenges and params (RFC 9110 section 11.3)
      {"RFC 9110 example: two challenges",
       kind::challenges,
       {R"(Newauth realm="apps", type=1, title="Login to \"apps\"", Basic realm="simple")"},
       "2",
       "2"},
      {"param after a comma joins the challenge", kind::challenges, {"Basic realm=x, Foo =abc"}, "1", "1"},
      {"token after a comma starts a challenge", kind::challenges, {"Basic realm=x, Digest nonce=y"}, "2", "2"},
      {"bare scheme then a param",
       kind::challenges,
       {"Basic, realm=x"},
       "0 param_without_scheme@0:7",
       "0 param_without_scheme@0:7"},
      {"scheme SP comma param", kind::challenges, {"Basic ,realm=x"}, "1", "1"},
      {"several SP after the scheme", kind::challenges, {"Basic    realm=x"}, "1", "1"},
      {"empty elements everywhere", kind::challenges, {R"(, ,Basic realm="a" ,)"}, "1", "1"},
      {"commas around params", kind::challenges, {"Basic ,, realm=a ,, charset=b ,,"}, "1", "1"},
      {"only commas", kind::challenges, {",,, ,,"}, "0", "0"},
      {"empty field", kind::challenges, {""}, "0", "0"},
      {"no field at all", kind::challenges, {}, "0", "0"},
      {"bare schemes", kind::challenges, {"Basic, Digest,Negotiate"}, "3", "3"},
      {"completed challenges before an error",
       kind::challenges,
       {"Basic realm=x, Digest \""},
       "1 expected_token@0:22",
       "1 expected_token@0:22"},
      // --- BWS around '='
      {"BWS around =", kind::challenges, {"Basic realm = \"a\", charset\t=\tUTF-8"}, "1", "1"},
      {"= without a value at the end",
       kind::challenges,
       {"Basic realm ="},
       "0 expected_value@0:13",
       "0 expected_value@0:13"},
      {"= without a value, trailing OWS",
       kind::challenges,
       {"Basic realm =  "},
       "0 expected_value@0:15",
       "0 expected_value@0:15"},
      {"= without a value before a comma",
       kind::challenges,
       {"Basic a=b, c=, d=e"},
       "0 expected_value@0:13",
       "0 expected_value@0:13"},
      // --- token68 and its padding (section 11.2)
      {"token68 with padding", kind::challenges, {"Basic abc=="}, "1", "1"},
      {"token68 with one =", kind::challenges, {"Basic abc="}, "1", "1"},
      {"token68 then OWS and a challenge", kind::challenges, {"Basic abc= , x"}, "2", "2"},
      {"token68 of every class", kind::challenges, {"Negotiate aZ09-._~+/=="}, "1", "1"},
      {"token68 with trailing OWS", kind::challenges, {"NTLM TlRMTVNTUAABAAAAB4IIog==  "}, "1", "1"},
      {"token68 then garbage",
       kind::challenges,
       {"Basic abc/def==x"},
       "0 expected_comma@0:15",
       "0 expected_comma@0:15"},
      {"padding then a token (fuzz)",
       kind::challenges,
       {"Basic a== x"},
       "0 expected_comma@0:10",
       "0 expected_comma@0:10"},
      {"name== then a token (fuzz)",
       kind::challenges,
       {R"(Bac realm==m"r")"},
       "0 expected_comma@0:11",
       "0 expected_comma@0:11"},
      {"two token68 words", kind::challenges, {"Basic abc def"}, "0 expected_comma@0:10", "0 expected_comma@0:10"},
      {"token68 a= then a param",
       kind::challenges,
       {"Basic a=, b=c"},
       "0 param_after_token68@0:10",
       "0 param_after_token68@0:10"},
      {"param after token68",
       kind::challenges,
       {"Basic x, a=b"},
       "0 param_after_token68@0:9",
       "0 param_after_token68@0:9"},
      {"neither param nor token68", kind::challenges, {"Basic !x"}, "0 expected_token@0:6", "0 expected_token@0:6"},
      // --- quoted-string, quoted-pair and obs-text (section 5.6.4)
      {"escaped quote", kind::challenges, {R"(Basic realm="a\"b")"}, "1", "1"},
      {"escaped backslash at the end", kind::challenges, {R"(Basic realm="a\\")"}, "1", "1"},
      {"HTAB inside quotes", kind::challenges, {"Basic realm=\"a\tb\""}, "1", "1"},
      {"obs-text inside quotes", kind::challenges, {"Basic realm=\"caf\xC3\xA9 \\\x80\xFF\""}, "1", "1"},
      {"obs-text in a token value", kind::challenges, {"Basic realm=caf\xC3\xA9"}, "0 expected_comma@0:15", "1"},
      {"unterminated quoted-string", kind::challenges, {"Basic realm=\"x"}, "0 unterminated_quoted_string@0:12", "1"},
      {"unterminated after a backslash",
       kind::challenges,
       {"Basic realm=\"x\\"},
       "0 unterminated_quoted_string@0:12",
       "1"},
      {"unterminated keeps trailing OWS",
       kind::challenges,
       {"Basic realm=\"x \\  "},
       "0 unterminated_quoted_string@0:12",
       "1"},
      {"CTL inside quotes",
       kind::challenges,
       {"Basic realm=\"a\x01\""},
       "0 invalid_quoted_char@0:14",
       "0 invalid_quoted_char@0:14"},
      {"DEL after a backslash",
       kind::challenges,
       {"Basic realm=\"a\\\x7F\""},
       "0 invalid_quoted_char@0:15",
       "0 invalid_quoted_char@0:15"},
      {"NUL inside quotes",
       kind::challenges,
       {std::string("Basic realm=\"\0\"", 15)},
       "0 invalid_quoted_char@0:13",
       "0 invalid_quoted_char@0:13"},
      {"LF inside quotes",
       kind::challenges,
       {"Basic realm=\"a\nb\""},
       "0 invalid_quoted_char@0:14",
       "0 invalid_quoted_char@0:14"},
      // --- The other error codes
      {"quoted-string where a scheme must start",
       kind::challenges,
       {"\"x\""},
       "0 expected_token@0:0",
       "0 expected_token@0:0"},
      {"= where a scheme must start", kind::challenges, {"=x"}, "0 expected_token@0:0", "0 expected_token@0:0"},
      {"quoted-string where token68 or param must start",
       kind::challenges,
       {"Basic \"x\""},
       "0 expected_token@0:6",
       "0 expected_token@0:6"},
      {"slash after the scheme", kind::challenges, {"Basic/x"}, "0 expected_space@0:5", "0 expected_space@0:5"},
      {"quote after the scheme", kind::challenges, {"Basic\"x\""}, "0 expected_space@0:5", "0 expected_space@0:5"},
      {"HTAB after the scheme", kind::challenges, {"Basic\trealm=x"}, "0 expected_space@0:5", "1"},
      {"HTAB after the scheme before a comma", kind::challenges, {"Basic\t, Digest"}, "2", "2"},
      {"token after a param value",
       kind::challenges,
       {"Basic a=b c"},
       "0 expected_comma@0:10",
       "0 expected_comma@0:10"},
      {"token right after a closing quote",
       kind::challenges,
       {R"(Basic a="b"c)"},
       "0 expected_comma@0:11",
       "0 expected_comma@0:11"},
      {"= after a token value", kind::challenges, {"Basic a=b=c"}, "0 expected_comma@0:9", "1"},
      {"param first", kind::challenges, {"realm=x"}, "0 param_without_scheme@0:0", "0 param_without_scheme@0:0"},
      {"scheme glued to =", kind::challenges, {"Basic=x"}, "0 param_without_scheme@0:0", "0 param_without_scheme@0:0"},
      {"duplicate param, other case", kind::challenges, {"Basic a=1, A=2"}, "0 duplicate_param@0:11", "1"},
      {"same name in two challenges", kind::challenges, {"Basic a=1, Digest a=2"}, "2", "2"},
      {"64 params", kind::challenges, {many_params(64)}, "1", "1"},
      {"65 params", kind::challenges, {many_params(65)}, "0 too_many_params@0:498", "1"},
      // --- Several field lines: one list, as if joined with ", " (section 5.3)
      {"two fields", kind::challenges, {"Basic realm=a", "Digest realm=b, nonce=c"}, "2", "2"},
      {"empty and comma-only fields", kind::challenges, {"Basic realm=a", "", "  ,  ", "Bearer"}, "2", "2"},
      {"params continue across fields", kind::challenges, {"Basic realm=x", "charset=UTF-8"}, "1", "1"},
      {"bare scheme ends its field",
       kind::challenges,
       {"Basic", "realm=x"},
       "0 param_without_scheme@1:0",
       "0 param_without_scheme@1:0"},
      {"scheme SP ends its field",
       kind::challenges,
       {"Basic ", "realm=x"},
       "0 param_without_scheme@1:0",
       "0 param_without_scheme@1:0"},
      {"empty first element across fields", kind::challenges, {"Basic ,", "realm=x"}, "1", "1"},
      {"duplicate across fields", kind::challenges, {"Basic a=1", "a=2"}, "0 duplicate_param@1:0", "1"},
      {"error offset in the second field",
       kind::challenges,
       {"Basic", "Digest \"x\""},
       "1 expected_token@1:7",
       "1 expected_token@1:7"},
      {"unterminated string closes at its field end",
       kind::challenges,
       {"Basic realm=\"x", "Digest"},
       "0 unterminated_quoted_string@0:12",
       "2"},
      // --- Lenient rules
      {"Azure: params separated by spaces, URL values",
       kind::challenges,
       {"Bearer authorization_uri=https://login.microsoftonline.com/t/oauth2/authorize "
        "resource_id=https://storage.azure.com"},
       "0 expected_comma@0:30",
       "1"},
      {"param right after a closing quote", kind::challenges, {R"(Basic a="x"b=c)"}, "0 expected_comma@0:11", "1"},
      {"lenient value must not start with =", kind::challenges, {"Basic abc==, x"}, "2", "2"},
      {"lenient value stops at a quote",
       kind::challenges,
       {R"(Basic a=b"c")"},
       "0 expected_comma@0:9",
       "0 expected_comma@0:9"},
      {"backslash in a lenient unquoted value is a byte (fuzz)",
       kind::challenges,
       {R"(0 c=e1a0 c=\=e1)"},
       "0 expected_comma@0:9",
       "1"},
      {"Windows path in a lenient unquoted value (fuzz)",
       kind::challenges,
       {R"(Basic realm=C:\dir)"},
       "0 expected_comma@0:13",
       "1"},
      // --- Credentials (Authorization, section 11.6.2)
      {"credentials: empty", kind::credentials, {""}, "0 expected_token@0:0", "0 expected_token@0:0"},
      {"credentials: only OWS", kind::credentials, {"  "}, "0 expected_token@0:2", "0 expected_token@0:2"},
      {"credentials: Basic", kind::credentials, {"Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="}, "1", "1"},
      {"credentials: OWS around", kind::credentials, {"  Bearer mF_9.B5f-4.1JqM \t"}, "1", "1"},
      {"credentials: bare scheme", kind::credentials, {"Negotiate"}, "1", "1"},
      {"credentials: RFC 7616 Digest",
       kind::credentials,
       {R"(Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", algorithm=SHA-256, )"
        R"(nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc=00000001, )"
        R"(cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", qop=auth, )"
        R"(response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", )"
        R"(opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS")"},
       "1",
       "1"},
      {"credentials: second scheme",
       kind::credentials,
       {"Digest a=b, Basic"},
       "0 second_scheme@0:12",
       "0 second_scheme@0:12"},
      {"credentials: comma after token68",
       kind::credentials,
       {"Basic abc,"},
       "0 trailing_data@0:9",
       "0 trailing_data@0:9"},
      {"credentials: duplicate", kind::credentials, {"Digest a=1, a=2"}, "0 duplicate_param@0:12", "1"},
      {"credentials: param first",
       kind::credentials,
       {"realm=x"},
       "0 param_without_scheme@0:0",
       "0 param_without_scheme@0:0"},
      {"credentials: HTAB after the scheme", kind::credentials, {"Basic\tabc"}, "0 expected_space@0:5", "1"},
      {"credentials: empty param list", kind::credentials, {"Basic ,"}, "1", "1"},
      {"credentials: a list after a token68 (fuzz)",
       kind::credentials,
       {"Basic dXNl, x"},
       "0 trailing_data@0:10",
       "0 trailing_data@0:10"},
      {"credentials: a scheme after a bare scheme (fuzz)",
       kind::credentials,
       {"Basic, Digest"},
       "0 trailing_data@0:5",
       "0 trailing_data@0:5"},
      {"credentials: a param after a bare scheme (fuzz)",
       kind::credentials,
       {"Basic, realm=x"},
       "0 trailing_data@0:5",
       "0 trailing_data@0:5"},
      {"credentials: a param after a token68 (fuzz)",
       kind::credentials,
       {"Basic x, a=b"},
       "0 trailing_data@0:7",
       "0 trailing_data@0:7"},
      {"credentials: a second word after a token68 (fuzz)",
       kind::credentials,
       {"Basic abc def"},
       "0 trailing_data@0:10",
       "0 trailing_data@0:10"},
      {"credentials: NULs after a comma (fuzz)",
       kind::credentials,
       {std::string("a,\0\0", 4)},
       "0 trailing_data@0:1",
       "0 trailing_data@0:1"},
      {"credentials: HTAB after the scheme before a comma",
       kind::credentials,
       {"Basic\t, x"},
       "0 trailing_data@0:6",
       "0 second_scheme@0:8"},
      // --- Authentication-Info (section 11.6.3)
      {"auth-info: RFC 7616",
       kind::auth_info,
       {R"(qop=auth, rspauth="6629fae49393a05397450978507c4ef1", cnonce="0a4f113b", nc=00000001)"},
       "4",
       "4"},
      {"auth-info: empty", kind::auth_info, {""}, "0", "0"},
      {"auth-info: not name=value", kind::auth_info, {"a=b, c"}, "0 expected_param@0:5", "0 expected_param@0:5"},
      {"auth-info: a quoted-string alone", kind::auth_info, {"\"x\""}, "0 expected_param@0:0", "0 expected_param@0:0"},
      {"auth-info: space-separated", kind::auth_info, {"a=b c=d"}, "0 expected_comma@0:4", "2"},
      {"auth-info: duplicate across fields",
       kind::auth_info,
       {"nextnonce=a", "NextNonce=b"},
       "0 duplicate_param@1:0",
       "2"},
  };
  return table;
}

bool agree(ref::mode, const ref::credentials_result& reference, const ref::credentials_result& library) {
  return ref::same(reference, library);
}
bool agree(ref::mode, const ref::auth_info_result& reference, const ref::auth_info_result& library) {
  return ref::same(reference, library);
}
// Lenient challenge lists recover from errors, where the reference stops.
bool agree(ref::mode m, const ref::challenges_result& reference, const ref::challenges_result& library) {
  return m == ref::mode::strict ? ref::same(reference, library) : ref::same_until_error(reference, library);
}

template <class Result>
void check_row(const row& r, ref::mode m, const Result& reference, const Result& library, std::size_t count) {
  const std::vector<std::string_view> views(r.fields.begin(), r.fields.end());
  INFO(r.name << (m == ref::mode::strict ? " (strict)" : " (lenient)") << "\n  input     "
              << ref::describe_fields(views) << "\n  reference " << ref::describe(reference) << "\n  library   "
              << ref::describe(library));
  CHECK(agree(m, reference, library));
  CHECK(summary(count, reference.err) == (m == ref::mode::strict ? r.strict : r.lenient));
}

}  // namespace

TEST_CASE("wwwauth agrees with the reference parser on every edge case, in both modes") {
  for (const row& r : rows()) {
    const std::vector<std::string_view> fields(r.fields.begin(), r.fields.end());
    for (const ref::mode m : {ref::mode::strict, ref::mode::lenient}) {
      const wwwauth::mode wm = ref::to_wwwauth(m);
      switch (r.k) {
        case kind::challenges: {
          const ref::challenges_result expected = ref::parse_challenges(fields, m);
          check_row(r, m, expected, ref::from_wwwauth(wwwauth::parse_challenges(fields, wm)),
                    expected.challenges.size());
          break;
        }
        case kind::credentials: {
          const ref::credentials_result expected = ref::parse_credentials(fields.at(0), m);
          check_row(r, m, expected, ref::from_wwwauth(wwwauth::parse_credentials(fields.at(0), wm)),
                    expected.err.code == ref::errc::none ? 1 : 0);
          break;
        }
        case kind::auth_info: {
          const ref::auth_info_result expected = ref::parse_auth_info(fields, m);
          check_row(r, m, expected, ref::from_wwwauth(wwwauth::parse_auth_info(fields.data(), fields.size(), wm)),
                    expected.err.code == ref::errc::none ? expected.params.size() : 0);
          break;
        }
      }
    }
  }
}

TEST_CASE("the reference parser decodes what the RFC 9110 example says") {
  // A check of the oracle itself, independent of the library.
  const ref::challenges_result r = ref::parse_challenges(
      std::string_view(R"(Newauth realm="apps", type=1, title="Login to \"apps\"", Basic realm="simple")"));
  REQUIRE(r.err.code == ref::errc::none);
  REQUIRE(r.challenges.size() == 2);
  CHECK(r.challenges[0].scheme == "Newauth");
  REQUIRE(r.challenges[0].params.size() == 3);
  CHECK(r.challenges[0].params[2].name == "title");
  CHECK(r.challenges[0].params[2].raw == R"(Login to \"apps\")");
  CHECK(r.challenges[0].params[2].decoded == R"(Login to "apps")");
  CHECK(r.challenges[0].params[2].quoted);
  CHECK(r.challenges[0].params[1].decoded == "1");
  CHECK_FALSE(r.challenges[0].params[1].quoted);
  CHECK(r.challenges[1].params[0].decoded == "simple");

  const ref::challenges_result lenient =
      ref::parse_challenges(std::string_view("Basic realm=\"x \\  "), ref::mode::lenient);
  REQUIRE(lenient.challenges.size() == 1);
  CHECK(lenient.challenges[0].params[0].raw == "x \\  ");
  CHECK(lenient.challenges[0].params[0].decoded == "x   ");
}
