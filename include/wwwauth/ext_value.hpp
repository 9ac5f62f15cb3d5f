// Extended parameter values (RFC 8187): `title*=UTF-8'en'%e2%82%ac%20rates`, Digest's
// `username*` (RFC 7616 section 3.4). A parameter whose name ends in '*' carries
//
//     ext-value   = charset "'" [ language ] "'" value-chars        (RFC 8187 section 3.2.1)
//     value-chars = *( pct-encoded / attr-char )
//
// as a token. parse_ext_value() checks that grammar once and records the charset, the language
// and the decoded size; decoding then writes the %-decoded bytes into the caller's buffer.
// find_param_prefer_ext() asks a challenge, credentials or Authentication-Info for a parameter,
// preferring its `name*` form as RFC 8187 section 4.2 tells recipients to.
//
//     const auto title = wwwauth::find_param_prefer_ext(challenge, "title");
//     char buf[256];
//     if (title.ok() && title.size() <= sizeof buf) use(buf, title.decode_into(buf, sizeof buf));
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "chars.hpp"
#include "detail/ascii.hpp"
#include "detail/hex.hpp"
#include "param.hpp"
#include "param_value.hpp"
#include "utf8.hpp"

namespace wwwauth {

// The charset of an ext-value. RFC 8187 requires recipients to support UTF-8 and lets them
// support others (section 3.2.1); ISO-8859-1 is the one its examples and RFC 5987 name. Any
// other mime-charset is reported as `other`, with its name in ext_value::charset_name(): the
// bytes are still %-decoded, their meaning is the caller's to decide.
enum class ext_charset : std::uint8_t { utf_8, iso_8859_1, other };

enum class ext_errc : std::uint8_t {
  none,
  quoted_value,
  expected_charset,
  invalid_charset_char,
  expected_quote,
  invalid_language,
  invalid_value_char,
  invalid_percent_encoding,
  invalid_utf8,
};

// The code's stable name, as spelled in the enum.
constexpr std::string_view name(ext_errc code) noexcept {
  switch (code) {
    case ext_errc::none: return "none";
    case ext_errc::quoted_value: return "quoted_value";
    case ext_errc::expected_charset: return "expected_charset";
    case ext_errc::invalid_charset_char: return "invalid_charset_char";
    case ext_errc::expected_quote: return "expected_quote";
    case ext_errc::invalid_language: return "invalid_language";
    case ext_errc::invalid_value_char: return "invalid_value_char";
    case ext_errc::invalid_percent_encoding: return "invalid_percent_encoding";
    case ext_errc::invalid_utf8: return "invalid_utf8";
  }
  return "unknown";
}

// A static English sentence saying what went wrong.
constexpr std::string_view message(ext_errc code) noexcept {
  switch (code) {
    case ext_errc::none: return "no error";
    case ext_errc::quoted_value: return "an extended value (name*=) is a token, not a quoted-string";
    case ext_errc::expected_charset: return "expected a charset (such as UTF-8) before the first '''";
    case ext_errc::invalid_charset_char: return "byte not allowed in a charset name";
    case ext_errc::expected_quote: return "expected ''' after the charset and after the language";
    case ext_errc::invalid_language:
      return "language is not a language tag (RFC 5646 subtags: 1 to 8 letters or digits)";
    case ext_errc::invalid_value_char: return "byte that must be %-encoded in an extended value";
    case ext_errc::invalid_percent_encoding: return "'%' not followed by two hex digits";
    case ext_errc::invalid_utf8: return "charset is UTF-8 but the decoded bytes are not well-formed UTF-8";
  }
  return "unknown error";
}

// What went wrong and at which byte of the value as written (for a parameter: its raw()).
struct ext_error {
  ext_errc code = ext_errc::none;
  std::size_t offset = 0;

  constexpr explicit operator bool() const noexcept { return code != ext_errc::none; }
  constexpr std::string_view message() const noexcept { return wwwauth::message(code); }
  friend constexpr bool operator==(const ext_error& a, const ext_error& b) noexcept {
    return a.code == b.code && a.offset == b.offset;
  }
  friend constexpr bool operator!=(const ext_error& a, const ext_error& b) noexcept { return !(a == b); }
};

// A checked ext-value as views into the caller's input. On an error every view is empty and
// the decoded size is 0.
class ext_value {
 public:
  constexpr ext_value() noexcept = default;

  constexpr bool ok() const noexcept { return !error_; }
  constexpr ext_error error() const noexcept { return error_; }
  constexpr ext_charset charset() const noexcept { return charset_; }
  // The charset as written ("utf-8", "ISO-8859-1", "Shift_JIS"); compare case-insensitively.
  constexpr std::string_view charset_name() const noexcept { return charset_name_; }
  // The language tag as written, empty when absent (`UTF-8''...`).
  constexpr std::string_view language() const noexcept { return language_; }
  // value-chars as written, still %-encoded.
  constexpr std::string_view encoded() const noexcept { return encoded_; }
  // Size of the decoded bytes, known from parsing.
  constexpr std::size_t size() const noexcept { return encoded_.size() - 2 * percent_count_; }
  constexpr bool empty() const noexcept { return size() == 0; }

  // Writes the decoded bytes to `out`.
  template <class OutputIt>
  constexpr OutputIt decode(OutputIt out) const {
    for (std::size_t i = 0; i < encoded_.size();) {
      *out = decoded_byte(encoded_, i);
      ++out;
    }
    return out;
  }

  // Writes the decoded bytes to buf when they fit in cap bytes, and returns their size either
  // way (like param_value::decode_into): a result above cap means nothing was written.
  constexpr std::size_t decode_into(char* buf, std::size_t cap) const noexcept {
    if (size() <= cap) decode(buf);
    return size();
  }

  friend constexpr ext_value parse_ext_value(std::string_view text) noexcept;
  friend constexpr ext_value parse_ext_value(const param_value& value) noexcept;

 private:
  // The byte that value-chars hold at i (a pct-encoded triplet or one attr-char); moves i past it.
  static constexpr char decoded_byte(std::string_view encoded, std::size_t& i) noexcept {
    if (encoded[i] != '%') return encoded[i++];
    const int value = detail::hex_value(encoded[i + 1]) * 16 + detail::hex_value(encoded[i + 2]);
    i += 3;
    return static_cast<char>(static_cast<unsigned char>(value));
  }

  static constexpr ext_value failure(ext_errc code, std::size_t offset) noexcept {
    ext_value v;
    v.error_ = {code, offset};
    return v;
  }

  // Offset of the first byte of value-chars that does not start a well-formed UTF-8
  // sequence once decoded, or npos. Each sequence is checked by the one UTF-8 validator
  // (utf8.hpp) on its up to four decoded bytes.
  static constexpr std::size_t first_invalid_utf8(std::string_view encoded) noexcept {
    for (std::size_t i = 0; i < encoded.size();) {
      char sequence[4] = {};
      std::size_t ends[4] = {};
      std::size_t n = 0;
      for (std::size_t j = i; n < 4 && j < encoded.size(); ++n) {
        sequence[n] = decoded_byte(encoded, j);
        ends[n] = j;
      }
      const std::size_t length = utf8_sequence_length(std::string_view(sequence, n), 0);
      if (length == 0) return i;
      i = ends[length - 1];
    }
    return std::string_view::npos;
  }

  // language = Language-Tag (RFC 5646 section 2.1). Every form of that grammar (langtag,
  // privateuse, grandfathered) is subtags of 1 to 8 letters or digits joined by '-', the first
  // all letters; this checks that shape, not the registry. Returns the offset of the first
  // byte that breaks it, or npos.
  static constexpr std::size_t first_invalid_language(std::string_view tag) noexcept {
    std::size_t subtag_length = 0;
    bool first_subtag = true;
    for (std::size_t i = 0; i < tag.size(); ++i) {
      const auto c = static_cast<unsigned char>(tag[i]);
      if (c == '-') {
        if (subtag_length == 0) return i;
        subtag_length = 0;
        first_subtag = false;
        continue;
      }
      const bool allowed = chars::is_alpha(c) || (!first_subtag && chars::is_digit(c));
      if (!allowed || ++subtag_length > 8) return i;
    }
    return subtag_length == 0 ? tag.size() - 1 : std::string_view::npos;  // a trailing '-'
  }

  std::string_view charset_name_{};
  std::string_view language_{};
  std::string_view encoded_{};
  std::size_t percent_count_ = 0;
  ext_error error_{};
  ext_charset charset_ = ext_charset::other;
};

// Checks `charset'language'value-chars` and records its parts; offsets in an error count from
// the start of `text`.
constexpr ext_value parse_ext_value(std::string_view text) noexcept {
  constexpr std::size_t npos = std::string_view::npos;
  std::size_t pos = 0;
  while (pos < text.size() && chars::is_mime_charsetc(text[pos])) ++pos;
  if (pos == text.size())
    return ext_value::failure(pos == 0 ? ext_errc::expected_charset : ext_errc::expected_quote, pos);
  if (text[pos] != '\'') return ext_value::failure(ext_errc::invalid_charset_char, pos);
  if (pos == 0) return ext_value::failure(ext_errc::expected_charset, 0);
  const std::string_view charset = text.substr(0, pos);

  const std::size_t language_start = pos + 1;
  const std::size_t language_end = text.find('\'', language_start);
  if (language_end == npos) return ext_value::failure(ext_errc::expected_quote, text.size());
  const std::string_view language = text.substr(language_start, language_end - language_start);
  if (!language.empty()) {
    const std::size_t bad = ext_value::first_invalid_language(language);
    if (bad != npos) return ext_value::failure(ext_errc::invalid_language, language_start + bad);
  }

  const std::size_t value_start = language_end + 1;
  const std::string_view encoded = text.substr(value_start);
  std::size_t percent_count = 0;
  for (std::size_t i = 0; i < encoded.size(); ++i) {
    if (encoded[i] == '%') {
      if (encoded.size() - i < 3 || detail::hex_value(encoded[i + 1]) < 0 || detail::hex_value(encoded[i + 2]) < 0) {
        return ext_value::failure(ext_errc::invalid_percent_encoding, value_start + i);
      }
      ++percent_count;
      i += 2;
    } else if (!chars::is_attr_char(encoded[i])) {
      return ext_value::failure(ext_errc::invalid_value_char, value_start + i);
    }
  }

  ext_value v;
  v.charset_name_ = charset;
  v.language_ = language;
  v.encoded_ = encoded;
  v.percent_count_ = percent_count;
  v.charset_ = detail::iequals(charset, "UTF-8")        ? ext_charset::utf_8
               : detail::iequals(charset, "ISO-8859-1") ? ext_charset::iso_8859_1
                                                        : ext_charset::other;
  if (v.charset_ == ext_charset::utf_8) {
    const std::size_t bad = ext_value::first_invalid_utf8(encoded);
    if (bad != npos) return ext_value::failure(ext_errc::invalid_utf8, value_start + bad);
  }
  return v;
}

// The value of a `name*` parameter; ext-value is a token, so a quoted-string is an error.
constexpr ext_value parse_ext_value(const param_value& value) noexcept {
  if (value.quoted()) return ext_value::failure(ext_errc::quoted_value, 0);
  return parse_ext_value(value.raw());
}

// Which form find_param_prefer_ext() found.
enum class param_form : std::uint8_t { absent, plain, extended };

// A parameter looked up by name, preferring `name*`. When `name*` is present it is chosen
// even if malformed: then ok() is false, error() says why, and plain() still offers `name` if
// the sender gave both, for a caller that wants to fall back knowingly.
class preferred_param {
 public:
  constexpr preferred_param() noexcept = default;
  constexpr preferred_param(auth_param plain, auth_param extended) noexcept
      : plain_(plain), extended_(extended), ext_(extended ? parse_ext_value(extended.value()) : ext_value()) {}

  constexpr param_form form() const noexcept {
    return extended_ ? param_form::extended : plain_ ? param_form::plain : param_form::absent;
  }
  constexpr explicit operator bool() const noexcept { return form() != param_form::absent; }
  // Present, and its value (extended form: the ext-value) is well-formed.
  constexpr bool ok() const noexcept { return form() != param_form::absent && ext_.ok(); }
  constexpr ext_error error() const noexcept { return ext_.error(); }

  // The chosen parameter (`name*` when present), and both forms as sent.
  constexpr auth_param param() const noexcept { return extended_ ? extended_ : plain_; }
  constexpr auth_param plain() const noexcept { return plain_; }
  constexpr auth_param extended() const noexcept { return extended_; }
  // The checked ext-value of `name*` (default-constructed for the plain form): charset, language.
  constexpr const ext_value& ext() const noexcept { return ext_; }

  // The decoded value of the chosen form: %-decoded bytes for `name*`, the unescaped token or
  // quoted-string for `name`; nothing for an absent or malformed parameter.
  constexpr std::size_t size() const noexcept {
    return form() == param_form::extended ? ext_.size() : plain_.value().size();
  }
  template <class OutputIt>
  constexpr OutputIt decode(OutputIt out) const {
    return form() == param_form::extended ? ext_.decode(out) : plain_.value().decode(out);
  }
  constexpr std::size_t decode_into(char* buf, std::size_t cap) const noexcept {
    if (size() <= cap) decode(buf);
    return size();
  }

 private:
  auth_param plain_{};
  auth_param extended_{};
  ext_value ext_{};
};

// Looks `name` (given without the '*') up in anything with params(): a challenge, credentials,
// an auth_info. Names compare ASCII case-insensitively; the first of each form counts.
template <class WithParams>
constexpr preferred_param find_param_prefer_ext(const WithParams& where, std::string_view name) noexcept {
  auth_param plain;
  auth_param extended;
  for (const auth_param& p : where.params()) {
    const std::string_view n = p.name();
    if (!plain && p.name_is(name)) {
      plain = p;
    } else if (!extended && n.size() == name.size() + 1 && n.back() == '*' &&
               detail::iequals(n.substr(0, name.size()), name)) {
      extended = p;
    }
  }
  return {plain, extended};
}

}  // namespace wwwauth
