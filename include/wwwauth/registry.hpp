// The HTTP authentication schemes a client meets: every scheme of the IANA "HTTP
// Authentication Scheme Registry" (RFC 9110 section 16.4) plus NTLM and Kerberos, which are
// widely deployed but unregistered. Per scheme: canonical name, defining document, the
// parameters it defines, the kind of credential it needs and a security rank. Everything is
// constexpr: lookups work in static_assert. What diagnose() says about each scheme is
// hint_catalog.hpp's; Digest's hash algorithms have a table of their own, digest_algorithm.hpp.
//
//     constexpr const wwwauth::scheme_info* s = wwwauth::find_scheme("digest");
//     static_assert(s->id == wwwauth::scheme_id::digest && s->rfc == 7616);
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "detail/ascii.hpp"
#include "detail/enum_table.hpp"
#include "lookup_result.hpp"

namespace wwwauth {

// One enumerator per row of `schemes`, in the same order (checked below).
enum class scheme_id : std::uint8_t {
  basic,
  bearer,
  concealed,
  digest,
  dpop,
  gnap,
  hoba,
  mutual,
  negotiate,
  oauth,
  privatetoken,
  scram_sha_1,
  scram_sha_256,
  vapid,
  ntlm,
  kerberos,
};
inline constexpr std::size_t scheme_count = static_cast<std::size_t>(scheme_id::kerberos) + 1;

// What the client must hold to answer the scheme.
enum class credential_kind : std::uint8_t {
  password,         // a user name and password (or a secret derived from them)
  bearer_token,     // an access token that works for whoever holds it
  bound_token,      // an access token bound to a key the client proves it holds
  key_pair,         // a private key whose public half the server knows
  kerberos_ticket,  // a Kerberos service ticket (from a KDC, through kinit or the OS logon)
  windows_account,  // a Windows account: user, domain, password (or the OS logon session)
  signing_secrets,  // OAuth 1.0 client and token secrets that sign each request
  issued_token,     // a single-use token from an issuer (Privacy Pass)
};

constexpr std::string_view name(credential_kind k) noexcept {
  switch (k) {
    case credential_kind::password: return "password";
    case credential_kind::bearer_token: return "bearer token";
    case credential_kind::bound_token: return "proof-of-possession token";
    case credential_kind::key_pair: return "key pair";
    case credential_kind::kerberos_ticket: return "Kerberos ticket";
    case credential_kind::windows_account: return "Windows account";
    case credential_kind::signing_secrets: return "OAuth 1.0 signing secrets";
    case credential_kind::issued_token: return "issued token";
  }
  return "unknown";
}

// Where a parameter is sent: in the server's challenge, in the client's credentials, or both.
enum class param_place : std::uint8_t { challenge, credentials, both };

struct param_spec {
  std::string_view name;
  param_place place;
  // The defining document says the sender MUST include it (conditional requirements, such
  // as Digest's cnonce "if qop is sent", are marked optional and explained where defined).
  bool required;
};

// A view of a scheme's parameter table.
class param_specs {
 public:
  constexpr param_specs() noexcept = default;
  template <std::size_t N>
  constexpr param_specs(const std::array<param_spec, N>& specs) noexcept  // NOLINT: implicit on purpose
      : data_(specs.data()), size_(N) {}
  constexpr const param_spec* begin() const noexcept { return data_; }
  constexpr const param_spec* end() const noexcept { return data_ + size_; }
  constexpr std::size_t size() const noexcept { return size_; }
  constexpr const param_spec& operator[](std::size_t i) const noexcept { return data_[i]; }
  // The spec of a parameter (names are case-insensitive, RFC 9110 section 11.2), or nullptr.
  constexpr const param_spec* find(std::string_view name) const noexcept {
    for (const param_spec& p : *this) {
      if (detail::iequals(p.name, name)) return &p;
    }
    return nullptr;
  }

 private:
  const param_spec* data_ = nullptr;
  std::size_t size_ = 0;
};

struct scheme_info {
  scheme_id id;
  std::string_view name;  // canonical spelling, as registered
  std::string_view spec;  // defining document, e.g. "RFC 7617" or "MS-NTHT" (Microsoft's)
  std::uint16_t rfc;      // its RFC number; 0 for the unregistered schemes
  bool registered;        // in the IANA registry
  credential_kind credential;
  // Higher is stronger; select_best() answers the highest. Digest's rank is that of its
  // SHA-2 algorithms; digest_algorithm.hpp lowers it for MD5. See rank_reason and README.md.
  std::uint8_t rank;
  param_specs params;
  std::string_view rank_reason;  // why the scheme sits where it does in the order
};

namespace detail::params {
using P = param_spec;
constexpr param_place ch = param_place::challenge;
constexpr param_place cr = param_place::credentials;
constexpr param_place both = param_place::both;

// RFC 7617 section 2: realm is REQUIRED; section 2.1: charset, whose only allowed value is
// "UTF-8". The credentials are a token68 (base64 of user-id ":" password).
inline constexpr std::array<P, 2> basic{{{"realm", ch, true}, {"charset", ch, false}}};
// RFC 6750 section 3 (all optional), RFC 9728 section 5.1 (resource_metadata), RFC 9470
// section 3 (acr_values, max_age with error="insufficient_user_authentication"). The
// credentials are a token68 (RFC 6750 section 2.1).
inline constexpr std::array<P, 8> bearer{{{"realm", ch, false},
                                          {"scope", ch, false},
                                          {"error", ch, false},
                                          {"error_description", ch, false},
                                          {"error_uri", ch, false},
                                          {"resource_metadata", ch, false},
                                          {"acr_values", ch, false},
                                          {"max_age", ch, false}}};
// RFC 9729 (credentials: key ID, public key, proof, signature scheme, verification).
// The scheme defines no challenge parameter of its own.
inline constexpr std::array<P, 5> concealed{
    {{"k", cr, true}, {"a", cr, true}, {"p", cr, true}, {"s", cr, true}, {"v", cr, true}}};
// RFC 7616 section 3.3 (challenge: realm and nonce are required; "qop ... MUST be used by all
// implementations", though RFC 2617 clients still meet servers without it) and section 3.4
// (credentials: cnonce and nc are required when qop is sent; username or username*, not both).
inline constexpr std::array<P, 15> digest{{{"realm", both, true},
                                           {"domain", ch, false},
                                           {"nonce", both, true},
                                           {"opaque", both, false},
                                           {"stale", ch, false},
                                           {"algorithm", both, false},
                                           {"qop", both, true},
                                           {"charset", ch, false},
                                           {"userhash", both, false},
                                           {"username", cr, false},
                                           {"username*", cr, false},
                                           {"uri", cr, true},
                                           {"response", cr, true},
                                           {"cnonce", cr, false},
                                           {"nc", cr, false}}};
// RFC 9449 section 7.1: the RFC 6750 parameters plus algs. The credentials are the access
// token as token68, with the proof in the DPoP header field.
inline constexpr std::array<P, 6> dpop{{{"realm", ch, false},
                                        {"scope", ch, false},
                                        {"error", ch, false},
                                        {"error_description", ch, false},
                                        {"error_uri", ch, false},
                                        {"algs", ch, false}}};
// RFC 9635 (a resource server tells where to ask for access: as_uri). The credentials
// are the access token as token68.
inline constexpr std::array<P, 2> gnap{{{"as_uri", ch, true}, {"referrer", ch, false}}};
// RFC 7486: challenge and max-age are required; the client answers with result.
inline constexpr std::array<P, 4> hoba{
    {{"challenge", ch, true}, {"max-age", ch, true}, {"realm", ch, false}, {"result", cr, true}}};
// RFC 8120: which parameters appear depends on the message of the exchange
// (401-INIT, 401-KEX-S1, req-KEX-C1, req-VFY-C), so none is required in every one.
inline constexpr std::array<P, 16> mutual{{{"version", both, false},
                                           {"algorithm", both, false},
                                           {"validation", both, false},
                                           {"auth-scope", both, false},
                                           {"realm", both, false},
                                           {"reason", ch, false},
                                           {"sid", both, false},
                                           {"ks1", ch, false},
                                           {"nc-max", ch, false},
                                           {"nc-window", ch, false},
                                           {"time", ch, false},
                                           {"path", ch, false},
                                           {"user", cr, false},
                                           {"kc1", cr, false},
                                           {"nc", cr, false},
                                           {"vkc", cr, false}}};
// RFC 5849 section 3.5.1 and 3.1: oauth_timestamp and oauth_nonce may be left out with the
// PLAINTEXT method, oauth_token when no token is involved; realm is optional everywhere.
inline constexpr std::array<P, 8> oauth{{{"realm", both, false},
                                         {"oauth_consumer_key", cr, true},
                                         {"oauth_token", cr, false},
                                         {"oauth_signature_method", cr, true},
                                         {"oauth_signature", cr, true},
                                         {"oauth_timestamp", cr, false},
                                         {"oauth_nonce", cr, false},
                                         {"oauth_version", cr, false}}};
// RFC 9577 section 2.1 (challenge, token-key required; max-age optional) and 2.2 (token).
inline constexpr std::array<P, 4> privatetoken{
    {{"challenge", ch, true}, {"token-key", ch, true}, {"max-age", ch, false}, {"token", cr, true}}};
// RFC 7804: realm opens the exchange, sid and data carry its messages, sr and
// ttime offer reauthentication; which appear depends on the step.
inline constexpr std::array<P, 5> scram{
    {{"realm", both, false}, {"sid", both, false}, {"data", both, false}, {"sr", ch, false}, {"ttime", ch, false}}};
// RFC 8292 section 3: t (the signed JWT) and k (the application server's public key).
inline constexpr std::array<P, 2> vapid{{{"t", cr, true}, {"k", cr, true}}};
// Negotiate (RFC 4559 section 4), NTLM (MS-NTHT) and Kerberos exchange a token68 only.
inline constexpr std::array<P, 0> none{};
}  // namespace detail::params

// Ranks, highest first, and the reasoning (README.md has the same table):
//   Concealed 90, HOBA 85: private-key signatures; nothing replayable crosses the wire
//     (Concealed also binds the proof to the TLS connection).
//   Kerberos 80, Negotiate 78: tickets, never the password; Negotiate may fall back to NTLM.
//   DPoP 75, vapid 72, GNAP 70: tokens tied to a key or signed by the client.
//   Mutual 65, SCRAM-SHA-256 60, SCRAM-SHA-1 55: password schemes with mutual authentication;
//     the server stores no password equivalent.
//   PrivateToken 50: a single-use token. Bearer 45: no password on the wire, scoped and
//     short-lived, but whoever holds the token can use it.
//   Digest 40 with SHA-256 or SHA-512-256 (30 with MD5), OAuth 35 (HMAC-SHA1 request
//     signatures), NTLM 20, Basic 10: curl's order among its schemes (Negotiate, Digest,
//     NTLM, Basic) is kept.
inline constexpr std::array<scheme_info, scheme_count> schemes{{
    {scheme_id::basic, "Basic", "RFC 7617", 7617, true, credential_kind::password, 10, detail::params::basic,
     "sends the password itself (base64 is no protection) with every request"},
    {scheme_id::bearer, "Bearer", "RFC 6750", 6750, true, credential_kind::bearer_token, 45, detail::params::bearer,
     "no password on the wire and a limited scope and lifetime, but a stolen "
     "token can be replayed"},
    {scheme_id::concealed, "Concealed", "RFC 9729", 9729, true, credential_kind::key_pair, 90,
     detail::params::concealed,
     "signature with a private key over TLS keying material: nothing "
     "replayable, even on another connection"},
    {scheme_id::digest, "Digest", "RFC 7616", 7616, true, credential_kind::password, 40, detail::params::digest,
     "the password never crosses the wire, but a captured exchange allows "
     "an offline guessing attack; MD5 ranks lower than SHA-256"},
    {scheme_id::dpop, "DPoP", "RFC 9449", 9449, true, credential_kind::bound_token, 75, detail::params::dpop,
     "an access token bound to a key: a stolen token is useless without the key"},
    {scheme_id::gnap, "GNAP", "RFC 9635", 9635, true, credential_kind::bound_token, 70, detail::params::gnap,
     "access tokens from a grant negotiation, bound to the client's key by default"},
    {scheme_id::hoba, "HOBA", "RFC 7486", 7486, true, credential_kind::key_pair, 85, detail::params::hoba,
     "signature with an origin-bound private key; no shared secret exists"},
    {scheme_id::mutual, "Mutual", "RFC 8120", 8120, true, credential_kind::password, 65, detail::params::mutual,
     "password-authenticated key exchange: both sides prove the password "
     "without revealing it, even to a fake server"},
    {scheme_id::negotiate, "Negotiate", "RFC 4559", 4559, true, credential_kind::kerberos_ticket, 78,
     detail::params::none, "Kerberos tickets through SPNEGO, which may fall back to NTLM"},
    {scheme_id::oauth, "OAuth", "RFC 5849", 5849, true, credential_kind::signing_secrets, 35, detail::params::oauth,
     "OAuth 1.0 signs each request (HMAC-SHA1 usually); the PLAINTEXT method "
     "sends the secrets"},
    {scheme_id::privatetoken, "PrivateToken", "RFC 9577", 9577, true, credential_kind::issued_token, 50,
     detail::params::privatetoken,
     "a single-use token that proves an attestation without "
     "identifying the client"},
    {scheme_id::scram_sha_1, "SCRAM-SHA-1", "RFC 7804", 7804, true, credential_kind::password, 55,
     detail::params::scram, "salted challenge-response with mutual authentication, on SHA-1"},
    {scheme_id::scram_sha_256, "SCRAM-SHA-256", "RFC 7804", 7804, true, credential_kind::password, 60,
     detail::params::scram, "salted challenge-response with mutual authentication, on SHA-256"},
    {scheme_id::vapid, "vapid", "RFC 8292", 8292, true, credential_kind::key_pair, 72, detail::params::vapid,
     "a JWT signed with the application server's key, valid up to 24 hours"},
    {scheme_id::ntlm, "NTLM", "MS-NTHT", 0, false, credential_kind::windows_account, 20, detail::params::none,
     "challenge-response on a password hash with weak cryptography; open to "
     "relay attacks"},
    {scheme_id::kerberos, "Kerberos", "no specification", 0, false, credential_kind::kerberos_ticket, 80,
     detail::params::none, "Kerberos tickets directly, without SPNEGO's fallback to NTLM"},
}};

constexpr const scheme_info& info(scheme_id id) noexcept { return schemes[static_cast<std::size_t>(id)]; }

// The scheme registered under this name (ASCII case-insensitive, RFC 9110 section 11.1).
// Unknown schemes are normal input, not errors.
constexpr lookup_result<scheme_id> lookup_scheme(std::string_view name) noexcept {
  for (const scheme_info& s : schemes) {
    if (detail::iequals(s.name, name)) return {true, s.id};
  }
  return {};
}
// The same as a pointer into the table; nullptr when unknown.
constexpr const scheme_info* find_scheme(std::string_view name) noexcept {
  const lookup_result<scheme_id> r = lookup_scheme(name);
  return r ? &info(r.id) : nullptr;
}

static_assert(detail::rows_in_enum_order(schemes), "wwwauth::schemes rows must follow scheme_id");

}  // namespace wwwauth
