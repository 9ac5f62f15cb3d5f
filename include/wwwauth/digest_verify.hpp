// The server's side of Digest (RFC 7616): reads what a client sent in Authorization (or
// Proxy-Authorization), then checks it against the request and the stored secret.
//
//     const auto creds = wwwauth::parse_credentials(authorization_field);
//     const wwwauth::digest_answer answer = wwwauth::read_digest_credentials(creds);
//     char name[128];
//     const auto user = wwwauth::decode_digest_username(answer, name, sizeof name);
//     // look the user up by user.name (the userhash when answer.userhash) ...
//     wwwauth::digest_request request;
//     request.method = "GET"; request.target = "/dir/index.html"; request.realm = "api";
//     const auto verdict = wwwauth::verify_digest(answer, request, {"Mufasa", "Circle of Life"});
//     // then the nonce: digest_nonce_issuer::check() and digest_nonce_counts::accept()
//
// Order matters for the answer a client gets: a wrong response is a plain 401; only a
// response that the secret gives, under a nonce that is genuine but expired, earns
// stale=true (section 3.3: stale means the credentials were right).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "constant_time.hpp"
#include "credentials.hpp"
#include "digest_hash.hpp"
#include "ext_value.hpp"
#include "digest_algorithm.hpp"
#include "verify_error.hpp"

namespace wwwauth {

// What a client sent, as views into the parsed field. Parameters are as in RFC 7616
// section 3.4; absent optional ones are empty.
struct digest_answer {
  verify_errc error = verify_errc::none;
  std::string_view bad_param{};  // for malformed, unsupported_algorithm and unsupported_qop: its name
  param_value username{};        // username, or the ext-value of username* (username_is_ext)
  bool username_is_ext = false;
  bool userhash = false;  // username is H(username ":" realm) (section 3.4.4)
  param_value realm{};
  param_value nonce{};
  param_value uri{};
  param_value response{};
  param_value cnonce{};
  param_value nc{};               // as sent: 8 hex digits
  std::uint32_t nonce_count = 0;  // nc's value
  param_value opaque{};
  digest_algorithm algorithm = default_digest_algorithm;
  digest_qop qop = digest_qop::none;
  constexpr explicit operator bool() const noexcept { return error == verify_errc::none; }
};

namespace detail {

constexpr bool parse_nc(const param_value& v, std::uint32_t& out) noexcept {
  if (v.size() != 8 || !v.is_plain()) return false;  // section 3.4: exactly 8 hex digits
  std::uint32_t n = 0;
  for (const char c : v.raw()) {
    const int d = hex_value(c);
    if (d < 0) return false;
    n = (n << 4) | static_cast<std::uint32_t>(d);
  }
  out = n;
  return true;
}

// What the request-digest and rspauth of these credentials hash besides H(A1).
constexpr digest_exchange exchange_of(const digest_answer& a) noexcept {
  digest_exchange x;
  x.qop = a.qop;
  x.nonce = a.nonce;
  x.nc = a.nc;
  x.cnonce = a.cnonce;
  x.uri = a.uri;
  return x;
}

}  // namespace detail

constexpr digest_answer read_digest_credentials(const credentials& c) noexcept {
  digest_answer a;
  auto fail = [&a](verify_errc e, std::string_view param) {
    a.error = e;
    a.bad_param = param;
    return a;
  };
  if (!c.ok()) return fail(verify_errc::malformed, {});
  if (!c.scheme_is("Digest")) return fail(verify_errc::wrong_scheme, {});
  auto required = [&c](std::string_view name, param_value& out) {
    const auth_param p = c.param(name);
    out = p.value();
    return static_cast<bool>(p);
  };
  const auth_param username = c.param("username"), username_ext = c.param("username*");
  if (username && username_ext) return fail(verify_errc::malformed, "username*");  // one or the other
  if (!username && !username_ext) return fail(verify_errc::malformed, "username");
  a.username = username ? username.value() : username_ext.value();
  a.username_is_ext = !username;
  if (!required("realm", a.realm)) return fail(verify_errc::malformed, "realm");
  if (!required("nonce", a.nonce)) return fail(verify_errc::malformed, "nonce");
  if (!required("uri", a.uri)) return fail(verify_errc::malformed, "uri");
  if (!required("response", a.response)) return fail(verify_errc::malformed, "response");
  a.opaque = c.param("opaque").value();
  if (const auth_param alg = c.param("algorithm")) {
    const lookup_result<digest_algorithm> known = lookup_digest_algorithm(alg.value());
    if (!known) return fail(verify_errc::unsupported_algorithm, "algorithm");
    a.algorithm = known.id;
  }
  if (const auth_param qop = c.param("qop")) {
    if (qop.value().iequals("auth"))
      a.qop = digest_qop::auth;
    else if (qop.value().iequals("auth-int"))
      a.qop = digest_qop::auth_int;
    else
      return fail(verify_errc::unsupported_qop, "qop");
    if (!required("cnonce", a.cnonce)) return fail(verify_errc::malformed, "cnonce");
    if (!required("nc", a.nc) || !detail::parse_nc(a.nc, a.nonce_count)) return fail(verify_errc::malformed, "nc");
  } else if (info(a.algorithm).sess) {
    return fail(verify_errc::unsupported_qop, "qop");  // -sess hashes the cnonce, sent only with qop
  }
  if (const auth_param uh = c.param("userhash")) {
    if (uh.value().iequals("true"))
      a.userhash = true;
    else if (!uh.value().iequals("false"))
      return fail(verify_errc::malformed, "userhash");
  }
  // A hashed name is hex: it never needs username* (section 3.4.4).
  if (a.userhash && a.username_is_ext) return fail(verify_errc::malformed, "username*");
  return a;
}

struct digest_username {
  verify_errc error = verify_errc::none;  // malformed (bad username*), buffer_too_small
  std::size_t size = 0;                   // the decoded size (what buffer_too_small needs)
  std::string_view name{};                // into the caller's buffer
  constexpr explicit operator bool() const noexcept { return error == verify_errc::none; }
};

// The user name to look up: username decoded (quoted-pairs resolved), or username*'s UTF-8
// (RFC 8187). With answer.userhash it is the hash: find the user whose digest_userhash() it is.
constexpr digest_username decode_digest_username(const digest_answer& a, char* buf, std::size_t cap) noexcept {
  digest_username u;
  if (a.username_is_ext) {
    // RFC 7616 section 3.4: username* is an RFC 8187 ext-value, and its charset is UTF-8.
    const ext_value ext = parse_ext_value(a.username);
    if (!ext.ok() || ext.charset() != ext_charset::utf_8) {
      u.error = verify_errc::malformed;
      return u;
    }
    u.size = ext.decode_into(buf, cap);
  } else {
    u.size = a.username.decode_into(buf, cap);
  }
  if (u.size > cap)
    u.error = verify_errc::buffer_too_small;
  else
    u.name = std::string_view(buf, u.size);
  return u;
}

// A set of Digest algorithms or qops, as a server offers them.
template <class Enum>
class digest_option_set {
 public:
  constexpr digest_option_set() noexcept = default;
  template <class... Rest>
  constexpr explicit digest_option_set(Enum first, Rest... rest) noexcept : bits_(((bit(first)) | ... | bit(rest))) {}
  constexpr bool contains(Enum e) const noexcept { return (bits_ & bit(e)) != 0; }
  constexpr digest_option_set& add(Enum e) noexcept {
    bits_ = static_cast<std::uint32_t>(bits_ | bit(e));
    return *this;
  }

 private:
  static constexpr std::uint32_t bit(Enum e) noexcept { return std::uint32_t{1} << static_cast<unsigned>(e); }
  std::uint32_t bits_ = 0;
};
using digest_algorithm_set = digest_option_set<digest_algorithm>;
using digest_qop_set = digest_option_set<digest_qop>;

// The request the credentials came with, and what the server offered.
struct digest_request {
  std::string_view method;       // the request method
  std::string_view target;       // the request-target exactly as in the request line
  std::string_view realm;        // this server's realm
  std::string_view body{};       // auth-int: the request body, unless body_hash is given
  std::string_view body_hash{};  // auth-int: H(body) from digest_body_hash, for a body streamed
  digest_algorithm_set algorithms{digest_algorithm::md5,         digest_algorithm::md5_sess,
                                  digest_algorithm::sha_256,     digest_algorithm::sha_256_sess,
                                  digest_algorithm::sha_512_256, digest_algorithm::sha_512_256_sess};
  // none only for RFC 2069 clients, when the challenge had no qop
  digest_qop_set qops{digest_qop::auth, digest_qop::auth_int};
};

// The stored secret of the user: the password, or the HA1 that htdigest files hold
// (H(username ":" realm ":" password), of the algorithm's hash, see digest_ha1()).
struct digest_secret {
  std::string_view username;  // the name A1 hashes (the one behind a userhash)
  std::string_view password{};
  std::string_view ha1{};  // when not empty, used instead of the password
};

struct digest_verdict {
  verify_errc error = verify_errc::none;
  hex_digest session_ha1{};  // H(A1) as the response used it: write_authentication_info needs it
  constexpr explicit operator bool() const noexcept { return error == verify_errc::none; }
  constexpr std::string_view message() const noexcept { return wwwauth::message(error); }
};

// Checks realm, uri, algorithm and qop against the request, then the response against the
// secret (in constant time). The nonce is the caller's to check: see digest_nonce.hpp.
constexpr digest_verdict verify_digest(const digest_answer& a, const digest_request& r,
                                       const digest_secret& s) noexcept {
  digest_verdict v;
  auto fail = [&v](verify_errc e) {
    v.error = e;
    return v;
  };
  if (!a) return fail(a.error);
  if (!a.realm.equals(r.realm)) return fail(verify_errc::realm_mismatch);
  if (!a.uri.equals(r.target)) return fail(verify_errc::uri_mismatch);  // section 3.4.6
  if (!r.algorithms.contains(a.algorithm)) return fail(verify_errc::unsupported_algorithm);
  if (!r.qops.contains(a.qop)) return fail(verify_errc::unsupported_qop);
  if (!s.ha1.empty() && s.ha1.size() != digest_hex_size(a.algorithm)) return fail(verify_errc::secret_mismatch);
  const detail::digest_exchange x = detail::exchange_of(a);
  return detail::with_digest_hash(a.algorithm, [&](auto tag) {
    using Hash = typename decltype(tag)::type;
    hex_digest ha1;
    if (s.ha1.empty()) {
      ha1 = (detail::hash_stream<Hash>() << s.username << ":" << a.realm << ":" << s.password).hex();
    } else {
      // An htdigest file may hold uppercase hex; the hashes below take it lowercase.
      for (std::size_t i = 0; i < s.ha1.size(); ++i) ha1.chars[i] = detail::ascii_lower(s.ha1[i]);
      ha1.size = s.ha1.size();
    }
    v.session_ha1 = detail::session_ha1<Hash>(ha1, info(a.algorithm).sess, x);
    hex_digest body_hash;
    if (a.qop == digest_qop::auth_int && r.body_hash.empty()) body_hash = (detail::hash_stream<Hash>() << r.body).hex();
    const std::string_view body = r.body_hash.empty() ? body_hash.view() : r.body_hash;
    const hex_digest expected = detail::request_digest<Hash>(v.session_ha1.view(), x, r.method, body);
    // Hex compares case-insensitively (some clients send uppercase): fold before comparing.
    std::array<char, 64> sent{};
    bool fits = a.response.size() == expected.size;
    if (fits) {
      std::size_t i = 0;
      a.response.visit([&](char c) {
        sent[i++] = detail::ascii_lower(c);
        return true;
      });
    }
    if (!fits || !constant_time_equals(std::string_view(sent.data(), expected.size), expected.view()))
      v.error = verify_errc::wrong_response;
    return v;
  });
}

}  // namespace wwwauth
