// ASCII case-insensitive comparison, the one RFC 9110 prescribes for field names (section
// 5.1), scheme names (section 11.1) and parameter names (section 11.2). Locale-free on
// purpose: these names are ASCII tokens, not text.
#pragma once

#include <string_view>

#include "detail/ascii.hpp"

namespace wwwauth {

// True when a and b are equal ignoring the case of ASCII letters:
// `iequals("WWW-Authenticate", "www-authenticate")`.
constexpr bool iequals(std::string_view a, std::string_view b) noexcept { return detail::iequals(a, b); }

}  // namespace wwwauth
