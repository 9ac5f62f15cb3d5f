// Checks shared by the fuzz targets of the tools' readers (response head, curl -v, HAR): what
// the tools print of a transcript goes through the escaping rule and comes out safe to print
// and valid JSON that reads back; what a reader keeps stays within a constant of its input.
#pragma once

#include <cstddef>
#include <iterator>
#include <string>
#include <string_view>

#include <wwwauth/wwwauth.hpp>
#include <wwwauth_tools/escape.hpp>
#include <wwwauth_tools/exchange.hpp>
#include <wwwauth_tools/json_reader.hpp>

#include "fuzz_common.hpp"

namespace wwwauth_fuzz {

// Written from the byte patterns, independently of escape.hpp's decoding: whether `out` holds
// a raw C0 control other than LF, DEL, a C1 control encoded as UTF-8 (C2 80..C2 9F), a
// bidirectional control (D8 9C; E2 80 8E, E2 80 8F, E2 80 AA..E2 80 AE; E2 81 A6..E2 81 A9)
// or a byte outside well-formed UTF-8.
inline bool holds_terminal_control(std::string_view out) {
  const auto at = [&](std::size_t i) { return static_cast<unsigned char>(out[i]); };
  for (std::size_t i = 0; i < out.size(); ++i) {
    const unsigned char b = at(i);
    if ((b < 0x20 && b != '\n') || b == 0x7F) return true;
    if (b < 0x80) continue;
    const std::size_t n = wwwauth::utf8_sequence_length(out, i);
    if (n == 0) return true;
    const unsigned char b1 = at(i + 1);
    if (b == 0xC2 && b1 <= 0x9F) return true;
    if (b == 0xD8 && b1 == 0x9C) return true;
    if (b == 0xE2) {
      const unsigned char b2 = at(i + 2);
      if (b1 == 0x80 && (b2 == 0x8E || b2 == 0x8F || (b2 >= 0xAA && b2 <= 0xAE))) return true;
      if (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9) return true;
    }
    i += n - 1;
  }
  return false;
}

// Text and JSON spellings of `s`: safe to print; the JSON one a string that json_reader reads
// back, as `s` itself when `s` is UTF-8 (bytes outside UTF-8 come back as their Latin-1 code
// points).
inline void check_printed(std::string_view s) {
  const std::string text = wwwauth_tools::printable(s);
  check(wwwauth_tools::is_safe_to_print(text) && !holds_terminal_control(text), "text output is safe to print",
        wwwauth_reference::quote(s));
  const std::string json = wwwauth_tools::json_string(s);
  check(wwwauth_tools::is_safe_to_print(json) && !holds_terminal_control(json), "JSON output is safe to print",
        wwwauth_reference::quote(s));
  wwwauth_tools::json_reader r(json);
  check(r.next() == wwwauth_tools::json_reader::event::string, "json_string() is a JSON string", json);
  if (wwwauth::is_utf8(s)) check(r.text() == s, "json_string() reads back as the input", json);
  check(r.next() == wwwauth_tools::json_reader::event::end, "json_string() is one JSON value", json);
  check(wwwauth_tools::printable_columns(s, s.size()) <= text.size(), "columns within the printed bytes");
}

// Everything of a transcript the tools print, through check_printed; and what is kept is
// bounded by the input (linear work: nothing is produced that was not read).
inline void check_transcript(const wwwauth_tools::transcript& t, std::string_view in) {
  std::size_t kept = 0;
  for (const wwwauth_tools::exchange& e : t.exchanges) {
    check_printed(e.request.method);
    check_printed(e.request.url);
    for (const wwwauth_tools::header_field& h : e.request.headers) {
      check_printed(h.name);
      check_printed(h.value);
      kept += h.name.size() + h.value.size();
    }
    for (const wwwauth_tools::header_field& h : e.response.headers) {
      check_printed(h.name);
      check_printed(h.value);
      kept += h.name.size() + h.value.size();
    }
    check_printed(e.response.reason);
    check_printed(e.response.redirect_url);
    check(e.response.body_prefix.size() <= wwwauth_tools::body_prefix_capacity, "the body prefix within its capacity");
    kept += e.request.method.size() + e.request.url.size() + e.response.body_prefix.size();
    // The challenges as the tool shows them.
    const auto fields = wwwauth_tools::values_of(e.response.headers, "WWW-Authenticate");
    const auto list = wwwauth::parse_challenges(fields, wwwauth::mode::lenient);
    for (const wwwauth::challenge& c : list) {
      check_printed(c.scheme());
      check_printed(c.token68());
      for (const wwwauth::auth_param& p : c.params()) {
        std::string value;
        p.value().decode(std::back_inserter(value));
        check_printed(p.name());
        check_printed(value);
      }
    }
  }
  for (const std::string& note : t.notes) check_printed(note);
  if (t.error) check_printed(t.error->message);
  // A URL may join a Host value and a target from two lines (each counted once), and every
  // exchange costs at least one input line.
  check(kept <= 2 * in.size() + 64, "what is kept is bounded by the input");
  check(t.exchanges.size() <= in.size() / 2 + 1, "no more exchanges than input lines");
}

}  // namespace wwwauth_fuzz
