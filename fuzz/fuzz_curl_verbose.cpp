// The `curl -v` transcript reader (tools/wwwauth_tools/curl_verbose.hpp, through
// transcript_reader.hpp, which tells it from curl -si output) on arbitrary bytes. Checks:
// - never crashes; everything printed of it passes the escaping rule (reader_checks.hpp), and
//   what is kept is bounded by the input;
// - every exchange after the first shows its request (only a "> " request starts one);
// - head and body apart: the input's lines, with curl's prefixes taken away, appended as the
//   body of a complete exchange never change that exchange nor add one.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <wwwauth_tools/bounded_input.hpp>
#include <wwwauth_tools/curl_verbose.hpp>
#include <wwwauth_tools/transcript_reader.hpp>

#include "reader_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in = wwwauth_fuzz::as_view(data, size);
  const wwwauth_tools::transcript t = wwwauth_tools::read_transcript(in);
  wwwauth_fuzz::check_transcript(t, in);
  for (std::size_t i = 1; i < t.exchanges.size(); ++i) {
    wwwauth_fuzz::check(t.exchanges[i].request.known, "a later exchange starts with its request");
  }

  // Body lines are what curl writes to stdout: never one of its prefixed lines.
  std::string body;
  wwwauth_tools::for_each_line(in, [&](std::string_view line) {
    std::string l(line);
    if (wwwauth_tools::is_curl_verbose_line(l)) l[0] = 'x';
    body += l + "\n";
  });
  const std::string with_body =
      "> GET /p HTTP/1.1\r\n> Host: h\r\n>\r\n< HTTP/1.1 401 Unauthorized\r\n< WWW-Authenticate: Basic realm=\"r\"\r\n<\r\n" +
      body;
  const wwwauth_tools::transcript b = wwwauth_tools::read_transcript(with_body);
  wwwauth_fuzz::check(!b.error && b.exchanges.size() == 1, "body lines never fail the reader nor add a response",
                      std::string(in));
  const wwwauth_tools::exchange& e = b.exchanges[0];
  wwwauth_fuzz::check(e.response.status == 401 && e.response.headers.size() == 1 && e.request.url == "http://h/p",
                      "body lines never change the exchange", std::string(in));
  wwwauth_fuzz::check_transcript(b, with_body);
  return 0;
}
