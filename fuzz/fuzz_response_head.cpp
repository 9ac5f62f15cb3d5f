// The `curl -si` reader (tools/wwwauth_tools/response_text.hpp) on arbitrary bytes. Checks:
// - never crashes; at most one response (curl -si shows one, after any 1xx);
// - everything printed of it passes the escaping rule (reader_checks.hpp), and what is kept is
//   bounded by the input;
// - head and body apart: the input appended as the body of a complete 401 never changes that
//   401's status or fields, and never makes the reader fail.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <wwwauth_tools/bounded_input.hpp>
#include <wwwauth_tools/response_text.hpp>

#include "reader_checks.hpp"

namespace {

wwwauth_tools::transcript read(std::string_view text) {
  wwwauth_tools::response_text_reader reader;
  wwwauth_tools::for_each_line(text, [&](std::string_view line) { reader.feed(line); });
  return std::move(reader).finish();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in = wwwauth_fuzz::as_view(data, size);
  const wwwauth_tools::transcript t = read(in);
  wwwauth_fuzz::check(t.exchanges.size() <= 1, "curl -si output holds one response");
  wwwauth_fuzz::check_transcript(t, in);

  constexpr std::string_view head = "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"r\"\r\n\r\n";
  const std::string with_body = std::string(head) + std::string(in);
  const wwwauth_tools::transcript b = read(with_body);
  wwwauth_fuzz::check(!b.error && b.exchanges.size() == 1, "a body never fails the reader", std::string(in));
  const wwwauth_tools::response_record& r = b.exchanges[0].response;
  wwwauth_fuzz::check(r.status == 401 && r.headers.size() == 1 && r.headers[0].value == "Basic realm=\"r\"",
                      "a body never changes the head", std::string(in));
  wwwauth_fuzz::check_transcript(b, with_body);
  return 0;
}
