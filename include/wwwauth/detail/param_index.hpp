// Where the first parameters of a challenge lie. The validating pass records them as it
// checks them, so that iterating a challenge's parameters builds each of the first few from
// offsets instead of reading its name and value a second time; past the recorded ones,
// iteration re-reads the input from where the last recorded value ended.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "../param.hpp"

namespace wwwauth::detail {

// One parameter, as offsets into the field line that holds it. Sixteen bytes: a challenge
// carries its slots by value, so that it never points into the list that parsed it.
struct param_slot {
  std::uint32_t name_begin = 0;
  std::uint32_t value_begin = 0;  // the raw value: inside the quotes of a quoted-string
  std::uint32_t value_size = 0;
  std::uint32_t shape = 0;  // the name's size (bits 0-7), quoted (bit 8), quoted-pairs (bits 9-31)

  static constexpr unsigned name_bits = 8;
  static constexpr unsigned quoted_bit = 8;
  static constexpr unsigned escapes_shift = 9;
  // What fits: a name of up to 255 bytes, fewer than 2^23 quoted-pairs.
  static constexpr bool fits(std::size_t name_size, std::size_t escapes) noexcept {
    return (name_size >> name_bits) == 0 && (escapes >> (32U - escapes_shift)) == 0;
  }
  constexpr std::size_t name_size() const noexcept { return shape & ((1U << name_bits) - 1U); }
  constexpr bool quoted() const noexcept { return ((shape >> quoted_bit) & 1U) != 0; }
  constexpr std::size_t escapes() const noexcept { return shape >> escapes_shift; }
};

struct param_index {
  // Most challenges have one to four parameters (Basic, Bearer, Negotiate); Digest's
  // further ones are re-read. bench/README.md measures the choice.
  static constexpr std::size_t capacity = 4;

  param_slot slots[capacity]{};
  std::uint32_t count = 0;         // the first `count` parameters are recorded
  std::uint32_t limit = capacity;  // recording stops at `limit`: capacity, or a parameter left out
  std::uint32_t resume = 0;        // offset after the value of the last recorded one

  // Records `p`, the parameter just read from `line` (its value ending at `end`), when every
  // earlier one is recorded, there is room and it fits a slot (param_slot::fits, and offsets
  // of 32 bits). `same_line` is false for a parameter on another field line than the
  // challenge's first ones.
  constexpr void record(std::string_view line, const auth_param& p, std::size_t end, bool same_line) noexcept {
    if (count == limit) return;
    const std::string_view name = p.name();
    const param_value value = p.value();
    if (!same_line || end > UINT32_MAX || !param_slot::fits(name.size(), value.escapes())) {
      limit = count;
      return;
    }
    const auto offset = [&](std::string_view part) { return static_cast<std::uint32_t>(part.data() - line.data()); };
    const auto shape = static_cast<std::uint32_t>(name.size() | (value.quoted() ? 1U << param_slot::quoted_bit : 0U) |
                                                  (value.escapes() << param_slot::escapes_shift));
    slots[count] = param_slot{offset(name), offset(value.raw()), static_cast<std::uint32_t>(value.raw().size()), shape};
    ++count;
    resume = static_cast<std::uint32_t>(end);
  }

  // Empty, the slots left as they are: only the first `count` are ever read.
  constexpr void clear() noexcept {
    count = 0;
    limit = capacity;
    resume = 0;
  }

  // Records nothing more: for a challenge that is validated and not kept.
  constexpr void stop_recording() noexcept { limit = count; }

  // The parameter in slot i, whose offsets are into `line`.
  constexpr auth_param at(std::string_view line, std::size_t i) const noexcept {
    const param_slot& s = slots[i];
    return auth_param(
        std::string_view(line.data() + s.name_begin, s.name_size()),
        param_value(std::string_view(line.data() + s.value_begin, s.value_size), s.quoted(), s.escapes()));
  }
};

}  // namespace wwwauth::detail
