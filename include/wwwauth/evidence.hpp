// Evidence for the fixes everybody tries first on a 401 (check the URL, clear cookies, flush
// DNS, deactivate plugins, use https): each is attached only where the exchanges show its
// reason. add_evidence() reads an exchange_history (exchange.hpp), whose last exchange is the
// one explained, and appends to a hint_list (hint.hpp) what it finds:
//
//   redirect.credentials_dropped  credentials went out, a redirect left their origin, and the
//                                 401 came from a request that carried none
//   cookie.expired_session        the 401 deletes a cookie the request sent
//   cms.wordpress                 the refusal comes from WordPress or a security plugin of it
//   dns.host_is_address           Negotiate/Kerberos with an IP address for a host
//   transport.basic_over_http     Basic offered or sent over plain http
//
// Each hint's params() are what was seen: a name saying what ("sent_to", "location", "url",
// "cookie", "max-age", "expires", "date", "signature", "code", "link", "host") and the value
// as a view into the caller's exchanges (a URL's userinfo is left out: it may hold a password). Any bytes are read safely; nothing is allocated.
//
//     auto hints = wwwauth::diagnose(final.status, challenges, sent);
//     wwwauth::add_evidence(hints, history, challenges);
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "challenge.hpp"
#include "cookie.hpp"
#include "detail/ascii.hpp"
#include "hint.hpp"
#include "exchange.hpp"
#include "hint_catalog.hpp"
#include "registry.hpp"
#include "url.hpp"

namespace wwwauth {

// The time a cookie's Expires is compared with when the response has no Date field (RFC 9110
// section 6.6.1 makes Date mandatory for an origin server with a clock, so this is rare):
// 2000-01-01T00:00:00Z. Servers delete cookies with an Expires in 1970 (PHP) or a year before
// the response (WordPress, with a Date); a date before 2000 can be in nobody's future, so no
// live cookie is ever taken for a deleted one.
inline constexpr std::int64_t cookie_reference_time = 946684800;

namespace detail {

constexpr auth_param seen(std::string_view what, std::string_view value) noexcept {
  return {what, param_value(value, false, 0)};
}

// A URL to show as evidence: without its userinfo (which may hold a password), the view then
// starting at the host.
constexpr std::string_view shown_url(std::string_view url) noexcept {
  const url_view u = parse_url(url);
  if (u.error() || u.userinfo().data() == nullptr) return url;
  return url.substr(static_cast<std::size_t>(u.host().data() - url.data()));
}

// The auth-scheme of an Authorization value: its first token (RFC 9110 section 11.6.2).
constexpr std::string_view credentials_scheme(std::string_view value) noexcept {
  std::size_t i = 0;
  while (i < value.size() && (value[i] == ' ' || value[i] == '\t')) ++i;
  std::size_t end = i;
  while (end < value.size() && chars::is_tchar(value[end])) ++end;
  return value.substr(i, end - i);
}

constexpr std::size_t find_icase(std::string_view haystack, std::string_view needle) noexcept {
  if (needle.empty() || needle.size() > haystack.size()) return std::string_view::npos;
  for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
    if (iequals(haystack.substr(i, needle.size()), needle)) return i;
  }
  return std::string_view::npos;
}

// The first challenge of scheme a (or b), or hint::npos.
constexpr std::size_t find_scheme(const challenge_list& list, scheme_id a, scheme_id b) noexcept {
  std::size_t i = 0;
  for (const challenge& c : list) {
    const lookup_result<scheme_id> s = lookup_scheme(c.scheme());
    if (s && (s.id == a || s.id == b)) return i;
    ++i;
  }
  return hint::npos;
}

constexpr std::size_t find_scheme(const challenge_list& list, scheme_id a) noexcept { return find_scheme(list, a, a); }

constexpr bool is_scheme(std::string_view name, scheme_id a, scheme_id b) noexcept {
  const lookup_result<scheme_id> s = lookup_scheme(name);
  return s && (s.id == a || s.id == b);
}

// ---- redirect.credentials_dropped
// curl (CVE-2018-1000007, and since 7.83 on a scheme or port change) and browsers (RFC 6454
// origins) keep Authorization only within the origin it was given for. Proxy credentials are
// the proxy's and survive redirects, so only a 401 is read here.
template <std::size_t N>
constexpr void explain_redirect(hint_list<N>& out, exchange_history h) noexcept {
  const exchange& last = h.back();
  if (last.status != 401 || h.size() < 2 || !h[h.size() - 2].followed_redirect) return;
  if (last.request_headers.find("Authorization")) return;
  const url_view final_url = parse_url(last.url);
  if (final_url.error()) return;
  // The nearest exchange along the redirect chain that sent credentials.
  for (std::size_t k = h.size() - 1; k > 0 && h[k - 1].followed_redirect; --k) {
    const exchange& sender = h[k - 1];
    if (!sender.request_headers.find("Authorization")) continue;
    const url_view from = parse_url(sender.url);
    if (from.error() || same_origin(from, final_url)) return;
    hint dropped(hints::redirect_credentials_dropped, hint::npos);
    dropped.with(seen("sent_to", shown_url(sender.url)));
    const header_field location = h[h.size() - 2].response_headers.find("Location");
    if (location) dropped.with(seen("location", location.value));
    out.push(dropped.with(seen("url", shown_url(last.url))));
    return;
  }
}

// ---- cookie.expired_session
template <std::size_t N>
constexpr void explain_cookies(hint_list<N>& out, const exchange& e) noexcept {
  if (e.status != 401 && e.status != 407) return;
  const header_field date = e.response_headers.find("Date");
  const cookie_time date_time = parse_cookie_date(date.value);
  const std::int64_t now = date_time ? date_time.seconds : cookie_reference_time;
  e.response_headers.for_each("Set-Cookie", [&](const header_field& field) {
    const set_cookie c = parse_set_cookie(field.value);
    if (!c || !c.deleted_at(now)) return true;
    bool sent = false;
    e.request_headers.for_each("Cookie", [&](const header_field& cookie_field) {
      for_each_cookie(cookie_field.value, [&](const cookie_pair& p) {
        sent = p.name == c.name();  // cookie names are case-sensitive (RFC 6265 section 5.3)
        return !sent;
      });
      return !sent;
    });
    if (!sent) return true;
    hint h(hints::cookie_expired_session, hint::npos);
    h.with(seen("cookie", c.name()));
    if (c.max_age_valid()) {
      h.with(seen("max-age", c.max_age()));
    } else {
      h.with(seen("expires", c.expires()));
      if (date_time) h.with(seen("date", date.value));
    }
    out.push(h);
    return false;  // one hint says it: the session cookie is gone
  });
}

// ---- cms.wordpress
struct plugin_signature {
  std::string_view text;  // matched ASCII case-insensitively in the body
  const hint_spec* spec;
};
// Text that only these plugins' pages carry: their own wording, or their folder under
// wp-content/plugins (the slug of the plugin directory on wordpress.org).
inline constexpr std::array<plugin_signature, 9> plugin_signatures{{
    {"Generated by Wordfence", &hints::cms_wordpress_wordfence},
    {"Your access to this site has been limited by the site owner", &hints::cms_wordpress_wordfence},
    {"/wp-content/plugins/wordfence/", &hints::cms_wordpress_wordfence},
    {"/wp-content/plugins/better-wp-security/", &hints::cms_wordpress_solid_security},
    {"/wp-content/plugins/ithemes-security-pro/", &hints::cms_wordpress_solid_security},
    {"/wp-content/plugins/all-in-one-wp-security-and-firewall/", &hints::cms_wordpress_aios},
    {"Access from your IP address has been blocked for security reasons", &hints::cms_wordpress_aios},
    {"/wp-content/plugins/limit-login-attempts-reloaded/", &hints::cms_wordpress_limit_login_attempts},
    {"/wp-content/plugins/limit-login-attempts/", &hints::cms_wordpress_limit_login_attempts},
}};

// WP_Error codes WordPress answers a refused REST request with: every "rest_*" code of the REST
// API, and those of application-password authentication (wp_authenticate_application_password).
inline constexpr std::array<std::string_view, 5> wordpress_error_codes{
    {"incorrect_password", "invalid_username", "invalid_email", "application_passwords_disabled",
     "application_passwords_disabled_for_user"}};

constexpr bool is_json_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// A JSON string starting at s[i] == '"': its inside (escapes kept), i moved past it; false
// when it does not close within s.
constexpr bool json_string(std::string_view s, std::size_t& i, std::string_view& inside) noexcept {
  const std::size_t start = ++i;
  while (i < s.size() && s[i] != '"') i += s[i] == '\\' ? 2 : 1;
  if (i >= s.size()) return false;
  inside = s.substr(start, i - start);
  ++i;
  return true;
}

// Skips a JSON value that is not a string (an object, array, number, literal) up to the ','
// or '}' that ends it at the current depth; false when the text ends first.
constexpr bool skip_json_value(std::string_view s, std::size_t& i) noexcept {
  std::size_t depth = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == '"') {
      std::string_view ignored;
      if (!json_string(s, i, ignored)) return false;
      continue;
    }
    if (c == '{' || c == '[') ++depth;
    if (c == '}' || c == ']') {
      if (depth == 0) return true;
      --depth;
    }
    if (c == ',' && depth == 0) return true;
    ++i;
  }
  return false;
}

// WordPress's REST error shape, {"code": "...", "message": "...", "data": {...}}: the value
// of the top-level "code" when "message" is there too (the body may be cut: members read
// before the cut count). Empty when the body is not such an object.
constexpr std::string_view json_error_code(std::string_view body) noexcept {
  std::size_t i = 0;
  while (i < body.size() && is_json_space(body[i])) ++i;
  if (i == body.size() || body[i] != '{') return {};
  ++i;
  std::string_view code;
  bool message = false;
  while (i < body.size()) {
    while (i < body.size() && (is_json_space(body[i]) || body[i] == ',')) ++i;
    if (i == body.size() || body[i] != '"') break;
    std::string_view key;
    if (!json_string(body, i, key)) break;
    while (i < body.size() && is_json_space(body[i])) ++i;
    if (i == body.size() || body[i] != ':') break;
    ++i;
    while (i < body.size() && is_json_space(body[i])) ++i;
    if (i < body.size() && body[i] == '"') {
      std::string_view value;
      if (!json_string(body, i, value)) break;
      if (key == "code" && code.data() == nullptr) code = value;
      if (key == "message") message = true;
    } else {
      if (key == "message") message = true;
      if (!skip_json_value(body, i)) break;
    }
  }
  return message ? code : std::string_view{};
}

constexpr bool is_wordpress_error_code(std::string_view code) noexcept {
  if (code.size() > 5 && code.substr(0, 5) == "rest_") return true;
  for (const std::string_view c : wordpress_error_codes) {
    if (code == c) return true;
  }
  return false;
}

// RFC 8288 section 3: Link = #link-value, link-value = "<" URI-Reference ">" *( OWS ";" OWS
// link-param ); the rel parameter holds relation types separated by spaces, compared
// case-insensitively (section 2.1). True when one is WordPress's REST API root.
constexpr bool links_wordpress_api(std::string_view link) noexcept {
  std::size_t i = 0;
  while (i < link.size()) {
    // Past the target; a '>' always ends it (URI-References hold no '>').
    const std::size_t open = link.find('<', i);
    if (open == std::string_view::npos) return false;
    const std::size_t close = link.find('>', open);
    if (close == std::string_view::npos) return false;
    i = close + 1;
    // The parameters, up to the ',' that starts the next link-value.
    while (i < link.size() && link[i] != ',') {
      while (i < link.size() && (link[i] == ';' || chars::is_ows(link[i]))) ++i;
      if (i == link.size() || link[i] == ',') break;
      const std::size_t name_start = i;
      while (i < link.size() && chars::is_tchar(link[i])) ++i;
      const std::string_view name = link.substr(name_start, i - name_start);
      while (i < link.size() && chars::is_ows(link[i])) ++i;
      if (i == name_start || i == link.size() || link[i] != '=') {
        if (i == name_start) ++i;  // a byte no parameter starts with: step over it
        continue;
      }
      ++i;
      while (i < link.size() && chars::is_ows(link[i])) ++i;
      std::string_view value;
      if (i < link.size() && link[i] == '"') {
        const std::size_t start = ++i;
        while (i < link.size() && link[i] != '"') i += link[i] == '\\' ? 2 : 1;
        value = link.substr(start, (i < link.size() ? i : link.size()) - start);
        if (i < link.size()) ++i;
      } else {
        const std::size_t start = i;
        while (i < link.size() && link[i] != ';' && link[i] != ',' && !chars::is_ows(link[i])) ++i;
        value = link.substr(start, i - start);
      }
      if (!iequals(name, "rel")) continue;
      while (!value.empty()) {
        const std::size_t space = value.find(' ');
        if (iequals(value.substr(0, space), "https://api.w.org/")) return true;
        if (space == std::string_view::npos) break;
        value.remove_prefix(space + 1);
      }
    }
  }
  return false;
}

template <std::size_t N>
constexpr void explain_wordpress(hint_list<N>& out, const exchange& e) noexcept {
  if (e.status < 400) return;
  const hint_spec* spec = nullptr;
  hint h;
  for (const plugin_signature& sig : plugin_signatures) {
    const std::size_t at = find_icase(e.body, sig.text);
    if (at != std::string_view::npos) {
      spec = sig.spec;
      h = hint(*spec, hint::npos);
      h.with(seen("signature", e.body.substr(at, sig.text.size())));
      break;
    }
  }
  const std::string_view code = json_error_code(e.body);
  const bool rest_error = is_wordpress_error_code(code);
  header_field api_link;
  e.response_headers.for_each("Link", [&](const header_field& f) {
    if (links_wordpress_api(f.value)) api_link = f;
    return !api_link;
  });
  if (spec == nullptr && !rest_error && !api_link) return;
  if (spec == nullptr) h = hint(hints::cms_wordpress, hint::npos);
  if (rest_error) h.with(seen("code", code));
  if (api_link) h.with(seen("link", api_link.value));
  out.push(h);
}

// ---- dns.host_is_address (RFC 4559 section 4: the ticket is for HTTP/<host>)
template <std::size_t N>
constexpr void explain_address(hint_list<N>& out, const exchange& e, const url_view& url,
                               const challenge_list& list) noexcept {
  if (url.error() || !url.host_is_address() || e.status == 407) return;
  const std::size_t offered =
      e.status == 401 ? find_scheme(list, scheme_id::negotiate, scheme_id::kerberos) : hint::npos;
  const header_field sent = e.request_headers.find("Authorization");
  const bool used = sent && is_scheme(credentials_scheme(sent.value), scheme_id::negotiate, scheme_id::kerberos);
  if (offered == hint::npos && !used) return;
  out.push(hint(hints::dns_host_is_address, offered).with(seen("host", url.host())));
}

// ---- transport.basic_over_http (RFC 7617 section 4)
template <std::size_t N>
constexpr void explain_transport(hint_list<N>& out, const exchange& e, const url_view& url,
                                 const challenge_list& list) noexcept {
  if (url.error() || !url.scheme_is("http") || e.status == 407) return;
  const std::size_t offered = e.status == 401 ? find_scheme(list, scheme_id::basic) : hint::npos;
  const header_field sent = e.request_headers.find("Authorization");
  const bool used = sent && iequals(credentials_scheme(sent.value), info(scheme_id::basic).name);
  if (offered == hint::npos && !used) return;
  const hint_spec& spec =
      url.host_is_loopback() ? hints::transport_basic_over_http_loopback : hints::transport_basic_over_http;
  out.push(hint(spec, offered).with(seen("url", shown_url(e.url))));
}

}  // namespace detail

// Appends the evidence hints for the last exchange of `history` to `out`. `challenges` are that
// exchange's WWW-Authenticate challenges (Proxy-Authenticate for a 407), as given to
// diagnose(): the hints about a challenge carry its index in that list. An empty history adds
// nothing. The rules, in the order the hints are appended:
//  - redirect.credentials_dropped: the last response is a 401 to a request without
//    Authorization, reached by redirects from a request that sent Authorization to another
//    origin (scheme, host or port);
//  - cookie.expired_session: a 401/407 whose Set-Cookie deletes a cookie the request sent
//    (Max-Age <= 0, or an Expires not after the response's Date, else cookie_reference_time);
//  - cms.wordpress: a status >= 400 with a security plugin's signature in the body (the
//    plugin is named), a WordPress REST error code in a JSON body, or a Link to WordPress's
//    REST API (rel="https://api.w.org/");
//  - dns.host_is_address: not a 407; the URL's host is an IPv4 or IPv6 address and a 401 offers
//    Negotiate or Kerberos, or the request's Authorization uses one;
//  - transport.basic_over_http: not a 407; an http URL, and a 401 offers Basic or the request's
//    Authorization is Basic (info, not warning, to a loopback host).
template <std::size_t Capacity>
constexpr void add_evidence(hint_list<Capacity>& out, exchange_history history,
                            const challenge_list& challenges) noexcept {
  if (history.empty()) return;
  const exchange& last = history.back();
  const url_view url = parse_url(last.url);
  detail::explain_redirect(out, history);
  detail::explain_cookies(out, last);
  detail::explain_wordpress(out, last);
  detail::explain_address(out, last, url, challenges);
  detail::explain_transport(out, last, url, challenges);
}

}  // namespace wwwauth
