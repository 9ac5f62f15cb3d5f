// `curl -v` output (usually `curl -v URL 2>&1`): request lines prefixed "> ", response lines
// "< ", curl's own notes "* ", the body unprefixed. From it: the response head lines (for
// read_last_response) and what the request that drew the last response sent in
// Authorization and Proxy-Authorization, so that a repeated 401/407 can be classified
// (rejected, stale, other realm, other scheme). Plain `curl -si` text passes through unchanged.
#pragma once

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>

#include <wwwauth/credentials.hpp>
#include <wwwauth/diagnose.hpp>

namespace explain {

// The credentials of one request, as its header lines gave them.
struct sent_credentials {
  bool known = false;  // the input showed the request (curl -v); otherwise nothing is known
  std::optional<std::string> authorization;
  std::optional<std::string> proxy_authorization;

  // What diagnose() needs for a response with this status: Proxy-Authorization answers a
  // 407, Authorization anything else (RFC 9110 sections 11.6.2, 11.7.2). The views point
  // into this object, which must outlive the result.
  wwwauth::request_info for_status(int status) const {
    if (!known) return {};
    const std::optional<std::string>& field = status == 407 ? proxy_authorization : authorization;
    if (!field) return wwwauth::request_info::no_credentials();
    return wwwauth::request_info::from(wwwauth::parse_credentials(*field, wwwauth::mode::lenient));
  }
};

struct curl_exchange {
  std::string response;   // the response lines without their "< " prefix; or the input as is
  sent_credentials sent;  // of the request before the last response
};

inline bool iequals_ascii(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

// The value of `line` when it is a header line named `name` (case-insensitive: curl prints
// HTTP/2 names in lower case), else nullopt.
inline std::optional<std::string> header_value(std::string_view line, std::string_view name) {
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos || !iequals_ascii(line.substr(0, colon), name)) return std::nullopt;
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  return std::string(value);
}

inline curl_exchange read_curl_verbose(std::string_view text) {
  curl_exchange out;
  sent_credentials request;  // the request being read
  bool in_request = false;
  bool verbose = false;
  std::string_view rest = text;
  while (!rest.empty()) {
    const std::size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest.remove_prefix(nl == std::string_view::npos ? rest.size() : nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const std::string_view prefix = line.substr(0, 2);
    const std::string_view content = line.size() > 2 ? line.substr(2) : std::string_view{};
    if (prefix == "> " || line == ">") {
      if (!in_request) request = sent_credentials{true, std::nullopt, std::nullopt};  // a new request line
      in_request = !content.empty();  // the empty "> " line ends the request head
      if (auto v = header_value(content, "Authorization")) request.authorization = std::move(v);
      if (auto v = header_value(content, "Proxy-Authorization")) request.proxy_authorization = std::move(v);
    } else if (prefix == "< " || line == "<") {
      in_request = false;
      if (content.substr(0, 5) == "HTTP/") {
        verbose = true;
        out.sent = request;  // this response answers the request read last
      }
      out.response.append(content.data(), content.size()).append("\n");
    }
    // "* " lines are curl's notes; anything else is the body (stdout): both ignored.
  }
  if (!verbose) out.response = std::string(text);
  return out;
}

}  // namespace explain
