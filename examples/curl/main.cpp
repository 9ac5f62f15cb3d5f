// wwwauth-curl: fetch a URL with libcurl and answer its 401/407 with wwwauth alone.
//
//   wwwauth-curl URL [--user USER:PASS] [--token TOKEN] [--proxy URL --proxy-user USER:PASS]
//                    [--cacert FILE] [--delay SECONDS] [-v]
//
// libcurl only moves bytes: its own authentication (CURLOPT_HTTPAUTH, CURLOPT_USERPWD, ...) is
// never enabled. On a 401 or 407 every WWW-Authenticate / Proxy-Authenticate field is read
// (curl_easy_nextheader), the challenges and wwwauth's diagnosis are printed, select_best()
// picks the strongest challenge the given credentials can answer, and wwwauth builds the
// Authorization / Proxy-Authorization value. A rejected answer is not retried, except once
// when a Digest challenge says stale=true (RFC 7616 section 3.3: the nonce expired, the
// password was right). After a 2xx, a Digest server's rspauth (Authentication-Info) is checked.
//
// Exit status: 0 final response 2xx (and rspauth, when sent, verified); 1 anything else;
// 2 usage error. Secrets are never printed.
#include <curl/curl.h>

#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <wwwauth/ascii.hpp>
#include <wwwauth/basic_credentials.hpp>
#include <wwwauth/bearer_credentials.hpp>
#include <wwwauth/challenge.hpp>
#include <wwwauth/credentials.hpp>
#include <wwwauth/diagnose.hpp>
#include <wwwauth/digest_credentials.hpp>
#include <wwwauth/param_list.hpp>
#include <wwwauth/select.hpp>
#include <wwwauth_tools/escape.hpp>

namespace {

constexpr const char* usage =
    "usage: wwwauth-curl URL [--user USER:PASS] [--token TOKEN] [--proxy URL --proxy-user USER:PASS]\n"
    "                    [--cacert FILE] [--delay SECONDS] [-v]\n"
    "Fetches URL (GET) and answers Basic, Digest or Bearer challenges with wwwauth.\n"
    "  --cacert  certificates to verify an https server with (default: the system's)\n"
    "  --delay   wait before the first answer (shows how a server treats an expired nonce)\n"
    "  -v        print every response header\n"
    "Exit status: 0 final response 2xx, 1 otherwise, 2 usage error.\n";

struct options {
  std::string url, user, password, token, proxy, proxy_user, proxy_password, cacert;
  bool has_user = false, has_proxy_user = false, verbose = false;
  unsigned delay_seconds = 0;
};

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
    if (a == "-v") {
      o.verbose = true;
    } else if (a == "--user" && has_value) {
      if (!split_user(argv[++i], o.user, o.password)) return false;
      o.has_user = true;
    } else if (a == "--delay" && has_value) {
      const std::string_view v = argv[++i];
      if (v.empty() || v.size() > 4 || v.find_first_not_of("0123456789") != std::string_view::npos) return false;
      o.delay_seconds = static_cast<unsigned>(std::stoul(std::string(v)));
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
  return !o.url.empty() && (!o.has_proxy_user || !o.proxy.empty());
}

using wwwauth_tools::printable;  // server text through the tools' escaping rule

// The request-target forms of RFC 9112 section 3.2, one of which Digest's uri must echo.
enum class target_form { origin, absolute, authority };

// Everything one side (origin or proxy) needs to answer and, later, to check rspauth.
struct side {
  bool proxy = false;
  target_form form = target_form::origin;  // how this side sees the request-target
  const char* challenge_header = "WWW-Authenticate";
  const char* authorization_header = "Authorization";
  const char* info_header = "Authentication-Info";
  std::string user, password, token;
  bool has_password = false;

  std::vector<std::string> fields;  // the challenge fields answered (owned: views point here)
  std::size_t chosen = 0;           // index of the answered challenge in `fields`' list
  std::string value;                // the Authorization value sent; empty before the first answer
  std::string method = "GET", uri, cnonce;
  wwwauth::digest_input digest{};
  bool answered_digest = false;
  bool sent = false;  // `value` went out in a request already
  bool stale_retry_used = false;

  wwwauth::challenge_list list() const {
    return wwwauth::parse_challenges(views.data(), views.size(), wwwauth::mode::lenient);
  }
  wwwauth::challenge chosen_challenge() const {
    const wwwauth::challenge_list l = list();
    auto it = l.begin();
    for (std::size_t i = 0; i < chosen; ++i) ++it;
    return *it;
  }
  void keep(std::vector<std::string> f) {
    fields = std::move(f);
    views.assign(fields.begin(), fields.end());
  }
  std::vector<std::string_view> views;
};

std::string random_cnonce() {
  std::random_device rd;
  std::string out;
  for (int i = 0; i < 16; ++i) {
    const unsigned b = rd() & 0xffU;
    out += wwwauth::detail::hex_digits[b >> 4];
    out += wwwauth::detail::hex_digits[b & 0xfU];
  }
  return out;
}

// One part of a URL ("" when absent), through libcurl's parser.
std::string url_part(const std::string& url, CURLUPart part, unsigned flags = 0) {
  std::string out;
  CURLU* u = curl_url();
  char* value = nullptr;
  if (curl_url_set(u, CURLUPART_URL, url.c_str(), 0) == CURLUE_OK && curl_url_get(u, part, &value, flags) == CURLUE_OK &&
      value)
    out = value;
  curl_free(value);
  curl_url_cleanup(u);
  return out;
}

// origin-form to a server, absolute-form to a forward proxy, authority-form in CONNECT (a
// tunnel to an https server through the proxy).
std::string request_target(const std::string& url, target_form form) {
  switch (form) {
    case target_form::absolute: return url;
    case target_form::authority:
      return url_part(url, CURLUPART_HOST) + ":" + url_part(url, CURLUPART_PORT, CURLU_DEFAULT_PORT);
    case target_form::origin: break;
  }
  const std::string query = url_part(url, CURLUPART_QUERY);
  return url_part(url, CURLUPART_PATH) + (query.empty() ? "" : "?" + query);
}

std::vector<std::string> header_values(CURL* curl, std::string_view name) {
  std::vector<std::string> out;
  curl_header* prev = nullptr;
  while (curl_header* h = curl_easy_nextheader(curl, CURLH_HEADER | CURLH_CONNECT, -1, prev)) {
    if (wwwauth::iequals(h->name, name)) out.emplace_back(h->value);
    prev = h;
  }
  return out;
}

void print_challenges(const wwwauth::challenge_list& list) {
  std::size_t i = 0;
  for (const wwwauth::challenge& c : list) {
    std::printf("    [%zu] %s", i++, printable(c.scheme()).c_str());
    if (c.has_token68()) std::printf(" %s", printable(c.token68()).c_str());
    for (const wwwauth::auth_param& p : c.params()) {
      const char* quote = p.value().quoted() ? "\"" : "";  // as the server wrote it, escapes kept
      std::printf(" %s=%s%s%s", printable(p.name()).c_str(), quote, printable(p.value().raw()).c_str(), quote);
    }
    std::printf("\n");
  }
  if (list.error())
    std::printf("    syntax error in field %zu at byte %zu: %s\n", list.error().field, list.error().offset,
                std::string(list.error().message()).c_str());
}

void print_diagnosis(int status, const wwwauth::challenge_list& list, const side& s) {
  const auto sent_creds = wwwauth::parse_credentials(s.value);
  const wwwauth::request_info sent =
      s.value.empty() ? wwwauth::request_info::no_credentials() : wwwauth::request_info::from(sent_creds);
  for (const wwwauth::hint& h : wwwauth::diagnose(status, list, sent))
    std::printf("  hint %s: %s\n", std::string(h.code()).c_str(), std::string(h.text()).c_str());
}

// Builds s.value for the chosen challenge; false (with a message) when it cannot.
bool answer(side& s, const wwwauth::challenge& c, const std::string& url) {
  std::string out;
  wwwauth::build_errc error = wwwauth::build_errc::none;
  s.answered_digest = false;
  if (c.scheme_is("Basic")) {
    error = wwwauth::write_basic_credentials(c, s.user, s.password, std::back_inserter(out)).error;
  } else if (c.scheme_is("Bearer")) {
    error = wwwauth::write_bearer_credentials(s.token, std::back_inserter(out)).error;
  } else {  // Digest: select_best() offers nothing else for the abilities we declare
    s.uri = request_target(url, s.form);
    s.cnonce = random_cnonce();
    s.digest = wwwauth::digest_input{};
    s.digest.username = s.user;
    s.digest.password = s.password;
    s.digest.method = s.method;
    s.digest.uri = s.uri;
    s.digest.cnonce = s.cnonce;
    s.digest.nc = 1;  // the first request with this nonce
    error = wwwauth::write_digest_credentials(c, s.digest, std::back_inserter(out)).error;
    s.answered_digest = true;
  }
  if (error != wwwauth::build_errc::none) {
    std::printf("  cannot answer %s: %s\n", printable(c.scheme()).c_str(), std::string(wwwauth::message(error)).c_str());
    return false;
  }
  s.value = out;
  s.sent = false;
  return true;
}

// RFC 7616 section 3.4: nc counts the requests sent with one nonce, and each request gets
// its own response; resending the same Authorization would be a replay.
void renew_digest(side& s) {
  ++s.digest.nc;
  std::string out;
  wwwauth::write_digest_credentials(s.chosen_challenge(), s.digest, std::back_inserter(out));
  s.value = out;
}

// Handles a 401/407 for one side: true when a new answer is ready to send.
bool handle_challenge(int status, side& s, CURL* curl, const std::string& url) {
  s.keep(header_values(curl, s.challenge_header));
  const wwwauth::challenge_list list = s.list();
  std::printf("< %d: %zu %s field(s), %zu challenge(s)\n", status, s.fields.size(), s.challenge_header, list.size());
  print_challenges(list);
  print_diagnosis(status, list, s);

  wwwauth::client_abilities can;
  if (s.has_password) can.allow(wwwauth::scheme_id::basic).allow(wwwauth::scheme_id::digest);
  if (!s.token.empty()) can.allow(wwwauth::scheme_id::bearer);
  if (!s.has_password && s.token.empty()) {
    std::printf("  no credentials given for the %s\n", s.proxy ? "proxy (--proxy-user)" : "server (--user or --token)");
    return false;
  }
  if (!s.value.empty()) {
    // Already answered: retry only when the server says the nonce, not the password, was bad.
    bool stale = false;
    for (const wwwauth::challenge& c : list) {
      const auto p = c.param("stale");
      stale = stale || (c.scheme_is("Digest") && p && p.value().iequals("true"));
    }
    if (!stale || s.stale_retry_used) {
      std::printf("  credentials rejected%s\n", stale ? " (stale again)" : "");
      return false;
    }
    s.stale_retry_used = true;
    std::printf("  stale nonce: answering once more with the new one\n");
  }
  const wwwauth::selection sel = wwwauth::select_best(list, can);
  if (!sel) {
    std::printf("  nothing to answer: %s\n", std::string(sel.why()).c_str());
    return false;
  }
  s.chosen = sel.index;
  std::printf("  answering [%zu] %s: %s\n", sel.index, printable(sel.chosen.scheme()).c_str(),
              std::string(sel.why()).c_str());
  return answer(s, sel.chosen, url);
}

// RFC 7616 section 3.5: a server that knows the password proves it in rspauth.
// Returns false only when rspauth is present and wrong.
bool check_rspauth(CURL* curl, const side& s, const std::string& body) {
  if (!s.answered_digest) return true;
  std::vector<std::string> info_fields = header_values(curl, s.info_header);
  if (info_fields.empty()) {
    std::printf("  no %s: the server did not prove it knows the password (optional in RFC 7616)\n", s.info_header);
    return true;
  }
  const std::vector<std::string_view> info_views(info_fields.begin(), info_fields.end());
  const auto info = wwwauth::parse_auth_info(info_views.data(), info_views.size(), wwwauth::mode::lenient);
  const wwwauth::build_errc result = wwwauth::verify_authentication_info(s.chosen_challenge(), s.digest, info, body);
  if (result == wwwauth::build_errc::missing_rspauth) {
    std::printf("  %s without rspauth\n", s.info_header);
    return true;
  }
  std::printf("  rspauth: %s\n", result == wwwauth::build_errc::none ? "verified" : std::string(wwwauth::message(result)).c_str());
  return result == wwwauth::build_errc::none;
}

std::size_t collect_body(char* data, std::size_t size, std::size_t n, void* target) {
  auto* body = static_cast<std::string*>(target);
  const std::size_t bytes = size * n;
  if (body->size() < (1U << 20)) body->append(data, bytes);  // kept for auth-int rspauth; capped
  return bytes;
}

}  // namespace

int main(int argc, char** argv) {
  options o;
  if (!parse_args(argc, argv, o)) {
    std::fputs(usage, stderr);
    return 2;
  }
  if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) return 1;
  CURL* curl = curl_easy_init();
  if (!curl) return 1;

  side origin, proxy;
  origin.user = o.user;
  origin.password = o.password;
  origin.has_password = o.has_user;
  origin.token = o.token;
  proxy.proxy = true;
  // Through a proxy an https URL is a CONNECT tunnel: the proxy sees only host:port, and its
  // credentials must go in the CONNECT request alone, never to the server inside the tunnel.
  const bool tunnel = !o.proxy.empty() && wwwauth::iequals(url_part(o.url, CURLUPART_SCHEME), "https");
  proxy.form = tunnel ? target_form::authority : target_form::absolute;
  proxy.challenge_header = "Proxy-Authenticate";
  proxy.authorization_header = "Proxy-Authorization";
  proxy.info_header = "Proxy-Authentication-Info";
  proxy.user = o.proxy_user;
  proxy.password = o.proxy_password;
  proxy.has_password = o.has_proxy_user;

  long status = 0;
  std::string body;
  bool ok = false;
  // At most: proxy answer, proxy stale retry, origin answer, origin stale retry, plus the first try.
  for (int attempt = 0; attempt < 5; ++attempt) {
    curl_slist* headers = nullptr;        // to the server (and to a proxy forwarding plain http)
    curl_slist* proxy_headers = nullptr;  // in CONNECT only
    for (side* s : {&origin, &proxy}) {
      if (s->value.empty()) continue;
      if (s->answered_digest && s->sent) renew_digest(*s);
      curl_slist*& list = s->proxy && tunnel ? proxy_headers : headers;
      list = curl_slist_append(list, (std::string(s->authorization_header) + ": " + s->value).c_str());
      s->sent = true;
    }
    body.clear();
    curl_easy_setopt(curl, CURLOPT_URL, o.url.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_PROXYHEADER, proxy_headers);
    curl_easy_setopt(curl, CURLOPT_HEADEROPT, CURLHEADER_SEPARATE);
    if (!o.cacert.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, o.cacert.c_str());
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
    if (!o.proxy.empty()) curl_easy_setopt(curl, CURLOPT_PROXY, o.proxy.c_str());
    std::printf("> GET %s%s%s\n", printable(o.url).c_str(), origin.value.empty() ? "" : " with Authorization",
                proxy.value.empty() ? "" : " with Proxy-Authorization");
    const CURLcode rc = curl_easy_perform(curl);
    curl_slist_free_all(headers);
    curl_slist_free_all(proxy_headers);
    long connect_status = 0;
    curl_easy_getinfo(curl, CURLINFO_HTTP_CONNECTCODE, &connect_status);
    if (rc != CURLE_OK && connect_status != 407) {  // a 407 to CONNECT fails the transfer
      std::printf("transfer failed: %s\n", curl_easy_strerror(rc));
      status = 0;
      break;
    }
    if (rc == CURLE_OK) curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    else status = connect_status;
    if (o.verbose) {
      curl_header* prev = nullptr;
      while (curl_header* h = curl_easy_nextheader(curl, CURLH_HEADER | CURLH_CONNECT, -1, prev)) {
        std::printf("<   %s: %s\n", printable(h->name).c_str(), printable(h->value).c_str());
        prev = h;
      }
    }
    if (status == 401 || status == 407) {
      if (!handle_challenge(static_cast<int>(status), status == 407 ? proxy : origin, curl, o.url)) break;
      if (attempt == 0 && o.delay_seconds != 0) std::this_thread::sleep_for(std::chrono::seconds(o.delay_seconds));
      continue;
    }
    ok = status >= 200 && status < 300;
    if (ok) ok = check_rspauth(curl, proxy, body) && check_rspauth(curl, origin, body);
    break;
  }
  std::printf("final status: %ld\n", status);
  curl_easy_cleanup(curl);
  curl_global_cleanup();
  return ok ? 0 : 1;
}
