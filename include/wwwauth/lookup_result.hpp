// What the registries' lookups return (registry.hpp's schemes, digest_algorithm.hpp's
// algorithms): whether the name was found, and which row it names.
#pragma once

namespace wwwauth {

// The library tests these rather than comparing a row's address with nullptr, which GCC
// refuses in constant expressions under -fsanitize=null (the CI's sanitizer build).
template <class Id>
struct lookup_result {
  bool found = false;
  Id id{};
  constexpr explicit operator bool() const noexcept { return found; }
};

}  // namespace wwwauth
