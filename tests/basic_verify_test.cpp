// The server's side of Basic (RFC 7617): the RFC's examples, every refusal with its offset,
// the buffer contract, and a round trip through the client's builder.
#include <array>
#include <string>
#include <string_view>

#include "support/catch.hpp"
#include "wwwauth/basic_credentials.hpp"
#include "wwwauth/basic_verify.hpp"
#include "wwwauth/constant_time.hpp"
#include "wwwauth/credentials.hpp"

namespace {

using wwwauth::basic_charset;
using wwwauth::verify_errc;

constexpr bool basic_at_compile_time() {
  const auto creds = wwwauth::parse_credentials("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
  char buf[32]{};
  const auto b = wwwauth::decode_basic_credentials(creds, buf, sizeof buf);
  return b && b.user_id == "Aladdin" && b.password == "open sesame";
}
static_assert(basic_at_compile_time());
static_assert(wwwauth::constant_time_equals("open sesame", "open sesame"));
static_assert(!wwwauth::constant_time_equals("open sesame", "open sesamE"));
static_assert(!wwwauth::constant_time_equals("open", "open sesame"));

}  // namespace

TEST_CASE("Basic credentials decoded", "[basic_verify]") {
  struct row {
    const char* name;
    std::string_view field;
    basic_charset charset;
    verify_errc error;
    std::size_t offset;
    std::string_view user, password;
  };
  const row rows[] = {
      {"RFC 7617 section 2", "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", basic_charset::unspecified, verify_errc::none, 0,
       "Aladdin", "open sesame"},
      {"RFC 7617 section 2.1, UTF-8 offered", "Basic dGVzdDoxMjPCow==", basic_charset::utf8, verify_errc::none, 0,
       "test", "123\xc2\xa3"},
      {"scheme case-insensitive", "bAsIc dTpw", basic_charset::unspecified, verify_errc::none, 0, "u", "p"},
      {"padding left out", "Basic dTpwMQ", basic_charset::unspecified, verify_errc::none, 0, "u", "p1"},
      {"first colon splits", "Basic dTphOmI=", basic_charset::unspecified, verify_errc::none, 0, "u", "a:b"},
      {"empty user and password", "Basic Og==", basic_charset::unspecified, verify_errc::none, 0, "", ""},
      {"Latin-1 without charset", "Basic dTqj", basic_charset::unspecified, verify_errc::none, 0, "u", "\xa3"},
      {"Latin-1 with charset UTF-8", "Basic dTqj", basic_charset::utf8, verify_errc::invalid_utf8, 2, "", ""},
      {"no colon", "Basic QWxhZGRpbg==", basic_charset::unspecified, verify_errc::missing_colon, 7, "", ""},
      {"CR in password", "Basic dTpwDXE=", basic_charset::unspecified, verify_errc::control_char, 3, "", ""},
      {"NUL in user", "Basic AHU6cA==", basic_charset::unspecified, verify_errc::control_char, 0, "", ""},
      {"DEL", "Basic dTp/", basic_charset::unspecified, verify_errc::control_char, 2, "", ""},
      {"not base64 (token68 '-')", "Basic dTp-cA==", basic_charset::unspecified, verify_errc::not_base64, 3, "", ""},
      {"'=' inside is no token68", "Basic dT=wcA==", basic_charset::unspecified, verify_errc::malformed, 12, "", ""},
      {"three '='", "Basic dTo===", basic_charset::unspecified, verify_errc::not_base64, 3, "", ""},
      {"one char in last group", "Basic dTpwc", basic_charset::unspecified, verify_errc::not_base64, 4, "", ""},
      {"padding short of the group", "Basic dTpwcA=", basic_charset::unspecified, verify_errc::not_base64, 6, "", ""},
      {"Digest credentials", R"(Digest username="u")", basic_charset::unspecified, verify_errc::wrong_scheme, 0, "",
       ""},
      {"Basic with parameters", "Basic realm=x", basic_charset::unspecified, verify_errc::malformed, 0, "", ""},
      {"bare Basic", "Basic", basic_charset::unspecified, verify_errc::malformed, 0, "", ""},
      {"parse error", "Basic a b", basic_charset::unspecified, verify_errc::malformed, 8, "", ""},
  };
  for (const auto& r : rows) {
    INFO(r.name);
    const auto creds = wwwauth::parse_credentials(r.field);
    std::array<char, 64> buf{};
    const auto b = wwwauth::decode_basic_credentials(creds, buf.data(), buf.size(), r.charset);
    CHECK(b.error == r.error);
    if (r.error != verify_errc::none) CHECK(b.offset == r.offset);
    CHECK(b.user_id == r.user);
    CHECK(b.password == r.password);
  }
}

TEST_CASE("Basic decoding into a small buffer says the size needed", "[basic_verify]") {
  const auto creds = wwwauth::parse_credentials("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
  std::array<char, 8> small{};
  const auto b = wwwauth::decode_basic_credentials(creds, small.data(), small.size());
  CHECK(b.error == verify_errc::buffer_too_small);
  CHECK(b.offset == 19);
  std::array<char, 19> exact{};
  CHECK(wwwauth::decode_basic_credentials(creds, exact.data(), exact.size()).password == "open sesame");
}

TEST_CASE("Basic round trip through the client's builder", "[basic_verify]") {
  struct row {
    const char* name;
    std::string_view user, password;
  };
  const row rows[] = {
      {"ASCII", "Aladdin", "open sesame"},
      {"empty password", "user", ""},
      {"one byte left over", "ab", "c"},
      {"two bytes left over", "ab", "cd"},
      {"UTF-8", "J\xc3\xa4s\xc3\xb8n", "Secret, or not?"},
      {"colons in password", "u", "::"},
  };
  for (const auto& r : rows) {
    INFO(r.name);
    std::array<char, 128> field{};
    const auto w = wwwauth::write_basic_credentials(r.user, r.password, field.data(), field.size());
    REQUIRE(w);
    const auto creds = wwwauth::parse_credentials(std::string_view(field.data(), w.size));
    std::array<char, 64> buf{};
    const auto b = wwwauth::decode_basic_credentials(creds, buf.data(), buf.size(), basic_charset::utf8);
    CHECK(b.user_id == r.user);
    CHECK(b.password == r.password);
  }
}

TEST_CASE("Basic token68 decoded without the parser", "[basic_verify]") {
  struct row {
    const char* name;
    std::string_view token68;
    verify_errc error;
    std::size_t offset;
  };
  const row rows[] = {
      {"valid", "dTpw", verify_errc::none, 0},
      {"'=' inside", "dT=wcA==", verify_errc::not_base64, 2},
      {"space", "dTp w", verify_errc::not_base64, 3},
      {"empty", "", verify_errc::missing_colon, 0},
  };
  for (const auto& r : rows) {
    INFO(r.name);
    std::array<char, 16> buf{};
    const auto b = wwwauth::decode_basic_token68(r.token68, buf.data(), buf.size());
    CHECK(b.error == r.error);
    CHECK(b.offset == r.offset);
  }
}
