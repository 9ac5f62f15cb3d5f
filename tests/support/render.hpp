// Renders parse results as short strings, so that table-driven tests compare one line:
//   `Basic realm="a" charset=UTF-8 | Negotiate #abc== ! expected_comma@0:7`
// A quoted value is shown decoded between quotes, a token bare, a token68 after '#', and an
// error after '!' as code@field:offset (in lenient lists each recovered error, and `! +N`
// for N more that did not fit).
#pragma once

#include <string>
#include <string_view>

#include "decoded.hpp"
#include <wwwauth/wwwauth.hpp>

namespace wwwauth_test {

inline std::string render(const wwwauth::auth_param& p) {
  std::string out(p.name());
  out += '=';
  if (p.value().quoted()) out += '"';
  out += wwwauth_testing::decoded(p.value());
  if (p.value().quoted()) out += '"';
  return out;
}

template <class Params>
std::string render_params(const Params& params) {
  std::string out;
  for (const wwwauth::auth_param& p : params) {
    if (!out.empty()) out += ' ';
    out += render(p);
  }
  return out;
}

// A challenge, or credentials (the same accessors, without being a challenge).
template <class Challenge>
std::string render_challenge(const Challenge& c) {
  std::string out(c.scheme());
  if (c.has_token68()) out += " #" + std::string(c.token68());
  if (c.param_count() != 0) out += ' ' + render_params(c.params());
  return out;
}
inline std::string render(const wwwauth::challenge& c) { return render_challenge(c); }

inline std::string render(const wwwauth::parse_error& e) {
  if (!e) return {};
  return " ! " + std::string(wwwauth::name(e.code)) + '@' + std::to_string(e.field) + ':' + std::to_string(e.offset);
}

inline std::string render(const wwwauth::challenge_list& list) {
  std::string out;
  for (const wwwauth::challenge& c : list) {
    if (!out.empty()) out += " | ";
    out += render(c);
  }
  // Lenient: every recovered error (the first is error()), then how many did not fit.
  if (list.recovered().empty()) return out + render(list.error());
  for (const wwwauth::parse_error& e : list.recovered()) out += render(e);
  if (list.recovered().dropped() != 0) out += " ! +" + std::to_string(list.recovered().dropped());
  return out;
}

inline std::string render(const wwwauth::credentials& c) {
  return (c.ok() ? render_challenge(c) : std::string()) + render(c.error());
}

inline std::string render(const wwwauth::auth_info& list) { return render_params(list) + render(list.error()); }

}  // namespace wwwauth_test
