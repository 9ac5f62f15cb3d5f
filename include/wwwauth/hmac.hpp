// HMAC-SHA-256 (RFC 2104, RFC 4231), what digest_nonce.hpp signs its nonces with; public for
// servers that sign other state (opaque values, cookies) the same way.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "detail/hmac.hpp"
#include "detail/sha2.hpp"

namespace wwwauth {

constexpr std::array<std::uint8_t, 32> hmac_sha256(std::string_view key, std::string_view message) noexcept {
  detail::hmac<detail::sha256> h(key);
  h.update(message);
  return h.final();
}

}  // namespace wwwauth
