// Over-read trap: every corpus line is copied into a heap buffer of exactly its size, with no
// terminator, and parsed from every prefix. Under AddressSanitizer (.ci/run's sanitizer
// build) a read one byte past a line's end is a reported error.
#include <cstring>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>

#include "support/catch.hpp"
#include <wwwauth/wwwauth.hpp>

namespace {

std::size_t touch_everything(std::string_view field, wwwauth::mode m) {
  std::size_t sum = 0;
  const auto list = wwwauth::parse_challenges(field, m);
  for (const wwwauth::challenge& c : list) {
    sum += c.scheme().size() + c.token68().size();
    for (const wwwauth::auth_param& p : c.params()) {
      sum += p.name().size() + p.value().size() + p.value().equals("x");
    }
  }
  sum += wwwauth::parse_credentials(field, m).param_count();
  sum += wwwauth::parse_auth_info(field, m).size();
  return sum + list.error().offset;
}

}  // namespace

TEST_CASE("no read past the end of any prefix of any corpus line") {
  std::ifstream in(WWWAUTH_TEST_DATA "/corpus.txt");
  std::size_t lines = 0;
  std::size_t sum = 0;
  for (std::string line; std::getline(in, line); ++lines) {
    for (std::size_t n = 0; n <= line.size(); ++n) {
      const std::unique_ptr<char[]> exact(new char[n == 0 ? 1 : n]);
      std::memcpy(exact.get(), line.data(), n);
      const std::string_view field(exact.get(), n);
      sum += touch_everything(field, wwwauth::mode::strict) + touch_everything(field, wwwauth::mode::lenient);
    }
  }
  CHECK(lines > 40);
  CHECK(sum > 0);
}
