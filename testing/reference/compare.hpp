// Converts wwwauth's views into the reference parser's owning results, so that the two can be
// compared field by field, and prints either for a failure message. Shared by the differential
// test (tests/reference_agreement_test.cpp) and the fuzz targets. This file knows both APIs;
// reference_parser.hpp knows only its own.
#pragma once

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "decoded.hpp"
#include "reference_parser.hpp"
#include "wwwauth/wwwauth.hpp"

namespace wwwauth_reference {

inline wwwauth::mode to_wwwauth(mode m) { return m == mode::strict ? wwwauth::mode::strict : wwwauth::mode::lenient; }

inline errc from_wwwauth(wwwauth::errc e) {
  switch (e) {
    case wwwauth::errc::none: return errc::none;
    case wwwauth::errc::expected_token: return errc::expected_token;
    case wwwauth::errc::expected_space: return errc::expected_space;
    case wwwauth::errc::expected_value: return errc::expected_value;
    case wwwauth::errc::expected_comma: return errc::expected_comma;
    case wwwauth::errc::unterminated_quoted_string: return errc::unterminated_quoted_string;
    case wwwauth::errc::invalid_quoted_char: return errc::invalid_quoted_char;
    case wwwauth::errc::param_without_scheme: return errc::param_without_scheme;
    case wwwauth::errc::param_after_token68: return errc::param_after_token68;
    case wwwauth::errc::duplicate_param: return errc::duplicate_param;
    case wwwauth::errc::too_many_params: return errc::too_many_params;
    case wwwauth::errc::second_scheme: return errc::second_scheme;
    case wwwauth::errc::trailing_data: return errc::trailing_data;
    case wwwauth::errc::expected_param: return errc::expected_param;
  }
  return errc::none;  // unreachable for valid enumerators
}

inline error from_wwwauth(const wwwauth::parse_error& e) { return {from_wwwauth(e.code), e.field, e.offset}; }

inline param from_wwwauth(const wwwauth::auth_param& p) {
  param out;
  out.name = std::string(p.name());
  out.raw = std::string(p.value().raw());
  out.quoted = p.value().quoted();
  out.decoded = wwwauth_testing::decoded(p.value());
  return out;
}

template <class Range>
std::vector<param> params_from_wwwauth(const Range& range) {
  std::vector<param> out;
  for (const wwwauth::auth_param& p : range) out.push_back(from_wwwauth(p));
  return out;
}

// A challenge, or credentials (which have the same accessors without being a challenge).
template <class Challenge>
challenge challenge_from_wwwauth(const Challenge& c) {
  challenge out;
  out.scheme = std::string(c.scheme());
  out.has_token68 = c.has_token68();
  out.token68 = std::string(c.token68());
  out.params = params_from_wwwauth(c.params());
  return out;
}
inline challenge from_wwwauth(const wwwauth::challenge& c) { return challenge_from_wwwauth(c); }

inline challenges_result from_wwwauth(const wwwauth::challenge_list& list) {
  challenges_result out;
  for (const wwwauth::challenge& c : list) out.challenges.push_back(from_wwwauth(c));
  out.err = from_wwwauth(list.error());
  return out;
}

inline credentials_result from_wwwauth(const wwwauth::credentials& c) {
  credentials_result out;
  out.err = from_wwwauth(c.error());
  if (out.err.code == errc::none) out.cred = challenge_from_wwwauth(c);
  return out;
}

inline auth_info_result from_wwwauth(const wwwauth::auth_info& list) {
  auth_info_result out;
  out.err = from_wwwauth(list.error());
  if (out.err.code == errc::none) out.params = params_from_wwwauth(list);
  return out;
}

// Results compare as the contract defines them: challenges completed before an error count;
// credentials and Authentication-Info are compared by their error alone once one occurred.
inline bool same(const challenges_result& a, const challenges_result& b) {
  return a.err == b.err && a.challenges == b.challenges;
}
// wwwauth's lenient challenge lists read on past syntax errors, while the reference stops at
// the first: they agree on that error and on every challenge completed before it, and where
// the reference finds no error, on everything.
inline bool same_until_error(const challenges_result& reference, const challenges_result& recovering) {
  if (reference.err.code == errc::none) return same(reference, recovering);
  return reference.err == recovering.err && recovering.challenges.size() >= reference.challenges.size() &&
         std::equal(reference.challenges.begin(), reference.challenges.end(), recovering.challenges.begin());
}
inline bool same(const credentials_result& a, const credentials_result& b) {
  return a.err == b.err && (a.err.code != errc::none || a.cred == b.cred);
}
inline bool same(const auth_info_result& a, const auth_info_result& b) {
  return a.err == b.err && (a.err.code != errc::none || a.params == b.params);
}

// --- Printing, for failure messages -----------------------------------------------------

// Bytes as a C-like string literal: printable ASCII as is, the rest as \xNN.
inline std::string quote(std::string_view s) {
  static const char hex[] = "0123456789abcdef";
  std::string out = "\"";
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c >= 0x20 && c < 0x7F) {
      out += ch;
    } else {
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 0xF];
    }
  }
  return out + "\"";
}

inline std::string describe(const error& e) {
  if (e.code == errc::none) return "ok";
  return std::string("error ") + name(e.code) + " at field " + std::to_string(e.field) + " offset " +
         std::to_string(e.offset);
}

inline std::string describe(const std::vector<param>& params) {
  std::string out;
  for (const param& p : params) {
    out += " " + quote(p.name) + "=" + (p.quoted ? "q" : "") + quote(p.raw);
    if (p.decoded != p.raw) out += "->" + quote(p.decoded);
  }
  return out;
}

inline std::string describe(const challenge& c) {
  std::string out = "[" + quote(c.scheme);
  if (c.has_token68) out += " token68=" + quote(c.token68);
  return out + describe(c.params) + "]";
}

inline std::string describe(const challenges_result& r) {
  std::string out;
  for (const challenge& c : r.challenges) out += describe(c) + " ";
  return out + describe(r.err);
}
inline std::string describe(const credentials_result& r) {
  return (r.err.code == errc::none ? describe(r.cred) + " " : std::string()) + describe(r.err);
}
inline std::string describe(const auth_info_result& r) {
  return (r.err.code == errc::none ? describe(r.params) + " " : std::string()) + describe(r.err);
}

inline std::string describe_fields(const std::vector<std::string_view>& fields) {
  std::string out;
  for (std::size_t k = 0; k < fields.size(); ++k) out += (k ? " | " : "") + quote(fields[k]);
  return out;
}

}  // namespace wwwauth_reference
