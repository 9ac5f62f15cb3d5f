// Counts every heap allocation in the benchmark process, the peers' C libraries included: the
// executable's malloc family interposes the C library's (ELF symbol interposition), and
// libstdc++'s operator new allocates through malloc, so it is counted here too.
#include "bench_common.hpp"

#include <atomic>
#include <cerrno>
#include <cstddef>
#include <cstdint>

namespace {
std::atomic<std::uint64_t> allocation_count{0};
void count() { allocation_count.fetch_add(1, std::memory_order_relaxed); }
}  // namespace

std::uint64_t bench::allocations() { return allocation_count.load(std::memory_order_relaxed); }

#if defined(__GLIBC__)
// glibc exports its allocator under these names so that a replacement can forward to it.
extern "C" {
void* __libc_malloc(std::size_t size);
void* __libc_calloc(std::size_t count, std::size_t size);
void* __libc_realloc(void* ptr, std::size_t size);
void* __libc_memalign(std::size_t alignment, std::size_t size);

void* malloc(std::size_t size) noexcept {
  count();
  return __libc_malloc(size);
}
void* calloc(std::size_t n, std::size_t size) noexcept {
  count();
  return __libc_calloc(n, size);
}
void* realloc(void* ptr, std::size_t size) noexcept {
  count();
  return __libc_realloc(ptr, size);
}
void* memalign(std::size_t alignment, std::size_t size) noexcept {
  count();
  return __libc_memalign(alignment, size);
}
void* aligned_alloc(std::size_t alignment, std::size_t size) noexcept {
  count();
  return __libc_memalign(alignment, size);
}
int posix_memalign(void** out, std::size_t alignment, std::size_t size) noexcept {
  count();
  void* p = __libc_memalign(alignment, size);
  if (!p) return ENOMEM;
  *out = p;
  return 0;
}
}
#else
// Elsewhere only C++ allocations are counted (the C peers' mallocs are not).
#include <cstdlib>
#include <new>
void* operator new(std::size_t size) {
  count();
  if (void* p = std::malloc(size ? size : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
#endif
