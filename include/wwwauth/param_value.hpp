// Values of auth-params as written: a token, or the inside of a quoted-string with its
// quoted-pairs kept (RFC 9110 section 5.6.4). The number of escapes is known from parsing,
// so the decoded size is free, a value without escapes is its own decoded view, and
// comparison walks the raw bytes without decoding into a buffer.
#pragma once

#include <cstddef>
#include <string_view>

#include "detail/ascii.hpp"
#include "unescape.hpp"

namespace wwwauth {

// One value, as views into the caller's input; auth_param::value() gives it.
class param_value {
 public:
  constexpr param_value() noexcept = default;
  constexpr param_value(std::string_view raw, bool quoted, std::size_t escapes) noexcept
      : raw_(raw), escapes_(escapes), quoted_(quoted) {}

  // The bytes as written: for a quoted-string, its inside with the escapes kept.
  constexpr std::string_view raw() const noexcept { return raw_; }
  constexpr bool quoted() const noexcept { return quoted_; }
  // Number of quoted-pairs in raw().
  constexpr std::size_t escapes() const noexcept { return escapes_; }
  // Size of the decoded value.
  constexpr std::size_t size() const noexcept { return raw_.size() - escapes_; }
  constexpr bool empty() const noexcept { return size() == 0; }
  // True when raw() is the decoded value: no copy is needed.
  constexpr bool is_plain() const noexcept { return escapes_ == 0; }

  // Calls visit(char) for each decoded byte, until it returns false; true when all were
  // visited. Without quoted-pairs the value is its raw bytes: a '\' in a token or a lenient
  // unquoted value (`realm=C:\dir`) is an ordinary byte, since escaping exists only inside a
  // quoted-string (section 5.6.4). (Defined before its callers: clang 14 does not instantiate
  // a member template defined later in time for a constant expression.)
  template <class Visit>
  constexpr bool visit(Visit v) const {
    if (!is_plain()) return for_each_unescaped(raw_, v);
    for (const char c : raw_) {
      if (!v(c)) return false;
    }
    return true;
  }

  template <class OutputIt>
  constexpr OutputIt decode(OutputIt out) const {
    visit([&](char c) {
      *out = c;
      ++out;
      return true;
    });
    return out;
  }

  // Writes the decoded value to buf when it fits in cap bytes, and returns its size either
  // way (like snprintf, without the terminator): a result above cap means nothing was written.
  constexpr std::size_t decode_into(char* buf, std::size_t cap) const noexcept {
    if (size() > cap) return size();
    if (is_plain()) {
      decode(buf);
    } else {
      detail::unescape_into(raw_, size(), buf);
    }
    return size();
  }

 private:
  constexpr bool compare(std::string_view s, bool fold_case) const noexcept {
    if (s.size() != size()) return false;
    // Both walks must end together: a value made by hand with an escape count that does not
    // match its bytes decodes to more or fewer than its size(), and is then unequal.
    std::size_t i = 0;
    return visit([&](char c) {
             if (i == s.size()) return false;
             const char expected = s[i++];
             return fold_case ? detail::ascii_lower(c) == detail::ascii_lower(expected) : c == expected;
           }) &&
           i == s.size();
  }

 public:
  // Decoded value == s, without decoding.
  constexpr bool equals(std::string_view s) const noexcept { return compare(s, false); }
  // Decoded value == decoded other, without decoding either (two realms or nonces compared).
  constexpr bool equals(const param_value& other) const noexcept {
    if (other.is_plain()) return equals(other.raw_);
    if (size() != other.size()) return false;
    std::size_t j = 0;  // as in compare(), both walks must end together
    return visit([&](char c) {
             if (j == other.raw_.size()) return false;
             const detail::unescaped_byte b = detail::unescape_at(other.raw_, j);
             j = b.next;
             return c == b.c;
           }) &&
           j == other.raw_.size();
  }
  // Decoded value == s, ASCII case-insensitively (for values a scheme defines so, such as
  // Digest's algorithm and stale, RFC 7616 section 3.3).
  constexpr bool iequals(std::string_view s) const noexcept { return compare(s, true); }

 private:
  std::string_view raw_{};
  std::size_t escapes_ = 0;
  bool quoted_ = false;
};

}  // namespace wwwauth
