// Reading input with a stated limit: a pipe from /dev/zero or an endless body ends in a clear
// error at the limit, never in an allocation failure. Line by line where the format allows
// (the lines are handed on, not kept), whole where it does not (a JSON document).
#pragma once

#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <string_view>

namespace wwwauth_tools {

// More than any response head, curl transcript or HAR export a person hands to a tool; the
// programs state it in --help.
inline constexpr std::size_t max_input_bytes = std::size_t{16} * 1024 * 1024;

enum class input_status { complete, too_large, unreadable };

// Calls on_line(line) for each line of `in` (without its LF; the last line also when no LF
// ends it). Stops with too_large as soon as more than `limit` bytes were read: memory stays
// within the longest line, never the whole input.
template <class OnLine>
input_status for_each_line(std::istream& in, OnLine&& on_line, std::size_t limit = max_input_bytes) {
  char block[64 * 1024];
  std::string line;
  std::size_t total = 0;
  for (;;) {
    in.read(block, sizeof block);
    const auto got = static_cast<std::size_t>(in.gcount());
    total += got;
    if (total > limit) return input_status::too_large;
    std::string_view rest(block, got);
    for (std::size_t nl; (nl = rest.find('\n')) != std::string_view::npos; rest.remove_prefix(nl + 1)) {
      line.append(rest.substr(0, nl));
      on_line(std::string_view(line));
      line.clear();
    }
    line.append(rest);
    if (!in) break;
  }
  if (in.bad()) return input_status::unreadable;
  if (!line.empty()) on_line(std::string_view(line));
  return input_status::complete;
}

// The whole of `in`, or nullopt with `status` set when it is larger than `limit` or unreadable.
inline std::optional<std::string> read_all(std::istream& in, input_status& status,
                                           std::size_t limit = max_input_bytes) {
  std::string text;
  char block[64 * 1024];
  for (;;) {
    in.read(block, sizeof block);
    const auto got = static_cast<std::size_t>(in.gcount());
    if (text.size() + got > limit) {
      status = input_status::too_large;
      return std::nullopt;
    }
    text.append(block, got);
    if (!in) break;
  }
  status = in.bad() ? input_status::unreadable : input_status::complete;
  if (status != input_status::complete) return std::nullopt;
  return text;
}

// The lines of a text already in memory, as for_each_line hands them on.
template <class OnLine>
void for_each_line(std::string_view text, OnLine&& on_line) {
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    on_line(text.substr(0, nl));
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
  }
}

}  // namespace wwwauth_tools
