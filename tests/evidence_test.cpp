// add_evidence(): every evidence hint's trigger and non-trigger as named rows
// (support/evidence_corpus.hpp), what each says it saw (views into the exchanges), the
// challenge a hint points at, and the catalogue's rows for the new codes.
#include <string>
#include <string_view>

#include "support/catch.hpp"
#include "support/evidence_corpus.hpp"
#include <wwwauth/diagnose.hpp>

namespace {

using wwwauth_test::evidence_case;
using wwwauth_test::recorded_history;

template <std::size_t N>
std::string codes_of(const wwwauth::hint_list<N>& hints) {
  std::string out;
  for (const wwwauth::hint& h : hints) out += (out.empty() ? "" : " ") + std::string(h.code());
  return out;
}

bool points_into(std::string_view view, std::string_view text) {
  return view.data() >= text.data() && view.data() + view.size() <= text.data() + text.size();
}

wwwauth::hint_list<> evidence_of(const recorded_history& r) {
  wwwauth::hint_list<> hints;
  wwwauth::add_evidence(hints, r.history(), r.challenges());
  return hints;
}

}  // namespace

TEST_CASE("every evidence row gives exactly its codes, and says what it saw") {
  for (const evidence_case& row : wwwauth_test::evidence_cases) {
    INFO(row.name << " [" << row.code << "]\n" << row.history);
    const recorded_history recorded(row.history);
    const auto hints = evidence_of(recorded);
    CHECK(codes_of(hints) == row.expected);
    bool found = false;
    for (const wwwauth::hint& h : hints) {
      for (const wwwauth::auth_param& p : h.params()) CHECK(points_into(p.value().raw(), row.history));
      if (h.code() != row.code) continue;
      found = true;
      if (!row.seen.empty()) {
        const std::size_t eq = row.seen.find('=');
        const wwwauth::auth_param p = h.params().find(row.seen.substr(0, eq));
        CHECK(p.value().raw() == row.seen.substr(eq + 1));
      }
      if (!row.says.empty()) CHECK(h.text().find(row.says) != std::string_view::npos);
    }
    CHECK(found == row.triggers);
  }
}

TEST_CASE("every evidence code has a triggering and a non-triggering row") {
  for (const std::string_view code : {"redirect.credentials_dropped", "cookie.expired_session", "cms.wordpress",
                                      "dns.host_is_address", "transport.basic_over_http"}) {
    INFO(code);
    bool trigger = false, non_trigger = false;
    for (const evidence_case& row : wwwauth_test::evidence_cases) {
      if (row.code != code) continue;
      trigger = trigger || row.triggers;
      non_trigger = non_trigger || !row.triggers;
    }
    CHECK(trigger);
    CHECK(non_trigger);
  }
}

TEST_CASE("a hint about a challenge carries its index in the list") {
  struct row {
    const char* name;
    std::string_view history;
    std::size_t index;
  };
  const row rows[] = {
      {"Negotiate second", "GET https://10.1.2.3/\n\n401\nWWW-Authenticate: Basic realm=\"x\", Negotiate\n\n", 1},
      {"Negotiate only sent", "GET https://10.1.2.3/\nAuthorization: Negotiate YII=\n\n401\n\n", wwwauth::hint::npos},
      {"Basic third",
       "GET http://a.test/\n\n401\nWWW-Authenticate: Bearer\nWWW-Authenticate: Digest realm=\"a\", "
       "nonce=\"n\"\nWWW-Authenticate: Basic realm=\"a\"\n\n",
       2},
  };
  for (const row& r : rows) {
    INFO(r.name);
    const recorded_history recorded(r.history);
    const auto hints = evidence_of(recorded);
    REQUIRE(hints.size() == 1);
    CHECK(hints[0].challenge_index() == r.index);
  }
}

TEST_CASE("evidence hints name their generic fix and severity") {
  using wwwauth::generic_fix;
  using wwwauth::severity;
  CHECK(wwwauth::hints::redirect_credentials_dropped.fixes == static_cast<std::uint8_t>(generic_fix::check_url));
  CHECK(wwwauth::hints::cookie_expired_session.fixes == static_cast<std::uint8_t>(generic_fix::clear_cookies));
  CHECK(wwwauth::hints::cms_wordpress.fixes == static_cast<std::uint8_t>(generic_fix::disable_security_plugins));
  CHECK(wwwauth::hints::dns_host_is_address.fixes == static_cast<std::uint8_t>(generic_fix::flush_dns));
  CHECK(wwwauth::hints::transport_basic_over_http.level == severity::warning);
  CHECK(wwwauth::hints::transport_basic_over_http_loopback.level == severity::info);
}

TEST_CASE("evidence appends after diagnose() and respects the list's capacity") {
  const recorded_history recorded(
      "GET http://a.test/go\nAuthorization: Basic YTpi\n\n302\nLocation: http://b.test/x\n\n\n=>\n"
      "GET http://b.test/x\nCookie: sid=1\n\n401\nWWW-Authenticate: Basic realm=\"b\"\nSet-Cookie: sid=; Max-Age=0\n\n");
  const wwwauth::challenge_list list = recorded.challenges();
  auto hints = wwwauth::diagnose(401, list, wwwauth::request_info::no_credentials());
  wwwauth::add_evidence(hints, recorded.history(), list);
  CHECK(codes_of(hints) ==
        "basic.credentials redirect.credentials_dropped cookie.expired_session transport.basic_over_http");

  wwwauth::hint_list<2> small;
  wwwauth::add_evidence(small, recorded.history(), list);
  CHECK(small.size() == 2);
  CHECK(small.dropped() == 1);
}

TEST_CASE("an empty history or an empty exchange adds nothing") {
  wwwauth::hint_list<> hints;
  const wwwauth::challenge_list none = wwwauth::parse_challenges("");
  wwwauth::add_evidence(hints, wwwauth::exchange_history{}, none);
  CHECK(hints.empty());
  const std::array<wwwauth::exchange, 1> blank{};
  wwwauth::add_evidence(hints, blank, none);
  CHECK(hints.empty());
}
