// Stateless Digest nonces and the nc window: genuine, expired and forged nonces, and every
// way a nonce count can be replayed or forgotten.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "support/catch.hpp"
#include "wwwauth/digest_nonce.hpp"

namespace {

using wwwauth::verify_errc;

constexpr std::string_view secret = "0123456789abcdef0123456789abcdef";

constexpr wwwauth::param_value value(std::string_view s) { return wwwauth::param_value(s, false, 0); }

constexpr bool nonce_at_compile_time() {
  const wwwauth::digest_nonce_issuer issuer(secret, 300);
  const wwwauth::digest_nonce n = issuer.issue(1000, 7);
  const auto s = issuer.check(value(n.view()), 1200);
  return s && s.issued == 1000 && s.id == 7;
}
static_assert(nonce_at_compile_time());

}  // namespace

TEST_CASE("stateless nonces: genuine, stale, forged", "[digest_nonce]") {
  const wwwauth::digest_nonce_issuer issuer(secret, 300);
  const wwwauth::digest_nonce n = issuer.issue(1000, 42);
  const std::string genuine(n.view());
  CHECK(genuine.size() == 64);
  // base64 only: a token68 and a quotable value.
  CHECK(genuine.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") ==
        std::string::npos);
  CHECK(std::string(issuer.issue(1000, 43).view()) != genuine);  // the id makes each nonce unique

  std::string flipped_time = genuine;
  flipped_time[3] = flipped_time[3] == 'A' ? 'B' : 'A';
  std::string flipped_mac = genuine;
  flipped_mac[60] = flipped_mac[60] == 'A' ? 'B' : 'A';
  const wwwauth::digest_nonce_issuer other_secret("another secret, another server..", 300);
  const std::string foreign(other_secret.issue(1000, 42).view());

  struct row {
    const char* name;
    std::string nonce;
    std::uint64_t now;
    verify_errc error;
  };
  const row rows[] = {
      {"fresh", genuine, 1000, verify_errc::none},
      {"at the end of its lifetime", genuine, 1300, verify_errc::none},
      {"one second later", genuine, 1301, verify_errc::stale_nonce},
      {"from the future (clock went back)", genuine, 10, verify_errc::none},
      {"time altered", flipped_time, 1000, verify_errc::forged_nonce},
      {"MAC altered", flipped_mac, 1000, verify_errc::forged_nonce},
      {"another server's secret", foreign, 1000, verify_errc::forged_nonce},
      {"expired and forged", flipped_mac, 5000, verify_errc::forged_nonce},
      {"too short", genuine.substr(0, 60), 1000, verify_errc::forged_nonce},
      {"not base64", std::string(64, '-'), 1000, verify_errc::forged_nonce},
      {"RFC 7616's example nonce", "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", 1000, verify_errc::forged_nonce},
      {"empty", "", 1000, verify_errc::forged_nonce},
  };
  for (const auto& r : rows) {
    INFO(r.name);
    const auto s = issuer.check(value(r.nonce), r.now);
    CHECK(s.error == r.error);
    if (r.error != verify_errc::forged_nonce) {
      CHECK(s.id == 42);
      CHECK(s.issued == 1000);
    }
  }
  // A quoted nonce with a quoted-pair is not one this issuer wrote.
  CHECK(issuer.check(wwwauth::param_value(genuine.substr(0, 63) + "\\", true, 1), 1000).error ==
        verify_errc::forged_nonce);
}

TEST_CASE("nonce counts: new, replayed, out of order, forgotten", "[digest_nonce]") {
  struct step {
    std::uint64_t id;
    std::uint32_t nc;
    verify_errc want;
  };
  struct row {
    const char* name;
    std::vector<step> steps;
  };
  const row rows[] = {
      {"counting up", {{1, 1, verify_errc::none}, {1, 2, verify_errc::none}, {1, 3, verify_errc::none}}},
      {"the same nc twice", {{1, 1, verify_errc::none}, {1, 1, verify_errc::replayed_nc}}},
      {"out of order within the window",
       {{1, 5, verify_errc::none},
        {1, 3, verify_errc::none},
        {1, 4, verify_errc::none},
        {1, 3, verify_errc::replayed_nc}}},
      {"63 below the highest is still in the window", {{1, 64, verify_errc::none}, {1, 1, verify_errc::none}}},
      {"64 below the highest is a replay", {{1, 65, verify_errc::none}, {1, 1, verify_errc::replayed_nc}}},
      {"a jump clears the window",
       {{1, 1, verify_errc::none}, {1, 200, verify_errc::none}, {1, 199, verify_errc::none}}},
      {"nc 0", {{1, 0, verify_errc::replayed_nc}}},
      {"nonces counted apart",
       {{1, 1, verify_errc::none}, {2, 1, verify_errc::none}, {1, 1, verify_errc::replayed_nc}}},
      // Four slots: the fifth nonce evicts the lowest id, which is then answered as stale.
      {"the oldest nonce forgotten",
       {{1, 1, verify_errc::none},
        {2, 1, verify_errc::none},
        {3, 1, verify_errc::none},
        {4, 1, verify_errc::none},
        {5, 1, verify_errc::none},
        {1, 2, verify_errc::stale_nonce},
        {2, 2, verify_errc::none}}},
      {"an unseen nonce older than a forgotten one",
       {{2, 1, verify_errc::none},
        {3, 1, verify_errc::none},
        {4, 1, verify_errc::none},
        {5, 1, verify_errc::none},
        {6, 1, verify_errc::none},
        {1, 1, verify_errc::stale_nonce}}},
  };
  for (const auto& r : rows) {
    INFO(r.name);
    wwwauth::digest_nonce_counts<4> counts;
    std::size_t i = 0;
    for (const step& s : r.steps) {
      INFO("step " << i++);
      CHECK(counts.accept(s.id, s.nc) == s.want);
    }
  }
}
