// A string_view for the members of a builder's input (digest_input) that refuses a temporary
// string at compile time: `in.cnonce = random_cnonce();` with a std::string result would leave
// the view dangling before the builder runs. Lvalue strings, string_views and literals are
// taken as they are; the caller keeps them alive until the builder returns.
#pragma once

#include <cstddef>
#include <string_view>
#include <type_traits>

#include "detail/dangling.hpp"

namespace wwwauth {

class input_view {
 public:
  constexpr input_view() noexcept = default;
  constexpr input_view(std::string_view s) noexcept : view_(s) {}  // NOLINT(google-explicit-constructor)
  constexpr input_view(const char* s) noexcept : view_(s) {}       // NOLINT(google-explicit-constructor)
  // A std::string (or any string-like) the caller keeps: viewed.
  template <class String, class = std::enable_if_t<std::is_convertible_v<const String&, std::string_view> &&
                                                   !std::is_same_v<String, std::string_view> &&
                                                   !std::is_convertible_v<const String&, const char*>>>
  constexpr input_view(const String& s) noexcept : view_(s) {}  // NOLINT(google-explicit-constructor)
  // A temporary one would be gone before the builder runs.
  template <class String, class = detail::refuse_temporary_string<String>>
  input_view(String&& s) = delete;

  // Assigning goes through the constructors above; a temporary string is refused.
  template <class String, class = detail::refuse_temporary_string<String>>
  input_view& operator=(String&& s) = delete;

  constexpr operator std::string_view() const noexcept { return view_; }  // NOLINT(google-explicit-constructor)
  constexpr std::string_view view() const noexcept { return view_; }
  constexpr const char* data() const noexcept { return view_.data(); }
  constexpr std::size_t size() const noexcept { return view_.size(); }
  constexpr bool empty() const noexcept { return view_.empty(); }
  constexpr const char* begin() const noexcept { return view_.data(); }
  constexpr const char* end() const noexcept { return view_.data() + view_.size(); }

  friend constexpr bool operator==(input_view a, input_view b) noexcept { return a.view_ == b.view_; }
  friend constexpr bool operator!=(input_view a, input_view b) noexcept { return !(a == b); }

 private:
  std::string_view view_{};
};

}  // namespace wwwauth
