// wwwauth-curl: fetch a URL with libcurl and answer its 401/407 with wwwauth alone: libcurl
// only moves bytes (its own CURLOPT_HTTPAUTH is never enabled), wwwauth::authenticator decides
// and wwwauth/curl.hpp connects the two. `wwwauth-curl --help` lists the options and limits.
//
// Exit status: 0 final response 2xx (and rspauth, when sent, verified); 1 anything else;
// 2 usage error. Secrets are never printed.
#include <curl/curl.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>
#include <thread>

#include <wwwauth/ascii.hpp>
#include <wwwauth/authenticator.hpp>
#include <wwwauth/curl.hpp>
#include <wwwauth/os_entropy.hpp>
#include <wwwauth_tools/escape.hpp>

namespace {

// Limits, stated in --help.
constexpr int max_rounds = 8;  // requests in all, redirects included
constexpr int max_redirects = 5;
constexpr std::size_t max_body_bytes = 1U << 20;    // kept for auth-int's rspauth; the rest is counted
constexpr long default_seconds_per_request = 30;    // --max-time
constexpr std::size_t max_shown_value_bytes = 256;  // of one printed value; the rest is counted
constexpr int max_shown_header_lines = 64;          // per response with -v

constexpr const char* usage =
    "usage: wwwauth-curl URL [--user USER:PASS] [--token TOKEN] [--basic]\n"
    "                    [--proxy URL --proxy-user USER:PASS [--proxy-basic]]\n"
    "                    [-L | --location] [--location-trusted] [--allow-downgrade]\n"
    "                    [--cacert FILE] [--delay SECONDS] [--max-time SECONDS] [-v] [--help]\n"
    "Fetches URL (GET) and answers Basic, Digest or Bearer challenges with wwwauth.\n"
    "  --basic             allow Basic over plain http (the password crosses the network readable)\n"
    "  --proxy-basic       the same for a proxy reached over plain http\n"
    "  --allow-downgrade   answer a weaker scheme after the first answer (e.g. Digest, then Basic)\n"
    "  -L, --location      follow redirects (3xx with Location)\n"
    "  --location-trusted  keep sending credentials after a redirect to another origin\n"
    "  --cacert            certificates to verify an https server with (default: the system's)\n"
    "  --delay             wait before the first answer (shows how a server treats an expired nonce)\n"
    "  --max-time          the most one request may take, in seconds (default 30)\n"
    "  -v                  print the response headers (64 lines a response at most)\n"
    "Proxy credentials go only to the proxy given with --proxy: a 407 from anywhere else is not answered.\n"
    "Limits: 8 requests in all, 5 redirects; a stale=true retry once in a row per nonce; at most 16\n"
    "challenge lines and 1024 bytes of kept challenge parameters (more is refused, not cut); libcurl's\n"
    "100 KiB per header line and 300 KiB per response head; 1 MiB of body kept (auth-int's rspauth\n"
    "beyond that is refused); 30 s per request (--max-time); printed values cut after 256 bytes.\n"
    "Exit status: 0 final response 2xx, 1 otherwise, 2 usage error.\n";

struct options {
  std::string url, user, password, token, proxy, proxy_user, proxy_password, cacert;
  bool has_user = false, has_proxy_user = false, verbose = false, basic = false, proxy_basic = false;
  bool follow = false, location_trusted = false, allow_downgrade = false, help = false;
  unsigned delay_seconds = 0;
  long max_seconds = default_seconds_per_request;
};

// A whole number of seconds from `least` to 9999.
bool parse_seconds(const std::string& v, unsigned long least, unsigned long& out) {
  if (v.empty() || v.size() > 4 || v.find_first_not_of("0123456789") != std::string::npos) return false;
  out = std::stoul(v);
  return out >= least;
}

bool split_user(const std::string& arg, std::string& user, std::string& password) {
  const auto colon = arg.find(':');
  if (colon == std::string::npos) return false;
  user = arg.substr(0, colon);
  password = arg.substr(colon + 1);
  return true;
}

bool parse_args(int argc, char** argv, options& o) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    const bool has_value = i + 1 < argc;
    if (a == "--help" || a == "-h") {
      o.help = true;
    } else if (a == "-v") {
      o.verbose = true;
    } else if (a == "--basic") {
      o.basic = true;
    } else if (a == "--proxy-basic") {
      o.proxy_basic = true;
    } else if (a == "-L" || a == "--location") {
      o.follow = true;
    } else if (a == "--location-trusted") {
      o.follow = o.location_trusted = true;
    } else if (a == "--allow-downgrade") {
      o.allow_downgrade = true;
    } else if (a == "--user" && has_value) {
      if (!split_user(argv[++i], o.user, o.password)) return false;
      o.has_user = true;
    } else if (a == "--delay" && has_value) {
      unsigned long seconds = 0;
      if (!parse_seconds(argv[++i], 0, seconds)) return false;
      o.delay_seconds = static_cast<unsigned>(seconds);
    } else if (a == "--max-time" && has_value) {
      unsigned long seconds = 0;
      if (!parse_seconds(argv[++i], 1, seconds)) return false;
      o.max_seconds = static_cast<long>(seconds);
    } else if (a == "--cacert" && has_value) {
      o.cacert = argv[++i];
    } else if (a == "--token" && has_value) {
      o.token = argv[++i];
    } else if (a == "--proxy" && has_value) {
      o.proxy = argv[++i];
    } else if (a == "--proxy-user" && has_value) {
      if (!split_user(argv[++i], o.proxy_user, o.proxy_password)) return false;
      o.has_proxy_user = true;
    } else if (!a.empty() && a[0] != '-' && o.url.empty()) {
      o.url = std::string(a);
    } else {
      return false;
    }
  }
  return o.help || (!o.url.empty() && (!o.has_proxy_user || !o.proxy.empty()));
}

using wwwauth_tools::printable;  // server text through the tools' escaping rule

// A value as printed: escaped, and cut after max_shown_value_bytes (a 100 KB nonce is no
// message), saying how long it was.
std::string shown(std::string_view value) {
  if (value.size() <= max_shown_value_bytes) return printable(value);
  return printable(value.substr(0, max_shown_value_bytes)) + "... (" + std::to_string(value.size()) + " bytes)";
}

bool starts_with_icase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && wwwauth::iequals(s.substr(0, prefix.size()), prefix);
}

// scheme://host:port of a URL, through libcurl's parser ("" when it does not parse).
std::string origin_of(const std::string& url) {
  CURLU* u = curl_url();
  std::string out;
  char *scheme = nullptr, *host = nullptr, *port = nullptr;
  if (u != nullptr && curl_url_set(u, CURLUPART_URL, url.c_str(), 0) == CURLUE_OK &&
      curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
      curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK &&
      curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) == CURLUE_OK)
    out = std::string(scheme) + "://" + host + ":" + port;
  curl_free(scheme);
  curl_free(host);
  curl_free(port);
  curl_url_cleanup(u);
  return out;
}

void print_challenges(const wwwauth::field_lines<>& lines) {
  const wwwauth::challenge_list list = wwwauth::parse_challenges(lines, wwwauth::mode::lenient);
  std::size_t i = 0;
  for (const wwwauth::challenge& c : list) {
    std::printf("    [%zu] %s", i++, shown(c.scheme()).c_str());
    if (c.has_token68()) std::printf(" %s", shown(c.token68()).c_str());
    for (const wwwauth::auth_param& p : c.params()) {
      const char* quote = p.value().quoted() ? "\"" : "";  // as the server wrote it, escapes kept
      std::printf(" %s=%s%s%s", shown(p.name()).c_str(), quote, shown(p.value().raw()).c_str(), quote);
    }
    std::printf("\n");
  }
  if (list.error())
    std::printf("    syntax error in field %zu at byte %zu: %s\n", list.error().field, list.error().offset,
                std::string(list.error().message()).c_str());
}

// A response body: the first max_body_bytes kept, the rest only counted.
struct body_sink {
  std::string kept;
  std::size_t total = 0;
  bool complete() const { return total == kept.size(); }
  static std::size_t write(char* data, std::size_t size, std::size_t n, void* self) {
    auto* sink = static_cast<body_sink*>(self);
    const std::size_t bytes = size * n;
    sink->total += bytes;
    if (sink->kept.size() < max_body_bytes)
      sink->kept.append(data, std::min(bytes, max_body_bytes - sink->kept.size()));
    return bytes;
  }
};

using authenticator = wwwauth::authenticator<>;

// One party (origin or proxy): its authenticator and what the tool prints about it.
struct party {
  authenticator auth;
  const char* name;    // "server" or "proxy"
  bool plain_http;     // its connection is not TLS: Basic sends the password readable
  bool basic_allowed;  // --basic / --proxy-basic
};

// Reads the last response for one party, prints it, and says whether to send the request again.
bool handle(CURL* curl, party& p, wwwauth::curl::route route, const body_sink& body, bool& ok) {
  const int status = static_cast<int>(wwwauth::curl::status_for(curl, p.auth.party(), route));
  const bool challenged = status == p.auth.challenge_status();
  const std::string challenge_name(p.auth.challenge_header());
  // In a tunnel the proxy's response is the CONNECT's: its headers, and no body.
  const bool connect = p.auth.party() == wwwauth::auth_party::proxy && route == wwwauth::curl::route::tunnel;
  const unsigned int origin = connect ? CURLH_CONNECT : CURLH_HEADER;
  if (challenged) {
    using lines_type = wwwauth::field_lines<>;
    const lines_type lines = wwwauth::curl::header_values(curl, challenge_name.c_str(), origin);
    const std::size_t count = wwwauth::curl::header_count(curl, challenge_name.c_str(), origin);
    if (lines.overflowed()) {
      std::printf("< %d: %zu %s field(s), more than the %zu read\n", status, count, challenge_name.c_str(),
                  lines_type::capacity());
    } else {
      std::printf("< %d: %zu %s field(s), %zu challenge(s)\n", status, count, challenge_name.c_str(),
                  wwwauth::parse_challenges(lines, wwwauth::mode::lenient).size());
      print_challenges(lines);
    }
  }
  const std::string info_name(p.auth.info_header());
  const bool has_info = wwwauth::curl::header_count(curl, info_name.c_str(), origin) != 0;
  if (!challenged && has_info && p.auth.needs_response_body() && !connect && !body.complete()) {
    std::printf("  rspauth with qop=auth-int covers the whole body, which is over %zu bytes: not verified\n",
                max_body_bytes);
    ok = false;
    return false;
  }
  const auto v = wwwauth::curl::read_response(curl, p.auth, route, connect ? std::string_view() : body.kept);
  if (challenged) {
    for (const wwwauth::hint& h : v.hints)
      std::printf("  hint %s: %s\n", std::string(h.code()).c_str(), std::string(h.text()).c_str());
  }
  switch (v.step) {
    case wwwauth::auth_step::done:
      if (v.proven) std::printf("  rspauth: verified\n");
      if (v.error != wwwauth::auth_errc::none)
        std::printf("  nextnonce not kept: %s; the old nonce serves on\n", std::string(v.message()).c_str());
      return false;
    case wwwauth::auth_step::retry: {
      const wwwauth::challenge c = p.auth.answered();
      if (v.hints.contains(wwwauth::hint_id::retry_stale))
        std::printf("  stale nonce: answering once more with the new one\n");
      std::printf("  answering [%zu] %s\n", v.chosen, printable(c.scheme()).c_str());
      if (c.scheme_is("Basic") && p.plain_http)
        std::fprintf(stderr, "warning: sending the %s password over plain http, readable on the network\n", p.name);
      return true;
    }
    case wwwauth::auth_step::ask_user: std::printf("  credentials rejected: ask the user for new ones\n"); break;
    case wwwauth::auth_step::other_realm:
      std::printf("  credentials rejected: the %s asks for another realm\n", p.name);
      break;
    case wwwauth::auth_step::cannot_answer:
      if (v.error == wwwauth::auth_errc::none_answerable && !p.basic_allowed && p.plain_http && challenged) {
        std::printf("  nothing to answer: %s (Basic over plain http needs --%sbasic)\n",
                    std::string(v.message()).c_str(), p.auth.party() == wwwauth::auth_party::proxy ? "proxy-" : "");
      } else if (v.error == wwwauth::auth_errc::none_answerable || v.error == wwwauth::auth_errc::no_credentials) {
        std::printf("  nothing to answer: %s\n", std::string(v.message()).c_str());
      } else {
        std::printf("  cannot answer: %s%s\n", std::string(v.message()).c_str(),
                    v.error == wwwauth::auth_errc::scheme_withdrawn ? " (--allow-downgrade to answer anyway)" : "");
      }
      break;
  }
  ok = false;
  return false;
}

// Adds the party's answer to the request's headers; false (with a message) when it cannot be built.
bool add_answer(wwwauth::curl::request_headers& headers, party& p) {
  const wwwauth::auth_answer a = headers.add(p.auth);
  if (!a)
    std::printf("  cannot answer %s: %s\n", printable(p.auth.answered().scheme()).c_str(),
                std::string(a.message()).c_str());
  return static_cast<bool>(a);
}

}  // namespace

int main(int argc, char** argv) {
  options o;
  if (!parse_args(argc, argv, o)) {
    std::fputs(usage, stderr);
    return 2;
  }
  if (o.help) {
    std::fputs(usage, stdout);
    return 0;
  }
  if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) return 1;
  CURL* curl = curl_easy_init();
  if (!curl) return 1;

  wwwauth::os_entropy entropy;
  std::string url = o.url;
  party origin{authenticator(wwwauth::auth_party::origin), "server", !starts_with_icase(url, "https://"), o.basic};
  party proxy{authenticator(wwwauth::auth_party::proxy), "proxy", !starts_with_icase(o.proxy, "https://"),
              o.proxy_basic};
  auto setup = [&](party& p, const std::string& user, const std::string& password, bool has_user,
                   const std::string& token) {
    if (has_user) p.auth.use_password(user, password);
    if (!token.empty()) p.auth.use_token(token);
    wwwauth::client_abilities can = wwwauth::client_abilities::everything();
    if (p.plain_http && !p.basic_allowed) {  // curl's habit: Basic only when asked for (--basic)
      can = wwwauth::client_abilities{};
      can.allow(wwwauth::scheme_id::digest).allow(wwwauth::scheme_id::bearer);
    }
    p.auth.use_entropy(entropy).allow(can).allow_downgrade(o.allow_downgrade);
  };
  setup(origin, o.user, o.password, o.has_user, o.token);
  setup(proxy, o.proxy_user, o.proxy_password, o.has_proxy_user, "");

  long status = 0;
  bool ok = false;
  int redirects = 0;
  body_sink body;
  int round = 0;
  for (; round < max_rounds; ++round) {
    ok = false;  // decided by this round alone: a failure after an answer is no success
    const wwwauth::curl::route route = wwwauth::curl::route_of(url, o.proxy);
    wwwauth::curl::request_headers headers(url, route);  // the proxy's go in CONNECT only, in a tunnel
    if (!add_answer(headers, origin) || !add_answer(headers, proxy)) break;
    body = body_sink{};
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    headers.set_on(curl);
    if (!o.cacert.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, o.cacert.c_str());
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, body_sink::write);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, o.max_seconds);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_PROXY,
                     o.proxy.empty() ? "" : o.proxy.c_str());  // "": no proxy, not even from the environment
    std::printf("> GET %s%s%s\n", printable(url).c_str(), origin.auth.has_challenge() ? " with Authorization" : "",
                proxy.auth.has_challenge() ? " with Proxy-Authorization" : "");
    std::array<char, CURL_ERROR_SIZE> error{};
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error.data());
    const CURLcode rc = curl_easy_perform(curl);
    long connect_status = 0;
    curl_easy_getinfo(curl, CURLINFO_HTTP_CONNECTCODE, &connect_status);
    if (rc != CURLE_OK && connect_status != 407) {  // a 407 to CONNECT fails the transfer
      // libcurl says nothing more when a header line outgrows its buffer (100 KiB).
      const char* detail = error[0] != '\0'            ? error.data()
                           : rc == CURLE_OUT_OF_MEMORY ? "a response header line over libcurl's 100 KiB?"
                                                       : "";
      std::printf("transfer failed: %s%s%s%s\n", curl_easy_strerror(rc), *detail != '\0' ? " (" : "",
                  printable(detail).c_str(), *detail != '\0' ? ")" : "");
      status = 0;
      break;
    }
    status = rc == CURLE_OK ? 0 : connect_status;
    if (rc == CURLE_OK) curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    if (o.verbose) {
      for (const unsigned int from :
           {static_cast<unsigned int>(CURLH_CONNECT), static_cast<unsigned int>(CURLH_HEADER)}) {
        // Each step walks the whole list of headers: a response with 10,000 is shown in part.
        curl_header* prev = nullptr;
        int shown_lines = 0;
        while (curl_header* h = curl_easy_nextheader(curl, from, -1, prev)) {
          if (++shown_lines > max_shown_header_lines) {
            std::printf("<   %s... (more header lines not shown)\n", from == CURLH_CONNECT ? "(CONNECT) " : "");
            break;
          }
          std::printf("<   %s%s: %s\n", from == CURLH_CONNECT ? "(CONNECT) " : "", shown(h->name).c_str(),
                      shown(h->value).c_str());
          prev = h;
        }
      }
    }
    if (status == 407 && o.proxy.empty()) {
      std::printf("< 407 without a configured proxy: not answered (proxy credentials go only to --proxy)\n");
      break;
    }
    if (status == 407 && route == wwwauth::curl::route::tunnel && connect_status != 407) {
      std::printf("< 407 from inside the tunnel, not from the proxy: not answered\n");
      break;
    }
    bool proceed = true;
    if (handle(curl, proxy, route, body, proceed)) continue;
    if (!proceed) break;
    char* location = nullptr;
    curl_easy_getinfo(curl, CURLINFO_REDIRECT_URL, &location);
    if (status >= 300 && status < 400 && location != nullptr && o.follow) {
      if (++redirects > max_redirects) {
        std::printf("more than %d redirects\n", max_redirects);
        break;
      }
      const std::string next = location;
      std::printf("< %ld: redirect to %s\n", status, printable(next).c_str());
      origin.plain_http = !starts_with_icase(next, "https://");
      if (origin_of(next) != origin_of(url)) {
        // curl's rule since CVE-2018-1000007, by origin as browsers do: no credentials elsewhere.
        const bool send = o.location_trusted;
        if (!send && (o.has_user || !o.token.empty()))
          std::printf("  another origin: credentials are not sent there (--location-trusted to send them)\n");
        origin.auth = authenticator(wwwauth::auth_party::origin);
        setup(origin, o.user, o.password, send && o.has_user, send ? o.token : std::string());
      }
      url = next;
      continue;
    }
    ok = true;
    const bool again = handle(curl, origin, route, body, ok);
    if (again) {
      if (round == 0 && o.delay_seconds != 0) std::this_thread::sleep_for(std::chrono::seconds(o.delay_seconds));
      continue;
    }
    ok = ok && status >= 200 && status < 300;
    break;
  }
  if (round == max_rounds) std::printf("stopped: %d requests in all is the limit\n", max_rounds);
  std::printf("final status: %ld\n", status);
  curl_easy_cleanup(curl);
  curl_global_cleanup();
  return ok ? 0 : 1;
}
