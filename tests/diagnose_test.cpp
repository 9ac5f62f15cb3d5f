// diagnose(): every hint code's trigger and non-trigger as named rows (support/diagnose_corpus.hpp),
// the variants, the parameter views, the generic fixes, capacity overflow, constexpr use.
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "support/catch.hpp"
#include "support/diagnose_corpus.hpp"
#include "support/evidence_corpus.hpp"

namespace {

using namespace std::string_view_literals;
using wwwauth::hint_id;
using wwwauth_test::diagnose_case;

template <std::size_t N>
std::string codes_of(const wwwauth::hint_list<N>& hints) {
  std::string out;
  for (const wwwauth::hint& h : hints) out += (out.empty() ? "" : " ") + std::string(h.code());
  return out;
}

bool has_code(std::string_view codes, std::string_view code) {
  for (std::size_t start = 0; start <= codes.size();) {
    const std::size_t end = std::min(codes.find(' ', start), codes.size());
    if (codes.substr(start, end - start) == code) return true;
    start = end + 1;
  }
  return false;
}

// Runs a row; `check` sees the hints while the row's lines are alive.
template <class Check>
void run(const diagnose_case& c, Check check) {
  const wwwauth_test::field_lines f = wwwauth_test::split_lines(c.fields);
  const wwwauth::challenge_list list = wwwauth::parse_challenges(f.lines.data(), f.count, c.mode);
  check(wwwauth::diagnose(c.status, list, wwwauth_test::request_of(c)));
}

const diagnose_case& row_named(std::string_view name) {
  for (const diagnose_case& c : wwwauth_test::diagnose_cases) {
    if (c.name == name) return c;
  }
  FAIL("no row " << name);
  return wwwauth_test::diagnose_cases[0];
}

bool points_into(std::string_view view, std::string_view text) {
  return view.data() >= text.data() && view.data() + view.size() <= text.data() + text.size();
}

}  // namespace

TEST_CASE("every row gives exactly its codes") {
  for (const diagnose_case& c : wwwauth_test::diagnose_cases) {
    INFO(c.name << " [" << c.code << "] " << c.status << " " << c.fields << " | sent: " << c.sent);
    REQUIRE(has_code(c.expected, c.code) == c.triggers);  // the row agrees with itself
    run(c, [&](const auto& hints) {
      CHECK(codes_of(hints) == c.expected);
      CHECK_FALSE(hints.overflowed());
    });
  }
}

TEST_CASE("every code has a row that triggers it and a row that does not") {
  for (std::string_view code : wwwauth::hint_codes) {
    bool trigger = false;
    bool non_trigger = false;
    bool emitted = false;
    for (const diagnose_case& c : wwwauth_test::diagnose_cases) {
      if (c.code == code) (c.triggers ? trigger : non_trigger) = true;
      emitted = emitted || has_code(c.expected, code);
    }
    // The codes of add_evidence() have their rows in the evidence corpus (evidence_test.cpp).
    for (const wwwauth_test::evidence_case& c : wwwauth_test::evidence_cases) {
      if (c.code == code) (c.triggers ? trigger : non_trigger) = true;
      emitted = emitted || has_code(c.expected, code);
    }
    INFO(code);
    CHECK(emitted);
    // One row covers the schemes that have nothing but their credentials hint; its
    // non-trigger row covers them all as well.
    if (code.size() > 12 && code.substr(code.size() - 12) == ".credentials" && code != "basic.credentials" &&
        code != "digest.credentials" && code != "kerberos.credentials" && code != "dpop.credentials") {
      continue;
    }
    CHECK(trigger);
    CHECK(non_trigger);
  }
}

TEST_CASE("variants: severity, actor and text follow the situation") {
  struct variant_row {
    const char* row;
    hint_id id;
    wwwauth::severity level;
    wwwauth::actor who;
    std::string_view text_has;
  };
  using S = wwwauth::severity;
  using A = wwwauth::actor;
  const std::vector<variant_row> rows = {
      {"Basic", hint_id::basic_credentials, S::info, A::user, "send a user name"},
      {"Basic sent, Basic asked again", hint_id::basic_credentials, S::error, A::user, "ask the user"},
      {"Basic sent, Basic asked again", hint_id::retry_rejected, S::error, A::user, "password is wrong"},
      {"Digest", hint_id::digest_credentials, S::info, A::user, "send a user name"},
      {"Digest sent, same realm and nonce", hint_id::digest_credentials, S::error, A::user, "ask the user"},
      {"Digest, a new nonce for the same realm", hint_id::digest_credentials, S::error, A::user, "ask the user"},
      {"Digest, a new nonce for the same realm", hint_id::retry_rejected, S::error, A::user, "password is wrong"},
      {"Bearer token sent, refused without an error code", hint_id::retry_rejected, S::error, A::client,
       "obtain a new token"},
      {"NTLM answered with a bare NTLM again", hint_id::retry_rejected, S::error, A::user, "password is wrong"},
      {"Digest stale=true", hint_id::retry_stale, S::info, A::client, "without asking the user"},
      {"algorithm=md5 (weak)", hint_id::digest_algorithm, S::warning, A::server, "should offer SHA-256"},
      {"algorithm=MD5 beside SHA-256 for the realm", hint_id::digest_algorithm, S::warning, A::client,
       "answer that challenge instead"},
      {"algorithm=MD5 beside SHA-256 for another realm", hint_id::digest_algorithm, S::warning, A::server,
       "should offer SHA-256"},
      {"algorithm=SHA-256", hint_id::digest_algorithm, S::info, A::client, "SHA-2"},
      {"algorithm unregistered", hint_id::digest_algorithm, S::error, A::client, "not registered"},
      {"the same error, strict", hint_id::syntax_error, S::error, A::server, "only the challenges before"},
      {"error after a complete challenge", hint_id::syntax_error, S::warning, A::server, "lenient parsing skipped"},
      {"nothing recovered", hint_id::syntax_error, S::error, A::server, "does not parse"},
      {"Bearer without error", hint_id::bearer_token_missing, S::info, A::client, "authorization server"},
      {"a container registry's token endpoint", hint_id::bearer_token_missing, S::info, A::client,
       "realm URL with the service and scope"},
  };
  for (const variant_row& r : rows) {
    INFO(r.row);
    run(row_named(r.row), [&](const auto& hints) {
      const wwwauth::hint* found = nullptr;  // the last hint of the code: the MD5 challenge comes second
      for (const wwwauth::hint& h : hints) found = h.id() == r.id ? &h : found;
      REQUIRE(found != nullptr);
      CHECK(found->level() == r.level);
      CHECK(found->who() == r.who);
      CHECK(found->text().find(r.text_has) != std::string_view::npos);
    });
  }
}

TEST_CASE("parameter views point into the caller's input") {
  for (const diagnose_case& c : wwwauth_test::diagnose_cases) {
    INFO(c.name);
    run(c, [&](const auto& hints) {
      for (const wwwauth::hint& h : hints) {
        for (const wwwauth::auth_param& p : h.params()) {
          CHECK((points_into(p.name(), c.fields) || points_into(p.name(), c.sent)));
          CHECK((points_into(p.value().raw(), c.fields) || points_into(p.value().raw(), c.sent)));
        }
      }
    });
  }
}

TEST_CASE("the parameters each hint refers to") {
  struct param_row {
    const char* row;
    hint_id id;
    const char* param;
    std::string_view value;  // decoded; "" with absent = true means the view must be missing
    bool absent;
  };
  const std::vector<param_row> rows = {
      {"Basic", hint_id::basic_credentials, "realm", "WallyWorld", false},
      {"charset=UTF-8 in any case", hint_id::basic_charset, "charset", "utf-8", false},
      {"insufficient_scope", hint_id::bearer_insufficient_scope, "scope", "repo:write", false},
      {"invalid_token", hint_id::bearer_invalid_token, "error_description", "The access token expired", false},
      {"a container registry's token endpoint", hint_id::bearer_token_missing, "service", "registry.docker.io", false},
      {"a container registry's token endpoint", hint_id::bearer_token_missing, "scope",
       "repository:library/ubuntu:pull", false},
      {"insufficient_user_authentication", hint_id::bearer_insufficient_user_authentication, "acr_values", "myACR",
       false},
      {"resource_metadata", hint_id::bearer_resource_metadata, "resource_metadata",
       "https://resource.example.com/.well-known/oauth-protected-resource", false},
      {"algorithm=md5 (weak)", hint_id::digest_algorithm, "algorithm", "md5", false},
      {"use_dpop_nonce", hint_id::dpop_use_nonce, "error_description", "Resource server requires nonce in DPoP proof",
       false},
      {"invalid_dpop_proof", hint_id::dpop_invalid_proof, "algs", "ES256", false},
      {"Digest stale=true", hint_id::retry_stale, "nonce", "new", false},
      {"Digest sent for realm a, asked for realm b", hint_id::retry_other_realm, "realm", "b@example.org", false},
      {"Basic sent, only Bearer offered", hint_id::retry_other_scheme, "realm", "", true},
      {"Negotiate", hint_id::negotiate_kerberos, "realm", "", true},
  };
  for (const param_row& r : rows) {
    INFO(r.row << " " << r.param);
    run(row_named(r.row), [&](const auto& hints) {
      const wwwauth::hint* found = nullptr;
      for (const wwwauth::hint& h : hints) found = (found == nullptr && h.id() == r.id) ? &h : found;
      REQUIRE(found != nullptr);
      const wwwauth::auth_param p = found->params().find(r.param);
      CHECK(static_cast<bool>(p) == !r.absent);
      if (p) CHECK(p.value().equals(r.value));
    });
  }
}

TEST_CASE("retry.other_realm shows both realms, the one asked for first") {
  run(row_named("Digest sent for realm a, asked for realm b"), [](const auto& hints) {
    REQUIRE(hints[0].id() == hint_id::retry_other_realm);
    REQUIRE(hints[0].params().size() == 2);
    CHECK(hints[0].params()[0].value().equals("b@example.org"));
    CHECK(hints[0].params()[1].value().equals("http-auth@example.org"));
    CHECK(hints[0].challenge_index() == 0);
  });
}

TEST_CASE("syntax.error says where, and what was recovered") {
  const std::array<std::string_view, 2> lines{R"(Basic realm="x")", "Digest realm=\"a\x01\""};
  const auto list = wwwauth::parse_challenges(lines, wwwauth::mode::lenient);
  const auto hints = wwwauth::diagnose(401, list);
  REQUIRE(hints.size() == 3);
  CHECK(hints[0].id() == hint_id::syntax_error);
  CHECK(hints[0].level() == wwwauth::severity::warning);  // challenges were recovered
  CHECK(hints[0].challenge_index() == wwwauth::hint::npos);
  CHECK(hints[0].error() == wwwauth::parse_error{wwwauth::errc::invalid_quoted_char, 1, 15});
  CHECK(hints[1].challenge_index() == 0);  // Basic, complete before the error
  CHECK(hints[2].challenge_index() == 1);  // Digest, its scheme kept past the error
  CHECK(hints[2].id() == hint_id::digest_credentials);
}

TEST_CASE("hints name the challenge they are about") {
  run(row_named("the typical IIS answer"), [](const auto& hints) {
    REQUIRE(hints.size() == 2);
    CHECK(hints[0].challenge_index() == 0);
    CHECK(hints[1].challenge_index() == 1);
  });
  run(row_named("407 without any challenge"), [](const auto& hints) {
    for (const wwwauth::hint& h : hints) CHECK(h.challenge_index() == wwwauth::hint::npos);
  });
}

TEST_CASE("generic fixes only where they apply") {
  using F = wwwauth::generic_fix;
  // The fix, and every hint that may carry it; the specific causes carry none of the
  // "try everything" fixes.
  struct fix_row {
    F fix;
    std::set<hint_id> carriers;
  };
  const std::vector<fix_row> rows = {
      {F::check_url, {hint_id::challenge_missing, hint_id::redirect_credentials_dropped}},
      {F::clear_cookies, {hint_id::challenge_missing, hint_id::cookie_expired_session}},
      {F::disable_security_plugins, {hint_id::challenge_missing, hint_id::cms_wordpress}},
      {F::clear_credentials, {hint_id::retry_rejected, hint_id::bearer_invalid_token}},
      {F::flush_dns, {hint_id::negotiate_kerberos, hint_id::kerberos_credentials, hint_id::dns_host_is_address}},
      {F::read_header, {hint_id::syntax_error, hint_id::scheme_unknown}},
  };
  REQUIRE(rows.size() == wwwauth::generic_fixes.size());
  for (const fix_row& r : rows) {
    INFO(wwwauth::name(r.fix));
    for (const wwwauth::hint_spec* spec : wwwauth::hints::all) {
      INFO(wwwauth::code(spec->id) << ": " << spec->text);
      const wwwauth::hint h(*spec, 0);
      CHECK(h.has_fix(r.fix) == (r.carriers.count(spec->id) != 0));
    }
  }
}

TEST_CASE("capacity overflow is reported, never silent") {
  // 20 challenges, 20 hints: one more than 16 fit... four more.
  std::string field;
  for (int i = 0; i < 20; ++i) field += "Basic realm=\"r" + std::to_string(i) + "\", ";
  const auto list = wwwauth::parse_challenges(field);
  REQUIRE(list.size() == 20);
  const auto full = wwwauth::diagnose(401, list);
  CHECK(full.size() == 16);
  CHECK(full.overflowed());
  CHECK(full.dropped() == 4);
  const auto roomy = wwwauth::diagnose<32>(401, list);
  CHECK(roomy.size() == 20);
  CHECK_FALSE(roomy.overflowed());
  // Exactly full is not an overflow.
  const auto exact = wwwauth::diagnose<20>(401, list);
  CHECK(exact.size() == 20);
  CHECK_FALSE(exact.overflowed());
  CHECK(exact.dropped() == 0);
}

TEST_CASE("request_info from the request's Authorization field") {
  const auto digest = wwwauth::request_info::from(wwwauth::parse_credentials(wwwauth_test::digest_sent));
  CHECK(digest.sent == wwwauth::request_credentials::sent);
  CHECK(digest.scheme == "Digest");
  CHECK(digest.realm.value().equals("http-auth@example.org"));
  CHECK(digest.nonce.value().equals("7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v"));
  const auto basic = wwwauth::request_info::from(wwwauth::parse_credentials(wwwauth_test::basic_sent));
  CHECK(basic.scheme == "Basic");
  CHECK_FALSE(basic.realm);
  // Unparsable credentials were still sent, but their scheme is unknown: no retry.* hint.
  const auto broken = wwwauth::request_info::from(wwwauth::parse_credentials("Basic a b"));
  CHECK(broken.sent == wwwauth::request_credentials::sent);
  const auto list = wwwauth::parse_challenges(R"(Basic realm="x")");
  CHECK(codes_of(wwwauth::diagnose(401, list, broken)) == "basic.credentials");
}

TEST_CASE("realms and nonces compare decoded") {
  // The request's realm is written with a quoted-pair, the challenge's without.
  const auto sent = wwwauth::request_info::from(
      wwwauth::parse_credentials(R"(Digest username="u", realm="a\"b", nonce="n\1", uri="/", response="r")"));
  const auto same = wwwauth::parse_challenges(R"(Digest realm="a\"b", nonce="n1")");
  CHECK(codes_of(wwwauth::diagnose(401, same, sent)) == "retry.rejected digest.credentials");
  const auto other = wwwauth::parse_challenges(R"(Digest realm="a\"c", nonce="n\1")");
  CHECK(codes_of(wwwauth::diagnose(401, other, sent)) == "retry.other_realm digest.credentials");
  const auto stale = wwwauth::parse_challenges(R"(Digest realm="a\"b", nonce="n\2", stale="tr\ue")");
  CHECK(codes_of(wwwauth::diagnose(401, stale, sent)) == "retry.stale digest.stale");
}

TEST_CASE("codes and texts") {
  std::set<std::string_view> codes(wwwauth::hint_codes.begin(), wwwauth::hint_codes.end());
  CHECK(codes.size() == wwwauth::hint_id_count);
  for (const wwwauth::hint_spec* spec : wwwauth::hints::all) {
    INFO(wwwauth::code(spec->id));
    CHECK(spec->text.size() > 40);
    CHECK(spec->text.find('\n') == std::string_view::npos);
  }
}

// diagnose() works in constant expressions.
namespace {
constexpr auto ce_list = wwwauth::parse_challenges(R"(Basic realm="x", charset="UTF-8", Negotiate)");
constexpr auto ce_hints = wwwauth::diagnose(407, ce_list);
static_assert(ce_hints.size() == 4);
static_assert(ce_hints[0].code() == "proxy.required"sv);
static_assert(ce_hints[1].code() == "basic.credentials"sv);
static_assert(ce_hints[1].params()[0].value().equals("x"));
static_assert(ce_hints[2].code() == "basic.charset"sv);
static_assert(ce_hints[3].code() == "negotiate.kerberos"sv);
static_assert(ce_hints[3].has_fix(wwwauth::generic_fix::flush_dns));
static_assert(wwwauth::diagnose<1>(407, ce_list).dropped() == 3);
static_assert(wwwauth::diagnose(401, wwwauth::parse_challenges("")).begin()->id() == hint_id::challenge_missing);
}  // namespace

TEST_CASE("the corpus exercise runs (allocation_test.cpp counts it)") {
  CHECK(wwwauth_test::exercise_diagnose_corpus() != 0);
}
