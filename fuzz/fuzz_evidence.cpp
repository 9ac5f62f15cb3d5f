// add_evidence() and the readers beneath it (parse_url, parse_set_cookie, for_each_cookie,
// parse_cookie_date) on arbitrary exchanges. Input: exchanges separated by "\n=>\n" (the next
// one followed this one's redirect) or "\n--\n"; each is a request line "METHOD URL", request
// header lines "Name: value", an empty line, the status digits, response header lines, an
// empty line, and the body (any bytes). Checks:
// - never more hints than the capacity; a small capacity keeps the first hints of a large one,
//   in order, and counts the others as dropped();
// - every hint is one of the five evidence codes, with a text, at most max_hint_params views,
//   each inside the input, and a challenge_index() that is npos or names a challenge;
// - parse_url: views inside the URL, an error offset within it, a host whenever it parsed;
// - Set-Cookie and Cookie views inside their field; a cookie date, when valid, between
//   1601 and year 9999's end (the algorithm reads at most four year digits).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_common.hpp"
#include <wwwauth/evidence.hpp>

namespace {

std::string_view take_line(std::string_view& text) {
  const std::size_t nl = text.find('\n');
  const std::string_view line = text.substr(0, nl);
  text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
  return line;
}

std::vector<wwwauth::header_field> read_fields(std::string_view& text) {
  std::vector<wwwauth::header_field> out;
  for (std::string_view line = take_line(text); !line.empty(); line = take_line(text)) {
    const std::size_t colon = line.find(':');
    std::string_view value = colon == std::string_view::npos ? std::string_view{} : line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    out.push_back({line.substr(0, colon), value});
  }
  return out;
}

void check_url(std::string_view url) {
  const wwwauth::url_view u = wwwauth::parse_url(url);
  wwwauth_fuzz::check(u.error().offset <= url.size(), "a URL error lies within the URL");
  wwwauth_fuzz::check_inside(u.scheme(), url, "scheme inside the URL");
  wwwauth_fuzz::check_inside(u.userinfo(), url, "userinfo inside the URL");
  wwwauth_fuzz::check_inside(u.host(), url, "host inside the URL");
  wwwauth_fuzz::check_inside(u.port_text(), url, "port inside the URL");
  if (!u.error()) wwwauth_fuzz::check(!u.host().empty(), "a parsed URL has a host");
  if (u.host_is_loopback() && u.kind() == wwwauth::host_kind::name)
    wwwauth_fuzz::check(u.host().size() >= 9, "a loopback name ends in localhost");
}

void check_field(const wwwauth::header_field& f) {
  const wwwauth::set_cookie c = wwwauth::parse_set_cookie(f.value);
  for (const std::string_view v : {c.name(), c.value(), c.max_age(), c.expires()})
    wwwauth_fuzz::check_inside(v, f.value, "Set-Cookie views inside the field");
  static_cast<void>(c.deleted_at(0));
  wwwauth::for_each_cookie(f.value, [&](const wwwauth::cookie_pair& p) {
    wwwauth_fuzz::check_inside(p.name, f.value, "cookie name inside the field");
    wwwauth_fuzz::check_inside(p.value, f.value, "cookie value inside the field");
    wwwauth_fuzz::check(!p.name.empty(), "a cookie pair has a name");
    return true;
  });
  const wwwauth::cookie_time t = wwwauth::parse_cookie_date(f.value);
  if (t) wwwauth_fuzz::check(t.seconds >= -11644473600 && t.seconds < 253402300800, "a cookie date in range");
}

bool is_evidence(wwwauth::hint_id id) {
  using wwwauth::hint_id;
  return id == hint_id::redirect_credentials_dropped || id == hint_id::cookie_expired_session ||
         id == hint_id::cms_wordpress || id == hint_id::dns_host_is_address || id == hint_id::transport_basic_over_http;
}

template <class Hints>
void check_hints(const Hints& hints, const wwwauth::challenge_list& list, std::string_view in) {
  wwwauth_fuzz::check(hints.size() <= hints.capacity(), "no more hints than the capacity");
  for (const wwwauth::hint& h : hints) {
    wwwauth_fuzz::check(is_evidence(h.id()), "only evidence codes", std::string(h.code()));
    wwwauth_fuzz::check(!h.text().empty(), "every hint has a text");
    wwwauth_fuzz::check(h.challenge_index() == wwwauth::hint::npos || h.challenge_index() < list.size(),
                        "challenge_index() names a challenge of the list", std::string(h.code()));
    wwwauth_fuzz::check(h.params().size() <= wwwauth::max_hint_params, "at most max_hint_params views");
    for (const wwwauth::auth_param& p : h.params())
      wwwauth_fuzz::check_inside(p.value().raw(), in, "hint param value inside input");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view in = wwwauth_fuzz::as_view(data, size);
  // Storage first, so that the exchanges' views of it stay put.
  std::vector<std::string_view> texts;
  std::vector<bool> followed;
  for (std::string_view rest = in;;) {
    const std::size_t a = rest.find("\n=>\n");
    const std::size_t b = rest.find("\n--\n");
    const std::size_t cut = a < b ? a : b;
    texts.push_back(rest.substr(0, cut));
    followed.push_back(cut != std::string_view::npos && cut == a);
    if (cut == std::string_view::npos) break;
    rest.remove_prefix(cut + 4);
  }
  std::vector<std::vector<wwwauth::header_field>> requests(texts.size()), responses(texts.size());
  std::vector<wwwauth::exchange> exchanges(texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i) {
    std::string_view text = texts[i];
    wwwauth::exchange& e = exchanges[i];
    const std::string_view request_line = take_line(text);
    const std::size_t space = request_line.find(' ');
    e.method = request_line.substr(0, space);
    e.url = space == std::string_view::npos ? std::string_view{} : request_line.substr(space + 1);
    requests[i] = read_fields(text);
    const std::string_view status = take_line(text);
    for (std::size_t k = 0; k < status.size() && k < 3; ++k)
      e.status = e.status * 10 + (status[k] >= '0' && status[k] <= '9' ? status[k] - '0' : 0);
    responses[i] = read_fields(text);
    e.request_headers = {requests[i].data(), requests[i].size()};
    e.response_headers = {responses[i].data(), responses[i].size()};
    e.body = text;
    e.followed_redirect = followed[i];
    check_url(e.url);
    for (const wwwauth::header_field& f : requests[i]) check_field(f);
    for (const wwwauth::header_field& f : responses[i]) check_field(f);
  }

  const wwwauth::exchange& last = exchanges.back();
  std::vector<std::string_view> lines;
  last.response_headers.for_each(last.status == 407 ? "Proxy-Authenticate" : "WWW-Authenticate",
                                 [&](const wwwauth::header_field& f) {
                                   lines.push_back(f.value);
                                   return true;
                                 });
  const wwwauth::challenge_list list = wwwauth::parse_challenges(lines, wwwauth::mode::lenient);
  const wwwauth::exchange_history history(exchanges.data(), exchanges.size());
  wwwauth::hint_list<64> large;
  wwwauth::hint_list<1> small;
  wwwauth::add_evidence(large, history, list);
  wwwauth::add_evidence(small, history, list);
  check_hints(large, list, in);
  check_hints(small, list, in);
  wwwauth_fuzz::check(large.size() <= 5 && !large.overflowed(), "at most one hint per evidence code");
  wwwauth_fuzz::check(small.size() + small.dropped() == large.size(), "a small capacity counts what it drops");
  if (!small.empty()) wwwauth_fuzz::check(small[0].id() == large[0].id(), "a small capacity keeps the first hint");
  return 0;
}
