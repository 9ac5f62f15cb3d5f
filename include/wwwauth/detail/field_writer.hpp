// Output helpers shared by the credential builders and the challenge formatter: a bounded
// buffer iterator (snprintf-like sizing without allocation) and a writer that quotes and
// escapes as RFC 9110 section 5.6.4 requires.
#pragma once
#include <cstddef>
#include <string_view>

#include "../build_error.hpp"
#include "../chars.hpp"
#include "../param_value.hpp"
#include "tokenizer.hpp"

namespace wwwauth::detail {

// An output iterator over a caller's buffer: writes the first `cap` characters and counts
// all of them, so one pass both fills a large enough buffer and tells the size needed.
class bounded_iterator {
 public:
  constexpr bounded_iterator(char* buf, std::size_t cap) noexcept : buf_(buf), cap_(cap) {}
  constexpr bounded_iterator& operator*() noexcept { return *this; }
  constexpr bounded_iterator& operator=(char c) noexcept {
    if (count_ < cap_) buf_[count_] = c;
    return *this;
  }
  constexpr bounded_iterator& operator++() noexcept {
    ++count_;
    return *this;
  }
  constexpr bounded_iterator operator++(int) noexcept {
    bounded_iterator before = *this;
    ++count_;
    return before;
  }
  constexpr std::size_t count() const noexcept { return count_; }

 private:
  char* buf_;
  std::size_t cap_;
  std::size_t count_ = 0;
};

// True when every byte may appear in a quoted-string, escaped or not: quoted-pair takes
// HTAB, SP, VCHAR and obs-text, so only the other CTLs (0x00-0x08, 0x0A-0x1F, 0x7F) are out.
constexpr bool quotable(std::string_view s) noexcept { return skip_while(s, 0, chars::is_quotable) == s.size(); }
constexpr bool is_token(std::string_view s) noexcept { return !s.empty() && token_end(s, 0) == s.size(); }
// token68 = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="  (RFC 9110 section 11.2)
constexpr bool is_token68(std::string_view s) noexcept { return !s.empty() && token68_end(s, 0) == s.size(); }

template <class OutIt>
class field_writer {
 public:
  constexpr explicit field_writer(OutIt out) noexcept : out_(out) {}

  constexpr field_writer& put(char c) noexcept {
    *out_ = c;
    ++out_;
    return *this;
  }
  constexpr field_writer& put(std::string_view s) noexcept {
    for (const char c : s) put(c);
    return *this;
  }
  // A quoted-string holding s: only '"' and '\' need a backslash (section 5.6.4). The caller
  // has checked quotable(s).
  constexpr field_writer& quoted(std::string_view s) noexcept {
    put('"');
    for (const char c : s) escaped(c);
    return put('"');
  }
  // A parameter value received from a peer, quoted again from its meaning: the raw form may
  // be a lenient token holding '\' or an unterminated string, so it is never copied as is.
  constexpr field_writer& quoted(const param_value& v) noexcept {
    put('"');
    v.visit([this](char c) {
      escaped(c);
      return true;
    });
    return put('"');
  }
  // `name=value` preceded by ", " unless it is the first parameter.
  constexpr field_writer& param_name(std::string_view name) noexcept {
    if (params_++ != 0) put(", ");
    return put(name).put('=');
  }

  constexpr OutIt out() const noexcept { return out_; }

 private:
  constexpr void escaped(char c) noexcept {
    if (c == '"' || c == '\\') put('\\');
    put(c);
  }

  OutIt out_;
  std::size_t params_ = 0;
};

// The buffer form of every builder: runs the iterator form into a bounded_iterator.
template <class Build>
constexpr build_result to_buffer(char* buf, std::size_t cap, Build build) noexcept {
  const auto r = build(bounded_iterator(buf, cap));
  return {r.error, r.error == build_errc::none ? r.out.count() : 0};
}

}  // namespace wwwauth::detail
