// What a Digest server writes back: challenges that parse back to what was meant, and
// Authentication-Info that the client's verify_authentication_info accepts, in a full round
// trip (server challenge, client credentials, server verification, server rspauth, client check)
// for every algorithm and qop.
#include <array>
#include <iterator>
#include <string>
#include <string_view>

#include "support/catch.hpp"
#include "wwwauth/challenge.hpp"
#include "wwwauth/credentials.hpp"
#include "wwwauth/digest_credentials.hpp"
#include "wwwauth/digest_nonce.hpp"
#include "wwwauth/digest_reply.hpp"
#include "wwwauth/digest_verify.hpp"
#include "wwwauth/auth_info.hpp"

namespace {

using wwwauth::build_errc;
using wwwauth::digest_algorithm;
using wwwauth::digest_qop;

std::string challenge_text(const wwwauth::digest_challenge& c) {
  std::string out;
  REQUIRE(wwwauth::write_digest_challenge(c, std::back_inserter(out)));
  return out;
}

}  // namespace

TEST_CASE("Digest challenges as servers send them", "[digest_reply]") {
  wwwauth::digest_challenge plain;
  plain.realm = "api";
  plain.nonce = "n1";
  wwwauth::digest_challenge everything = plain;
  everything.realm = "a \"quoted\" realm";
  everything.domain = "/api /docs";
  everything.opaque = "op";
  everything.algorithm = digest_algorithm::sha_512_256_sess;
  everything.qops = wwwauth::digest_qop_set{digest_qop::auth, digest_qop::auth_int};
  everything.stale = true;
  everything.charset_utf8 = true;
  everything.userhash = true;
  wwwauth::digest_challenge rfc2069 = plain;
  rfc2069.send_algorithm = false;
  rfc2069.qops = wwwauth::digest_qop_set{};
  wwwauth::digest_challenge auth_int = plain;
  auth_int.algorithm = digest_algorithm::md5;
  auth_int.qops = wwwauth::digest_qop_set{digest_qop::auth_int};
  struct row {
    const char* name;
    wwwauth::digest_challenge challenge;
    std::string_view want;
  };
  const row rows[] = {
      {"defaults: SHA-256, auth", plain, R"(Digest realm="api", qop="auth", algorithm=SHA-256, nonce="n1")"},
      {"every parameter", everything,
       R"(Digest realm="a \"quoted\" realm", domain="/api /docs", qop="auth, auth-int", algorithm=SHA-512-256-sess, )"
       R"(nonce="n1", opaque="op", stale=true, charset=UTF-8, userhash=true)"},
      {"RFC 2069 form", rfc2069, R"(Digest realm="api", nonce="n1")"},
      {"auth-int only, MD5", auth_int, R"(Digest realm="api", qop="auth-int", algorithm=MD5, nonce="n1")"},
  };
  for (const auto& r : rows) {
    INFO(r.name);
    const std::string text = challenge_text(r.challenge);
    CHECK(text == r.want);
    CHECK(wwwauth::parse_challenges(text).ok());
  }
  wwwauth::digest_challenge bad = plain;
  bad.nonce = "a\nb";
  std::array<char, 128> buf{};
  CHECK(wwwauth::write_digest_challenge(bad, buf.data(), buf.size()).error == build_errc::control_char);
}

TEST_CASE("Digest round trip: challenge, credentials, verification, rspauth", "[digest_reply]") {
  const wwwauth::digest_nonce_issuer issuer("a server secret of thirty-two by", 60);
  const wwwauth::digest_nonce nonce = issuer.issue(1000, 1);
  const wwwauth::digest_nonce next = issuer.issue(1010, 2);
  const digest_algorithm algorithms[] = {digest_algorithm::md5,         digest_algorithm::md5_sess,
                                         digest_algorithm::sha_256,     digest_algorithm::sha_256_sess,
                                         digest_algorithm::sha_512_256, digest_algorithm::sha_512_256_sess};
  const digest_qop qops[] = {digest_qop::auth, digest_qop::auth_int, digest_qop::none};
  for (const digest_algorithm alg : algorithms) {
    for (const digest_qop qop : qops) {
      for (const bool with_next_nonce : {false, true}) {
        if (wwwauth::info(alg).sess && qop == digest_qop::none) continue;
        INFO(wwwauth::info(alg).name << " qop " << static_cast<int>(qop) << " nextnonce " << with_next_nonce);
        wwwauth::digest_challenge offer;
        offer.realm = "api@example.org";
        offer.nonce = nonce.view();
        offer.algorithm = alg;
        offer.qops = qop == digest_qop::none ? wwwauth::digest_qop_set{} : wwwauth::digest_qop_set{qop};
        const std::string challenge_field = challenge_text(offer);
        const auto challenges = wwwauth::parse_challenges(challenge_field);
        REQUIRE(challenges.size() == 1);
        const wwwauth::challenge& c = *challenges.begin();

        wwwauth::digest_input in;
        in.username = "Mufasa";
        in.password = "Circle of Life";
        in.method = "PUT";
        in.uri = "/dir/index.html";
        in.cnonce = "0a4f113b";
        in.nc = 3;
        in.body = "request body";
        std::string authorization;
        REQUIRE(wwwauth::write_digest_credentials(c, in, std::back_inserter(authorization)));

        const auto creds = wwwauth::parse_credentials(authorization);
        const wwwauth::digest_answer answer = wwwauth::read_digest_credentials(creds);
        REQUIRE(answer);
        CHECK(issuer.check(answer.nonce, 1030));
        wwwauth::digest_request request;
        request.method = "PUT";
        request.target = "/dir/index.html";
        request.realm = "api@example.org";
        request.body = "request body";
        request.qops = wwwauth::digest_qop_set{qop};
        const wwwauth::digest_verdict verdict = wwwauth::verify_digest(answer, request, {"Mufasa", "Circle of Life"});
        REQUIRE(verdict);

        std::array<char, 256> buf{};
        const auto info =
            wwwauth::write_authentication_info(answer, verdict, with_next_nonce ? next.view() : std::string_view(),
                                               buf.data(), buf.size(), "response body");
        REQUIRE(info);
        const std::string_view info_field(buf.data(), info.size);
        const auto params = wwwauth::parse_auth_info(info_field);
        REQUIRE(params.ok());
        CHECK(wwwauth::verify_authentication_info(c, in, params, "response body") == wwwauth::verify_errc::none);
        // For auth-int, rspauth covers the response body.
        CHECK(wwwauth::verify_authentication_info(c, in, params, "other body") ==
              (qop == digest_qop::auth_int ? wwwauth::verify_errc::rspauth_mismatch : wwwauth::verify_errc::none));
        CHECK(params.param("nextnonce").value().equals(with_next_nonce ? next.view() : ""));
        if (qop != digest_qop::none) CHECK(params.param("nc").value().equals("00000003"));
      }
    }
  }
}

TEST_CASE("Authentication-Info needs verified credentials", "[digest_reply]") {
  const auto creds = wwwauth::parse_credentials(R"(Digest username="u", realm="r", nonce="n", uri="/", response="0")");
  const wwwauth::digest_answer answer = wwwauth::read_digest_credentials(creds);
  wwwauth::digest_request request;
  request.method = "GET";
  request.target = "/";
  request.realm = "r";
  request.qops.add(digest_qop::none);
  const wwwauth::digest_verdict wrong = wwwauth::verify_digest(answer, request, {"u", "p"});
  CHECK(wrong.error == wwwauth::verify_errc::wrong_response);
  std::array<char, 128> buf{};
  CHECK(wwwauth::write_authentication_info(answer, wrong, {}, buf.data(), buf.size()).error ==
        build_errc::not_verified);
}
