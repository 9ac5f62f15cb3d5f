// Digest credentials (RFC 7616), and the check of the server's Authentication-Info.
//
//     wwwauth::digest_input in;
//     in.username = "Mufasa"; in.password = "Circle of Life";
//     in.method = "GET"; in.uri = "/dir/index.html";
//     in.cnonce = my_random_string; in.nc = 1;
//     char buf[512];
//     auto r = wwwauth::write_digest_credentials(challenge, in, buf, sizeof buf);
//     // later, from the 2xx response:
//     auto check = wwwauth::verify_authentication_info(challenge, in, wwwauth::parse_auth_info(field));
//
// Algorithms (section 3.1): MD5, MD5-sess, SHA-256, SHA-256-sess, SHA-512-256 and
// SHA-512-256-sess, named case-insensitively; absent means MD5. qop (section 3.3): auth,
// auth-int (hashes the body), and none at all (the RFC 2069 form kept by RFC 2617). userhash
// (section 3.4.4) and username* (section 3.4, RFC 8187) when asked for or needed. Nothing is
// allocated: every hash is streamed, and values are written straight to the output.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "build_error.hpp"
#include "challenge.hpp"
#include "chars.hpp"
#include "detail/field_writer.hpp"
#include "digest_hash.hpp"
#include "input_view.hpp"
#include "verify_error.hpp"
#include "auth_info.hpp"
#include "digest_algorithm.hpp"

namespace wwwauth {

// The client's side of one Digest request. The strings are views (input_view refuses a
// temporary std::string), which must stay alive until the builder returns.
struct digest_input {
  input_view username;
  input_view password;
  input_view method;             // the request method, e.g. "GET"
  input_view uri;                // digest-uri: the request-target as the checking hop sees it
  input_view cnonce;             // client nonce, chosen at random by the caller (qop and -sess need one)
  std::uint32_t nc = 1;          // nonce count: requests sent with this nonce, this one included
  input_view body;               // request body, hashed for qop=auth-int
  bool prefer_auth_int = false;  // take auth-int when the server offers both (auth needs no body)
  // The nextnonce of a previous Authentication-Info (section 3.5), used instead of the
  // challenge's nonce when present.
  auth_param next_nonce{};
};

namespace detail {

// Everything both the builder and the verifier derive from challenge and input.
struct digest_plan {
  build_errc error = build_errc::none;
  digest_algorithm algorithm = default_digest_algorithm;  // absent: MD5 (RFC 7616 section 3.3)
  digest_qop qop = digest_qop::none;
  bool algorithm_sent = false;  // echo algorithm= only when the server named one (RFC 2617 servers)
  bool userhash = false;
  param_value realm{};
  param_value nonce{};
  auth_param opaque{};
};

// Calls f(token) for each comma-separated token of a qop-options value ("auth,auth-int").
template <class F>
constexpr void for_each_list_token(const param_value& v, F f) noexcept {
  // A qop list never needs escapes; a value with some is compared after decoding anyway.
  std::array<char, 64> token{};
  std::size_t n = 0;
  bool overflow = false;
  auto flush = [&] {
    if (n != 0 && !overflow) f(std::string_view(token.data(), n));
    n = 0;
    overflow = false;
  };
  v.visit([&](char c) {
    if (c == ',') {
      flush();
    } else if (c != ' ' && c != '\t') {
      if (n < token.size())
        token[n++] = c;
      else
        overflow = true;
    }
    return true;
  });
  flush();
}

constexpr digest_plan plan_digest(const challenge& c, const digest_input& in) noexcept {
  digest_plan p;
  auto fail = [&p](build_errc e) {
    p.error = e;
    return p;
  };
  if (!c.scheme_is("Digest")) return fail(build_errc::wrong_scheme);
  const auth_param realm = c.realm();
  if (!realm) return fail(build_errc::missing_realm);
  p.realm = realm.value();
  const auth_param nonce = in.next_nonce ? in.next_nonce : c.param("nonce");
  if (!nonce) return fail(build_errc::missing_nonce);
  p.nonce = nonce.value();
  p.opaque = c.param("opaque");

  if (const auth_param alg = c.param("algorithm")) {
    const lookup_result<digest_algorithm> known = lookup_digest_algorithm(alg.value());
    if (!known) return fail(build_errc::unsupported_algorithm);
    p.algorithm = known.id;
    p.algorithm_sent = true;
  }

  if (const auth_param qop = c.param("qop")) {
    bool auth = false, auth_int = false;
    for_each_list_token(qop.value(), [&](std::string_view t) {
      auth = auth || iequals(t, "auth");
      auth_int = auth_int || iequals(t, "auth-int");
    });
    if (auth && !(auth_int && in.prefer_auth_int))
      p.qop = digest_qop::auth;
    else if (auth_int)
      p.qop = digest_qop::auth_int;  // the body is hashed; an empty one is a body too
    else
      return fail(build_errc::unsupported_qop);
  }
  if (info(p.algorithm).sess && p.qop == digest_qop::none) return fail(build_errc::sess_without_qop);
  if (p.qop != digest_qop::none && in.cnonce.empty()) return fail(build_errc::missing_cnonce);

  if (const auth_param uh = c.param("userhash")) p.userhash = uh.value().iequals("true");

  // Values we send must fit a quoted-string (or a token, for the method).
  if (!is_token(in.method)) return fail(build_errc::not_token);
  if (!quotable(in.uri) || !quotable(in.cnonce)) return fail(build_errc::control_char);
  return p;
}

// The three hashes of section 3.4.1, for request-digest (method = the request's) and for
// rspauth (section 3.5: method empty, body = the response's).
struct digest_values {
  hex_digest response;
  hex_digest username_hash;  // H(username ":" realm), section 3.4.4
};

constexpr digest_values compute_digest(const digest_plan& p, const digest_input& in, std::string_view method,
                                       std::string_view body) noexcept {
  const auto nc = to_hex(in.nc);
  digest_exchange x;
  x.qop = p.qop;
  x.nonce = p.nonce;
  x.nc = plain_value(nc.view());
  x.cnonce = plain_value(in.cnonce);
  x.uri = plain_value(in.uri);
  return with_digest_hash(p.algorithm, [&](auto tag) {
    using Hash = typename decltype(tag)::type;
    const hex_digest ha1 = (hash_stream<Hash>() << in.username << ":" << p.realm << ":" << in.password).hex();
    const hex_digest body_hash = p.qop == digest_qop::auth_int ? (hash_stream<Hash>() << body).hex() : hex_digest{};
    digest_values v;
    v.response =
        request_digest<Hash>(session_ha1<Hash>(ha1, info(p.algorithm).sess, x).view(), x, method, body_hash.view());
    if (p.userhash) v.username_hash = (hash_stream<Hash>() << in.username << ":" << p.realm).hex();
    return v;
  });
}

}  // namespace detail

// Writes `Digest username=..., realm=..., uri=..., algorithm=..., nonce=..., nc=...,
// cnonce=..., qop=..., response=..., opaque=..., userhash=...` in the order of RFC 7616's
// examples. Realm, nonce and opaque are echoed as the server sent them (decoded, then
// quoted again). A username that no quoted-string can carry (a control character) goes in
// username* as an RFC 8187 ext-value: UTF-8''%-encoded; the caller passes UTF-8.
template <class OutIt>
constexpr build_output<OutIt> write_digest_credentials(const challenge& c, const digest_input& in, OutIt out) noexcept {
  const detail::digest_plan p = detail::plan_digest(c, in);
  if (p.error != build_errc::none) return {p.error, out};
  const detail::digest_values v = detail::compute_digest(p, in, in.method, in.body);

  detail::field_writer<OutIt> w(out);
  w.put("Digest ");
  if (p.userhash) {
    w.param_name("username").quoted(v.username_hash.view());
  } else if (detail::quotable(in.username)) {
    w.param_name("username").quoted(in.username);
  } else {
    w.param_name("username*").put("UTF-8''");
    for (const char ch : in.username) {
      if (chars::is_attr_char(ch)) {
        w.put(ch);
      } else {
        const auto pct = detail::percent_encode(static_cast<unsigned char>(ch));
        w.put(std::string_view(pct.data(), pct.size()));
      }
    }
  }
  w.param_name("realm").quoted(p.realm);
  w.param_name("uri").quoted(in.uri);
  if (p.algorithm_sent) w.param_name("algorithm").put(info(p.algorithm).name);
  w.param_name("nonce").quoted(p.nonce);
  if (p.qop != digest_qop::none) {
    w.param_name("nc").put(detail::to_hex(in.nc).view());
    w.param_name("cnonce").quoted(in.cnonce);
    w.param_name("qop").put(detail::qop_name(p.qop));
  }
  w.param_name("response").quoted(v.response.view());
  if (p.opaque) w.param_name("opaque").quoted(p.opaque.value());
  if (p.userhash) w.param_name("userhash").put("true");
  return {build_errc::none, w.out()};
}

constexpr build_result write_digest_credentials(const challenge& c, const digest_input& in, char* buf,
                                                std::size_t cap) noexcept {
  return detail::to_buffer(buf, cap, [&](auto out) { return write_digest_credentials(c, in, out); });
}

// Checks the server's Authentication-Info (or Proxy-Authentication-Info) after a request
// built from the same challenge and input (RFC 7616 section 3.5): rspauth must be the digest
// computed with an empty method (and, for auth-int, the response body), and qop, nc and
// cnonce, when present, must echo the request's. verify_errc::none means the server proved
// it knows the password. A challenge and input that build no request give wrong_scheme,
// unsupported_algorithm, unsupported_qop, or malformed for the rest (write_digest_credentials
// says which). The next request may use info.param("nextnonce") as digest_input::next_nonce.
constexpr verify_errc verify_authentication_info(const challenge& c, const digest_input& in, const auth_info& info,
                                                 std::string_view response_body = {}) noexcept {
  const detail::digest_plan p = detail::plan_digest(c, in);
  switch (p.error) {
    case build_errc::none: break;
    case build_errc::wrong_scheme: return verify_errc::wrong_scheme;
    case build_errc::unsupported_algorithm: return verify_errc::unsupported_algorithm;
    case build_errc::unsupported_qop: return verify_errc::unsupported_qop;
    default: return verify_errc::malformed;
  }
  const auth_param rspauth = info.param("rspauth");
  if (!rspauth) return verify_errc::missing_rspauth;
  if (p.qop != digest_qop::none) {
    const auto nc = detail::to_hex(in.nc);
    const auth_param qop = info.param("qop"), nc_param = info.param("nc"), cnonce = info.param("cnonce");
    if ((qop && !qop.value().iequals(detail::qop_name(p.qop))) || (nc_param && !nc_param.value().iequals(nc.view())) ||
        (cnonce && !cnonce.value().equals(in.cnonce)))
      return verify_errc::echo_mismatch;
  }
  const detail::digest_values v = detail::compute_digest(p, in, std::string_view(), response_body);
  // Hex digits compare case-insensitively: some servers send uppercase.
  return rspauth.value().iequals(v.response.view()) ? verify_errc::none : verify_errc::rspauth_mismatch;
}

}  // namespace wwwauth
