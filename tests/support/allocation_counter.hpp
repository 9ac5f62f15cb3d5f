// Counting replacements of the global allocation functions (and, on glibc without a
// sanitizer, of malloc itself), for a test that requires zero heap allocations. They replace
// the process's own: include this in exactly one source of a test executable, and in no
// executable that shares it with other tests.
//
//     allocations = 0;
//     counting_malloc = true;
//     ...                      // the work that must not allocate
//     counting_malloc = false;
//     CHECK(allocations == 0);
#pragma once

#include <atomic>
#include <cstdlib>
#include <new>

namespace {
std::atomic<long> allocations{0};
}

void* operator new(std::size_t n) {
  ++allocations;
  if (void* p = std::malloc(n != 0 ? n : 1)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n) { return operator new(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
  ++allocations;
  return std::malloc(n != 0 ? n : 1);
}
void* operator new[](std::size_t n, const std::nothrow_t& t) noexcept { return operator new(n, t); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#define WWWAUTH_SANITIZED 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define WWWAUTH_SANITIZED 1
#endif

// glibc lets a program interpose malloc; sanitizers already do, so the count is then left to
// operator new.
#if defined(__GLIBC__) && !defined(WWWAUTH_SANITIZED)
// glibc's own allocator, which the interposed malloc forwards to.
extern "C" void* __libc_malloc(std::size_t);  // NOLINT(bugprone-reserved-identifier)
std::atomic<bool> counting_malloc{false};
extern "C" void* malloc(std::size_t size) {
  if (counting_malloc) ++allocations;
  return __libc_malloc(size);
}
constexpr bool malloc_counted = true;
#else
std::atomic<bool> counting_malloc{false};
constexpr bool malloc_counted = false;
#endif
