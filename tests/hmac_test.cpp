// HMAC-SHA-256: the RFC 4231 test cases to the byte, at compile time too, and agreement with
// OpenSSL on pseudo-random keys and messages around the block-size edges (when linked, see
// openssl_crosscheck.cmake).
#include <array>
#include <cstdint>
#include <cstdlib>
#include <random>
#include <string>
#include <string_view>

#include "support/catch.hpp"
#include "wwwauth/hmac.hpp"

#if defined(WWWAUTH_TEST_OPENSSL)
#include <openssl/evp.h>
#include <openssl/hmac.h>
#endif

namespace {

constexpr char hex_digit(std::uint8_t v) { return "0123456789abcdef"[v & 0xf]; }

std::string hex(const std::array<std::uint8_t, 32>& bytes) {
  std::string out;
  for (const std::uint8_t b : bytes) {
    out += hex_digit(static_cast<std::uint8_t>(b >> 4));
    out += hex_digit(b);
  }
  return out;
}

constexpr bool rfc4231_case_2_at_compile_time() {
  const auto mac = wwwauth::hmac_sha256("Jefe", "what do ya want for nothing?");
  return mac[0] == 0x5b && mac[1] == 0xdc && mac[31] == 0x43;
}
static_assert(rfc4231_case_2_at_compile_time());

}  // namespace

TEST_CASE("HMAC-SHA-256: RFC 4231 section 4", "[hmac]") {
  const std::string aa131(131, '\xaa');
  std::string counting_key;
  for (char c = 1; c <= 25; ++c) counting_key += c;
  struct row {
    const char* name;
    std::string key, data;
    const char* want;
  };
  const row rows[] = {
      {"case 1", std::string(20, '\x0b'), "Hi There",
       "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"},
      {"case 2: a key shorter than the output", "Jefe", "what do ya want for nothing?",
       "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"},
      {"case 3", std::string(20, '\xaa'), std::string(50, '\xdd'),
       "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"},
      {"case 4", counting_key, std::string(50, '\xcd'),
       "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"},
      {"case 6: a key larger than a block", aa131, "Test Using Larger Than Block-Size Key - Hash Key First",
       "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"},
      {"case 7: key and data larger than a block", aa131,
       "This is a test using a larger than block-size key and a larger than block-size data. The key needs to be "
       "hashed before being used by the HMAC algorithm.",
       "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"},
  };
  for (const auto& r : rows) {
    INFO(r.name);
    CHECK(hex(wwwauth::hmac_sha256(r.key, r.data)) == r.want);
  }
}

#if defined(WWWAUTH_TEST_OPENSSL)
TEST_CASE("HMAC-SHA-256 agrees with OpenSSL on pseudo-random keys and messages", "[hmac][openssl]") {
  std::mt19937_64 rng(20261202);  // fixed seed: failures reproduce
  std::string key, data;
  for (int i = 0; i < 1000; ++i) {
    key.resize(std::uniform_int_distribution<std::size_t>(0, 150)(rng));  // around the 64-byte block
    data.resize(std::uniform_int_distribution<std::size_t>(0, 300)(rng));
    for (auto& c : key) c = static_cast<char>(rng());
    for (auto& c : data) c = static_cast<char>(rng());
    INFO("case " << i << ", key " << key.size() << " bytes, data " << data.size());
    std::array<std::uint8_t, 32> want{};
    unsigned int len = 0;
    REQUIRE(HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
                 reinterpret_cast<const unsigned char*>(data.data()), data.size(), want.data(), &len) != nullptr);
    REQUIRE(len == 32);
    REQUIRE(hex(wwwauth::hmac_sha256(key, data)) == hex(want));
  }
}
#else
TEST_CASE("OpenSSL cross-check is built", "[hmac][openssl]") {
  const char* ci = std::getenv("CI");
  if (ci && std::string_view(ci) == "true") FAIL("built without OpenSSL (libssl-dev): the cross-check did not run");
  WARN("built without OpenSSL (libssl-dev): the OpenSSL cross-check is skipped");
}
#endif
