// Authentication-Info and Proxy-Authentication-Info (RFC 9110 sections 11.6.3, 11.7.3), the
// fields a server sends after accepting credentials (Digest's rspauth and nextnonce):
//
//     Authentication-Info = #auth-param
//
// Example: `rspauth="8ca5...", qop=auth, cnonce="f2/w...", nc=00000001, nextnonce="Z7a..."`.
#pragma once

#include <cstddef>
#include <string_view>

#include "detail/dangling.hpp"
#include "detail/grammar.hpp"
#include "error.hpp"
#include "mode.hpp"
#include "param.hpp"
#include "param_range.hpp"

namespace wwwauth {

// The parameters of the field, validated at construction. Iteration yields the parameters
// before the first error, if any. Views point into the caller's input, which must outlive it.
class auth_info {
 public:
  constexpr param_range::iterator begin() const noexcept { return params_.begin(); }
  constexpr param_range::iterator end() const noexcept { return params_.end(); }
  constexpr std::size_t size() const noexcept { return params_.size(); }
  constexpr bool empty() const noexcept { return params_.empty(); }
  constexpr const param_range& params() const noexcept { return params_; }
  constexpr auth_param param(std::string_view name) const noexcept { return params_.find(name); }
  constexpr parse_error error() const noexcept { return error_; }
  constexpr bool ok() const noexcept { return !error_; }

 private:
  friend constexpr auth_info parse_auth_info(std::string_view field, mode m) noexcept;
  friend constexpr auth_info parse_auth_info(const std::string_view* fields, std::size_t count, mode m) noexcept;

  constexpr auth_info(detail::cursor start, mode m) noexcept {
    detail::element_parser p{start, m, {}};
    std::size_t count = 0;
    detail::with_duplicate_check(p, [&](detail::element_parser& parser, detail::duplicate_check* d) {
      parser.skip_separators();
      if (!parser.parse_param_list(count, d)) return false;
      return parser.cur.at_end() || parser.fail(errc::expected_param, parser.cur.pos);
    });
    params_ = param_range(start, count, m);
    error_ = p.error;
  }

  param_range params_{};
  parse_error error_{};
};

// Parses one Authentication-Info or Proxy-Authentication-Info field line.
constexpr auth_info parse_auth_info(std::string_view field, mode m = mode::strict) noexcept {
  return auth_info(detail::make_cursor(field), m);
}
// A temporary std::string would leave every view dangling: refused at compile time.
template <class String, class = detail::refuse_temporary_string<String>>
auth_info parse_auth_info(String&& field, mode m = mode::strict) = delete;
// Several field lines of one response, as one list. `fields` must outlive the result.
constexpr auth_info parse_auth_info(const std::string_view* fields, std::size_t count, mode m = mode::strict) noexcept {
  return auth_info(detail::make_cursor(fields, count), m);
}

}  // namespace wwwauth
