// One request and the response it drew, as a transcript (curl -si, curl -v, a HAR file)
// shows them, and the list of them that led to the response being explained. The records own
// their bytes, so they outlive the input they were read from.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <wwwauth/ascii.hpp>

namespace wwwauth_tools {

struct header_field {
  std::string name;   // as written
  std::string value;  // without the surrounding whitespace; obs-fold lines joined by one SP
};
using header_fields = std::vector<header_field>;

// Values of every field named `name` (case-insensitive, RFC 9110 section 5.1), in order.
inline std::vector<std::string_view> values_of(const header_fields& fields, std::string_view name) {
  std::vector<std::string_view> out;
  for (const header_field& f : fields) {
    if (wwwauth::iequals(f.name, name)) out.emplace_back(f.value);
  }
  return out;
}

inline const header_field* find_field(const header_fields& fields, std::string_view name) {
  for (const header_field& f : fields) {
    if (wwwauth::iequals(f.name, name)) return &f;
  }
  return nullptr;
}

// How much of a body is kept: enough for the signs an error page carries (a JSON error code,
// a security plugin's block page), little enough that a huge body costs nothing.
inline constexpr std::size_t body_prefix_capacity = 8 * 1024;

struct request_record {
  bool known = false;  // the transcript showed the request (curl -v, HAR); curl -si does not
  std::string method;
  std::string url;        // absolute (scheme://host/path) when the transcript tells scheme and host
  header_fields headers;  // Host, Authorization, Proxy-Authorization, Cookie among them
};

struct response_record {
  int status = 0;
  std::string reason;
  header_fields headers;
  std::string body_prefix;    // the first body_prefix_capacity bytes of the body
  std::size_t body_size = 0;  // bytes of body seen (more than body_prefix.size() when cut)
  std::string redirect_url;   // Location (or HAR's redirectURL) of a 3xx, else empty
  std::size_t line = 0;       // where its status line is in the input (1-based), 0 for HAR

  void append_body(std::string_view bytes) {
    body_size += bytes.size();
    if (body_prefix.size() < body_prefix_capacity) {
      body_prefix.append(bytes.substr(0, body_prefix_capacity - body_prefix.size()));
    }
  }
};

struct exchange {
  request_record request;
  response_record response;

  // RFC 9110 section 15.4: a 3xx with a target to follow.
  bool is_redirect() const {
    return response.status >= 300 && response.status <= 399 && !response.redirect_url.empty();
  }
};

// Where an input is malformed: line (1-based) and byte within that line (0-based).
struct read_error {
  std::size_t line = 0;
  std::size_t byte = 0;
  std::string message;
};

// What a reader made of its input: the exchanges in order (the last one is the response to
// explain, the earlier ones its history), remarks on input that was read but looks odd, and
// the first error. No exchange and no error: the input holds no response at all.
struct transcript {
  std::vector<exchange> exchanges;
  std::vector<std::string> notes;
  std::optional<read_error> error;
};

}  // namespace wwwauth_tools
