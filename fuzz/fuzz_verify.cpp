// The server side on untrusted Authorization values: Basic decoding, Digest reading, user
// names, verification (with a password and with a stored HA1), the nonce check, the nc table
// and the replies. Checks: decoded views lie in the caller's buffer and never past the size
// reported; a decoded Basic pair has no ':' in the user-id and no control character, and
// survives a round trip through the client's builder; a decoded user name fits what
// decode_digest_username reported; a nonce nobody issued is never taken as genuine;
// write_authentication_info refuses credentials that did not verify.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_common.hpp"
#include <wwwauth/wwwauth.hpp>

namespace {

bool inside(std::string_view view, const char* buf, std::size_t cap) {
  return view.empty() || (view.data() >= buf && view.data() + view.size() <= buf + cap);
}

void basic(const wwwauth::credentials& creds) {
  std::array<char, 256> buf{};
  const wwwauth::basic_user b =
      wwwauth::decode_basic_credentials(creds, buf.data(), buf.size(), wwwauth::basic_charset::utf8);
  if (!b) return;
  wwwauth_fuzz::check(inside(b.user_id, buf.data(), buf.size()) && inside(b.password, buf.data(), buf.size()),
                      "Basic views inside the buffer");
  wwwauth_fuzz::check(b.user_id.find(':') == std::string_view::npos, "no ':' in a decoded user-id");
  wwwauth_fuzz::check(wwwauth::is_utf8(b.user_id) && wwwauth::is_utf8(b.password), "UTF-8 when asked for");
  std::array<char, 512> field{};
  const auto w = wwwauth::write_basic_credentials(b.user_id, b.password, field.data(), field.size());
  wwwauth_fuzz::check(w && w.size <= field.size(), "a decoded Basic pair can be encoded again");
  const auto again = wwwauth::parse_credentials(std::string_view(field.data(), w.size));
  std::array<char, 256> buf2{};
  const wwwauth::basic_user b2 = wwwauth::decode_basic_credentials(again, buf2.data(), buf2.size());
  wwwauth_fuzz::check(b2 && b2.user_id == b.user_id && b2.password == b.password, "Basic round trip");
}

void digest(const wwwauth::credentials& creds) {
  const wwwauth::digest_answer a = wwwauth::read_digest_credentials(creds);
  std::array<char, 64> name{};
  const wwwauth::digest_username u = wwwauth::decode_digest_username(a, name.data(), name.size());
  if (u) {
    wwwauth_fuzz::check(inside(u.name, name.data(), name.size()) && u.name.size() == u.size,
                        "user name inside the buffer, of the size reported");
  } else if (a && u.error == wwwauth::verify_errc::buffer_too_small) {
    wwwauth_fuzz::check(u.size > name.size(), "buffer_too_small only when the name does not fit");
  }
  wwwauth::digest_request request;
  request.method = "GET";
  request.target = "/dir/index.html";
  request.realm = "http-auth@example.org";
  request.body = "body";
  request.qops.add(wwwauth::digest_qop::none);
  const wwwauth::digest_verdict by_password = wwwauth::verify_digest(a, request, {"Mufasa", "Circle of Life"});
  const wwwauth::hex_digest ha1 = wwwauth::digest_ha1(a.algorithm, "Mufasa", "http-auth@example.org", "Circle of Life");
  const wwwauth::digest_verdict by_ha1 = wwwauth::verify_digest(a, request, {"", "", ha1.view()});
  wwwauth_fuzz::check(by_password.error == by_ha1.error, "a password and its HA1 give the same verdict");
  std::array<char, 512> out{};
  const auto info = wwwauth::write_authentication_info(a, by_password, {}, out.data(), out.size());
  wwwauth_fuzz::check(static_cast<bool>(info) == static_cast<bool>(by_password),
                      "Authentication-Info exactly for verified credentials");
  if (info)
    wwwauth_fuzz::check(wwwauth::parse_auth_info(std::string_view(out.data(), info.size)).ok(),
                        "Authentication-Info parses");

  const wwwauth::digest_nonce_issuer issuer("fuzzing secret, never guessed...", 300);
  wwwauth_fuzz::check(!issuer.check(a.nonce, 1000), "a nonce nobody issued is not genuine");
  wwwauth::digest_nonce_counts<4> counts;
  const wwwauth::verify_errc first = counts.accept(1, a.nonce_count);
  const wwwauth::verify_errc second = counts.accept(1, a.nonce_count);
  wwwauth_fuzz::check(second == wwwauth::verify_errc::replayed_nc, "the same nc twice is a replay");
  wwwauth_fuzz::check(first == (a.nonce_count == 0 ? wwwauth::verify_errc::replayed_nc : wwwauth::verify_errc::none),
                      "the first nc under a nonce is new (unless 0)");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in = wwwauth_fuzz::as_view(data, size);
  for (const wwwauth::mode m : {wwwauth::mode::strict, wwwauth::mode::lenient}) {
    const wwwauth::credentials creds = wwwauth::parse_credentials(in, m);
    basic(creds);
    digest(creds);
  }
  return 0;
}
