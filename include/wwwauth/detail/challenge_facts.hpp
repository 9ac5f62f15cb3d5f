// The parameters diagnose() looks at, read in one pass over a challenge.
#pragma once

#include <string_view>

#include "../challenge.hpp"
#include "../param.hpp"

namespace wwwauth::detail {

// The first occurrence of each name, as challenge::param() would return it.
struct challenge_facts {
  auth_param realm, charset, stale, algorithm, userhash, nonce, error, error_description, scope, service,
      resource_metadata, acr_values, max_age, algs, data, ks1;

  constexpr explicit challenge_facts(const challenge& c) noexcept {
    for (const auth_param& p : c.params()) {
      keep(realm, p, "realm");
      keep(charset, p, "charset");
      keep(stale, p, "stale");
      keep(algorithm, p, "algorithm");
      keep(userhash, p, "userhash");
      keep(nonce, p, "nonce");
      keep(error, p, "error");
      keep(error_description, p, "error_description");
      keep(scope, p, "scope");
      keep(service, p, "service");
      keep(resource_metadata, p, "resource_metadata");
      keep(acr_values, p, "acr_values");
      keep(max_age, p, "max_age");
      keep(algs, p, "algs");
      keep(data, p, "data");
      keep(ks1, p, "ks1");
    }
  }
  // Digest's stale and userhash are case-insensitive booleans (RFC 7616 section 3.3).
  constexpr bool is_stale() const noexcept { return stale && stale.value().iequals("true"); }
  // RFC 6750 section 3.1 error codes (and RFC 9449's, RFC 9470's) are compared exactly:
  // values are case-sensitive unless a scheme says otherwise (RFC 9110 section 11.2).
  constexpr bool error_is(std::string_view e) const noexcept { return error && error.value().equals(e); }

 private:
  static constexpr void keep(auth_param& slot, const auth_param& p, std::string_view name) noexcept {
    if (!slot && p.name_is(name)) slot = p;
  }
};

}  // namespace wwwauth::detail
