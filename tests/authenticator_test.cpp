// wwwauth::authenticator: named scenarios of responses, each followed by the verdict expected
// and what the next Authorization value must hold; the uri rules; storage limits; the
// compile-time guards live in compile_fail/.
#include <array>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#if defined(WWWAUTH_TEST_OPENSSL)
#include <openssl/evp.h>
#endif

#include "support/catch.hpp"
#include <wwwauth/append_decoded.hpp>
#include <wwwauth/authenticator.hpp>
#include <wwwauth/credentials.hpp>
#include <wwwauth/field_lines.hpp>
#include <wwwauth/hint_text.hpp>

namespace {

using wwwauth::auth_errc;
using wwwauth::auth_party;
using wwwauth::auth_step;

// Deterministic "random" bytes, so that answers can be compared.
struct counting_entropy {
  unsigned char next = 0;
  bool operator()(unsigned char* out, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) out[i] = next++;
    return true;
  }
};
struct failing_entropy {
  bool operator()(unsigned char*, std::size_t) const { return false; }
};

std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> out;
  for (std::size_t start = 0; start < text.size();) {
    const std::size_t nl = std::min(text.find('\n', start), text.size());
    out.emplace_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return out;
}

std::string param_of(std::string_view credentials, std::string_view name) {
  const wwwauth::credentials c = wwwauth::parse_credentials(credentials);
  std::string out;
  if (const wwwauth::auth_param p = c.param(name)) wwwauth::append_decoded(out, p);
  return out;
}

#if defined(WWWAUTH_TEST_OPENSSL)
std::string md5_hex(const std::string& s) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(s.data(), s.size(), out, &len, EVP_md5(), nullptr);
  std::string hex;
  for (unsigned i = 0; i < len; ++i) {
    hex += "0123456789abcdef"[out[i] >> 4];
    hex += "0123456789abcdef"[out[i] & 0xf];
  }
  return hex;
}
// What a server that knows the password sends (RFC 7616 section 3.5: A2 without method).
std::string rspauth_for(const std::string& sent, const std::string& password) {
  const std::string ha1 = md5_hex(param_of(sent, "username") + ":" + param_of(sent, "realm") + ":" + password);
  const std::string ha2 = md5_hex(":" + param_of(sent, "uri"));
  return md5_hex(ha1 + ":" + param_of(sent, "nonce") + ":" + param_of(sent, "nc") + ":" + param_of(sent, "cnonce") +
                 ":auth:" + ha2);
}
#endif

// One response and what must follow it.
struct exchange {
  int status;
  std::string_view challenges;  // this party's challenge lines, '\n' between them
  std::string_view info;        // Authentication-Info; "VALID" stands for a correct rspauth
  auth_step step;
  auth_errc error;
  // After the verdict, authorization("GET", target) must contain this; "" means it must
  // fail (no_challenge); nullptr means it is not asked for.
  const char* answer_has;
};

enum class given { password, token, nothing };

struct scenario {
  const char* name;
  auth_party party;
  given credentials;
  std::string_view target;
  std::vector<exchange> exchanges;
  bool without_basic = false;
  bool allow_downgrade = false;
};

constexpr std::string_view digest_md5 = R"(Digest realm="r", nonce="n1", qop="auth", algorithm=MD5)";

const std::vector<scenario> scenarios = {
    {"Basic: 401, answer, 200",
     auth_party::origin,
     given::password,
     "/p",
     {{401, R"(Basic realm="x")", "", auth_step::retry, auth_errc::none, "Basic dXNlcjpwYXNz"},
      {200, "", "", auth_step::done, auth_errc::none, "Basic dXNlcjpwYXNz"}}},
    {"Basic refused: ask the user, and never answer again with the same password",
     auth_party::origin,
     given::password,
     "/p",
     {{401, R"(Basic realm="x")", "", auth_step::retry, auth_errc::none, "Basic "},
      {401, R"(Basic realm="x")", "", auth_step::ask_user, auth_errc::none, ""},
      {401, R"(Basic realm="x")", "", auth_step::ask_user, auth_errc::none, ""}}},
    {"Digest: a new nonce without stale is a wrong password (RFC 7616 section 3.3)",
     auth_party::origin,
     given::password,
     "/p",
     {{401, digest_md5, "", auth_step::retry, auth_errc::none, R"(nonce="n1", nc=00000001)"},
      {401, R"(Digest realm="r", nonce="n2", qop="auth", algorithm=MD5)", "", auth_step::ask_user, auth_errc::none,
       ""}}},
    {"Digest stale=true: one retry with the new nonce, nc from 1 again",
     auth_party::origin,
     given::password,
     "/p",
     {{401, digest_md5, "", auth_step::retry, auth_errc::none, "nc=00000001"},
      {401, R"(Digest realm="r", nonce="n2", qop="auth", algorithm=MD5, stale=true)", "", auth_step::retry,
       auth_errc::none, R"(nonce="n2", nc=00000001)"},
      {200, "", "", auth_step::done, auth_errc::none, R"(nonce="n2", nc=00000002)"}}},
    {"Digest stale=\"TRUE\" quoted, as IP cameras send it",
     auth_party::origin,
     given::password,
     "/p",
     {{401, digest_md5, "", auth_step::retry, auth_errc::none, "nc=00000001"},
      {401, R"(Digest realm="r", nonce="n2", qop="auth", stale="TRUE")", "", auth_step::retry, auth_errc::none,
       R"(nonce="n2")"}}},
    {"Digest stale=true twice in a row: not retried again",
     auth_party::origin,
     given::password,
     "/p",
     {{401, digest_md5, "", auth_step::retry, auth_errc::none, "nc=00000001"},
      {401, R"(Digest realm="r", nonce="n2", qop="auth", stale=true)", "", auth_step::retry, auth_errc::none, "n2"},
      {401, R"(Digest realm="r", nonce="n3", qop="auth", stale=true)", "", auth_step::cannot_answer,
       auth_errc::stale_again, ""}}},
    {"Digest stale=true for the nonce just answered: not retried",
     auth_party::origin,
     given::password,
     "/p",
     {{401, digest_md5, "", auth_step::retry, auth_errc::none, "nc=00000001"},
      {401, R"(Digest realm="r", nonce="n1", qop="auth", stale=true)", "", auth_step::cannot_answer,
       auth_errc::stale_again, ""}}},
    {"Digest: a 2xx resets the stale budget (a nonce that expires every hour)",
     auth_party::origin,
     given::password,
     "/p",
     {{401, digest_md5, "", auth_step::retry, auth_errc::none, "nc=00000001"},
      {401, R"(Digest realm="r", nonce="n2", qop="auth", stale=true)", "", auth_step::retry, auth_errc::none, "n2"},
      {200, "", "", auth_step::done, auth_errc::none, "n2"},
      {401, R"(Digest realm="r", nonce="n3", qop="auth", stale=true)", "", auth_step::retry, auth_errc::none, "n3"}}},
    {"Digest: the nonce is reused, nc counts each request",
     auth_party::origin,
     given::password,
     "/p",
     {{401, digest_md5, "", auth_step::retry, auth_errc::none, "nc=00000001"},
      {200, "", "", auth_step::done, auth_errc::none, R"(nonce="n1", nc=00000002)"},
      {200, "", "", auth_step::done, auth_errc::none, R"(nonce="n1", nc=00000003)"}}},
    {"Digest: nextnonce replaces the nonce, nc starts again",
     auth_party::origin,
     given::password,
     "/p",
     {{401, digest_md5, "", auth_step::retry, auth_errc::none, "nc=00000001"},
      {200, "", R"(nextnonce="n9")", auth_step::done, auth_errc::none, R"(nonce="n9", nc=00000001)"}}},
    {"Digest: a wrong rspauth is an error",
     auth_party::origin,
     given::password,
     "/p",
     {{401, digest_md5, "", auth_step::retry, auth_errc::none, "nc=00000001"},
      {200, "", R"(rspauth="00000000000000000000000000000000", qop=auth)", auth_step::cannot_answer,
       auth_errc::rspauth_mismatch, nullptr}}},
#if defined(WWWAUTH_TEST_OPENSSL)
    {"Digest: a right rspauth proves the server",
     auth_party::origin,
     given::password,
     "/p",
     {{401, digest_md5, "", auth_step::retry, auth_errc::none, "nc=00000001"},
      {200, "", "VALID", auth_step::done, auth_errc::none, "nc=00000002"}}},
#endif
    {"Digest for another realm than answered",
     auth_party::origin,
     given::password,
     "/p",
     {{401, digest_md5, "", auth_step::retry, auth_errc::none, "nc=00000001"},
      {401, R"(Digest realm="other", nonce="n2", qop="auth")", "", auth_step::other_realm, auth_errc::none, ""},
      {401, R"(Digest realm="other", nonce="n3", qop="auth")", "", auth_step::other_realm, auth_errc::none, ""}}},
    {"the strongest answerable challenge: SHA-256 before MD5 and Basic",
     auth_party::origin,
     given::password,
     "/p",
     {{401,
       "Basic realm=\"r\"\n"
       R"(Digest realm="r", nonce="a", qop="auth", algorithm=MD5)"
       "\n"
       R"(Digest realm="r", nonce="b", qop="auth", algorithm=SHA-256)",
       "", auth_step::retry, auth_errc::none, R"(algorithm=SHA-256, nonce="b")"}}},
    {"a challenge that lost its realm to a broken byte does not hide the next one",
     auth_party::origin,
     given::password,
     "/p",
     {{401,
       "Digest realm=\"\x1b[2J\", nonce=\"a\", qop=\"auth\", algorithm=SHA-256\n"
       R"(Digest realm="r", nonce="b", qop="auth", algorithm=SHA-256)",
       "", auth_step::retry, auth_errc::none, R"(nonce="b")"}}},
    {"Digest challenges without a realm, before any answer: Basic",
     auth_party::origin,
     given::password,
     "/p",
     {{401, "Digest nonce=\"a\", algorithm=SHA-256\nDigest nonce=\"b\"\nBasic realm=\"r\"", "", auth_step::retry,
       auth_errc::none, "Basic "}}},
    {"no challenge usable: the strongest one's error",
     auth_party::origin,
     given::password,
     "/p",
     {{401, "Digest nonce=\"a\", algorithm=SHA-256\nDigest realm=\"r\"", "", auth_step::cannot_answer,
       auth_errc::build_failed, ""}}},
    {"four unusable challenges are tried, not a fifth",
     auth_party::origin,
     given::password,
     "/p",
     {{401, "Digest nonce=a, Digest nonce=b, Digest nonce=c, Digest nonce=d, Basic realm=\"r\"", "",
       auth_step::cannot_answer, auth_errc::build_failed, ""}}},
    {"a downgrade from Digest to Basic is refused",
     auth_party::origin,
     given::password,
     "/p",
     {{401, digest_md5, "", auth_step::retry, auth_errc::none, "Digest "},
      {401, R"(Basic realm="r")", "", auth_step::cannot_answer, auth_errc::scheme_withdrawn, ""}}},
    {"a downgrade the application allowed",
     auth_party::origin,
     given::password,
     "/p",
     {{401, digest_md5, "", auth_step::retry, auth_errc::none, "Digest "},
      {401, R"(Basic realm="r")", "", auth_step::retry, auth_errc::none, "Basic "}},
     false,
     true},
    {"Basic not allowed (plain http): nothing to answer",
     auth_party::origin,
     given::password,
     "/p",
     {{401, R"(Basic realm="x")", "", auth_step::cannot_answer, auth_errc::none_answerable, ""}},
     true},
    {"Bearer: a token answers Bearer, and a refused token is not resent",
     auth_party::origin,
     given::token,
     "/p",
     {{401, "Basic realm=\"x\"\nBearer realm=\"api\"", "", auth_step::retry, auth_errc::none, "Bearer mF_9.B5f-4.1JqM"},
      {401, R"(Bearer realm="api", error="invalid_token")", "", auth_step::ask_user, auth_errc::none, ""}}},
    {"a token cannot answer Digest",
     auth_party::origin,
     given::token,
     "/p",
     {{401, digest_md5, "", auth_step::cannot_answer, auth_errc::none_answerable, ""}}},
    {"no credentials",
     auth_party::origin,
     given::nothing,
     "/p",
     {{401, R"(Basic realm="x")", "", auth_step::cannot_answer, auth_errc::no_credentials, ""}}},
    {"a 401 without a challenge",
     auth_party::origin,
     given::password,
     "/p",
     {{401, "", "", auth_step::cannot_answer, auth_errc::none_answerable, ""}}},
    {"origin: an absolute-form target is sent as origin-form (what a forward proxy passes on)",
     auth_party::origin,
     given::password,
     "http://example.com:8080/dir/index.html?x=1#frag",
     {{401, digest_md5, "", auth_step::retry, auth_errc::none, R"(uri="/dir/index.html?x=1")"}}},
    {"origin: an absolute URL without a path is /",
     auth_party::origin,
     given::password,
     "http://example.com",
     {{401, digest_md5, "", auth_step::retry, auth_errc::none, R"(uri="/")"}}},
    {"proxy: 407, the target as sent to the forward proxy",
     auth_party::proxy,
     given::password,
     "http://example.com/dir/",
     {{407, digest_md5, "", auth_step::retry, auth_errc::none, R"(uri="http://example.com/dir/")"},
      {401, "", "", auth_step::done, auth_errc::none, "nc=00000002"}}},
    {"proxy: CONNECT's authority-form",
     auth_party::proxy,
     given::password,
     "example.com:443",
     {{407, digest_md5, "", auth_step::retry, auth_errc::none, R"(uri="example.com:443")"}}},
    {"proxy: a 401 is the origin's business",
     auth_party::proxy,
     given::password,
     "/p",
     {{401, R"(Basic realm="x")", "", auth_step::done, auth_errc::none, ""}}},
    {"origin: a 407 is the proxy's business",
     auth_party::origin,
     given::password,
     "/p",
     {{407, R"(Basic realm="x")", "", auth_step::done, auth_errc::none, ""}}},
    {"an unknown Digest algorithm cannot be answered",
     auth_party::origin,
     given::password,
     "/p",
     {{401, R"(Digest realm="r", nonce="n", algorithm=SHA3-256)", "", auth_step::cannot_answer,
       auth_errc::none_answerable, ""}}},
};

}  // namespace

TEST_CASE("scenarios: verdicts and the answers that follow") {
  const std::string user = "user", password = "pass", token = "mF_9.B5f-4.1JqM";
  for (const scenario& s : scenarios) {
    INFO(s.name);
    counting_entropy entropy;
    wwwauth::authenticator<> auth(s.party);
    if (s.credentials == given::password) auth.use_password(user, password);
    if (s.credentials == given::token) auth.use_token(token);
    auth.use_entropy(entropy).allow_downgrade(s.allow_downgrade);
    if (s.without_basic) {
      wwwauth::client_abilities can;
      can.allow(wwwauth::scheme_id::digest).allow(wwwauth::scheme_id::bearer);
      auth.allow(can);
    }
    std::string last_sent;
    std::size_t n = 0;
    for (const exchange& e : s.exchanges) {
      INFO("response " << n++ << ": " << e.status << " " << e.challenges);
      const std::vector<std::string> challenges = lines_of(e.challenges);
      std::vector<std::string> info = lines_of(e.info);
#if defined(WWWAUTH_TEST_OPENSSL)
      if (e.info == "VALID") info = {"rspauth=\"" + rspauth_for(last_sent, password) + "\", qop=auth"};
#endif
      const auto v = auth.on_response(e.status, challenges, info);
      CHECK(v.step == e.step);
      CHECK(v.error == e.error);
      CHECK_FALSE(v.message().empty());
      if (e.info == "VALID") CHECK(v.proven);
      // A refused rspauth says how it failed.
      if (e.error == auth_errc::rspauth_mismatch) CHECK(v.verify_error == wwwauth::verify_errc::rspauth_mismatch);
      if (e.answer_has == nullptr) continue;
      const wwwauth::auth_answer a = auth.authorization("GET", s.target);
      if (std::string_view(e.answer_has).empty()) {
        CHECK(a.error == auth_errc::no_challenge);
      } else {
        REQUIRE(a);
        CHECK(std::string(a.value).find(e.answer_has) != std::string::npos);
        last_sent = std::string(a.value);
      }
    }
  }
}

TEST_CASE("every Digest request gets a fresh cnonce from the entropy source") {
  const std::string user = "u", password = "p";
  counting_entropy entropy;
  wwwauth::authenticator<> auth;
  auth.use_password(user, password).use_entropy(entropy);
  const std::vector<std::string> www{std::string(digest_md5)}, none;
  REQUIRE(auth.on_response(401, www, none).step == auth_step::retry);
  const std::string first(auth.authorization("GET", "/").value);
  const std::string second(auth.authorization("GET", "/").value);
  CHECK(param_of(first, "cnonce") == "000102030405060708090a0b0c0d0e0f");
  CHECK(param_of(second, "cnonce") == "101112131415161718191a1b1c1d1e1f");
  CHECK(auth.nonce_count() == 2);
}

TEST_CASE("errors: entropy, storage limits, order of calls") {
  const std::string user = "u", password = "p";
  const std::vector<std::string> www{std::string(digest_md5)}, none;
  SECTION("no entropy source") {
    wwwauth::authenticator<> auth;
    auth.use_password(user, password);
    REQUIRE(auth.on_response(401, www, none).step == auth_step::retry);
    CHECK(auth.authorization("GET", "/").error == auth_errc::no_entropy);
  }
  SECTION("the entropy source fails") {
    failing_entropy entropy;
    wwwauth::authenticator<> auth;
    auth.use_password(user, password).use_entropy(entropy);
    REQUIRE(auth.on_response(401, www, none).step == auth_step::retry);
    CHECK(auth.authorization("GET", "/").error == auth_errc::entropy_failed);
  }
  SECTION("RFC 2069 Digest (no qop) needs no entropy") {
    wwwauth::authenticator<> auth;
    auth.use_password(user, password);
    const std::vector<std::string> old{R"(Digest realm="r", nonce="n")"};
    REQUIRE(auth.on_response(401, old, none).step == auth_step::retry);
    CHECK(auth.authorization("GET", "/"));
  }
  SECTION("authorization() before a challenge") {
    wwwauth::authenticator<> auth;
    CHECK(auth.authorization("GET", "/").error == auth_errc::no_challenge);
  }
  SECTION("a nonce longer than the storage is refused, not cut") {
    counting_entropy entropy;
    wwwauth::authenticator<64> auth;
    auth.use_password(user, password).use_entropy(entropy);
    const std::vector<std::string> big{R"(Digest realm="r", qop="auth", nonce=")" + std::string(100, 'n') + "\""};
    const auto v = auth.on_response(401, big, none);
    CHECK(v.step == auth_step::cannot_answer);
    CHECK(v.error == auth_errc::challenge_too_long);
    CHECK_FALSE(auth.has_challenge());
  }
  SECTION("a nextnonce longer than the storage is reported, and the old nonce serves on") {
    counting_entropy entropy;
    wwwauth::authenticator<64> auth;
    auth.use_password(user, password).use_entropy(entropy);
    REQUIRE(auth.on_response(401, www, none).step == auth_step::retry);
    REQUIRE(auth.authorization("GET", "/"));
    const std::vector<std::string> info{R"(nextnonce=")" + std::string(100, 'n') + "\""};
    const auto v = auth.on_response(200, none, info);
    CHECK(v.step == auth_step::done);
    CHECK(v.error == auth_errc::challenge_too_long);
    const wwwauth::auth_answer a = auth.authorization("GET", "/");
    REQUIRE(a);
    CHECK(param_of(a.value, "nonce") == "n1");
    CHECK(param_of(a.value, "nc") == "00000002");
  }
  SECTION("a target longer than the storage is refused") {
    counting_entropy entropy;
    wwwauth::authenticator<1024, 16> auth;
    auth.use_password(user, password).use_entropy(entropy);
    REQUIRE(auth.on_response(401, www, none).step == auth_step::retry);
    CHECK(auth.authorization("GET", "/0123456789abcdef").error == auth_errc::target_too_long);
    CHECK(auth.authorization("GET", "/0123456789abcde"));
  }
  SECTION("an answer longer than its buffer is refused") {
    wwwauth::authenticator<1024, 4096, 8> auth;  // "Basic dTpw" is 10 bytes
    auth.use_password(user, password);
    const std::vector<std::string> basic{R"(Basic realm="r")"};
    REQUIRE(auth.on_response(401, basic, none).step == auth_step::retry);
    CHECK(auth.authorization("GET", "/").error == auth_errc::answer_too_long);
  }
  SECTION("more challenge lines than field_lines holds") {
    wwwauth::authenticator<> auth;
    auth.use_password(user, password);
    const std::vector<std::string> many(wwwauth::default_field_line_capacity + 1, "Basic realm=\"r\"");
    CHECK(auth.on_response(401, many, none).error == auth_errc::too_many_fields);
  }
  SECTION("no challenge usable: the strongest one's builder error is the verdict's") {
    counting_entropy entropy;
    wwwauth::authenticator<> auth;
    auth.use_password(user, password).use_entropy(entropy);
    const std::vector<std::string> broken{R"(Digest nonce="a", algorithm=SHA-256)", R"(Digest realm="r")"};
    const auto v = auth.on_response(401, broken, none);
    CHECK(v.error == auth_errc::build_failed);
    CHECK(v.build_error == wwwauth::build_errc::missing_realm);
  }
  SECTION("a builder error is reported with its reason") {
    const std::string bad_user = "a:b";
    wwwauth::authenticator<> auth;
    auth.use_password(bad_user, password);
    const std::vector<std::string> basic{R"(Basic realm="r")"};
    REQUIRE(auth.on_response(401, basic, none).step == auth_step::retry);
    const wwwauth::auth_answer a = auth.authorization("GET", "/");
    CHECK(a.error == auth_errc::build_failed);
    CHECK(a.build_error == wwwauth::build_errc::colon_in_user);
    CHECK(a.message() == wwwauth::message(wwwauth::build_errc::colon_in_user));
  }
}

TEST_CASE("the headers of each party") {
  const wwwauth::authenticator<> origin;
  const wwwauth::authenticator<> proxy(auth_party::proxy);
  CHECK(origin.challenge_status() == 401);
  CHECK(origin.challenge_header() == "WWW-Authenticate");
  CHECK(origin.header_name() == "Authorization");
  CHECK(origin.info_header() == "Authentication-Info");
  CHECK(proxy.challenge_status() == 407);
  CHECK(proxy.challenge_header() == "Proxy-Authenticate");
  CHECK(proxy.header_name() == "Proxy-Authorization");
  CHECK(proxy.info_header() == "Proxy-Authentication-Info");
}

TEST_CASE("verdict hints are diagnose()'s") {
  const std::string user = "u", password = "p";
  counting_entropy entropy;
  wwwauth::authenticator<> auth;
  auth.use_password(user, password).use_entropy(entropy);
  const std::vector<std::string> www{std::string(digest_md5)}, none;
  CHECK(auth.on_response(401, www, none).hints.contains(wwwauth::hint_id::digest_credentials));
  REQUIRE(auth.authorization("GET", "/"));
  const std::vector<std::string> again{R"(Digest realm="r", nonce="n2", qop="auth")"};
  const auto v = auth.on_response(401, again, none);
  CHECK(v.step == auth_step::ask_user);
  CHECK(v.hints.contains(wwwauth::hint_id::retry_rejected));
}

TEST_CASE("new credentials after a rejection are answered again") {
  const std::string user = "u", wrong = "wrong", right = "right";
  wwwauth::authenticator<> auth;
  auth.use_password(user, wrong);
  const std::vector<std::string> www{R"(Basic realm="x")"};
  REQUIRE(auth.on_response(401, www, wwwauth::no_field_lines).step == auth_step::retry);
  REQUIRE(auth.authorization("GET", "/"));
  REQUIRE(auth.on_response(401, www, wwwauth::no_field_lines).step == auth_step::ask_user);
  CHECK(auth.on_response(401, www, wwwauth::no_field_lines).step == auth_step::ask_user);
  auth.use_password(user, right);
  CHECK(auth.on_response(401, www, wwwauth::no_field_lines).step == auth_step::retry);
  CHECK(std::string(auth.authorization("GET", "/").value) == "Basic dTpyaWdodA==");
}

TEST_CASE("the other party's 401 or 407 gives this party no hints") {
  const std::string user = "u", password = "p";
  wwwauth::authenticator<> proxy(auth_party::proxy);
  proxy.use_password(user, password);
  const auto v = proxy.on_response(401, wwwauth::no_field_lines, wwwauth::no_field_lines);
  CHECK(v.step == auth_step::done);
  CHECK(v.hints.empty());
}

TEST_CASE("field_lines and append_decoded") {
  const std::vector<std::string> strings{"Basic realm=\"a\\\"b\"", "Digest realm=x, nonce=y"};
  const wwwauth::field_lines<> lines(strings);
  CHECK(lines.size() == 2);
  const auto list = wwwauth::parse_challenges(lines);
  REQUIRE(list.size() == 2);
  std::string realm;
  wwwauth::append_decoded(realm, list.begin()->realm());
  CHECK(realm == "a\"b");
  std::vector<char> chars;
  wwwauth::append_decoded(chars, list.begin()->realm().value());
  CHECK(std::string(chars.begin(), chars.end()) == "a\"b");
  const char* c_strings[] = {"Basic", "Negotiate"};
  const wwwauth::field_lines<> two(c_strings);
  CHECK(wwwauth::parse_challenges(two).size() == 2);
  const wwwauth::field_lines<1> one(c_strings);
  CHECK(one.overflowed());
  CHECK(one.dropped() == 1);
}

TEST_CASE("a hint as one line of text, server bytes escaped") {
  const std::string field = "Basic realm=\"a\t\\\"b\xc3\xa9\"";
  const auto list = wwwauth::parse_challenges(field, wwwauth::mode::lenient);
  const auto hints = wwwauth::diagnose(401, list);
  REQUIRE(hints.size() == 1);
  std::string line;
  wwwauth::write_hint_line(hints[0], std::back_inserter(line));
  CHECK(line ==
        "info basic.credentials (user): " + std::string(hints[0].text()) + " [realm=\"a\\x09\\\"b\\xc3\\xa9\"]");
  char buf[16];
  CHECK(wwwauth::write_hint_line(hints[0], buf, sizeof buf) == line.size());
  CHECK(std::string_view(buf, sizeof buf) == std::string_view(line).substr(0, sizeof buf));
}

// Reading a response works in constant expressions (writing an answer needs entropy, at run time).
namespace {
constexpr auth_step first_step(std::string_view line, int status) {
  wwwauth::authenticator<256, 64, 256> auth;
  auth.use_password("u", "p");
  const std::array<std::string_view, 1> lines{line};
  return auth.on_response(status, lines, wwwauth::no_field_lines).step;
}
static_assert(first_step(R"(Basic realm="x")", 401) == auth_step::retry);
static_assert(first_step(R"(Digest realm="x", nonce="n", qop="auth")", 401) == auth_step::retry);
static_assert(first_step(R"(Negotiate)", 401) == auth_step::cannot_answer);
static_assert(first_step(R"(Basic realm="x")", 200) == auth_step::done);
}  // namespace
