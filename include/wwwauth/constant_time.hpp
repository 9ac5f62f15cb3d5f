// Comparison of secrets in time that does not depend on where they differ, so that a client
// measuring answer times learns nothing about a password or a Digest response byte by byte.
// The sizes are compared first and may leak: a Digest response's size is public anyway, and a
// password's size is what a hash of it would hide (store HA1 values, not passwords, where
// that matters).
#pragma once

#include <cstddef>
#include <string_view>

namespace wwwauth {

constexpr bool constant_time_equals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  unsigned diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i)
    diff |= static_cast<unsigned>(static_cast<unsigned char>(a[i]) ^ static_cast<unsigned char>(b[i]));
  return diff == 0;
}

}  // namespace wwwauth
