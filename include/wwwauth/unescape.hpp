// Decoding the inside of a quoted-string (RFC 9110 section 5.6.4): each quoted-pair "\" x
// stands for x. The one rule every decoding and comparison of a value steps with.
#pragma once

#include <cstddef>
#include <string_view>

namespace wwwauth {

namespace detail {
struct unescaped_byte {
  char c;
  std::size_t next;  // the offset after it in the raw bytes
};
// The decoded byte that starts at raw[i]. A lone trailing backslash, which only lenient mode
// lets through (an unterminated string at the end of a field), stays literal.
constexpr unescaped_byte unescape_at(std::string_view raw, std::size_t i) noexcept {
  if (raw[i] == '\\' && i + 1 < raw.size()) return {raw[i + 1], i + 2};
  return {raw[i], i + 1};
}
}  // namespace detail

// Calls `visit(char)` for each byte of the decoded inside of a quoted-string, until it returns
// false; true when all were visited.
template <class Visit>
constexpr bool for_each_unescaped(std::string_view raw, Visit visit) {
  for (std::size_t i = 0; i < raw.size();) {
    const detail::unescaped_byte b = detail::unescape_at(raw, i);
    if (!visit(b.c)) return false;
    i = b.next;
  }
  return true;
}

// Writes the decoded inside of a quoted-string to `out`.
template <class OutputIt>
constexpr OutputIt unescape(std::string_view raw, OutputIt out) {
  for_each_unescaped(raw, [&](char c) {
    *out = c;
    ++out;
    return true;
  });
  return out;
}

}  // namespace wwwauth
