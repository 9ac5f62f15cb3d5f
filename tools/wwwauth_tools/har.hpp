// HAR 1.2, as the developer tools of Chromium and Firefox export it: log.entries[], each with
// request {method, url, headers [{name, value}], cookies [{name, value}]} and response {status,
// statusText, headers, content {text, encoding}, redirectURL}. Each entry is one exchange;
// everything else in the file is skipped. The document is read with json_reader, one event
// at a time, so memory stays within the input and what is kept of it.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "exchange.hpp"
#include "json_reader.hpp"

namespace wwwauth_tools {

namespace har_detail {

// The first bytes base64 `text` decodes to (RFC 4648 section 4), at most `limit` of them;
// decoding stops at the first byte outside the alphabet.
inline std::string base64_prefix(std::string_view text, std::size_t limit) {
  std::string out;
  unsigned bits = 0;
  int count = 0;
  for (const char c : text) {
    int v = c >= 'A' && c <= 'Z'   ? c - 'A'
            : c >= 'a' && c <= 'z' ? c - 'a' + 26
            : c >= '0' && c <= '9' ? c - '0' + 52
            : c == '+'             ? 62
            : c == '/'             ? 63
                                   : -1;
    if (v < 0) break;
    bits = (bits << 6) | static_cast<unsigned>(v);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out += static_cast<char>((bits >> count) & 0xFF);
      if (out.size() >= limit) break;
    }
  }
  return out;
}

}  // namespace har_detail

class har_reader {
 public:
  // Reads the whole document (a HAR file is one JSON value).
  static transcript read(std::string_view text) {
    har_reader r(text);
    r.run();
    return std::move(r.out_);
  }

  // Work done, for the fuzz targets' linear-time check.
  std::size_t steps() const { return json_.steps(); }

 private:
  struct frame {
    bool object;
    std::string key;  // the member being read, in an object
  };

  explicit har_reader(std::string_view text) : json_(text) {}

  // Whether the value being read sits at `pattern` ("#" for any array element), from the root.
  bool at(std::initializer_list<std::string_view> pattern) const {
    if (pattern.size() != frames_.size()) return false;
    std::size_t i = 0;
    for (const std::string_view p : pattern) {
      const frame& f = frames_[i++];
      if (f.object ? f.key != p : p != "#") return false;
    }
    return true;
  }

  exchange& entry() { return out_.exchanges.back(); }

  void run() {
    for (;;) {
      const json_reader::event e = json_.next();
      switch (e) {
        case json_reader::event::error:
          out_.error = read_error{0, json_.error_offset(), "not valid JSON: " + json_.error_message()};
          return;
        case json_reader::event::end:
          if (!saw_entries_) out_.error = read_error{0, 0, "not a HAR file: no log.entries array"};
          return;
        case json_reader::event::begin_object:
        case json_reader::event::begin_array: begin(e == json_reader::event::begin_object); break;
        case json_reader::event::end_object:
        case json_reader::event::end_array:
          frames_.pop_back();
          if (at({"log", "entries", "#"}) && e == json_reader::event::end_object) finish_entry();
          break;
        case json_reader::event::key: frames_.back().key = std::string(json_.text()); break;
        case json_reader::event::string:
        case json_reader::event::number:
        case json_reader::event::literal: scalar(e); break;
      }
      if (out_.error) return;
    }
  }

  void begin(bool object) {
    if (!object && at({"log", "entries"})) saw_entries_ = true;
    if (object && at({"log", "entries", "#"})) {
      out_.exchanges.emplace_back();
      entry().request.known = true;
      body_text_.clear();
      base64_ = false;
      cookies_.clear();
    }
    if (object && at({"log", "entries", "#", "request", "headers", "#"})) entry().request.headers.emplace_back();
    if (object && at({"log", "entries", "#", "response", "headers", "#"})) entry().response.headers.emplace_back();
    if (object && at({"log", "entries", "#", "request", "cookies", "#"})) cookies_.emplace_back();
    frames_.push_back({object, {}});
  }

  void scalar(json_reader::event e) {
    if (frames_.size() < 4) return;  // nothing of interest above log.entries[].x.y
    const bool is_string = e == json_reader::event::string;
    const std::string_view v = json_.text();
    if (is_string && at({"log", "entries", "#", "request", "method"})) {
      entry().request.method = std::string(v);
    } else if (is_string && at({"log", "entries", "#", "request", "url"})) {
      entry().request.url = std::string(v);
    } else if (is_string && at({"log", "entries", "#", "request", "headers", "#", "name"})) {
      entry().request.headers.back().name = std::string(v);
    } else if (is_string && at({"log", "entries", "#", "request", "headers", "#", "value"})) {
      entry().request.headers.back().value = std::string(v);
    } else if (is_string && at({"log", "entries", "#", "request", "cookies", "#", "name"})) {
      cookies_.back().first = std::string(v);
    } else if (is_string && at({"log", "entries", "#", "request", "cookies", "#", "value"})) {
      cookies_.back().second = std::string(v);
    } else if (is_string && at({"log", "entries", "#", "response", "headers", "#", "name"})) {
      entry().response.headers.back().name = std::string(v);
    } else if (is_string && at({"log", "entries", "#", "response", "headers", "#", "value"})) {
      entry().response.headers.back().value = std::string(v);
    } else if (at({"log", "entries", "#", "response", "status"})) {
      status(e, v);
    } else if (is_string && at({"log", "entries", "#", "response", "statusText"})) {
      entry().response.reason = std::string(v);
    } else if (is_string && at({"log", "entries", "#", "response", "redirectURL"})) {
      entry().response.redirect_url = std::string(v);
    } else if (is_string && at({"log", "entries", "#", "response", "content", "text"})) {
      entry().response.body_size = v.size();
      // Enough for body_prefix_capacity bytes even when the text turns out to be base64.
      body_text_ = std::string(v.substr(0, body_prefix_capacity / 3 * 4 + 4));
    } else if (is_string && at({"log", "entries", "#", "response", "content", "encoding"})) {
      base64_ = v == "base64";
    }
  }

  // HAR's status is a number; 0 where the browser got no response (blocked, failed).
  void status(json_reader::event e, std::string_view v) {
    bool ok = e == json_reader::event::number && !v.empty() && v.size() <= 3;
    int status = 0;
    for (std::size_t i = 0; ok && i < v.size(); ++i) {
      ok = v[i] >= '0' && v[i] <= '9';
      status = status * 10 + (v[i] - '0');
    }
    if (!ok) {
      out_.error =
          read_error{0, json_.offset(),
                     "entry " + std::to_string(out_.exchanges.size() - 1) + ": response.status is not a status code"};
      return;
    }
    entry().response.status = status;
  }

  void finish_entry() {
    response_record& r = entry().response;
    r.body_prefix = base64_ ? har_detail::base64_prefix(body_text_, body_prefix_capacity)
                            : body_text_.substr(0, body_prefix_capacity);
    if (r.status / 100 != 3) {
      r.redirect_url.clear();
    } else if (const header_field* location = find_field(r.headers, "Location"); location && r.redirect_url.empty()) {
      r.redirect_url = location->value;
    }
    // Browsers list the cookies sent in "cookies"; the Cookie field is not always among the
    // headers (HTTP/2 requests in Firefox), so it is rebuilt from them (RFC 6265 section 5.4).
    if (!cookies_.empty() && find_field(entry().request.headers, "Cookie") == nullptr) {
      std::string cookie;
      for (const auto& [name, value] : cookies_) cookie += (cookie.empty() ? "" : "; ") + name + "=" + value;
      entry().request.headers.push_back({"Cookie", std::move(cookie)});
    }
  }

  json_reader json_;
  std::vector<frame> frames_;
  transcript out_;
  bool saw_entries_ = false;
  std::string body_text_;
  bool base64_ = false;
  std::vector<std::pair<std::string, std::string>> cookies_;
};

inline transcript read_har(std::string_view text) { return har_reader::read(text); }

}  // namespace wwwauth_tools
