// Reads a raw HTTP response head as `curl -si` prints it (status line, header lines, CRLF or
// LF, RFC 9112 sections 4 and 5), keeping the last response when there are several (curl
// prints each one of a redirect or authentication exchange).
#pragma once

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace explain {

struct header_line {
  std::string name;
  std::string value;
};

struct response_head {
  int status = 0;
  std::vector<header_line> headers;

  // Values of every field with this name (case-insensitive), in order.
  std::vector<std::string> values_of(std::string_view name) const {
    std::vector<std::string> out;
    for (const header_line& h : headers) {
      if (h.name.size() == name.size() &&
          std::equal(name.begin(), name.end(), h.name.begin(), [](char a, char b) {
            return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
          })) {
        out.push_back(h.value);
      }
    }
    return out;
  }
};

inline std::string_view trim_ows(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// status-line = HTTP-version SP status-code SP [ reason-phrase ]; curl prints HTTP/2 and HTTP/3
// without a minor version.
inline std::optional<int> parse_status_line(std::string_view line) {
  if (line.substr(0, 5) != "HTTP/") return std::nullopt;
  const std::size_t sp = line.find(' ');
  if (sp == std::string_view::npos || line.size() < sp + 4) return std::nullopt;
  int status = 0;
  for (std::size_t i = sp + 1; i < sp + 4; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(line[i]))) return std::nullopt;
    status = status * 10 + (line[i] - '0');
  }
  if (line.size() > sp + 4 && line[sp + 4] != ' ') return std::nullopt;
  return status;
}

// The last response of `text`, or nullopt when no status line is there.
inline std::optional<response_head> read_last_response(std::string_view text) {
  std::optional<response_head> current;
  bool in_head = false;
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);

    if (const std::optional<int> status = parse_status_line(line)) {
      current = response_head{*status, {}};
      in_head = true;
    } else if (!in_head) {
      continue;  // body, or text before the first response
    } else if (line.empty()) {
      in_head = false;
    } else if ((line.front() == ' ' || line.front() == '\t') && !current->headers.empty()) {
      // obs-fold (RFC 9112 section 5.2): the line continues the previous field, as one SP.
      std::string& value = current->headers.back().value;
      value += ' ';
      value += trim_ows(line);
    } else if (const std::size_t colon = line.find(':'); colon != std::string_view::npos) {
      current->headers.push_back({std::string(line.substr(0, colon)), std::string(trim_ows(line.substr(colon + 1)))});
    }
  }
  return current;
}

}  // namespace explain
