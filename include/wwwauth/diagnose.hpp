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
// (tests/support/diagnose_corpus.hpp has a row that triggers it and one that does not). The
// generic fixes people try first (check the URL, clear cached credentials or cookies, flush
// DNS, disable security plugins, read the header) are attached only to the hints where they
// apply, never beside a specific cause. The hint and hint_list types are hint.hpp's.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "challenge.hpp"
#include "credentials.hpp"
#include "detail/ascii.hpp"
#include "detail/challenge_facts.hpp"
#include "digest_algorithm.hpp"
#include "hint.hpp"
#include "hint_catalog.hpp"
#include "param_value.hpp"
#include "registry.hpp"

namespace wwwauth {

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

namespace detail {

// The decoded value starts with prefix, ASCII case-insensitively.
constexpr bool starts_with_icase(const param_value& v, std::string_view prefix) noexcept {
  if (v.size() < prefix.size()) return false;
  std::size_t i = 0;
  v.visit([&](char c) {
    if (i == prefix.size() || ascii_lower(c) != ascii_lower(prefix[i])) return false;
    ++i;
    return true;
  });
  return i == prefix.size();
}

// A realm absent on either side cannot disagree.
constexpr bool same_realm(const request_info& sent, const auth_param& realm) noexcept {
  return !sent.realm || !realm || sent.realm.value().equals(realm.value());
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
  const lookup_result<scheme_id> used = lookup_scheme(sent.scheme);
  const bool digest = used && used.id == scheme_id::digest;
  const hint_spec& rejected = used ? hints::rejected_spec(info(used.id).credential) : hints::retry_rejected;
  retry_verdict first_match, same, stale;
  std::size_t i = 0;
  for (const challenge& c : list) {
    if (c.scheme_is(sent.scheme)) {
      const challenge_facts f(c);
      if (continues_handshake(c, f)) return {};
      if (first_match.index == hint::npos) first_match = {true, &hints::retry_other_realm, i, f.realm, {}};
      if (same_realm(sent, f.realm)) {
        if (same.index == hint::npos) same = {true, &rejected, i, f.realm, {}};
        // RFC 7616 section 3.3: only stale=true says the credentials were right; a nonce
        // other than the one answered does not (Chromium's HandleAnotherChallenge agrees).
        if (digest && stale.index == hint::npos && f.is_stale())
          stale = {true, &hints::retry_stale, i, f.realm, f.nonce};
      }
    }
    ++i;
  }
  if (first_match.index == hint::npos) return {true, &hints::retry_other_scheme, hint::npos, {}, {}};
  if (same.index == hint::npos) return first_match;
  if (stale.index != hint::npos) return stale;
  return same;
}

// Another Digest challenge of the list, for the same realm, names a SHA-2 algorithm: then
// an MD5 one is the server's fallback, not its only offer.
constexpr bool offers_sha2_digest(const challenge_list& list, const auth_param& realm) noexcept {
  for (const challenge& c : list) {
    if (!c.scheme_is(info(scheme_id::digest).name)) continue;
    const auth_param algorithm = c.param("algorithm");
    const lookup_result<digest_algorithm> a = lookup_digest_algorithm(algorithm);
    const auth_param other_realm = c.realm();
    const bool same = !realm || !other_realm || realm.value().equals(other_realm.value());
    if (algorithm && a && !info(a.id).weak && same) return true;
  }
  return false;
}

template <std::size_t N>
constexpr void explain_bearer(hint_list<N>& out, const challenge_facts& f, std::size_t i, bool rejected) noexcept {
  if (!f.error) {
    // RFC 6750 section 3.1: no error code means the request carried no token. When a token
    // was sent and refused without one, that does not hold: retry.rejected says what is known.
    // Container registries send realm="https://auth.example/token", service=..., scope=...
    if (!rejected) {
      const bool token_url = f.realm && starts_with_icase(f.realm.value(), "https://") && (f.service || f.scope);
      out.push(hint(token_url ? hints::bearer_token_missing_registry : hints::bearer_token_missing, i)
                   .with(f.realm)
                   .with(f.service)
                   .with(f.scope));
    }
  } else if (f.error_is("invalid_request")) {
    out.push(hint(hints::bearer_invalid_request, i).with(f.error_description).with(f.realm));
  } else if (f.error_is("invalid_token")) {
    out.push(hint(hints::bearer_invalid_token, i).with(f.error_description).with(f.realm));
  } else if (f.error_is("insufficient_scope")) {
    out.push(hint(hints::bearer_insufficient_scope, i).with(f.scope).with(f.error_description).with(f.realm));
  } else if (f.error_is("insufficient_user_authentication")) {
    out.push(hint(hints::bearer_insufficient_user_authentication, i)
                 .with(f.acr_values)
                 .with(f.max_age)
                 .with(f.error_description));
  }
  // Any other error code is defined by no specification: error_description is all there is.
  if (f.resource_metadata) out.push(hint(hints::bearer_resource_metadata, i).with(f.resource_metadata));
}

template <std::size_t N>
constexpr void explain_challenge(hint_list<N>& out, const challenge_list& list, const challenge& c, std::size_t i,
                                 bool after_rejection, const request_info& sent) noexcept {
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
        const hint_spec& spec = !a                                  ? hints::digest_algorithm_unknown
                                : !info(a.id).weak                  ? hints::digest_algorithm
                                : offers_sha2_digest(list, f.realm) ? hints::digest_algorithm_weak_sha2_offered
                                                                    : hints::digest_algorithm_weak;
        out.push(hint(spec, i).with(f.algorithm));
      }
      if (f.userhash && f.userhash.value().iequals("true")) out.push(hint(hints::digest_userhash, i).with(f.userhash));
      return;
    }
    case scheme_id::bearer: explain_bearer(out, f, i, rejected); return;
    case scheme_id::dpop: {
      const hint_spec& spec = f.error_is("use_dpop_nonce")       ? hints::dpop_use_nonce
                              : f.error_is("invalid_dpop_proof") ? hints::dpop_invalid_proof
                                                                 : hints::dpop_credentials;
      out.push(hint(spec, i).with(f.error).with(f.error_description).with(f.algs));
      return;
    }
    default: out.push(hint(hints::of_scheme(s.id), i).with(f.realm)); return;
  }
}

}  // namespace detail

// The hints for one response. `status` is its status code (0 when unknown); `list` its
// WWW-Authenticate challenges for a 401, Proxy-Authenticate for a 407, parsed in either
// mode; `sent` what the request carried. One pass over each challenge's parameters, plus
// one more when credentials were sent (to classify the retry); no allocation.
template <std::size_t Capacity = default_hint_capacity>
constexpr hint_list<Capacity> diagnose(int status, const challenge_list& list, const request_info& sent = {}) noexcept {
  hint_list<Capacity> out;
  const bool auth_status = status == 401 || status == 407;
  if (status == 407) out.push(hint(hints::proxy_required, hint::npos));
  // A lenient list names every error it read past: a warning when challenges were recovered.
  const hint_spec& syntax = list.empty() ? hints::syntax_error : hints::syntax_error_recovered;
  for (const parse_error& e : list.recovered()) out.push(hint(syntax, hint::npos).with(e));
  if (list.recovered().empty() && list.error()) out.push(hint(hints::syntax_error, hint::npos).with(list.error()));
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
  for (const challenge& c : list) detail::explain_challenge(out, list, c, i++, after_rejection, sent);
  return out;
}

}  // namespace wwwauth
