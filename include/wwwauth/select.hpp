// Choosing the challenge to answer (RFC 9110 section 11.6.1: "a user agent MUST choose to
// use one of the challenges with the strongest auth-scheme it understands").
//
//     wwwauth::client_abilities can;
//     can.allow(wwwauth::scheme_id::basic).allow(wwwauth::digest_algorithm::sha_256);
//     const wwwauth::selection s = wwwauth::select_best(wwwauth::parse_challenges(field), can);
//     if (s) answer(s.chosen);  // else s.reason says why nothing fits
//
// "Strongest" is the rank of registry.hpp (README.md, "Scheme registry", lists the order and
// the reasons); for Digest, the rank of its algorithm (digest_algorithm.hpp), so SHA-256 and SHA-512-256 come before
// MD5. Among equal ranks the server's order decides, as RFC 7616 section 3.7 asks. Unknown
// schemes and Digest algorithms nobody registered are skipped, never fatal. Only the scheme
// and the algorithm are looked at: whether the parameters suffice is the answerer's business.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "challenge.hpp"
#include "digest_algorithm.hpp"
#include "registry.hpp"

namespace wwwauth {

// What a client can answer with the credentials it actually has.
class client_abilities {
 public:
  // Every scheme of the registry, Digest with every registered algorithm.
  static constexpr client_abilities everything() noexcept {
    client_abilities all;
    all.schemes_ = (std::uint32_t{1} << scheme_count) - 1;
    return all;
  }

  // Allows a scheme; Digest with every registered algorithm unless some are allowed one by one.
  constexpr client_abilities& allow(scheme_id s) noexcept {
    schemes_ |= std::uint32_t{1} << static_cast<unsigned>(s);
    return *this;
  }
  // Allows Digest with this algorithm; from then on Digest only with the algorithms listed.
  constexpr client_abilities& allow(digest_algorithm a) noexcept {
    allow(scheme_id::digest);
    algorithms_ = static_cast<std::uint8_t>(algorithms_ | (1U << static_cast<unsigned>(a)));
    return *this;
  }
  constexpr bool can_answer(scheme_id s) const noexcept { return (schemes_ >> static_cast<unsigned>(s) & 1U) != 0; }
  constexpr bool can_answer(digest_algorithm a) const noexcept {
    return can_answer(scheme_id::digest) && (algorithms_ == 0 || (algorithms_ >> static_cast<unsigned>(a) & 1U) != 0);
  }

 private:
  static_assert(scheme_count <= 32 && digest_algorithm_count <= 8, "the ability masks must grow");
  std::uint32_t schemes_ = 0;
  std::uint8_t algorithms_ = 0;  // 0: every registered algorithm
};

// A challenge's scheme and strength, as select_best() sees it.
struct rating {
  lookup_result<scheme_id> scheme{};            // not found: not in the registry
  lookup_result<digest_algorithm> algorithm{};  // Digest only; not found: unregistered
  auth_param algorithm_param{};                 // Digest's algorithm parameter, if sent
  std::uint8_t rank = 0;                        // 0 when unknown or unanswerable

  constexpr bool known() const noexcept { return scheme.found; }
};

constexpr rating rate(const challenge& c) noexcept {
  rating r;
  r.scheme = lookup_scheme(c.scheme());
  if (!r.scheme) return r;
  if (r.scheme.id != scheme_id::digest) {
    r.rank = info(r.scheme.id).rank;
    return r;
  }
  r.algorithm_param = c.param("algorithm");
  r.algorithm = lookup_digest_algorithm(r.algorithm_param);
  if (r.algorithm) r.rank = info(r.algorithm.id).rank;
  return r;
}

enum class select_reason : std::uint8_t {
  no_challenge,     // the list holds no challenge
  none_answerable,  // no challenge has a scheme (and Digest algorithm) the client can answer
  only_answerable,  // exactly one challenge could be answered
  strongest,        // it outranks every other challenge the client could answer
  server_order,     // others rank as high; the server listed this one first
};

constexpr std::string_view message(select_reason r) noexcept {
  switch (r) {
    case select_reason::no_challenge: return "the response offers no challenge";
    case select_reason::none_answerable:
      return "no challenge has a scheme (and Digest algorithm) this client can answer";
    case select_reason::only_answerable: return "the only challenge this client can answer";
    case select_reason::strongest: return "the strongest scheme this client can answer";
    case select_reason::server_order: return "as strong as another; the server lists it first (its preference)";
  }
  return "unknown";
}

struct selection {
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  challenge chosen{};          // default-constructed when nothing was chosen
  std::size_t index = npos;    // its position in the list
  rating strength{};           // its scheme, Digest algorithm and rank
  std::size_t answerable = 0;  // how many challenges the client could have answered
  select_reason reason = select_reason::no_challenge;

  constexpr explicit operator bool() const noexcept { return index != npos; }
  constexpr std::string_view why() const noexcept { return message(reason); }
};

// The challenge that select_best() would choose if `previous` and those it ranks above were not
// there: the next in its order (the rank, then the server's order), for a caller that could not
// use `previous` (a Digest challenge without a nonce, say). `answerable` still counts them all.
// One pass, as select_best(), which is select_after() a default selection.
constexpr selection select_after(const challenge_list& list, const client_abilities& can,
                                 const selection& previous) noexcept {
  selection best;
  bool tie = false;
  std::size_t i = 0;
  for (const challenge& c : list) {
    const rating r = rate(c);
    const bool answerable = r.known() && can.can_answer(r.scheme.id) &&
                            (r.scheme.id != scheme_id::digest || (r.algorithm && can.can_answer(r.algorithm.id)));
    const bool after =
        !previous || r.rank < previous.strength.rank || (r.rank == previous.strength.rank && i > previous.index);
    if (answerable) ++best.answerable;
    if (answerable && after) {
      if (!best || r.rank > best.strength.rank) {
        best.chosen = c;
        best.index = i;
        best.strength = r;
        tie = false;
      } else if (r.rank == best.strength.rank) {
        tie = true;
      }
    }
    ++i;
  }
  if (list.empty()) {
    best.reason = select_reason::no_challenge;
  } else if (!best) {
    best.reason = select_reason::none_answerable;
  } else if (best.answerable == 1) {
    best.reason = select_reason::only_answerable;
  } else {
    best.reason = tie ? select_reason::server_order : select_reason::strongest;
  }
  return best;
}

// One pass over the challenges; no allocation. Challenges after a parse error are not seen
// (the list stops there), so callers who want them parse in mode::lenient.
constexpr selection select_best(const challenge_list& list, const client_abilities& can) noexcept {
  return select_after(list, can, selection{});
}

}  // namespace wwwauth
