// The one rule for printing bytes that came from the network or from a file. A server chooses
// every byte of a realm or a body, so whatever the tools print from input goes through here:
// - C0 controls and DEL, which move the cursor, ring the bell or start escape sequences;
// - C1 controls (U+0080..U+009F) encoded as UTF-8, which terminals read as CSI, OSC and ST;
// - bidirectional controls (U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069), which
//   reorder what the reader sees (the "Trojan Source" attack);
// - bytes that are not well-formed UTF-8 (RFC 3629 section 4), a raw C1 byte among them;
// are shown escaped, everything else as it is. Text spells an escaped byte `\xNN` and an
// escaped code point `\uNNNN`; JSON spells both `\u00NN` / `\uNNNN`, so that a byte outside
// UTF-8 reads as its Latin-1 character, and adds the escapes JSON itself needs (RFC 8259
// section 7).
#pragma once

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

#include <wwwauth/utf8.hpp>

namespace wwwauth_tools {

// One step of the rule: the bytes s[i..i+length) and how they are shown.
struct escape_unit {
  enum class form { as_is, byte, code_point };
  std::size_t length = 1;
  form shown = form::as_is;
  std::uint32_t value = 0;  // the byte, or the code point
};

constexpr bool is_bidi_control(std::uint32_t cp) noexcept {
  return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

constexpr escape_unit next_escape_unit(std::string_view s, std::size_t i) noexcept {
  const auto byte = [&](std::size_t k) { return static_cast<std::uint32_t>(static_cast<unsigned char>(s[k])); };
  const std::size_t n = wwwauth::utf8_sequence_length(s, i);
  if (n == 0) return {1, escape_unit::form::byte, byte(i)};
  if (n == 1) {
    const std::uint32_t b = byte(i);
    return b < 0x20 || b == 0x7F ? escape_unit{1, escape_unit::form::byte, b} : escape_unit{};
  }
  // Well-formed, so the continuation bytes carry 6 bits each below the lead's.
  std::uint32_t cp = byte(i) & (0xFFu >> (n + 1));
  for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (byte(i + k) & 0x3F);
  if ((cp >= 0x80 && cp <= 0x9F) || is_bidi_control(cp)) return {n, escape_unit::form::code_point, cp};
  return {n, escape_unit::form::as_is, cp};
}

// Calls f(unit, bytes) for each unit of s, in order.
template <class F>
constexpr void for_each_escape_unit(std::string_view s, F&& f) {
  for (std::size_t i = 0; i < s.size();) {
    const escape_unit u = next_escape_unit(s, i);
    f(u, s.substr(i, u.length));
    i += u.length;
  }
}

// The appenders write to a Sink: std::string, or anything with the same `+=` and `append`.
template <class Sink>
void append_hex(Sink& out, std::uint32_t v, int digits) {
  constexpr char hex[] = "0123456789ABCDEF";
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) out += hex[(v >> shift) & 0xF];
}

// Terminal text: `\xNN` for an escaped byte, `\uNNNN` for an escaped code point.
template <class Sink>
void append_printable(Sink& out, std::string_view s) {
  for_each_escape_unit(s, [&](const escape_unit& u, std::string_view bytes) {
    if (u.shown == escape_unit::form::byte) {
      out += "\\x";
      append_hex(out, u.value, 2);
    } else if (u.shown == escape_unit::form::code_point) {
      out += "\\u";
      append_hex(out, u.value, 4);
    } else {
      out.append(bytes);
    }
  });
}

// `os << escaped{bytes}`: printable(bytes) written out in pieces, never held whole (a value
// of many MiB of escaped bytes would otherwise take four times its size).
struct escaped {
  std::string_view bytes;
};

inline std::ostream& operator<<(std::ostream& os, escaped e) {
  std::string piece;
  for_each_escape_unit(e.bytes, [&](const escape_unit&, std::string_view unit) {
    append_printable(piece, unit);
    if (piece.size() >= 64 * 1024) {
      os.write(piece.data(), static_cast<std::streamsize>(piece.size()));
      piece.clear();
    }
  });
  return os.write(piece.data(), static_cast<std::streamsize>(piece.size()));
}

inline std::string printable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  append_printable(out, s);
  return out;
}

// The terminal columns printable(s) takes for the units that start before byte `end` of s:
// where a caret must go to stand under s[end]. Each code point shown as it is counts as one
// column (wide East Asian characters would take two on most terminals).
inline std::size_t printable_columns(std::string_view s, std::size_t end) {
  std::size_t columns = 0;
  for (std::size_t i = 0; i < s.size() && i < end;) {
    const escape_unit u = next_escape_unit(s, i);
    columns += u.shown == escape_unit::form::byte ? 4 : u.shown == escape_unit::form::code_point ? 6 : 1;
    i += u.length;
  }
  return columns;
}

// A JSON string literal, quotes included.
template <class Sink>
void append_json_string(Sink& out, std::string_view s) {
  out += '"';
  for_each_escape_unit(s, [&](const escape_unit& u, std::string_view bytes) {
    if (u.shown == escape_unit::form::as_is) {
      if (bytes[0] == '"' || bytes[0] == '\\') out += '\\';
      out.append(bytes);
    } else if (u.value == '\n') {
      out += "\\n";
    } else if (u.value == '\t') {
      out += "\\t";
    } else if (u.value == '\r') {
      out += "\\r";
    } else {
      out += "\\u";
      append_hex(out, u.value, 4);
    }
  });
  out += '"';
}

inline std::string json_string(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  append_json_string(out, s);
  return out;
}

// True when printing `out` to a terminal cannot do anything but show characters: every unit
// is shown as it is, apart from line feeds. The fuzz targets hold every output to this.
constexpr bool is_safe_to_print(std::string_view out) noexcept {
  for (std::size_t i = 0; i < out.size();) {
    const escape_unit u = next_escape_unit(out, i);
    if (u.shown != escape_unit::form::as_is && !(u.shown == escape_unit::form::byte && u.value == '\n')) return false;
    i += u.length;
  }
  return true;
}

}  // namespace wwwauth_tools
