// Character classes of RFC 9110 (sections 5.6.2, 5.6.4, 11.2), as one constexpr table built
// from named predicates, so that every scanner asks one question with one load.
#pragma once

#include <array>
#include <cstdint>

namespace wwwauth::chars {

// tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~"
//         / DIGIT / ALPHA                                          (RFC 9110 section 5.6.2)
constexpr bool is_alpha(unsigned char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool is_digit(unsigned char c) noexcept { return c >= '0' && c <= '9'; }
constexpr bool is_tchar_rule(unsigned char c) noexcept {
  switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~': return true;
    default: return is_alpha(c) || is_digit(c);
  }
}
// token68 = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="   (section 11.2)
constexpr bool is_token68_rule(unsigned char c) noexcept {
  return is_alpha(c) || is_digit(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
}
// obs-text = %x80-FF; VCHAR = %x21-7E                                   (section 5.5)
constexpr bool is_obs_text(unsigned char c) noexcept { return c >= 0x80; }
constexpr bool is_vchar(unsigned char c) noexcept { return c >= 0x21 && c <= 0x7E; }
// qdtext = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text               (section 5.6.4)
constexpr bool is_qdtext_rule(unsigned char c) noexcept {
  return c == '\t' || c == ' ' || (is_vchar(c) && c != '"' && c != '\\') || is_obs_text(c);
}
// quoted-pair = "\" ( HTAB / SP / VCHAR / obs-text )                     (section 5.6.4)
constexpr bool is_quotable_rule(unsigned char c) noexcept {
  return c == '\t' || c == ' ' || is_vchar(c) || is_obs_text(c);
}
// OWS = *( SP / HTAB )                                                   (section 5.6.3)
constexpr bool is_ows_rule(unsigned char c) noexcept { return c == ' ' || c == '\t'; }
// Lenient mode only: an unquoted value as servers send it (`realm=https://x/y`): any visible
// byte but the list separator and the quote, so it can never swallow a challenge or a string.
constexpr bool is_lenient_value_rule(unsigned char c) noexcept {
  return (is_vchar(c) || is_obs_text(c)) && c != ',' && c != '"';
}

// attr-char = ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / "`" / "|"
//             / "~"   (RFC 8187 section 3.2.1: what an ext-value carries without %-encoding)
constexpr bool is_attr_char_rule(unsigned char c) noexcept {
  switch (c) {
    case '!':
    case '#':
    case '$':
    case '&':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~': return true;
    default: return is_alpha(c) || is_digit(c);
  }
}
// mime-charsetc = ALPHA / DIGIT / "!" / "#" / "$" / "%" / "&" / "+" / "-" / "^" / "_" / "`"
//                 / "{" / "}" / "~"   (RFC 8187 section 3.2.1, the charset of an ext-value)
constexpr bool is_mime_charsetc_rule(unsigned char c) noexcept {
  switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '+':
    case '-':
    case '^':
    case '_':
    case '`':
    case '{':
    case '}':
    case '~': return true;
    default: return is_alpha(c) || is_digit(c);
  }
}

enum class_bit : std::uint8_t {
  tchar = 1U << 0U,
  token68 = 1U << 1U,
  qdtext = 1U << 2U,
  quotable = 1U << 3U,
  ows = 1U << 4U,
  lenient_value = 1U << 5U,
  attr_char = 1U << 6U,
  mime_charsetc = 1U << 7U,
};

constexpr std::array<std::uint8_t, 256> make_table() noexcept {
  std::array<std::uint8_t, 256> table{};
  for (unsigned i = 0; i < 256; ++i) {
    const auto c = static_cast<unsigned char>(i);
    unsigned bits = 0;
    if (is_tchar_rule(c)) bits |= tchar;
    if (is_token68_rule(c)) bits |= token68;
    if (is_qdtext_rule(c)) bits |= qdtext;
    if (is_quotable_rule(c)) bits |= quotable;
    if (is_ows_rule(c)) bits |= ows;
    if (is_lenient_value_rule(c)) bits |= lenient_value;
    if (is_attr_char_rule(c)) bits |= attr_char;
    if (is_mime_charsetc_rule(c)) bits |= mime_charsetc;
    table[i] = static_cast<std::uint8_t>(bits);
  }
  return table;
}

inline constexpr std::array<std::uint8_t, 256> table = make_table();

constexpr bool has(char c, class_bit bit) noexcept { return (table[static_cast<unsigned char>(c)] & bit) != 0; }
constexpr bool is_tchar(char c) noexcept { return has(c, tchar); }
constexpr bool is_token68(char c) noexcept { return has(c, token68); }
constexpr bool is_qdtext(char c) noexcept { return has(c, qdtext); }
constexpr bool is_quotable(char c) noexcept { return has(c, quotable); }
constexpr bool is_ows(char c) noexcept { return has(c, ows); }
constexpr bool is_lenient_value(char c) noexcept { return has(c, lenient_value); }
constexpr bool is_attr_char(char c) noexcept { return has(c, attr_char); }
constexpr bool is_mime_charsetc(char c) noexcept { return has(c, mime_charsetc); }

}  // namespace wwwauth::chars
