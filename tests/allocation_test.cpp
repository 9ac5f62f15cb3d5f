// Zero heap allocations on every path: parse, iteration, lookup, unescape, credentials and
// Authentication-Info, and the server's verification and replies, over the test corpus in
// both modes, counted by support/allocation_counter.hpp.
#include <array>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "support/allocation_counter.hpp"
#include "support/catch.hpp"
#include "support/diagnose_corpus.hpp"
#include "support/evidence_corpus.hpp"
#include <wwwauth/wwwauth.hpp>

namespace {

std::vector<std::string> load_corpus() {
  std::ifstream in(WWWAUTH_TEST_DATA "/corpus.txt");
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Answers every challenge (Basic, Bearer, Digest with auth-int so the body is hashed too),
// checks rspauth against the field read as Authentication-Info, and writes each challenge
// back with the formatter: the builders' paths, which must not allocate either.
std::size_t answer_and_format(const wwwauth::challenge_list& list, const wwwauth::auth_info& info,
                              std::array<char, 512>& buf) {
  std::size_t sum = 0;
  wwwauth::digest_input in;
  in.username = "Mufasa";
  in.password = "Circle of Life";
  in.method = "POST";
  in.uri = "/dir/index.html";
  in.cnonce = "0a4f113b";
  in.body = "body";
  in.prefer_auth_int = true;
  for (const wwwauth::challenge& c : list) {
    sum += wwwauth::write_basic_credentials(c, "user", "pass", buf.data(), buf.size()).size;
    sum += wwwauth::write_bearer_credentials("mF_9.B5f-4.1JqM", buf.data(), buf.size()).size;
    sum += wwwauth::write_digest_credentials(c, in, buf.data(), buf.size()).size;
    sum += static_cast<std::size_t>(wwwauth::verify_authentication_info(c, in, info));
    sum += wwwauth::write_challenge(c, buf.data(), buf.size()).size;
  }
  return sum;
}

// The authenticator through a whole exchange on each challenge of the field: the first answer,
// a second request, the field again as the next 401 (stale retry or rejection), a 2xx with the
// field read as Authentication-Info (rspauth, nextnonce), for the origin and the proxy.
struct fixed_entropy {
  bool operator()(unsigned char* out, std::size_t n) const {
    for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<unsigned char>(i);
    return true;
  }
};
std::size_t authenticate(std::string_view field) {
  std::size_t sum = 0;
  const fixed_entropy entropy;
  const std::array<std::string_view, 1> lines{field};
  for (const wwwauth::auth_party party : {wwwauth::auth_party::origin, wwwauth::auth_party::proxy}) {
    wwwauth::authenticator<> auth(party);
    auth.use_password("Mufasa", "Circle of Life").use_entropy(entropy);
    const int status = auth.challenge_status();
    const auto first = auth.on_response(status, lines, wwwauth::no_field_lines);
    sum += static_cast<std::size_t>(first.step) + first.hints.size();
    sum += auth.authorization("GET", "http://example.com/dir/index.html").value.size();
    sum += auth.authorization("POST", "/dir/index.html", "body").value.size();
    const auto again = auth.on_response(status, lines, wwwauth::no_field_lines);
    sum += static_cast<std::size_t>(again.step) + static_cast<std::size_t>(again.error);
    sum += auth.authorization("GET", "/").value.size();
    const auto done = auth.on_response(200, wwwauth::no_field_lines, lines);
    sum += static_cast<std::size_t>(done.step) + done.proven;
    wwwauth::authenticator<> bearer(party);
    bearer.use_token("mF_9.B5f-4.1JqM");
    sum += static_cast<std::size_t>(bearer.on_response(status, lines, lines).step);
    sum += bearer.authorization("GET", "/").value.size();
  }
  return sum;
}

// Everything a server does with credentials: Basic decoding, Digest reading, verification
// against a password and a stored HA1, nonces, nc counts and the replies.
std::size_t verify_as_server(std::string_view field, wwwauth::mode m, std::array<char, 512>& buf) {
  std::size_t sum = 0;
  const auto creds = wwwauth::parse_credentials(field, m);
  const auto basic = wwwauth::decode_basic_credentials(creds, buf.data(), buf.size(), wwwauth::basic_charset::utf8);
  sum += basic.user_id.size() + basic.password.size() + static_cast<std::size_t>(basic.error);
  const wwwauth::digest_answer answer = wwwauth::read_digest_credentials(creds);
  sum += wwwauth::decode_digest_username(answer, buf.data(), buf.size()).size;
  wwwauth::digest_request request;
  request.method = "GET";
  request.target = "/dir/index.html";
  request.realm = "http-auth@example.org";
  request.qops.add(wwwauth::digest_qop::none);
  wwwauth::digest_body_hash body(answer.algorithm);
  body.update("body");
  const wwwauth::hex_digest body_hash = body.hex();
  request.body_hash = body_hash.view();
  const wwwauth::hex_digest ha1 =
      wwwauth::digest_ha1(answer.algorithm, "Mufasa", "http-auth@example.org", "Circle of Life");
  const wwwauth::digest_verdict verdict = wwwauth::verify_digest(answer, request, {"Mufasa", "Circle of Life"});
  sum += static_cast<std::size_t>(verdict.error);
  sum += static_cast<std::size_t>(wwwauth::verify_digest(answer, request, {"", "", ha1.view()}).error);
  sum += wwwauth::digest_userhash(answer.algorithm, "Mufasa", "http-auth@example.org").size;
  const wwwauth::digest_nonce_issuer issuer("0123456789abcdef0123456789abcdef", 300);
  const wwwauth::digest_nonce nonce = issuer.issue(1000, 1);
  sum += static_cast<std::size_t>(issuer.check(answer.nonce, 1000).error);
  wwwauth::digest_nonce_counts<8> counts;
  sum += static_cast<std::size_t>(counts.accept(1, answer.nonce_count));
  wwwauth::digest_challenge challenge;
  challenge.realm = "http-auth@example.org";
  challenge.nonce = nonce.view();
  challenge.stale = true;
  sum += wwwauth::write_digest_challenge(challenge, buf.data(), buf.size()).size;
  sum += wwwauth::write_authentication_info(answer, verdict, nonce.view(), buf.data(), buf.size()).size;
  return sum;
}

// Everything a client does with a parsed field; returns a checksum so nothing is optimised out.
std::size_t exercise(std::string_view field, wwwauth::mode m) {
  std::size_t sum = 0;
  std::array<char, 512> buf{};
  const auto list = wwwauth::parse_challenges(field, m);
  sum += list.size() + static_cast<std::size_t>(list.error().code) + list.error().offset;
  for (const wwwauth::parse_error& e : list.recovered()) sum += e.offset;
  sum += list.recovered().dropped();
  for (const wwwauth::challenge& c : list) {
    sum += c.scheme().size() + c.token68().size() + c.scheme_is("Digest");
    sum += c.realm().value().size() + c.param("nonce").value().equals("n");
    for (const wwwauth::auth_param& p : c.params()) {
      sum += p.name().size() + p.value().decode_into(buf.data(), buf.size()) + p.value().iequals("md5");
    }
  }
  const auto creds = wwwauth::parse_credentials(field, m);
  sum += creds.param_count() + static_cast<std::size_t>(creds.error().code);
  for (const wwwauth::auth_param& p : creds.params()) sum += p.value().size();
  const auto info = wwwauth::parse_auth_info(field, m);
  sum += info.size() + info.param("rspauth").value().size();
  const std::array<std::string_view, 2> lines{field, field};
  sum += wwwauth::parse_challenges(lines, m).size();
  sum += answer_and_format(list, info, buf);
  sum += authenticate(field);
  sum += verify_as_server(field, m, buf);
  return sum;
}

// One of each shape lenient mode recovers from (tests/lenient_recovery_test.cpp has them all).
constexpr std::array<std::string_view, 10> recovery_shapes{{
    "Bearer, error=x, error_description=y", R"(A "blob", c=d, B "blob")", R"(Bearer realm="r"Basic realm="r")",
    "OAuth realm='my api', error='x'", "Bearer error=invalid_token, error_description=The token was not recognized.",
    R"(Basic abc== realm="x")", R"(Basic realm="x" abc==)", "p=unused, Token", R"(X-A word, p="a,\"b\",c", Y word)",
    "Basic a=\"\x01\", \"j\", \"j\", \"j\", \"j\", \"j\", \"j\", \"j\", \"j\", b=c",  // beyond the capacity
}};

}  // namespace

TEST_CASE("no allocation on any parse path") {
  const std::vector<std::string> corpus = load_corpus();
  REQUIRE(corpus.size() > 40);
  INFO("malloc counted too: " << malloc_counted);

  std::size_t checksum = 0;
  allocations = 0;
  counting_malloc = true;
  for (const std::string& field : corpus) {
    checksum += exercise(field, wwwauth::mode::strict);
    checksum += exercise(field, wwwauth::mode::lenient);
  }
  std::size_t recovered = 0;
  for (const std::string_view field : recovery_shapes) {
    checksum += exercise(field, wwwauth::mode::strict);
    checksum += exercise(field, wwwauth::mode::lenient);
    recovered += wwwauth::parse_challenges(field, wwwauth::mode::lenient).recovered().empty() ? 0 : 1;
  }
  // Diagnosis and selection: every row of the diagnose corpus (parse, diagnose, select).
  checksum += wwwauth_test::exercise_diagnose_corpus();
  // The server's paths with credentials that verify (RFC 7616 section 3.9.1) and Basic ones.
  std::array<char, 512> buf{};
  checksum += verify_as_server(
      R"(Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", algorithm=SHA-256, )"
      R"(nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc=00000001, )"
      R"(cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", qop=auth, )"
      R"(response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", )"
      R"(opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS")",
      wwwauth::mode::strict, buf);
  checksum += verify_as_server("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", wwwauth::mode::strict, buf);
  // Exchange evidence: URLs, cookies, bodies and headers of every evidence row.
  checksum += wwwauth_test::exercise_evidence_corpus();
  counting_malloc = false;
  CHECK(allocations == 0);
  CHECK(checksum != 0);
  CHECK(recovered == recovery_shapes.size());  // every shape ran a recovery path
}

TEST_CASE("the counter does count") {
  allocations = 0;
  counting_malloc = true;
  auto* p = new std::string(100, 'x');  // proves the test can fail
  counting_malloc = false;
  CHECK(allocations >= 1);
  delete p;
}
