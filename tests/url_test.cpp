// parse_url(): scheme, host and port of absolute URLs (RFC 3986 section 3.2), the host's kind,
// loopback, origins (RFC 6454), and every error at its byte, as named rows.
#include <cstdint>
#include <string_view>

#include "support/catch.hpp"
#include <wwwauth/url.hpp>

namespace {

using wwwauth::host_kind;
using wwwauth::url_errc;

struct url_case {
  const char* name;
  std::string_view url;
  std::string_view scheme, host;
  std::uint16_t port;
  host_kind kind;
  bool loopback;
};

const url_case valid[] = {
    {"http, default port", "http://example.com/a?b#c", "http", "example.com", 80, host_kind::name, false},
    {"https, default port", "HTTPS://Example.COM", "HTTPS", "Example.COM", 443, host_kind::name, false},
    {"explicit port", "http://a.test:8080/", "http", "a.test", 8080, host_kind::name, false},
    {"empty port is the default", "http://a.test:/", "http", "a.test", 80, host_kind::name, false},
    {"userinfo is not the host", "http://user:pa@ss@a.test/", "http", "a.test", 80, host_kind::name, false},
    {"query right after the host", "https://a.test?x=1", "https", "a.test", 443, host_kind::name, false},
    {"IPv4", "http://10.0.0.5:81/", "http", "10.0.0.5", 81, host_kind::ipv4, false},
    {"IPv4 loopback", "http://127.1.2.3/", "http", "127.1.2.3", 80, host_kind::ipv4, true},
    {"leading zero: a name", "http://010.0.0.5/", "http", "010.0.0.5", 80, host_kind::name, false},
    {"octet above 255: a name", "http://256.0.0.1/", "http", "256.0.0.1", 80, host_kind::name, false},
    {"three octets: a name", "http://10.0.5/", "http", "10.0.5", 80, host_kind::name, false},
    {"IPv6", "https://[2001:db8::7]:8443/", "https", "[2001:db8::7]", 8443, host_kind::ipv6, false},
    {"IPv6 loopback", "http://[::1]/", "http", "[::1]", 80, host_kind::ipv6, true},
    {"IPv6 loopback in full", "http://[0:0:0:0:0:0:0:1]/", "http", "[0:0:0:0:0:0:0:1]", 80, host_kind::ipv6, true},
    {"IPv6 with an IPv4 tail", "http://[::ffff:192.0.2.1]/", "http", "[::ffff:192.0.2.1]", 80, host_kind::ipv6, false},
    {"IPv6 with a zone (RFC 6874)", "http://[fe80::1%25eth0]/", "http", "[fe80::1%25eth0]", 80, host_kind::ipv6, false},
    {"IPvFuture", "http://[v1.x:y]/", "http", "[v1.x:y]", 80, host_kind::ipvfuture, false},
    {"localhost", "http://LOCALHOST:3000/", "http", "LOCALHOST", 3000, host_kind::name, true},
    {"a .localhost name (RFC 6761)", "http://app.localhost/", "http", "app.localhost", 80, host_kind::name, true},
    {"not localhost", "http://localhost.example/", "http", "localhost.example", 80, host_kind::name, false},
    {"unknown scheme, no default", "foo+bar://h:7/", "foo+bar", "h", 7, host_kind::name, false},
    {"pct-encoded host bytes", "http://a%2Db.test/", "http", "a%2Db.test", 80, host_kind::name, false},
};

struct error_case {
  const char* name;
  std::string_view url;
  url_errc code;
  std::size_t offset;
};

const error_case errors[] = {
    {"empty", "", url_errc::missing_scheme, 0},
    {"no scheme", "a.test/x", url_errc::missing_scheme, 6},
    {"scheme starting with a digit", "1http://a/", url_errc::missing_scheme, 0},
    {"no authority", "mailto:a@b", url_errc::missing_authority, 7},
    {"a single slash", "http:/a.test/", url_errc::missing_authority, 5},
    {"empty host", "http:///x", url_errc::invalid_host, 7},
    {"empty host after userinfo", "http://u@:80/", url_errc::invalid_host, 9},
    {"a space in the host", "http://a b/", url_errc::invalid_host, 8},
    {"unclosed IPv6", "http://[::1/", url_errc::invalid_host, 7},
    {"bad IPv6", "http://[1:2:3]/", url_errc::invalid_host, 8},
    {"two ::", "http://[1::2::3]/", url_errc::invalid_host, 8},
    {"nine groups", "http://[1:2:3:4:5:6:7:8:9]/", url_errc::invalid_host, 8},
    {"bytes after the literal", "http://[::1]x/", url_errc::invalid_host, 12},
    {"port with a letter", "http://a:8o/", url_errc::invalid_port, 10},
    {"port above 65535", "http://a:65536/", url_errc::invalid_port, 13},
};

}  // namespace

TEST_CASE("parse_url: the parts of valid URLs") {
  for (const url_case& c : valid) {
    INFO(c.name << ": " << c.url);
    const wwwauth::url_view u = wwwauth::parse_url(c.url);
    REQUIRE_FALSE(u.error());
    CHECK(u.scheme() == c.scheme);
    CHECK(u.host() == c.host);
    CHECK(u.port() == c.port);
    CHECK(u.kind() == c.kind);
    CHECK(u.host_is_address() == (c.kind != host_kind::name));
    CHECK(u.host_is_loopback() == c.loopback);
  }
}

TEST_CASE("parse_url: every error at its byte") {
  for (const error_case& c : errors) {
    INFO(c.name << ": " << c.url);
    const wwwauth::url_error e = wwwauth::parse_url(c.url).error();
    CHECK(e.code == c.code);
    CHECK(e.offset == c.offset);
    CHECK(e.offset <= c.url.size());
    CHECK_FALSE(e.message().empty());
  }
}

TEST_CASE("same_origin: scheme, host (any case) and effective port") {
  struct row {
    const char* name;
    std::string_view a, b;
    bool host, origin;
  };
  const row rows[] = {
      {"identical", "http://a.test/x", "http://a.test/y", true, true},
      {"host case and default port", "http://a.test/", "HTTP://A.TEST:80/", true, true},
      {"another port", "http://a.test:8080/", "http://a.test:8081/", true, false},
      {"another scheme", "https://a.test/", "http://a.test/", true, false},
      {"another host", "http://a.test/", "http://b.test/", false, false},
      {"a name and its address", "http://localhost/", "http://127.0.0.1/", false, false},
  };
  for (const row& r : rows) {
    INFO(r.name);
    const wwwauth::url_view a = wwwauth::parse_url(r.a);
    const wwwauth::url_view b = wwwauth::parse_url(r.b);
    CHECK(wwwauth::same_host(a, b) == r.host);
    CHECK(wwwauth::same_origin(a, b) == r.origin);
  }
}

TEST_CASE("parse_url works in constant expressions") {
  static_assert(wwwauth::parse_url("http://[::1]:8080/").port() == 8080);
  static_assert(wwwauth::parse_url("http://10.0.0.1/").kind() == host_kind::ipv4);
  static_assert(wwwauth::parse_url("http://a:99999/").error().code == url_errc::invalid_port);
  CHECK(wwwauth::name(url_errc::invalid_host) == "invalid_host");
}
