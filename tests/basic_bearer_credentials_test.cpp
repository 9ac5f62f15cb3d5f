// Basic (RFC 7617) and Bearer (RFC 6750) credential builders: the RFCs' examples to the
// byte, every refusal, and the buffer contract (size needed, prefix written).
#include <iterator>
#include <string>
#include <string_view>

#include "support/catch.hpp"
#include "wwwauth/basic_credentials.hpp"
#include "wwwauth/bearer_credentials.hpp"
#include "wwwauth/challenge.hpp"

namespace {

using wwwauth::build_errc;

constexpr bool basic_at_compile_time() {
  char buf[64]{};
  const auto r = wwwauth::write_basic_credentials("Aladdin", "open sesame", buf, sizeof buf);
  return r && std::string_view(buf, r.size) == "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==";
}
static_assert(basic_at_compile_time());

std::string basic(std::string_view user, std::string_view pass, build_errc& error) {
  std::string out;
  const auto r = wwwauth::write_basic_credentials(user, pass, std::back_inserter(out));
  error = r.error;
  return out;
}

}  // namespace

TEST_CASE("Basic credentials", "[basic]") {
  struct row {
    const char* name;
    std::string_view user, pass;
    build_errc error;
    const char* want;
  };
  const row rows[] = {
      {"RFC 7617 section 2", "Aladdin", "open sesame", build_errc::none, "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="},
      // RFC 7617 section 2.1: user "test", password "123" U+00A3 in UTF-8.
      {"RFC 7617 section 2.1 UTF-8", "test", "123\xc2\xa3", build_errc::none, "Basic dGVzdDoxMjPCow=="},
      {"empty password", "user", "", build_errc::none, "Basic dXNlcjo="},
      {"colon in password is fine", "u", "a:b", build_errc::none, "Basic dTphOmI="},
      {"colon in user", "a:b", "pass", build_errc::colon_in_user, ""},
      {"CR in password", "user", "pa\rss", build_errc::control_char, ""},
      {"DEL in user", "us\x7f", "pass", build_errc::control_char, ""},
  };
  for (const auto& r : rows) {
    INFO(r.name);
    build_errc error{};
    const std::string out = basic(r.user, r.pass, error);
    CHECK(error == r.error);
    CHECK(out == r.want);  // nothing written on error
  }
}

TEST_CASE("Basic credentials from a challenge check charset", "[basic]") {
  struct row {
    const char* name;
    std::string_view challenge, user, pass;
    build_errc error;
  };
  const row rows[] = {
      {"no charset, Latin-1 byte", R"(Basic realm="x")", "J\xe4", "p", build_errc::none},
      {"charset UTF-8, UTF-8 input", R"(Basic realm="x", charset="UTF-8")", "J\xc3\xa4", "p", build_errc::none},
      {"charset utf-8 (any case), Latin-1 byte", R"(Basic realm="x", charset=utf-8)", "J\xe4", "p",
       build_errc::invalid_utf8},
      {"charset UTF-8, overlong NUL in password", R"(Basic charset="UTF-8")", "u", "\xc0\x80",
       build_errc::invalid_utf8},
      {"charset UTF-8, surrogate", R"(Basic charset="UTF-8")", "\xed\xa0\x80", "p", build_errc::invalid_utf8},
      {"charset UTF-8, truncated sequence", R"(Basic charset="UTF-8")", "u", "\xe2\x82", build_errc::invalid_utf8},
      {"charset UTF-8, 4-byte sequence", R"(Basic charset="UTF-8")", "u", "\xf0\x9f\x94\x91", build_errc::none},
      {"not a Basic challenge", R"(Digest realm="x", nonce="n")", "u", "p", build_errc::wrong_scheme},
  };
  for (const auto& r : rows) {
    INFO(r.name);
    const auto list = wwwauth::parse_challenges(r.challenge);
    REQUIRE(list.size() == 1);
    std::string out;
    CHECK(wwwauth::write_basic_credentials(*list.begin(), r.user, r.pass, std::back_inserter(out)).error == r.error);
    CHECK(out.empty() == (r.error != build_errc::none));
  }
}

TEST_CASE("builders report the size needed when the buffer is too small", "[basic][buffer]") {
  char buf[10] = "xxxxxxxxx";
  const auto r = wwwauth::write_basic_credentials("Aladdin", "open sesame", buf, 6);
  CHECK(r.error == build_errc::none);
  CHECK(r.size == 34);
  CHECK(std::string_view(buf, 9) == "Basic xxx");  // the first cap bytes, nothing past them
  const auto e = wwwauth::write_basic_credentials("a:b", "c", buf, sizeof buf);
  CHECK(e.error == build_errc::colon_in_user);
  CHECK(e.size == 0);
  CHECK(!e);
  CHECK(e.message() == "a Basic user-id cannot contain ':'");
}

TEST_CASE("Bearer credentials", "[bearer]") {
  struct row {
    const char* name;
    std::string_view token;
    build_errc error;
  };
  const row rows[] = {
      {"RFC 6750 section 2.1 example", "mF_9.B5f-4.1JqM", build_errc::none},
      {"JWT-like with padding", "eyJhbGciOi.JIUzI1NiJ9+/~==", build_errc::none},
      {"empty", "", build_errc::not_token68},
      {"only padding", "==", build_errc::not_token68},
      {"space", "abc def", build_errc::not_token68},
      {"padding in the middle", "abc=def", build_errc::not_token68},
      {"quote", "abc\"", build_errc::not_token68},
      {"CRLF injection", "abc\r\nX-Evil: 1", build_errc::not_token68},
      {"comma", "a,b", build_errc::not_token68},
  };
  for (const auto& r : rows) {
    INFO(r.name);
    char buf[64];
    const auto res = wwwauth::write_bearer_credentials(r.token, buf, sizeof buf);
    CHECK(res.error == r.error);
    if (r.error == build_errc::none) CHECK(std::string_view(buf, res.size) == "Bearer " + std::string(r.token));
  }
}
