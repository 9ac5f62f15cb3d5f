// Writing input bytes safely: as JSON strings (DESIGN.md section 4: bytes that are not valid
// UTF-8 appear as \u00XX of the byte) and as terminal text (control characters escaped).
#pragma once

#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>

#include <wwwauth/utf8.hpp>

namespace explain {

inline std::string hex_escape(const char* prefix, unsigned char b) {
  char buf[12];
  std::snprintf(buf, sizeof buf, "%s%02X", prefix, b);
  return buf;
}

// A JSON string literal, quotes included.
inline std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t n = wwwauth::utf8_sequence_length(s, i);
    if (b == '"' || b == '\\') {
      out += '\\';
      out += static_cast<char>(b);
    } else if (b == '\n') {
      out += "\\n";
    } else if (b == '\t') {
      out += "\\t";
    } else if (b == '\r') {
      out += "\\r";
    } else if (b < 0x20 || b == 0x7F || n == 0) {
      out += hex_escape("\\u00", b);  // control byte, or a byte outside valid UTF-8 (as Latin-1)
      i += 1;
      continue;
    } else {
      out.append(s.substr(i, n));
      i += n;
      continue;
    }
    ++i;
  }
  return out + "\"";
}

// Terminal text: control characters and bytes outside valid UTF-8 as \xNN, so that input
// can never move the cursor, change colours or ring the bell.
inline std::string printable(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t n = wwwauth::utf8_sequence_length(s, i);
    if (b < 0x20 || b == 0x7F || n == 0) {
      out += hex_escape("\\x", b);
      i += 1;
    } else {
      out.append(s.substr(i, n));
      i += n;
    }
  }
  return out;
}

}  // namespace explain
