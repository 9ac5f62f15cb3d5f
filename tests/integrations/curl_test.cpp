// wwwauth/curl.hpp without a network: the route of a URL and the request-target each party
// checks (origin-form for the origin, absolute-form to a forward proxy, host:port in CONNECT).
#include <string>

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
