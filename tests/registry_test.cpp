// The scheme registry (registry.hpp) and Digest's algorithms (digest_algorithm.hpp): facts per
// row as table rows, lookups at compile time.
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "support/catch.hpp"
#include <wwwauth/digest_algorithm.hpp>
#include <wwwauth/hint_catalog.hpp>
#include <wwwauth/registry.hpp>

namespace {

using namespace std::string_view_literals;
using wwwauth::credential_kind;
using wwwauth::find_scheme;
using wwwauth::scheme_id;

// Lookups are constexpr and ASCII case-insensitive (RFC 9110 section 11.1).
static_assert(find_scheme("Basic")->id == scheme_id::basic);
static_assert(find_scheme("bAsIc")->id == scheme_id::basic);
static_assert(find_scheme("scram-sha-256")->id == scheme_id::scram_sha_256);
static_assert(find_scheme("SCRAM-SHA-1")->id == scheme_id::scram_sha_1);
static_assert(find_scheme("VAPID")->name == "vapid"sv);
static_assert(find_scheme("privatetoken")->rfc == 9577);
static_assert(find_scheme("Newauth") == nullptr);
static_assert(wwwauth::lookup_scheme("ntlm").id == scheme_id::ntlm);
static_assert(!wwwauth::lookup_scheme("NTLMv2"));
static_assert(wwwauth::lookup_digest_algorithm("Sha-256").id == wwwauth::digest_algorithm::sha_256);
static_assert(!wwwauth::lookup_digest_algorithm("SHA-256 "));
static_assert(find_scheme("") == nullptr);
static_assert(find_scheme("Basic ") == nullptr);
static_assert(find_scheme("SCRAM-SHA-512") == nullptr);
static_assert(wwwauth::info(scheme_id::digest).params.find("NONCE")->required);
static_assert(wwwauth::info(scheme_id::bearer).params.find("nonce") == nullptr);
static_assert(wwwauth::find_digest_algorithm("md5")->id == wwwauth::digest_algorithm::md5);
static_assert(wwwauth::find_digest_algorithm("sha-512-256-SESS")->id == wwwauth::digest_algorithm::sha_512_256_sess);
static_assert(wwwauth::find_digest_algorithm("SHA-512") == nullptr);
static_assert(wwwauth::info(wwwauth::digest_algorithm::md5_sess).weak);
static_assert(!wwwauth::info(wwwauth::digest_algorithm::sha_256).weak);

struct scheme_row {
  const char* lookup;  // as a server might spell it
  scheme_id id;
  std::string_view name;
  unsigned rfc;
  bool registered;
  credential_kind credential;
  std::string_view hint_code;
};

const std::vector<scheme_row> scheme_rows = {
    {"basic", scheme_id::basic, "Basic", 7617, true, credential_kind::password, "basic.credentials"},
    {"BEARER", scheme_id::bearer, "Bearer", 6750, true, credential_kind::bearer_token, "bearer.token_missing"},
    {"concealed", scheme_id::concealed, "Concealed", 9729, true, credential_kind::key_pair, "concealed.credentials"},
    {"Digest", scheme_id::digest, "Digest", 7616, true, credential_kind::password, "digest.credentials"},
    {"dpop", scheme_id::dpop, "DPoP", 9449, true, credential_kind::bound_token, "dpop.credentials"},
    {"gnap", scheme_id::gnap, "GNAP", 9635, true, credential_kind::bound_token, "gnap.credentials"},
    {"Hoba", scheme_id::hoba, "HOBA", 7486, true, credential_kind::key_pair, "hoba.credentials"},
    {"MUTUAL", scheme_id::mutual, "Mutual", 8120, true, credential_kind::password, "mutual.credentials"},
    {"negotiate", scheme_id::negotiate, "Negotiate", 4559, true, credential_kind::kerberos_ticket,
     "negotiate.kerberos"},
    {"oauth", scheme_id::oauth, "OAuth", 5849, true, credential_kind::signing_secrets, "oauth.credentials"},
    {"PRIVATETOKEN", scheme_id::privatetoken, "PrivateToken", 9577, true, credential_kind::issued_token,
     "privatetoken.credentials"},
    {"scram-sha-1", scheme_id::scram_sha_1, "SCRAM-SHA-1", 7804, true, credential_kind::password,
     "scram-sha-1.credentials"},
    {"Scram-Sha-256", scheme_id::scram_sha_256, "SCRAM-SHA-256", 7804, true, credential_kind::password,
     "scram-sha-256.credentials"},
    {"Vapid", scheme_id::vapid, "vapid", 8292, true, credential_kind::key_pair, "vapid.credentials"},
    {"ntlm", scheme_id::ntlm, "NTLM", 0, false, credential_kind::windows_account, "ntlm.windows"},
    {"KERBEROS", scheme_id::kerberos, "Kerberos", 0, false, credential_kind::kerberos_ticket, "kerberos.credentials"},
};

}  // namespace

TEST_CASE("every scheme: name, RFC, registration, credential, hint code") {
  REQUIRE(scheme_rows.size() == wwwauth::scheme_count);
  for (const scheme_row& r : scheme_rows) {
    INFO(r.lookup);
    const wwwauth::scheme_info* s = find_scheme(r.lookup);
    REQUIRE(s != nullptr);
    CHECK(s->id == r.id);
    CHECK(s->name == r.name);
    CHECK(s->rfc == r.rfc);
    CHECK(s->registered == r.registered);
    CHECK(s->credential == r.credential);
    // The scheme's own hint (hint_catalog.hpp), what diagnose() says when nothing more is known.
    CHECK(wwwauth::code(wwwauth::hints::of_scheme(r.id).id) == r.hint_code);
    CHECK(!wwwauth::hints::of_scheme(r.id).text.empty());
    CHECK(s->spec == (r.rfc != 0 ? "RFC " + std::to_string(r.rfc) : std::string(s->spec)));
    CHECK(!s->rank_reason.empty());
    CHECK(&wwwauth::info(r.id) == s);
  }
}

TEST_CASE("ranks are distinct, so the order of strength is total") {
  std::set<unsigned> ranks;
  for (const wwwauth::scheme_info& s : wwwauth::schemes) ranks.insert(s.rank);
  CHECK(ranks.size() == wwwauth::scheme_count);
  CHECK(ranks.count(0) == 0);  // 0 means "unknown" to select_best
}

TEST_CASE("parameters and which are required") {
  struct row {
    scheme_id scheme;
    const char* param;
    bool defined;
    bool required;
  };
  const std::vector<row> rows = {
      {scheme_id::basic, "realm", true, true},     // RFC 7617 section 2
      {scheme_id::basic, "CHARSET", true, false},  // RFC 7617 section 2.1
      {scheme_id::basic, "nonce", false, false},
      {scheme_id::digest, "realm", true, true},  // RFC 7616 section 3.3
      {scheme_id::digest, "nonce", true, true},
      {scheme_id::digest, "qop", true, true},
      {scheme_id::digest, "stale", true, false},
      {scheme_id::digest, "userhash", true, false},
      {scheme_id::digest, "response", true, true},  // section 3.4
      {scheme_id::digest, "cnonce", true, false},   // only with qop
      {scheme_id::bearer, "scope", true, false},    // RFC 6750 section 3
      {scheme_id::bearer, "error_description", true, false},
      {scheme_id::bearer, "resource_metadata", true, false},  // RFC 9728 section 5.1
      {scheme_id::bearer, "acr_values", true, false},         // RFC 9470 section 3
      {scheme_id::dpop, "algs", true, false},                 // RFC 9449 section 7.1
      {scheme_id::gnap, "as_uri", true, true},                // RFC 9635
      {scheme_id::hoba, "challenge", true, true},             // RFC 7486 section 3
      {scheme_id::hoba, "max-age", true, true},
      {scheme_id::privatetoken, "token-key", true, true},  // RFC 9577 section 2.1
      {scheme_id::privatetoken, "max-age", true, false},
      {scheme_id::vapid, "k", true, true},                // RFC 8292 section 3
      {scheme_id::concealed, "v", true, true},            // RFC 9729
      {scheme_id::scram_sha_256, "sid", true, false},     // RFC 7804 section 5
      {scheme_id::oauth, "oauth_signature", true, true},  // RFC 5849 section 3.5.1
      {scheme_id::negotiate, "realm", false, false},      // a token68 only
      {scheme_id::ntlm, "realm", false, false},
  };
  for (const row& r : rows) {
    const wwwauth::scheme_info& s = wwwauth::info(r.scheme);
    INFO(s.name << " " << r.param);
    const wwwauth::param_spec* p = s.params.find(r.param);
    REQUIRE((p != nullptr) == r.defined);
    if (p != nullptr) CHECK(p->required == r.required);
  }
}

TEST_CASE("parameter names are unique within a scheme") {
  for (const wwwauth::scheme_info& s : wwwauth::schemes) {
    for (const wwwauth::param_spec& p : s.params) {
      INFO(s.name << " " << p.name);
      CHECK(s.params.find(p.name) == &p);
    }
  }
}

TEST_CASE("Digest algorithms: names, weakness, rank below or at Digest's") {
  for (const wwwauth::digest_algorithm_info& a : wwwauth::digest_algorithms) {
    INFO(a.name);
    CHECK(wwwauth::find_digest_algorithm(a.name) == &a);
    CHECK(a.weak == (a.name.substr(0, 3) == "MD5"));
    CHECK(a.sess == (a.name.size() > 5 && a.name.substr(a.name.size() - 5) == "-sess"));
    CHECK(a.rank <= wwwauth::info(scheme_id::digest).rank);
  }
  CHECK(wwwauth::default_digest_algorithm == wwwauth::digest_algorithm::md5);  // RFC 7616 section 3.3
}
