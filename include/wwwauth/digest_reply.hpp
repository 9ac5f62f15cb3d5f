// What a Digest server writes back (RFC 7616): the challenge of a 401 (section 3.3), one per
// algorithm offered, and Authentication-Info after credentials were verified (section 3.5).
//
//     wwwauth::digest_challenge c;
//     c.realm = "api"; c.nonce = issuer.issue(now, ++id).view(); c.stale = status.error == stale_nonce;
//     char buf[256];
//     auto r = wwwauth::write_digest_challenge(c, buf, sizeof buf);
//     // WWW-Authenticate: Digest realm="api", qop="auth", algorithm=SHA-256, nonce="...", stale=true
//
//     auto info = wwwauth::write_authentication_info(answer, verdict, {}, buf, sizeof buf);
//     // Authentication-Info: qop=auth, rspauth="...", cnonce="...", nc=00000001
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

#include "build_error.hpp"
#include "challenge_format.hpp"
#include "detail/field_writer.hpp"
#include "digest_hash.hpp"
#include "digest_verify.hpp"
#include "digest_algorithm.hpp"

namespace wwwauth {

struct digest_challenge {
  std::string_view realm;
  std::string_view nonce;
  std::string_view opaque{};  // echoed by clients unchanged
  std::string_view domain{};  // space-separated URIs of the protection space (section 3.3)
  digest_algorithm algorithm = digest_algorithm::sha_256;
  bool send_algorithm = true;             // false: no algorithm parameter, which means MD5 (RFC 2069 clients)
  digest_qop_set qops{digest_qop::auth};  // empty (or only none): no qop parameter
  bool stale = false;                     // the credentials were right, the nonce had expired
  bool userhash = false;                  // the client may send H(username ":" realm) as username
  bool charset_utf8 = false;              // charset=UTF-8: names and passwords are UTF-8
};

template <class OutIt>
constexpr build_output<OutIt> write_digest_challenge(const digest_challenge& c, OutIt out) noexcept {
  const bool auth = c.qops.contains(digest_qop::auth), auth_int = c.qops.contains(digest_qop::auth_int);
  std::array<challenge_param, 9> params{};
  std::size_t n = 0;
  params[n++] = {"realm", c.realm};
  if (!c.domain.empty()) params[n++] = {"domain", c.domain};
  if (auth || auth_int) params[n++] = {"qop", auth && auth_int ? "auth, auth-int" : auth ? "auth" : "auth-int"};
  if (c.send_algorithm) params[n++] = {"algorithm", info(c.algorithm).name};
  params[n++] = {"nonce", c.nonce};
  if (!c.opaque.empty()) params[n++] = {"opaque", c.opaque};
  if (c.stale) params[n++] = {"stale", "true"};
  if (c.charset_utf8) params[n++] = {"charset", "UTF-8"};
  if (c.userhash) params[n++] = {"userhash", "true"};
  return write_challenge("Digest", params.data(), n, out);
}

constexpr build_result write_digest_challenge(const digest_challenge& c, char* buf, std::size_t cap) noexcept {
  return detail::to_buffer(buf, cap, [&](auto out) { return write_digest_challenge(c, out); });
}

// Authentication-Info (or Proxy-Authentication-Info) for credentials verify_digest()
// accepted: rspauth is the response computed with an empty method (and, for auth-int, the
// response body), proving the server knows the secret; qop, cnonce and nc echo the request.
// next_nonce, when not empty, is sent as nextnonce for the client's next request.
template <class OutIt>
constexpr build_output<OutIt> write_authentication_info(const digest_answer& a, const digest_verdict& v,
                                                        std::string_view next_nonce, std::string_view response_body,
                                                        OutIt out) noexcept {
  if (!a || !v) return {build_errc::not_verified, out};
  if (!detail::quotable(next_nonce)) return {build_errc::control_char, out};
  const detail::digest_exchange x = detail::exchange_of(a);
  const hex_digest rspauth = detail::with_digest_hash(a.algorithm, [&](auto tag) {
    using Hash = typename decltype(tag)::type;
    const hex_digest body_hash =
        a.qop == digest_qop::auth_int ? (detail::hash_stream<Hash>() << response_body).hex() : hex_digest{};
    return detail::request_digest<Hash>(v.session_ha1.view(), x, std::string_view(), body_hash.view());
  });
  detail::field_writer<OutIt> w(out);
  if (!next_nonce.empty()) w.param_name("nextnonce").quoted(next_nonce);
  if (a.qop != digest_qop::none) w.param_name("qop").put(detail::qop_name(a.qop));
  w.param_name("rspauth").quoted(rspauth.view());
  if (a.qop != digest_qop::none) {
    w.param_name("cnonce").quoted(a.cnonce);
    w.param_name("nc").put(a.nc.raw());  // 8 hex digits: read_digest_credentials checked them
  }
  return {build_errc::none, w.out()};
}

constexpr build_result write_authentication_info(const digest_answer& a, const digest_verdict& v,
                                                 std::string_view next_nonce, char* buf, std::size_t cap,
                                                 std::string_view response_body = {}) noexcept {
  return detail::to_buffer(buf, cap,
                           [&](auto out) { return write_authentication_info(a, v, next_nonce, response_body, out); });
}

}  // namespace wwwauth
