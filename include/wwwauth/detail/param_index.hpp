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
  std::uint16_t name_size = 0;
  std::uint8_t escapes = 0;
  bool quoted = false;
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
  // earlier one is recorded, there is room and it fits a slot: offsets of 32 bits, a name of
  // 16, at most 255 quoted-pairs. `same_line` is false for a parameter on another field line
  // than the challenge's first ones.
  constexpr void record(std::string_view line, const auth_param& p, std::size_t end, bool same_line) noexcept {
    if (count == limit) return;
    const std::string_view name = p.name();
    const param_value value = p.value();
    if (!same_line || end > UINT32_MAX || ((name.size() >> 16U) | (value.escapes() >> 8U)) != 0) {
      limit = count;
      return;
    }
    const auto offset = [&](std::string_view part) { return static_cast<std::uint32_t>(part.data() - line.data()); };
    slots[count] = param_slot{offset(name),
                              offset(value.raw()),
                              static_cast<std::uint32_t>(value.raw().size()),
                              static_cast<std::uint16_t>(name.size()),
                              static_cast<std::uint8_t>(value.escapes()),
                              value.quoted()};
    ++count;
    resume = static_cast<std::uint32_t>(end);
  }

  // Empty, the slots left as they are: only the first `count` are ever read.
  constexpr void clear() noexcept {
    count = 0;
    limit = capacity;
    resume = 0;
  }

  // The parameter in slot i, whose offsets are into `line`.
  constexpr auth_param at(std::string_view line, std::size_t i) const noexcept {
    const param_slot& s = slots[i];
    return auth_param(std::string_view(line.data() + s.name_begin, s.name_size),
                      param_value(std::string_view(line.data() + s.value_begin, s.value_size), s.quoted, s.escapes));
  }
};

}  // namespace wwwauth::detail
