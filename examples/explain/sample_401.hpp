// The response `wwwauth-explain --demo` explains: a 401 from a container registry as
// `curl -si` prints it, with a Bearer challenge pointing at its token service and a Basic
// fallback on a second line.
#pragma once

namespace explain {

inline constexpr const char* sample_401 =
    "HTTP/1.1 401 Unauthorized\r\n"
    "Content-Type: application/json\r\n"
    "Docker-Distribution-Api-Version: registry/2.0\r\n"
    "WWW-Authenticate: Bearer realm=\"https://auth.example.com/token\",service=\"registry.example.com\","
    "scope=\"repository:team/app:pull\",error=\"invalid_token\",error_description=\"token expired\"\r\n"
    "WWW-Authenticate: Basic realm=\"registry\", charset=\"UTF-8\"\r\n"
    "Content-Length: 145\r\n"
    "\r\n";

}  // namespace explain
