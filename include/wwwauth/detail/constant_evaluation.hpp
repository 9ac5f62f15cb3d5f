// Whether the code runs in a constant evaluation. C++17 has no std::is_constant_evaluated;
// GCC 9+, clang 9+ and MSVC 19.25+ have the builtin it is made of. Without it, the code
// always takes its constexpr-safe path.
#pragma once

#if defined(__has_builtin)
#if __has_builtin(__builtin_is_constant_evaluated)
#define WWWAUTH_HAS_IS_CONSTANT_EVALUATED 1
#endif
#endif
#if !defined(WWWAUTH_HAS_IS_CONSTANT_EVALUATED) && defined(_MSC_VER) && _MSC_VER >= 1925
#define WWWAUTH_HAS_IS_CONSTANT_EVALUATED 1
#endif

namespace wwwauth::detail {

// True only when it is certain that this is run time (never during constant evaluation).
constexpr bool certainly_run_time() noexcept {
#if defined(WWWAUTH_HAS_IS_CONSTANT_EVALUATED)
  return !__builtin_is_constant_evaluated();
#else
  return false;
#endif
}

}  // namespace wwwauth::detail
