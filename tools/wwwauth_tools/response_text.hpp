// `curl -si` output: a status line, field lines, an empty line, then the body (RFC 9112
// section 2.1). Nothing in this format marks where a body ends, so after the empty line that
// ends a head everything is body, however much of it looks like another response: only a 1xx
// interim response (RFC 9110 section 15.2) is followed by another head. A chain of responses
// (redirects, authentication rounds) is what `curl -v` marks; see curl_verbose.hpp.
//
// Fed one line at a time (without its LF; a CR before it is dropped), so the input is never
// held whole: a head, and the first body_prefix_capacity bytes of the body, are kept.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "exchange.hpp"
#include "http_head.hpp"

namespace wwwauth_tools {

class response_text_reader {
 public:
  // `first_line` numbers the first line fed (a caller that skipped lines says how many).
  explicit response_text_reader(std::size_t first_line = 1) : line_(first_line - 1) {}

  void feed(std::string_view raw_line) {
    ++line_;
    if (out_.error) return;
    const std::string_view line = without_cr(raw_line);
    switch (state_) {
      case state::before_head:
        if (looks_like_status_line(line)) start_response(line);
        return;  // text before the first response (a shell prompt, a progress meter)
      case state::after_interim:
        if (line.empty()) return;
        if (!looks_like_status_line(line)) return fail(0, "a status line must follow a 1xx interim response");
        return start_response(line);
      case state::head: return head_line(line);
      case state::body:
        if (response().body_size == 0 && looks_like_status_line(line)) {
          out_.notes.emplace_back(
              "line " + std::to_string(line_) +
              ": the body starts like another response; curl -si does not mark where a response ends, so "
              "it is read as the body (curl -v output shows each exchange)");
        }
        response().append_body(raw_line);
        response().append_body("\n");
        return;
    }
  }

  transcript finish() && { return std::move(out_); }

 private:
  enum class state { before_head, head, after_interim, body };

  response_record& response() { return out_.exchanges.back().response; }

  void fail(std::size_t byte, std::string message) { out_.error = read_error{line_, byte, std::move(message)}; }

  void start_response(std::string_view line) {
    const auto parsed = parse_status_line(line);
    if (const auto* e = std::get_if<line_error>(&parsed)) return fail(e->byte, e->message);
    const status_line& s = std::get<status_line>(parsed);
    if (state_ != state::after_interim) out_.exchanges.emplace_back();
    response() = response_record{};  // an interim response is replaced by the one after it
    response().status = s.status;
    response().reason = std::string(s.reason);
    response().line = line_;
    state_ = state::head;
  }

  void head_line(std::string_view line) {
    response_record& r = response();
    if (line.empty()) {
      if (const header_field* location = find_field(r.headers, "Location"); location && r.status / 100 == 3) {
        r.redirect_url = location->value;
      }
      state_ = r.status / 100 == 1 ? state::after_interim : state::body;
      return;
    }
    if (is_obs_fold(line)) {
      if (r.headers.empty()) return fail(0, "a continuation line (obs-fold) before any field line");
      return append_obs_fold(r.headers.back(), line);
    }
    auto parsed = parse_field_line(line);
    if (const auto* e = std::get_if<line_error>(&parsed)) return fail(e->byte, e->message);
    r.headers.push_back(std::move(std::get<header_field>(parsed)));
  }

  transcript out_;
  state state_ = state::before_head;
  std::size_t line_;
};

}  // namespace wwwauth_tools
