// The catalogue of diagnosis hints: one stable code per situation (hint_id, hint_codes), its
// severity, who must act, the generic fixes that apply, and its static text (hints::). The
// logic that picks them for a response is diagnose.hpp; README.md's "Diagnosis hints" table
// documents every code and tests/docs_test.cpp keeps it equal to hint_codes.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "detail/ascii.hpp"
#include "registry.hpp"

namespace wwwauth {

// One enumerator per stable code (code() gives its text form, e.g. "basic.credentials").
enum class hint_id : std::uint8_t {
  challenge_missing,
  syntax_error,
  scheme_unknown,
  proxy_required,
  retry_rejected,
  retry_stale,
  retry_other_realm,
  retry_other_scheme,
  basic_credentials,
  basic_charset,
  digest_credentials,
  digest_stale,
  digest_algorithm,
  digest_userhash,
  bearer_token_missing,
  bearer_invalid_request,
  bearer_invalid_token,
  bearer_insufficient_scope,
  bearer_resource_metadata,
  bearer_insufficient_user_authentication,
  dpop_use_nonce,
  dpop_invalid_proof,
  dpop_credentials,
  negotiate_kerberos,
  ntlm_windows,
  kerberos_credentials,
  concealed_credentials,
  gnap_credentials,
  hoba_credentials,
  mutual_credentials,
  oauth_credentials,
  privatetoken_credentials,
  scram_sha_1_credentials,
  scram_sha_256_credentials,
  vapid_credentials,
  redirect_credentials_dropped,
  cookie_expired_session,
  cms_wordpress,
  dns_host_is_address,
  transport_basic_over_http,
};
inline constexpr std::size_t hint_id_count = static_cast<std::size_t>(hint_id::transport_basic_over_http) + 1;

// The stable codes, in hint_id order.
inline constexpr std::array<std::string_view, hint_id_count> hint_codes{{
    "challenge.missing",
    "syntax.error",
    "scheme.unknown",
    "proxy.required",
    "retry.rejected",
    "retry.stale",
    "retry.other_realm",
    "retry.other_scheme",
    "basic.credentials",
    "basic.charset",
    "digest.credentials",
    "digest.stale",
    "digest.algorithm",
    "digest.userhash",
    "bearer.token_missing",
    "bearer.invalid_request",
    "bearer.invalid_token",
    "bearer.insufficient_scope",
    "bearer.resource_metadata",
    "bearer.insufficient_user_authentication",
    "dpop.use_nonce",
    "dpop.invalid_proof",
    "dpop.credentials",
    "negotiate.kerberos",
    "ntlm.windows",
    "kerberos.credentials",
    "concealed.credentials",
    "gnap.credentials",
    "hoba.credentials",
    "mutual.credentials",
    "oauth.credentials",
    "privatetoken.credentials",
    "scram-sha-1.credentials",
    "scram-sha-256.credentials",
    "vapid.credentials",
    "redirect.credentials_dropped",
    "cookie.expired_session",
    "cms.wordpress",
    "dns.host_is_address",
    "transport.basic_over_http",
}};

constexpr std::string_view code(hint_id id) noexcept { return hint_codes[static_cast<std::size_t>(id)]; }

enum class severity : std::uint8_t { info, warning, error };
// Who must act on a hint.
enum class actor : std::uint8_t { user, client, server };

constexpr std::string_view name(severity s) noexcept {
  switch (s) {
    case severity::info: return "info";
    case severity::warning: return "warning";
    case severity::error: return "error";
  }
  return "unknown";
}
constexpr std::string_view name(actor a) noexcept {
  switch (a) {
    case actor::user: return "user";
    case actor::client: return "client";
    case actor::server: return "server";
  }
  return "unknown";
}

// The fixes everybody tries first; a hint lists those that apply to its situation.
enum class generic_fix : std::uint8_t {
  check_url = 1U << 0U,
  clear_credentials = 1U << 1U,
  clear_cookies = 1U << 2U,
  flush_dns = 1U << 3U,
  disable_security_plugins = 1U << 4U,
  read_header = 1U << 5U,
};
inline constexpr std::array<generic_fix, 6> generic_fixes{
    {generic_fix::check_url, generic_fix::clear_credentials, generic_fix::clear_cookies, generic_fix::flush_dns,
     generic_fix::disable_security_plugins, generic_fix::read_header}};

constexpr std::string_view name(generic_fix f) noexcept {
  switch (f) {
    case generic_fix::check_url: return "check the URL";
    case generic_fix::clear_credentials: return "clear cached credentials";
    case generic_fix::clear_cookies: return "clear cookies (the session cookie)";
    case generic_fix::flush_dns: return "flush the DNS cache";
    case generic_fix::disable_security_plugins: return "disable recently enabled security plugins";
    case generic_fix::read_header: return "read the WWW-Authenticate header";
  }
  return "unknown";
}

// One situation's static description. Some codes have several (the variants below, such as
// basic.credentials after rejected credentials); all of one code share its hint_id.
struct hint_spec {
  hint_id id;
  severity level;
  actor who;
  std::uint8_t fixes;  // generic_fix bits
  std::string_view text;
};

namespace detail {
template <class... Fix>
constexpr std::uint8_t fix_bits(Fix... fixes) noexcept {
  return static_cast<std::uint8_t>((0U | ... | static_cast<unsigned>(fixes)));
}
}  // namespace detail

// Every situation, with its text. Rows named *_rejected, *_weak etc. are variants.
namespace hints {
using detail::fix_bits;
using F = generic_fix;
using S = severity;
using A = actor;

// RFC 9110 section 15.5.2: a 401 MUST carry WWW-Authenticate (15.5.8: a 407, Proxy-Authenticate).
inline constexpr hint_spec challenge_missing{
    hint_id::challenge_missing, S::error, A::user,
    fix_bits(F::check_url, F::clear_cookies, F::disable_security_plugins),
    "The response demands authentication but offers no challenge, which HTTP requires: it came "
    "from an application login, a proxy or firewall, or a CMS security plugin rather than HTTP "
    "authentication. Check the URL, log in again on the site (the session cookie may have "
    "expired), and look at recently enabled security plugins."};
inline constexpr hint_spec syntax_error{
    hint_id::syntax_error, S::error, A::server, fix_bits(F::read_header),
    "A challenge field does not parse at the position given; only the challenges before it "
    "are known (lenient parsing recovers what servers commonly get wrong). The server's "
    "header should be fixed."};
// Lenient parsing read on past the error and still has challenges: they are diagnosed as usual.
inline constexpr hint_spec syntax_error_recovered{
    hint_id::syntax_error, S::warning, A::server, fix_bits(F::read_header),
    "A challenge field does not parse at the position given; lenient parsing skipped to the "
    "next parameter or challenge, as browsers do, and the challenges read are diagnosed. The "
    "server's header should be fixed."};
inline constexpr hint_spec scheme_unknown{
    hint_id::scheme_unknown, S::warning, A::client, fix_bits(F::read_header),
    "This scheme is not in the HTTP Authentication Scheme Registry: only a client built for "
    "this server (see its documentation) can answer it."};
inline constexpr hint_spec proxy_required{
    hint_id::proxy_required, S::info, A::user, 0,
    "407: the proxy between you and the server, not the server itself, wants credentials. Give "
    "the proxy's user name and password to the client (for curl: --proxy-user), or ask the "
    "network's administrator."};
// RFC 7616 section 3.3: "If stale is false, or anything other than true, or the stale directive
// is not present, the username and/or password are invalid, and new values MUST be obtained."
// A new nonce alone says nothing (Apache and lighttpd send one with every 401). One text per
// kind of credential the scheme uses (registry.hpp's credential_kind); rejected_spec() picks it.
inline constexpr hint_spec retry_rejected{
    hint_id::retry_rejected, S::error, A::user, fix_bits(F::clear_credentials),
    "Credentials were sent and the same scheme (for Digest, the same realm) is asked for again "
    "with nothing saying stale: they were rejected. The user name or password is wrong, or "
    "cached credentials are outdated: ask the user, do not resend them."};
inline constexpr hint_spec retry_rejected_token{
    hint_id::retry_rejected, S::error, A::client, fix_bits(F::clear_credentials),
    "A token was sent and the same scheme is asked for again: it was rejected. It is wrong, "
    "expired, revoked or meant for another audience: obtain a new token, do not resend it."};
inline constexpr hint_spec retry_rejected_ticket{
    hint_id::retry_rejected, S::error, A::user, fix_bits(F::clear_credentials),
    "A Kerberos ticket was sent and the same scheme is asked for again: it was rejected. It "
    "expired or names another service principal than HTTP/<host>: obtain a new ticket."};
inline constexpr hint_spec retry_rejected_key{
    hint_id::retry_rejected, S::error, A::client, fix_bits(F::clear_credentials),
    "A signature with a key (or signing secret) was sent and the same scheme is asked for "
    "again: it was rejected. The server does not know this key, or the signature does not "
    "cover what it checks: use a key the server has registered."};
inline constexpr hint_spec retry_stale{
    hint_id::retry_stale, S::info, A::client, 0,
    "Credentials were sent and the server says stale=true for the same realm: the nonce "
    "expired, the credentials were right. Retry once with the new nonce and the same "
    "credentials, without asking the user (RFC 7616 section 3.3)."};
inline constexpr hint_spec retry_other_realm{
    hint_id::retry_other_realm, S::warning, A::client, 0,
    "Credentials were sent for another realm than the one asked for now: use the credentials "
    "of the realm given."};
inline constexpr hint_spec retry_other_scheme{
    hint_id::retry_other_scheme, S::warning, A::client, 0,
    "Credentials were sent with a scheme that is no longer offered: answer one of the "
    "challenges offered instead."};
inline constexpr hint_spec basic_credentials{
    hint_id::basic_credentials, S::info, A::user, 0,
    "Basic: send a user name and password for the realm given (only over HTTPS: they travel "
    "base64-encoded, not encrypted)."};
inline constexpr hint_spec basic_credentials_rejected{
    hint_id::basic_credentials, S::error, A::user, 0,
    "Basic: ask the user for this realm's user name and password again instead of resending "
    "the cached ones (only over HTTPS: they travel base64-encoded, not encrypted)."};
// RFC 7617 section 2.1: the only value allowed is "UTF-8" (case-insensitive).
inline constexpr hint_spec basic_charset{
    hint_id::basic_charset, S::info, A::client, 0,
    "Basic: the server declares charset=\"UTF-8\": encode the user name and password as UTF-8 "
    "before base64 (RFC 7617 section 2.1)."};
inline constexpr hint_spec digest_credentials{
    hint_id::digest_credentials, S::info, A::user, 0,
    "Digest: send a user name and password for the realm given; the client answers with a "
    "hash over them and the server's nonce."};
inline constexpr hint_spec digest_credentials_rejected{
    hint_id::digest_credentials, S::error, A::user, 0,
    "Digest: ask the user for this realm's user name and password again instead of resending "
    "the cached ones; a new nonce does not make them right."};
// RFC 7616 section 3.3: stale=true means the credentials were right and only the nonce expired.
inline constexpr hint_spec digest_stale{
    hint_id::digest_stale, S::info, A::client, 0,
    "Digest: stale=true: the nonce expired but the credentials were right. Retry with the new "
    "nonce and the same credentials; do not ask the user again."};
inline constexpr hint_spec digest_algorithm{
    hint_id::digest_algorithm, S::info, A::client, 0,
    "Digest: the algorithm named is a SHA-2 one; older clients (MD5 only) cannot answer it."};
inline constexpr hint_spec digest_algorithm_weak{
    hint_id::digest_algorithm, S::warning, A::server, 0,
    "Digest: the algorithm named is MD5, which is weak; the server should offer SHA-256 too "
    "(RFC 7616 section 3.7)."};
inline constexpr hint_spec digest_algorithm_weak_sha2_offered{
    hint_id::digest_algorithm, S::warning, A::client, 0,
    "Digest: the algorithm named is MD5, which is weak; this response offers SHA-256 or "
    "SHA-512-256 for the same realm too: answer that challenge instead (RFC 7616 section 3.7)."};
inline constexpr hint_spec digest_algorithm_unknown{
    hint_id::digest_algorithm, S::error, A::client, 0,
    "Digest: the algorithm named is not registered (MD5, SHA-256, SHA-512-256, with or without "
    "-sess): no standard client can answer this challenge."};
// RFC 7616 section 3.4.4.
inline constexpr hint_spec digest_userhash{
    hint_id::digest_userhash, S::info, A::client, 0,
    "Digest: userhash=true: the server accepts a hashed user name; send username=H(user \":\" "
    "realm) with userhash=true to keep the user name private."};
// RFC 6750 section 3.1: with no error, the request carried no token.
inline constexpr hint_spec bearer_token_missing{
    hint_id::bearer_token_missing, S::info, A::client, 0,
    "Bearer: the request carried no access token. Obtain one from the authorization server "
    "this API uses and send it as \"Authorization: Bearer <token>\"."};
inline constexpr hint_spec bearer_token_missing_registry{
    hint_id::bearer_token_missing, S::info, A::client, 0,
    "Bearer: the request carried no access token. Fetch one from the realm URL with the "
    "service and scope given as query parameters (as container registries expect, with your "
    "registry login or anonymously), then retry with \"Authorization: Bearer <token>\"."};
inline constexpr hint_spec bearer_invalid_request{
    hint_id::bearer_invalid_request, S::error, A::client, 0,
    "Bearer: error=\"invalid_request\": the request is malformed (a parameter missing or "
    "repeated, or the token sent more than one way); fix the client."};
inline constexpr hint_spec bearer_invalid_token{
    hint_id::bearer_invalid_token, S::error, A::client, fix_bits(F::clear_credentials),
    "Bearer: error=\"invalid_token\": the token is expired, revoked, malformed or meant for "
    "another audience. Refresh it, or authenticate again to get a new one."};
inline constexpr hint_spec bearer_insufficient_scope{
    hint_id::bearer_insufficient_scope, S::error, A::client, 0,
    "Bearer: error=\"insufficient_scope\": the token lacks a permission; request a token with "
    "the scope given."};
// RFC 9728 section 5.1.
inline constexpr hint_spec bearer_resource_metadata{
    hint_id::bearer_resource_metadata, S::info, A::client, 0,
    "Bearer: fetch the resource_metadata URL (RFC 9728): it names the authorization servers "
    "that issue tokens for this resource and the scopes it accepts."};
// RFC 9470 section 3.
inline constexpr hint_spec bearer_insufficient_user_authentication{
    hint_id::bearer_insufficient_user_authentication, S::error, A::user, 0,
    "Bearer: error=\"insufficient_user_authentication\": the user must sign in again, more "
    "strongly or more recently, honouring acr_values and max_age in the new authorization request."};
// RFC 9449 section 9.
inline constexpr hint_spec dpop_use_nonce{
    hint_id::dpop_use_nonce, S::info, A::client, 0,
    "DPoP: error=\"use_dpop_nonce\": retry with a new DPoP proof that carries the value of the "
    "response's DPoP-Nonce header as its nonce claim."};
// RFC 9449 sections 4.3 and 7.1.
inline constexpr hint_spec dpop_invalid_proof{
    hint_id::dpop_invalid_proof, S::error, A::client, 0,
    "DPoP: error=\"invalid_dpop_proof\": the DPoP proof was rejected (wrong htm/htu, iat out of "
    "range, a reused jti, or an algorithm not in algs); create a fresh proof for this request."};
inline constexpr hint_spec dpop_credentials{
    hint_id::dpop_credentials, S::info, A::client, 0,
    "DPoP: an OAuth 2.0 access token bound to the client's key, sent with a DPoP proof (a JWT "
    "signed by that key) in the DPoP header field; algs lists the signature algorithms accepted"};
// RFC 4559 section 4; the client asks for a ticket for HTTP/<host>, so the name must be right.
inline constexpr hint_spec negotiate_kerberos{
    hint_id::negotiate_kerberos, S::info, A::user, fix_bits(F::flush_dns),
    "Negotiate: obtain a Kerberos ticket (log on to the domain, or kinit). The host name must "
    "resolve to the service's principal (HTTP/<host>): use the canonical name, not an IP "
    "address, and flush the DNS cache if the server moved."};
inline constexpr hint_spec ntlm_windows{
    hint_id::ntlm_windows, S::info, A::client, 0,
    "NTLM: a Windows account answers it in a handshake bound to one connection: keep the "
    "connection alive through the exchange, with no proxy in between that reconnects."};
inline constexpr hint_spec kerberos_credentials{
    hint_id::kerberos_credentials, S::info, A::user, fix_bits(F::flush_dns),
    "Kerberos: a Kerberos service ticket, obtained from the domain's KDC by the operating "
    "system logon or kinit; the host name must resolve to the service's principal"};
inline constexpr hint_spec concealed_credentials{
    hint_id::concealed_credentials, S::info, A::client, 0,
    "Concealed: a key ID and private key registered with the server in advance, used to sign "
    "keying material exported from this TLS connection"};
inline constexpr hint_spec gnap_credentials{
    hint_id::gnap_credentials, S::info, A::client, 0,
    "GNAP: an access token from the grant server named by as_uri; start a grant request there "
    "(passing referrer if given)"};
inline constexpr hint_spec hoba_credentials{
    hint_id::hoba_credentials, S::info, A::client, 0,
    "HOBA: a key pair the client generated and registered with this origin; the client signs "
    "the server's challenge with it"};
inline constexpr hint_spec mutual_credentials{
    hint_id::mutual_credentials, S::info, A::user, 0,
    "Mutual: a user name and password for this realm, used in a key exchange that also "
    "authenticates the server"};
inline constexpr hint_spec oauth_credentials{
    hint_id::oauth_credentials, S::info, A::client, 0,
    "OAuth: OAuth 1.0 client credentials and a token with their secrets, from the service's "
    "OAuth 1.0 authorization flow; each request is signed with them"};
inline constexpr hint_spec privatetoken_credentials{
    hint_id::privatetoken_credentials, S::info, A::client, 0,
    "PrivateToken: a Privacy Pass token for this challenge, fetched from the issuer whose key "
    "is token-key, through an attester"};
inline constexpr hint_spec scram_sha_1_credentials{
    hint_id::scram_sha_1_credentials, S::info, A::user, 0,
    "SCRAM-SHA-1: a user name and password for this realm, proved with a salted "
    "challenge-response exchange (several round trips)"};
inline constexpr hint_spec scram_sha_256_credentials{
    hint_id::scram_sha_256_credentials, S::info, A::user, 0,
    "SCRAM-SHA-256: a user name and password for this realm, proved with a salted "
    "challenge-response exchange (several round trips)"};
inline constexpr hint_spec vapid_credentials{
    hint_id::vapid_credentials, S::info, A::client, 0,
    "vapid: the application server's P-256 key pair, whose public key the push subscription "
    "was created with; send a signed JWT (t) and the public key (k)"};

// Evidence from the exchanges (evidence.hpp): each attaches a generic fix only where the
// request, the response head or its body shows the reason.
// curl drops credentials when a redirect changes the host (CVE-2018-1000007; since 7.83 also
// the scheme or port), browsers when the origin changes (RFC 6454).
inline constexpr hint_spec redirect_credentials_dropped{
    hint_id::redirect_credentials_dropped, S::error, A::user, fix_bits(F::check_url),
    "Credentials were sent, then a redirect led to another host (or scheme or port) and the "
    "request there carried none: clients drop them when a redirect leaves the origin they were "
    "given for. Check the URL: request the final URL directly, or let the client resend "
    "credentials to that host only if you trust it (curl: --location-trusted)."};
// RFC 6265 section 5.3: a Set-Cookie whose expiry is in the past removes the cookie.
inline constexpr hint_spec cookie_expired_session{
    hint_id::cookie_expired_session, S::error, A::user, fix_bits(F::clear_cookies),
    "The request sent a cookie that this response deletes (Max-Age=0 or an Expires in the "
    "past): the session it carried has ended or was refused. Clear the site's cookies or sign "
    "in again."};
inline constexpr hint_spec cms_wordpress{
    hint_id::cms_wordpress, S::warning, A::server, fix_bits(F::disable_security_plugins),
    "The response comes from WordPress (its REST API or a plugin refused the request). REST "
    "requests need an application password, or the login cookie with a nonce; if the refusal "
    "is unexpected, deactivate plugins one at a time (or rename wp-content/plugins) to find the "
    "one that sends it."};
inline constexpr hint_spec cms_wordpress_wordfence{
    hint_id::cms_wordpress, S::warning, A::server, fix_bits(F::disable_security_plugins),
    "The response is a block page of Wordfence, a WordPress security plugin: its firewall, rate "
    "limit or login lockout refused the request. Unblock the address in Wordfence's settings, or "
    "deactivate the plugin (rename wp-content/plugins/wordfence)."};
inline constexpr hint_spec cms_wordpress_solid_security{
    hint_id::cms_wordpress, S::warning, A::server, fix_bits(F::disable_security_plugins),
    "The response comes from Solid Security (formerly iThemes Security), a WordPress security "
    "plugin: a lockout or ban refused the request. Release the lockout in its settings, or "
    "deactivate the plugin (rename wp-content/plugins/better-wp-security)."};
inline constexpr hint_spec cms_wordpress_aios{
    hint_id::cms_wordpress, S::warning, A::server, fix_bits(F::disable_security_plugins),
    "The response comes from All In One WP Security, a WordPress security plugin: its login "
    "lockout or firewall refused the request. Unlock the address in its settings, or deactivate "
    "the plugin (rename wp-content/plugins/all-in-one-wp-security-and-firewall)."};
inline constexpr hint_spec cms_wordpress_limit_login_attempts{
    hint_id::cms_wordpress, S::warning, A::server, fix_bits(F::disable_security_plugins),
    "The response comes from Limit Login Attempts, a WordPress plugin: too many failed logins "
    "locked the address out. Wait for the lockout to end, release it in the plugin's settings, "
    "or deactivate the plugin."};
// RFC 4559 section 4 and RFC 4120: the client asks its KDC for a ticket for HTTP/<host>, and
// an address names no service principal.
inline constexpr hint_spec dns_host_is_address{
    hint_id::dns_host_is_address, S::warning, A::user, fix_bits(F::flush_dns),
    "Negotiate or Kerberos is in use, but the request went to an IP address: Kerberos needs the "
    "service's host name (its principal is HTTP/<host>), so no ticket can be had for an address "
    "and the client fails or falls back to NTLM. Use the host name; flush the DNS cache if the "
    "host moved."};
// RFC 7617 section 4: Basic sends the password base64-encoded, which is no protection.
inline constexpr hint_spec transport_basic_over_http{
    hint_id::transport_basic_over_http, S::warning, A::server, 0,
    "Basic over plain http: the user name and password cross the network readable by anyone on "
    "the path (base64 is no encryption). Serve this over https (and redirect http to it)."};
inline constexpr hint_spec transport_basic_over_http_loopback{
    hint_id::transport_basic_over_http, S::info, A::server, 0,
    "Basic over plain http to a loopback host: the password does not leave this machine, but "
    "it is readable to anything that watches local traffic; use https anywhere else."};

// Every row, for documentation and tests.
inline constexpr std::array<const hint_spec*, 55> all{{&challenge_missing,
                                                       &syntax_error,
                                                       &syntax_error_recovered,
                                                       &scheme_unknown,
                                                       &proxy_required,
                                                       &retry_rejected,
                                                       &retry_rejected_token,
                                                       &retry_rejected_ticket,
                                                       &retry_rejected_key,
                                                       &retry_stale,
                                                       &retry_other_realm,
                                                       &retry_other_scheme,
                                                       &basic_credentials,
                                                       &basic_credentials_rejected,
                                                       &basic_charset,
                                                       &digest_credentials,
                                                       &digest_credentials_rejected,
                                                       &digest_stale,
                                                       &digest_algorithm,
                                                       &digest_algorithm_weak,
                                                       &digest_algorithm_weak_sha2_offered,
                                                       &digest_algorithm_unknown,
                                                       &digest_userhash,
                                                       &bearer_token_missing,
                                                       &bearer_token_missing_registry,
                                                       &bearer_invalid_request,
                                                       &bearer_invalid_token,
                                                       &bearer_insufficient_scope,
                                                       &bearer_resource_metadata,
                                                       &bearer_insufficient_user_authentication,
                                                       &dpop_use_nonce,
                                                       &dpop_invalid_proof,
                                                       &dpop_credentials,
                                                       &negotiate_kerberos,
                                                       &ntlm_windows,
                                                       &kerberos_credentials,
                                                       &concealed_credentials,
                                                       &gnap_credentials,
                                                       &hoba_credentials,
                                                       &mutual_credentials,
                                                       &oauth_credentials,
                                                       &privatetoken_credentials,
                                                       &scram_sha_1_credentials,
                                                       &scram_sha_256_credentials,
                                                       &vapid_credentials,
                                                       &redirect_credentials_dropped,
                                                       &cookie_expired_session,
                                                       &cms_wordpress,
                                                       &cms_wordpress_wordfence,
                                                       &cms_wordpress_solid_security,
                                                       &cms_wordpress_aios,
                                                       &cms_wordpress_limit_login_attempts,
                                                       &dns_host_is_address,
                                                       &transport_basic_over_http,
                                                       &transport_basic_over_http_loopback}};

// The retry.rejected text for the kind of credential a scheme uses.
constexpr const hint_spec& rejected_spec(credential_kind k) noexcept {
  switch (k) {
    case credential_kind::password:
    case credential_kind::windows_account: return retry_rejected;
    case credential_kind::bearer_token:
    case credential_kind::bound_token:
    case credential_kind::issued_token: return retry_rejected_token;
    case credential_kind::kerberos_ticket: return retry_rejected_ticket;
    case credential_kind::key_pair:
    case credential_kind::signing_secrets: return retry_rejected_key;
  }
  return retry_rejected;
}

// Each scheme's own hint: the one a challenge of that scheme gets when it names no error and
// is not stale (Bearer's and DPoP's other codes depend on their error parameter).
constexpr const hint_spec& of_scheme(scheme_id s) noexcept {
  switch (s) {
    case scheme_id::basic: return basic_credentials;
    case scheme_id::bearer: return bearer_token_missing;
    case scheme_id::concealed: return concealed_credentials;
    case scheme_id::digest: return digest_credentials;
    case scheme_id::dpop: return dpop_credentials;
    case scheme_id::gnap: return gnap_credentials;
    case scheme_id::hoba: return hoba_credentials;
    case scheme_id::mutual: return mutual_credentials;
    case scheme_id::negotiate: return negotiate_kerberos;
    case scheme_id::oauth: return oauth_credentials;
    case scheme_id::privatetoken: return privatetoken_credentials;
    case scheme_id::scram_sha_1: return scram_sha_1_credentials;
    case scheme_id::scram_sha_256: return scram_sha_256_credentials;
    case scheme_id::vapid: return vapid_credentials;
    case scheme_id::ntlm: return ntlm_windows;
    case scheme_id::kerberos: return kerberos_credentials;
  }
  return scheme_unknown;
}
}  // namespace hints

namespace detail {
constexpr bool every_id_has_a_row() noexcept {
  for (const hint_spec* s : hints::all) {
    if (s == nullptr) return false;  // the array is longer than its initializer
  }
  for (std::size_t id = 0; id < hint_id_count; ++id) {
    bool found = false;
    for (const hint_spec* s : hints::all) found = found || static_cast<std::size_t>(s->id) == id;
    if (!found || hint_codes[id].empty()) return false;
    for (std::size_t other = 0; other < id; ++other) {
      if (hint_codes[other] == hint_codes[id]) return false;
    }
  }
  return true;
}
// "<scheme>.credentials" codes are the scheme's registered name in lower case.
constexpr bool credentials_code_matches(const scheme_info& s) noexcept {
  constexpr std::string_view suffix = ".credentials";
  const std::string_view own = code(hints::of_scheme(s.id).id);
  const bool is_credentials_code = own.size() > suffix.size() && own.substr(own.size() - suffix.size()) == suffix;
  if (!is_credentials_code) return true;
  if (own.size() != s.name.size() + suffix.size()) return false;
  for (std::size_t i = 0; i < s.name.size(); ++i) {
    if (own[i] != ascii_lower(s.name[i])) return false;
  }
  return true;
}
constexpr bool credentials_codes_match() noexcept {
  for (const scheme_info& s : schemes) {
    if (!credentials_code_matches(s)) return false;
  }
  return true;
}
}  // namespace detail
static_assert(detail::every_id_has_a_row(), "every hint_id needs a code of its own and a hints:: row");
static_assert(detail::credentials_codes_match(), "a <scheme>.credentials code must be the lower-cased name");

}  // namespace wwwauth
