// wwwauth-httplib: GET a URL with cpp-httplib, answering its 401 (and a proxy's 407) with
// wwwauth::authenticator through wwwauth/httplib.hpp. The loop in main() is the whole flow:
// first request, 401/407, answer, stale retry, rejection with hints, rspauth.
//
//   wwwauth-httplib [--delay SECONDS] http://HOST:PORT/PATH USER:PASSWORD [--proxy http://HOST:PORT USER:PASSWORD]
//
// Exit status: 0 final response 2xx, 1 otherwise, 2 usage error.
#include <httplib.h>

#include <wwwauth/httplib.hpp>
#include <wwwauth/os_entropy.hpp>

#include "../common/client_args.hpp"

int main(int argc, char** argv) {
  example::client_args args;
  if (!example::parse_client_args(argc, argv, args)) return example::usage(argv[0]);
  httplib::Client cli(args.origin.host, args.origin.port);
  if (args.through_proxy) cli.set_proxy(args.proxy.host, args.proxy.port);
  // The request-target as written in the request line: httplib sends the absolute URL to a proxy.
  const std::string target = args.through_proxy ? args.url : args.origin.target;

  wwwauth::os_entropy entropy;
  wwwauth::authenticator<> origin, proxy(wwwauth::auth_party::proxy);
  origin.use_password(args.credentials.user, args.credentials.password).use_entropy(entropy);
  if (args.through_proxy)
    proxy.use_password(args.proxy_credentials.user, args.proxy_credentials.password).use_entropy(entropy);
  httplib::Headers headers;
  for (int round = 0; round < 6; ++round) {
    for (wwwauth::authenticator<>* party : {&proxy, &origin}) {  // a fresh answer per request (Digest's nc)
      if (party->has_challenge() && !wwwauth::httplib::set_authorization(headers, *party, "GET", target)) return 1;
    }
    const httplib::Result res = cli.Get(args.origin.target, headers);
    if (!res) return example::failed(httplib::to_string(res.error()));
    auto v = wwwauth::httplib::read_response(res, proxy);  // a 407 is the proxy's, anything else the origin's
    if (v.step == wwwauth::auth_step::done) v = wwwauth::httplib::read_response(res, origin);
    example::report(res->status, v);
    if (v.step != wwwauth::auth_step::retry)
      return v.step == wwwauth::auth_step::done && res->status / 100 == 2 ? 0 : 1;
    example::pause_before_answer(args, round);
  }
  return 1;
}
