// wwwauth/httplib.hpp without a network (integrations/client_checks.hpp).
#include <string>
#include <string_view>

#include "integrations/client_checks.hpp"
#include <wwwauth/httplib.hpp>

TEST_CASE("httplib.hpp: header_values and read_response") {
  wwwauth_test::check_client_integration(
      [] {
        httplib::Response r;
        r.status = 401;
        return r;
      },
      [](httplib::Response& r, std::string_view name, std::string_view value) {
        r.headers.emplace(std::string(name), std::string(value));
      },
      [](const httplib::Response& r, std::string_view name) { return wwwauth::httplib::header_values(r, name); },
      [](const httplib::Response& r, wwwauth::authenticator<>& auth) {
        return wwwauth::httplib::read_response(r, auth);
      });
}
