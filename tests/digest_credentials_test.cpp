// Digest credentials (RFC 7616): the RFCs' examples to the byte, every algorithm and qop
// against an independent computation with OpenSSL (when linked, see openssl_crosscheck.cmake),
// quoting, username*, userhash, nextnonce, and the Authentication-Info check.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <string>
#include <string_view>

#include "decoded.hpp"
#include "support/catch.hpp"
#include "wwwauth/challenge.hpp"
#include "wwwauth/credentials.hpp"
#include "wwwauth/digest_credentials.hpp"
#include "wwwauth/auth_info.hpp"

#if defined(WWWAUTH_TEST_OPENSSL)
#include <openssl/evp.h>
#endif

namespace {

using wwwauth::build_errc;
using wwwauth_testing::decoded;

wwwauth::challenge only_challenge(const wwwauth::challenge_list& list) {
  REQUIRE(list.error().code == wwwauth::errc::none);
  REQUIRE(list.size() == 1);
  return *list.begin();
}

std::string digest(std::string_view challenge_field, const wwwauth::digest_input& in, build_errc& error) {
  const auto list = wwwauth::parse_challenges(challenge_field);
  const wwwauth::challenge c = only_challenge(list);
  std::string out;
  error = wwwauth::write_digest_credentials(c, in, std::back_inserter(out)).error;
  return out;
}

// The decoded value of one parameter of our output, read back with the parser.
std::string param_of(std::string_view credentials, std::string_view name) {
  const auto cred = wwwauth::parse_credentials(credentials);
  REQUIRE(cred.error().code == wwwauth::errc::none);
  const auto p = cred.param(name);
  if (!p) return "<absent>";
  return decoded(p.value());
}

// RFC 7616 section 3.9.1: the same request answered with MD5 and with SHA-256.
wwwauth::digest_input rfc7616_input() {
  wwwauth::digest_input in;
  in.username = "Mufasa";
  in.password = "Circle of Life";
  in.method = "GET";
  in.uri = "/dir/index.html";
  in.cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
  in.nc = 1;
  return in;
}
constexpr std::string_view rfc7616_challenge_tail =
    R"(, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS")";

constexpr bool rfc2617_at_compile_time() {
  const auto list = wwwauth::parse_challenges(
      R"(Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41")");
  wwwauth::digest_input in;
  in.username = "Mufasa";
  in.password = "Circle Of Life";
  in.method = "GET";
  in.uri = "/dir/index.html";
  in.cnonce = "0a4f113b";
  char buf[320]{};
  const auto r = wwwauth::write_digest_credentials(*list.begin(), in, buf, sizeof buf);
  return r &&
         std::string_view(buf, r.size).find(R"(response="6629fae49393a05397450978507c4ef1")") != std::string_view::npos;
}
static_assert(rfc2617_at_compile_time());

}  // namespace

TEST_CASE("RFC 7616 section 3.9.1 and RFC 2617 section 3.5 to the byte", "[digest]") {
  struct row {
    const char* name;
    std::string challenge;
    wwwauth::digest_input in;
    const char* want;
  };
  wwwauth::digest_input rfc2617 = rfc7616_input();
  rfc2617.password = "Circle Of Life";  // capital O in RFC 2617
  rfc2617.cnonce = "0a4f113b";
  const row rows[] = {
      {"RFC 7616 MD5",
       R"(Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=MD5)" +
           std::string(rfc7616_challenge_tail),
       rfc7616_input(),
       R"(Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", algorithm=MD5, )"
       R"(nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc=00000001, )"
       R"(cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", qop=auth, )"
       R"(response="8ca523f5e9506fed4657c9700eebdbec", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS")"},
      {"RFC 7616 SHA-256",
       R"(Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256)" +
           std::string(rfc7616_challenge_tail),
       rfc7616_input(),
       R"(Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", algorithm=SHA-256, )"
       R"(nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc=00000001, )"
       R"(cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", qop=auth, )"
       R"(response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", )"
       R"(opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS")"},
      // RFC 2617's challenge names no algorithm, so none is echoed (older servers expect that).
      {"RFC 2617 MD5 without algorithm",
       R"(Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41")",
       rfc2617,
       R"(Digest username="Mufasa", realm="testrealm@host.com", uri="/dir/index.html", )"
       R"(nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", nc=00000001, cnonce="0a4f113b", qop=auth, )"
       R"(response="6629fae49393a05397450978507c4ef1", opaque="5ccc069c403ebaf9f0171e9517f40e41")"},
  };
  for (const auto& r : rows) {
    INFO(r.name);
    build_errc error{};
    CHECK(digest(r.challenge, r.in, error) == r.want);
    CHECK(error == build_errc::none);
  }
}

TEST_CASE("Digest refuses what it cannot answer correctly", "[digest]") {
  struct row {
    const char* name;
    std::string_view challenge;
    std::string_view cnonce;
    std::string_view uri;
    build_errc error;
  };
  const row rows[] = {
      {"not Digest", R"(Basic realm="x")", "c", "/", build_errc::wrong_scheme},
      {"no realm", R"(Digest nonce="n")", "c", "/", build_errc::missing_realm},
      {"no nonce", R"(Digest realm="r")", "c", "/", build_errc::missing_nonce},
      {"unknown algorithm", R"(Digest realm="r", nonce="n", algorithm=SHA-1)", "c", "/",
       build_errc::unsupported_algorithm},
      {"qop offers nothing known", R"(Digest realm="r", nonce="n", qop="auth-conf")", "c", "/",
       build_errc::unsupported_qop},
      {"-sess without qop", R"(Digest realm="r", nonce="n", algorithm=MD5-sess)", "c", "/",
       build_errc::sess_without_qop},
      {"qop without cnonce", R"(Digest realm="r", nonce="n", qop="auth")", "", "/", build_errc::missing_cnonce},
      {"CR in uri", R"(Digest realm="r", nonce="n", qop="auth")", "c", "/a\rb", build_errc::control_char},
      {"legacy needs no cnonce", R"(Digest realm="r", nonce="n")", "", "/", build_errc::none},
  };
  for (const auto& r : rows) {
    INFO(r.name);
    wwwauth::digest_input in = rfc7616_input();
    in.cnonce = r.cnonce;
    in.uri = r.uri;
    build_errc error{};
    const std::string out = digest(r.challenge, in, error);
    CHECK(error == r.error);
    CHECK(out.empty() == (r.error != build_errc::none));
  }
  wwwauth::digest_input bad_method = rfc7616_input();
  bad_method.method = "GET /";
  build_errc error{};
  digest(R"(Digest realm="r", nonce="n")", bad_method, error);
  CHECK(error == build_errc::not_token);
}

TEST_CASE("Digest quoting, username*, nextnonce and the buffer form", "[digest]") {
  SECTION("escaped realm is echoed escaped") {
    build_errc error{};
    const std::string out = digest(R"(Digest realm="a \"q\" \\ b", nonce="n\x", opaque=tok)", rfc7616_input(), error);
    REQUIRE(error == build_errc::none);
    CHECK(out.find(R"(realm="a \"q\" \\ b")") != std::string::npos);
    CHECK(out.find(R"(nonce="nx")") != std::string::npos);    // a needless escape is resolved
    CHECK(out.find(R"(opaque="tok")") != std::string::npos);  // a token is echoed quoted
    CHECK(param_of(out, "realm") == R"(a "q" \ b)");
  }
  SECTION("a lenient unquoted value keeps its backslash (no escapes outside quoted-strings)") {
    const auto list = wwwauth::parse_challenges(R"(Digest realm=C:\dir, nonce=n\1)", wwwauth::mode::lenient);
    std::string out;
    REQUIRE(wwwauth::write_digest_credentials(only_challenge(list), rfc7616_input(), std::back_inserter(out)).error ==
            build_errc::none);
    CHECK(out.find(R"(realm="C:\\dir", uri="/dir/index.html", nonce="n\\1")") != std::string::npos);
    // The same response as for the quoted form of the same values.
    build_errc error{};
    const std::string quoted = digest(R"(Digest realm="C:\\dir", nonce="n\\1")", rfc7616_input(), error);
    CHECK(out == quoted);
  }
  SECTION("user and uri with quotes and backslashes") {
    wwwauth::digest_input in = rfc7616_input();
    in.username = R"(DOMAIN\us"er)";
    in.uri = R"(/a"b)";
    build_errc error{};
    const std::string out = digest(R"(Digest realm="r", nonce="n")", in, error);
    REQUIRE(error == build_errc::none);
    CHECK(param_of(out, "username") == in.username.view());
    CHECK(param_of(out, "uri") == in.uri.view());
  }
  SECTION("a user name with a control character goes in username* (RFC 8187)") {
    wwwauth::digest_input in = rfc7616_input();
    in.username = "J\xc3\xa4s\x01n Doe";
    build_errc error{};
    const std::string out = digest(R"(Digest realm="r", nonce="n")", in, error);
    REQUIRE(error == build_errc::none);
    CHECK(out.rfind(R"(Digest username*=UTF-8''J%C3%A4s%01n%20Doe, realm="r")", 0) == 0);
  }
  SECTION("non-ASCII user name is obs-text in a quoted-string") {
    wwwauth::digest_input in = rfc7616_input();
    in.username = "J\xc3\xa4s\xc3\xb8n Doe";
    build_errc error{};
    const std::string out = digest(R"(Digest realm="r", nonce="n")", in, error);
    CHECK(out.rfind("Digest username=\"J\xc3\xa4s\xc3\xb8n Doe\", ", 0) == 0);
  }
  SECTION("nextnonce replaces the challenge's nonce, nc is hex") {
    const auto info = wwwauth::parse_auth_info(R"(nextnonce="fresh", qop=auth)");
    wwwauth::digest_input in = rfc7616_input();
    in.next_nonce = info.param("nextnonce");
    in.nc = 0x1a;
    build_errc error{};
    const std::string out = digest(R"(Digest realm="r", nonce="old", qop="auth")", in, error);
    CHECK(param_of(out, "nonce") == "fresh");
    CHECK(param_of(out, "nc") == "0000001a");
  }
  SECTION("buffer form") {
    const auto list = wwwauth::parse_challenges(R"(Digest realm="r", nonce="n")");
    char small[16];
    const auto r = wwwauth::write_digest_credentials(*list.begin(), rfc7616_input(), small, sizeof small);
    REQUIRE(r);
    CHECK(r.size > sizeof small);
    std::string big(r.size, '\0');
    const auto r2 = wwwauth::write_digest_credentials(*list.begin(), rfc7616_input(), &big[0], big.size());
    CHECK(r2.size == r.size);
    CHECK(std::string_view(small, sizeof small) == std::string_view(big).substr(0, sizeof small));
  }
}

#if defined(WWWAUTH_TEST_OPENSSL)
namespace {

// An independent Digest computation, straight from RFC 7616 section 3.4.1 with OpenSSL's
// hashes and std::string concatenation.
std::string ossl_h(const EVP_MD* md, const std::string& s) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(s.data(), s.size(), out, &len, md, nullptr) != 1) return "EVP_Digest failed";
  static const char digits[] = "0123456789abcdef";
  std::string hex;
  for (unsigned i = 0; i < len; ++i) {
    hex += digits[out[i] >> 4];
    hex += digits[out[i] & 0xf];
  }
  return hex;
}

struct reference_case {
  const EVP_MD* md;
  bool sess;
  std::string qop;  // "", "auth" or "auth-int"
  std::string user, realm, pass, method, uri, nonce, cnonce, nc, body;
};

std::string reference_response(const reference_case& r) {
  std::string ha1 = ossl_h(r.md, r.user + ":" + r.realm + ":" + r.pass);
  if (r.sess) ha1 = ossl_h(r.md, ha1 + ":" + r.nonce + ":" + r.cnonce);
  std::string a2 = r.method + ":" + r.uri;
  if (r.qop == "auth-int") a2 += ":" + ossl_h(r.md, r.body);
  const std::string ha2 = ossl_h(r.md, a2);
  if (r.qop.empty()) return ossl_h(r.md, ha1 + ":" + r.nonce + ":" + ha2);
  return ossl_h(r.md, ha1 + ":" + r.nonce + ":" + r.nc + ":" + r.cnonce + ":" + r.qop + ":" + ha2);
}

}  // namespace

TEST_CASE("RFC 7616 section 3.9.2: SHA-512-256 with userhash, against OpenSSL", "[digest][openssl]") {
  // The userhash (488869477bf2...) and response (ae66e67d6b42...) printed in RFC 7616
  // section 3.9.2 are not the hashes of the inputs printed there (a known erratum of the
  // RFC), so the expected values come from OpenSSL, computed independently here.
  const std::string user = "J\xc3\xa4s\xc3\xb8n Doe";  // "Jäsøn Doe" in UTF-8
  const std::string realm = "api@example.org";
  const std::string challenge =
      R"(Digest realm="api@example.org", qop="auth", algorithm=SHA-512-256, )"
      R"(nonce="5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK", )"
      R"(opaque="HRPCssKJSGjCrkzDg8OhwpzCiGPChXYjwrI2QmXDnsOS", charset=UTF-8, userhash=true)";
  wwwauth::digest_input in;
  in.username = user;
  in.password = "Secret, or not?";
  in.method = "GET";
  in.uri = "/doe.json";
  in.cnonce = "NTg6RKcb9boFIAS3KrFK9BGeh+iDa/sm6jUMp2wds69v";
  in.nc = 1;
  const reference_case ref{EVP_sha512_256(),
                           false,
                           "auth",
                           user,
                           realm,
                           "Secret, or not?",
                           "GET",
                           "/doe.json",
                           "5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK",
                           std::string(in.cnonce),
                           "00000001",
                           ""};
  const std::string userhash = ossl_h(EVP_sha512_256(), user + ":" + realm);
  build_errc error{};
  const std::string out = digest(challenge, in, error);
  REQUIRE(error == build_errc::none);
  CHECK(out == R"(Digest username=")" + userhash +
                   R"(", realm="api@example.org", uri="/doe.json", )"
                   R"(algorithm=SHA-512-256, nonce="5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK", nc=00000001, )"
                   R"(cnonce="NTg6RKcb9boFIAS3KrFK9BGeh+iDa/sm6jUMp2wds69v", qop=auth, response=")" +
                   reference_response(ref) +
                   R"(", opaque="HRPCssKJSGjCrkzDg8OhwpzCiGPChXYjwrI2QmXDnsOS", userhash=true)");
  CHECK(userhash != "488869477bf257147b804c45308cd62ac4e25eb717b12b298c79e62dcea254ec");  // the erratum
}

TEST_CASE("every algorithm and qop agrees with an OpenSSL computation", "[digest][openssl]") {
  struct alg_row {
    const char* name;
    const EVP_MD* md;
    bool sess;
  };
  const alg_row algs[] = {
      {"MD5", EVP_md5(), false},
      {"md5-SESS", EVP_md5(), true},
      {"SHA-256", EVP_sha256(), false},
      {"SHA-256-sess", EVP_sha256(), true},
      {"sha-512-256", EVP_sha512_256(), false},
      {"SHA-512-256-sess", EVP_sha512_256(), true},
  };
  struct qop_row {
    const char* offered;  // nullptr: no qop parameter (RFC 2069 form)
    bool prefer_auth_int;
    const char* chosen;
  };
  const qop_row qops[] = {{"auth", false, "auth"},
                          {"auth-int", false, "auth-int"},
                          {"auth,auth-int", false, "auth"},
                          {" auth-int , auth ", true, "auth-int"},
                          {nullptr, false, ""}};
  // The realm holds an escaped quote: the hash must use the decoded value.
  const std::string body = std::string("line1\r\nline2 ") + std::string(300, 'x');
  std::uint32_t nc = 1;
  for (const auto& a : algs) {
    for (const auto& q : qops) {
      INFO(a.name << " qop " << (q.offered ? q.offered : "(none)"));
      std::string challenge = std::string(R"(Digest realm="r \"1\"", nonce="abc/def+==", algorithm=)") + a.name;
      if (q.offered) challenge += std::string(R"(, qop=")") + q.offered + "\"";
      wwwauth::digest_input in;
      in.username = "user";
      in.password = "p\xc3\xa4ss: word";
      in.method = "POST";
      in.uri = "/api/v1?x=1&y=2";
      in.cnonce = "0123abcd";
      in.nc = ++nc;
      in.body = body;
      in.prefer_auth_int = q.prefer_auth_int;
      build_errc error{};
      const std::string out = digest(challenge, in, error);
      if (a.sess && !q.offered) {
        CHECK(error == build_errc::sess_without_qop);
        continue;
      }
      REQUIRE(error == build_errc::none);
      char nc_hex[9];
      std::snprintf(nc_hex, sizeof nc_hex, "%08x", static_cast<unsigned>(nc));
      const reference_case ref{
          a.md,         a.sess,     q.chosen, "user", "r \"1\"", "p\xc3\xa4ss: word", "POST", "/api/v1?x=1&y=2",
          "abc/def+==", "0123abcd", nc_hex,   body};
      CHECK(param_of(out, "response") == reference_response(ref));
      CHECK(param_of(out, "qop") == (q.offered ? q.chosen : "<absent>"));
      CHECK(param_of(out, "nc") == (q.offered ? nc_hex : "<absent>"));

      // The server's Authentication-Info (section 3.5): rspauth uses an empty method, and
      // for auth-int the response body.
      if (!q.offered) continue;
      reference_case rsp = ref;
      rsp.method = "";
      rsp.body = "{\"ok\":true}";
      const std::string info_field = "rspauth=\"" + reference_response(rsp) + "\", qop=" + q.chosen + ", nc=" + nc_hex +
                                     ", cnonce=\"0123abcd\", nextnonce=\"next\"";
      const auto list = wwwauth::parse_challenges(challenge);
      const wwwauth::challenge c = only_challenge(list);
      CHECK(wwwauth::verify_authentication_info(c, in, wwwauth::parse_auth_info(info_field), rsp.body) ==
            wwwauth::verify_errc::none);
      std::string tampered = info_field;
      tampered[10] = tampered[10] == '0' ? '1' : '0';
      CHECK(wwwauth::verify_authentication_info(c, in, wwwauth::parse_auth_info(tampered), rsp.body) ==
            wwwauth::verify_errc::rspauth_mismatch);
    }
  }
}
#else
TEST_CASE("OpenSSL cross-check is built", "[digest][openssl]") {
  const char* ci = std::getenv("CI");
  if (ci && std::string_view(ci) == "true") FAIL("built without OpenSSL (libssl-dev): the cross-check did not run");
  WARN("built without OpenSSL (libssl-dev): the OpenSSL cross-check is skipped");
}
#endif

TEST_CASE("Authentication-Info refusals", "[digest][auth-info]") {
  const auto list = wwwauth::parse_challenges(R"(Digest realm="r", nonce="n", qop="auth")");
  const wwwauth::challenge c = only_challenge(list);
  const wwwauth::digest_input in = rfc7616_input();
  struct row {
    const char* name;
    std::string_view info;
    wwwauth::verify_errc error;
  };
  const row rows[] = {
      {"no rspauth", R"(nextnonce="x")", wwwauth::verify_errc::missing_rspauth},
      {"wrong rspauth", R"(rspauth="00000000000000000000000000000000")", wwwauth::verify_errc::rspauth_mismatch},
      {"nc differs", R"(rspauth="0", nc=00000002)", wwwauth::verify_errc::echo_mismatch},
      {"cnonce differs", R"(rspauth="0", cnonce="other")", wwwauth::verify_errc::echo_mismatch},
      {"qop differs", R"(rspauth="0", qop=auth-int)", wwwauth::verify_errc::echo_mismatch},
  };
  for (const auto& r : rows) {
    INFO(r.name);
    CHECK(wwwauth::verify_authentication_info(c, in, wwwauth::parse_auth_info(r.info)) == r.error);
  }
  // A challenge and input that could not have built the request prove nothing either.
  const auto info = wwwauth::parse_auth_info(R"(rspauth="0")");
  const auto basic = wwwauth::parse_challenges(R"(Basic realm="r")");
  CHECK(wwwauth::verify_authentication_info(only_challenge(basic), in, info) == wwwauth::verify_errc::wrong_scheme);
  const auto no_nonce = wwwauth::parse_challenges(R"(Digest realm="r", qop="auth")");
  CHECK(wwwauth::verify_authentication_info(only_challenge(no_nonce), in, info) == wwwauth::verify_errc::malformed);
  const auto sha1 = wwwauth::parse_challenges(R"(Digest realm="r", nonce="n", algorithm=SHA-1)");
  CHECK(wwwauth::verify_authentication_info(only_challenge(sha1), in, info) ==
        wwwauth::verify_errc::unsupported_algorithm);
}
