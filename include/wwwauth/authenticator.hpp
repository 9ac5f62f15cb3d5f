// The client side of HTTP authentication as one object: from a 401 (or 407) and the
// credentials the application has, it picks the challenge, keeps what later requests need,
// writes the Authorization (or Proxy-Authorization) value of each request, and reads the next
// response into a verdict: done, retry, ask the user, another realm, or cannot answer.
//
//     wwwauth::authenticator<> auth;                       // the origin; for_proxy for a 407
//     auth.use_password(user, password).use_entropy(entropy);
//     // ... a response arrived: its status, WWW-Authenticate lines, Authentication-Info lines
//     const auto v = auth.on_response(status, www_authenticate, authentication_info);
//     if (v.step == wwwauth::auth_step::retry) {
//       const auto a = auth.authorization("GET", "/dir/index.html");
//       if (a) send_again_with(auth.header_name(), a.value);  // else a.message()
//     }
//
// What it decides, and where the rule comes from:
// - The challenge: select_best() among the schemes the credentials can answer (a user and
//   password: Basic and Digest; a token: Bearer), narrowed by allow().
// - Digest state (RFC 7616 section 3.4): the nonce is reused for the following requests with nc
//   counting up per nonce (8 hex digits), a fresh cnonce for every request from the caller's
//   entropy source, nextnonce from Authentication-Info replacing the nonce (section 3.5).
// - The next challenge after an answer (section 3.3, as Chromium's HandleAnotherChallenge): only
//   stale=true for the same realm is a retry with the same credentials, at most once in a row
//   and never twice for one nonce; anything else for the same realm is a rejection (ask the
//   user); another realm is other_realm. The verdict carries diagnose()'s hints.
// - After a 2xx: rspauth, when the server sends it, must prove the server knows the password.
// - The Digest uri is the request-target as the hop that checks it receives it (RFC 9112
//   section 3.2): the origin sees origin-form even through a forward proxy, which passes the path
//   on, so an origin authenticator turns an absolute-form target into origin-form (curl does
//   the same; lighttpd answers an absolute URL with 400); a proxy authenticator keeps the target
//   as sent: absolute-form to a forward proxy, authority-form (host:port) in CONNECT.
//
// Storage is fixed inside the object (template parameters; too long is an error, never a
// silent truncation); nothing is allocated. The credentials are views: the application's
// strings must outlive the authenticator (temporaries are refused at compile time). A verdict's
// hints point into the response lines it was given and into the authenticator.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

#include "basic_credentials.hpp"
#include "bearer_credentials.hpp"
#include "build_error.hpp"
#include "challenge.hpp"
#include "challenge_format.hpp"
#include "detail/dangling.hpp"
#include "detail/field_writer.hpp"
#include "detail/hex.hpp"
#include "diagnose.hpp"
#include "digest_credentials.hpp"
#include "field_lines.hpp"
#include "auth_info.hpp"
#include "registry.hpp"
#include "select.hpp"
#include "verify_error.hpp"

namespace wwwauth {

// Whom the authenticator answers: the origin (401, WWW-Authenticate, Authorization) or the
// proxy (407, Proxy-Authenticate, Proxy-Authorization; RFC 9110 sections 11.7.1 and 11.7.2).
enum class auth_party : std::uint8_t { origin, proxy };

// What the application does after a response.
enum class auth_step : std::uint8_t {
  done,           // not a challenge for this party: use the response (rspauth checked when sent;
                  // error() challenge_too_long: its nextnonce did not fit, the old nonce serves on)
  retry,          // send the request again with authorization()
  ask_user,       // the credentials were rejected: new ones are needed, never the same again
  other_realm,    // the challenge is for another realm than the credentials were given for
  cannot_answer,  // nothing the credentials can answer, or a limit reached: error() says which
};

enum class auth_errc : std::uint8_t {
  none,
  no_credentials,      // neither use_password() nor use_token() was called
  none_answerable,     // no challenge of a scheme the credentials (and allow()) can answer
  scheme_withdrawn,    // the scheme answered is no longer offered and another would be weaker
  handshake,           // a multi-round scheme continues, which this authenticator does not speak
  stale_again,         // stale=true again right after a stale retry, or for the nonce just used
  too_many_fields,     // more challenge or Authentication-Info lines than the lines' capacity
  challenge_too_long,  // realm, nonce, opaque... do not fit ChallengeCapacity
  target_too_long,     // the request-target does not fit TargetCapacity
  answer_too_long,     // the credentials do not fit AnswerCapacity
  no_challenge,        // authorization() before a challenge was accepted
  no_entropy,          // Digest with qop needs a cnonce: use_entropy() was not called
  entropy_failed,      // the entropy source reported a failure
  build_failed,        // the builder refused the input: build_error() says why
  rspauth_mismatch,    // Authentication-Info's rspauth (or its echoes) is wrong: verify_error says how
  client_refused,      // the HTTP client could not take the header (an integration's error)
};

constexpr std::string_view message(auth_errc e) noexcept {
  switch (e) {
    case auth_errc::none: return "no error";
    case auth_errc::no_credentials: return "no credentials were given";
    case auth_errc::none_answerable: return "no challenge can be answered with the credentials given";
    case auth_errc::scheme_withdrawn: return "the scheme answered is no longer offered; the others are weaker";
    case auth_errc::handshake: return "the server continues a multi-round handshake this client does not speak";
    case auth_errc::stale_again: return "stale=true again right after a stale retry: not retried";
    case auth_errc::too_many_fields: return "more field lines than the authenticator reads";
    case auth_errc::challenge_too_long:
      return "the challenge's realm, nonce and opaque exceed the authenticator's storage";
    case auth_errc::target_too_long: return "the request-target exceeds the authenticator's storage";
    case auth_errc::answer_too_long: return "the credentials exceed the authenticator's answer buffer";
    case auth_errc::no_challenge: return "no challenge was accepted yet";
    case auth_errc::no_entropy: return "Digest needs a client nonce: no entropy source was given";
    case auth_errc::entropy_failed: return "the entropy source failed";
    case auth_errc::build_failed: return "the credentials could not be built";
    case auth_errc::rspauth_mismatch: return "the server's rspauth does not prove it knows the password";
    case auth_errc::client_refused: return "the HTTP client could not take the header";
  }
  return "unknown error";
}

// A caller's source of random bytes, by reference: any callable lvalue
// `bool(unsigned char* out, std::size_t n)` that fills n bytes and says whether it could.
// wwwauth/os_entropy.hpp has one drawn from the operating system.
class entropy_ref {
 public:
  constexpr entropy_ref() noexcept = default;
  template <class Source, class = std::enable_if_t<!std::is_same_v<std::remove_cv_t<Source>, entropy_ref> &&
                                                   std::is_invocable_r_v<bool, Source&, unsigned char*, std::size_t>>>
  constexpr entropy_ref(Source& source) noexcept  // NOLINT(google-explicit-constructor)
      : source_(const_cast<void*>(static_cast<const void*>(&source))), fill_(&call<Source>) {}

  constexpr explicit operator bool() const noexcept { return fill_ != nullptr; }
  bool operator()(unsigned char* out, std::size_t n) const { return fill_ != nullptr && fill_(source_, out, n); }

 private:
  template <class Source>
  static bool call(void* source, unsigned char* out, std::size_t n) {
    return (*static_cast<Source*>(source))(out, n);
  }
  void* source_ = nullptr;
  bool (*fill_)(void*, unsigned char*, std::size_t) = nullptr;
};

// The value authorization() wrote, in the authenticator's buffer (valid until its next call).
struct auth_answer {
  auth_errc error = auth_errc::none;
  build_errc build_error = build_errc::none;
  std::string_view value{};
  constexpr explicit operator bool() const noexcept { return error == auth_errc::none; }
  constexpr std::string_view message() const noexcept {
    return error == auth_errc::build_failed ? wwwauth::message(build_error) : wwwauth::message(error);
  }
};

// What on_response() concluded, with diagnose()'s hints for the response.
template <std::size_t HintCapacity = default_hint_capacity>
struct auth_verdict {
  auth_step step = auth_step::done;
  auth_errc error = auth_errc::none;
  build_errc build_error = build_errc::none;     // for build_failed
  verify_errc verify_error = verify_errc::none;  // for rspauth_mismatch
  bool proven = false;                           // done after Digest: the server's rspauth was verified
  std::size_t chosen = hint::npos;               // retry: the position of the challenge answered in the list
  hint_list<HintCapacity> hints{};
  constexpr std::string_view message() const noexcept {
    if (error == auth_errc::build_failed) return wwwauth::message(build_error);
    if (error == auth_errc::rspauth_mismatch) return wwwauth::message(verify_error);
    return wwwauth::message(error);
  }
};

// Defaults fit what real servers send with room to spare: Apache's and lighttpd's nonces are
// 52 and 40 bytes, realms and opaque values a few dozen; URLs of a few KiB exist.
inline constexpr std::size_t default_challenge_capacity = 1024;
inline constexpr std::size_t default_target_capacity = 4096;
inline constexpr std::size_t default_answer_capacity = 6144;

namespace detail {
// The parameters store() keeps, as the range write_challenge() formats.
struct kept_params {
  const auth_param* first;
  std::size_t count;
  constexpr const auth_param* begin() const noexcept { return first; }
  constexpr const auth_param* end() const noexcept { return first + count; }
};
}  // namespace detail

template <std::size_t ChallengeCapacity = default_challenge_capacity,
          std::size_t TargetCapacity = default_target_capacity, std::size_t AnswerCapacity = default_answer_capacity>
class authenticator {
 public:
  constexpr explicit authenticator(auth_party party = auth_party::origin) noexcept : party_(party) {}

  // The credentials, as views of the application's strings (which must outlive this object).
  constexpr authenticator& use_password(std::string_view user, std::string_view password) noexcept {
    user_ = user;
    password_ = password;
    has_password_ = true;
    refused_ = auth_step::retry;
    return *this;
  }
  template <class User, class Password,
            class = std::enable_if_t<detail::is_temporary_string_v<User> || detail::is_temporary_string_v<Password>>>
  authenticator& use_password(User&& user, Password&& password) = delete;
  constexpr authenticator& use_token(std::string_view token) noexcept {
    token_ = token;
    has_token_ = true;
    refused_ = auth_step::retry;
    return *this;
  }
  template <class Token, class = detail::refuse_temporary_string<Token>>
  authenticator& use_token(Token&& token) = delete;
  // Where Digest cnonces come from.
  constexpr authenticator& use_entropy(entropy_ref source) noexcept {
    entropy_ = source;
    return *this;
  }
  // Narrows what is answered (by default, everything the credentials can answer): e.g.
  // without Basic over plain http. The answer is the intersection with the credentials'.
  constexpr authenticator& allow(const client_abilities& can) noexcept {
    allowed_ = can;
    return *this;
  }
  // Lets the scheme change to a weaker one after credentials were sent (a Digest answer met
  // by a Basic-only 401). Refused by default: that is how a downgrade attack looks.
  constexpr authenticator& allow_downgrade(bool yes = true) noexcept {
    allow_downgrade_ = yes;
    return *this;
  }

  constexpr auth_party party() const noexcept { return party_; }
  constexpr int challenge_status() const noexcept { return party_ == auth_party::proxy ? 407 : 401; }
  constexpr std::string_view challenge_header() const noexcept {
    return party_ == auth_party::proxy ? "Proxy-Authenticate" : "WWW-Authenticate";
  }
  constexpr std::string_view header_name() const noexcept {
    return party_ == auth_party::proxy ? "Proxy-Authorization" : "Authorization";
  }
  constexpr std::string_view info_header() const noexcept {
    return party_ == auth_party::proxy ? "Proxy-Authentication-Info" : "Authentication-Info";
  }
  // Whether requests should carry authorization(): a challenge was accepted.
  constexpr bool has_challenge() const noexcept { return challenge_size_ != 0; }
  // The challenge answered, parsed from the authenticator's own copy; empty before one.
  constexpr challenge answered() const noexcept {
    const challenge_list list = parse_challenges(std::string_view(challenge_.data(), challenge_size_));
    return list.empty() ? challenge{} : *list.begin();
  }
  constexpr std::uint32_t nonce_count() const noexcept { return nc_; }
  // Digest's qop for the answered challenge is auth-int: the verifier needs the whole
  // response body in on_response() (a caller that keeps only part of it must say so).
  constexpr bool needs_response_body() const noexcept { return qop_ == digest_qop::auth_int; }

  // Reads a response: its status, this party's challenge lines (WWW-Authenticate or
  // Proxy-Authenticate) and Authentication-Info lines (Proxy-Authentication-Info), as any
  // contiguous array of string_views (field_lines adapts other containers), and, only for
  // Digest with qop=auth-int, the whole response body.
  template <std::size_t HintCapacity = default_hint_capacity>
  constexpr auth_verdict<HintCapacity> on_response(int status, const challenge_list& challenges, const auth_info& info,
                                                   std::string_view body = {}) noexcept {
    auth_verdict<HintCapacity> v;
    if (status != challenge_status()) {
      // The other party's 401/407 says nothing about this party's challenges (none is missing).
      const bool other_party = status == 401 || status == 407;
      v.hints = diagnose<HintCapacity>(other_party ? 0 : status, challenges, sent_info());
      if (status >= 200 && status < 300) stale_retried_ = false;
      return after_success(v, info, body);
    }
    v.hints = diagnose<HintCapacity>(status, challenges, sent_info());
    if (!has_password_ && !has_token_) return stop(v, auth_step::cannot_answer, auth_errc::no_credentials);
    if (refused_ != auth_step::retry) return stop(v, refused_, auth_errc::none);  // until new credentials
    if (challenges.empty()) return give_up(v, auth_step::cannot_answer, auth_errc::none_answerable);
    if (!sent_) return accept_best(v, challenges);  // the first challenge, or one our request did not carry
    for (const hint& h : v.hints) {
      switch (h.id()) {
        case hint_id::retry_stale: return accept_stale(v, challenges, h.challenge_index());
        case hint_id::retry_rejected: return refuse(v, auth_step::ask_user);
        case hint_id::retry_other_realm: return refuse(v, auth_step::other_realm);
        case hint_id::retry_other_scheme: return accept_other_scheme(v, challenges);
        default: break;
      }
    }
    return give_up(v, auth_step::cannot_answer, auth_errc::handshake);
  }
  // The same from the client's containers of lines (std::vector<std::string>, ...): any
  // range of string-likes, read through field_lines.
  template <std::size_t HintCapacity = default_hint_capacity, class Lines, class InfoLines>
  constexpr auth_verdict<HintCapacity> on_response(int status, const Lines& challenge_lines,
                                                   const InfoLines& info_lines, std::string_view body = {}) noexcept {
    const field_lines<> lines(challenge_lines), info(info_lines);
    if (lines.overflowed() || info.overflowed()) {
      auth_verdict<HintCapacity> v;
      return stop(v, auth_step::cannot_answer, auth_errc::too_many_fields);
    }
    return on_response<HintCapacity>(status, parse_challenges(lines, mode::lenient),
                                     parse_auth_info(info.data(), info.size(), mode::lenient), body);
  }
  // The verdict's hints point into the lines: temporaries are refused.
  template <std::size_t HintCapacity = default_hint_capacity, class Lines, class InfoLines,
            class = std::enable_if_t<!std::is_same_v<std::decay_t<Lines>, challenge_list> &&
                                     (!std::is_lvalue_reference_v<Lines> || !std::is_lvalue_reference_v<InfoLines>)>>
  auth_verdict<HintCapacity> on_response(int status, Lines&& challenge_lines, InfoLines&& info_lines,
                                         std::string_view body = {}) = delete;

  // The Authorization (Proxy-Authorization) value for the next request: `method` and
  // `target` as in its request line, `body` its content (hashed only for qop=auth-int). Each
  // call is one request: Digest counts nc up and draws a new cnonce.
  auth_answer authorization(std::string_view method, std::string_view target, std::string_view body = {}) noexcept {
    auth_answer a;
    if (!has_challenge()) return fail(a, auth_errc::no_challenge);
    const challenge c = answered();
    build_result r;
    switch (scheme_) {
      case scheme_id::basic: r = write_basic_credentials(c, user_, password_, answer_.data(), answer_.size()); break;
      case scheme_id::bearer: r = write_bearer_credentials(token_, answer_.data(), answer_.size()); break;
      default: {
        const auth_errc e = prepare_digest(method, target);
        if (e != auth_errc::none) return fail(a, e);
        r = write_digest_credentials(c, request_input(body), answer_.data(), answer_.size());
        break;
      }
    }
    if (!r) {
      a.build_error = r.error;
      return fail(a, auth_errc::build_failed);
    }
    if (r.size > answer_.size()) return fail(a, auth_errc::answer_too_long);
    sent_ = true;
    a.value = std::string_view(answer_.data(), r.size);
    return a;
  }

  // Forgets the challenge (new credentials, or another server).
  constexpr void reset() noexcept {
    challenge_size_ = 0;
    sent_ = false;
    stale_retried_ = false;
    nc_ = 0;
  }

 private:
  template <class Verdict>
  static constexpr Verdict& stop(Verdict& v, auth_step step, auth_errc e) noexcept {
    v.step = step;
    v.error = e;
    return v;
  }
  // The exchange ends here: authorization() refuses until another challenge is accepted.
  // (The bytes stay: a hint may show the realm answered from them.)
  template <class Verdict>
  constexpr Verdict& give_up(Verdict& v, auth_step step, auth_errc e) noexcept {
    reset();
    return stop(v, step, e);
  }
  // The credentials do not fit (rejected, or for another realm): they are not sent again.
  template <class Verdict>
  constexpr Verdict& refuse(Verdict& v, auth_step step) noexcept {
    refused_ = step;
    return give_up(v, step, auth_errc::none);
  }
  static constexpr auth_answer& fail(auth_answer& a, auth_errc e) noexcept {
    a.error = e;
    return a;
  }

  // What the last request carried, for diagnose(): views into our copy of the challenge.
  constexpr request_info sent_info() const noexcept {
    if (!sent_) return request_info::no_credentials();
    const challenge c = answered();
    request_info r = request_info::with_scheme(c.scheme());
    r.realm = c.realm();
    r.nonce = c.param("nonce");
    return r;
  }

  constexpr client_abilities abilities() const noexcept {
    client_abilities can;
    for (const scheme_info& s : schemes) {
      const bool with_password = has_password_ && (s.id == scheme_id::basic || s.id == scheme_id::digest);
      const bool with_token = has_token_ && s.id == scheme_id::bearer;
      if ((with_password || with_token) && allowed_.can_answer(s.id) && s.id != scheme_id::digest) can.allow(s.id);
    }
    if (has_password_) {
      for (const digest_algorithm_info& a : digest_algorithms) {
        if (allowed_.can_answer(a.id)) can.allow(a.id);
      }
    }
    return can;
  }

  template <class Verdict>
  constexpr Verdict& accept_best(Verdict& v, const challenge_list& challenges) noexcept {
    return accept_usable(v, challenges, false);
  }

  // The strongest answerable challenge that can be kept and answered: one that cannot (a Digest
  // challenge whose realm or nonce a broken byte cost it, a nonce beyond the storage) does not
  // hide the next, as browsers skip it too. At most max_tries are tried (each try is a pass
  // over the list); when none can be used, the strongest one's error is the verdict's.
  // `no_downgrade`: after an answer, a weaker scheme than the one answered stops the search.
  template <class Verdict>
  constexpr Verdict& accept_usable(Verdict& v, const challenge_list& challenges, bool no_downgrade) noexcept {
    constexpr std::size_t max_tries = 4;
    const client_abilities can = abilities();
    selection s = select_best(challenges, can);
    if (!s) return stop(v, auth_step::cannot_answer, auth_errc::none_answerable);
    const std::uint8_t answered_rank = rating_;  // a failed try changes it
    auth_errc error = auth_errc::none;
    build_errc build_error = build_errc::none;
    for (std::size_t tries = 0; s && tries < max_tries; ++tries, s = select_after(challenges, can, s)) {
      if (no_downgrade && s.strength.rank < answered_rank && !allow_downgrade_) {
        if (tries == 0) return give_up(v, auth_step::cannot_answer, auth_errc::scheme_withdrawn);
        break;
      }
      if (accept(v, s.chosen, s.index, s.strength.scheme.id).step == auth_step::retry) return v;
      if (tries == 0) {
        error = v.error;
        build_error = v.build_error;
      }
    }
    v.build_error = build_error;
    return stop(v, auth_step::cannot_answer, error);
  }

  template <class Verdict>
  constexpr Verdict& accept_stale(Verdict& v, const challenge_list& challenges, std::size_t index) noexcept {
    auto it = challenges.begin();
    for (std::size_t i = 0; i < index; ++i) ++it;
    const challenge c = *it;
    const auth_param old_nonce = answered().param("nonce");
    const auth_param new_nonce = c.param("nonce");
    const bool same_nonce = old_nonce && new_nonce && old_nonce.value().equals(new_nonce.value());
    if (stale_retried_ || same_nonce) return give_up(v, auth_step::cannot_answer, auth_errc::stale_again);
    stale_retried_ = true;
    return accept(v, c, index, scheme_id::digest);
  }

  template <class Verdict>
  constexpr Verdict& accept_other_scheme(Verdict& v, const challenge_list& challenges) noexcept {
    return accept_usable(v, challenges, true);
  }

  // Keeps what later requests need from the challenge: Basic's realm and charset, Digest's
  // realm, nonce, opaque, algorithm, qop, userhash and charset, in canonical form.
  template <class Verdict>
  constexpr Verdict& accept(Verdict& v, const challenge& c, std::size_t index, scheme_id scheme) noexcept {
    const auth_errc e = store(c, auth_param{});
    if (e != auth_errc::none) return stop(v, auth_step::cannot_answer, e);
    scheme_ = scheme;
    rating_ = rate(c).rank;
    const detail::digest_plan plan =
        scheme == scheme_id::digest ? detail::plan_digest(answered(), plan_input()) : detail::digest_plan{};
    if (plan.error != build_errc::none) {
      reset();
      v.build_error = plan.error;
      return stop(v, auth_step::cannot_answer, auth_errc::build_failed);
    }
    qop_ = plan.qop;
    sent_ = false;
    nc_ = 0;
    v.chosen = index;
    return stop(v, auth_step::retry, auth_errc::none);
  }

  // Writes the kept parameters of c (with `nonce` replacing its nonce, when given) into the
  // storage; an error leaves the storage as it was.
  constexpr auth_errc store(const challenge& c, const auth_param& nonce) noexcept {
    constexpr std::array<std::string_view, 7> kept{"realm", "nonce",    "opaque", "algorithm",
                                                   "qop",   "userhash", "charset"};
    std::array<auth_param, kept.size()> params{};
    std::size_t n = 0;
    for (const std::string_view name : kept) {
      const auth_param p = name == "nonce" && nonce ? auth_param(c.param(name).name(), nonce.value()) : c.param(name);
      if (p) params[n++] = p;
    }
    std::array<char, ChallengeCapacity> next{};
    const detail::kept_params span{params.data(), n};
    const auto out = detail::write_challenge(c.scheme(), {}, span, detail::bounded_iterator(next.data(), next.size()));
    if (out.error != build_errc::none || out.out.count() > next.size()) return auth_errc::challenge_too_long;
    challenge_ = next;
    challenge_size_ = out.out.count();
    return auth_errc::none;
  }

  // After a response that is not this party's challenge: rspauth and nextnonce (RFC 7616
  // section 3.5), which an Authentication-Info may carry on any response.
  template <class Verdict>
  constexpr Verdict& after_success(Verdict& v, const auth_info& info, std::string_view body) noexcept {
    if (!sent_ || scheme_ != scheme_id::digest || info.empty()) return stop(v, auth_step::done, auth_errc::none);
    const verify_errc check = verify_authentication_info(answered(), request_input(body, true), info, body);
    if (check != verify_errc::none && check != verify_errc::missing_rspauth) {
      v.verify_error = check;
      return stop(v, auth_step::cannot_answer, auth_errc::rspauth_mismatch);
    }
    v.proven = check == verify_errc::none;
    if (const auth_param next = info.param("nextnonce")) {
      // A nextnonce that cannot be kept is said, never dropped unseen: the response is still
      // usable (done), and the old nonce serves on until the server calls it stale.
      const auth_errc kept = store(answered(), next);
      if (kept != auth_errc::none) return stop(v, auth_step::done, kept);
      nc_ = 0;
    }
    return stop(v, auth_step::done, auth_errc::none);
  }

  // Digest: the uri this party checks, copied (rspauth is verified with it later), and a
  // fresh cnonce; nc counts the requests under the current nonce.
  auth_errc prepare_digest(std::string_view method, std::string_view target) noexcept {
    const std::string_view uri = party_ == auth_party::origin ? origin_form(target) : target;
    const bool slash = !uri.empty() && uri.front() == '?';  // "http://h?q": origin-form "/?q"
    if (uri.size() + (slash ? 1 : 0) > target_.size() || method.size() > method_.size())
      return auth_errc::target_too_long;
    std::size_t n = 0;
    if (slash || uri.empty()) target_[n++] = '/';
    for (const char ch : uri) target_[n++] = ch;
    target_size_ = n;
    for (std::size_t i = 0; i < method.size(); ++i) method_[i] = method[i];
    method_size_ = method.size();
    if (qop_ != digest_qop::none || info(answered_algorithm()).sess) {
      if (!entropy_) return auth_errc::no_entropy;
      std::array<unsigned char, cnonce_bytes> bytes{};
      if (!entropy_(bytes.data(), bytes.size())) return auth_errc::entropy_failed;
      for (std::size_t i = 0; i < bytes.size(); ++i) {
        cnonce_[2 * i] = detail::hex_digits[bytes[i] >> 4U];
        cnonce_[2 * i + 1] = detail::hex_digits[bytes[i] & 0xfU];
      }
    }
    ++nc_;
    return auth_errc::none;
  }

  // origin-form of an absolute-form target (RFC 9112 section 3.2.2): what follows the
  // authority; other forms are returned as they are.
  static constexpr std::string_view origin_form(std::string_view target) noexcept {
    const std::size_t colon = target.find("://");
    if (target.empty() || target.front() == '/' || colon == std::string_view::npos) return target;
    if (target.substr(0, colon).find_first_of("/?#") != std::string_view::npos) return target;
    const std::size_t path = target.find_first_of("/?#", colon + 3);
    if (path == std::string_view::npos) return {};
    std::string_view rest = target.substr(path);
    return rest.substr(0, rest.find('#'));
  }

  constexpr digest_algorithm answered_algorithm() const noexcept {
    const lookup_result<digest_algorithm> a = lookup_digest_algorithm(answered().param("algorithm"));
    return a ? a.id : default_digest_algorithm;
  }
  // What plan_digest() needs to decide qop before the first request.
  constexpr digest_input plan_input() const noexcept {
    digest_input in;
    in.method = "GET";
    in.cnonce = "0";
    return in;
  }
  constexpr digest_input request_input(std::string_view body, bool for_verification = false) const noexcept {
    digest_input in;
    in.username = user_;
    in.password = password_;
    in.method = std::string_view(method_.data(), method_size_);
    in.uri = std::string_view(target_.data(), target_size_);
    const bool has_cnonce = qop_ != digest_qop::none || info(answered_algorithm()).sess;
    in.cnonce = has_cnonce ? std::string_view(cnonce_.data(), cnonce_.size()) : std::string_view();
    in.nc = nc_;
    if (!for_verification) in.body = body;
    return in;
  }

  static constexpr std::size_t cnonce_bytes = 16;  // 128 bits, written as 32 hex digits

  auth_party party_;
  std::string_view user_{}, password_{}, token_{};
  bool has_password_ = false, has_token_ = false, allow_downgrade_ = false;
  client_abilities allowed_ = client_abilities::everything();
  entropy_ref entropy_{};

  std::array<char, ChallengeCapacity> challenge_{};
  std::size_t challenge_size_ = 0;
  scheme_id scheme_ = scheme_id::basic;
  std::uint8_t rating_ = 0;
  digest_qop qop_ = digest_qop::none;
  bool sent_ = false;           // authorization() was called since the challenge was accepted
  bool stale_retried_ = false;  // the last answer was a stale retry (reset by a 2xx)
  // ask_user or other_realm was given: the same again, never an answer, until new credentials.
  auth_step refused_ = auth_step::retry;
  std::uint32_t nc_ = 0;
  std::array<char, 2 * cnonce_bytes> cnonce_{};
  std::array<char, TargetCapacity> target_{};
  std::size_t target_size_ = 0;
  std::array<char, 32> method_{};
  std::size_t method_size_ = 0;
  std::array<char, AnswerCapacity> answer_{};
};

}  // namespace wwwauth
