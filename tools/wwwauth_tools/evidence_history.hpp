// The tools' exchange records (exchange.hpp, which own their bytes) as the library's
// wwwauth::exchange_history (views), for wwwauth::add_evidence(): the history of a curl -v
// transcript as it happened, or the redirect chain that led to one entry of a HAR file
// (whose entries interleave every request a page made).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <wwwauth/exchange.hpp>

#include "exchange.hpp"

namespace wwwauth_tools {

// Whether the response of `from` redirected to the request of `to`: its Location is `to`'s
// URL, or (a relative Location, RFC 9110 section 10.2.2) the end of it.
inline bool redirects_to(const exchange& from, const exchange& to) {
  if (!from.is_redirect() || !to.request.known) return false;
  const std::string& location = from.response.redirect_url;
  const std::string& url = to.request.url;
  if (location.find("://") != std::string::npos) return url == location;
  return url.size() >= location.size() && url.compare(url.size() - location.size(), location.size(), location) == 0;
}

class evidence_history {
 public:
  // The exchanges records[0..count), in order; each one whose redirect the next one followed
  // is marked so.
  static evidence_history sequence(const std::vector<exchange>& records, std::size_t count) {
    evidence_history h;
    for (std::size_t i = 0; i < count; ++i)
      h.add(records[i], i + 1 < count && redirects_to(records[i], records[i + 1]));
    h.link();
    return h;
  }

  // The entry records[last] and the redirects that led to it, found backwards: the latest
  // earlier entry that redirected to the one after it in the chain.
  static evidence_history redirect_chain(const std::vector<exchange>& records, std::size_t last) {
    std::vector<std::size_t> chain{last};
    for (std::size_t i = last; i-- > 0;) {
      if (redirects_to(records[i], records[chain.back()])) chain.push_back(i);
    }
    evidence_history h;
    for (std::size_t k = chain.size(); k-- > 0;) h.add(records[chain[k]], k > 0);
    h.link();
    return h;
  }

  wwwauth::exchange_history history() const { return {exchanges_.data(), exchanges_.size()}; }

 private:
  static std::vector<wwwauth::header_field> views(const header_fields& fields) {
    std::vector<wwwauth::header_field> out;
    out.reserve(fields.size());
    for (const header_field& f : fields) out.push_back({f.name, f.value});
    return out;
  }

  void add(const exchange& e, bool followed_redirect) {
    request_fields_.push_back(views(e.request.headers));
    response_fields_.push_back(views(e.response.headers));
    wwwauth::exchange x;
    x.method = e.request.method;
    x.url = e.request.url;
    x.status = e.response.status;
    x.body = e.response.body_prefix;
    x.followed_redirect = followed_redirect;
    exchanges_.push_back(x);
  }

  // The field views, once every vector holding them has stopped moving.
  void link() {
    for (std::size_t i = 0; i < exchanges_.size(); ++i) {
      exchanges_[i].request_headers = {request_fields_[i].data(), request_fields_[i].size()};
      exchanges_[i].response_headers = {response_fields_[i].data(), response_fields_[i].size()};
    }
  }

  std::vector<std::vector<wwwauth::header_field>> request_fields_;
  std::vector<std::vector<wwwauth::header_field>> response_fields_;
  std::vector<wwwauth::exchange> exchanges_;
};

}  // namespace wwwauth_tools
