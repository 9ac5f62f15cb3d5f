// Why a 401 or 407 happened and what to do about it: from the status, the parsed challenges
// (and their parse error) and, if known, what the request sent, a fixed-capacity list of
// hints. No allocation; every hint's text is static and its parameter views point into the
// caller's input.
//
//     const auto list = wwwauth::parse_challenges(fields, wwwauth::mode::lenient);
//     const auto sent = wwwauth::request_info::from(wwwauth::parse_credentials(authorization));
//     for (const wwwauth::hint& h : wwwauth::diagnose(401, list, sent))
//       print(h.code(), h.text(), h.params());
//
// Each code is emitted exactly in the situation README.md's "Diagnosis hints" table states
// (tests/support/diagnose_corpus.hpp has a row that triggers it and one that does not). The generic fixes people try first (check the URL,
// clear cached credentials or cookies, flush DNS, disable security plugins, read the header)
// are attached only to the hints where they apply, never beside a specific cause.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "challenge.hpp"
#include "credentials.hpp"
#include "detail/ascii.hpp"
#include "registry.hpp"
#include "select.hpp"
#include "unescape.hpp"

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
};
inline constexpr std::size_t hint_id_count = static_cast<std::size_t>(hint_id::vapid_credentials) + 1;

// The stable codes, in hint_id order. The per-scheme ones come from the registry, so the two
// tables cannot disagree.
inline constexpr std::array<std::string_view, hint_id_count> hint_codes{{
    "challenge.missing",
    "syntax.error",
    "scheme.unknown",
    "proxy.required",
    "retry.rejected",
    "retry.stale",
    "retry.other_realm",
    "retry.other_scheme",
    info(scheme_id::basic).hint_code,
    "basic.charset",
    info(scheme_id::digest).hint_code,
    "digest.stale",
    "digest.algorithm",
    "digest.userhash",
    info(scheme_id::bearer).hint_code,
    "bearer.invalid_request",
    "bearer.invalid_token",
    "bearer.insufficient_scope",
    "bearer.resource_metadata",
    "bearer.insufficient_user_authentication",
    "dpop.use_nonce",
    "dpop.invalid_proof",
    info(scheme_id::dpop).hint_code,
    info(scheme_id::negotiate).hint_code,
    info(scheme_id::ntlm).hint_code,
    info(scheme_id::kerberos).hint_code,
    info(scheme_id::concealed).hint_code,
    info(scheme_id::gnap).hint_code,
    info(scheme_id::hoba).hint_code,
    info(scheme_id::mutual).hint_code,
    info(scheme_id::oauth).hint_code,
    info(scheme_id::privatetoken).hint_code,
    info(scheme_id::scram_sha_1).hint_code,
    info(scheme_id::scram_sha_256).hint_code,
    info(scheme_id::vapid).hint_code,
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
    {generic_fix::check_url, generic_fix::clear_credentials, generic_fix::clear_cookies,
     generic_fix::flush_dns, generic_fix::disable_security_plugins, generic_fix::read_header}};

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
constexpr hint_spec scheme_spec(hint_id id, scheme_id s, severity level, actor who) noexcept {
  return {id, level, who, 0, info(s).hint_text};
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
inline constexpr hint_spec scheme_unknown{
    hint_id::scheme_unknown, S::warning, A::client, fix_bits(F::read_header),
    "This scheme is not in the HTTP Authentication Scheme Registry: only a client built for "
    "this server (see its documentation) can answer it."};
inline constexpr hint_spec proxy_required{
    hint_id::proxy_required, S::info, A::user, 0,
    "407: the proxy between you and the server, not the server itself, wants credentials. Give "
    "the proxy's user name and password to the client (for curl: --proxy-user), or ask the "
    "network's administrator."};
inline constexpr hint_spec retry_rejected{
    hint_id::retry_rejected, S::error, A::user, fix_bits(F::clear_credentials),
    "Credentials were sent and the same scheme (for Digest, the same realm) is asked for again "
    "with nothing saying stale: they were rejected. The user name or password is wrong, or "
    "cached credentials are outdated."};
inline constexpr hint_spec retry_stale{
    hint_id::retry_stale, S::info, A::client, 0,
    "Credentials were sent, but the server now gives a new nonce for the same realm (or says "
    "stale=true): retry once with the new nonce and the same credentials, without asking the user. "
    "Without stale=true this may still be a wrong password (RFC 7616 section 3.3; Apache and "
    "lighttpd send a new nonce with every 401): if that retry is refused too, ask the user."};
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
    "Basic: the user name and password sent for this realm were rejected: they are wrong, or "
    "cached ones are outdated."};
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
    "Digest: the credentials sent for this realm were rejected: the user name or password is "
    "wrong, or cached ones are outdated."};
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
inline constexpr hint_spec dpop_credentials =
    detail::scheme_spec(hint_id::dpop_credentials, scheme_id::dpop, S::info, A::client);
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
    hint_id::kerberos_credentials, S::info, A::user, fix_bits(F::flush_dns), info(scheme_id::kerberos).hint_text};
inline constexpr hint_spec concealed_credentials =
    detail::scheme_spec(hint_id::concealed_credentials, scheme_id::concealed, S::info, A::client);
inline constexpr hint_spec gnap_credentials =
    detail::scheme_spec(hint_id::gnap_credentials, scheme_id::gnap, S::info, A::client);
inline constexpr hint_spec hoba_credentials =
    detail::scheme_spec(hint_id::hoba_credentials, scheme_id::hoba, S::info, A::client);
inline constexpr hint_spec mutual_credentials =
    detail::scheme_spec(hint_id::mutual_credentials, scheme_id::mutual, S::info, A::user);
inline constexpr hint_spec oauth_credentials =
    detail::scheme_spec(hint_id::oauth_credentials, scheme_id::oauth, S::info, A::client);
inline constexpr hint_spec privatetoken_credentials =
    detail::scheme_spec(hint_id::privatetoken_credentials, scheme_id::privatetoken, S::info, A::client);
inline constexpr hint_spec scram_sha_1_credentials =
    detail::scheme_spec(hint_id::scram_sha_1_credentials, scheme_id::scram_sha_1, S::info, A::user);
inline constexpr hint_spec scram_sha_256_credentials =
    detail::scheme_spec(hint_id::scram_sha_256_credentials, scheme_id::scram_sha_256, S::info, A::user);
inline constexpr hint_spec vapid_credentials =
    detail::scheme_spec(hint_id::vapid_credentials, scheme_id::vapid, S::info, A::client);

// Every row, for documentation and tests.
inline constexpr std::array<const hint_spec*, 40> all{{
    &challenge_missing, &syntax_error, &scheme_unknown, &proxy_required, &retry_rejected,
    &retry_stale, &retry_other_realm, &retry_other_scheme, &basic_credentials,
    &basic_credentials_rejected, &basic_charset, &digest_credentials, &digest_credentials_rejected,
    &digest_stale, &digest_algorithm, &digest_algorithm_weak, &digest_algorithm_unknown,
    &digest_userhash, &bearer_token_missing, &bearer_token_missing_registry,
    &bearer_invalid_request, &bearer_invalid_token, &bearer_insufficient_scope,
    &bearer_resource_metadata, &bearer_insufficient_user_authentication, &dpop_use_nonce,
    &dpop_invalid_proof, &dpop_credentials, &negotiate_kerberos, &ntlm_windows,
    &kerberos_credentials, &concealed_credentials, &gnap_credentials, &hoba_credentials,
    &mutual_credentials, &oauth_credentials, &privatetoken_credentials, &scram_sha_1_credentials,
    &scram_sha_256_credentials, &vapid_credentials}};
}  // namespace hints

namespace detail {
constexpr bool every_id_has_a_row() noexcept {
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
}  // namespace detail
static_assert(detail::every_id_has_a_row(), "every hint_id needs a code of its own and a hints:: row");

// What the request that drew the response sent, as far as the caller knows.
enum class request_credentials : std::uint8_t { unknown, none, sent };

struct request_info {
  request_credentials sent = request_credentials::unknown;
  std::string_view scheme{};  // the scheme used, as written; empty when unknown
  auth_param realm{};         // the realm and nonce answered (Digest), when known
  auth_param nonce{};

  static constexpr request_info no_credentials() noexcept {
    request_info r;
    r.sent = request_credentials::none;
    return r;
  }
  static constexpr request_info with_scheme(std::string_view used) noexcept {
    request_info r;
    r.sent = request_credentials::sent;
    r.scheme = used;
    return r;
  }
  // From the request's Authorization field (Proxy-Authorization for a 407). Credentials that
  // do not parse count as sent with an unknown scheme (no retry.* hint can then be told).
  static constexpr request_info from(const credentials& c) noexcept {
    request_info r = with_scheme(c.scheme());
    r.realm = c.realm();
    r.nonce = c.param("nonce");
    return r;
  }
};

// No hint refers to more parameters than this (Bearer's and DPoP's hints reach it).
inline constexpr std::size_t max_hint_params = 3;

// One hint: a static description plus views of the parameters it refers to.
class hint {
 public:
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  class param_views {
   public:
    constexpr param_views(const auth_param* first, std::size_t n) noexcept : first_(first), n_(n) {}
    constexpr const auth_param* begin() const noexcept { return first_; }
    constexpr const auth_param* end() const noexcept { return first_ + n_; }
    constexpr std::size_t size() const noexcept { return n_; }
    constexpr bool empty() const noexcept { return n_ == 0; }
    constexpr const auth_param& operator[](std::size_t i) const noexcept { return first_[i]; }
    // The parameter of this name among the views, or a falsy auth_param.
    constexpr auth_param find(std::string_view name) const noexcept {
      for (const auth_param& p : *this) {
        if (p.name_is(name)) return p;
      }
      return {};
    }

   private:
    const auth_param* first_;
    std::size_t n_;
  };

  constexpr hint() noexcept = default;
  constexpr hint(const hint_spec& spec, std::size_t challenge_index) noexcept
      : spec_(&spec), challenge_(challenge_index) {}

  constexpr hint_id id() const noexcept { return spec_->id; }
  constexpr std::string_view code() const noexcept { return wwwauth::code(spec_->id); }
  constexpr severity level() const noexcept { return spec_->level; }
  constexpr actor who() const noexcept { return spec_->who; }
  constexpr std::string_view text() const noexcept { return spec_->text; }
  constexpr const hint_spec& spec() const noexcept { return *spec_; }
  constexpr bool has_fix(generic_fix f) const noexcept { return (spec_->fixes & static_cast<std::uint8_t>(f)) != 0; }
  // The challenge (its position in the list) the hint is about; npos for the whole response.
  constexpr std::size_t challenge_index() const noexcept { return challenge_; }
  // The parameters the hint refers to, as views into the caller's input.
  constexpr param_views params() const noexcept { return {params_.data(), param_count_}; }
  // syntax.error: where the list stopped.
  constexpr parse_error error() const noexcept { return error_; }

  // Adds a view of a parameter when it is present.
  constexpr hint& with(const auth_param& p) noexcept {
    if (p && param_count_ < params_.size()) params_[param_count_++] = p;
    return *this;
  }
  constexpr hint& with(const parse_error& e) noexcept {
    error_ = e;
    return *this;
  }

 private:
  const hint_spec* spec_ = &hints::challenge_missing;  // never null, so no accessor can fault
  std::size_t challenge_ = npos;
  std::array<auth_param, max_hint_params> params_{};
  std::size_t param_count_ = 0;
  parse_error error_{};
};

inline constexpr std::size_t default_hint_capacity = 16;

// The hints of one response, in order: those about the whole response first, then those of
// each challenge in list order. Hints beyond the capacity are counted, never silently lost.
template <std::size_t Capacity = default_hint_capacity>
class hint_list {
 public:
  constexpr const hint* begin() const noexcept { return items_.data(); }
  constexpr const hint* end() const noexcept { return items_.data() + size_; }
  constexpr std::size_t size() const noexcept { return size_; }
  constexpr bool empty() const noexcept { return size_ == 0; }
  constexpr const hint& operator[](std::size_t i) const noexcept { return items_[i]; }
  static constexpr std::size_t capacity() noexcept { return Capacity; }
  // True when hints did not fit: diagnose with a larger Capacity to see them all.
  constexpr bool overflowed() const noexcept { return dropped_ != 0; }
  constexpr std::size_t dropped() const noexcept { return dropped_; }
  constexpr bool contains(hint_id id) const noexcept { return count(id) != 0; }
  constexpr std::size_t count(hint_id id) const noexcept {
    std::size_t n = 0;
    for (const hint& h : *this) n += h.id() == id ? 1U : 0U;
    return n;
  }

  constexpr void push(const hint& h) noexcept {
    if (size_ < Capacity) {
      items_[size_++] = h;
    } else {
      ++dropped_;
    }
  }

 private:
  std::array<hint, Capacity> items_{};
  std::size_t size_ = 0;
  std::size_t dropped_ = 0;
};

namespace detail {

// The parameters diagnose() looks at, read in one pass over a challenge (first occurrence of
// each name, as challenge::param() would return).
struct challenge_facts {
  auth_param realm, charset, stale, algorithm, userhash, nonce, error, error_description, scope,
      service, resource_metadata, acr_values, max_age, algs, data, ks1;

  constexpr explicit challenge_facts(const challenge& c) noexcept {
    for (const auth_param& p : c.params()) {
      keep(realm, p, "realm");
      keep(charset, p, "charset");
      keep(stale, p, "stale");
      keep(algorithm, p, "algorithm");
      keep(userhash, p, "userhash");
      keep(nonce, p, "nonce");
      keep(error, p, "error");
      keep(error_description, p, "error_description");
      keep(scope, p, "scope");
      keep(service, p, "service");
      keep(resource_metadata, p, "resource_metadata");
      keep(acr_values, p, "acr_values");
      keep(max_age, p, "max_age");
      keep(algs, p, "algs");
      keep(data, p, "data");
      keep(ks1, p, "ks1");
    }
  }
  // Digest's stale and userhash are case-insensitive booleans (RFC 7616 section 3.3).
  constexpr bool is_stale() const noexcept { return stale && stale.value().iequals("true"); }
  // RFC 6750 section 3.1 error codes (and RFC 9449's, RFC 9470's) are compared exactly:
  // values are case-sensitive unless a scheme says otherwise (RFC 9110 section 11.2).
  constexpr bool error_is(std::string_view e) const noexcept { return error && error.value().equals(e); }

 private:
  static constexpr void keep(auth_param& slot, const auth_param& p, std::string_view name) noexcept {
    if (!slot && p.name_is(name)) slot = p;
  }
};

// Decoded a == decoded b. Two cursors step over quoted-pairs with unescape()'s rule (a lone
// trailing backslash is literal), so neither value is copied.
constexpr bool same_value(const param_value& a, const param_value& b) noexcept {
  if (a.size() != b.size()) return false;
  const std::string_view x = a.raw();
  const std::string_view y = b.raw();
  for (std::size_t i = 0, j = 0; i < x.size() && j < y.size(); ++i, ++j) {
    if (x[i] == '\\' && i + 1 < x.size()) ++i;
    if (y[j] == '\\' && j + 1 < y.size()) ++j;
    if (x[i] != y[j]) return false;
  }
  return true;
}

// The decoded value starts with prefix, ASCII case-insensitively.
constexpr bool starts_with_icase(const param_value& v, std::string_view prefix) noexcept {
  if (v.size() < prefix.size()) return false;
  std::size_t i = 0;
  for_each_unescaped(v.raw(), [&](char c) {
    if (i == prefix.size() || ascii_lower(c) != ascii_lower(prefix[i])) return false;
    ++i;
    return true;
  });
  return i == prefix.size();
}

// A realm absent on either side cannot disagree.
constexpr bool same_realm(const request_info& sent, const auth_param& realm) noexcept {
  return !sent.realm || !realm || same_value(sent.realm.value(), realm.value());
}

// How a 401/407 after sent credentials reads, as browsers classify it (Chromium's
// HandleAnotherChallenge): the scheme gone, another realm, stale, or rejected.
struct retry_verdict {
  bool given = false;  // false while the handshake continues (or nothing was classified)
  const hint_spec* spec = &hints::retry_rejected;
  std::size_t index = hint::npos;
  auth_param realm{};
  auth_param nonce{};
};

// Multi-round schemes answer the client's first message with a 401 that carries the next one:
// NTLM's type-2 message or a Negotiate/Kerberos continuation token (a token68), SCRAM's
// server-first message (data, RFC 7804), Mutual's 401-KEX-S1 (ks1, RFC 8120). That is the
// handshake going on, not a refusal, so no retry.* hint is given.
constexpr bool continues_handshake(const challenge& c, const challenge_facts& f) noexcept {
  const lookup_result<scheme_id> s = lookup_scheme(c.scheme());
  if (!s) return false;
  switch (s.id) {
    case scheme_id::ntlm:
    case scheme_id::negotiate:
    case scheme_id::kerberos: return c.has_token68();
    case scheme_id::scram_sha_1:
    case scheme_id::scram_sha_256: return static_cast<bool>(f.data);
    case scheme_id::mutual: return static_cast<bool>(f.ks1);
    default: return false;
  }
}

constexpr retry_verdict classify_retry(const challenge_list& list, const request_info& sent) noexcept {
  const bool digest = iequals(sent.scheme, info(scheme_id::digest).name);
  retry_verdict first_match, same, stale;
  std::size_t i = 0;
  for (const challenge& c : list) {
    if (c.scheme_is(sent.scheme)) {
      const challenge_facts f(c);
      if (continues_handshake(c, f)) return {};
      if (first_match.index == hint::npos) first_match = {true, &hints::retry_other_realm, i, f.realm, {}};
      if (same_realm(sent, f.realm)) {
        if (same.index == hint::npos) same = {true, &hints::retry_rejected, i, f.realm, {}};
        // RFC 7616 section 3.3: stale=true, or a nonce other than the one answered.
        const bool new_nonce = sent.nonce && f.nonce && !same_value(sent.nonce.value(), f.nonce.value());
        if (digest && stale.index == hint::npos && (f.is_stale() || new_nonce)) {
          stale = {true, &hints::retry_stale, i, f.realm, f.nonce};
        }
      }
    }
    ++i;
  }
  if (first_match.index == hint::npos) return {true, &hints::retry_other_scheme, hint::npos, {}, {}};
  if (same.index == hint::npos) return first_match;
  if (stale.index != hint::npos) return stale;
  return same;
}

// The hint of each scheme's own code (registry.hpp's hint_code), found at compile time: the
// position in hints::all of the first row of that code, which is the one without a variant
// (hints::all.size() when there is none).
constexpr std::size_t own_hint(const scheme_info& s) noexcept {
  for (std::size_t i = 0; i < hints::all.size(); ++i) {
    if (code(hints::all[i]->id) == s.hint_code) return i;
  }
  return hints::all.size();
}
constexpr std::array<std::size_t, scheme_count> make_scheme_hints() noexcept {
  std::array<std::size_t, scheme_count> table{};
  for (std::size_t i = 0; i < scheme_count; ++i) table[i] = own_hint(schemes[i]);
  return table;
}
inline constexpr std::array<std::size_t, scheme_count> scheme_hints = make_scheme_hints();
constexpr bool every_scheme_has_its_hint() noexcept {
  for (const std::size_t i : scheme_hints) {
    if (i == hints::all.size()) return false;
  }
  return true;
}
static_assert(every_scheme_has_its_hint(), "each registry hint_code must be a hint_codes entry");

template <std::size_t N>
constexpr void explain_bearer(hint_list<N>& out, const challenge_facts& f, std::size_t i, bool rejected) noexcept {
  if (!f.error) {
    // RFC 6750 section 3.1: no error code means the request carried no token. When a token
    // was sent and refused without one, that does not hold: retry.rejected says what is known.
    // Container registries send realm="https://auth.example/token", service=..., scope=...
    if (!rejected) {
      const bool token_url = f.realm && starts_with_icase(f.realm.value(), "https://") && (f.service || f.scope);
      out.push(hint(token_url ? hints::bearer_token_missing_registry : hints::bearer_token_missing, i)
                   .with(f.realm).with(f.service).with(f.scope));
    }
  } else if (f.error_is("invalid_request")) {
    out.push(hint(hints::bearer_invalid_request, i).with(f.error_description).with(f.realm));
  } else if (f.error_is("invalid_token")) {
    out.push(hint(hints::bearer_invalid_token, i).with(f.error_description).with(f.realm));
  } else if (f.error_is("insufficient_scope")) {
    out.push(hint(hints::bearer_insufficient_scope, i).with(f.scope).with(f.error_description).with(f.realm));
  } else if (f.error_is("insufficient_user_authentication")) {
    out.push(hint(hints::bearer_insufficient_user_authentication, i)
                 .with(f.acr_values).with(f.max_age).with(f.error_description));
  }
  // Any other error code is defined by no specification: error_description is all there is.
  if (f.resource_metadata) out.push(hint(hints::bearer_resource_metadata, i).with(f.resource_metadata));
}

template <std::size_t N>
constexpr void explain_challenge(hint_list<N>& out, const challenge& c, std::size_t i, bool after_rejection,
                                 const request_info& sent) noexcept {
  const challenge_facts f(c);
  // The request's credentials were refused and this challenge asks for them again.
  const bool rejected = after_rejection && c.scheme_is(sent.scheme) && same_realm(sent, f.realm);
  const lookup_result<scheme_id> s = lookup_scheme(c.scheme());
  if (!s) {
    out.push(hint(hints::scheme_unknown, i).with(f.realm));
    return;
  }
  switch (s.id) {
    case scheme_id::basic:
      out.push(hint(rejected ? hints::basic_credentials_rejected : hints::basic_credentials, i).with(f.realm));
      // RFC 7617 section 2.1: "UTF-8" is the only value allowed, matched case-insensitively.
      if (f.charset && f.charset.value().iequals("UTF-8")) out.push(hint(hints::basic_charset, i).with(f.charset));
      return;
    case scheme_id::digest: {
      if (f.is_stale()) {
        out.push(hint(hints::digest_stale, i).with(f.realm).with(f.stale));
      } else {
        out.push(hint(rejected ? hints::digest_credentials_rejected : hints::digest_credentials, i).with(f.realm));
      }
      if (f.algorithm) {
        const lookup_result<digest_algorithm> a = lookup_digest_algorithm(f.algorithm);
        const hint_spec& spec = !a                ? hints::digest_algorithm_unknown
                                : info(a.id).weak ? hints::digest_algorithm_weak
                                                  : hints::digest_algorithm;
        out.push(hint(spec, i).with(f.algorithm));
      }
      if (f.userhash && f.userhash.value().iequals("true")) out.push(hint(hints::digest_userhash, i).with(f.userhash));
      return;
    }
    case scheme_id::bearer:
      explain_bearer(out, f, i, rejected);
      return;
    case scheme_id::dpop: {
      const hint_spec& spec = f.error_is("use_dpop_nonce")       ? hints::dpop_use_nonce
                              : f.error_is("invalid_dpop_proof") ? hints::dpop_invalid_proof
                                                                 : hints::dpop_credentials;
      out.push(hint(spec, i).with(f.error).with(f.error_description).with(f.algs));
      return;
    }
    default:
      out.push(hint(*hints::all[scheme_hints[static_cast<std::size_t>(s.id)]], i).with(f.realm));
      return;
  }
}

}  // namespace detail

// The hints for one response. `status` is its status code (0 when unknown); `list` its
// WWW-Authenticate challenges for a 401, Proxy-Authenticate for a 407, parsed in either
// mode; `sent` what the request carried. One pass over each challenge's parameters, plus
// one more when credentials were sent (to classify the retry); no allocation.
template <std::size_t Capacity = default_hint_capacity>
constexpr hint_list<Capacity> diagnose(int status, const challenge_list& list,
                                       const request_info& sent = {}) noexcept {
  hint_list<Capacity> out;
  const bool auth_status = status == 401 || status == 407;
  if (status == 407) out.push(hint(hints::proxy_required, hint::npos));
  if (list.error()) out.push(hint(hints::syntax_error, hint::npos).with(list.error()));
  if (auth_status && list.empty() && !list.error()) out.push(hint(hints::challenge_missing, hint::npos));

  detail::retry_verdict retry;
  if (auth_status && !list.empty() && sent.sent == request_credentials::sent && !sent.scheme.empty()) {
    retry = detail::classify_retry(list, sent);
    if (retry.given) {
      hint h(*retry.spec, retry.index);
      h.with(retry.realm).with(retry.nonce);
      if (retry.spec->id == hint_id::retry_other_realm) h.with(sent.realm);  // the realm answered, beside the one asked
      out.push(h);
    }
  }

  const bool after_rejection = retry.given && retry.spec->id == hint_id::retry_rejected;
  std::size_t i = 0;
  for (const challenge& c : list) detail::explain_challenge(out, c, i++, after_rejection, sent);
  return out;
}

}  // namespace wwwauth
