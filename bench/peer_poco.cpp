// Peer: POCO's Poco::Net::HTTPAuthenticationParams (Debian libpoco-dev).
// POCO parses the auth-params of one challenge (fromAuthInfo); its own fromResponse() splits the
// scheme off by comparing the start of the value with "Basic ", "Digest " or "NTLM ". We split at
// the first SP for every scheme and give POCO the rest, as a POCO client handling Bearer must.
// POCO has no notion of several challenges in one field or of token68 (it keeps NTLM's token
// under the name "NTLM"), so only lines holding one challenge with auth-params are compared
// and timed.
#include "bench_common.hpp"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPAuthenticationParams.h>

namespace {

bool can_express(const bench::line_model& m) {
  return !m.failed && m.challenges.size() == 1 && !m.challenges.front().has_token68;
}

void parse(const std::string& line, bench::sink& out) {
  const std::string_view v(line);
  const std::size_t begin = v.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return;
  const std::size_t sp = v.find(' ', begin);
  out.scheme(v.substr(begin, sp == std::string_view::npos ? std::string_view::npos : sp - begin));
  if (sp == std::string_view::npos) return;
  try {
    const Poco::Net::HTTPAuthenticationParams params(line.substr(sp + 1));
    for (const auto& nv : params) out.param(nv.first, nv.second);
  } catch (const Poco::Exception&) {
    out.fail();
  }
}

const bench::peer poco{"poco", "POCO Poco::Net::HTTPAuthenticationParams::fromAuthInfo", can_express, nullptr, parse};
const bench::register_peer registration{poco};

}  // namespace
