// The lexical layer: a cursor over one field value or a sequence of them, and scanners for
// the lexemes of RFC 9110 (OWS, token, token68, quoted-string). Each scanner takes a field
// and a start offset and returns an end offset: one pass, no backtracking, no recursion.
#pragma once

#include <cstddef>
#include <string_view>

#include "../chars.hpp"
#include "../error.hpp"
#include "../mode.hpp"
#include "simd.hpp"

namespace wwwauth::detail {

// A position in a sequence of field lines. Several lines of one field name form one list
// (RFC 9110 section 5.3), so the boundary between two lines acts exactly like a comma.
// With one line the cursor needs no array: it keeps the line itself in `text`.
struct cursor {
  const std::string_view* fields = nullptr;  // the caller's lines, or null for a single line
  std::size_t field_count = 1;
  std::size_t field = 0;
  std::string_view text{};  // the current line
  std::size_t pos = 0;      // offset in `text`

  constexpr bool at_field_end() const noexcept { return pos >= text.size(); }
  constexpr bool at_end() const noexcept { return at_field_end() && field + 1 >= field_count; }
  constexpr char peek() const noexcept { return text[pos]; }
  constexpr bool next_field() noexcept {
    if (fields == nullptr || field + 1 >= field_count) return false;
    ++field;
    text = fields[field];
    pos = 0;
    return true;
  }
};

constexpr cursor make_cursor(std::string_view line) noexcept { return cursor{nullptr, 1, 0, line, 0}; }
constexpr cursor make_cursor(const std::string_view* lines, std::size_t count) noexcept {
  return count == 0 ? cursor{nullptr, 0, 0, {}, 0} : cursor{lines, count, 0, lines[0], 0};
}

// The bytes [begin, end) of s, where begin <= end <= s.size() is known: the scanners' offsets
// never pass the end, so string_view::substr's check (and its throw) has no work to do.
constexpr std::string_view slice(std::string_view s, std::size_t begin, std::size_t end) noexcept {
  return std::string_view(s.data() + begin, end - begin);
}

template <class Predicate>
constexpr std::size_t skip_while(std::string_view s, std::size_t pos, Predicate pred) noexcept {
  while (pos < s.size() && pred(s[pos])) ++pos;
  return pos;
}
constexpr std::size_t skip_ows(std::string_view s, std::size_t pos) noexcept {
  return skip_while(s, pos, chars::is_ows);
}
constexpr std::size_t token_end(std::string_view s, std::size_t pos) noexcept {
  return skip_while(s, pos, chars::is_tchar);
}
constexpr bool is_separator_at(std::string_view s, std::size_t pos) noexcept {
  return pos >= s.size() || s[pos] == ',';
}
constexpr bool is_token_at(std::string_view s, std::size_t pos) noexcept {
  return pos < s.size() && chars::is_tchar(s[pos]);
}

// token68 = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="  (section 11.2).
// Returns pos itself when no token68 starts there.
constexpr std::size_t token68_end(std::string_view s, std::size_t pos) noexcept {
  std::size_t body_end = pos;
#if defined(WWWAUTH_SSE2)
  // Negotiate and NTLM tokens run to kilobytes: a vector a step.
  if (vector_path_allowed()) body_end = find_first<non_token68>(s, pos);
#endif
  body_end = skip_while(s, body_end, chars::is_token68);
  if (body_end == pos) return pos;
  return skip_while(s, body_end, [](char c) { return c == '='; });
}

// Lenient mode: an unquoted value holding bytes outside tchar. It never starts with '=',
// so that `abc==` stays a token68 as in strict mode.
constexpr std::size_t lenient_value_end(std::string_view s, std::size_t pos) noexcept {
  if (pos >= s.size() || s[pos] == '=') return pos;
  return skip_while(s, pos, chars::is_lenient_value);
}

// The end of the quoted-string opening at `pos` for skipping it whole: after its closing
// quote, quoted-pairs honoured and any other byte (a control byte too) taken as content; the
// field's end when it never closes. Lenient recovery skips broken elements with it, so that
// nothing inside a quoted-string is ever read as a parameter or a challenge.
constexpr std::size_t skip_quoted(std::string_view s, std::size_t pos) noexcept {
  std::size_t i = pos + 1;
  while (i < s.size()) {
    if (s[i] == '"') return i + 1;
    i += s[i] == '\\' ? 2 : 1;
  }
  return s.size();
}

struct quoted_scan {
  std::size_t end = 0;      // offset after the closing quote (or the field's end, lenient)
  std::size_t escapes = 0;  // number of quoted-pairs
  bool closed = false;      // false only for a string lenient mode closed at the field's end
  errc error = errc::none;
  std::size_t error_pos = 0;
};

// quoted-string = DQUOTE *( qdtext / quoted-pair ) DQUOTE  (section 5.6.4); `pos` is at the
// opening quote. Lenient mode closes a string left open at the end of its field.
constexpr quoted_scan scan_quoted(std::string_view s, std::size_t pos, mode m) noexcept {
  quoted_scan r;
  std::size_t i = pos + 1;
  while (i < s.size()) {
#if defined(WWWAUTH_SSE2)
    if (vector_path_allowed()) {
      i = quoted_run_end(s, i, r.escapes);
      if (i >= s.size()) break;
      if (s[i] == '"') {  // where the vector loop nearly always stops
        r.end = i + 1;
        r.closed = true;
        return r;
      }
    }
#endif
    const char c = s[i];
    if (chars::is_qdtext(c)) {
      ++i;
    } else if (c == '"') {
      r.end = i + 1;
      r.closed = true;
      return r;
    } else if (c == '\\' && i + 1 < s.size()) {
      if (!chars::is_quotable(s[i + 1])) {
        r.error = errc::invalid_quoted_char;
        r.error_pos = i + 1;
        return r;
      }
      ++r.escapes;
      i += 2;
    } else if (c == '\\') {
      break;  // a backslash with nothing after it: the string is not closed
    } else {
      r.error = errc::invalid_quoted_char;
      r.error_pos = i;
      return r;
    }
  }
  if (m == mode::lenient) {
    r.end = s.size();
  } else {
    r.error = errc::unterminated_quoted_string;
    r.error_pos = pos;
  }
  return r;
}

}  // namespace wwwauth::detail
