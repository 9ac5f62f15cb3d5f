// What `wwwauth-explain --demo` shows: typical 401/407 responses, each explained. The first is
// sample_401.hpp's (the one --demo --json explains); two are `curl -v` exchanges, whose
// request lines tell whether credentials were sent.
#pragma once

#include <string_view>

#include "sample_401.hpp"

namespace explain {

struct demo_response {
  std::string_view title;
  std::string_view text;
};

inline constexpr demo_response demo_responses[] = {
    {"A container registry: an expired token, and a Basic fallback", sample_401},
    {"A 401 without any challenge (an application login or a security plugin, not HTTP authentication)",
     "HTTP/1.1 401 Unauthorized\r\n"
     "Content-Type: text/html; charset=UTF-8\r\n"
     "Set-Cookie: wordpress_test_cookie=WP%20Cookie%20check; path=/\r\n"
     "\r\n"},
    {"curl -v: Basic credentials sent and refused",
     "* Connected to intranet.example (192.0.2.7) port 443\n"
     "> GET /reports/ HTTP/1.1\n"
     "> Host: intranet.example\n"
     "> Authorization: Basic YWxpY2U6d3Jvbmc=\n"
     "> User-Agent: curl/7.88.1\n"
     ">\n"
     "< HTTP/1.1 401 Unauthorized\n"
     "< WWW-Authenticate: Basic realm=\"Reports\", charset=\"UTF-8\"\n"
     "< Content-Length: 0\n"
     "<\n"},
    {"curl -v --digest: the nonce went stale, the password was right",
     "> GET /dir/index.html HTTP/1.1\n"
     "> Host: api.example.org\n"
     "> Authorization: Digest username=\"Mufasa\", realm=\"http-auth@example.org\", "
     "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", uri=\"/dir/index.html\", "
     "response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\", algorithm=SHA-256, "
     "qop=auth, nc=00000001, cnonce=\"f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ\"\n"
     ">\n"
     "< HTTP/1.1 401 Unauthorized\n"
     "< WWW-Authenticate: Digest realm=\"http-auth@example.org\", qop=\"auth\", algorithm=SHA-256, "
     "nonce=\"5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK\", stale=true\n"
     "< WWW-Authenticate: Digest realm=\"http-auth@example.org\", qop=\"auth\", algorithm=MD5, "
     "nonce=\"5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK\", stale=true\n"
     "<\n"},
    {"A corporate proxy wants Windows authentication",
     "HTTP/1.1 407 Proxy Authentication Required\r\n"
     "Proxy-Authenticate: Negotiate\r\n"
     "Proxy-Authenticate: NTLM\r\n"
     "Proxy-Authenticate: Basic realm=\"proxy.corp.example\"\r\n"
     "\r\n"},
    {"An API protected by OAuth: a scope missing, and where to learn about the resource",
     "HTTP/1.1 403 Forbidden\r\n"
     "WWW-Authenticate: Bearer error=\"insufficient_scope\", scope=\"files:read files:write\", "
     "resource_metadata=\"https://api.example.com/.well-known/oauth-protected-resource\"\r\n"
     "\r\n"},
};

}  // namespace explain
