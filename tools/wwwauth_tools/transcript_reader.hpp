// A response as people paste or pipe it: `curl -si` output (response_text.hpp) or a `curl -v`
// transcript (curl_verbose.hpp), told apart by the first line that is either a status line or
// one of curl's prefixed lines. Lines before it (a progress meter, a shell prompt) are skipped.
#pragma once

#include <cstddef>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>

#include "bounded_input.hpp"
#include "curl_verbose.hpp"
#include "exchange.hpp"
#include "http_head.hpp"
#include "response_text.hpp"

namespace wwwauth_tools {

class transcript_reader {
 public:
  void feed(std::string_view raw_line) {
    if (std::holds_alternative<std::monostate>(reader_)) {
      if (is_curl_verbose_line(raw_line)) {
        reader_.emplace<curl_verbose_reader>(skipped_ + 1);
      } else if (looks_like_status_line(without_cr(raw_line))) {
        reader_.emplace<response_text_reader>(skipped_ + 1);
      } else {
        ++skipped_;
        return;
      }
    }
    std::visit(
        [&](auto& r) {
          if constexpr (!std::is_same_v<std::decay_t<decltype(r)>, std::monostate>) r.feed(raw_line);
        },
        reader_);
  }

  transcript finish() && {
    if (auto* v = std::get_if<curl_verbose_reader>(&reader_)) return std::move(*v).finish();
    if (auto* r = std::get_if<response_text_reader>(&reader_)) return std::move(*r).finish();
    return {};
  }

 private:
  std::variant<std::monostate, response_text_reader, curl_verbose_reader> reader_;
  std::size_t skipped_ = 0;
};

inline transcript read_transcript(std::string_view text) {
  transcript_reader reader;
  for_each_line(text, [&](std::string_view line) { reader.feed(line); });
  return std::move(reader).finish();
}

}  // namespace wwwauth_tools
