// wwwauth/beast.hpp without a network (integrations/client_checks.hpp).
#include <string_view>

#include "integrations/client_checks.hpp"
#include <wwwauth/beast.hpp>

TEST_CASE("beast.hpp: header_values and read_response") {
  namespace http = boost::beast::http;
  using response = http::response<http::string_body>;
  wwwauth_test::check_client_integration(
      [] {
        return response{http::status::unauthorized, 11};
      },
      [](response& r, std::string_view name, std::string_view value) {
        r.insert(boost::beast::string_view(name.data(), name.size()),
                 boost::beast::string_view(value.data(), value.size()));
      },
      [](const response& r, std::string_view name) { return wwwauth::beast::header_values(r, name); },
      [](const response& r, wwwauth::authenticator<>& auth) { return wwwauth::beast::read_response(r, auth); });
}
