// wwwauth-explain's hint parts (examples/explain): reading `curl -v` output, what the request
// sent, and the hints as JSON. The program's end-to-end behaviour is checked by
// explain_hints_test.py on the built binary.
#include <string>
#include <string_view>
#include <vector>

#include "../examples/explain/curl_verbose.hpp"
#include "../examples/explain/demo_responses.hpp"
#include "../examples/explain/hints_output.hpp"
#include "../examples/explain/response_head.hpp"
#include "support/catch.hpp"

namespace {

// What wwwauth-explain does with --response text: the codes of its hints.
std::string codes_for(std::string_view text) {
  const explain::curl_exchange exchange = explain::read_curl_verbose(text);
  const auto head = explain::read_last_response(exchange.response);
  REQUIRE(head);
  const std::vector<std::string> fields =
      head->values_of(head->status == 407 ? "Proxy-Authenticate" : "WWW-Authenticate");
  const std::vector<std::string_view> views(fields.begin(), fields.end());
  const auto list = wwwauth::parse_challenges(views, wwwauth::mode::lenient);
  const explain::diagnosis d = explain::diagnose_response(head->status, list, exchange.sent.for_status(head->status));
  std::string codes;
  for (const wwwauth::hint& h : d.hints) codes += (codes.empty() ? "" : " ") + std::string(h.code());
  return codes;
}

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

}  // namespace

TEST_CASE("curl -v: the last response and the request that drew it") {
  const explain::curl_exchange e = explain::read_curl_verbose(two_rounds);
  CHECK(e.sent.known);
  REQUIRE(e.sent.authorization);
  CHECK(e.sent.authorization->substr(0, 7) == "Digest ");
  CHECK_FALSE(e.sent.proxy_authorization);
  const auto head = explain::read_last_response(e.response);
  REQUIRE(head);
  CHECK(head->status == 401);
  CHECK(head->values_of("WWW-Authenticate") == std::vector<std::string>{"Digest realm=\"r\", nonce=\"n1\""});
  CHECK(codes_for(two_rounds) == "retry.rejected digest.credentials");
}

TEST_CASE("curl -v: rows") {
  struct row {
    const char* name;
    std::string_view text;
    std::string_view codes;
  };
  const std::vector<row> rows = {
      {"first round: nothing sent", "> GET / HTTP/1.1\n>\n< HTTP/1.1 401 Unauthorized\n< WWW-Authenticate: Basic realm=\"a\"\n<\n",
       "basic.credentials"},
      {"HTTP/2 lower-case names", "> GET / HTTP/2\n> authorization: Bearer abc\n>\n< HTTP/2 401\n"
       "< www-authenticate: Bearer error=\"invalid_token\"\n<\n",
       "retry.rejected bearer.invalid_token"},
      {"another scheme now", "> GET / HTTP/1.1\n> Authorization: Basic YTpi\n>\n< HTTP/1.1 401 Unauthorized\n"
       "< WWW-Authenticate: Negotiate\n<\n",
       "retry.other_scheme negotiate.kerberos"},
      {"407 answers Proxy-Authorization, not Authorization",
       "> CONNECT example.com:443 HTTP/1.1\n> Authorization: Basic YTpi\n>\n"
       "< HTTP/1.1 407 Proxy Authentication Required\n< Proxy-Authenticate: Basic realm=\"p\"\n<\n",
       "proxy.required basic.credentials"},
      {"407 after Proxy-Authorization",
       "> CONNECT example.com:443 HTTP/1.1\n> Proxy-Authorization: Basic YTpi\n>\n"
       "< HTTP/1.1 407 Proxy Authentication Required\n< Proxy-Authenticate: Basic realm=\"p\"\n<\n",
       "proxy.required retry.rejected basic.credentials"},
      {"curl -si output: the request is unknown",
       "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"a\"\r\n\r\n", "basic.credentials"},
      {"no challenge", "> GET / HTTP/1.1\n>\n< HTTP/1.1 401 Unauthorized\n< Content-Type: text/html\n<\n",
       "challenge.missing"},
  };
  for (const row& r : rows) {
    INFO(r.name);
    CHECK(codes_for(r.text) == r.codes);
  }
}

TEST_CASE("curl -si text passes through unchanged") {
  constexpr std::string_view text = "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic\r\n\r\n";
  const explain::curl_exchange e = explain::read_curl_verbose(text);
  CHECK(e.response == text);
  CHECK_FALSE(e.sent.known);
  CHECK(e.sent.for_status(401).sent == wwwauth::request_credentials::unknown);
}

TEST_CASE("hints as JSON entries") {
  const auto list = wwwauth::parse_challenges(R"(Basic realm="a\"b")");
  const explain::diagnosis d = explain::diagnose_response(407, list, {});
  CHECK(explain::hints_json(d) ==
        "[{\"code\": \"proxy.required\", \"text\": " + explain::json_string(wwwauth::hints::proxy_required.text) +
            ", \"severity\": \"info\", \"actor\": \"user\", \"challenge\": null, \"params\": []}, "
            "{\"code\": \"basic.credentials\", \"text\": " +
            explain::json_string(wwwauth::hints::basic_credentials.text) +
            ", \"severity\": \"info\", \"actor\": \"user\", \"challenge\": 0, \"params\": [[\"realm\", \"a\\\"b\"]]}]");
  CHECK(explain::chosen_mark(d, 0).find("the one to answer") != std::string::npos);
  CHECK(explain::chosen_mark(d, 1).empty());
}

TEST_CASE("every demo response explains without a syntax error and with hints") {
  for (const explain::demo_response& demo : explain::demo_responses) {
    INFO(demo.title);
    const std::string codes = codes_for(demo.text);
    CHECK_FALSE(codes.empty());
    CHECK(codes.find("syntax.error") == std::string::npos);
  }
}
