// The server's side of Digest (RFC 7616): the RFCs' Authorization fields accepted to the
// byte, every refusal from one altered parameter, stored HA1 secrets, username*, userhash,
// -sess, auth-int (whole and streamed), and a round trip through the client's builder for
// every algorithm and qop.
#include <array>
#include <iterator>
#include <set>
#include <string>
#include <string_view>

#include "support/catch.hpp"
#include "wwwauth/challenge.hpp"
#include "wwwauth/credentials.hpp"
#include "wwwauth/digest_credentials.hpp"
#include "wwwauth/digest_verify.hpp"

namespace {

using wwwauth::digest_algorithm;
using wwwauth::digest_qop;
using wwwauth::verify_errc;

// RFC 7616 section 3.9.1, the MD5 and SHA-256 Authorization fields (joined on one line).
constexpr std::string_view rfc7616_md5 =
    R"(Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", algorithm=MD5, )"
    R"(nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc=00000001, )"
    R"(cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", qop=auth, )"
    R"(response="8ca523f5e9506fed4657c9700eebdbec", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS")";
constexpr std::string_view rfc7616_sha256 =
    R"(Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", algorithm=SHA-256, )"
    R"(nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc=00000001, )"
    R"(cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", qop=auth, )"
    R"(response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", )"
    R"(opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS")";
// RFC 2617 section 3.5 (password "Circle Of Life", capital O).
constexpr std::string_view rfc2617 =
    R"(Digest username="Mufasa", realm="testrealm@host.com", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", )"
    R"(uri="/dir/index.html", qop=auth, nc=00000001, cnonce="0a4f113b", )"
    R"(response="6629fae49393a05397450978507c4ef1", opaque="5ccc069c403ebaf9f0171e9517f40e41")";

constexpr wwwauth::digest_request get(std::string_view realm) {
  wwwauth::digest_request r;
  r.method = "GET";
  r.target = "/dir/index.html";
  r.realm = realm;
  return r;
}

constexpr bool rfc7616_at_compile_time() {
  const auto creds = wwwauth::parse_credentials(rfc7616_sha256);
  const wwwauth::digest_answer a = wwwauth::read_digest_credentials(creds);
  return static_cast<bool>(wwwauth::verify_digest(a, get("http-auth@example.org"), {"Mufasa", "Circle of Life"}));
}
static_assert(rfc7616_at_compile_time());

verify_errc verify(std::string_view field, const wwwauth::digest_request& r, const wwwauth::digest_secret& s) {
  const auto creds = wwwauth::parse_credentials(field);
  return wwwauth::verify_digest(wwwauth::read_digest_credentials(creds), r, s).error;
}

std::string replace(std::string_view s, std::string_view from, std::string_view to) {
  std::string out(s);
  const auto at = out.find(from);
  REQUIRE(at != std::string::npos);
  out.replace(at, from.size(), to);
  return out;
}

}  // namespace

TEST_CASE("Digest: the RFCs' Authorization fields are accepted", "[digest_verify]") {
  CHECK(verify(rfc7616_md5, get("http-auth@example.org"), {"Mufasa", "Circle of Life"}) == verify_errc::none);
  CHECK(verify(rfc7616_sha256, get("http-auth@example.org"), {"Mufasa", "Circle of Life"}) == verify_errc::none);
  CHECK(verify(rfc2617, get("testrealm@host.com"), {"Mufasa", "Circle Of Life"}) == verify_errc::none);
  // The RFC 2617 password with RFC 7616's lowercase "of" is a wrong password.
  CHECK(verify(rfc2617, get("testrealm@host.com"), {"Mufasa", "Circle of Life"}) == verify_errc::wrong_response);
}

TEST_CASE("Digest: one altered parameter, one verdict", "[digest_verify]") {
  const wwwauth::digest_request request = get("http-auth@example.org");
  const wwwauth::hex_digest md5_ha1 =
      wwwauth::digest_ha1(digest_algorithm::md5, "Mufasa", "http-auth@example.org", "Circle of Life");
  const wwwauth::hex_digest sha_ha1 =
      wwwauth::digest_ha1(digest_algorithm::sha_256, "Mufasa", "http-auth@example.org", "Circle of Life");
  std::string upper_ha1(md5_ha1.view());
  for (char& c : upper_ha1) c = static_cast<char>(c >= 'a' && c <= 'f' ? c - 32 : c);
  wwwauth::digest_request sha_only = request;
  sha_only.algorithms = wwwauth::digest_algorithm_set{digest_algorithm::sha_256};
  wwwauth::digest_request post = request;
  post.method = "POST";
  wwwauth::digest_request other_target = request;
  other_target.target = "/dir/index.html?x";
  wwwauth::digest_request auth_int_only = request;
  auth_int_only.qops = wwwauth::digest_qop_set{digest_qop::auth_int};

  struct row {
    const char* name;
    std::string field;
    wwwauth::digest_request request;
    wwwauth::digest_secret secret;
    verify_errc error;
  };
  const wwwauth::digest_secret password{"Mufasa", "Circle of Life"};
  const row rows[] = {
      {"as sent", std::string(rfc7616_md5), request, password, verify_errc::none},
      {"wrong password", std::string(rfc7616_md5), request, {"Mufasa", "Circle of life"}, verify_errc::wrong_response},
      {"other user's name in A1",
       std::string(rfc7616_md5),
       request,
       {"mufasa", "Circle of Life"},
       verify_errc::wrong_response},
      {"stored HA1", std::string(rfc7616_md5), request, {"", "", md5_ha1.view()}, verify_errc::none},
      {"stored HA1 in uppercase", std::string(rfc7616_md5), request, {"", "", upper_ha1}, verify_errc::none},
      {"SHA-256 HA1 for MD5",
       std::string(rfc7616_md5),
       request,
       {"", "", sha_ha1.view()},
       verify_errc::secret_mismatch},
      {"SHA-256 stored HA1", std::string(rfc7616_sha256), request, {"", "", sha_ha1.view()}, verify_errc::none},
      {"uppercase response", replace(rfc7616_md5, "8ca523f5e9506fed", "8CA523F5E9506FED"), request, password,
       verify_errc::none},
      {"response one digit off", replace(rfc7616_md5, "8ca523", "8ca524"), request, password,
       verify_errc::wrong_response},
      {"response too short", replace(rfc7616_md5, "8ca523", ""), request, password, verify_errc::wrong_response},
      {"other method", std::string(rfc7616_md5), post, password, verify_errc::wrong_response},
      {"nc changed", replace(rfc7616_md5, "nc=00000001", "nc=00000002"), request, password,
       verify_errc::wrong_response},
      {"realm not the server's", std::string(rfc7616_md5), get("other"), password, verify_errc::realm_mismatch},
      {"uri not the target", std::string(rfc7616_md5), other_target, password, verify_errc::uri_mismatch},
      {"algorithm not offered", std::string(rfc7616_md5), sha_only, password, verify_errc::unsupported_algorithm},
      {"algorithm absent means MD5", replace(rfc7616_md5, "algorithm=MD5, ", ""), request, password, verify_errc::none},
      {"algorithm case-insensitive", replace(rfc7616_md5, "algorithm=MD5", "algorithm=md5"), request, password,
       verify_errc::none},
      {"unknown algorithm", replace(rfc7616_md5, "algorithm=MD5", "algorithm=SHA-1"), request, password,
       verify_errc::unsupported_algorithm},
      {"qop not offered", std::string(rfc7616_md5), auth_int_only, password, verify_errc::unsupported_qop},
      {"no qop, not offered",
       replace(rfc2617, "qop=auth, ", ""),
       get("testrealm@host.com"),
       {"Mufasa", "Circle Of Life"},
       verify_errc::unsupported_qop},
      {"unknown qop", replace(rfc7616_md5, "qop=auth", "qop=auth-conf"), request, password,
       verify_errc::unsupported_qop},
      {"no nonce", replace(rfc7616_md5, R"(nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", )", ""), request,
       password, verify_errc::malformed},
      {"no uri", replace(rfc7616_md5, R"(uri="/dir/index.html", )", ""), request, password, verify_errc::malformed},
      {"no response", replace(rfc7616_md5, R"(response="8ca523f5e9506fed4657c9700eebdbec", )", ""), request, password,
       verify_errc::malformed},
      {"qop without cnonce", replace(rfc7616_md5, R"(cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", )", ""),
       request, password, verify_errc::malformed},
      {"nc of 7 digits", replace(rfc7616_md5, "nc=00000001", "nc=0000001"), request, password, verify_errc::malformed},
      {"nc not hex", replace(rfc7616_md5, "nc=00000001", "nc=0000000g"), request, password, verify_errc::malformed},
      {"username and username*", replace(rfc7616_md5, "username=\"Mufasa\"", "username=\"Mufasa\", username*=UTF-8''M"),
       request, password, verify_errc::malformed},
      {"-sess without qop",
       replace(replace(rfc2617, "qop=auth, ", ""), "uri=", "algorithm=MD5-sess, uri="),
       get("testrealm@host.com"),
       {"Mufasa", "Circle Of Life"},
       verify_errc::unsupported_qop},
      {"userhash neither true nor false", std::string(rfc7616_md5) + ", userhash=maybe", request, password,
       verify_errc::malformed},
      {"Basic", "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", request, password, verify_errc::wrong_scheme},
      {"parse error", "Digest username=", request, password, verify_errc::malformed},
  };
  for (const auto& r : rows) {
    INFO(r.name);
    CHECK(verify(r.field, r.request, r.secret) == r.error);
  }
}

TEST_CASE("Digest: the user name to look up", "[digest_verify]") {
  struct row {
    const char* name;
    std::string_view field;
    verify_errc error;
    std::string_view user;
  };
  const row rows[] = {
      {"plain", R"(Digest username="Mufasa")", verify_errc::none, "Mufasa"},
      {"quoted-pair", R"(Digest username="Mu\"fasa")", verify_errc::none, "Mu\"fasa"},
      {"username* (RFC 7616 section 3.9.2's user)", "Digest username*=UTF-8''J%C3%A4s%C3%B8n%20Doe", verify_errc::none,
       "J\xc3\xa4s\xc3\xb8n Doe"},
      {"username* with a language", "Digest username*=utf-8'en'a%7Eb", verify_errc::none, "a~b"},
      {"username* not UTF-8", "Digest username*=ISO-8859-1''%E4", verify_errc::malformed, ""},
      {"username* with bad %-escape", "Digest username*=UTF-8''%E", verify_errc::malformed, ""},
      {"username* decoding to bad UTF-8", "Digest username*=UTF-8''%E4", verify_errc::malformed, ""},
      {"username* without the second quote", "Digest username*=UTF-8'abc", verify_errc::malformed, ""},
  };
  for (const auto& r : rows) {
    INFO(r.name);
    // Only the name matters here: add what read_digest_credentials requires.
    const std::string field = std::string(r.field) + R"(, realm="r", nonce="n", uri="/", response="0")";
    const auto creds = wwwauth::parse_credentials(field);
    const wwwauth::digest_answer a = wwwauth::read_digest_credentials(creds);
    REQUIRE(a);
    std::array<char, 32> buf{};
    const auto u = wwwauth::decode_digest_username(a, buf.data(), buf.size());
    CHECK(u.error == r.error);
    CHECK(u.name == r.user);
  }
  const auto creds =
      wwwauth::parse_credentials(R"(Digest username="Mufasa", realm="r", nonce="n", uri="/", response="0")");
  std::array<char, 3> small{};
  const auto u = wwwauth::decode_digest_username(wwwauth::read_digest_credentials(creds), small.data(), small.size());
  CHECK(u.error == verify_errc::buffer_too_small);
  CHECK(u.size == 6);
}

TEST_CASE("Digest: what the client's builder sends, the verifier accepts", "[digest_verify]") {
  struct algorithm_row {
    std::string_view name;
    digest_algorithm id;
  };
  const algorithm_row algorithms[] = {
      {"MD5", digest_algorithm::md5},
      {"MD5-sess", digest_algorithm::md5_sess},
      {"SHA-256", digest_algorithm::sha_256},
      {"SHA-256-sess", digest_algorithm::sha_256_sess},
      {"SHA-512-256", digest_algorithm::sha_512_256},
      {"SHA-512-256-sess", digest_algorithm::sha_512_256_sess},
  };
  struct qop_row {
    std::string_view offered;  // the challenge's qop parameter
    bool prefer_auth_int;
  };
  const qop_row qops[] = {{"qop=\"auth\", ", false}, {"qop=\"auth-int\", ", true}, {"", false}};
  struct user_row {
    const char* name;
    std::string_view username;
    bool userhash;
  };
  const user_row users[] = {
      {"plain", "Mufasa", false},
      {"RFC 7616 section 3.9.2 (userhash, UTF-8)", "J\xc3\xa4s\xc3\xb8n Doe", true},
      {"username* (a control character)", "tab\there", false},
  };
  for (const auto& alg : algorithms) {
    for (const auto& q : qops) {
      for (const auto& user : users) {
        const bool sess = wwwauth::info(alg.id).sess;
        if (sess && q.offered.empty()) continue;  // -sess needs qop
        INFO(alg.name << " " << q.offered << user.name);
        const std::string challenge_field =
            "Digest realm=\"api@example.org\", " + std::string(q.offered) + "algorithm=" + std::string(alg.name) +
            ", nonce=\"5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK\"" + (user.userhash ? ", userhash=true" : "");
        const auto list = wwwauth::parse_challenges(challenge_field);
        REQUIRE(list.size() == 1);
        wwwauth::digest_input in;
        in.username = user.username;
        in.password = "Secret, or not?";
        in.method = "POST";
        in.uri = "/doe.json";
        in.cnonce = "NTg6RKcb9boFIAS3KrFK9BGeh+iDa/sm6jUMp2wds69v";
        in.nc = 0x1f;
        in.body = "{\"a\":1}";
        in.prefer_auth_int = q.prefer_auth_int;
        std::string field;
        REQUIRE(wwwauth::write_digest_credentials(*list.begin(), in, std::back_inserter(field)));
        const auto creds = wwwauth::parse_credentials(field);
        const wwwauth::digest_answer a = wwwauth::read_digest_credentials(creds);
        REQUIRE(a);
        CHECK(a.algorithm == alg.id);
        CHECK(a.userhash == user.userhash);
        CHECK(a.nonce_count == (q.offered.empty() ? 0u : 0x1fu));

        std::array<char, 64> name{};
        const auto u = wwwauth::decode_digest_username(a, name.data(), name.size());
        REQUIRE(u);
        const wwwauth::hex_digest userhash = wwwauth::digest_userhash(alg.id, user.username, "api@example.org");
        CHECK(u.name == (user.userhash ? userhash.view() : user.username));

        wwwauth::digest_request request;
        request.method = "POST";
        request.target = "/doe.json";
        request.realm = "api@example.org";
        request.body = in.body;
        if (q.offered.empty()) request.qops.add(digest_qop::none);
        CHECK(wwwauth::verify_digest(a, request, {user.username, in.password}));
        const wwwauth::hex_digest ha1 = wwwauth::digest_ha1(alg.id, user.username, "api@example.org", in.password);
        CHECK(wwwauth::verify_digest(a, request, {"", "", ha1.view()}));
        // The body streamed in pieces gives the same H(entity-body).
        wwwauth::digest_body_hash streamed(alg.id);
        streamed.update("{\"a\"");
        streamed.update(":1}");
        const wwwauth::hex_digest body_hash = streamed.hex();
        wwwauth::digest_request streamed_request = request;
        streamed_request.body = {};
        streamed_request.body_hash = body_hash.view();
        CHECK(wwwauth::verify_digest(a, streamed_request, {user.username, in.password}));
        // A different body only matters to auth-int.
        wwwauth::digest_request other_body = request;
        other_body.body = "{\"a\":2}";
        CHECK(wwwauth::verify_digest(a, other_body, {user.username, in.password}).error ==
              (q.prefer_auth_int ? verify_errc::wrong_response : verify_errc::none));
        CHECK(wwwauth::verify_digest(a, request, {user.username, "secret, or not?"}).error ==
              verify_errc::wrong_response);
      }
    }
  }
}

TEST_CASE("every verify_errc has its own name and a message", "[verify_errc]") {
  std::set<std::string_view> names;
  for (unsigned i = 0; i <= static_cast<unsigned>(verify_errc::replayed_nc); ++i) {
    const auto code = static_cast<verify_errc>(i);
    INFO("code " << i);
    CHECK(wwwauth::name(code) != "unknown");
    CHECK(wwwauth::message(code) != "unknown error");
    CHECK(names.insert(wwwauth::name(code)).second);
  }
}
