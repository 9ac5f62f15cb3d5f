// A slow RFC 8187 ext-value decoder written straight from the grammar of section 3.2.1, with
// nothing shared with wwwauth's: strings for results, the character sets spelled out, UTF-8
// decoded to code points. The fuzz target for ext_value.hpp compares the two.
//
//     ext-value     = charset "'" [ language ] "'" value-chars
//     charset       = "UTF-8" / mime-charset        ; ISO-8859-1 too, as RFC 5987 required
//     mime-charset  = 1*mime-charsetc
//     language      = Language-Tag (RFC 5646 section 2.1: subtags of 1 to 8 ALPHA / DIGIT
//                     joined by "-", the first one letters)
//     value-chars   = *( pct-encoded / attr-char )
//     pct-encoded   = "%" HEXDIG HEXDIG
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wwwauth_reference {

struct ext_result {
  std::string error;  // empty when well-formed, else the wwwauth::ext_errc name
  std::size_t offset = 0;
  std::string charset;
  std::string language;
  std::string bytes;  // decoded
};

namespace ext_detail {

inline bool in(std::string_view set, char c) { return set.find(c) != std::string_view::npos; }
inline bool alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool digit(char c) { return c >= '0' && c <= '9'; }
inline bool hexdig(char c) { return digit(c) || in("abcdefABCDEF", c); }
inline bool mime_charsetc(char c) { return alpha(c) || digit(c) || in("!#$%&+-^_`{}~", c); }
inline bool attr_char(char c) { return alpha(c) || digit(c) || in("!#$&+-.^_`|~", c); }
inline int hex(char c) {
  const std::string_view digits = "0123456789abcdef";
  return static_cast<int>(digits.find(static_cast<char>(c >= 'A' && c <= 'F' ? c - 'A' + 'a' : c)));
}

inline std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Offset of the first byte of `tag` that breaks the Language-Tag shape, or npos.
inline std::size_t language_error(std::string_view tag) {
  std::size_t start = 0;
  for (std::size_t k = 0;; ++k) {
    const std::size_t dash = tag.find('-', start);
    const std::size_t end = dash == std::string_view::npos ? tag.size() : dash;
    const std::string_view subtag = tag.substr(start, end - start);
    std::size_t bad = std::string_view::npos;
    if (subtag.empty()) {
      bad = start < tag.size() ? start : tag.size() - 1;  // "--", a leading or trailing '-'
    } else {
      for (std::size_t i = 0; i < subtag.size(); ++i) {
        if (!(alpha(subtag[i]) || (k > 0 && digit(subtag[i])))) {
          bad = start + i;
          break;
        }
      }
      if (subtag.size() > 8 && (bad == std::string_view::npos || start + 8 < bad)) bad = start + 8;
    }
    if (bad != std::string_view::npos || dash == std::string_view::npos) return bad;
    start = dash + 1;
  }
}

// Index of the first byte in `bytes` where no well-formed UTF-8 sequence (RFC 3629 section 4)
// starts, or npos; decodes code points and rejects overlongs, surrogates and > U+10FFFF.
inline std::size_t utf8_error(const std::string& bytes) {
  for (std::size_t i = 0; i < bytes.size();) {
    const auto lead = static_cast<unsigned char>(bytes[i]);
    // The lead byte's high bits give the length: 0xxxxxxx 1, 110xxxxx 2, 1110xxxx 3, 11110xxx 4.
    const std::size_t n = lead < 0x80             ? 1
                          : (lead & 0xE0) == 0xC0 ? 2
                          : (lead & 0xF0) == 0xE0 ? 3
                          : (lead & 0xF8) == 0xF0 ? 4
                                                  : 0;
    if (n == 0) return i;
    std::uint32_t cp = lead & (0x7Fu >> (n == 1 ? 0 : n));
    if (bytes.size() - i < n) return i;
    for (std::size_t k = 1; k < n; ++k) {
      const auto b = static_cast<unsigned char>(bytes[i + k]);
      if ((b & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (b & 0x3Fu);
    }
    const std::uint32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < smallest[n] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return i;
    i += n;
  }
  return std::string::npos;
}

inline ext_result fail(const char* error, std::size_t offset) {
  ext_result r;
  r.error = error;
  r.offset = offset;
  return r;
}

}  // namespace ext_detail

inline ext_result parse_ext_value(std::string_view text) {
  using namespace ext_detail;
  std::size_t pos = 0;
  while (pos < text.size() && mime_charsetc(text[pos])) ++pos;
  if (pos == 0 && (text.empty() || text[0] == '\'')) return fail("expected_charset", 0);
  if (pos == text.size()) return fail("expected_quote", pos);
  if (text[pos] != '\'') return fail("invalid_charset_char", pos);

  ext_result r;
  r.charset = std::string(text.substr(0, pos));
  const std::size_t language_start = pos + 1;
  const std::size_t second_quote = text.find('\'', language_start);
  if (second_quote == std::string_view::npos) return fail("expected_quote", text.size());
  r.language = std::string(text.substr(language_start, second_quote - language_start));
  if (!r.language.empty()) {
    const std::size_t bad = language_error(r.language);
    if (bad != std::string_view::npos) return fail("invalid_language", language_start + bad);
  }

  std::vector<std::size_t> origin;  // offset in text of each decoded byte
  for (std::size_t i = second_quote + 1; i < text.size();) {
    if (text[i] == '%') {
      if (i + 2 >= text.size() || !hexdig(text[i + 1]) || !hexdig(text[i + 2]))
        return fail("invalid_percent_encoding", i);
      r.bytes += static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2]));
      origin.push_back(i);
      i += 3;
    } else if (attr_char(text[i])) {
      r.bytes += text[i];
      origin.push_back(i);
      ++i;
    } else {
      return fail("invalid_value_char", i);
    }
  }
  if (lower(r.charset) == "utf-8") {
    const std::size_t bad = utf8_error(r.bytes);
    if (bad != std::string::npos) return fail("invalid_utf8", origin[bad]);
  }
  return r;
}

}  // namespace wwwauth_reference
