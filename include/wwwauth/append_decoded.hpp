// A parameter's decoded value appended to any container of char: std::string, std::vector<char>,
// a fixed-capacity string of the caller's. `std::string(v.raw())` would keep the backslashes of
// quoted-pairs; this is the value the server meant (RFC 9110 section 5.6.4).
//
//     std::string realm;
//     wwwauth::append_decoded(realm, challenge.realm().value());
//
// A container with append(const char*, size) gets a plain value in one call; any other is fed
// with push_back, one byte at a time. The library itself includes no <string>.
#pragma once

#include <cstddef>
#include <type_traits>

#include "param.hpp"
#include "param_value.hpp"

namespace wwwauth {
namespace detail {

template <class Container, class = void>
struct has_append : std::false_type {};
template <class Container>
struct has_append<Container, std::void_t<decltype(std::declval<Container&>().append(
                                 std::declval<const char*>(), std::declval<std::size_t>()))>> : std::true_type {};

}  // namespace detail

template <class Container>
constexpr Container& append_decoded(Container& out, const param_value& v) {
  if constexpr (detail::has_append<Container>::value) {
    if (v.is_plain()) {
      out.append(v.raw().data(), v.raw().size());
      return out;
    }
  }
  v.visit([&out](char c) {
    out.push_back(c);
    return true;
  });
  return out;
}

// The value of a parameter; an absent parameter appends nothing.
template <class Container>
constexpr Container& append_decoded(Container& out, const auth_param& p) {
  return append_decoded(out, p.value());
}

}  // namespace wwwauth
