// The server side: a WWW-Authenticate (or Proxy-Authenticate) value built from a scheme and
// parameters, quoted and escaped as RFC 9110 sections 5.6.4 and 11.2 require, so that it
// parses back to the same challenge.
//
//     const wwwauth::challenge_param params[] = {{"realm", "Files of \"alice\""}, {"charset", "UTF-8"}};
//     char buf[128];
//     auto r = wwwauth::write_challenge("Basic", params, buf, sizeof buf);
//     // buf holds: Basic realm="Files of \"alice\"", charset="UTF-8"
//
// One call writes one challenge: send each as its own field line. Several challenges in one
// line are valid (joined by ", "), but some browsers then read only the first.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "build_error.hpp"
#include "challenge.hpp"
#include "detail/ascii.hpp"
#include "detail/field_writer.hpp"

namespace wwwauth {

// How a value is written. automatic: a quoted-string, except the values RFC 7616 section
// 3.3 shows as tokens (Digest's algorithm, stale, userhash, charset), which some Digest
// clients only accept unquoted. token: unquoted when the value is a token (else quoted:
// the output is never invalid). quoted: always a quoted-string.
enum class value_form : std::uint8_t { automatic, token, quoted };

struct challenge_param {
  std::string_view name;
  std::string_view value;  // the value itself, unescaped
  value_form form = value_form::automatic;
};

namespace detail {

// One parameter to write. A caller's plain string is a param_value without escapes; a
// parsed value keeps its quoted-pairs (field_writer resolves them).
struct format_item {
  std::string_view name;
  param_value value;
  value_form form = value_form::automatic;
};

constexpr format_item to_item(const challenge_param& p) noexcept {
  return {p.name, param_value(p.value, false, 0), p.form};
}
// A parsed value keeps its form: a token stays a token, a quoted-string stays quoted.
constexpr format_item to_item(const auth_param& p) noexcept {
  const param_value v = p.value();
  return {p.name(), v, v.quoted() ? value_form::quoted : value_form::token};
}

struct param_span {
  const challenge_param* first;
  std::size_t count;
  constexpr const challenge_param* begin() const noexcept { return first; }
  constexpr const challenge_param* end() const noexcept { return first + count; }
};

constexpr bool token_valued_digest_param(std::string_view name) noexcept {
  return iequals(name, "algorithm") || iequals(name, "stale") || iequals(name, "userhash") || iequals(name, "charset");
}

template <class Params>
constexpr build_errc check_challenge(std::string_view scheme, std::string_view token68, const Params& params) noexcept {
  if (!is_token(scheme)) return build_errc::not_token;
  if (!token68.empty() && !is_token68(token68)) return build_errc::not_token68;
  std::size_t index = 0;
  for (const auto& p : params) {
    // What strict parsing accepts: at most max_strict_params per challenge.
    if (index == max_strict_params) return build_errc::too_many_params;
    const format_item item = to_item(p);
    if (!is_token(item.name)) return build_errc::not_token;
    if (!quotable(item.value.raw())) return build_errc::control_char;
    // RFC 9110 section 11.2: each parameter name only once per challenge. Quadratic, but a
    // challenge has a handful of parameters and this needs no memory.
    std::size_t other = 0;
    for (const auto& q : params) {
      if (other++ < index && iequals(to_item(q).name, item.name)) return build_errc::duplicate_param;
    }
    ++index;
  }
  return build_errc::none;
}

template <class OutIt, class Params>
constexpr build_output<OutIt> write_challenge(std::string_view scheme, std::string_view token68, const Params& params,
                                              OutIt out) noexcept {
  const build_errc error = check_challenge(scheme, token68, params);
  if (error != build_errc::none) return {error, out};
  field_writer<OutIt> w(out);
  w.put(scheme);
  if (!token68.empty()) w.put(' ').put(token68);
  bool first = true;
  for (const auto& p : params) {
    const format_item item = to_item(p);
    if (first) w.put(' ');
    first = false;
    w.param_name(item.name);
    const bool as_token =
        item.form == value_form::token ||
        (item.form == value_form::automatic && iequals(scheme, "Digest") && token_valued_digest_param(item.name));
    // A token has no backslash, so a raw value that is a token is its own meaning.
    if (as_token && is_token(item.value.raw()))
      w.put(item.value.raw());
    else
      w.quoted(item.value);
  }
  return {build_errc::none, w.out()};
}

}  // namespace detail

// scheme 1*SP #auth-param, from the caller's parameters (none: the bare scheme).
template <class OutIt>
constexpr build_output<OutIt> write_challenge(std::string_view scheme, const challenge_param* params, std::size_t count,
                                              OutIt out) noexcept {
  return detail::write_challenge(scheme, {}, detail::param_span{params, count}, out);
}
template <class OutIt, std::size_t N>
constexpr build_output<OutIt> write_challenge(std::string_view scheme, const challenge_param (&params)[N],
                                              OutIt out) noexcept {
  return write_challenge(scheme, params, N, out);
}
constexpr build_result write_challenge(std::string_view scheme, const challenge_param* params, std::size_t count,
                                       char* buf, std::size_t cap) noexcept {
  return detail::to_buffer(buf, cap, [&](auto out) { return write_challenge(scheme, params, count, out); });
}
template <std::size_t N>
constexpr build_result write_challenge(std::string_view scheme, const challenge_param (&params)[N], char* buf,
                                       std::size_t cap) noexcept {
  return write_challenge(scheme, params, N, buf, cap);
}

// scheme SP token68 (Negotiate, NTLM and other schemes that carry one opaque blob).
template <class OutIt>
constexpr build_output<OutIt> write_challenge_token68(std::string_view scheme, std::string_view token68,
                                                      OutIt out) noexcept {
  if (token68.empty()) return {build_errc::not_token68, out};
  return detail::write_challenge(scheme, token68, detail::param_span{nullptr, 0}, out);
}
constexpr build_result write_challenge_token68(std::string_view scheme, std::string_view token68, char* buf,
                                               std::size_t cap) noexcept {
  return detail::to_buffer(buf, cap, [&](auto out) { return write_challenge_token68(scheme, token68, out); });
}

// A parsed challenge written again in canonical form: one SP after the scheme, ", "
// between parameters, values in the form they were received (a lenient unquoted value that
// is not a token gets quoted). Refuses duplicate names and more than max_strict_params
// parameters, which lenient parsing keeps, so that the output always parses strictly.
template <class OutIt>
constexpr build_output<OutIt> write_challenge(const challenge& c, OutIt out) noexcept {
  return detail::write_challenge(c.scheme(), c.token68(), c.params(), out);
}
constexpr build_result write_challenge(const challenge& c, char* buf, std::size_t cap) noexcept {
  return detail::to_buffer(buf, cap, [&](auto out) { return write_challenge(c, out); });
}

}  // namespace wwwauth
