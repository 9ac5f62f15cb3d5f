// wwwauth with cpp-httplib (Debian: libcpp-httplib-dev): a response read into an
// authenticator, and its answer put on the next request's headers. httplib's own
// set_basic_auth/set_digest_auth stay unused. Outside the umbrella header: only programs that
// use cpp-httplib include it.
//
//     httplib::Client cli("http://127.0.0.1:8080");
//     httplib::Headers headers;
//     for (int round = 0; round < 4; ++round) {
//       const httplib::Result res = cli.Get("/private/", headers);
//       const auto v = wwwauth::httplib::read_response(res, origin);
//       if (v.step != wwwauth::auth_step::retry) break;
//       if (!wwwauth::httplib::set_authorization(headers, origin, "GET", "/private/")) break;
//     }
//
// Through a forward proxy (Client::set_proxy) httplib writes the absolute URL in the request
// line: give that target to the proxy's authenticator; the origin's authenticator turns it into
// the path the origin sees by itself. One Headers map carries both parties' answers.
#pragma once

#include <httplib.h>

#include <string>  // httplib::Headers holds std::string: set_authorization() writes one
#include <string_view>

#include "authenticator.hpp"
#include "detail/ascii.hpp"
#include "field_lines.hpp"

namespace wwwauth::httplib {

// Views of the values of every field `name` of the response, in order, into the response's own
// headers: the verdict's hints point there too. Names compare case-insensitively, as httplib's
// map does (RFC 9110 section 5.1); walking the map spares building a std::string key. Lines
// past the capacity are counted (overflowed()), and an authenticator given them refuses the
// response.
inline field_lines<> header_values(const ::httplib::Response& res, std::string_view name) {
  field_lines<> out;
  for (const auto& [key, value] : res.headers) {
    if (detail::iequals(key, name)) out.push_back(std::string_view(value));
  }
  return out;
}

// Reads a response for one party (a failed request, with no response, reads as status 0).
// The body is passed for Digest qop=auth-int, whose rspauth covers it. The verdict's hints
// point into the response: keep it while reading them.
template <std::size_t HintCapacity = default_hint_capacity, class Authenticator>
auth_verdict<HintCapacity> read_response(const ::httplib::Response& res, Authenticator& auth) {
  const field_lines<> challenges = header_values(res, auth.challenge_header());
  const field_lines<> info = header_values(res, auth.info_header());
  return auth.template on_response<HintCapacity>(res.status, challenges, info, res.body);
}
template <std::size_t HintCapacity = default_hint_capacity, class Authenticator>
auth_verdict<HintCapacity> read_response(const ::httplib::Result& res, Authenticator& auth) {
  if (!res) return auth.template on_response<HintCapacity>(0, no_field_lines, no_field_lines);
  return read_response<HintCapacity>(*res, auth);
}

// Sets (replaces) the party's Authorization or Proxy-Authorization in `headers` for the request
// with this method, request-target and body. The answer's error says why nothing was set.
template <class Authenticator>
auth_answer set_authorization(::httplib::Headers& headers, Authenticator& auth, std::string_view method,
                              std::string_view target, std::string_view body = {}) {
  const auth_answer a = auth.authorization(method, target, body);
  if (!a) return a;
  const std::string name(auth.header_name());
  headers.erase(name);
  headers.emplace(name, std::string(a.value));
  return a;
}

}  // namespace wwwauth::httplib
