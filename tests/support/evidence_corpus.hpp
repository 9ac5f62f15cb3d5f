// The situations of wwwauth::add_evidence() as data: each row names the hint code it is about,
// whether the row must trigger it, an exchange history written as text, every code
// add_evidence() appends (in order), and what a triggered hint must say it saw.
// evidence_test.cpp checks the rows; allocation_test.cpp runs exercise_evidence_corpus()
// under its allocation counter (nothing here allocates: the text is split into fixed arrays).
//
// A history is exchanges separated by a line "=>" (the next exchange followed this one's
// redirect) or "--" (it did not). An exchange is "METHOD URL", the request's header lines, an
// empty line, the status, the response's header lines, an empty line, and the body.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

#include <wwwauth/challenge.hpp>
#include <wwwauth/evidence.hpp>
#include <wwwauth/exchange.hpp>

namespace wwwauth_test {

struct evidence_case {
  std::string_view name;
  std::string_view code;  // the hint code the row is about
  bool triggers;          // whether `code` must be among the hints
  std::string_view history;
  std::string_view expected;  // every code add_evidence() appends, in order, ' ' between codes
  std::string_view seen;      // "name=value": a param of the `code` hint (triggering rows)
  std::string_view says;      // a phrase of that hint's text (empty: not checked)
};

// The text of one history split into exchanges and header fields, in place: the exchanges
// point into this object's arrays, so it is neither copied nor moved.
class recorded_history {
 public:
  static constexpr std::size_t max_exchanges = 4;
  static constexpr std::size_t max_fields = 8;

  explicit recorded_history(std::string_view text) noexcept {
    while (count_ < max_exchanges) {
      std::size_t end = text.size();
      std::size_t next = text.size();
      bool followed = false;
      for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
        const std::string_view sep = text.substr(i, 4);
        if (sep == "\n=>\n" || sep == "\n--\n") {
          end = i;
          next = i + 4;
          followed = sep == "\n=>\n";
          break;
        }
      }
      read_exchange(text.substr(0, end), followed);
      if (next == text.size()) break;
      text.remove_prefix(next);
    }
    // The challenges of the last response (Proxy-Authenticate for a 407), one line per field.
    const wwwauth::exchange& last = exchanges_[count_ - 1];
    const std::string_view field = last.status == 407 ? "Proxy-Authenticate" : "WWW-Authenticate";
    last.response_headers.for_each(field, [&](const wwwauth::header_field& f) {
      if (challenge_count_ < challenge_lines_.size()) challenge_lines_[challenge_count_++] = f.value;
      return true;
    });
  }
  recorded_history(const recorded_history&) = delete;
  recorded_history& operator=(const recorded_history&) = delete;

  wwwauth::exchange_history history() const noexcept { return {exchanges_.data(), count_}; }
  wwwauth::challenge_list challenges() const noexcept {
    return wwwauth::parse_challenges(challenge_lines_.data(), challenge_count_, wwwauth::mode::lenient);
  }

 private:
  static std::string_view take_line(std::string_view& text) noexcept {
    const std::size_t nl = text.find('\n');
    const std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    return line;
  }
  static std::size_t read_fields(std::string_view& text, std::array<wwwauth::header_field, max_fields>& out) noexcept {
    std::size_t n = 0;
    for (std::string_view line = take_line(text); !line.empty() && n < max_fields; line = take_line(text)) {
      const std::size_t colon = line.find(':');
      std::string_view value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
      out[n++] = {line.substr(0, colon), value};
    }
    return n;
  }
  void read_exchange(std::string_view text, bool followed) noexcept {
    wwwauth::exchange& e = exchanges_[count_];
    const std::string_view request_line = take_line(text);
    const std::size_t space = request_line.find(' ');
    e.method = request_line.substr(0, space);
    e.url = space == std::string_view::npos ? std::string_view{} : request_line.substr(space + 1);
    e.request_headers = {requests_[count_].data(), read_fields(text, requests_[count_])};
    for (const char c : take_line(text)) e.status = e.status * 10 + (c - '0');
    e.response_headers = {responses_[count_].data(), read_fields(text, responses_[count_])};
    e.body = text;
    e.followed_redirect = followed;
    ++count_;
  }

  std::array<wwwauth::exchange, max_exchanges> exchanges_{};
  std::array<std::array<wwwauth::header_field, max_fields>, max_exchanges> requests_{}, responses_{};
  std::size_t count_ = 0;
  std::array<std::string_view, max_fields> challenge_lines_{};
  std::size_t challenge_count_ = 0;
};

// A C array, so that rows can be added without counting them.
inline constexpr evidence_case evidence_cases[] = {
    // redirect.credentials_dropped
    {"curl -L: a host change drops Basic", "redirect.credentials_dropped", true,
     "GET http://a.test/go\nAuthorization: Basic YTpi\n\n302\nLocation: http://b.test/private/\n\n"
     "\n=>\nGET http://b.test/private/\n\n401\nWWW-Authenticate: Basic realm=\"b\"\n\n",
     "redirect.credentials_dropped transport.basic_over_http", "location=http://b.test/private/", "--location-trusted"},
    {"a port change is another origin (browsers, curl >= 7.83)", "redirect.credentials_dropped", true,
     "GET http://a.test:8080/go\nAuthorization: Digest username=\"a\"\n\n307\nLocation: http://a.test:8081/x\n\n"
     "\n=>\nGET http://a.test:8081/x\n\n401\nWWW-Authenticate: Digest realm=\"r\", nonce=\"n\"\n\n",
     "redirect.credentials_dropped", "sent_to=http://a.test:8080/go", ""},
    {"https to http on the same host", "redirect.credentials_dropped", true,
     "GET https://a.test/go\nAuthorization: Bearer t\n\n301\nLocation: http://a.test/x\n\n"
     "\n=>\nGET http://a.test/x\n\n401\nWWW-Authenticate: Bearer\n\n",
     "redirect.credentials_dropped", "url=http://a.test/x", ""},
    {"two hops, the credentials on the first", "redirect.credentials_dropped", true,
     "GET https://a.test/go\nAuthorization: Bearer t\n\n302\nLocation: /next\n\n"
     "\n=>\nGET https://a.test/next\n\n302\nLocation: https://b.test/x\n\n"
     "\n=>\nGET https://b.test/x\n\n401\nWWW-Authenticate: Bearer\n\n",
     "redirect.credentials_dropped", "location=https://b.test/x", ""},
    {"a redirect within the origin", "redirect.credentials_dropped", false,
     "GET https://a.test/go\nAuthorization: Bearer t\n\n302\nLocation: /x\n\n"
     "\n=>\nGET https://a.test/x\n\n401\nWWW-Authenticate: Bearer\n\n",
     "", "", ""},
    {"the default port spelled out, the host in other case", "redirect.credentials_dropped", false,
     "GET http://a.test/go\nAuthorization: Digest username=\"a\"\n\n302\nLocation: http://A.TEST:80/x\n\n"
     "\n=>\nGET http://A.TEST:80/x\n\n401\nWWW-Authenticate: Digest realm=\"r\", nonce=\"n\"\n\n",
     "", "", ""},
    {"no credentials were sent before the redirect", "redirect.credentials_dropped", false,
     "GET https://a.test/go\n\n302\nLocation: https://b.test/x\n\n"
     "\n=>\nGET https://b.test/x\n\n401\nWWW-Authenticate: Bearer\n\n",
     "", "", ""},
    {"the next request did not follow the redirect", "redirect.credentials_dropped", false,
     "GET https://a.test/go\nAuthorization: Bearer t\n\n302\nLocation: https://b.test/x\n\n"
     "\n--\nGET https://b.test/x\n\n401\nWWW-Authenticate: Bearer\n\n",
     "", "", ""},
    {"credentials resent after the redirect (--location-trusted)", "redirect.credentials_dropped", false,
     "GET https://a.test/go\nAuthorization: Bearer t\n\n302\nLocation: https://b.test/x\n\n"
     "\n=>\nGET https://b.test/x\nAuthorization: Bearer t\n\n401\nWWW-Authenticate: Bearer error=\"invalid_token\"\n\n",
     "", "", ""},
    {"a 407 after a redirect: proxy credentials do not depend on the origin", "redirect.credentials_dropped", false,
     "GET https://a.test/go\nAuthorization: Bearer t\n\n302\nLocation: https://b.test/x\n\n"
     "\n=>\nGET https://b.test/x\n\n407\nProxy-Authenticate: Basic realm=\"proxy\"\n\n",
     "", "", ""},
    {"the redirect ended in a 200", "redirect.credentials_dropped", false,
     "GET https://a.test/go\nAuthorization: Bearer t\n\n302\nLocation: https://b.test/x\n\n"
     "\n=>\nGET https://b.test/x\n\n200\n\nok",
     "", "", ""},

    // cookie.expired_session
    {"Max-Age=0 deletes the session cookie sent", "cookie.expired_session", true,
     "GET https://a.test/app\nCookie: theme=dark; sid=abc\n\n401\nSet-Cookie: sid=; Max-Age=0; Path=/\n\n",
     "cookie.expired_session", "max-age=0", "sign in again"},
    {"an Expires in 1970, no Date", "cookie.expired_session", true,
     "GET https://a.test/app\nCookie: PHPSESSID=abc\n\n401\nSet-Cookie: PHPSESSID=deleted; expires=Thu, "
     "01-Jan-1970 00:00:01 GMT; path=/\n\n",
     "cookie.expired_session", "expires=Thu, 01-Jan-1970 00:00:01 GMT", ""},
    {"an Expires a year before the Date (WordPress)", "cookie.expired_session", true,
     "GET https://a.test/wp-admin/\nCookie: wordpress_logged_in_1f=alice%7C17\n\n401\nDate: Wed, 02 Dec 2026 03:00:00 "
     "GMT\nSet-Cookie: wordpress_logged_in_1f=+; expires=Tue, 02-Dec-2025 03:00:00 GMT; path=/\n\n",
     "cookie.expired_session", "date=Wed, 02 Dec 2026 03:00:00 GMT", ""},
    {"a negative Max-Age", "cookie.expired_session", true,
     "GET https://a.test/app\nCookie: sid=abc\n\n401\nSet-Cookie: sid=x; Max-Age=-1\n\n", "cookie.expired_session",
     "cookie=sid", ""},
    {"attribute names in any case, the cookie in a second Cookie field", "cookie.expired_session", true,
     "GET https://a.test/app\nCookie: theme=dark\nCookie: sid=abc\n\n401\nSet-Cookie: sid=x; MAX-AGE=0\n\n",
     "cookie.expired_session", "cookie=sid", ""},
    {"Max-Age wins over a past Expires", "cookie.expired_session", false,
     "GET https://a.test/app\nCookie: sid=abc\n\n401\nSet-Cookie: sid=new; Expires=Thu, 01 Jan 1970 00:00:00 GMT; "
     "Max-Age=3600\n\n",
     "", "", ""},
    {"the deleted cookie was not sent", "cookie.expired_session", false,
     "GET https://a.test/app\nCookie: theme=dark\n\n401\nSet-Cookie: sid=; Max-Age=0\n\n", "", "", ""},
    {"cookie names are case-sensitive", "cookie.expired_session", false,
     "GET https://a.test/app\nCookie: SID=abc\n\n401\nSet-Cookie: sid=; Max-Age=0\n\n", "", "", ""},
    {"an Expires after the Date", "cookie.expired_session", false,
     "GET https://a.test/app\nCookie: sid=abc\n\n401\nDate: Wed, 02 Dec 2026 03:00:00 GMT\nSet-Cookie: sid=abc; "
     "Expires=Thu, 02 Dec 2027 03:00:00 GMT\n\n",
     "", "", ""},
    {"an Expires in 2020 without a Date is not known to be past", "cookie.expired_session", false,
     "GET https://a.test/app\nCookie: sid=abc\n\n401\nSet-Cookie: sid=abc; Expires=Wed, 01 Jan 2020 00:00:00 GMT\n\n",
     "", "", ""},
    {"a 200 that deletes the cookie (a logout)", "cookie.expired_session", false,
     "GET https://a.test/logout\nCookie: sid=abc\n\n200\nSet-Cookie: sid=; Max-Age=0\n\nbye", "", "", ""},
    {"a Max-Age that is no number and no Expires", "cookie.expired_session", false,
     "GET https://a.test/app\nCookie: sid=abc\n\n401\nSet-Cookie: sid=x; Max-Age=soon\n\n", "", "", ""},

    // cms.wordpress
    {"REST error rest_not_logged_in", "cms.wordpress", true,
     "GET https://a.test/wp-json/wp/v2/users/me\n\n401\nContent-Type: application/json; charset=UTF-8\n\n"
     R"({"code":"rest_not_logged_in","message":"You are not currently logged in.","data":{"status":401}})",
     "cms.wordpress", "code=rest_not_logged_in", "deactivate plugins"},
    {"application password refused: incorrect_password", "cms.wordpress", true,
     "GET https://a.test/wp-json/wp/v2/posts\nAuthorization: Basic YTpi\n\n401\n\n"
     "{\n  \"code\": \"incorrect_password\",\n  \"message\": \"The provided password is an invalid application "
     "password.\",\n  \"data\": null\n}",
     "cms.wordpress", "code=incorrect_password", ""},
    {"a JSON body cut after the message", "cms.wordpress", true,
     "GET https://a.test/wp-json/wp/v2/users\n\n403\n\n"
     R"({"code":"rest_forbidden","message":"Sorry, you are not allowed to do that.","da)",
     "cms.wordpress", "code=rest_forbidden", ""},
    {"a Link to the REST API root", "cms.wordpress", true,
     "GET https://a.test/members/\n\n401\nLink: <https://a.test/wp-json/>; rel=\"https://api.w.org/\"\n\n",
     "cms.wordpress", "link=<https://a.test/wp-json/>; rel=\"https://api.w.org/\"", ""},
    {"a second link-value, several relation types, another case", "cms.wordpress", true,
     "GET https://a.test/members/\n\n401\nLink: <https://a.test/feed/>; rel=alternate, <https://a.test/wp-json/>; "
     "title=\"x, y\"; rel=\"shortlink HTTPS://API.W.ORG/\"\n\n",
     "cms.wordpress", "", ""},
    {"Wordfence's block page", "cms.wordpress", true,
     "GET https://a.test/wp-login.php\n\n503\nContent-Type: text/html\n\n<html><body><h1>Your access to this site has "
     "been limited by the site owner</h1><p>Generated by Wordfence at Wed, 2 Dec 2026 3:00:00 GMT.</p></body></html>",
     "cms.wordpress", "signature=Generated by Wordfence", "Wordfence"},
    {"Solid Security's lockout page", "cms.wordpress", true,
     "GET https://a.test/wp-login.php\n\n403\n\n<link rel='stylesheet' "
     "href='https://a.test/wp-content/plugins/better-wp-security/core/css/lockout.css'>",
     "cms.wordpress", "signature=/wp-content/plugins/better-wp-security/", "Solid Security"},
    {"All In One WP Security's lockout", "cms.wordpress", true,
     "POST https://a.test/wp-login.php\n\n403\n\n<strong>ERROR</strong>: Access from your IP address has been blocked "
     "for security reasons. Please contact the administrator.",
     "cms.wordpress", "signature=Access from your IP address has been blocked for security reasons",
     "All In One WP Security"},
    {"Limit Login Attempts Reloaded", "cms.wordpress", true,
     "POST https://a.test/wp-login.php\n\n429\n\n<script "
     "src=\"/wp-content/plugins/limit-login-attempts-reloaded/assets/js/login.js\"></script>",
     "cms.wordpress", "signature=/wp-content/plugins/limit-login-attempts-reloaded/", "Limit Login Attempts"},
    {"a JSON error that is not WordPress's", "cms.wordpress", false,
     "GET https://a.test/api\n\n401\n\n"
     R"({"code":"invalid_token","message":"expired"})",
     "", "", ""},
    {"a rest_ code without WordPress's message member", "cms.wordpress", false,
     "GET https://a.test/api\n\n401\n\n"
     R"({"code":"rest_forbidden"})",
     "", "", ""},
    {"the code nested in another object", "cms.wordpress", false,
     "GET https://a.test/api\n\n401\n\n"
     R"({"error":{"code":"rest_forbidden","message":"x"}})",
     "", "", ""},
    {"a Link with another relation, or to api.w.org as its target", "cms.wordpress", false,
     "GET https://a.test/x\n\n401\nLink: <https://a.test/wp-json/>; rel=\"alternate\"\nLink: <https://api.w.org/>; "
     "rel=help\n\n",
     "", "", ""},
    {"a 200 from WordPress", "cms.wordpress", false,
     "GET https://a.test/\n\n200\nLink: <https://a.test/wp-json/>; rel=\"https://api.w.org/\"\n\n<html>", "", "", ""},
    {"the plugin's name in prose", "cms.wordpress", false,
     "GET https://a.test/\n\n401\n\nProtected by Wordfence and a strong password.", "", "", ""},

    // dns.host_is_address
    {"Negotiate offered at an IPv4 address", "dns.host_is_address", true,
     "GET https://10.0.0.5/share/\n\n401\nWWW-Authenticate: Negotiate\n\n", "dns.host_is_address", "host=10.0.0.5",
     "HTTP/<host>"},
    {"Kerberos offered at a bracketed IPv6 address", "dns.host_is_address", true,
     "GET https://[2001:db8::1]:8443/\n\n401\nWWW-Authenticate: Kerberos\n\n", "dns.host_is_address",
     "host=[2001:db8::1]", ""},
    {"Negotiate sent to an address, refused without a challenge", "dns.host_is_address", true,
     "GET https://192.168.1.10/\nAuthorization: Negotiate YIIBhgYGKwYBBQUC\n\n401\n\n", "dns.host_is_address",
     "host=192.168.1.10", ""},
    {"Negotiate after Basic, at an address over https", "dns.host_is_address", true,
     "GET https://192.168.1.10/\n\n401\nWWW-Authenticate: Basic realm=\"x\"\nWWW-Authenticate: Negotiate\n\n",
     "dns.host_is_address", "", ""},
    {"Negotiate at a host name", "dns.host_is_address", false,
     "GET https://intranet.example/\n\n401\nWWW-Authenticate: Negotiate\n\n", "", "", ""},
    {"Basic at an address", "dns.host_is_address", false,
     "GET https://10.0.0.5/\n\n401\nWWW-Authenticate: Basic realm=\"x\"\n\n", "", "", ""},
    {"a name ending in what looks like an address", "dns.host_is_address", false,
     "GET https://1.2.3.4.example/\n\n401\nWWW-Authenticate: Negotiate\n\n", "", "", ""},
    {"an octet above 255 makes a name, not an address", "dns.host_is_address", false,
     "GET https://256.1.1.1/\n\n401\nWWW-Authenticate: Negotiate\n\n", "", "", ""},
    {"a 407 from a proxy: the URL's host is not the proxy", "dns.host_is_address", false,
     "GET https://10.0.0.5/\n\n407\nProxy-Authenticate: Negotiate\n\n", "", "", ""},

    // transport.basic_over_http
    {"Basic offered over http", "transport.basic_over_http", true,
     "GET http://a.test/private/\n\n401\nWWW-Authenticate: Basic realm=\"a\"\n\n", "transport.basic_over_http",
     "url=http://a.test/private/", "network"},
    {"a password in the URL is not shown", "transport.basic_over_http", true,
     "GET http://alice:secret@a.test/private/\n\n401\nWWW-Authenticate: Basic realm=\"a\"\n\n",
     "transport.basic_over_http", "url=a.test/private/", ""},
    {"Basic sent over http, answered 200", "transport.basic_over_http", true,
     "GET http://a.test/private/\nAuthorization: Basic YTpi\n\n200\n\nok", "transport.basic_over_http", "", ""},
    {"the scheme in upper case", "transport.basic_over_http", true,
     "GET HTTP://a.test/\n\n401\nWWW-Authenticate: Digest realm=\"a\", nonce=\"n\", Basic realm=\"a\"\n\n",
     "transport.basic_over_http", "", ""},
    {"to 127.0.0.1: softened", "transport.basic_over_http", true,
     "GET http://127.0.0.1:8080/\n\n401\nWWW-Authenticate: Basic realm=\"a\"\n\n", "transport.basic_over_http", "",
     "loopback"},
    {"to localhost: softened", "transport.basic_over_http", true,
     "GET http://LocalHost/\n\n401\nWWW-Authenticate: Basic realm=\"a\"\n\n", "transport.basic_over_http", "",
     "loopback"},
    {"to [::1]: softened", "transport.basic_over_http", true,
     "GET http://[0:0::1]/\n\n401\nWWW-Authenticate: Basic realm=\"a\"\n\n", "transport.basic_over_http", "",
     "loopback"},
    {"Basic over https", "transport.basic_over_http", false,
     "GET https://a.test/\nAuthorization: Basic YTpi\n\n401\nWWW-Authenticate: Basic realm=\"a\"\n\n", "", "", ""},
    {"Digest over http", "transport.basic_over_http", false,
     "GET http://a.test/\n\n401\nWWW-Authenticate: Digest realm=\"a\", nonce=\"n\"\n\n", "", "", ""},
    {"a 407 Basic from a proxy", "transport.basic_over_http", false,
     "GET http://a.test/\n\n407\nProxy-Authenticate: Basic realm=\"proxy\"\n\n", "", "", ""},
    {"a URL that does not parse", "transport.basic_over_http", false,
     "GET a.test/x\n\n401\nWWW-Authenticate: Basic realm=\"a\"\n\n", "", "", ""},
};

// add_evidence() over every row, with a checksum so nothing is optimised out.
inline std::size_t exercise_evidence_corpus() {
  std::size_t sum = 0;
  for (const evidence_case& row : evidence_cases) {
    const recorded_history recorded(row.history);
    wwwauth::hint_list<> hints;
    wwwauth::add_evidence(hints, recorded.history(), recorded.challenges());
    for (const wwwauth::hint& h : hints) {
      sum += h.code().size();
      for (const wwwauth::auth_param& p : h.params()) sum += p.value().size();
    }
  }
  return sum;
}

}  // namespace wwwauth_test
