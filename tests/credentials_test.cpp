// Authorization credentials and Authentication-Info (RFC 9110 sections 11.4 and 11.6.3) share
// the challenge grammar; these rows check what differs: one scheme only, and a bare list.
#include <string_view>
#include <vector>

#include "support/catch.hpp"
#include "support/render.hpp"

namespace {

struct row {
  const char* name;
  std::string_view input;
  const char* strict;
  const char* lenient;  // nullptr: the same as strict
};

template <class Parse>
void check_rows(const std::vector<row>& rows, Parse parse) {
  for (const row& r : rows) {
    INFO(r.name << ": " << r.input);
    CHECK(wwwauth_test::render(parse(r.input, wwwauth::mode::strict)) == r.strict);
    CHECK(wwwauth_test::render(parse(r.input, wwwauth::mode::lenient)) == (r.lenient ? r.lenient : r.strict));
  }
}

}  // namespace

TEST_CASE("credentials") {
  check_rows(
      {
          {"RFC 7617 Basic", "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", "Basic #QWxhZGRpbjpvcGVuIHNlc2FtZQ==", nullptr},
          {"RFC 6750 Bearer", "Bearer mF_9.B5f-4.1JqM", "Bearer #mF_9.B5f-4.1JqM", nullptr},
          {"RFC 7616 3.9.1 Digest",
           R"(Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc=00000001, cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", qop=auth, response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS")",
           R"(Digest username="Mufasa" realm="http-auth@example.org" uri="/dir/index.html" algorithm=SHA-256 nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v" nc=00000001 cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ" qop=auth response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1" opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS")",
           nullptr},
          {"surrounding OWS", "  Basic abc=  ", "Basic #abc=", nullptr},
          {"bare scheme", "Negotiate", "Negotiate", nullptr},
          {"empty", "", " ! expected_token@0:0", nullptr},
          {"only spaces", "   ", " ! expected_token@0:3", nullptr},
          {"leading comma", ", Basic abc", " ! expected_token@0:0", nullptr},
          {"anything after a token68 is trailing", "Basic abc, Bearer xyz", " ! trailing_data@0:9", nullptr},
          {"a second word after a token68", "Basic abc def", " ! trailing_data@0:10", nullptr},
          {"a scheme after a bare scheme", "Basic, Digest", " ! trailing_data@0:5", nullptr},
          {"second scheme after params", "Digest a=1, Bearer xyz", " ! second_scheme@0:12", nullptr},
          {"trailing comma after token68", "Basic abc,", " ! trailing_data@0:9", nullptr},
          {"trailing comma after params is an empty element", "Digest a=1,", "Digest a=1", nullptr},
          {"param after token68", "Basic abc, a=1", " ! trailing_data@0:9", nullptr},
          {"duplicate", "Digest a=1, a=2", " ! duplicate_param@0:12", "Digest a=1 a=2"},
          {"lenient unquoted uri", "Digest uri=/a/b", " ! expected_value@0:11", "Digest uri=/a/b"},
      },
      [](std::string_view in, wwwauth::mode m) { return wwwauth::parse_credentials(in, m); });
}

TEST_CASE("Authentication-Info") {
  check_rows(
      {
          {"RFC 7616 3.5",
           R"(qop=auth, rspauth="6629fae49393a05397450978507c4ef1", cnonce="0a4f113b", nc=00000001, nextnonce="abc")",
           R"(qop=auth rspauth="6629fae49393a05397450978507c4ef1" cnonce="0a4f113b" nc=00000001 nextnonce="abc")",
           nullptr},
          {"empty", "", "", nullptr},
          {"empty elements", " , a=1 ,, b=2, ", "a=1 b=2", nullptr},
          {"a bare token is no parameter", "a=1, Basic", "a=1 ! expected_param@0:5", nullptr},
          {"a quote is no parameter", R"("x")", " ! expected_param@0:0", nullptr},
          {"missing value", "a=", " ! expected_value@0:2", nullptr},
          {"duplicate", "a=1, A=2", "a=1 ! duplicate_param@0:5", "a=1 A=2"},
          {"space-separated", "a=1 b=2", " ! expected_comma@0:4", "a=1 b=2"},
      },
      [](std::string_view in, wwwauth::mode m) { return wwwauth::parse_auth_info(in, m); });
}

TEST_CASE("Authentication-Info over several lines") {
  const std::vector<std::string_view> lines = {"qop=auth", "nextnonce=\"n2\""};
  const auto info = wwwauth::parse_auth_info(lines.data(), lines.size());
  REQUIRE(info.ok());
  CHECK(info.size() == 2);
  CHECK(info.param("NextNonce").value().equals("n2"));
}
