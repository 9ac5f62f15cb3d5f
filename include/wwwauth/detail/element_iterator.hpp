// The iterator behind param_range and challenge_list: its reader yields one element per
// step, from what validation recorded or by re-reading the validated input, and validation
// told how many elements there are.
#pragma once

#include <cstddef>
#include <string_view>  // also declares std::input_iterator_tag in libstdc++, libc++ and MSVC;
                        // <iterator> itself would double the cost of including wwwauth

#include "grammar.hpp"

namespace wwwauth::detail {

// `reader.next(value)` reads the next element into `value`.
template <class Value, class Reader>
class element_iterator {
 public:
  // Dereferencing returns a copy (a few views), so that `auto& c = *list.begin()` cannot
  // dangle when the iterator is a temporary; hence an input iterator.
  using iterator_category = std::input_iterator_tag;
  using value_type = Value;
  using difference_type = std::ptrdiff_t;
  using pointer = const Value*;
  using reference = Value;

  constexpr element_iterator() noexcept = default;
  // Readers are a few hundred bytes: each is built in place from `reader_args`. Here `first`
  // is the element at the start, and the reader starts just past it.
  template <class... Args>
  constexpr element_iterator(const Value& first, std::size_t remaining, const Args&... reader_args) noexcept
      : reader_(reader_args...), current_(first), remaining_(remaining) {}
  // Here the reader reads the first of `remaining` (at least one) elements.
  struct read_first_t {};
  static constexpr read_first_t read_first{};
  template <class... Args>
  constexpr element_iterator(read_first_t, std::size_t remaining, const Args&... reader_args) noexcept
      : reader_(reader_args...), remaining_(remaining) {
    reader_.next(current_);
  }

  constexpr reference operator*() const noexcept { return current_; }
  constexpr pointer operator->() const noexcept { return &current_; }
  constexpr element_iterator& operator++() noexcept {
    if (--remaining_ != 0) reader_.next(current_);
    return *this;
  }
  constexpr element_iterator operator++(int) noexcept {
    element_iterator before = *this;
    ++*this;
    return before;
  }
  // Iterators of one range are equal when as many elements remain after them.
  friend constexpr bool operator==(const element_iterator& a, const element_iterator& b) noexcept {
    return a.remaining_ == b.remaining_;
  }
  friend constexpr bool operator!=(const element_iterator& a, const element_iterator& b) noexcept { return !(a == b); }

 private:
  Reader reader_{};
  Value current_{};
  std::size_t remaining_ = 0;
};

}  // namespace wwwauth::detail
