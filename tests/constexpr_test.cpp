// Parsing works in constant expressions: these static_asserts are the test, compiled in.
#include <array>
#include <string_view>

#include "support/catch.hpp"
#include <wwwauth/wwwauth.hpp>

namespace {

using namespace std::string_view_literals;

constexpr auto rfc_example =
    wwwauth::parse_challenges(R"(Newauth realm="apps", type=1, title="Login to \"apps\"", Basic realm="simple")");
static_assert(rfc_example.ok());
static_assert(rfc_example.size() == 2);
static_assert(rfc_example.begin()->scheme() == "Newauth"sv);
static_assert(rfc_example.begin()->param_count() == 3);
static_assert(rfc_example.begin()->param("TITLE").value().equals(R"(Login to "apps")"));
static_assert(rfc_example.begin()->param("title").value().size() == 15);
static_assert(std::next(rfc_example.begin())->scheme_is("basic"));

constexpr auto bad = wwwauth::parse_challenges("Basic realm=x, Bearer realm=@");
static_assert(bad.size() == 1);
static_assert(bad.error() == wwwauth::parse_error{wwwauth::errc::expected_value, 0, 28});

// Lenient recovery: the junk skipped, the challenge after it kept, the error recorded.
constexpr auto recovered =
    wwwauth::parse_challenges(R"(A "blob", c=d, Bearer realm="r"Basic realm="b")", wwwauth::mode::lenient);
static_assert(recovered.size() == 3);
static_assert(recovered.begin()->param("c").value().equals("d"));
static_assert(std::next(recovered.begin(), 2)->realm().value().equals("b"));
static_assert(recovered.recovered().size() == 2);
static_assert(recovered.error() == wwwauth::parse_error{wwwauth::errc::expected_token, 0, 2});

// More parameters than validation records where they lie: the rest are read again.
constexpr auto digest = wwwauth::parse_challenges(
    R"(Digest realm="r", nonce="n", qop="auth", opaque="o", algorithm=SHA-256, userhash=true)");
static_assert(digest.begin()->param("realm").value().equals("r"));
static_assert(digest.begin()->param("userhash").value().equals("true"));

constexpr std::array<std::string_view, 2> lines{"Basic realm=a", "charset=UTF-8"};
static_assert(wwwauth::parse_challenges(lines).begin()->param("charset").value().equals("UTF-8"));

static_assert(wwwauth::parse_credentials("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==").token68() ==
              "QWxhZGRpbjpvcGVuIHNlc2FtZQ=="sv);
static_assert(wwwauth::parse_auth_info(R"(rspauth="abc", nextnonce=x)").param("nextnonce").value().equals("x"));

constexpr std::size_t decoded_size() {
  std::array<char, 8> buf{};
  return wwwauth::parse_challenges(R"(Basic realm="a\"b")")
      .begin()
      ->realm()
      .value()
      .decode_into(buf.data(), buf.size());
}
static_assert(decoded_size() == 3);

}  // namespace

TEST_CASE("constant-evaluated parses compiled") {
  // The static_asserts above are the checks; this keeps the file a test executable.
  CHECK(rfc_example.size() == 2);
}
