// auth-param = token BWS "=" BWS ( token / quoted-string )   (RFC 9110 section 11.2)
#pragma once

#include <string_view>

#include "detail/ascii.hpp"
#include "param_value.hpp"

namespace wwwauth {

// One parameter as views into the caller's input. A default-constructed auth_param stands
// for "absent" (what a lookup returns when no parameter has the name).
class auth_param {
 public:
  constexpr auth_param() noexcept = default;
  constexpr auth_param(std::string_view name, param_value value) noexcept : name_(name), value_(value) {}

  // The name as written; compare it with name_is(), since names are case-insensitive.
  constexpr std::string_view name() const noexcept { return name_; }
  constexpr param_value value() const noexcept { return value_; }
  constexpr bool name_is(std::string_view name) const noexcept { return detail::iequals(name_, name); }
  constexpr explicit operator bool() const noexcept { return !name_.empty(); }

 private:
  std::string_view name_{};
  param_value value_{};
};

}  // namespace wwwauth
