// The command line the small client examples share (wwwauth-httplib, wwwauth-beast):
//
//   PROGRAM [--delay SECONDS] http://HOST:PORT/PATH USER:PASSWORD [--proxy http://HOST:PORT USER:PASSWORD]
//
// (--delay waits before the first answer: it shows how a server treats an expired nonce.)
// and how they print what happened. Plain http only: these examples show the flow, not TLS.
#pragma once

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <string_view>

#include <wwwauth/authenticator.hpp>
#include <wwwauth/hint_text.hpp>

namespace example {

struct http_url {
  std::string host, target;  // target: the path and query ("/" at least)
  int port = 80;
};

// "http://host[:port][/path]"; false for anything else.
inline bool parse_http_url(std::string_view s, http_url& out) {
  constexpr std::string_view scheme = "http://";
  if (s.substr(0, scheme.size()) != scheme) return false;
  s.remove_prefix(scheme.size());
  const std::size_t slash = s.find('/');
  const std::string_view authority = s.substr(0, slash);
  out.target = slash == std::string_view::npos ? "/" : std::string(s.substr(slash));
  const std::size_t colon = authority.rfind(':');
  out.host = std::string(authority.substr(0, colon));
  if (colon != std::string_view::npos) {
    const std::string port(authority.substr(colon + 1));
    if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos) return false;
    out.port = std::stoi(port);
  }
  return !out.host.empty();
}

struct user_password {
  std::string user, password;
};
inline bool parse_user(std::string_view s, user_password& out) {
  const std::size_t colon = s.find(':');
  if (colon == std::string_view::npos) return false;
  out.user = std::string(s.substr(0, colon));
  out.password = std::string(s.substr(colon + 1));
  return true;
}

struct client_args {
  std::string url;  // as given
  http_url origin, proxy;
  user_password credentials, proxy_credentials;
  bool through_proxy = false;
  int delay_seconds = 0;
};

inline bool parse_client_args(int argc, char** argv, client_args& a) {
  if (argc > 2 && std::string_view(argv[1]) == "--delay") {
    const std::string seconds = argv[2];
    if (seconds.empty() || seconds.size() > 3 || seconds.find_first_not_of("0123456789") != std::string::npos)
      return false;
    a.delay_seconds = std::stoi(seconds);
    argc -= 2;
    argv += 2;
  }
  if (argc != 3 && argc != 6) return false;
  a.url = argv[1];
  if (!parse_http_url(a.url, a.origin) || !parse_user(argv[2], a.credentials)) return false;
  if (argc == 6) {
    a.through_proxy = true;
    return std::string_view(argv[3]) == "--proxy" && parse_http_url(argv[4], a.proxy) &&
           parse_user(argv[5], a.proxy_credentials);
  }
  return true;
}

inline int usage(const char* program) {
  std::fprintf(
      stderr,
      "usage: %s [--delay SECONDS] http://HOST:PORT/PATH USER:PASSWORD [--proxy http://HOST:PORT USER:PASSWORD]\n",
      program);
  return 2;
}

// Before the first answer, when --delay asked for it.
inline void pause_before_answer(const client_args& a, int round) {
  if (round == 0 && a.delay_seconds > 0) std::this_thread::sleep_for(std::chrono::seconds(a.delay_seconds));
}

inline int failed(const std::string& why) {
  std::printf("request failed: %s\n", why.c_str());
  return 1;
}

constexpr std::string_view step_name(wwwauth::auth_step s) {
  switch (s) {
    case wwwauth::auth_step::done: return "done";
    case wwwauth::auth_step::retry: return "retry";
    case wwwauth::auth_step::ask_user: return "ask the user";
    case wwwauth::auth_step::other_realm: return "other realm";
    case wwwauth::auth_step::cannot_answer: return "cannot answer";
  }
  return "unknown";
}

// One line per response, then its hints, one line each.
template <class Verdict>
void report(int status, const Verdict& v) {
  std::printf("< %d: %s%s%s\n", status, std::string(step_name(v.step)).c_str(),
              v.error == wwwauth::auth_errc::none ? "" : ": ",
              v.error == wwwauth::auth_errc::none ? "" : std::string(v.message()).c_str());
  if (v.proven) std::printf("  rspauth: verified\n");
  for (const wwwauth::hint& h : v.hints) {
    std::string line;
    wwwauth::write_hint_line(h, std::back_inserter(line));
    std::printf("  hint %s\n", line.c_str());
  }
}

}  // namespace example
