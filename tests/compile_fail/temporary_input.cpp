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
#elif defined(WWWAUTH_MISUSE_URL)
  return static_cast<int>(wwwauth::parse_url(std::string("http://a/")).port());
#elif defined(WWWAUTH_MISUSE_SET_COOKIE)
  return static_cast<int>(wwwauth::parse_set_cookie(header()).name().size());
#elif defined(WWWAUTH_MISUSE_HEADER_FIELDS)
  const wwwauth::header_fields fields = std::array<wwwauth::header_field, 1>{{{"Location", "/"}}};
  return static_cast<int>(fields.size());
#elif defined(WWWAUTH_MISUSE_HISTORY)
  const wwwauth::exchange_history history = std::array<wwwauth::exchange, 1>{};
  return static_cast<int>(history.size());
#else
  const std::string h = header();
  const std::vector<std::string_view> fields{h};
  const std::array<std::string_view, 1> array{h};
  const std::array<wwwauth::header_field, 1> field{{{"Location", h}}};
  const std::array<wwwauth::exchange, 1> exchange{};
  const wwwauth::header_fields fields_view = field;
  const wwwauth::exchange_history history = exchange;
  return static_cast<int>(fields_view.size() + history.size() + wwwauth::parse_url(h).port() +
                          wwwauth::parse_set_cookie(h).name().size() + wwwauth::parse_challenges(h).size() + wwwauth::parse_challenges(fields).size() +
                          wwwauth::parse_challenges(array).size() + wwwauth::parse_challenges("Basic").size() +
                          wwwauth::parse_credentials(h).param_count() + wwwauth::parse_auth_info(h.c_str()).size());
#endif
}
