// The hashes of Digest (RFC 7616 section 3.4.1), shared by the client's builder and the
// server's verifier:
//
//     A1       = unq(username) ":" unq(realm) ":" passwd      (-sess: H(A1) ":" nonce ":" cnonce)
//     A2       = Method ":" request-uri                       (auth-int: ... ":" H(entity-body))
//     response = KD(H(A1), unq(nonce) ":" nc ":" unq(cnonce) ":" unq(qop) ":" H(A2))
//
// and, for servers that store HA1 values (htdigest files) or look users up by userhash
// (section 3.4.4), digest_ha1() and digest_userhash(). Nothing is allocated: every hash
// streams, and digests are lowercase hex in fixed arrays.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "detail/hex.hpp"
#include "detail/md5.hpp"
#include "detail/sha2.hpp"
#include "digest_algorithm.hpp"
#include "param_value.hpp"

namespace wwwauth {

enum class digest_qop : std::uint8_t { none, auth, auth_int };

// A lowercase hex digest of up to 256 bits, without allocation.
struct hex_digest {
  std::array<char, 64> chars{};
  std::size_t size = 0;
  constexpr std::string_view view() const noexcept { return {chars.data(), size}; }
};

namespace detail {

// Streams pieces into one hash; param_values are hashed decoded (RFC 7616's unq()).
template <class Hash>
class hash_stream {
 public:
  constexpr hash_stream& operator<<(std::string_view s) noexcept {
    h_.update(s);
    return *this;
  }
  constexpr hash_stream& operator<<(const param_value& v) noexcept {
    if (v.is_plain()) {
      h_.update(v.raw());  // the common case, in one call
    } else {
      v.visit([this](char c) {
        h_.update(std::string_view(&c, 1));
        return true;
      });
    }
    return *this;
  }
  constexpr hex_digest hex() noexcept {
    const auto hx = to_hex(h_.final());
    hex_digest out;
    for (std::size_t i = 0; i < hx.chars.size(); ++i) out.chars[i] = hx.chars[i];
    out.size = hx.chars.size();
    return out;
  }

 private:
  Hash h_{};
};

constexpr param_value plain_value(std::string_view s) noexcept { return param_value(s, false, 0); }

constexpr std::string_view qop_name(digest_qop q) noexcept {
  return q == digest_qop::auth ? "auth" : q == digest_qop::auth_int ? "auth-int" : "";
}

// What request-digest and rspauth hash besides H(A1), each as sent (decoded).
struct digest_exchange {
  digest_qop qop = digest_qop::none;
  param_value nonce{};
  param_value nc{};  // as sent: 8 hex digits
  param_value cnonce{};
  param_value uri{};
};

// H(A1) of section 3.4.2 from a plain H(user:realm:password): the -sess form hashes it again
// with the nonce and cnonce.
template <class Hash>
constexpr hex_digest session_ha1(const hex_digest& ha1, bool sess, const digest_exchange& x) noexcept {
  if (!sess) return ha1;
  return (hash_stream<Hash>() << ha1.view() << ":" << x.nonce << ":" << x.cnonce).hex();
}

// KD(H(A1), ...) of section 3.4.1; method is the request's (empty for rspauth, section 3.5),
// body_hash the hex H(entity-body) that auth-int puts in A2.
template <class Hash>
constexpr hex_digest request_digest(std::string_view ha1, const digest_exchange& x, std::string_view method,
                                    std::string_view body_hash) noexcept {
  hash_stream<Hash> a2;
  a2 << method << ":" << x.uri;
  if (x.qop == digest_qop::auth_int) a2 << ":" << body_hash;
  const hex_digest ha2 = a2.hex();
  hash_stream<Hash> kd;
  kd << ha1 << ":" << x.nonce << ":";
  if (x.qop != digest_qop::none) kd << x.nc << ":" << x.cnonce << ":" << qop_name(x.qop) << ":";
  kd << ha2.view();
  return kd.hex();
}

template <class Hash>
struct hash_tag {
  using type = Hash;
};

// Calls f(hash_tag<Hash>{}) with the hash of the algorithm (section 3.1).
template <class F>
constexpr auto with_digest_hash(digest_algorithm a, F f) noexcept {
  switch (a) {
    case digest_algorithm::md5:
    case digest_algorithm::md5_sess: return f(hash_tag<md5>{});
    case digest_algorithm::sha_256:
    case digest_algorithm::sha_256_sess: return f(hash_tag<sha256>{});
    case digest_algorithm::sha_512_256:
    case digest_algorithm::sha_512_256_sess: break;
  }
  return f(hash_tag<sha512_256>{});
}

}  // namespace detail

// Hex digits in the algorithm's digest: 32 for MD5, 64 for the SHA-2 ones.
constexpr std::size_t digest_hex_size(digest_algorithm a) noexcept {
  return detail::with_digest_hash(a, [](auto tag) { return 2 * decltype(tag)::type::digest_size; });
}

// H(username ":" realm ":" password), what htdigest files store as HA1 (for a -sess
// algorithm, the same value as for its plain form).
constexpr hex_digest digest_ha1(digest_algorithm a, std::string_view username, std::string_view realm,
                                std::string_view password) noexcept {
  return detail::with_digest_hash(a, [&](auto tag) {
    return (detail::hash_stream<typename decltype(tag)::type>() << username << ":" << realm << ":" << password).hex();
  });
}

// userhash (section 3.4.4): H(username ":" realm), what a client with userhash=true sends as
// username. A server keeps it next to each user to find who sent it.
constexpr hex_digest digest_userhash(digest_algorithm a, std::string_view username, std::string_view realm) noexcept {
  return detail::with_digest_hash(a, [&](auto tag) {
    return (detail::hash_stream<typename decltype(tag)::type>() << username << ":" << realm).hex();
  });
}

// H(entity-body) for qop=auth-int, fed in pieces as the body arrives.
class digest_body_hash {
 public:
  constexpr explicit digest_body_hash(digest_algorithm a) noexcept : algorithm_(a) {}
  constexpr void update(std::string_view piece) noexcept {
    detail::with_digest_hash(algorithm_, [&](auto tag) {
      stream(tag) << piece;
      return 0;
    });
  }
  // Once, after the last piece.
  constexpr hex_digest hex() noexcept {
    return detail::with_digest_hash(algorithm_, [&](auto tag) { return stream(tag).hex(); });
  }

 private:
  constexpr detail::hash_stream<detail::md5>& stream(detail::hash_tag<detail::md5>) noexcept { return md5_; }
  constexpr detail::hash_stream<detail::sha256>& stream(detail::hash_tag<detail::sha256>) noexcept { return sha256_; }
  constexpr detail::hash_stream<detail::sha512_256>& stream(detail::hash_tag<detail::sha512_256>) noexcept {
    return sha512_256_;
  }

  digest_algorithm algorithm_;
  detail::hash_stream<detail::md5> md5_{};
  detail::hash_stream<detail::sha256> sha256_{};
  detail::hash_stream<detail::sha512_256> sha512_256_{};
};

}  // namespace wwwauth
