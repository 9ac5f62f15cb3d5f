// The readers of `curl -si` output and `curl -v` transcripts (tools/wwwauth_tools): head and
// body kept apart, exchanges in order with their requests, malformed heads reported with line
// and byte.
#include <string>
#include <string_view>
#include <vector>

#include <wwwauth_tools/transcript_reader.hpp>

#include "support/catch.hpp"

namespace {

using wwwauth_tools::read_transcript;
using wwwauth_tools::transcript;

std::string challenges_of(const transcript& t) {
  const auto& r = t.exchanges.back().response;
  std::string out;
  for (std::string_view v :
       wwwauth_tools::values_of(r.headers, r.status == 407 ? "Proxy-Authenticate" : "WWW-Authenticate")) {
    out += (out.empty() ? "" : " | ") + std::string(v);
  }
  return out;
}

struct read_row {
  const char* name;
  std::string_view input;
  std::size_t exchanges;
  int final_status;
  std::string_view challenges;  // the final response's challenge fields, joined by " | "
  std::size_t notes;
};

struct error_row {
  const char* name;
  std::string_view input;
  std::size_t line;
  std::size_t byte;
  std::string_view message_part;
};

constexpr std::string_view two_rounds =
    "*   Trying 192.0.2.1:80...\n"
    "* Connected to api.example (192.0.2.1) port 80\n"
    "> GET /x HTTP/1.1\r\n"
    "> Host: api.example\r\n"
    ">\r\n"
    "< HTTP/1.1 401 Unauthorized\r\n"
    "< WWW-Authenticate: Digest realm=\"r\", nonce=\"n1\"\r\n"
    "<\r\n"
    "* Ignoring the response-body\n"
    "HTTP/1.1 200 OK (a body line that looks like a status line)\n"
    "> GET /x HTTP/1.1\r\n"
    "> Host: api.example\r\n"
    "> Authorization: Digest username=\"u\", realm=\"r\", nonce=\"n1\", uri=\"/x\", response=\"abc\"\r\n"
    ">\r\n"
    "< HTTP/1.1 401 Unauthorized\r\n"
    "< WWW-Authenticate: Digest realm=\"r\", nonce=\"n1\"\r\n"
    "<\r\n";

constexpr std::string_view redirect_then_401 =
    "* Connected to a.example (192.0.2.1) port 443\n"
    "* SSL connection using TLSv1.3\n"
    "> GET /old HTTP/1.1\n"
    "> Host: a.example\n"
    "> Authorization: Basic YTpi\n"
    ">\n"
    "< HTTP/1.1 301 Moved Permanently\n"
    "< Location: https://b.example/new\n"
    "<\n"
    "* Issue another request to this URL: 'https://b.example/new'\n"
    "* Connected to b.example (192.0.2.2) port 443\n"
    "> GET /new HTTP/1.1\n"
    "> Host: b.example\n"
    ">\n"
    "< HTTP/1.1 401 Unauthorized\n"
    "< WWW-Authenticate: Basic realm=\"b\"\n"
    "<\n"
    "{\"error\": \"login\"}\n";

}  // namespace

TEST_CASE("responses and transcripts read") {
  const std::vector<read_row> rows = {
      {"curl -si: head and body", "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"a\"\r\n\r\nbody\r\n", 1,
       401, "Basic realm=\"a\"", 0},
      {"curl -si: a body dressed as a response is data",
       "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"real\"\r\n\r\nHTTP/1.1 200 OK\r\n"
       "WWW-Authenticate: Basic realm=\"fake\"\r\n\r\n",
       1, 401, "Basic realm=\"real\"", 1},
      {"curl -si: a 1xx interim response, then the final one",
       "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic\r\n\r\n", 1, 401, "Basic", 0},
      {"curl -si: obs-fold joins the previous field",
       "HTTP/1.1 407 x\r\nProxy-Authenticate: Negotiate\r\n\tabc==\r\n\r\n", 1, 407, "Negotiate abc==", 0},
      {"curl -si: HTTP/2 without a reason", "HTTP/2 401 \r\nwww-authenticate: Bearer\r\n\r\n", 1, 401, "Bearer", 0},
      {"curl -si: a head without its empty line", "HTTP/1.1 401 x\nWWW-Authenticate: Basic", 1, 401, "Basic", 0},
      {"curl -si: text before the first status line", "$ curl -si ...\nHTTP/1.1 401 x\nWWW-Authenticate: Basic\n\n", 1,
       401, "Basic", 0},
      {"curl -v: two rounds", two_rounds, 2, 401, "Digest realm=\"r\", nonce=\"n1\"", 0},
      {"curl -v: a redirect, then a 401", redirect_then_401, 2, 401, "Basic realm=\"b\"", 0},
      {"curl -v: body lines dressed as response lines without a new request are no response",
       "> GET / HTTP/1.1\n>\n< HTTP/1.1 401 x\n< WWW-Authenticate: Basic realm=\"real\"\n<\nHTTP/1.1 200 OK\n"
       "WWW-Authenticate: Basic realm=\"fake\"\n",
       1, 401, "Basic realm=\"real\"", 0},
      {"curl -v: 100 Continue then 401",
       "> PUT / HTTP/1.1\n>\n< HTTP/1.1 100 Continue\n<\n< HTTP/1.1 401 x\n"
       "< WWW-Authenticate: Basic\n<\n",
       1, 401, "Basic", 0},
      {"curl -v: a 407, then a 401",
       "> GET http://o.example/ HTTP/1.1\n>\n< HTTP/1.1 407 x\n< Proxy-Authenticate: Basic realm=\"p\"\n"
       "<\n> GET http://o.example/ HTTP/1.1\n> Proxy-Authorization: Basic YTpi\n>\n< HTTP/1.1 401 x\n"
       "< WWW-Authenticate: Basic realm=\"o\"\n<\n",
       2, 401, "Basic realm=\"o\"", 0},
      {"curl -v: a request cut short is dropped",
       "> GET / HTTP/1.1\n>\n< HTTP/1.1 401 x\n< WWW-Authenticate: Basic\n<\n"
       "> GET / HTTP/1.1\n",
       1, 401, "Basic", 0},
  };
  for (const read_row& r : rows) {
    INFO(r.name);
    const transcript t = read_transcript(r.input);
    REQUIRE_FALSE(t.error);
    REQUIRE(t.exchanges.size() == r.exchanges);
    CHECK(t.exchanges.back().response.status == r.final_status);
    CHECK(challenges_of(t) == r.challenges);
    CHECK(t.notes.size() == r.notes);
  }
}

TEST_CASE("what the exchanges keep") {
  const transcript t = read_transcript(redirect_then_401);
  REQUIRE(t.exchanges.size() == 2);
  const auto& first = t.exchanges[0];
  CHECK(first.request.known);
  CHECK(first.request.method == "GET");
  CHECK(first.request.url == "https://a.example/old");
  CHECK(wwwauth_tools::find_field(first.request.headers, "authorization")->value == "Basic YTpi");
  CHECK(first.is_redirect());
  CHECK(first.response.redirect_url == "https://b.example/new");
  const auto& second = t.exchanges[1];
  CHECK(second.request.url == "https://b.example/new");
  CHECK(wwwauth_tools::find_field(second.request.headers, "Authorization") == nullptr);
  CHECK_FALSE(second.is_redirect());
  CHECK(second.response.body_prefix == "{\"error\": \"login\"}\n");

  const transcript plain = read_transcript("HTTP/1.1 401 x\r\n\r\n");
  CHECK_FALSE(plain.exchanges.back().request.known);

  const transcript http = read_transcript(
      "* Connected to h (127.0.0.1) port 8080\n> GET /p HTTP/1.1\n> Host: h:8080\n>\n"
      "< HTTP/1.1 401 x\n<\n");
  CHECK(http.exchanges.back().request.url == "http://h:8080/p");
}

TEST_CASE("the body is kept up to its prefix capacity") {
  std::string text = "HTTP/1.1 401 x\r\n\r\n";
  const std::string line(1000, 'b');
  for (int i = 0; i < 20; ++i) text += line + "\n";
  const transcript t = read_transcript(text);
  CHECK(t.exchanges.back().response.body_prefix.size() == wwwauth_tools::body_prefix_capacity);
  CHECK(t.exchanges.back().response.body_size == std::size_t{20} * 1001);
}

TEST_CASE("malformed heads: line and byte") {
  const std::vector<error_row> rows = {
      {"whitespace before the colon", "HTTP/1.1 401 x\r\nWWW-Authenticate : Basic\r\n\r\n", 2, 16,
       "RFC 9112 section 5.1"},
      {"a status line without a version", "HTTP/ 401 X\r\n\r\n", 1, 5, "HTTP version"},
      {"a status code of two digits", "HTTP/1.1 40 X\r\n\r\n", 1, 9, "three digits"},
      {"no colon", "HTTP/1.1 401 x\nWWW-Authenticate Basic\n\n", 2, 16, "colon"},
      {"a byte not allowed in a name", "HTTP/1.1 401 x\nWWW(Authenticate): Basic\n\n", 2, 3, "field name"},
      {"a bare CR inside a value", "HTTP/1.1 401 x\r\nWWW-Authenticate: Basic\rX-Injected: 1\r\n\r\n", 2, 23, "5.5"},
      {"a NUL inside a value", std::string_view("HTTP/1.1 401 x\nWWW-Authenticate: Ba\0sic\n\n", 41), 2, 20, "5.5"},
      {"obs-fold before any field", "HTTP/1.1 401 x\n folded\n\n", 2, 0, "obs-fold"},
      {"after a 1xx, something else", "HTTP/1.1 100 Continue\n\nhello\n", 3, 0, "1xx"},
      {"curl -v: whitespace before the colon", "> GET / HTTP/1.1\n>\n< HTTP/1.1 401 x\n< WWW-Authenticate : Basic\n<\n",
       4, 18, "RFC 9112 section 5.1"},
      {"curl -v: a second response without a request",
       "> GET / HTTP/1.1\n>\n< HTTP/1.1 401 x\n<\n< HTTP/1.1 200 OK\n< WWW-Authenticate: Basic\n<\n", 5, 2,
       "without a request"},
      {"curl -v: a bad request line", "> GET\n>\n< HTTP/1.1 401 x\n<\n", 1, 5, "method"},
      {"curl -v: a bad status line", "> GET / HTTP/1.1\n>\n< HTTP/x 401\n<\n", 3, 7, "HTTP version"},
  };
  for (const error_row& r : rows) {
    INFO(r.name);
    const transcript t = read_transcript(r.input);
    REQUIRE(t.error);
    CHECK(t.error->line == r.line);
    CHECK(t.error->byte == r.byte);
    CHECK(t.error->message.find(r.message_part) != std::string::npos);
  }
}

TEST_CASE("no response at all: no exchange, no error") {
  for (const std::string_view input : {std::string_view(""), std::string_view("WWW-Authenticate: Basic\n"),
                                       std::string_view("* Trying 127.0.0.1\n> GET / HTTP/1.1\n>\n")}) {
    INFO(input);
    const transcript t = read_transcript(input);
    CHECK_FALSE(t.error);
    CHECK(t.exchanges.empty());
  }
}
