// What each client integration's header_values() and read_response() must do, whatever the
// client's response type: every line of a field in order, names compared case-insensitively
// (RFC 9110 section 5.1), a response read without allocating, and too many lines refused
// rather than cut short. Counts allocations: include it in the one source of a test executable.
#pragma once

#include <string_view>

#include "support/allocation_counter.hpp"
#include "support/catch.hpp"
#include <wwwauth/authenticator.hpp>
#include <wwwauth/field_lines.hpp>

namespace wwwauth_test {

// `make()` returns an empty 401 response, `add(response, name, value)` adds a field line, and
// `values(response, name)` and `read(response, authenticator)` are the integration's.
template <class Make, class Add, class Values, class Read>
void check_client_integration(Make make, Add add, Values values, Read read) {
  auto res = make();
  SECTION("header_values: every line of the field, in order, views into the response") {
    add(res, "WWW-Authenticate", R"(Basic realm="a")");
    add(res, "Content-Type", "text/plain");
    add(res, "www-authenticate", R"(Bearer realm="b")");
    const wwwauth::field_lines<> lines = values(res, "WWW-Authenticate");
    REQUIRE(lines.size() == 2);
    CHECK(lines.data()[0] == R"(Basic realm="a")");
    CHECK(lines.data()[1] == R"(Bearer realm="b")");
    CHECK_FALSE(lines.overflowed());
    CHECK(values(res, "Authentication-Info").empty());
  }
  wwwauth::authenticator<> auth;
  auth.use_password("u", "p");
  SECTION("read_response: one Basic challenge, answered, read without allocating") {
    add(res, "WWW-Authenticate", R"(Basic realm="r")");
    allocations = 0;
    counting_malloc = true;
    const auto verdict = read(res, auth);
    counting_malloc = false;
    const long allocated = allocations;  // before Catch's own allocations
    CHECK(verdict.step == wwwauth::auth_step::retry);
    INFO("malloc counted too: " << malloc_counted);
    CHECK(allocated == 0);
  }
  SECTION("read_response: one line more than field_lines holds is refused") {
    for (std::size_t i = 0; i <= wwwauth::default_field_line_capacity; ++i) {
      add(res, "WWW-Authenticate", R"(Basic realm="r")");
    }
    CHECK(values(res, "WWW-Authenticate").overflowed());
    CHECK(read(res, auth).error == wwwauth::auth_errc::too_many_fields);
  }
}

}  // namespace wwwauth_test
