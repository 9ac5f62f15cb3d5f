// wwwauth-serve: an HTTP server (cpp-httplib) that protects every path with Basic and/or
// Digest, checked by wwwauth's server side alone.
//
//   wwwauth-serve --port N --realm R --user NAME:PASSWORD [--user ...] [--scheme basic|digest]...
//                 [--algorithm MD5|SHA-256|SHA-512-256]... [--qop auth|auth-int] [--userhash]
//                 [--nonce-lifetime SECONDS] [--bind ADDR]
//
// A request without valid credentials gets a 401 with one challenge line per scheme and
// algorithm, in the order given. Digest nonces are stateless (digest_nonce_issuer, a random
// secret per run): a wrong password or a forged nonce is a plain 401, a right password under
// an expired nonce a 401 with stale=true, and a nonce count used twice (a replayed request)
// a plain 401. Valid credentials get 200, a short text body, and for Digest an
// Authentication-Info with rspauth. One line per request goes to stderr; passwords never do.
#include <httplib.h>

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <wwwauth/basic_verify.hpp>
#include <wwwauth/constant_time.hpp>
#include <wwwauth/credentials.hpp>
#include <wwwauth/digest_hash.hpp>
#include <wwwauth/digest_nonce.hpp>
#include <wwwauth/digest_reply.hpp>
#include <wwwauth/digest_verify.hpp>
#include <wwwauth/challenge_format.hpp>

namespace {

constexpr const char* usage =
    "usage: wwwauth-serve --port N --realm R --user NAME:PASSWORD [--user ...]\n"
    "                     [--scheme basic|digest]... [--algorithm MD5|SHA-256|SHA-512-256]...\n"
    "                     [--qop auth|auth-int] [--userhash] [--nonce-lifetime SECONDS] [--bind ADDR]\n"
    "Serves every path behind Basic and/or Digest authentication, checked with wwwauth.\n"
    "  --port 0          pick a free port; the port is printed as 'listening on ADDR:PORT'\n"
    "  --scheme          schemes offered, in order (default: digest)\n"
    "  --algorithm       Digest algorithms offered (-sess forms too), one challenge each, in order\n"
    "                    (default: SHA-256)\n"
    "  --qop             Digest quality of protection (default: auth)\n"
    "  --userhash        let Digest clients send H(user:realm) instead of the user name\n"
    "  --nonce-lifetime  seconds a Digest nonce stays fresh (default: 300)\n"
    "  --bind            address to listen on (default: 127.0.0.1)\n";

struct user {
  std::string name, password;
};

struct options {
  int port = -1;
  std::string realm, bind = "127.0.0.1";
  std::vector<user> users;
  std::vector<std::string> schemes;  // "basic", "digest", in the order offered
  std::vector<wwwauth::digest_algorithm> algorithms;
  wwwauth::digest_qop qop = wwwauth::digest_qop::auth;
  bool userhash = false;
  std::uint64_t nonce_lifetime = 300;
};

bool parse_args(int argc, char** argv, options& o) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const bool has_value = i + 1 < argc;
    const std::string value = has_value ? argv[i + 1] : "";
    if (arg == "--userhash") {
      o.userhash = true;
      continue;
    }
    if (!has_value) return false;
    ++i;
    if (arg == "--port") {
      o.port = std::atoi(value.c_str());
      if (value.empty() || value.find_first_not_of("0123456789") != std::string::npos || o.port > 65535) return false;
    } else if (arg == "--realm") {
      o.realm = value;
    } else if (arg == "--bind") {
      o.bind = value;
    } else if (arg == "--user") {
      const auto colon = value.find(':');
      if (colon == std::string::npos || colon == 0) return false;
      o.users.push_back({value.substr(0, colon), value.substr(colon + 1)});
    } else if (arg == "--scheme") {
      if (value != "basic" && value != "digest") return false;
      o.schemes.push_back(value);
    } else if (arg == "--algorithm") {
      const auto found = wwwauth::lookup_digest_algorithm(value);
      if (!found) return false;
      o.algorithms.push_back(found.id);
    } else if (arg == "--qop") {
      if (value == "auth")
        o.qop = wwwauth::digest_qop::auth;
      else if (value == "auth-int")
        o.qop = wwwauth::digest_qop::auth_int;
      else
        return false;
    } else if (arg == "--nonce-lifetime") {
      if (value.empty() || value.find_first_not_of("0123456789") != std::string::npos) return false;
      o.nonce_lifetime = std::strtoull(value.c_str(), nullptr, 10);
    } else {
      return false;
    }
  }
  if (o.schemes.empty()) o.schemes.push_back("digest");
  if (o.algorithms.empty()) o.algorithms.push_back(wwwauth::digest_algorithm::sha_256);
  return o.port >= 0 && !o.realm.empty() && !o.users.empty();
}

std::uint64_t now_seconds() {
  return static_cast<std::uint64_t>(
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now().time_since_epoch()).count());
}

std::string random_secret() {
  std::random_device device;
  std::string secret(32, '\0');
  for (char& c : secret) c = static_cast<char>(device());
  return secret;
}

class server {
 public:
  explicit server(options o) : o_(std::move(o)), issuer_(random_secret(), o_.nonce_lifetime) {}

  // Every method and path: the whole site is protected.
  void handle(const httplib::Request& req, httplib::Response& res) {
    const std::string field = req.get_header_value("Authorization");
    std::string verdict = "no credentials";
    bool stale = false;
    if (!field.empty()) {
      const wwwauth::credentials creds = wwwauth::parse_credentials(field);
      if (!creds.ok()) {
        verdict = std::string("unreadable Authorization: ") + std::string(creds.error().message());
      } else if (creds.scheme_is("Basic") && offers("basic")) {
        verdict = check_basic(creds, res);
      } else if (creds.scheme_is("Digest") && offers("digest")) {
        verdict = check_digest(creds, req, res, stale);
      } else {
        verdict = "scheme not offered";
      }
    }
    std::fprintf(stderr, "%s %s -> %s\n", req.method.c_str(), req.target.c_str(), verdict.c_str());
    if (res.status == 200) return;
    res.status = 401;
    for (const std::string& scheme : o_.schemes) {
      if (scheme == "basic")
        add_basic_challenge(res);
      else
        add_digest_challenges(res, stale);
    }
    res.set_content("401 Unauthorized\n", "text/plain");
  }

 private:
  bool offers(std::string_view scheme) const {
    for (const std::string& s : o_.schemes) {
      if (s == scheme) return true;
    }
    return false;
  }

  const user* find_user(std::string_view name) const {
    for (const user& u : o_.users) {
      if (u.name == name) return &u;
    }
    return nullptr;
  }

  void grant(httplib::Response& res, const std::string& name) const {
    res.status = 200;
    res.set_content("hello, " + name + "\n", "text/plain");
  }

  std::string check_basic(const wwwauth::credentials& creds, httplib::Response& res) const {
    std::array<char, 1024> buf{};
    const wwwauth::basic_user b =
        wwwauth::decode_basic_credentials(creds, buf.data(), buf.size(), wwwauth::basic_charset::utf8);
    if (!b) return "Basic: " + std::string(b.message());
    const user* u = find_user(b.user_id);
    // Compare a password even for an unknown user, so that the time does not tell users apart.
    const bool right =
        wwwauth::constant_time_equals(b.password, u != nullptr ? u->password : std::string()) && u != nullptr;
    if (!right) return "Basic: wrong user or password";
    grant(res, u->name);
    return "Basic: " + u->name + " ok";
  }

  std::string check_digest(const wwwauth::credentials& creds, const httplib::Request& req, httplib::Response& res,
                           bool& stale) {
    const wwwauth::digest_answer answer = wwwauth::read_digest_credentials(creds);
    if (!answer) return "Digest: " + std::string(wwwauth::message(answer.error)) + " " + std::string(answer.bad_param);
    std::array<char, 512> name_buf{};
    const wwwauth::digest_username name = wwwauth::decode_digest_username(answer, name_buf.data(), name_buf.size());
    if (!name) return "Digest: " + std::string(wwwauth::message(name.error)) + " (username)";
    const user* u = nullptr;
    if (answer.userhash) {
      if (!o_.userhash) return "Digest: userhash was not offered";
      for (const user& candidate : o_.users) {
        if (wwwauth::digest_userhash(answer.algorithm, candidate.name, o_.realm).view() == name.name) u = &candidate;
      }
    } else {
      u = find_user(name.name);
    }
    if (u == nullptr) return "Digest: unknown user";

    wwwauth::digest_request request;
    request.method = req.method;
    request.target = req.target;
    request.realm = o_.realm;
    request.body = req.body;
    request.algorithms = wwwauth::digest_algorithm_set{};
    for (const wwwauth::digest_algorithm a : o_.algorithms) request.algorithms.add(a);
    request.qops = wwwauth::digest_qop_set{o_.qop};
    const wwwauth::digest_verdict verdict = wwwauth::verify_digest(answer, request, {u->name, u->password});
    if (!verdict) return "Digest: " + std::string(verdict.message());
    // Only now does the nonce matter: stale=true tells the client its password was right.
    const wwwauth::digest_nonce_status nonce = issuer_.check(answer.nonce, now_seconds());
    if (!nonce) {
      stale = nonce.error == wwwauth::verify_errc::stale_nonce;
      return "Digest: " + std::string(wwwauth::message(nonce.error));
    }
    wwwauth::verify_errc count = wwwauth::verify_errc::none;
    {
      const std::lock_guard<std::mutex> lock(counts_mutex_);
      count = counts_.accept(nonce.id, answer.nonce_count);
    }
    if (count != wwwauth::verify_errc::none) {
      stale = count == wwwauth::verify_errc::stale_nonce;  // forgotten by the table: a new nonce
      return "Digest: " + std::string(wwwauth::message(count));
    }
    grant(res, u->name);
    std::array<char, 512> info{};
    const auto written = wwwauth::write_authentication_info(answer, verdict, {}, info.data(), info.size(), res.body);
    if (written && written.size <= info.size())
      res.set_header("Authentication-Info", std::string(info.data(), written.size));
    return "Digest: " + u->name + " ok";
  }

  void add_basic_challenge(httplib::Response& res) const {
    const wwwauth::challenge_param params[] = {{"realm", o_.realm}, {"charset", "UTF-8"}};
    std::array<char, 1024> buf{};
    const auto r = wwwauth::write_challenge("Basic", params, buf.data(), buf.size());
    if (r && r.size <= buf.size()) res.set_header("WWW-Authenticate", std::string(buf.data(), r.size));
  }

  void add_digest_challenges(httplib::Response& res, bool stale) {
    for (const wwwauth::digest_algorithm a : o_.algorithms) {
      const wwwauth::digest_nonce nonce = issuer_.issue(now_seconds(), ++nonce_id_);
      wwwauth::digest_challenge c;
      c.realm = o_.realm;
      c.nonce = nonce.view();
      c.algorithm = a;
      c.qops = wwwauth::digest_qop_set{o_.qop};
      c.stale = stale;
      c.userhash = o_.userhash;
      std::array<char, 1024> buf{};
      const auto r = wwwauth::write_digest_challenge(c, buf.data(), buf.size());
      if (r && r.size <= buf.size()) res.set_header("WWW-Authenticate", std::string(buf.data(), r.size));
    }
  }

  options o_;
  wwwauth::digest_nonce_issuer issuer_;
  std::atomic<std::uint64_t> nonce_id_{0};
  std::mutex counts_mutex_;
  wwwauth::digest_nonce_counts<1024> counts_;
};

}  // namespace

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::string_view(argv[i]) == "--help" || std::string_view(argv[i]) == "-h") {
      std::fputs(usage, stdout);
      return 0;
    }
  }
  options o;
  if (!parse_args(argc, argv, o)) {
    std::fputs(usage, stderr);
    return 2;
  }
  const std::string bind = o.bind;
  const int requested_port = o.port;
  server auth(std::move(o));
  httplib::Server http;
  const auto handler = [&auth](const httplib::Request& req, httplib::Response& res) { auth.handle(req, res); };
  http.Get(".*", handler).Post(".*", handler).Put(".*", handler).Delete(".*", handler).Patch(".*", handler);
  int port = requested_port;
  if (requested_port == 0) {
    port = http.bind_to_any_port(bind);
    if (port < 0) {
      std::fprintf(stderr, "wwwauth-serve: cannot listen on %s\n", bind.c_str());
      return 1;
    }
  } else if (!http.bind_to_port(bind, requested_port)) {
    std::fprintf(stderr, "wwwauth-serve: cannot listen on %s:%d\n", bind.c_str(), requested_port);
    return 1;
  }
  std::printf("listening on %s:%d\n", bind.c_str(), port);
  std::fflush(stdout);
  return http.listen_after_bind() ? 0 : 1;
}
