// The JSON and HAR readers (tools/wwwauth_tools/json_reader.hpp, har.hpp) on arbitrary bytes.
// Checks:
// - never crashes, whatever the nesting (the depth limit, no recursion);
// - linear work: the JSON reader hands out at most two events per input byte;
// - everything printed of the entries passes the escaping rule (reader_checks.hpp), and what
//   is kept is bounded by the input;
// - the input as a HAR entry's body (through json_string) reads back as its prefix when it is
//   UTF-8: the JSON the tool writes is JSON the reader reads.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <wwwauth_tools/escape.hpp>
#include <wwwauth_tools/har.hpp>
#include <wwwauth_tools/json_reader.hpp>

#include "reader_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in = wwwauth_fuzz::as_view(data, size);
  wwwauth_tools::json_reader json(in);
  for (;;) {
    const auto e = json.next();
    wwwauth_fuzz::check(json.depth() <= 64, "nesting within the depth limit");
    if (e == wwwauth_tools::json_reader::event::end || e == wwwauth_tools::json_reader::event::error) break;
  }
  wwwauth_fuzz::check(json.steps() <= 2 * size + 2, "at most two events per input byte");
  wwwauth_fuzz::check(json.failed() == (json.error_offset() <= size && !json.error_message().empty()),
                      "an error has a message and an offset inside the input");

  const wwwauth_tools::transcript t = wwwauth_tools::read_har(in);
  wwwauth_fuzz::check_transcript(t, in);

  const std::string har = R"({"log": {"entries": [{"request": {"method": "GET", "url": "http://h/"}, )"
                          R"("response": {"status": 401, "headers": [], "content": {"text": )" +
                          wwwauth_tools::json_string(in) + "}}}]}}";
  const wwwauth_tools::transcript b = wwwauth_tools::read_har(har);
  wwwauth_fuzz::check(!b.error && b.exchanges.size() == 1 && b.exchanges[0].response.status == 401,
                      "the tool's JSON reads back", har);
  if (wwwauth::is_utf8(in)) {
    wwwauth_fuzz::check(b.exchanges[0].response.body_prefix == in.substr(0, wwwauth_tools::body_prefix_capacity),
                        "a UTF-8 body reads back as its prefix", har);
  }
  return 0;
}
