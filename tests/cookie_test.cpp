// Cookies (RFC 6265 section 5): the cookie-date algorithm on every HTTP-date form and its
// failures, Set-Cookie's name, value, Max-Age and Expires, deletion, and Cookie pairs.
#include <cstdint>
#include <string>
#include <string_view>

#include "support/catch.hpp"
#include <wwwauth/cookie.hpp>

namespace {

struct date_case {
  const char* name;
  std::string_view text;
  bool valid;
  std::int64_t seconds;
};

// 784111777 is 1994-11-06T08:49:37Z, RFC 9110 section 5.6.7's example.
const date_case dates[] = {
    {"IMF-fixdate", "Sun, 06 Nov 1994 08:49:37 GMT", true, 784111777},
    {"RFC 850, two-digit year 94 is 1994", "Sunday, 06-Nov-94 08:49:37 GMT", true, 784111777},
    {"asctime", "Sun Nov  6 08:49:37 1994", true, 784111777},
    {"the epoch", "Thu, 01 Jan 1970 00:00:00 GMT", true, 0},
    {"PHP's deletion date", "Thu, 01-Jan-1970 00:00:01 GMT", true, 1},
    {"two-digit year 25 is 2025", "Tue, 02-Dec-25 03:00:00 GMT", true, 1764644400},
    {"leap day", "Thu, 29 Feb 2024 12:00:00 GMT", true, 1709208000},
    {"month in any case, one-digit fields", "6 NOVEMBER 1994 8:49:37", true, 784111777},
    {"year 1601", "Mon, 01 Jan 1601 00:00:00 GMT", true, -11644473600},
    {"no time", "Sun, 06 Nov 1994", false, 0},
    {"no year", "Sun, 06 Nov 08:49:37", false, 0},
    {"day 0", "Sun, 00 Nov 1994 08:49:37 GMT", false, 0},
    {"day 32", "Sun, 32 Nov 1994 08:49:37 GMT", false, 0},
    {"no 30 February", "30 Feb 2023 00:00:00", false, 0},
    {"no 29 February in 1900", "29 Feb 1900 00:00:00", false, 0},
    {"hour 24", "06 Nov 1994 24:00:00", false, 0},
    {"minute 60", "06 Nov 1994 23:60:00", false, 0},
    {"year 1600", "06 Nov 1600 23:00:00", false, 0},
    {"empty", "", false, 0},
    {"garbage", "\x01\xff,;;", false, 0},
};

}  // namespace

TEST_CASE("parse_cookie_date: RFC 6265 section 5.1.1") {
  for (const date_case& c : dates) {
    INFO(c.name << ": " << c.text);
    const wwwauth::cookie_time t = wwwauth::parse_cookie_date(c.text);
    CHECK(static_cast<bool>(t) == c.valid);
    if (c.valid) CHECK(t.seconds == c.seconds);
  }
  static_assert(wwwauth::parse_cookie_date("Sun, 06 Nov 1994 08:49:37 GMT").seconds == 784111777);
}

TEST_CASE("parse_set_cookie: name, value, the last Max-Age and Expires") {
  const wwwauth::set_cookie c = wwwauth::parse_set_cookie(
      " sid = a b ; Path=/; max-age=5; Secure; Max-Age = 0 ; expires=Thu, 01 Jan 1970 00:00:00 GMT");
  REQUIRE(c);
  CHECK(c.name() == "sid");
  CHECK(c.value() == "a b");
  CHECK(c.max_age() == "0");
  CHECK(c.expires() == "Thu, 01 Jan 1970 00:00:00 GMT");
  CHECK_FALSE(wwwauth::parse_set_cookie("no-equals-sign; Max-Age=0"));
  CHECK_FALSE(wwwauth::parse_set_cookie("=value"));
  const wwwauth::set_cookie bare = wwwauth::parse_set_cookie("a=b; Max-Age");
  CHECK(bare.has_max_age());
  CHECK_FALSE(bare.max_age_valid());
  CHECK_FALSE(bare.has_expires());
}

TEST_CASE("set_cookie::deleted_at: Max-Age decides, else Expires against now") {
  struct row {
    const char* name;
    std::string_view field;
    std::int64_t now;
    bool deleted;
  };
  const row rows[] = {
      {"Max-Age=0", "a=; Max-Age=0", 0, true},
      {"Max-Age=000", "a=; Max-Age=000", 0, true},
      {"Max-Age=-5", "a=; Max-Age=-5", 0, true},
      {"Max-Age=60", "a=b; Max-Age=60", 0, false},
      {"Max-Age wins over Expires", "a=b; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=60", 100, false},
      {"an invalid Max-Age leaves Expires", "a=b; Max-Age=1x; Expires=Thu, 01 Jan 1970 00:00:00 GMT", 100, true},
      {"'-' alone is no Max-Age", "a=b; Max-Age=-", 100, false},
      {"Expires before now", "a=b; Expires=Thu, 01 Jan 1970 00:00:10 GMT", 11, true},
      {"Expires equal to now", "a=b; Expires=Thu, 01 Jan 1970 00:00:10 GMT", 10, true},
      {"Expires after now", "a=b; Expires=Thu, 01 Jan 1970 00:00:10 GMT", 9, false},
      {"an Expires that does not parse", "a=b; Expires=yesterday", 100, false},
      {"a session cookie", "a=b; Path=/", 100, false},
  };
  for (const row& r : rows) {
    INFO(r.name);
    CHECK(wwwauth::parse_set_cookie(r.field).deleted_at(r.now) == r.deleted);
  }
}

TEST_CASE("for_each_cookie: the pairs of a Cookie field") {
  std::string seen;
  wwwauth::for_each_cookie("a=1; b = 2 ;;noeq; =x; c=", [&](const wwwauth::cookie_pair& p) {
    seen += std::string(p.name) + "=" + std::string(p.value) + "|";
    return true;
  });
  CHECK(seen == "a=1|b=2|c=|");
  int visited = 0;
  wwwauth::for_each_cookie("a=1; b=2", [&](const wwwauth::cookie_pair&) { return ++visited < 1; });
  CHECK(visited == 1);
}
