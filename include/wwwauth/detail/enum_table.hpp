// Tables indexed by an enum: each row carries its enumerator, and must sit at its position.
#pragma once

#include <cstddef>

namespace wwwauth::detail {

template <class Table>
constexpr bool rows_in_enum_order(const Table& table) noexcept {
  for (std::size_t i = 0; i < table.size(); ++i) {
    if (static_cast<std::size_t>(table[i].id) != i) return false;
  }
  return true;
}

}  // namespace wwwauth::detail
