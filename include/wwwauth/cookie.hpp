// Cookies as a user agent reads them (RFC 6265 section 5): the pairs of a request's Cookie
// field, a response's Set-Cookie with the attributes that end a cookie (Max-Age, Expires),
// and the cookie-date algorithm, which also reads every HTTP-date form (RFC 9110 section
// 5.6.7: IMF-fixdate, RFC 850, asctime). Views into the caller's input, no allocation.
//
//     const wwwauth::set_cookie c = wwwauth::parse_set_cookie("sid=; Max-Age=0; Path=/");
//     if (c && c.deleted_at(wwwauth::parse_cookie_date("Sun, 06 Nov 1994 08:49:37 GMT").seconds)) { /* ... */ }
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "chars.hpp"
#include "detail/ascii.hpp"
#include "detail/dangling.hpp"

namespace wwwauth {

struct cookie_pair {
  std::string_view name{};
  std::string_view value{};
};

namespace detail {

// WSP = SP / HTAB (RFC 6265 section 5.2 trims these).
constexpr std::string_view trim_wsp(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// name "=" value, both trimmed; no "=" gives an empty name (the pair is then skipped).
constexpr cookie_pair split_pair(std::string_view s) noexcept {
  const std::size_t eq = s.find('=');
  if (eq == std::string_view::npos) return {{}, trim_wsp(s)};
  return {trim_wsp(s.substr(0, eq)), trim_wsp(s.substr(eq + 1))};
}

}  // namespace detail

// Calls visit(cookie_pair) for each `name=value` of a Cookie field (RFC 6265 section 4.2.1:
// pairs separated by ";"), until it returns false. Pairs without a name are skipped.
template <class Visit>
constexpr void for_each_cookie(std::string_view cookie_field, Visit visit) {
  while (!cookie_field.empty()) {
    const std::size_t semi = cookie_field.find(';');
    const cookie_pair p = detail::split_pair(cookie_field.substr(0, semi));
    if (!p.name.empty() && !visit(p)) return;
    if (semi == std::string_view::npos) return;
    cookie_field.remove_prefix(semi + 1);
  }
}

// A point in time as seconds since 1970-01-01T00:00:00Z; `valid` false when the text is not a
// date the algorithm accepts.
struct cookie_time {
  bool valid = false;
  std::int64_t seconds = 0;
  constexpr explicit operator bool() const noexcept { return valid; }
};

namespace detail {

// delimiter = %x09 / %x20-2F / %x3B-40 / %x5B-60 / %x7B-7E   (RFC 6265 section 5.1.1)
constexpr bool is_date_delimiter(char ch) noexcept {
  const auto c = static_cast<unsigned char>(ch);
  return c == 0x09 || (c >= 0x20 && c <= 0x2F) || (c >= 0x3B && c <= 0x40) || (c >= 0x5B && c <= 0x60) ||
         (c >= 0x7B && c <= 0x7E);
}
constexpr bool is_date_digit(char c) noexcept { return chars::is_digit(static_cast<unsigned char>(c)); }

// 1*max DIGIT at the start of s, then the end or a non-digit: the value, or -1.
constexpr int leading_number(std::string_view s, std::size_t min, std::size_t max, std::size_t& used) noexcept {
  std::size_t i = 0;
  int value = 0;
  while (i < s.size() && is_date_digit(s[i])) {
    if (i == max) return -1;
    value = value * 10 + (s[i] - '0');
    ++i;
  }
  if (i < min) return -1;
  used = i;
  return value;
}

// hms-time = time-field ":" time-field ":" time-field, then the end or a non-digit.
constexpr bool parse_hms(std::string_view token, std::array<int, 3>& hms) noexcept {
  for (std::size_t field = 0; field < 3; ++field) {
    std::size_t used = 0;
    const int v = leading_number(token, 1, 2, used);
    if (v < 0) return false;
    hms[field] = v;
    token.remove_prefix(used);
    if (field < 2) {
      if (token.empty() || token.front() != ':') return false;
      token.remove_prefix(1);
    }
  }
  return true;
}

constexpr int month_of(std::string_view token) noexcept {
  constexpr std::array<std::string_view, 12> months{
      {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}};
  if (token.size() < 3) return 0;
  for (std::size_t m = 0; m < months.size(); ++m) {
    if (iequals(token.substr(0, 3), months[m])) return static_cast<int>(m) + 1;
  }
  return 0;
}

constexpr bool is_leap(int y) noexcept { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
constexpr int days_in_month(int y, int m) noexcept {
  constexpr std::array<int, 12> days{{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}};
  return m == 2 && is_leap(y) ? 29 : days[static_cast<std::size_t>(m - 1)];
}
// Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (H. Hinnant's
// days_from_civil).
constexpr std::int64_t days_from_civil(int y, int m, int d) noexcept {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<std::int64_t>(y) - era * 400;
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

}  // namespace detail

// RFC 6265 section 5.1.1: the tokens between delimiters give, first found first taken, the
// time (hh:mm:ss), the day of the month (1-2 digits), the month (its first three letters)
// and the year (2-4 digits; 70-99 mean 19xx, 0-69 mean 20xx). The date fails when one is
// missing or out of range, the year is before 1601, or the day does not exist in that month.
constexpr cookie_time parse_cookie_date(std::string_view text) noexcept {
  bool have_time = false, have_day = false, have_month = false, have_year = false;
  std::array<int, 3> hms{};
  int day = 0, month = 0, year = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && detail::is_date_delimiter(text[i])) ++i;
    const std::size_t start = i;
    while (i < text.size() && !detail::is_date_delimiter(text[i])) ++i;
    const std::string_view token = text.substr(start, i - start);
    if (token.empty()) break;
    std::size_t used = 0;
    if (!have_time && detail::parse_hms(token, hms)) {
      have_time = true;
    } else if (!have_day && (day = detail::leading_number(token, 1, 2, used)) >= 0) {
      have_day = true;
    } else if (!have_month && (month = detail::month_of(token)) != 0) {
      have_month = true;
    } else if (!have_year && (year = detail::leading_number(token, 2, 4, used)) >= 0) {
      have_year = true;
    }
  }
  if (!have_time || !have_day || !have_month || !have_year) return {};
  if (year >= 70 && year <= 99) year += 1900;
  if (year >= 0 && year <= 69) year += 2000;
  if (day < 1 || year < 1601 || hms[0] > 23 || hms[1] > 59 || hms[2] > 59) return {};
  if (day > detail::days_in_month(year, month)) return {};
  const std::int64_t days = detail::days_from_civil(year, month, day);
  return {true, days * 86400 + std::int64_t{hms[0]} * 3600 + std::int64_t{hms[1]} * 60 + hms[2]};
}

// One Set-Cookie field (RFC 6265 section 5.2): the cookie's name and value and the last
// Max-Age and Expires attributes (attribute names are case-insensitive; a later one of the
// same name replaces an earlier one, section 5.3). Falsy when the field sets no cookie.
class set_cookie {
 public:
  constexpr set_cookie() noexcept = default;

  constexpr explicit operator bool() const noexcept { return !name_.empty(); }
  constexpr std::string_view name() const noexcept { return name_; }
  constexpr std::string_view value() const noexcept { return value_; }
  // The attribute values as written (trimmed); absent attributes are empty views with
  // has_max_age()/has_expires() false.
  constexpr std::string_view max_age() const noexcept { return max_age_; }
  constexpr bool has_max_age() const noexcept { return max_age_.data() != nullptr; }
  constexpr std::string_view expires() const noexcept { return expires_; }
  constexpr bool has_expires() const noexcept { return expires_.data() != nullptr; }

  // Section 5.2.2: Max-Age is "-" or a digit, then digits only; otherwise it is ignored.
  constexpr bool max_age_valid() const noexcept {
    if (max_age_.empty()) return false;
    const std::string_view digits = max_age_.front() == '-' ? max_age_.substr(1) : max_age_;
    for (const char c : digits) {
      if (!detail::is_date_digit(c)) return false;
    }
    return !digits.empty();
  }
  // Whether the cookie ends no later than `now` (seconds since 1970, UTC): a valid Max-Age
  // decides alone (section 5.3 step 3: it wins over Expires), <= 0 meaning "the earliest
  // time"; else an Expires that parses and is not after `now` (an expired cookie is one
  // whose expiry time is in the past, section 5.3 step 11; user agents take "now" as past).
  constexpr bool deleted_at(std::int64_t now) const noexcept {
    if (max_age_valid()) {
      if (max_age_.front() == '-') return true;
      for (const char c : max_age_) {
        if (c != '0') return false;
      }
      return true;
    }
    const cookie_time t = parse_cookie_date(expires_);
    return t && t.seconds <= now;
  }

 private:
  friend constexpr set_cookie parse_set_cookie(std::string_view field) noexcept;
  std::string_view name_{}, value_{}, max_age_{}, expires_{};
};

constexpr set_cookie parse_set_cookie(std::string_view field) noexcept {
  set_cookie c;
  const std::size_t semi = field.find(';');
  const cookie_pair p = detail::split_pair(field.substr(0, semi));
  if (p.name.empty()) return c;  // section 5.2 step 5: no name, no cookie
  c.name_ = p.name;
  c.value_ = p.value;
  std::string_view rest = semi == std::string_view::npos ? std::string_view{} : field.substr(semi + 1);
  while (!rest.empty()) {
    const std::size_t next = rest.find(';');
    const std::string_view av = rest.substr(0, next);
    const std::size_t eq = av.find('=');
    const std::string_view attr = detail::trim_wsp(av.substr(0, eq));
    const std::string_view value =
        eq == std::string_view::npos ? av.substr(av.size()) : detail::trim_wsp(av.substr(eq + 1));
    if (detail::iequals(attr, "max-age")) c.max_age_ = value;
    if (detail::iequals(attr, "expires")) c.expires_ = value;
    if (next == std::string_view::npos) break;
    rest.remove_prefix(next + 1);
  }
  return c;
}
// A temporary std::string would leave every view dangling: refused at compile time.
template <class String, class = detail::refuse_temporary_string<String>>
set_cookie parse_set_cookie(String&& field) = delete;

}  // namespace wwwauth
