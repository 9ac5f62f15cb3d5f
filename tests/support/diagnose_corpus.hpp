// The situations of wwwauth::diagnose() as data: each row names the hint code it is about,
// whether the row must trigger it, the response (status, challenge field lines) and the
// request, and every code expected, in order. diagnose_test.cpp checks the rows;
// allocation_test.cpp can run exercise_diagnose_corpus() under its allocation counter
// (nothing here allocates: rows are string_views, lines are split into a fixed array).
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

#include <wwwauth/diagnose.hpp>
#include <wwwauth/select.hpp>

namespace wwwauth_test {

// Values of diagnose_case::sent besides an Authorization field value.
inline constexpr std::string_view request_unknown = "(unknown)";
inline constexpr std::string_view request_without_credentials = "(none)";

struct diagnose_case {
  std::string_view name;
  std::string_view code;    // the hint code the row is about
  bool triggers;            // whether `code` must be among the hints
  int status;               // 0: unknown
  std::string_view fields;  // challenge field lines, '\n' between lines
  std::string_view sent;    // the request's Authorization value, or one of the two above
  wwwauth::mode mode;
  std::string_view expected;  // every code emitted, in order, ' ' between codes
};

using wwwauth::mode;
inline constexpr std::string_view none = request_without_credentials;
inline constexpr std::string_view unknown = request_unknown;
inline constexpr std::string_view basic_sent = "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==";
inline constexpr std::string_view digest_sent =
    R"(Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", )"
    R"(nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc=00000001, cnonce="f2/wE4q74E6z", )"
    R"(qop=auth, response="8ca523f5e9506fed4657c9700eebdbec")";
inline constexpr std::string_view digest_realm = R"(realm="http-auth@example.org")";

// A C array, so that rows can be added without counting them.
inline constexpr diagnose_case diagnose_cases[] = {
    // challenge.missing: RFC 9110 sections 15.5.2 and 15.5.8 require a challenge.
    {"401 without any challenge", "challenge.missing", true, 401, "", none, mode::lenient, "challenge.missing"},
    {"407 without any challenge", "challenge.missing", true, 407, "", unknown, mode::lenient,
     "proxy.required challenge.missing"},
    {"only empty list elements", "challenge.missing", true, 401, " , ,", unknown, mode::strict, "challenge.missing"},
    {"a 401 with a challenge", "challenge.missing", false, 401, R"(Basic realm="x")", none, mode::lenient,
     "basic.credentials"},
    {"no challenge, status unknown", "challenge.missing", false, 0, "", unknown, mode::lenient, ""},
    {"no challenge, status 200", "challenge.missing", false, 200, "", unknown, mode::lenient, ""},
    {"nothing parsed because of an error", "challenge.missing", false, 401, "realm=x", unknown, mode::lenient,
     "syntax.error"},
    // syntax.error
    {"error after a complete challenge", "syntax.error", true, 401, "Basic realm=\"x\", Digest realm=\"a\x01\"",
     unknown, mode::lenient, "syntax.error basic.credentials digest.credentials"},
    {"the same error, strict", "syntax.error", true, 401, "Basic realm=\"x\", Digest realm=\"a\x01\"", unknown,
     mode::strict, "syntax.error basic.credentials"},
    {"lenient recovers a comma after the scheme", "syntax.error", true, 401, "Bearer, error=invalid_token", unknown,
     mode::lenient, "syntax.error bearer.invalid_token"},
    {"one hint per recovered error", "syntax.error", true, 401, R"(A "blob", c=d, Basic "x", realm="r")", unknown,
     mode::lenient, "syntax.error syntax.error scheme.unknown basic.credentials"},
    {"nothing recovered", "syntax.error", true, 401, R"("quoted", p=1)", unknown, mode::lenient,
     "syntax.error syntax.error"},
    {"`realm=` alone is a token68, not an error", "syntax.error", false, 401, "Digest realm=", unknown, mode::strict,
     "digest.credentials"},
    {"strict refuses a duplicate", "syntax.error", true, 401, R"(Basic realm="a", realm="b")", unknown, mode::strict,
     "syntax.error"},
    {"lenient keeps the duplicate", "syntax.error", false, 401, R"(Basic realm="a", realm="b")", unknown, mode::lenient,
     "basic.credentials"},
    {"strict refuses an unquoted URL", "syntax.error", true, 401, "Bearer realm=https://x/y", unknown, mode::strict,
     "syntax.error"},
    {"lenient reads an unquoted URL", "syntax.error", false, 401, "Bearer realm=https://x/y", unknown, mode::lenient,
     "bearer.token_missing"},
    // scheme.unknown
    {"a scheme nobody registered", "scheme.unknown", true, 401, R"(Newauth realm="apps", type=1)", unknown,
     mode::strict, "scheme.unknown"},
    {"unknown beside known", "scheme.unknown", true, 401, "Newauth\nBasic realm=\"x\"", unknown, mode::strict,
     "scheme.unknown basic.credentials"},
    {"a known scheme in other case", "scheme.unknown", false, 401, R"(bASIC realm="x")", unknown, mode::strict,
     "basic.credentials"},
    // proxy.required
    {"407 from a proxy", "proxy.required", true, 407, R"(Basic realm="proxy")", unknown, mode::strict,
     "proxy.required basic.credentials"},
    {"401 from the origin", "proxy.required", false, 401, R"(Basic realm="proxy")", unknown, mode::strict,
     "basic.credentials"},
    // retry.*: credentials were sent and the answer is 401/407 again
    {"Basic sent, Basic asked again", "retry.rejected", true, 401, R"(Basic realm="x")", basic_sent, mode::strict,
     "retry.rejected basic.credentials"},
    {"Digest sent, same realm and nonce", "retry.rejected", true, 401,
     R"(Digest realm="http-auth@example.org", nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", qop="auth")",
     digest_sent, mode::strict, "retry.rejected digest.credentials"},
    {"Digest sent, stale=false", "retry.rejected", true, 407,
     R"(Digest realm="http-auth@example.org", nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", stale=false)",
     digest_sent, mode::strict, "proxy.required retry.rejected digest.credentials"},
    {"nothing sent", "retry.rejected", false, 401, R"(Basic realm="x")", none, mode::strict, "basic.credentials"},
    {"request unknown", "retry.rejected", false, 401, R"(Basic realm="x")", unknown, mode::strict, "basic.credentials"},
    {"sent, but the status is unknown", "retry.rejected", false, 0, R"(Basic realm="x")", basic_sent, mode::strict,
     "basic.credentials"},
    {"sent, and no challenge at all", "retry.rejected", false, 401, "", basic_sent, mode::strict, "challenge.missing"},
    {"Digest stale=true", "retry.stale", true, 401, R"(Digest realm="http-auth@example.org", nonce="new", stale=TRUE)",
     digest_sent, mode::strict, "retry.stale digest.stale"},
    {"Digest stale=\"TRUE\" quoted, as IP cameras send it", "retry.stale", true, 401,
     R"(Digest realm="http-auth@example.org", nonce="new", stale="TRUE")", digest_sent, mode::strict,
     "retry.stale digest.stale"},
    // RFC 7616 section 3.3: a new nonce without stale=true is a wrong password (Apache and
    // lighttpd send a new nonce with every 401).
    {"Digest, a new nonce for the same realm", "retry.stale", false, 401,
     R"(Digest realm="http-auth@example.org", nonce="fresh")", digest_sent, mode::strict,
     "retry.rejected digest.credentials"},
    {"Digest, a new nonce and stale=\"FALSE\"", "retry.stale", false, 401,
     R"(Digest realm="http-auth@example.org", nonce="fresh", stale="FALSE")", digest_sent, mode::strict,
     "retry.rejected digest.credentials"},
    {"Digest stale=true for another realm", "retry.stale", false, 401,
     R"(Digest realm="b@example.org", nonce="fresh", stale=true)", digest_sent, mode::strict,
     "retry.other_realm digest.stale"},
    {"Basic has no nonce to go stale", "retry.stale", false, 401, R"(Basic realm="x", nonce="fresh")", basic_sent,
     mode::strict, "retry.rejected basic.credentials"},
    {"Digest sent for realm a, asked for realm b", "retry.other_realm", true, 401,
     R"(Digest realm="b@example.org", nonce="n")", digest_sent, mode::strict, "retry.other_realm digest.credentials"},
    {"the same realm among others", "retry.other_realm", false, 401,
     "Digest realm=\"b@example.org\", nonce=\"n\"\n"
     R"(Digest realm="http-auth@example.org", nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v")",
     digest_sent, mode::strict, "retry.rejected digest.credentials digest.credentials"},
    {"NTLM type-2 message: the handshake goes on", "retry.rejected", false, 401,
     "NTLM TlRMTVNTUAACAAAADAAMADAAAAA1goniP5PAVKmDuAwAAAAAAAAAAA==",
     "NTLM TlRMTVNTUAABAAAAB4IIogAAAAAAAAAAAAAAAAAAAAA=", mode::strict, "ntlm.windows"},
    {"NTLM answered with a bare NTLM again", "retry.rejected", true, 401, "NTLM",
     "NTLM TlRMTVNTUAADAAAAGAAYAEAAAAAYABgAWAAAAA==", mode::strict, "retry.rejected ntlm.windows"},
    {"SCRAM server-first message: the handshake goes on", "retry.rejected", false, 401,
     "SCRAM-SHA-256 sid=AAAABBBBCCCCDDDD, data=cj1yT3ByTkdmd0ViZVJXZ2JORWtxTyVodllEcFdVYTJSYVRDQWZ1eEZJbGopaE5sRixzPVcyMlphSjBTTlk3c29Fc1VFamI2Z1E9PSxpPTQwOTYK",
     R"(SCRAM-SHA-256 realm="testrealm@example.com", data=biwsbj11c2VyLHI9ck9wck5HZndFYmVSV2diTkVrcU8K)", mode::strict,
     "scram-sha-256.credentials"},
    {"Bearer token sent, refused without an error code", "bearer.token_missing", false, 401, R"(Bearer realm="api")",
     "Bearer mF_9.B5f-4.1JqM", mode::strict, "retry.rejected"},
    {"Basic sent, only Bearer offered", "retry.other_scheme", true, 401, R"(Bearer realm="api")", basic_sent,
     mode::strict, "retry.other_scheme bearer.token_missing"},
    {"Basic sent, Basic still among the offers", "retry.other_scheme", false, 401,
     "Bearer realm=\"api\"\nBasic realm=\"api\"", basic_sent, mode::strict,
     "retry.rejected bearer.token_missing basic.credentials"},
    // Basic (RFC 7617)
    {"Basic", "basic.credentials", true, 401, R"(Basic realm="WallyWorld")", none, mode::strict, "basic.credentials"},
    {"no Basic offered", "basic.credentials", false, 401, R"(Digest realm="x", nonce="n")", none, mode::strict,
     "digest.credentials"},
    {"charset=UTF-8 in any case", "basic.charset", true, 401, R"(Basic realm="foo", charset="utf-8")", none,
     mode::strict, "basic.credentials basic.charset"},
    {"another charset", "basic.charset", false, 401, R"(Basic realm="foo", charset="ISO-8859-1")", none, mode::strict,
     "basic.credentials"},
    {"charset on Digest", "basic.charset", false, 401, R"(Digest realm="x", nonce="n", charset=UTF-8)", none,
     mode::strict, "digest.credentials"},
    // Digest (RFC 7616)
    {"Digest", "digest.credentials", true, 401, R"(Digest realm="x", nonce="n", qop="auth")", none, mode::strict,
     "digest.credentials"},
    {"Digest with stale=true asks for no credentials", "digest.credentials", false, 401,
     R"(Digest realm="x", nonce="n", stale=true)", unknown, mode::strict, "digest.stale"},
    {"stale=true", "digest.stale", true, 401, R"(Digest realm="x", nonce="n", stale="True")", unknown, mode::strict,
     "digest.stale"},
    {"stale=false", "digest.stale", false, 401, R"(Digest realm="x", nonce="n", stale=false)", unknown, mode::strict,
     "digest.credentials"},
    {"algorithm=md5 (weak)", "digest.algorithm", true, 401, R"(Digest realm="x", nonce="n", algorithm=md5)", none,
     mode::strict, "digest.credentials digest.algorithm"},
    {"algorithm=MD5 beside SHA-256 for the realm", "digest.algorithm", true, 401,
     "Digest realm=\"x\", nonce=\"n\", algorithm=SHA-256\nDigest realm=\"x\", nonce=\"n\", algorithm=MD5", none,
     mode::strict, "digest.credentials digest.algorithm digest.credentials digest.algorithm"},
    {"algorithm=MD5 beside SHA-256 for another realm", "digest.algorithm", true, 401,
     "Digest realm=\"y\", nonce=\"n\", algorithm=SHA-256\nDigest realm=\"x\", nonce=\"n\", algorithm=MD5", none,
     mode::strict, "digest.credentials digest.algorithm digest.credentials digest.algorithm"},
    {"algorithm=SHA-256", "digest.algorithm", true, 401, R"(Digest realm="x", nonce="n", algorithm=SHA-256)", none,
     mode::strict, "digest.credentials digest.algorithm"},
    {"algorithm unregistered", "digest.algorithm", true, 401, R"(Digest realm="x", nonce="n", algorithm="SHA3-256")",
     none, mode::strict, "digest.credentials digest.algorithm"},
    {"no algorithm parameter", "digest.algorithm", false, 401, R"(Digest realm="x", nonce="n")", none, mode::strict,
     "digest.credentials"},
    {"userhash=true", "digest.userhash", true, 401,
     R"(Digest realm="api@example.org", nonce="n", algorithm=SHA-512-256, userhash=true)", none, mode::strict,
     "digest.credentials digest.algorithm digest.userhash"},
    {"userhash=false", "digest.userhash", false, 401, R"(Digest realm="x", nonce="n", userhash=false)", none,
     mode::strict, "digest.credentials"},
    // Bearer (RFC 6750, RFC 9728, RFC 9470)
    {"Bearer without error", "bearer.token_missing", true, 401, R"(Bearer realm="example")", none, mode::strict,
     "bearer.token_missing"},
    {"a container registry's token endpoint", "bearer.token_missing", true, 401,
     R"(Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/ubuntu:pull")",
     none, mode::strict, "bearer.token_missing"},
    {"Bearer with an error", "bearer.token_missing", false, 401, R"(Bearer realm="example", error="invalid_token")",
     unknown, mode::strict, "bearer.invalid_token"},
    {"invalid_request", "bearer.invalid_request", true, 401, R"(Bearer error="invalid_request")", unknown, mode::strict,
     "bearer.invalid_request"},
    {"error=invalid_request on Basic", "bearer.invalid_request", false, 401,
     R"(Basic realm="x", error="invalid_request")", unknown, mode::strict, "basic.credentials"},
    {"invalid_token", "bearer.invalid_token", true, 401,
     R"(Bearer realm="example", error="invalid_token", error_description="The access token expired")", unknown,
     mode::strict, "bearer.invalid_token"},
    {"an error code in other case is not RFC 6750's", "bearer.invalid_token", false, 401,
     R"(Bearer error="Invalid_Token")", unknown, mode::strict, ""},
    {"insufficient_scope", "bearer.insufficient_scope", true, 403,
     R"(Bearer realm="example", error="insufficient_scope", scope="repo:write")", unknown, mode::strict,
     "bearer.insufficient_scope"},
    {"scope without an error", "bearer.insufficient_scope", false, 401, R"(Bearer realm="example", scope="repo:write")",
     none, mode::strict, "bearer.token_missing"},
    {"acr_values with another error", "bearer.insufficient_user_authentication", false, 401,
     R"(Bearer error="invalid_token", acr_values="myACR")", unknown, mode::strict, "bearer.invalid_token"},
    {"insufficient_user_authentication", "bearer.insufficient_user_authentication", true, 401,
     R"(Bearer error="insufficient_user_authentication", error_description="A different authentication level is required", acr_values="myACR")",
     unknown, mode::strict, "bearer.insufficient_user_authentication"},
    {"resource_metadata", "bearer.resource_metadata", true, 401,
     R"(Bearer resource_metadata="https://resource.example.com/.well-known/oauth-protected-resource")", none,
     mode::strict, "bearer.token_missing bearer.resource_metadata"},
    {"resource_metadata on an unknown scheme", "bearer.resource_metadata", false, 401,
     R"(Newauth resource_metadata="https://r.example/meta")", none, mode::strict, "scheme.unknown"},
    // DPoP (RFC 9449)
    {"use_dpop_nonce", "dpop.use_nonce", true, 401,
     R"(DPoP error="use_dpop_nonce", error_description="Resource server requires nonce in DPoP proof")", unknown,
     mode::strict, "dpop.use_nonce"},
    {"use_dpop_nonce on Bearer", "dpop.use_nonce", false, 401, R"(Bearer error="use_dpop_nonce")", unknown,
     mode::strict, ""},
    {"invalid_dpop_proof", "dpop.invalid_proof", true, 401, R"(DPoP error="invalid_dpop_proof", algs="ES256")", unknown,
     mode::strict, "dpop.invalid_proof"},
    {"DPoP without error", "dpop.invalid_proof", false, 401, R"(DPoP algs="ES256 PS256")", none, mode::strict,
     "dpop.credentials"},
    // Negotiate, NTLM, Kerberos
    {"Negotiate", "negotiate.kerberos", true, 401, "Negotiate\nNTLM", none, mode::strict,
     "negotiate.kerberos ntlm.windows"},
    {"NTLM alone", "negotiate.kerberos", false, 401, "NTLM", none, mode::strict, "ntlm.windows"},
    {"Kerberos", "kerberos.credentials", true, 401, "Kerberos", none, mode::strict, "kerberos.credentials"},
    // every other registered scheme has its <scheme>.credentials hint
    {"the other registered schemes", "hoba.credentials", true, 401,
     "Concealed\nGNAP as_uri=\"https://as.example/tx\"\nHOBA challenge=\"abc\", max-age=10\n"
     "Mutual version=1, algorithm=iso-kam3-dl-2048-sha256, validation=host, realm=\"r\", reason=initial\n"
     "OAuth realm=\"http://sp.example.com/\"\nPrivateToken challenge=\"abc\", token-key=\"def\"\n"
     "SCRAM-SHA-1 realm=\"r\"\nSCRAM-SHA-256 realm=\"r\"\nvapid",
     none, mode::strict,
     "concealed.credentials gnap.credentials hoba.credentials mutual.credentials oauth.credentials "
     "privatetoken.credentials scram-sha-1.credentials scram-sha-256.credentials vapid.credentials"},
    {"near names are not registered ones", "hoba.credentials", false, 401, "HOBA2\nSCRAM-SHA-512\nvapid2", none,
     mode::strict, "scheme.unknown scheme.unknown scheme.unknown"},
    {"DPoP naming its own error", "dpop.credentials", false, 401, R"(DPoP error="use_dpop_nonce")", unknown,
     mode::strict, "dpop.use_nonce"},
    {"Negotiate is not Kerberos", "kerberos.credentials", false, 401, "Negotiate", none, mode::strict,
     "negotiate.kerberos"},
    {"DPoP with resource_metadata", "dpop.credentials", true, 401,
     R"(DPoP algs="ES256", resource_metadata="https://r.example/meta")", none, mode::strict, "dpop.credentials"},
    {"the typical IIS answer", "ntlm.windows", true, 401, "Negotiate, NTLM", none, mode::strict,
     "negotiate.kerberos ntlm.windows"},
    {"IIS with Basic", "ntlm.windows", false, 401, R"(Negotiate, Basic realm="iis")", none, mode::strict,
     "negotiate.kerberos basic.credentials"},
};

// A response's field lines, split at '\n' into a fixed array (no allocation).
struct field_lines {
  std::array<std::string_view, 12> lines{};
  std::size_t count = 0;
};
constexpr field_lines split_lines(std::string_view fields) noexcept {
  field_lines out;
  if (fields.empty()) return out;
  for (std::size_t start = 0;;) {
    const std::size_t nl = fields.find('\n', start);
    out.lines[out.count++] = fields.substr(start, nl == std::string_view::npos ? nl : nl - start);
    if (nl == std::string_view::npos || out.count == out.lines.size()) return out;
    start = nl + 1;
  }
}

constexpr wwwauth::request_info request_of(const diagnose_case& c) noexcept {
  if (c.sent == request_unknown) return {};
  if (c.sent == request_without_credentials) return wwwauth::request_info::no_credentials();
  return wwwauth::request_info::from(wwwauth::parse_credentials(c.sent, wwwauth::mode::lenient));
}

// Parses, diagnoses and selects on every row, reading every hint; returns a checksum so
// that nothing is optimised away. For the allocation counter: this must not allocate.
inline std::size_t exercise_diagnose_corpus() {
  std::size_t sum = 0;
  std::array<char, 256> buf{};
  for (const diagnose_case& c : diagnose_cases) {
    const field_lines f = split_lines(c.fields);
    const wwwauth::challenge_list list = wwwauth::parse_challenges(f.lines.data(), f.count, c.mode);
    const auto hints = wwwauth::diagnose(c.status, list, request_of(c));
    sum += hints.size() + hints.dropped();
    for (const wwwauth::hint& h : hints) {
      sum += h.code().size() + h.text().size() + static_cast<std::size_t>(h.level()) +
             static_cast<std::size_t>(h.who()) + h.error().offset + h.challenge_index();
      for (const wwwauth::auth_param& p : h.params()) sum += p.value().decode_into(buf.data(), buf.size());
    }
    const auto small = wwwauth::diagnose<2>(c.status, list, request_of(c));
    sum += small.dropped();
    const wwwauth::selection s = wwwauth::select_best(list, wwwauth::client_abilities::everything());
    sum += s.index + s.strength.rank + s.why().size();
  }
  return sum;
}

}  // namespace wwwauth_test
