// The strict JSON reader and the HAR reader on it (tools/wwwauth_tools): RFC 8259's grammar
// with byte offsets on every error, nesting bounded without recursion, and the parts of a
// HAR 1.2 entry an explanation needs.
#include <string>
#include <string_view>
#include <vector>

#include <wwwauth_tools/har.hpp>
#include <wwwauth_tools/json_reader.hpp>

#include "support/catch.hpp"

namespace {

using wwwauth_tools::json_reader;

// The events of a document as one string: {, }, [, ], k:TEXT, s:TEXT, n:TEXT, l:TEXT; or
// "error@OFFSET".
std::string events(std::string_view text) {
  json_reader r(text, 8);
  std::string out;
  for (;;) {
    const json_reader::event e = r.next();
    if (e == json_reader::event::end) return out;
    if (e == json_reader::event::error) return out + "error@" + std::to_string(r.error_offset());
    switch (e) {
      case json_reader::event::begin_object: out += "{ "; break;
      case json_reader::event::end_object: out += "} "; break;
      case json_reader::event::begin_array: out += "[ "; break;
      case json_reader::event::end_array: out += "] "; break;
      case json_reader::event::key: out += "k:" + std::string(r.text()) + " "; break;
      case json_reader::event::string: out += "s:" + std::string(r.text()) + " "; break;
      case json_reader::event::number: out += "n:" + std::string(r.text()) + " "; break;
      default: out += "l:" + std::string(r.text()) + " "; break;
    }
  }
}

}  // namespace

TEST_CASE("JSON: events and errors") {
  struct row {
    const char* name;
    std::string_view text;
    std::string_view events;
  };
  const std::vector<row> rows = {
      {"object", R"({"a": 1, "b": [true, null, "x"]})", "{ k:a n:1 k:b [ l:true l:null s:x ] } "},
      {"empty containers", "{\"a\": {}, \"b\": []}", "{ k:a { } k:b [ ] } "},
      {"top-level scalar", " -0.5e+3 ", "n:-0.5e+3 "},
      {"escapes", R"(["\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"])", "[ s:\"\\/\b\f\n\r\t\xc3\xa9\xf0\x9f\x98\x80 ] "},
      {"empty input", "", "error@0"},
      {"trailing comma in an array", "[1,]", "[ n:1 error@3"},
      {"trailing comma in an object", "{\"a\":1,}", "{ k:a n:1 error@7"},
      {"missing colon", "{\"a\" 1}", "{ error@5"},
      {"unquoted key", "{a: 1}", "{ error@1"},
      {"leading zero", "[01]", "[ n:0 error@2"},
      {"bare minus", "[-]", "[ error@2"},
      {"unclosed string", "[\"abc", "[ error@5"},
      {"raw control character in a string", "[\"a\x01\"]", "[ error@3"},
      {"invalid UTF-8 in a string", "[\"a\xff\"]", "[ error@3"},
      {"lone low surrogate", R"(["\udc00"])", "[ error@8"},
      {"high surrogate alone", R"(["\ud83dx"])", "[ error@8"},
      {"unknown escape", R"(["\q"])", "[ error@3"},
      {"mismatched bracket", "[1}", "[ n:1 error@2"},
      {"text after the document", "{} x", "{ } error@3"},
      {"nested deeper than 8", "[[[[[[[[[1]]]]]]]]]", "[ [ [ [ [ [ [ [ error@8"},
      {"nested 8 deep", "[[[[[[[[1]]]]]]]]", "[ [ [ [ [ [ [ [ n:1 ] ] ] ] ] ] ] ] "},
      {"unknown literal", "[nul]", "[ error@1"},
  };
  for (const row& r : rows) {
    INFO(r.name);
    CHECK(events(r.text) == r.events);
  }
}

TEST_CASE("JSON: a million open brackets stop at the depth limit, without recursion") {
  const std::string deep(1000000, '[');
  json_reader r(deep);
  json_reader::event e{};
  std::size_t n = 0;
  while ((e = r.next()) == json_reader::event::begin_array) ++n;
  CHECK(e == json_reader::event::error);
  CHECK(n == 64);
  CHECK(r.error_offset() == 64);
}

namespace {

constexpr std::string_view har = R"({"log": {"version": "1.2", "creator": {"name": "t", "version": "1"}, "entries": [
 {"startedDateTime": "2026-01-01T00:00:00Z", "request": {"method": "GET", "url": "https://a.example/old",
   "headers": [{"name": "Authorization", "value": "Basic YTpi"}, {"name": "Host", "value": "a.example"}],
   "cookies": [{"name": "sid", "value": "1"}, {"name": "lang", "value": "en"}]},
  "response": {"status": 302, "statusText": "Found", "headers": [{"name": "Location", "value": "https://b.example/new"}],
   "content": {"size": 0, "mimeType": "text/html", "text": ""}, "redirectURL": "https://b.example/new"}},
 {"request": {"method": "POST", "url": "https://b.example/new", "headers": [{"name": "Cookie", "value": "a=b"}],
   "cookies": [{"name": "a", "value": "b"}]},
  "response": {"status": 401, "statusText": "Unauthorized",
   "headers": [{"name": "www-authenticate", "value": "Basic realm=\"b\""}, {"name": "WWW-Authenticate", "value": "Bearer"}],
   "content": {"mimeType": "application/json", "text": "eyJjb2RlIjoicmVzdF9ub3RfbG9nZ2VkX2luIn0=", "encoding": "base64"},
   "redirectURL": ""}},
 {"request": {"method": "GET", "url": "https://b.example/blocked", "headers": []},
  "response": {"status": 0, "headers": [], "content": {"text": "plain body"}}}
]}})";

}  // namespace

TEST_CASE("HAR: the entries as exchanges") {
  const wwwauth_tools::transcript t = wwwauth_tools::read_har(har);
  REQUIRE_FALSE(t.error);
  REQUIRE(t.exchanges.size() == 3);
  const auto& first = t.exchanges[0];
  CHECK(first.request.known);
  CHECK(first.request.method == "GET");
  CHECK(first.request.url == "https://a.example/old");
  CHECK(wwwauth_tools::find_field(first.request.headers, "Authorization")->value == "Basic YTpi");
  CHECK(wwwauth_tools::find_field(first.request.headers, "Cookie")->value == "sid=1; lang=en");
  CHECK(first.is_redirect());
  CHECK(first.response.redirect_url == "https://b.example/new");
  const auto& second = t.exchanges[1];
  CHECK(second.response.status == 401);
  CHECK(second.response.reason == "Unauthorized");
  CHECK(wwwauth_tools::values_of(second.response.headers, "WWW-Authenticate") ==
        std::vector<std::string_view>{"Basic realm=\"b\"", "Bearer"});
  CHECK(wwwauth_tools::values_of(second.request.headers, "Cookie") == std::vector<std::string_view>{"a=b"});
  CHECK(second.response.body_prefix == "{\"code\":\"rest_not_logged_in\"}");
  CHECK_FALSE(second.is_redirect());
  CHECK(t.exchanges[2].response.status == 0);
  CHECK(t.exchanges[2].response.body_prefix == "plain body");
}

TEST_CASE("HAR: what is not one") {
  struct row {
    const char* name;
    std::string_view text;
    std::string_view message_part;
  };
  const std::vector<row> rows = {
      {"not JSON", "{\"log\": ", "not valid JSON"},
      {"JSON without log.entries", "{\"log\": {\"version\": \"1.2\"}}", "no log.entries"},
      {"entries not an array", "{\"log\": {\"entries\": {}}}", "no log.entries"},
      {"a status that is no code", R"({"log": {"entries": [{"response": {"status": "401"}}]}})", "not a status code"},
      {"a status out of range", R"({"log": {"entries": [{"response": {"status": 4010}}]}})", "not a status code"},
  };
  for (const row& r : rows) {
    INFO(r.name);
    const wwwauth_tools::transcript t = wwwauth_tools::read_har(r.text);
    REQUIRE(t.error);
    CHECK(t.error->message.find(r.message_part) != std::string::npos);
  }
}

TEST_CASE("HAR: a large body keeps only its prefix") {
  const std::string text = R"({"log": {"entries": [{"response": {"status": 401, "content": {"text": ")" +
                           std::string(100000, 'x') + R"("}}}]}})";
  const wwwauth_tools::transcript t = wwwauth_tools::read_har(text);
  REQUIRE(t.exchanges.size() == 1);
  CHECK(t.exchanges[0].response.body_prefix.size() == wwwauth_tools::body_prefix_capacity);
  CHECK(t.exchanges[0].response.body_size == 100000);
}
