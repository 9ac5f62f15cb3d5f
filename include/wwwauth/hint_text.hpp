// A hint as one line of text, for logs and terminals:
//
//     error retry.rejected (user): Credentials were sent and ... [realm="api"]
//
// Severity, code, who must act, the static text, then the parameters it refers to, decoded
// and re-quoted. Bytes from the server that are not printable ASCII (control bytes, a line
// break, non-ASCII) are written as \xNN, so the line stays one line and cannot drive a terminal.
//
//     char line[512];
//     const std::size_t n = wwwauth::write_hint_line(h, line, sizeof line);  // snprintf-like size
#pragma once

#include <cstddef>
#include <string_view>

#include "detail/field_writer.hpp"
#include "hint.hpp"
#include "hint_catalog.hpp"

namespace wwwauth {

template <class OutIt>
constexpr OutIt write_hint_line(const hint& h, OutIt out) {
  auto put = [&out](std::string_view s) {
    for (const char c : s) {
      *out = c;
      ++out;
    }
  };
  auto put_server_byte = [&](char c) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u < 0x7f && c != '"' && c != '\\') {
      *out = c;
      ++out;
    } else if (c == '"' || c == '\\') {
      put(c == '"' ? "\\\"" : "\\\\");
    } else {
      const char escaped[4] = {'\\', 'x', "0123456789abcdef"[u >> 4U], "0123456789abcdef"[u & 0xfU]};
      put(std::string_view(escaped, 4));
    }
    return true;
  };
  put(name(h.level()));
  put(" ");
  put(h.code());
  put(" (");
  put(name(h.who()));
  put("): ");
  put(h.text());
  bool first = true;
  for (const auth_param& p : h.params()) {
    put(first ? " [" : ", ");
    first = false;
    for (const char c : p.name()) put_server_byte(c);
    put("=\"");
    p.value().visit(put_server_byte);
    put("\"");
  }
  if (!first) put("]");
  return out;
}

// Into a caller's buffer: returns the line's whole length (no terminator); when that is above
// cap, only the first cap bytes were written.
constexpr std::size_t write_hint_line(const hint& h, char* buf, std::size_t cap) noexcept {
  return write_hint_line(h, detail::bounded_iterator(buf, cap)).count();
}

}  // namespace wwwauth
