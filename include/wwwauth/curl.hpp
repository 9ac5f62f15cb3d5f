// wwwauth with libcurl (>= 7.83, for curl_easy_header): the last response read into an
// authenticator, and its answer put on the next request. libcurl's own authentication
// (CURLOPT_HTTPAUTH, CURLOPT_USERPWD) stays off; libcurl only moves bytes. Outside the umbrella
// header: only programs that link libcurl include it.
//
//     const auto route = wwwauth::curl::route_of(url, proxy_url);  // CURLOPT_URL, CURLOPT_PROXY set
//     for (int round = 0; round < 4; ++round) {
//       wwwauth::curl::request_headers headers(url, route);
//       if (!headers.add(proxy) || !headers.add(origin)) break;   // each party's answer, if any
//       headers.set_on(curl);
//       curl_easy_perform(curl);
//       auto v = wwwauth::curl::read_response(curl, proxy, route);  // a 407 is the proxy's
//       if (v.step == wwwauth::auth_step::done) v = wwwauth::curl::read_response(curl, origin, route);
//       if (v.step != wwwauth::auth_step::retry) break;
//     }
//
// The proxy and the origin are kept apart, as RFC 9110 section 11.7 does: through a CONNECT
// tunnel (https via a proxy) the proxy's answer is the CONNECT response (CURLH_CONNECT,
// CURLINFO_HTTP_CONNECTCODE) and only its headers are the proxy's; the origin's are the last
// request's own (CURLH_HEADER), never the CONNECT's. A 407 that the configured proxy did not
// send (no proxy configured, or an origin answering 407 inside the tunnel) reaches no proxy
// authenticator, so no proxy credentials go to it.
#pragma once

#include <curl/curl.h>

#include <algorithm>
#include <string>  // libcurl takes NUL-terminated names and header lines, built here
#include <string_view>
#include <utility>

#include "authenticator.hpp"
#include "field_lines.hpp"

#if LIBCURL_VERSION_NUM < 0x075300
#error "wwwauth/curl.hpp needs libcurl 7.83 or later (curl_easy_header)"
#endif

namespace wwwauth::curl {

// How a transfer reaches the origin (RFC 9110 section 3.7): directly, through a forward proxy
// (http URLs: the proxy sees the request itself), or through a CONNECT tunnel (https URLs:
// the proxy sees only CONNECT host:port).
enum class route : std::uint8_t { direct, forward_proxy, tunnel };

// The route for a URL and the proxy given to CURLOPT_PROXY ("" for none).
inline route route_of(std::string_view url, std::string_view proxy) {
  if (proxy.empty()) return route::direct;
  const bool https = url.size() >= 8 && detail::iequals(url.substr(0, 8), "https://");
  return https ? route::tunnel : route::forward_proxy;
}

// How many values of a field are read at most: one more than an authenticator takes, so that
// it sees a response with too many. Each curl_easy_header() call walks the whole list of the
// response's headers, so reading every one of 10,000 lines would take 10^8 steps (seconds).
inline constexpr std::size_t max_header_values = default_field_line_capacity + 1;

// How many fields `name` the last request's response has (origin CURLH_HEADER), or the proxy's
// CONNECT response (CURLH_CONNECT).
inline std::size_t header_count(CURL* curl, const char* name, unsigned int origin = CURLH_HEADER) {
  curl_header* h = nullptr;
  return curl_easy_header(curl, name, 0, origin, -1, &h) == CURLHE_OK ? h->amount : 0;
}

// Views of the values of the fields `name` in that response, in order, the first `limit` of
// them (header_count() says how many there are); lines past the capacity are counted
// (overflowed()). They point into the handle's storage, valid until its next transfer (so do
// the verdict's hints).
inline field_lines<> header_values(CURL* curl, const char* name, unsigned int origin = CURLH_HEADER,
                                   std::size_t limit = max_header_values) {
  field_lines<> out;
  const std::size_t amount = std::min(header_count(curl, name, origin), limit);
  for (std::size_t i = 0; i < amount; ++i) {
    curl_header* h = nullptr;
    if (curl_easy_header(curl, name, i, origin, -1, &h) == CURLHE_OK) out.push_back(std::string_view(h->value));
  }
  return out;
}

// The status this party must see after curl_easy_perform(): the origin's response code (0 when
// a CONNECT failed: the origin was never reached); for the proxy, the CONNECT response's code in
// a tunnel, the response code through a forward proxy, and 0 without a proxy.
inline long status_for(CURL* curl, auth_party party, route r) {
  long connect = 0, response = 0;
  curl_easy_getinfo(curl, CURLINFO_HTTP_CONNECTCODE, &connect);
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response);
  if (party == auth_party::origin) return r == route::tunnel && connect != 0 && connect != 200 ? 0 : response;
  switch (r) {
    case route::tunnel: return connect;
    case route::forward_proxy: return response;
    case route::direct: break;
  }
  return 0;
}

// The request-target as this party checks it (RFC 9112 section 3.2): the path and query for the
// origin, the absolute URL for a forward proxy, host:port for CONNECT.
inline std::string request_target(const std::string& url, auth_party party, route r) {
  std::string out;
  CURLU* u = curl_url();
  if (u == nullptr || curl_url_set(u, CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) {
    curl_url_cleanup(u);
    return out;
  }
  auto part = [u](CURLUPart which, unsigned int flags = 0) {
    char* value = nullptr;
    std::string s;
    if (curl_url_get(u, which, &value, flags) == CURLUE_OK && value != nullptr) s = value;
    curl_free(value);
    return s;
  };
  if (party == auth_party::proxy && r == route::tunnel) {
    out = part(CURLUPART_HOST) + ":" + part(CURLUPART_PORT, CURLU_DEFAULT_PORT);
  } else if (party == auth_party::proxy && r == route::forward_proxy) {
    out = url;
  } else {
    const std::string query = part(CURLUPART_QUERY);
    out = part(CURLUPART_PATH) + (query.empty() ? "" : "?" + query);
  }
  curl_url_cleanup(u);
  return out;
}

// Reads the last transfer for this party: its status, challenge lines and Authentication-Info
// lines from the right response. `body` is needed only for Digest qop=auth-int (the whole body).
template <std::size_t HintCapacity = default_hint_capacity, class Authenticator>
auth_verdict<HintCapacity> read_response(CURL* curl, Authenticator& auth, route r, std::string_view body = {}) {
  const unsigned int origin = auth.party() == auth_party::proxy && r == route::tunnel ? CURLH_CONNECT : CURLH_HEADER;
  const long status = status_for(curl, auth.party(), r);
  const std::string challenge_name(auth.challenge_header()), info_name(auth.info_header());
  const field_lines<> challenges = status == 0 ? field_lines<>() : header_values(curl, challenge_name.c_str(), origin);
  const field_lines<> info = status == 0 ? field_lines<>() : header_values(curl, info_name.c_str(), origin);
  return auth.template on_response<HintCapacity>(static_cast<int>(status), challenges, info, body);
}

// Appends "Authorization: <answer>" (Proxy-Authorization for the proxy) to `list`, for the
// request with this method and target (see request_target()). For a tunnel, put a proxy's list
// in CURLOPT_PROXYHEADER with CURLOPT_HEADEROPT = CURLHEADER_SEPARATE, so it goes in CONNECT
// only; otherwise in CURLOPT_HTTPHEADER. The answer's error says why nothing was added.
template <class Authenticator>
auth_answer add_authorization(curl_slist*& list, Authenticator& auth, std::string_view method, std::string_view target,
                              std::string_view body = {}) {
  const auth_answer a = auth.authorization(method, target, body);
  if (!a) return a;
  const std::string line = std::string(auth.header_name()) + ": " + std::string(a.value);
  curl_slist* grown = curl_slist_append(list, line.c_str());
  if (grown == nullptr) return auth_answer{auth_errc::client_refused, build_errc::none, {}};
  list = grown;
  return a;
}

// The header lists of one request, owned: the server's (CURLOPT_HTTPHEADER; also what a forward
// proxy reads) and, in a tunnel, the proxy's CONNECT (CURLOPT_PROXYHEADER, with CURLOPT_HEADEROPT
// set to CURLHEADER_SEPARATE so that they never reach the origin). Keep it alive until
// curl_easy_perform() returns.
class request_headers {
 public:
  request_headers(std::string url, route r) : url_(std::move(url)), route_(r) {}
  request_headers(const request_headers&) = delete;
  request_headers& operator=(const request_headers&) = delete;
  ~request_headers() {
    curl_slist_free_all(server_);
    curl_slist_free_all(connect_);
  }

  // Adds the party's answer for a request with this method (and body, for auth-int), when it
  // has accepted a challenge; without one there is nothing to add, which is no error.
  template <class Authenticator>
  auth_answer add(Authenticator& auth, std::string_view method = "GET", std::string_view body = {}) {
    if (!auth.has_challenge()) return {};
    curl_slist*& list = auth.party() == auth_party::proxy && route_ == route::tunnel ? connect_ : server_;
    return add_authorization(list, auth, method, request_target(url_, auth.party(), route_), body);
  }
  // Sets the lists on the handle for its next transfer.
  void set_on(CURL* curl) const {
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, server_);
    curl_easy_setopt(curl, CURLOPT_PROXYHEADER, connect_);
    curl_easy_setopt(curl, CURLOPT_HEADEROPT, CURLHEADER_SEPARATE);
  }

 private:
  std::string url_;
  route route_;
  curl_slist* server_ = nullptr;
  curl_slist* connect_ = nullptr;
};

}  // namespace wwwauth::curl
