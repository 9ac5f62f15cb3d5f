// The lines of an HTTP/1.1 message head (RFC 9112 sections 3, 4 and 5) as a transcript prints
// them: request lines, status lines and field lines, each checked, with the byte of the first
// problem. curl prints HTTP/2 and HTTP/3 heads the same way, with "HTTP/2" as the version.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>

#include <wwwauth/chars.hpp>

#include "exchange.hpp"

namespace wwwauth_tools {

// A problem in one line: the byte within the line, and what is wrong.
struct line_error {
  std::size_t byte = 0;
  const char* message = "";
};

inline bool is_digit(char c) { return wwwauth::chars::is_digit(static_cast<unsigned char>(c)); }

inline std::string_view trim_ows(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The line without the CR of a CRLF ending.
inline std::string_view without_cr(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

// HTTP-version = "HTTP/" DIGIT "." DIGIT (RFC 9112 section 2.3), or curl's "HTTP/2", "HTTP/3":
// its length at the start of s, or 0.
inline std::size_t http_version_length(std::string_view s) {
  if (s.substr(0, 5) != "HTTP/" || s.size() < 6 || !is_digit(s[5])) return 0;
  if (s.size() >= 8 && s[6] == '.' && is_digit(s[7])) return 8;
  return 6;
}

// Lines that claim to be a status line: "HTTP/" at the start. Whether they are one is
// parse_status_line's answer.
inline bool looks_like_status_line(std::string_view line) { return line.substr(0, 5) == "HTTP/"; }

struct status_line {
  int status = 0;
  std::string_view reason;
};

// status-line = HTTP-version SP status-code SP [ reason-phrase ] (RFC 9112 section 4); a
// missing SP after the code is accepted (curl prints "HTTP/2 401" for HTTP/2).
inline std::variant<status_line, line_error> parse_status_line(std::string_view line) {
  const std::size_t v = http_version_length(line);
  if (v == 0) return line_error{5, "the status line has no valid HTTP version (HTTP/1.1, HTTP/2)"};
  if (line.size() <= v || line[v] != ' ') return line_error{v, "a space must follow the HTTP version"};
  if (line.size() < v + 4 || !is_digit(line[v + 1]) || !is_digit(line[v + 2]) || !is_digit(line[v + 3])) {
    return line_error{v + 1, "the status code must be three digits"};
  }
  if (line.size() > v + 4 && line[v + 4] != ' ') return line_error{v + 4, "a space must follow the status code"};
  const int status = (line[v + 1] - '0') * 100 + (line[v + 2] - '0') * 10 + (line[v + 3] - '0');
  return status_line{status, line.size() > v + 5 ? line.substr(v + 5) : std::string_view{}};
}

struct request_line {
  std::string_view method;
  std::string_view target;
};

// request-line = method SP request-target SP HTTP-version (RFC 9112 section 3).
inline std::variant<request_line, line_error> parse_request_line(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && wwwauth::chars::is_tchar(line[i])) ++i;
  if (i == 0 || i >= line.size() || line[i] != ' ')
    return line_error{i, "a request line starts with a method and a space"};
  const std::size_t target_end = line.find(' ', i + 1);
  if (target_end == std::string_view::npos || target_end == i + 1) {
    return line_error{i + 1, "a request line needs a target and an HTTP version"};
  }
  const std::string_view version = line.substr(target_end + 1);
  if (http_version_length(version) == 0 || http_version_length(version) != version.size()) {
    return line_error{target_end + 1, "the request line has no valid HTTP version (HTTP/1.1, HTTP/2)"};
  }
  return request_line{line.substr(0, i), line.substr(i + 1, target_end - i - 1)};
}

// field-line = field-name ":" OWS field-value OWS (RFC 9112 section 5). Whitespace between the
// name and the colon is an error a server must reject (section 5.1): it is reported, never
// read as another name.
inline std::variant<header_field, line_error> parse_field_line(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && wwwauth::chars::is_tchar(line[i])) ++i;
  if (i < line.size() && (line[i] == ' ' || line[i] == '\t')) {
    std::size_t j = i;
    while (j < line.size() && (line[j] == ' ' || line[j] == '\t')) ++j;
    if (i > 0 && j < line.size() && line[j] == ':') {
      return line_error{i, "whitespace between the field name and the colon (RFC 9112 section 5.1)"};
    }
    if (i > 0) return line_error{i, "a field line needs a colon after the field name"};
  }
  if (i == line.size()) return line_error{i, "a field line needs a colon after the field name"};
  if (line[i] != ':') {
    return line_error{
        i, i == 0 ? "a field line must start with a field name" : "this byte is not allowed in a field name"};
  }
  if (i == 0) return line_error{0, "a field line must start with a field name"};
  // RFC 9110 section 5.5: values holding CR, LF or NUL are invalid and dangerous (LF ends the
  // line already; a CR of a CRLF ending was taken off).
  for (std::size_t k = i + 1; k < line.size(); ++k) {
    if (line[k] == '\r' || line[k] == '\0')
      return line_error{k, "a CR or NUL inside a field value (RFC 9110 section 5.5)"};
  }
  return header_field{std::string(line.substr(0, i)), std::string(trim_ows(line.substr(i + 1)))};
}

// A line that starts with SP or HTAB continues the previous field (obs-fold, RFC 9112 section
// 5.2); a recipient replaces it by one SP.
inline bool is_obs_fold(std::string_view line) { return !line.empty() && (line[0] == ' ' || line[0] == '\t'); }

inline void append_obs_fold(header_field& field, std::string_view line) {
  field.value += ' ';
  field.value += trim_ows(line);
}

}  // namespace wwwauth_tools
