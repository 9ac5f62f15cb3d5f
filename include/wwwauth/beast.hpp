// wwwauth with Boost.Beast (Debian: libboost-dev): a response read into an authenticator, and
// its answer set on the next request. Outside the umbrella header: only programs that use
// Beast include it.
//
//     http::request<http::empty_body> req{http::verb::get, "/private/", 11};
//     for (int round = 0; round < 4; ++round) {
//       http::response<http::string_body> res = send(req);   // write, then read, with Beast
//       const auto v = wwwauth::beast::read_response(res, origin);
//       if (v.step != wwwauth::auth_step::retry) break;
//       if (!wwwauth::beast::set_authorization(req, origin)) break;
//     }
//
// The request's own method, target and (string) body are what the answer covers. Through a
// forward proxy the request-target is the absolute URL: the proxy's authenticator answers for
// it as it is, the origin's for the path the proxy passes on. The verdict's hints point into the
// response's fields: keep the response while reading them.
#pragma once

#include <boost/beast/http.hpp>

#include <string_view>
#include <type_traits>

#include "authenticator.hpp"
#include "field_lines.hpp"

namespace wwwauth::beast {

namespace http = boost::beast::http;

// Views of the values of every field `name`, in order, into the message; lines past the
// capacity are counted (overflowed()), and an authenticator given them refuses the response.
template <bool IsRequest, class Body, class Fields>
field_lines<> header_values(const http::message<IsRequest, Body, Fields>& m, std::string_view name) {
  field_lines<> out;
  const auto range = m.equal_range(boost::beast::string_view(name.data(), name.size()));
  for (auto it = range.first; it != range.second; ++it) {
    out.push_back(std::string_view(it->value().data(), it->value().size()));
  }
  return out;
}

template <class Body>
std::string_view body_of(const Body& body) {
  if constexpr (std::is_convertible_v<const Body&, std::string_view>) {
    return body;
  } else {
    return {};
  }
}

// Reads a response for one party; a string body is passed on for Digest qop=auth-int.
template <std::size_t HintCapacity = default_hint_capacity, class Authenticator, class Body, class Fields>
auth_verdict<HintCapacity> read_response(const http::response<Body, Fields>& res, Authenticator& auth) {
  const field_lines<> challenges = header_values(res, auth.challenge_header());
  const field_lines<> info = header_values(res, auth.info_header());
  return auth.template on_response<HintCapacity>(static_cast<int>(res.result_int()), challenges, info,
                                                 body_of(res.body()));
}

// Sets the party's Authorization or Proxy-Authorization on the request, for its method, target
// and body. The answer's error says why nothing was set.
template <class Authenticator, class Body, class Fields>
auth_answer set_authorization(http::request<Body, Fields>& req, Authenticator& auth) {
  const auto method = req.method_string();
  const auto target = req.target();
  const auth_answer a = auth.authorization(std::string_view(method.data(), method.size()),
                                           std::string_view(target.data(), target.size()), body_of(req.body()));
  if (!a) return a;
  const std::string_view name = auth.header_name();
  req.set(boost::beast::string_view(name.data(), name.size()),
          boost::beast::string_view(a.value.data(), a.value.size()));
  return a;
}

}  // namespace wwwauth::beast
