// Digest's algorithm parameter (RFC 7616 section 3.3; values in the IANA "HTTP Digest Hash
// Algorithms" registry): the algorithms, whether each is a -sess variant, whether it is weak,
// and the rank select_best() gives a Digest challenge that names it. Builders, verifiers and
// diagnose() read the parameter through lookup_digest_algorithm().
//
//     static_assert(wwwauth::lookup_digest_algorithm("sha-256").id == wwwauth::digest_algorithm::sha_256);
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "detail/enum_table.hpp"
#include "lookup_result.hpp"
#include "param.hpp"
#include "param_value.hpp"

namespace wwwauth {

// Values are compared case-insensitively: servers send "md5".
enum class digest_algorithm : std::uint8_t {
  md5,
  md5_sess,
  sha_256,
  sha_256_sess,
  sha_512_256,
  sha_512_256_sess,
};
inline constexpr std::size_t digest_algorithm_count = static_cast<std::size_t>(digest_algorithm::sha_512_256_sess) + 1;

struct digest_algorithm_info {
  digest_algorithm id;
  std::string_view name;
  bool sess;          // A1 also hashes the nonce and cnonce (RFC 7616 section 3.4.2)
  bool weak;          // MD5: collisions are practical; RFC 7616 keeps it for compatibility only
  std::uint8_t rank;  // used in place of Digest's scheme rank (registry.hpp)
};

// SHA-256 and SHA-512-256 rank alike: among them the server's order decides, as RFC 7616
// section 3.7 asks (most preferred challenge first). "-sess" adds nothing to the strength.
inline constexpr std::array<digest_algorithm_info, digest_algorithm_count> digest_algorithms{{
    {digest_algorithm::md5, "MD5", false, true, 30},
    {digest_algorithm::md5_sess, "MD5-sess", true, true, 30},
    {digest_algorithm::sha_256, "SHA-256", false, false, 40},
    {digest_algorithm::sha_256_sess, "SHA-256-sess", true, false, 40},
    {digest_algorithm::sha_512_256, "SHA-512-256", false, false, 40},
    {digest_algorithm::sha_512_256_sess, "SHA-512-256-sess", true, false, 40},
}};
static_assert(detail::rows_in_enum_order(digest_algorithms),
              "wwwauth::digest_algorithms rows must follow digest_algorithm");

constexpr const digest_algorithm_info& info(digest_algorithm id) noexcept {
  return digest_algorithms[static_cast<std::size_t>(id)];
}

// Without an algorithm parameter Digest means MD5 (RFC 7616 section 3.3).
inline constexpr digest_algorithm default_digest_algorithm = digest_algorithm::md5;

// The algorithm a parameter's value names (ASCII case-insensitive), decoded on the fly if it
// has quoted-pairs (servers send quoted "MD5" too); not found when unregistered.
constexpr lookup_result<digest_algorithm> lookup_digest_algorithm(const param_value& value) noexcept {
  for (const digest_algorithm_info& a : digest_algorithms) {
    if (value.iequals(a.name)) return {true, a.id};
  }
  return {};
}
// The algorithm of this name: a name is a value without quoted-pairs.
constexpr lookup_result<digest_algorithm> lookup_digest_algorithm(std::string_view name) noexcept {
  return lookup_digest_algorithm(param_value(name, false, 0));
}
// The algorithm a Digest challenge or credentials ask for: an absent parameter means MD5.
constexpr lookup_result<digest_algorithm> lookup_digest_algorithm(const auth_param& param) noexcept {
  if (!param) return {true, default_digest_algorithm};
  return lookup_digest_algorithm(param.value());
}
// The same as a pointer into the table; nullptr when unregistered.
constexpr const digest_algorithm_info* find_digest_algorithm(std::string_view name) noexcept {
  const lookup_result<digest_algorithm> r = lookup_digest_algorithm(name);
  return r ? &info(r.id) : nullptr;
}

}  // namespace wwwauth
