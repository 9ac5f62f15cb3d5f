// Challenges of WWW-Authenticate and Proxy-Authenticate (RFC 9110 sections 11.1, 11.6.1, 11.7.1):
//
//     WWW-Authenticate = #challenge
//     challenge        = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
//
// Example: `Newauth realm="apps", type=1, title="Login to \"apps\"", Basic realm="simple"`
// holds two challenges, Newauth with three parameters and Basic with one.
#pragma once

#include <cstddef>
#include <string_view>  // also declares std::input_iterator_tag in libstdc++, libc++ and MSVC;
                        // <iterator> itself would double the cost of including wwwauth
#include <type_traits>

#include "detail/ascii.hpp"
#include "detail/dangling.hpp"
#include "detail/grammar.hpp"
#include "error.hpp"
#include "param_list.hpp"

namespace wwwauth {

// One challenge, as views into the caller's input.
class challenge {
 public:
  constexpr challenge() noexcept = default;
  constexpr challenge(const detail::challenge_parts& parts, mode m) noexcept : parts_(parts), mode_(m) {}

  // The auth-scheme as written; compare it with scheme_is(), since schemes are case-insensitive.
  constexpr std::string_view scheme() const noexcept { return parts_.scheme; }
  constexpr bool scheme_is(std::string_view name) const noexcept { return detail::iequals(parts_.scheme, name); }
  constexpr bool has_token68() const noexcept { return parts_.has_token68; }
  // The token68 with its '=' padding; empty when the challenge has none.
  constexpr std::string_view token68() const noexcept { return parts_.token68; }
  constexpr param_range params() const noexcept {
    return param_range(parts_.params_begin, parts_.param_count, mode_);
  }
  constexpr std::size_t param_count() const noexcept { return parts_.param_count; }
  // The first parameter with this name (ASCII case-insensitive), or a falsy auth_param.
  constexpr auth_param param(std::string_view name) const noexcept { return params().find(name); }
  // realm, defined for every scheme (section 11.5).
  constexpr auth_param realm() const noexcept { return param("realm"); }

 private:
  detail::challenge_parts parts_{};
  mode mode_ = mode::strict;
};

// The challenges of one or more field lines, validated at construction in one pass. Iteration
// yields every challenge completed before the first error (a challenge is complete when the
// next element starts another one, or the input ends), then stops; error() tells what
// stopped it. Views point into the caller's input, which must outlive the list.
class challenge_list {
 public:
  class iterator {
   public:
    // Dereferencing returns a copy (a few views), so that `auto& c = *list.begin()` cannot
    // dangle when the iterator is a temporary; hence an input iterator.
    using iterator_category = std::input_iterator_tag;
    using value_type = challenge;
    using difference_type = std::ptrdiff_t;
    using pointer = const challenge*;
    using reference = challenge;

    constexpr iterator() noexcept = default;
    // `first` is the first challenge and `after_first` where the input goes on after it.
    constexpr iterator(const challenge& first, detail::cursor after_first, std::size_t remaining, mode m) noexcept
        : parser_{after_first, m, {}}, current_(first), remaining_(remaining) {}
    constexpr reference operator*() const noexcept { return current_; }
    constexpr pointer operator->() const noexcept { return &current_; }
    constexpr iterator& operator++() noexcept {
      if (--remaining_ != 0) load();
      return *this;
    }
    constexpr iterator operator++(int) noexcept {
      iterator before = *this;
      ++*this;
      return before;
    }
    friend constexpr bool operator==(const iterator& a, const iterator& b) noexcept {
      return a.remaining_ == b.remaining_;
    }
    friend constexpr bool operator!=(const iterator& a, const iterator& b) noexcept { return !(a == b); }

   private:
    constexpr void load() noexcept {
      detail::challenge_parts parts;
      parser_.skip_separators();
      parser_.parse_challenge(parts, nullptr);
      current_ = challenge(parts, parser_.m);
    }
    detail::element_parser parser_{};
    challenge current_{};
    std::size_t remaining_ = 0;
  };

  constexpr challenge_list(detail::cursor start, mode m) noexcept : mode_(m) {
    detail::element_parser p{start, m, {}};
    p.skip_separators();
    if (!p.next_starts_challenge(detail::challenge_parts{})) {
      error_ = p.error;
      return;
    }
    while (!p.cur.at_end()) {
      detail::challenge_parts parts;
      const bool complete = detail::with_duplicate_check(
          p, [&](detail::element_parser& parser, detail::duplicate_check* d) { return parser.parse_challenge(parts, d); });
      if (!complete) break;
      // Most fields hold one or two challenges: keeping the first spares iteration from
      // parsing it again.
      if (++count_ == 1) {
        first_ = challenge(parts, m);
        after_first_ = p.cur;
      }
    }
    error_ = p.error;
  }

  constexpr iterator begin() const noexcept { return iterator(first_, after_first_, count_, mode_); }
  constexpr iterator end() const noexcept { return iterator(); }
  // The number of challenges iteration yields.
  constexpr std::size_t size() const noexcept { return count_; }
  constexpr bool empty() const noexcept { return count_ == 0; }
  constexpr parse_error error() const noexcept { return error_; }
  constexpr bool ok() const noexcept { return !error_; }

 private:
  challenge first_{};
  detail::cursor after_first_{};
  std::size_t count_ = 0;
  parse_error error_{};
  mode mode_ = mode::strict;
};

// Parses one WWW-Authenticate or Proxy-Authenticate field line.
constexpr challenge_list parse_challenges(std::string_view field, mode m = mode::strict) noexcept {
  return challenge_list(detail::make_cursor(field), m);
}
// A temporary std::string would leave every view dangling: refused at compile time.
template <class String, class = detail::refuse_temporary_string<String>>
challenge_list parse_challenges(String&& field, mode m = mode::strict) = delete;
// Parses several field lines of one response as one list (RFC 9110 section 5.3). The array
// of lines must outlive the result, as must the lines.
constexpr challenge_list parse_challenges(const std::string_view* fields, std::size_t count,
                                          mode m = mode::strict) noexcept {
  return challenge_list(detail::make_cursor(fields, count), m);
}
// Any contiguous container of string_views with data() and size(), such as
// std::array<std::string_view, N> or std::vector<std::string_view>.
template <class Fields, class = std::enable_if_t<!std::is_convertible_v<const Fields&, std::string_view>>,
          class = std::enable_if_t<std::is_convertible_v<decltype(std::declval<const Fields&>().data()),
                                                         const std::string_view*>>>
constexpr challenge_list parse_challenges(const Fields& fields, mode m = mode::strict) noexcept {
  return parse_challenges(fields.data(), fields.size(), m);
}
// A temporary container would leave the list pointing at its freed array: refused.
template <class Fields, class = std::enable_if_t<!std::is_lvalue_reference_v<Fields>>,
          class = std::enable_if_t<std::is_convertible_v<decltype(std::declval<const Fields&>().data()),
                                                         const std::string_view*>>>
challenge_list parse_challenges(Fields&& fields, mode m = mode::strict) = delete;

}  // namespace wwwauth
