// A range of auth-params: the parameters of one challenge or credentials, or the whole of an
// Authentication-Info field (auth_info.hpp).
#pragma once

#include <cstddef>
#include <string_view>

#include "detail/element_iterator.hpp"
#include "detail/grammar.hpp"
#include "mode.hpp"
#include "param.hpp"

namespace wwwauth {

class auth_info;
class challenge;

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
  friend class auth_info;
  friend class challenge;
  // `recovering`: the parameters of a challenge the recovering reader read (lenient lists).
  constexpr param_range(detail::cursor start, std::size_t count, mode m, bool recovering = false) noexcept
      : start_(start), count_(count), mode_(m), recovering_(recovering) {}

  detail::cursor start_{};
  std::size_t count_ = 0;
  mode mode_ = mode::strict;
  bool recovering_ = false;
};

}  // namespace wwwauth
