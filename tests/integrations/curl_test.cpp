// wwwauth/curl.hpp without a network: the route of a URL and the request-target each party
// checks (origin-form for the origin, absolute-form to a forward proxy, host:port in CONNECT).
#include <array>
#include <string>
#include <string_view>

#include "support/catch.hpp"
#include <wwwauth/curl.hpp>

namespace {
using wwwauth::auth_party;
using wwwauth::curl::route;
}  // namespace

TEST_CASE("route_of: direct, forward proxy for http, tunnel for https") {
  CHECK(wwwauth::curl::route_of("http://a/", "") == route::direct);
  CHECK(wwwauth::curl::route_of("https://a/", "") == route::direct);
  CHECK(wwwauth::curl::route_of("http://a/", "http://proxy:3128") == route::forward_proxy);
  CHECK(wwwauth::curl::route_of("HTTPS://a/", "http://proxy:3128") == route::tunnel);
}

TEST_CASE("request_target: what each party checks as Digest's uri") {
  struct row {
    const char* name;
    const char* url;
    auth_party party;
    route via;
    const char* target;
  };
  const row rows[] = {
      {"origin, direct", "http://h:8080/dir/index.html?x=1", auth_party::origin, route::direct, "/dir/index.html?x=1"},
      {"origin behind a forward proxy: the path", "http://h/dir/", auth_party::origin, route::forward_proxy, "/dir/"},
      {"origin, no path", "http://h", auth_party::origin, route::direct, "/"},
      {"forward proxy: the absolute URL", "http://h/dir/?q", auth_party::proxy, route::forward_proxy,
       "http://h/dir/?q"},
      {"CONNECT: host and port", "https://h/dir/", auth_party::proxy, route::tunnel, "h:443"},
      {"CONNECT: an explicit port", "https://h:8443/", auth_party::proxy, route::tunnel, "h:8443"},
      {"origin in a tunnel: the path", "https://h/a?b", auth_party::origin, route::tunnel, "/a?b"},
      {"not a URL", "::", auth_party::origin, route::direct, ""},
  };
  for (const row& r : rows) {
    INFO(r.name);
    CHECK(wwwauth::curl::request_target(r.url, r.party, r.via) == r.target);
  }
}

TEST_CASE("request_headers: each party's answer, nothing for a party without a challenge") {
  const std::string user = "u", password = "p";
  wwwauth::authenticator<> origin, proxy(auth_party::proxy);
  origin.use_password(user, password);
  proxy.use_password(user, password);
  const std::array<std::string_view, 1> basic{R"(Basic realm="x")"};
  REQUIRE(origin.on_response(401, basic, wwwauth::no_field_lines).step == wwwauth::auth_step::retry);
  wwwauth::curl::request_headers headers("https://h/p", route::tunnel);
  CHECK(headers.add(proxy));  // no challenge yet: nothing to add
  const wwwauth::auth_answer a = headers.add(origin);
  REQUIRE(a);
  CHECK(a.value == "Basic dTpw");
  CURL* curl = curl_easy_init();
  REQUIRE(curl != nullptr);
  headers.set_on(curl);
  curl_easy_cleanup(curl);
}
