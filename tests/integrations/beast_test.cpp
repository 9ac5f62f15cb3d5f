// wwwauth/beast.hpp without a network: a response's field lines, in order and by name
// case-insensitively, read without allocating, and too many of them refused rather than cut
// short.
#include <string>
#include <string_view>

#include "support/allocation_counter.hpp"
#include "support/catch.hpp"
#include <wwwauth/beast.hpp>

namespace {
namespace http = boost::beast::http;
using wwwauth::auth_errc;
using wwwauth::auth_step;
}  // namespace

TEST_CASE("beast::header_values: every line of the field, in order, views into the message") {
  http::response<http::string_body> res{http::status::unauthorized, 11};
  res.insert("WWW-Authenticate", R"(Basic realm="a")");
  res.insert("Content-Type", "text/plain");
  res.insert("www-authenticate", R"(Bearer realm="b")");
  const wwwauth::field_lines<> lines = wwwauth::beast::header_values(res, "WWW-Authenticate");
  REQUIRE(lines.size() == 2);
  CHECK(lines.data()[0] == R"(Basic realm="a")");
  CHECK(lines.data()[1] == R"(Bearer realm="b")");
  CHECK_FALSE(lines.overflowed());
  CHECK(wwwauth::beast::header_values(res, "Authentication-Info").empty());
}

TEST_CASE("beast::read_response: a challenge answered, too many lines refused") {
  wwwauth::authenticator<> auth;
  auth.use_password("u", "p");
  http::response<http::string_body> res{http::status::unauthorized, 11};
  SECTION("one Basic challenge") {
    res.insert("WWW-Authenticate", R"(Basic realm="r")");
    allocations = 0;
    counting_malloc = true;
    const auto verdict = wwwauth::beast::read_response(res, auth);
    counting_malloc = false;
    const long allocated = allocations;  // before Catch's own allocations
    CHECK(verdict.step == auth_step::retry);
    INFO("malloc counted too: " << malloc_counted);
    CHECK(allocated == 0);
  }
  SECTION("one line more than field_lines holds") {
    for (std::size_t i = 0; i <= wwwauth::default_field_line_capacity; ++i) {
      res.insert("WWW-Authenticate", R"(Basic realm="r")");
    }
    CHECK(wwwauth::beast::header_values(res, "WWW-Authenticate").overflowed());
    CHECK(wwwauth::beast::read_response(res, auth).error == auth_errc::too_many_fields);
  }
}
