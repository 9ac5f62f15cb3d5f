// The Digest hashes and base64: published vectors, constexpr evaluation, and (when the
// build links OpenSSL, see tests/openssl_crosscheck.cmake) agreement with OpenSSL on
// pseudo-random inputs of random lengths, hashed in one call and in random streaming splits.
#include <cstdint>
#include <cstdlib>
#include <iterator>
#include <random>
#include <string>
#include <string_view>

#include "support/catch.hpp"
#include "wwwauth/detail/base64.hpp"
#include "wwwauth/detail/hex.hpp"
#include "wwwauth/detail/md5.hpp"
#include "wwwauth/detail/sha2.hpp"

#if defined(WWWAUTH_TEST_OPENSSL)
#include <openssl/evp.h>
#endif

namespace {

using wwwauth::detail::md5;
using wwwauth::detail::sha256;
using wwwauth::detail::sha512_256;
using wwwauth::detail::to_hex;

// Everything is usable at compile time.
static_assert(to_hex(md5::hash("abc")).view() == "900150983cd24fb0d6963f7d28e17f72");
static_assert(to_hex(sha256::hash("abc")).view() ==
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
static_assert(to_hex(sha512_256::hash("abc")).view() ==
              "53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23");
constexpr bool base64_at_compile_time(std::string_view in, std::string_view want) {
  char out[16]{};
  const char* end = wwwauth::detail::base64_encode(in, out);
  return std::string_view(out, static_cast<std::size_t>(end - out)) == want;
}
static_assert(base64_at_compile_time("fooba", "Zm9vYmE="));

struct vector_row {
  const char* name;
  std::string input;
  const char* md5;
  const char* sha256;
  const char* sha512_256;  // nullptr: no published value for this input
};

std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

template <class Hash>
std::string hex_of(std::string_view data) {
  return std::string(to_hex(Hash::hash(data)).view());
}

}  // namespace

TEST_CASE("hashes match the published vectors", "[hash]") {
  // MD5: RFC 1321 appendix A.5. SHA-256: FIPS 180-4 examples (NIST CSRC "SHA256.pdf",
  // "SHA2_Additional.pdf"). SHA-512/256: NIST CSRC "SHA512_256.pdf". The 896-bit message is
  // FIPS 180-4's two-block example for SHA-512 family hashes.
  const vector_row rows[] = {
      {"empty", "", "d41d8cd98f00b204e9800998ecf8427e",
       "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
       "c672b8d1ef56ed28ab87c3622c5114069bdd3ad7b8f9737498d0c01ecef0967a"},
      {"a", "a", "0cc175b9c0f1b6a831c399e269772661", nullptr, nullptr},
      {"abc", "abc", "900150983cd24fb0d6963f7d28e17f72",
       "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
       "53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23"},
      {"message digest", "message digest", "f96b697d7cb7938d525a2f31aaf161d0", nullptr, nullptr},
      {"alphabet", "abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b", nullptr, nullptr},
      {"alphanumeric", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
       "d174ab98d277d9f5a5611c2c9f419d9f", nullptr, nullptr},
      {"eighty digits", repeat("1234567890", 8), "57edf4a22be3c955ac49da2e2107b67a", nullptr, nullptr},
      {"448-bit two-block", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", nullptr,
       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1", nullptr},
      {"896-bit", "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
       nullptr, "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1",
       "3928e184fb8690f840da3988121d31be65cb9d3ef83ee6146feac861e19b563a"},
      {"million a", std::string(1000000, 'a'), "7707d6ae4e027c70eea2a935c2296f21",
       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", nullptr},
  };
  for (const auto& row : rows) {
    INFO(row.name);
    if (row.md5) CHECK(hex_of<md5>(row.input) == row.md5);
    if (row.sha256) CHECK(hex_of<sha256>(row.input) == row.sha256);
    if (row.sha512_256) CHECK(hex_of<sha512_256>(row.input) == row.sha512_256);
  }
}

TEST_CASE("base64 matches RFC 4648 section 10", "[base64]") {
  struct row { const char* in; const char* out; };
  const row rows[] = {{"", ""},         {"f", "Zg=="},         {"fo", "Zm8="},        {"foo", "Zm9v"},
                      {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="}, {"foobar", "Zm9vYmFy"}};
  for (const auto& r : rows) {
    INFO(r.in);
    std::string out;
    wwwauth::detail::base64_encode(r.in, std::back_inserter(out));
    CHECK(out == r.out);
    CHECK(wwwauth::detail::base64_encoded_size(std::string_view(r.in).size()) == out.size());
  }
}

#if defined(WWWAUTH_TEST_OPENSSL)
namespace {

std::string openssl_hex(const EVP_MD* md, std::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(data.data(), data.size(), out, &len, md, nullptr) != 1) return "EVP_Digest failed";
  std::string hex;
  for (unsigned i = 0; i < len; ++i) {
    hex += wwwauth::detail::hex_digits[out[i] >> 4];
    hex += wwwauth::detail::hex_digits[out[i] & 0x0f];
  }
  return hex;
}

std::string openssl_base64(std::string_view data) {
  std::string out(4 * ((data.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(&out[0]),
                                reinterpret_cast<const unsigned char*>(data.data()), static_cast<int>(data.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

// Hashes data fed in random pieces, to exercise every buffering path of update().
template <class Hash>
std::string streamed_hex(std::string_view data, std::mt19937_64& rng) {
  Hash h;
  std::size_t pos = 0;
  while (pos < data.size()) {
    const std::size_t piece = std::uniform_int_distribution<std::size_t>(0, 2 * Hash::block_size + 3)(rng);
    h.update(data.substr(pos, piece));
    pos += piece;
  }
  return std::string(to_hex(h.final()).view());
}

}  // namespace

TEST_CASE("hashes and base64 agree with OpenSSL on pseudo-random inputs", "[hash][openssl]") {
  std::mt19937_64 rng(20261128);  // fixed seed: failures reproduce
  std::string data;
  for (int i = 0; i < 3000; ++i) {
    // Mostly short inputs around the one- and two-block padding edges, some up to 20 blocks.
    const std::size_t len = i % 10 == 0 ? std::uniform_int_distribution<std::size_t>(0, 2600)(rng)
                                        : std::uniform_int_distribution<std::size_t>(0, 300)(rng);
    data.resize(len);
    for (auto& c : data) c = static_cast<char>(rng());
    INFO("input " << i << ", length " << len);
    const std::string want_md5 = openssl_hex(EVP_md5(), data);
    const std::string want_sha256 = openssl_hex(EVP_sha256(), data);
    const std::string want_sha512_256 = openssl_hex(EVP_sha512_256(), data);
    REQUIRE(hex_of<md5>(data) == want_md5);
    REQUIRE(hex_of<sha256>(data) == want_sha256);
    REQUIRE(hex_of<sha512_256>(data) == want_sha512_256);
    REQUIRE(streamed_hex<md5>(data, rng) == want_md5);
    REQUIRE(streamed_hex<sha256>(data, rng) == want_sha256);
    REQUIRE(streamed_hex<sha512_256>(data, rng) == want_sha512_256);
    std::string ours;
    wwwauth::detail::base64_writer<std::back_insert_iterator<std::string>> w(std::back_inserter(ours));
    const std::size_t cut = len / 3 + (len % 2);  // a streaming split for base64 too
    w.write(std::string_view(data).substr(0, cut));
    w.write(std::string_view(data).substr(cut));
    w.finish();
    REQUIRE(ours == openssl_base64(data));
    std::string decoded(len, '\0');
    const auto d = wwwauth::detail::base64_decode(ours, &decoded[0], decoded.size());
    REQUIRE(d.ok);
    REQUIRE(d.size == len);
    REQUIRE(decoded == data);
  }
}
#else
TEST_CASE("OpenSSL cross-check is built", "[hash][openssl]") {
  // Under CI the cross-check must run; locally a build without OpenSSL only warns.
  const char* ci = std::getenv("CI");
  if (ci && std::string_view(ci) == "true") FAIL("built without OpenSSL (libssl-dev): the cross-check did not run");
  WARN("built without OpenSSL (libssl-dev): the OpenSSL cross-check is skipped");
}
#endif
