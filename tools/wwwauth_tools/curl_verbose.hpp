// `curl -v` output (usually `curl -v URL 2>&1`): request lines prefixed "> ", response lines
// "< ", curl's own notes "* ", the body unprefixed. Each "> " request line starts an exchange
// (a redirect with -L, an authentication round, a 407 then a 401); the "< " status line after
// it is that request's response. A status line after the end of a head belongs to a new
// response only when a new request came first or the previous response was a 1xx interim one
// (RFC 9110 section 15.2); unprefixed lines are body, whatever they look like.
//
// The request's URL is made absolute from what curl says: the target itself when absolute (a
// forward proxy), curl's "Issue another request to this URL" note (a redirect), or the Host
// field with the scheme of the connection (https once TLS was negotiated or on port 443).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include <wwwauth/ascii.hpp>

#include "exchange.hpp"
#include "http_head.hpp"

namespace wwwauth_tools {

// Whether `line` is one of curl -v's prefixed lines (the sign that the input is a transcript).
inline bool is_curl_verbose_line(std::string_view line) {
  line = without_cr(line);
  const std::string_view p = line.substr(0, 2);
  return p == "> " || p == "< " || p == "* " || line == ">" || line == "<";
}

class curl_verbose_reader {
 public:
  explicit curl_verbose_reader(std::size_t first_line = 1) : line_(first_line - 1) {}

  void feed(std::string_view raw_line) {
    ++line_;
    if (out_.error) return;
    const std::string_view line = without_cr(raw_line);
    const std::string_view prefix = line.substr(0, 2);
    const std::string_view content = line.size() > 2 ? line.substr(2) : std::string_view{};
    if (prefix == "> " || line == ">") return request_line_of(content);
    if (prefix == "< " || line == "<") return response_line_of(content);
    if (prefix == "* ") return note(content);
    // Unprefixed: the body (curl writes it to stdout), of the last response seen.
    if (!out_.exchanges.empty() && out_.exchanges.back().response.status != 0) {
      response_record& r = out_.exchanges.back().response;
      r.append_body(raw_line);
      r.append_body("\n");
    }
  }

  transcript finish() && {
    // A request whose response the transcript does not show (cut short) explains nothing.
    if (!out_.exchanges.empty() && out_.exchanges.back().response.status == 0) out_.exchanges.pop_back();
    return std::move(out_);
  }

 private:
  enum class state { idle, request_head, awaiting_response, response_head, after_interim, body };

  void fail(std::size_t byte, std::string message) { out_.error = read_error{line_, byte, std::move(message)}; }

  void request_line_of(std::string_view content) {
    if (state_ != state::request_head) {
      if (content.empty()) return;  // a lone ">" outside a request head
      const auto parsed = parse_request_line(content);
      if (const auto* e = std::get_if<line_error>(&parsed)) return fail(e->byte + 2, e->message);
      const request_line& r = std::get<request_line>(parsed);
      out_.exchanges.emplace_back();
      request_record& request = out_.exchanges.back().request;
      request.known = true;
      request.method = std::string(r.method);
      request.url = std::string(r.target);
      state_ = state::request_head;
      return;
    }
    request_record& request = out_.exchanges.back().request;
    if (content.empty()) return end_request_head();
    if (is_obs_fold(content) && !request.headers.empty()) return append_obs_fold(request.headers.back(), content);
    auto parsed = parse_field_line(content);
    if (const auto* e = std::get_if<line_error>(&parsed)) return fail(e->byte + 2, e->message);
    request.headers.push_back(std::move(std::get<header_field>(parsed)));
  }

  void end_request_head() {
    request_record& request = out_.exchanges.back().request;
    const std::string& target = request.url;
    const bool absolute = target.compare(0, 7, "http://") == 0 || target.compare(0, 8, "https://") == 0;
    if (!absolute && !wwwauth::iequals(request.method, "CONNECT")) {
      if (!next_url_.empty()) {
        request.url = next_url_;
      } else if (const header_field* host = find_field(request.headers, "Host")) {
        request.url = scheme_ + "://" + host->value + target;
      }
    }
    next_url_.clear();
    state_ = state::awaiting_response;
  }

  void response_line_of(std::string_view content) {
    switch (state_) {
      case state::request_head:
        end_request_head();  // curl always ends a request head with ">", but a paste may not
        [[fallthrough]];
      case state::idle:
      case state::awaiting_response:
      case state::after_interim:
        if (content.empty()) return;
        return start_response(content);
      case state::response_head: return head_line(content);
      case state::body:
        if (looks_like_status_line(content)) {
          return fail(2,
                      "a second response without a request before it: curl prints the request of every "
                      "exchange, so this line is not curl's");
        }
        return;  // curl's "<" lines after a head carry nothing the head did not
    }
  }

  void start_response(std::string_view content) {
    if (!looks_like_status_line(content)) return fail(2, "a response must start with its status line");
    const auto parsed = parse_status_line(content);
    if (const auto* e = std::get_if<line_error>(&parsed)) return fail(e->byte + 2, e->message);
    const status_line& s = std::get<status_line>(parsed);
    if (state_ == state::idle) out_.exchanges.emplace_back();  // the transcript starts with a response
    response_record& r = out_.exchanges.back().response;
    r = response_record{};  // an interim response is replaced by the one after it
    r.status = s.status;
    r.reason = std::string(s.reason);
    r.line = line_;
    state_ = state::response_head;
  }

  void head_line(std::string_view content) {
    response_record& r = out_.exchanges.back().response;
    if (content.empty()) {
      if (const header_field* location = find_field(r.headers, "Location"); location && r.status / 100 == 3) {
        r.redirect_url = location->value;
      }
      state_ = r.status / 100 == 1 ? state::after_interim : state::body;
      return;
    }
    if (is_obs_fold(content)) {
      if (r.headers.empty()) return fail(2, "a continuation line (obs-fold) before any field line");
      return append_obs_fold(r.headers.back(), content);
    }
    auto parsed = parse_field_line(content);
    if (const auto* e = std::get_if<line_error>(&parsed)) return fail(e->byte + 2, e->message);
    r.headers.push_back(std::move(std::get<header_field>(parsed)));
  }

  // curl's notes: which connection (and so which scheme) the next request goes over, and
  // where a redirect leads.
  void note(std::string_view text) {
    constexpr std::string_view connected = "Connected to ";
    constexpr std::string_view reissue = "Issue another request to this URL: '";
    if (text.substr(0, connected.size()) == connected) {
      const std::size_t port = text.find(" port ");
      scheme_ = port != std::string_view::npos && text.substr(port + 6, 3) == "443" ? "https" : "http";
    } else if (text.substr(0, 4) == "SSL " || text.substr(0, 4) == "TLSv" || text.substr(0, 5) == "ALPN:" ||
               text.substr(0, 5) == "ALPN,") {
      scheme_ = "https";
    } else if (text.substr(0, reissue.size()) == reissue) {
      std::string_view url = text.substr(reissue.size());
      if (!url.empty() && url.back() == '\'') url.remove_suffix(1);
      next_url_ = std::string(url);
    }
  }

  transcript out_;
  state state_ = state::idle;
  std::size_t line_;
  std::string scheme_ = "http";
  std::string next_url_;
};

}  // namespace wwwauth_tools
