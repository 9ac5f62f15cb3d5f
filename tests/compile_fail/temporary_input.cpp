// Compile-fail test (tests/CMakeLists.txt): each WWWAUTH_MISUSE_* variant hands a temporary
// to a parse function, whose views would then dangle, and must not compile. Without a
// variant the same calls on lvalues must compile, which shows the failures come from the
// misuse and nothing else.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include <wwwauth/wwwauth.hpp>

std::string header() { return "Basic realm=x"; }

int main() {
#if defined(WWWAUTH_MISUSE_CHALLENGES)
  return static_cast<int>(wwwauth::parse_challenges(header()).size());
#elif defined(WWWAUTH_MISUSE_FIELDS)
  return static_cast<int>(wwwauth::parse_challenges(std::vector<std::string_view>{"Basic"}).size());
#elif defined(WWWAUTH_MISUSE_CREDENTIALS)
  return static_cast<int>(wwwauth::parse_credentials(header()).param_count());
#elif defined(WWWAUTH_MISUSE_AUTH_INFO)
  return static_cast<int>(wwwauth::parse_auth_info(header()).size());
#else
  const std::string h = header();
  const std::vector<std::string_view> fields{h};
  const std::array<std::string_view, 1> array{h};
  return static_cast<int>(wwwauth::parse_challenges(h).size() + wwwauth::parse_challenges(fields).size() +
                          wwwauth::parse_challenges(array).size() + wwwauth::parse_challenges("Basic").size() +
                          wwwauth::parse_credentials(h).param_count() + wwwauth::parse_auth_info(h.c_str()).size());
#endif
}
