// wwwauth-beast: GET a URL with Boost.Beast, answering its 401 (and a proxy's 407) with
// wwwauth::authenticator through wwwauth/beast.hpp. The loop in main() is the whole flow:
// first request, 401/407, answer, stale retry, rejection with hints, rspauth.
//
//   wwwauth-beast [--delay SECONDS] http://HOST:PORT/PATH USER:PASSWORD [--proxy http://HOST:PORT USER:PASSWORD]
//
// Exit status: 0 final response 2xx, 1 otherwise, 2 usage error.
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <wwwauth/beast.hpp>
#include <wwwauth/os_entropy.hpp>

#include "../common/client_args.hpp"

namespace {

namespace http = boost::beast::http;

// One request on a new connection (to the proxy when there is one); the error is returned.
boost::beast::error_code send(const example::http_url& to, const http::request<http::empty_body>& req,
                              http::response<http::string_body>& res) {
  boost::asio::io_context io;
  boost::asio::ip::tcp::resolver resolver(io);
  boost::beast::tcp_stream stream(io);
  boost::beast::error_code ec;
  const auto endpoints = resolver.resolve(to.host, std::to_string(to.port), ec);
  if (!ec) stream.connect(endpoints, ec);
  if (!ec) http::write(stream, req, ec);
  boost::beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(1U << 20);  // a larger body is an error, never a cut one (auth-int's rspauth)
  if (!ec) http::read(stream, buffer, parser, ec);
  if (!ec) res = parser.release();
  boost::beast::error_code ignored;
  stream.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_both, ignored);
  return ec;
}

}  // namespace

int main(int argc, char** argv) {
  example::client_args args;
  if (!example::parse_client_args(argc, argv, args)) return example::usage(argv[0]);
  // Through a forward proxy the request-target is the absolute URL (RFC 9112 section 3.2.2).
  http::request<http::empty_body> req{http::verb::get, args.through_proxy ? args.url : args.origin.target, 11};
  req.set(http::field::host, args.origin.host + ":" + std::to_string(args.origin.port));
  req.set(http::field::connection, "close");

  wwwauth::os_entropy entropy;
  wwwauth::authenticator<> origin, proxy(wwwauth::auth_party::proxy);
  origin.use_password(args.credentials.user, args.credentials.password).use_entropy(entropy);
  if (args.through_proxy)
    proxy.use_password(args.proxy_credentials.user, args.proxy_credentials.password).use_entropy(entropy);
  for (int round = 0; round < 6; ++round) {
    for (wwwauth::authenticator<>* party : {&proxy, &origin}) {  // a fresh answer per request (Digest's nc)
      if (party->has_challenge() && !wwwauth::beast::set_authorization(req, *party)) return 1;
    }
    http::response<http::string_body> res;
    if (const auto ec = send(args.through_proxy ? args.proxy : args.origin, req, res))
      return example::failed(ec.message());
    auto v = wwwauth::beast::read_response(res, proxy);  // a 407 is the proxy's, anything else the origin's
    if (v.step == wwwauth::auth_step::done) v = wwwauth::beast::read_response(res, origin);
    example::report(static_cast<int>(res.result_int()), v);
    if (v.step != wwwauth::auth_step::retry)
      return v.step == wwwauth::auth_step::done && res.result_int() / 100 == 2 ? 0 : 1;
    example::pause_before_answer(args, round);
  }
  return 1;
}
