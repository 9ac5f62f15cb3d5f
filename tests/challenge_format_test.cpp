// The challenge formatter: expected output for hand-picked rows, refusals, and the round
// trip (what it writes parses back, strictly, to the same challenge) over the test corpus in
// both modes and over pseudo-random parameter values full of quotes, backslashes and commas.
#include <fstream>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "decoded.hpp"
#include "support/catch.hpp"
#include "wwwauth/challenge.hpp"
#include "wwwauth/challenge_format.hpp"

namespace {

using wwwauth::build_errc;
using wwwauth::challenge_param;
using wwwauth::value_form;
using wwwauth_testing::decoded;

constexpr bool format_at_compile_time() {
  const challenge_param params[] = {{"realm", "a \"b\""}, {"algorithm", "SHA-256"}};
  char buf[64]{};
  const auto r = wwwauth::write_challenge("Digest", params, buf, sizeof buf);
  return r && std::string_view(buf, r.size) == R"(Digest realm="a \"b\"", algorithm=SHA-256)";
}
static_assert(format_at_compile_time());

// Same scheme, token68 and parameters (names as written, values decoded).
void check_same(const wwwauth::challenge& a, const wwwauth::challenge& b) {
  CHECK(a.scheme() == b.scheme());
  CHECK(a.has_token68() == b.has_token68());
  CHECK(a.token68() == b.token68());
  REQUIRE(a.param_count() == b.param_count());
  auto pb = b.params().begin();
  for (const wwwauth::auth_param& pa : a.params()) {
    CHECK(pa.name() == pb->name());
    CHECK(decoded(pa.value()) == decoded(pb->value()));
    ++pb;
  }
}

std::vector<std::string> load_corpus() {
  std::ifstream in(WWWAUTH_TEST_DATA "/corpus.txt");
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("challenges are written as the grammar requires", "[format]") {
  struct row {
    const char* name;
    std::string_view scheme;
    std::vector<challenge_param> params;
    const char* want;
  };
  const row rows[] = {
      {"bare scheme", "Negotiate", {}, "Negotiate"},
      {"Basic with charset",
       "Basic",
       {{"realm", "WallyWorld"}, {"charset", "UTF-8"}},
       R"(Basic realm="WallyWorld", charset="UTF-8")"},
      {"quotes and backslashes escaped", "Basic", {{"realm", R"(a "b" \c)"}}, R"(Basic realm="a \"b\" \\c")"},
      {"empty value is quoted", "Bearer", {{"realm", ""}}, R"(Bearer realm="")"},
      {"obs-text and HTAB kept", "Basic", {{"realm", "caf\xc3\xa9\tx"}}, "Basic realm=\"caf\xc3\xa9\tx\""},
      {"Digest token-valued params unquoted",
       "Digest",
       {{"realm", "r"},
        {"nonce", "n"},
        {"algorithm", "SHA-256"},
        {"stale", "true"},
        {"userhash", "false"},
        {"charset", "UTF-8"}},
       R"(Digest realm="r", nonce="n", algorithm=SHA-256, stale=true, userhash=false, charset=UTF-8)"},
      {"token form on request", "Newauth", {{"type", "1", value_form::token}}, "Newauth type=1"},
      {"token form falls back to quoting",
       "Newauth",
       {{"uri", "https://x/y", value_form::token}},
       R"(Newauth uri="https://x/y")"},
      {"quoted form on request", "Digest", {{"algorithm", "MD5", value_form::quoted}}, R"(Digest algorithm="MD5")"},
  };
  for (const auto& r : rows) {
    INFO(r.name);
    std::string out;
    const auto res = wwwauth::write_challenge(r.scheme, r.params.data(), r.params.size(), std::back_inserter(out));
    CHECK(res.error == build_errc::none);
    CHECK(out == r.want);
    const auto list = wwwauth::parse_challenges(out);
    CHECK(list.error().code == wwwauth::errc::none);
    CHECK(list.size() == 1);
  }
  std::string out;
  CHECK(wwwauth::write_challenge_token68("Negotiate", "YIIFyQYG+/==", std::back_inserter(out)).error ==
        build_errc::none);
  CHECK(out == "Negotiate YIIFyQYG+/==");
}

TEST_CASE("parsed values are written with their meaning", "[format]") {
  struct row {
    const char* name;
    std::string_view field;
    const char* want;
  };
  const row rows[] = {
      {"escapes kept as escapes", R"(Newauth title="Login to \"apps\"", type=1)",
       R"(Newauth title="Login to \"apps\"", type=1)"},
      {"needless escape resolved", R"(Basic realm="a\b")", R"(Basic realm="ab")"},
      {"lenient unquoted backslash is a byte", R"(Basic realm=C:\dir)", R"(Basic realm="C:\\dir")"},
      {"lenient URL quoted", R"(Bearer authorization_uri=https://x/y?a=b)",
       R"(Bearer authorization_uri="https://x/y?a=b")"},
  };
  for (const auto& r : rows) {
    INFO(r.name);
    const auto list = wwwauth::parse_challenges(r.field, wwwauth::mode::lenient);
    REQUIRE(list.size() == 1);
    std::string out;
    CHECK(wwwauth::write_challenge(*list.begin(), std::back_inserter(out)).error == build_errc::none);
    CHECK(out == r.want);
  }
  const std::string many = [] {
    std::string s = "Basic p0=0";
    for (int i = 1; i <= 64; ++i) s += ", p" + std::to_string(i) + "=" + std::to_string(i);
    return s;
  }();
  const auto list = wwwauth::parse_challenges(many, wwwauth::mode::lenient);
  char buf[16];
  CHECK(wwwauth::write_challenge(*list.begin(), buf, sizeof buf).error == build_errc::too_many_params);
}

TEST_CASE("the formatter refuses what cannot be written", "[format]") {
  struct row {
    const char* name;
    std::string_view scheme;
    std::vector<challenge_param> params;
    build_errc error;
  };
  const row rows[] = {
      {"scheme with a space", "Bad scheme", {}, build_errc::not_token},
      {"empty scheme", "", {}, build_errc::not_token},
      {"name with '='", "Basic", {{"re=alm", "x"}}, build_errc::not_token},
      {"CRLF in a value (header injection)", "Basic", {{"realm", "x\r\nSet-Cookie: a=b"}}, build_errc::control_char},
      {"NUL in a value", "Basic", {{"realm", std::string_view("a\0b", 3)}}, build_errc::control_char},
      {"duplicate name, any case", "Basic", {{"realm", "a"}, {"REALM", "b"}}, build_errc::duplicate_param},
  };
  for (const auto& r : rows) {
    INFO(r.name);
    char buf[64] = "untouched";
    const auto res = wwwauth::write_challenge(r.scheme, r.params.data(), r.params.size(), buf, sizeof buf);
    CHECK(res.error == r.error);
    CHECK(res.size == 0);
    CHECK(std::string_view(buf) == "untouched");
  }
  char buf[32];
  CHECK(wwwauth::write_challenge_token68("Negotiate", "a b", buf, sizeof buf).error == build_errc::not_token68);
  CHECK(wwwauth::write_challenge_token68("Negotiate", "", buf, sizeof buf).error == build_errc::not_token68);
}

TEST_CASE("every corpus challenge round-trips through the formatter", "[format][corpus]") {
  const std::vector<std::string> corpus = load_corpus();
  REQUIRE(corpus.size() > 40);
  std::size_t written = 0;
  for (const wwwauth::mode m : {wwwauth::mode::strict, wwwauth::mode::lenient}) {
    for (const std::string& line : corpus) {
      for (const wwwauth::challenge& c : wwwauth::parse_challenges(line, m)) {
        INFO("line: " << line << (m == wwwauth::mode::strict ? " (strict)" : " (lenient)"));
        std::string out;
        const auto res = wwwauth::write_challenge(c, std::back_inserter(out));
        INFO("written: " << out);
        if (res.error == build_errc::duplicate_param) {
          CHECK(m == wwwauth::mode::lenient);  // only lenient parsing keeps duplicates
          continue;
        }
        REQUIRE(res.error == build_errc::none);
        const auto back = wwwauth::parse_challenges(out);  // strict
        CHECK(back.error().code == wwwauth::errc::none);
        REQUIRE(back.size() == 1);
        check_same(c, *back.begin());
        ++written;
      }
    }
  }
  CHECK(written > 60);
}

TEST_CASE("pseudo-random values round-trip", "[format][random]") {
  // Bytes chosen to stress quoting: quotes, backslashes, commas, '=', spaces, HTAB, obs-text.
  constexpr std::string_view alphabet =
      "ab=,\"\\ \t/:;\xc3\xa9"
      "09-_~";
  std::mt19937 rng(7);
  for (int i = 0; i < 2000; ++i) {
    std::vector<std::string> values(std::uniform_int_distribution<std::size_t>(0, 4)(rng));
    std::vector<challenge_param> params;
    for (std::size_t k = 0; k < values.size(); ++k) {
      const std::size_t len = std::uniform_int_distribution<std::size_t>(0, 12)(rng);
      for (std::size_t j = 0; j < len; ++j)
        values[k] += alphabet[std::uniform_int_distribution<std::size_t>(0, alphabet.size() - 1)(rng)];
      static constexpr std::string_view names[] = {"realm", "a", "x-b", "algorithm", "stale"};
      params.push_back({names[k], values[k], static_cast<value_form>(rng() % 3)});
    }
    const std::string_view scheme = i % 2 ? "Digest" : "X-Custom";
    std::string out;
    REQUIRE(wwwauth::write_challenge(scheme, params.data(), params.size(), std::back_inserter(out)).error ==
            build_errc::none);
    INFO("written: " << out);
    const auto back = wwwauth::parse_challenges(out);
    REQUIRE(back.error().code == wwwauth::errc::none);
    REQUIRE(back.size() == 1);
    const wwwauth::challenge c = *back.begin();
    CHECK(c.scheme() == scheme);
    REQUIRE(c.param_count() == params.size());
    std::size_t k = 0;
    for (const wwwauth::auth_param& p : c.params()) {
      CHECK(p.name() == params[k].name);
      CHECK(decoded(p.value()) == params[k].value);
      ++k;
    }
  }
}
