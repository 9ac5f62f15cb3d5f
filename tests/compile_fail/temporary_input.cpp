// Compile-fail test (tests/CMakeLists.txt): each WWWAUTH_MISUSE_* variant hands a temporary
// to a function that keeps views of it (a parse function, a builder's input, the
// authenticator), which would then dangle, or uses credentials as a challenge; none may compile. Without a
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
#elif defined(WWWAUTH_MISUSE_CREDENTIALS_CONSTRUCTOR)
  const wwwauth::credentials c(header(), wwwauth::mode::strict);
  return static_cast<int>(c.param_count());
#elif defined(WWWAUTH_MISUSE_CREDENTIALS_AS_CHALLENGE)
  const std::string h = header();
  const wwwauth::digest_input in;
  char buf[256];
  return static_cast<int>(wwwauth::write_digest_credentials(wwwauth::parse_credentials(h), in, buf, sizeof buf).size);
#elif defined(WWWAUTH_MISUSE_DIGEST_INPUT)
  wwwauth::digest_input in;
  in.cnonce = header();
  return static_cast<int>(in.cnonce.size());
#elif defined(WWWAUTH_MISUSE_DIGEST_INPUT_INIT)
  const wwwauth::digest_input in{header()};
  return static_cast<int>(in.username.size());
#elif defined(WWWAUTH_MISUSE_PASSWORD)
  const std::string user = header();
  wwwauth::authenticator<> auth;
  auth.use_password(user, header());
  return 0;
#elif defined(WWWAUTH_MISUSE_TOKEN)
  wwwauth::authenticator<> auth;
  auth.use_token(header());
  return 0;
#elif defined(WWWAUTH_MISUSE_RESPONSE_LINES)
  wwwauth::authenticator<> auth;
  return static_cast<int>(auth.on_response(401, std::vector<std::string>{header()}, wwwauth::no_field_lines).step);
#elif defined(WWWAUTH_MISUSE_FIELD_LINES)
  const wwwauth::field_lines<> lines(std::vector<std::string>{header()});
  return static_cast<int>(lines.size());
#else
  const std::string h = header();
  const std::vector<std::string_view> fields{h};
  const std::array<std::string_view, 1> array{h};
  const wwwauth::credentials c(h, wwwauth::mode::strict);
  wwwauth::digest_input in;
  in.cnonce = h;
  const wwwauth::digest_input init{h, "literal", "GET", h, h, 1, h, false, {}};
  const std::vector<std::string> strings{h};
  const wwwauth::field_lines<> lines(strings);
  wwwauth::authenticator<> auth;
  auth.use_password(h, h).use_token(h);
  const auto verdict = auth.on_response(401, strings, wwwauth::no_field_lines);
  const std::array<wwwauth::header_field, 1> field{{{"Location", h}}};
  const std::array<wwwauth::exchange, 1> exchange{};
  const wwwauth::header_fields fields_view = field;
  const wwwauth::exchange_history history = exchange;
  return static_cast<int>(fields_view.size() + history.size() + wwwauth::parse_url(h).port() +
                          wwwauth::parse_set_cookie(h).name().size() + wwwauth::parse_challenges(h).size() +
                          wwwauth::parse_challenges(fields).size() + wwwauth::parse_challenges(array).size() +
                          wwwauth::parse_challenges("Basic").size() + wwwauth::parse_credentials(h).param_count() +
                          wwwauth::parse_auth_info(h.c_str()).size() + c.param_count() + in.cnonce.size() +
                          init.password.size() + lines.size() + static_cast<std::size_t>(verdict.step));
#endif
}
