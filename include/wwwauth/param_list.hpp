// Ranges of auth-params: the parameters of one challenge or credentials, and the whole of an
// Authentication-Info field (RFC 9110 section 11.6.3: Authentication-Info = #auth-param).
#pragma once

#include <cstddef>
#include <string_view>

#include "detail/dangling.hpp"
#include "detail/element_iterator.hpp"
#include "detail/grammar.hpp"
#include "error.hpp"
#include "param.hpp"

namespace wwwauth {

namespace detail {
struct read_param {
  static constexpr void next(element_parser& p, auth_param& out) noexcept {
    p.skip_separators();
    if (p.recovering) return p.next_recovered_param(out);
    std::size_t name_end = 0;
    const std::size_t value_pos = p.param_value_offset(name_end);
    p.parse_param(name_end, value_pos, out, nullptr);
  }
};
}  // namespace detail

// The parameters of a challenge, in input order, as auth_param views:
//
//     for (const wwwauth::auth_param& p : challenge.params()) use(p.name(), p.value());
//
// The range re-reads input that has already been validated, so iteration cannot fail. It
// holds views into the caller's input (and, for several field lines, a pointer to the
// caller's array of lines): both must outlive it.
class param_range {
 public:
  using iterator = detail::element_iterator<auth_param, detail::read_param>;

  constexpr param_range() noexcept = default;
  // `recovering`: the parameters of a challenge the recovering reader read (lenient lists).
  constexpr param_range(detail::cursor start, std::size_t count, mode m, bool recovering = false) noexcept
      : start_(start), count_(count), mode_(m), recovering_(recovering) {}

  constexpr iterator begin() const noexcept {
    detail::element_parser parser{start_, mode_, {}, false, recovering_, nullptr};
    auth_param first;
    if (count_ != 0) detail::read_param::next(parser, first);
    return iterator(first, parser, count_);
  }
  constexpr iterator end() const noexcept { return iterator(); }
  constexpr std::size_t size() const noexcept { return count_; }
  constexpr bool empty() const noexcept { return count_ == 0; }

  // The first parameter with this name (ASCII case-insensitive), or a falsy auth_param.
  constexpr auth_param find(std::string_view name) const noexcept {
    for (const auth_param& p : *this) {
      if (p.name_is(name)) return p;
    }
    return {};
  }

 private:
  detail::cursor start_{};
  std::size_t count_ = 0;
  mode mode_ = mode::strict;
  bool recovering_ = false;
};

// Authentication-Info / Proxy-Authentication-Info (RFC 9110 sections 11.6.3, 11.7.3): a list
// of parameters, validated at construction. Iteration yields the parameters before the
// first error, if any.
class param_list {
 public:
  constexpr param_list(detail::cursor start, mode m) noexcept {
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

  constexpr param_range::iterator begin() const noexcept { return params_.begin(); }
  constexpr param_range::iterator end() const noexcept { return params_.end(); }
  constexpr std::size_t size() const noexcept { return params_.size(); }
  constexpr bool empty() const noexcept { return params_.empty(); }
  constexpr const param_range& params() const noexcept { return params_; }
  constexpr auth_param param(std::string_view name) const noexcept { return params_.find(name); }
  constexpr parse_error error() const noexcept { return error_; }
  constexpr bool ok() const noexcept { return !error_; }

 private:
  param_range params_{};
  parse_error error_{};
};

constexpr param_list parse_auth_info(std::string_view field, mode m = mode::strict) noexcept {
  return param_list(detail::make_cursor(field), m);
}
// A temporary std::string would leave every view dangling: refused at compile time.
template <class String, class = detail::refuse_temporary_string<String>>
param_list parse_auth_info(String&& field, mode m = mode::strict) = delete;
// Several field lines of one response, as one list. `fields` must outlive the result.
constexpr param_list parse_auth_info(const std::string_view* fields, std::size_t count,
                                     mode m = mode::strict) noexcept {
  return param_list(detail::make_cursor(fields, count), m);
}

}  // namespace wwwauth
