// ASCII case folding for scheme and parameter names, which RFC 9110 sections 11.1 and 11.2
// make case-insensitive. Locale-free on purpose: header names are ASCII, not text.
#pragma once

#include <cstddef>
#include <string_view>

namespace wwwauth::detail {

constexpr char ascii_lower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

constexpr bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

}  // namespace wwwauth::detail
