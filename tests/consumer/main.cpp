#include <wwwauth/wwwauth.hpp>

int main() {
  const auto list = wwwauth::parse_challenges(R"(Basic realm="consumer")");
  return list.ok() && list.begin()->realm().value().equals("consumer") ? 0 : 1;
}
