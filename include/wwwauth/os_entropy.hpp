// Random bytes from the operating system, for authenticator::use_entropy(): getrandom(2) on
// Linux, arc4random_buf(3) on the BSDs and macOS, /dev/urandom elsewhere. Outside the umbrella
// header (it includes system headers); a program with its own CSPRNG passes that instead.
//
//     wwwauth::os_entropy entropy;
//     auth.use_entropy(entropy);
#pragma once

#include <cstddef>

#if defined(__linux__)
#include <sys/random.h>

#include <cerrno>
#elif defined(__APPLE__) || defined(__FreeBSD__) || defined(__OpenBSD__) || defined(__NetBSD__)
#include <stdlib.h>
#else
#include <cstdio>
#endif

namespace wwwauth {

struct os_entropy {
  bool operator()(unsigned char* out, std::size_t n) const noexcept {
#if defined(__linux__)
    while (n != 0) {
      const ssize_t got = getrandom(out, n, 0);
      if (got < 0) {
        if (errno == EINTR) continue;
        return false;
      }
      out += got;
      n -= static_cast<std::size_t>(got);
    }
    return true;
#elif defined(__APPLE__) || defined(__FreeBSD__) || defined(__OpenBSD__) || defined(__NetBSD__)
    arc4random_buf(out, n);
    return true;
#else
    std::FILE* f = std::fopen("/dev/urandom", "rb");
    if (f == nullptr) return false;
    const bool ok = std::fread(out, 1, n, f) == n;
    std::fclose(f);
    return ok;
#endif
  }
};

}  // namespace wwwauth
