// Digest nonces that a server checks without keeping state (RFC 7616 section 3.3 leaves the
// nonce's form to the server and suggests a time stamp and a private key), as Apache's
// mod_auth_digest does:
//
//     nonce = base64( time || id || HMAC-SHA-256(secret, time || id) )     (64 characters)
//
// with time and id as 8-byte big-endian integers. A nonce whose HMAC does not match was not
// issued here (a plain 401); a genuine one older than the lifetime is stale (a 401 with
// stale=true, so the client retries with the new nonce without asking the user).
//
// Replays within the lifetime are caught by nc (section 3.4): digest_nonce_counts remembers,
// per nonce id, which nc values were used, in a fixed-size table a server may replace with
// its own store.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "constant_time.hpp"
#include "detail/base64.hpp"
#include "detail/field_writer.hpp"
#include "detail/hmac.hpp"
#include "detail/sha2.hpp"
#include "param_value.hpp"
#include "verify_error.hpp"

namespace wwwauth {

struct digest_nonce {
  static constexpr std::size_t size = 64;  // base64 of 8 + 8 + 32 bytes
  std::array<char, size> chars{};
  constexpr std::string_view view() const noexcept { return {chars.data(), chars.size()}; }
};

struct digest_nonce_status {
  verify_errc error = verify_errc::none;  // none, forged_nonce or stale_nonce
  std::uint64_t issued = 0;               // for a genuine nonce: when it was issued
  std::uint64_t id = 0;                   // and its id (the key for digest_nonce_counts)
  constexpr explicit operator bool() const noexcept { return error == verify_errc::none; }
};

class digest_nonce_issuer {
 public:
  // secret: random bytes known only to the server (32 or more); every nonce issued with one
  // secret is checked with the same. lifetime: seconds a nonce stays fresh.
  constexpr digest_nonce_issuer(std::string_view secret, std::uint64_t lifetime) noexcept
      : mac_(secret), lifetime_(lifetime) {}

  // now: the current time in seconds (any epoch, the same for check()); id: unique per nonce
  // and increasing from 1 (a counter), which digest_nonce_counts relies on to forget old nonces.
  constexpr digest_nonce issue(std::uint64_t now, std::uint64_t id) const noexcept {
    std::array<char, 48> raw{};
    put64(raw.data(), now);
    put64(raw.data() + 8, id);
    const auto tag = sign(std::string_view(raw.data(), 16));
    for (std::size_t i = 0; i < tag.size(); ++i) raw[16 + i] = static_cast<char>(tag[i]);
    digest_nonce n;
    detail::base64_encode(std::string_view(raw.data(), raw.size()),
                          detail::bounded_iterator(n.chars.data(), digest_nonce::size));
    return n;
  }

  constexpr digest_nonce_status check(const param_value& nonce, std::uint64_t now) const noexcept {
    digest_nonce_status s;
    s.error = verify_errc::forged_nonce;
    std::array<char, 48> raw{};
    if (!nonce.is_plain() || nonce.size() != digest_nonce::size) return s;
    const detail::base64_decoded d = detail::base64_decode(nonce.raw(), raw.data(), raw.size());
    if (!d.ok || d.size != raw.size()) return s;
    const auto tag = sign(std::string_view(raw.data(), 16));
    std::array<char, 32> expected{};
    for (std::size_t i = 0; i < tag.size(); ++i) expected[i] = static_cast<char>(tag[i]);
    if (!constant_time_equals(std::string_view(raw.data() + 16, 32), std::string_view(expected.data(), 32))) return s;
    s.issued = get64(raw.data());
    s.id = get64(raw.data() + 8);
    // A nonce from the future is genuine (the server's clock went back): take it as fresh.
    s.error = now > s.issued && now - s.issued > lifetime_ ? verify_errc::stale_nonce : verify_errc::none;
    return s;
  }

 private:
  constexpr std::array<std::uint8_t, 32> sign(std::string_view data) const noexcept {
    detail::hmac<detail::sha256> h = mac_;  // keyed once; each nonce continues a copy
    h.update(data);
    return h.final();
  }
  static constexpr void put64(char* p, std::uint64_t v) noexcept {
    for (std::size_t i = 0; i < 8; ++i) p[i] = static_cast<char>((v >> (56 - 8 * i)) & 0xff);
  }
  static constexpr std::uint64_t get64(const char* p) noexcept {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < 8; ++i) v = (v << 8) | static_cast<unsigned char>(p[i]);
    return v;
  }

  detail::hmac<detail::sha256> mac_;
  std::uint64_t lifetime_;
};

// The nc values used under the last Slots nonces, each in a window of the 64 highest: a
// repeated nc, or one more than 63 below the highest, is a replay. When the table is full
// the nonce with the lowest id is forgotten; a forgotten nonce is answered as stale, so that
// an honest client fetches a new one and a replay gets nowhere. Not thread-safe: a server
// with several threads guards it with a lock.
template <std::size_t Slots = 256>
class digest_nonce_counts {
 public:
  static_assert(Slots > 0, "digest_nonce_counts needs at least one slot");

  // none: nc is new for this nonce (and is now recorded); replayed_nc; or stale_nonce for a
  // nonce this table no longer remembers.
  constexpr verify_errc accept(std::uint64_t id, std::uint32_t nc) noexcept {
    if (nc == 0) return verify_errc::replayed_nc;  // counts start at 1 (section 3.4)
    slot* s = nullptr;
    slot* lowest = &slots_[0];
    for (slot& candidate : slots_) {
      if (candidate.used && candidate.id == id) s = &candidate;
      if (!candidate.used || (lowest->used && candidate.id < lowest->id)) lowest = &candidate;
    }
    if (s == nullptr) {
      if (id <= forgotten_below_) return verify_errc::stale_nonce;
      if (lowest->used && lowest->id > forgotten_below_) forgotten_below_ = lowest->id;
      *lowest = slot{id, nc, 1, true};
      return verify_errc::none;
    }
    if (nc > s->highest) {
      const std::uint32_t shift = nc - s->highest;
      s->seen = shift >= 64 ? 1 : (s->seen << shift) | 1;
      s->highest = nc;
      return verify_errc::none;
    }
    const std::uint32_t back = s->highest - nc;
    if (back >= 64 || (s->seen >> back & 1) != 0) return verify_errc::replayed_nc;
    s->seen |= std::uint64_t{1} << back;
    return verify_errc::none;
  }

 private:
  struct slot {
    std::uint64_t id = 0;
    std::uint32_t highest = 0;  // the highest nc seen
    std::uint64_t seen = 0;     // bit k: highest - k was seen
    bool used = false;
  };
  std::array<slot, Slots> slots_{};
  std::uint64_t forgotten_below_ = 0;  // ids at or below this may have been forgotten
};

}  // namespace wwwauth
