// select_best(): the documented order of strength, Digest algorithms, skipped schemes.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "support/catch.hpp"
#include <wwwauth/select.hpp>

namespace {

using namespace std::string_view_literals;
using wwwauth::select_reason;

// "Basic Digest/SHA-256 Bearer": what a client can answer; "all" for everything. A
// Digest/<algorithm> word allows Digest with that algorithm only.
wwwauth::client_abilities abilities(std::string_view spec) {
  if (spec == "all") return wwwauth::client_abilities::everything();
  wwwauth::client_abilities can;
  while (!spec.empty()) {
    const std::size_t space = spec.find(' ');
    const std::string_view word = spec.substr(0, space);
    spec = space == std::string_view::npos ? std::string_view{} : spec.substr(space + 1);
    const std::size_t slash = word.find('/');
    const wwwauth::scheme_info* s = wwwauth::find_scheme(word.substr(0, slash));
    REQUIRE(s != nullptr);
    if (slash == std::string_view::npos) {
      can.allow(s->id);
    } else {
      const wwwauth::digest_algorithm_info* a = wwwauth::find_digest_algorithm(word.substr(slash + 1));
      REQUIRE(a != nullptr);
      can.allow(a->id);
    }
  }
  return can;
}

struct row {
  const char* name;
  std::string_view field;
  std::string_view can;
  std::size_t index;  // selection::npos: nothing chosen
  select_reason reason;
};

constexpr std::size_t none = wwwauth::selection::npos;
constexpr std::string_view curl_set = R"(Basic realm="a", Digest realm="a", nonce="n", NTLM, Negotiate)";

}  // namespace

TEST_CASE("orderings") {
  const std::vector<row> rows = {
      {"curl's order: Negotiate first", curl_set, "all", 3, select_reason::strongest},
      {"curl's order: then Digest", curl_set, "Basic Digest NTLM", 1, select_reason::strongest},
      {"curl's order: then NTLM", curl_set, "Basic NTLM", 2, select_reason::strongest},
      {"curl's order: Basic last", curl_set, "Basic", 0, select_reason::only_answerable},
      {"Digest SHA-256 above MD5, whatever the server's order",
       R"(Digest realm="a", nonce="n", algorithm=MD5, Digest realm="a", nonce="n", algorithm=SHA-256)", "all", 1,
       select_reason::strongest},
      {"algorithm names are case-insensitive",
       R"(Digest realm="a", nonce="n", algorithm=md5, Digest realm="a", nonce="n", algorithm="sha-256")", "all", 1,
       select_reason::strongest},
      {"no algorithm means MD5, below SHA-256",
       R"(Digest realm="a", nonce="n", Digest realm="a", nonce="n", algorithm=SHA-256)", "all", 1,
       select_reason::strongest},
      {"SHA-512-256 and SHA-256 rank alike: the server's first wins (RFC 7616 3.7)",
       R"(Digest realm="a", nonce="n", algorithm=SHA-512-256, Digest realm="a", nonce="n", algorithm=SHA-256)", "all",
       0, select_reason::server_order},
      {"a client with MD5 only takes MD5",
       R"(Digest realm="a", nonce="n", algorithm=SHA-256, Digest realm="a", nonce="n", algorithm=MD5)", "Digest/MD5", 1,
       select_reason::only_answerable},
      {"a client with SHA-256 only refuses the implied MD5", R"(Digest realm="a", nonce="n")", "Digest/SHA-256", none,
       select_reason::none_answerable},
      {"-sess needs its own ability", R"(Digest realm="a", nonce="n", algorithm=SHA-256-sess)", "Digest/SHA-256", none,
       select_reason::none_answerable},
      {"an unregistered algorithm is skipped", R"(Digest realm="a", nonce="n", algorithm=SHA3-256, Basic realm="a")",
       "all", 1, select_reason::only_answerable},
      {"unknown schemes are skipped", R"(Newauth realm="apps", type=1, Basic realm="simple")", "all", 1,
       select_reason::only_answerable},
      {"only unknown schemes", "Newauth, Fooauth x=1", "all", none, select_reason::none_answerable},
      {"nothing the client has", R"(Bearer realm="api")", "Basic Digest", none, select_reason::none_answerable},
      {"no challenge at all", "", "all", none, select_reason::no_challenge},
      {"Bearer above Digest", R"(Digest realm="a", nonce="n", algorithm=SHA-256, Bearer realm="a")", "all", 1,
       select_reason::strongest},
      {"DPoP above Bearer", R"(Bearer realm="a", DPoP algs="ES256")", "all", 1, select_reason::strongest},
      {"a client without Bearer answers Basic", R"(Bearer realm="a", Basic realm="a")", "Basic Digest", 1,
       select_reason::only_answerable},
      {"SCRAM-SHA-256 above SCRAM-SHA-1 and Digest",
       R"(Digest realm="a", nonce="n", algorithm=SHA-256, SCRAM-SHA-1 realm="a", SCRAM-SHA-256 realm="a")", "all", 2,
       select_reason::strongest},
      {"the same scheme twice: the first", R"(Basic realm="a", Basic realm="b")", "all", 0,
       select_reason::server_order},
      {"scheme names are case-insensitive", R"(basic realm="a", NEGOTIATE)", "Basic Negotiate", 1,
       select_reason::strongest},
      {"challenges after a parse error are not seen", R"(Basic realm="a", Negotiate abc def)", "all", 0,
       select_reason::only_answerable},
  };
  for (const row& r : rows) {
    INFO(r.name << ": " << r.field);
    const wwwauth::selection s = wwwauth::select_best(wwwauth::parse_challenges(r.field), abilities(r.can));
    CHECK(s.index == r.index);
    CHECK(s.reason == r.reason);
    CHECK(static_cast<bool>(s) == (r.index != none));
    CHECK(!s.why().empty());
    if (s) {
      CHECK(s.strength.known());
      CHECK(s.strength.rank != 0);
      CHECK(wwwauth::find_scheme(s.chosen.scheme()) == &wwwauth::info(s.strength.scheme.id));
    }
  }
}

TEST_CASE("the documented order, strongest first") {
  std::vector<const wwwauth::scheme_info*> order;
  order.reserve(wwwauth::schemes.size());
  for (const wwwauth::scheme_info& s : wwwauth::schemes) order.push_back(&s);
  std::sort(order.begin(), order.end(), [](auto* a, auto* b) { return a->rank > b->rank; });
  std::string names;
  for (const auto* s : order) names += std::string(s->name) + " ";
  // README.md "Scheme registry" and the comment above wwwauth::schemes say the same.
  CHECK(names ==
        "Concealed HOBA Kerberos Negotiate DPoP vapid GNAP Mutual SCRAM-SHA-256 SCRAM-SHA-1 PrivateToken "
        "Bearer Digest OAuth NTLM Basic ");
  // MD5 Digest sits between OAuth and NTLM; SHA-2 Digest between OAuth and Bearer.
  CHECK(wwwauth::info(wwwauth::digest_algorithm::md5).rank < wwwauth::info(wwwauth::scheme_id::oauth).rank);
  CHECK(wwwauth::info(wwwauth::digest_algorithm::md5).rank > wwwauth::info(wwwauth::scheme_id::ntlm).rank);
  CHECK(wwwauth::info(wwwauth::digest_algorithm::sha_256).rank > wwwauth::info(wwwauth::scheme_id::oauth).rank);
}

TEST_CASE("select_after: the next choice in select_best's order, then none") {
  const auto list = wwwauth::parse_challenges(
      R"(Basic realm="a", Digest realm="a", nonce="n", algorithm=MD5, Digest realm="a", nonce="n", algorithm=SHA-256, )"
      R"(Digest realm="a", nonce="n", algorithm=SHA-256, NTLM)");
  const wwwauth::client_abilities can = abilities("Basic Digest");
  std::vector<std::size_t> order;
  for (wwwauth::selection s = wwwauth::select_best(list, can); s; s = wwwauth::select_after(list, can, s)) {
    order.push_back(s.index);
    CHECK(s.answerable == 4);
    REQUIRE(order.size() <= 4);
  }
  CHECK(order == std::vector<std::size_t>{2, 3, 1, 0});  // rank, then the server's order; NTLM not answerable
  CHECK(wwwauth::select_after(list, can, wwwauth::selection{}).index == wwwauth::select_best(list, can).index);
}

TEST_CASE("abilities") {
  wwwauth::client_abilities can;
  CHECK_FALSE(can.can_answer(wwwauth::scheme_id::digest));
  can.allow(wwwauth::scheme_id::digest);
  CHECK(can.can_answer(wwwauth::digest_algorithm::md5_sess));  // Digest alone: every algorithm
  can.allow(wwwauth::digest_algorithm::sha_256);
  CHECK_FALSE(can.can_answer(wwwauth::digest_algorithm::md5_sess));  // now only those listed
  CHECK(can.can_answer(wwwauth::digest_algorithm::sha_256));
  CHECK_FALSE(can.can_answer(wwwauth::scheme_id::basic));
  const auto all = wwwauth::client_abilities::everything();
  for (const wwwauth::scheme_info& s : wwwauth::schemes) CHECK(all.can_answer(s.id));
}

// select_best() works in constant expressions.
constexpr auto iis = wwwauth::parse_challenges("Negotiate, NTLM, Basic realm=\"iis\"");
static_assert(wwwauth::select_best(iis, wwwauth::client_abilities::everything()).index == 0);
static_assert(wwwauth::select_best(iis, wwwauth::client_abilities{}.allow(wwwauth::scheme_id::basic)).index == 2);
static_assert(wwwauth::select_best(iis, wwwauth::client_abilities{}).reason == wwwauth::select_reason::none_answerable);
