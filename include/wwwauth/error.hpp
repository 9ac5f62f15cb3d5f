// Parse errors are values: a code, the field line it is in and the byte offset within that
// line. Nothing is thrown, and every message is a static string.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace wwwauth {

enum class errc : std::uint8_t {
  none,
  expected_token,
  expected_space,
  expected_value,
  expected_comma,
  unterminated_quoted_string,
  invalid_quoted_char,
  param_without_scheme,
  param_after_token68,
  duplicate_param,
  too_many_params,
  second_scheme,
  trailing_data,
  expected_param,
};

// The code's stable name, as spelled in the enum ("expected_token"), for logs and tools.
constexpr std::string_view name(errc code) noexcept {
  switch (code) {
    case errc::none: return "none";
    case errc::expected_token: return "expected_token";
    case errc::expected_space: return "expected_space";
    case errc::expected_value: return "expected_value";
    case errc::expected_comma: return "expected_comma";
    case errc::unterminated_quoted_string: return "unterminated_quoted_string";
    case errc::invalid_quoted_char: return "invalid_quoted_char";
    case errc::param_without_scheme: return "param_without_scheme";
    case errc::param_after_token68: return "param_after_token68";
    case errc::duplicate_param: return "duplicate_param";
    case errc::too_many_params: return "too_many_params";
    case errc::second_scheme: return "second_scheme";
    case errc::trailing_data: return "trailing_data";
    case errc::expected_param: return "expected_param";
  }
  return "unknown";
}

// A static English sentence saying what went wrong.
constexpr std::string_view message(errc code) noexcept {
  switch (code) {
    case errc::none: return "no error";
    case errc::expected_token: return "expected a token (an auth-scheme or a parameter name)";
    case errc::expected_space: return "expected a space, ',' or the end after the auth-scheme";
    case errc::expected_value: return "expected a token or a quoted-string after '='";
    case errc::expected_comma: return "expected ',' or the end of the field";
    case errc::unterminated_quoted_string: return "quoted-string is not closed";
    case errc::invalid_quoted_char: return "control character inside a quoted-string";
    case errc::param_without_scheme: return "auth-param where an auth-scheme was expected";
    case errc::param_after_token68: return "auth-param after a token68 (a challenge holds one or the other)";
    case errc::duplicate_param: return "parameter name repeated in one challenge";
    case errc::too_many_params: return "more parameters in one challenge than strict mode checks (64)";
    case errc::second_scheme: return "credentials hold a single auth-scheme, a second one follows";
    case errc::trailing_data: return "unexpected data after the credentials";
    case errc::expected_param: return "expected a parameter (name=value)";
  }
  return "unknown error";
}

// Where parsing stopped and why. `field` is the zero-based index of the field line (several
// WWW-Authenticate lines are one list), `offset` the byte within that line.
struct parse_error {
  errc code = errc::none;
  std::size_t field = 0;
  std::size_t offset = 0;

  constexpr explicit operator bool() const noexcept { return code != errc::none; }
  constexpr std::string_view message() const noexcept { return wwwauth::message(code); }
  friend constexpr bool operator==(const parse_error& a, const parse_error& b) noexcept {
    return a.code == b.code && a.field == b.field && a.offset == b.offset;
  }
  friend constexpr bool operator!=(const parse_error& a, const parse_error& b) noexcept { return !(a == b); }
};

// Lenient challenge lists keep at most this many of the errors they recovered from; more are
// counted (recovered_errors::dropped()). Broken real headers hold one to three.
inline constexpr std::size_t max_recovered_errors = 8;

// The syntax errors a lenient challenge list read past, in input order: each is the error the
// grammar with lenient rules 1-5 meets at that byte, where a reader without recovery would
// stop (README.md, "Lenient mode"). Fixed capacity, no allocation; errors beyond it are
// counted, never lost silently.
class recovered_errors {
 public:
  constexpr std::size_t size() const noexcept { return size_; }
  constexpr bool empty() const noexcept { return size_ == 0; }
  // Errors met after the list was full.
  constexpr std::size_t dropped() const noexcept { return dropped_; }
  constexpr const parse_error& operator[](std::size_t i) const noexcept { return errors_[i]; }
  constexpr const parse_error* begin() const noexcept { return errors_; }
  constexpr const parse_error* end() const noexcept { return errors_ + size_; }

  // Appends an error, or counts it when the list is full.
  constexpr void push(const parse_error& e) noexcept {
    if (size_ < max_recovered_errors) {
      errors_[size_++] = e;
    } else {
      ++dropped_;
    }
  }

 private:
  parse_error errors_[max_recovered_errors]{};
  std::size_t size_ = 0;
  std::size_t dropped_ = 0;
};

}  // namespace wwwauth
