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
// The recorded parameters from their slots, then the rest re-read from where they end.
struct read_param {
  element_parser parser;  // at the end of the last recorded value, in the line of the slots
  param_index index{};
  std::size_t next_slot = 0;

  constexpr read_param() noexcept = default;
  constexpr read_param(const cursor& start, mode m, bool recovering, const param_index& recorded) noexcept
      : parser{start, m, {}, false, recovering, nullptr}, index(recorded) {
    if (index.count != 0) parser.cur.pos = index.resume;
  }

  constexpr void next(auth_param& out) noexcept {
    if (next_slot < index.count) {
      out = index.at(parser.cur.text, next_slot++);
      return;
    }
    parser.skip_separators();
    if (parser.recovering) return parser.next_recovered_param(out);
    std::size_t name_end = 0;
    const std::size_t value_pos = parser.param_value_offset(name_end);
    parser.parse_param(name_end, value_pos, out, nullptr);
  }
};
}  // namespace detail

// The parameters of a challenge, in input order, as auth_param views:
//
//     for (const wwwauth::auth_param& p : challenge.params()) use(p.name(), p.value());
//
// The range builds the first parameters from where validation found them and re-reads the
// rest of the input, which has been validated, so iteration cannot fail. It holds views into
// the caller's input (and, for several field lines, a pointer to the caller's array of
// lines): both must outlive it.
class param_range {
 public:
  using iterator = detail::element_iterator<auth_param, detail::read_param>;

  constexpr param_range() noexcept = default;

  constexpr iterator begin() const noexcept {
    if (count_ == 0) return end();  // bare challenges and token68: nothing to set up
    return iterator(iterator::read_first, count_, start_, mode_, recovering_, index_);
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
  // `recovering`: the parameters of a challenge the recovering reader read (lenient lists);
  // `index`: where validation found the first ones.
  constexpr param_range(detail::cursor start, std::size_t count, mode m, bool recovering = false,
                        const detail::param_index& index = {}) noexcept
      : start_(start), count_(count), mode_(m), recovering_(recovering), index_(index) {}

  detail::cursor start_{};
  std::size_t count_ = 0;
  mode mode_ = mode::strict;
  bool recovering_ = false;
  detail::param_index index_{};
};

}  // namespace wwwauth
