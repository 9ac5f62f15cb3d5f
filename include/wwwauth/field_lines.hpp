// The field lines of one response as string_views, from whatever the HTTP client keeps them
// in: a std::vector<std::string>, a std::list of its own string type, an array of C strings.
// parse_challenges() and parse_auth_info() read a contiguous array of string_views; this
// fixed-capacity array is one, filled from any range of string-likes without allocating.
//
//     std::vector<std::string> www = ...;             // the client's header values
//     const wwwauth::field_lines<> lines(www);         // views into www's strings
//     const auto list = wwwauth::parse_challenges(lines, wwwauth::mode::lenient);
//
// The views point into the caller's strings, which must outlive the lines; a temporary
// container is refused at compile time. Lines beyond the capacity are counted, never lost
// silently: overflowed() says so, and a caller then treats the response as unreadable.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>
#include <type_traits>  // std::begin comes with <array> and <string_view>

#include "detail/dangling.hpp"

namespace wwwauth {

// Real responses carry one to three challenge lines; 16 leaves room for odd servers.
inline constexpr std::size_t default_field_line_capacity = 16;

template <std::size_t Capacity = default_field_line_capacity>
class field_lines {
 public:
  constexpr field_lines() noexcept = default;

  // From any range whose elements convert to std::string_view (std::string, const char*,
  // string_view, a client's own string type with such a conversion).
  template <class Range, class = std::enable_if_t<!std::is_convertible_v<const Range&, std::string_view>>,
            class = decltype(std::string_view(*std::begin(std::declval<const Range&>())))>
  constexpr explicit field_lines(const Range& range) noexcept {
    for (const auto& line : range) push_back(std::string_view(line));
  }
  // A temporary container would leave every view dangling.
  template <class Range, class = std::enable_if_t<!std::is_lvalue_reference_v<Range>>,
            class = decltype(std::string_view(*std::begin(std::declval<const Range&>())))>
  field_lines(Range&& range) = delete;

  // Adds one line; a temporary string is refused (its view would dangle).
  constexpr void push_back(std::string_view line) noexcept {
    if (size_ < Capacity) {
      lines_[size_++] = line;
    } else {
      ++dropped_;
    }
  }
  template <class String, class = detail::refuse_temporary_string<String>>
  void push_back(String&& line) = delete;

  constexpr const std::string_view* data() const noexcept { return lines_.data(); }
  constexpr std::size_t size() const noexcept { return size_; }
  constexpr bool empty() const noexcept { return size_ == 0; }
  constexpr const std::string_view* begin() const noexcept { return lines_.data(); }
  constexpr const std::string_view* end() const noexcept { return lines_.data() + size_; }
  static constexpr std::size_t capacity() noexcept { return Capacity; }
  constexpr bool overflowed() const noexcept { return dropped_ != 0; }
  constexpr std::size_t dropped() const noexcept { return dropped_; }

 private:
  std::array<std::string_view, Capacity> lines_{};
  std::size_t size_ = 0;
  std::size_t dropped_ = 0;
};

// No lines at all (a response without Authentication-Info, say), where lines are expected.
inline constexpr std::array<std::string_view, 0> no_field_lines{};

}  // namespace wwwauth
