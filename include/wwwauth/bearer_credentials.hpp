// Bearer credentials (RFC 6750 section 2.1): `Bearer ` b64token, where b64token is RFC 9110's
// token68. A token with any other byte (a space, a quote, a line break) would change the
// meaning of the field or smuggle another one, so it is refused rather than sent.
#pragma once

#include <cstddef>
#include <string_view>

#include "build_error.hpp"
#include "detail/field_writer.hpp"

namespace wwwauth {

template <class OutIt>
constexpr build_output<OutIt> write_bearer_credentials(std::string_view token, OutIt out) noexcept {
  if (!detail::is_token68(token)) return {build_errc::not_token68, out};
  detail::field_writer<OutIt> w(out);
  w.put("Bearer ").put(token);
  return {build_errc::none, w.out()};
}

constexpr build_result write_bearer_credentials(std::string_view token, char* buf, std::size_t cap) noexcept {
  return detail::to_buffer(buf, cap, [&](auto out) { return write_bearer_credentials(token, out); });
}

}  // namespace wwwauth
