// Challenges of WWW-Authenticate and Proxy-Authenticate (RFC 9110 sections 11.1, 11.6.1, 11.7.1):
//
//     WWW-Authenticate = #challenge
//     challenge        = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
//
// Example: `Newauth realm="apps", type=1, title="Login to \"apps\"", Basic realm="simple"`
// holds two challenges, Newauth with three parameters and Basic with one.
#pragma once

#include <cstddef>
#include <string_view>
#include <type_traits>

#include "detail/ascii.hpp"
#include "detail/dangling.hpp"
#include "detail/element_iterator.hpp"
#include "detail/grammar.hpp"
#include "error.hpp"
#include "param_range.hpp"

namespace wwwauth {

class challenge_list;
class credentials;
namespace detail {
struct read_challenge;
}  // namespace detail

// One challenge, as views into the caller's input. A default-constructed challenge has an
// empty scheme and no parameters.
class challenge {
 public:
  constexpr challenge() noexcept = default;

  // The auth-scheme as written; compare it with scheme_is(), since schemes are case-insensitive.
  constexpr std::string_view scheme() const noexcept { return parts_.scheme; }
  constexpr bool scheme_is(std::string_view name) const noexcept { return detail::iequals(parts_.scheme, name); }
  constexpr bool has_token68() const noexcept { return parts_.has_token68; }
  // The token68 with its '=' padding; empty when the challenge has none.
  constexpr std::string_view token68() const noexcept { return parts_.token68; }
  constexpr param_range params() const noexcept {
    return param_range(parts_.params_begin, parts_.param_count, mode_, parts_.recovering, parts_.index);
  }
  constexpr std::size_t param_count() const noexcept { return parts_.param_count; }
  // The first parameter with this name (ASCII case-insensitive), or a falsy auth_param.
  constexpr auth_param param(std::string_view name) const noexcept { return params().find(name); }
  // realm, defined for every scheme (section 11.5).
  constexpr auth_param realm() const noexcept { return param("realm"); }

 private:
  // Only the parsers make challenges, from what they read.
  friend class challenge_list;
  friend class credentials;
  friend struct detail::read_challenge;
  constexpr challenge(const detail::challenge_parts& parts, mode m) noexcept : parts_(parts), mode_(m) {}

  detail::challenge_parts parts_{};
  mode mode_ = mode::strict;
};

namespace detail {
struct read_challenge {
  element_parser parser;

  constexpr read_challenge() noexcept = default;
  constexpr read_challenge(const cursor& after_first, mode m) noexcept
      : parser{after_first, m, {}, false, m == mode::lenient, nullptr} {}

  // Reads into `out` itself: with its parameter index a challenge is some 180 bytes, not worth
  // a copy per step.
  constexpr void next(challenge& out) noexcept {
    out.parts_.clear();
    if (parser.recovering) {
      parser.read_recovered_challenge(out.parts_);  // which leaves the cursor on the next challenge
    } else {
      parser.skip_separators();
      parser.parse_challenge(out.parts_, nullptr);
    }
  }
};
}  // namespace detail

// The challenges of one or more field lines, validated at construction in one pass. Views
// point into the caller's input, which must outlive the list.
// - Strict: iteration yields every challenge completed before the first error (a challenge is
//   complete when the next element starts another one, or the input ends), then stops;
//   error() tells what stopped it.
// - Lenient: the list reads on past syntax errors as deployed clients do (README.md, "Lenient
//   mode"), keeping each challenge's scheme and the parameters completed before its error;
//   recovered() lists the errors, error() is the first of them.
class challenge_list {
 public:
  using iterator = detail::element_iterator<challenge, detail::read_challenge>;

  constexpr iterator begin() const noexcept { return iterator(first_, count_, after_first_, mode_); }
  constexpr iterator end() const noexcept { return iterator(); }
  // The number of challenges iteration yields.
  constexpr std::size_t size() const noexcept { return count_; }
  constexpr bool empty() const noexcept { return count_ == 0; }
  constexpr parse_error error() const noexcept { return error_; }
  constexpr bool ok() const noexcept { return !error_; }
  // Lenient: the syntax errors read past, in input order. Strict: empty (see error()).
  constexpr const recovered_errors& recovered() const noexcept { return recovered_; }

 private:
  friend constexpr challenge_list parse_challenges(std::string_view field, mode m) noexcept;
  friend constexpr challenge_list parse_challenges(const std::string_view* fields, std::size_t count, mode m) noexcept;

  // Reads the challenges with `read(parts)`, false when one is incomplete. Most fields hold one
  // challenge: it is read into first_, which spares iteration from parsing it again; only a
  // list of several pays for `parts`, which validates the others. (Defined before its callers:
  // clang 14 does not instantiate a member template defined later for a constant expression.)
  template <class Read>
  constexpr void read_all(const detail::element_parser& p, Read read) noexcept {
    if (p.cur.at_end() || !read(first_.parts_)) return;
    count_ = 1;
    after_first_ = p.cur;
    if (p.cur.at_end()) return;
    detail::challenge_parts parts;
    do {
      parts.clear();
      parts.index.stop_recording();  // validated only: iteration reads these challenges again
      if (!read(parts)) return;
      ++count_;
    } while (!p.cur.at_end());
  }

  constexpr challenge_list(detail::cursor start, mode m) noexcept : mode_(m) {
    first_.mode_ = m;
    if (m == mode::lenient) {
      read_recovering(start);
      return;
    }
    detail::element_parser p{start, m, {}};
    p.skip_separators();
    if (!p.next_starts_challenge(false)) {
      error_ = p.error;
      return;
    }
    read_all(p, [&](detail::challenge_parts& target) {
      return detail::with_duplicate_check(p, [&](detail::element_parser& parser, detail::duplicate_check* d) {
        return parser.parse_challenge(target, d);
      });
    });
    error_ = p.error;
  }

  constexpr void read_recovering(detail::cursor start) noexcept {
    detail::element_parser p{start, mode::lenient, {}, false, true, &recovered_};
    p.skip_to_challenge(false);
    read_all(p, [&](detail::challenge_parts& target) {
      p.read_recovered_challenge(target);
      return true;
    });
    if (!recovered_.empty()) error_ = recovered_[0];
  }

  challenge first_{};
  detail::cursor after_first_{};
  std::size_t count_ = 0;
  parse_error error_{};
  recovered_errors recovered_{};
  mode mode_ = mode::strict;
};

// Parses one WWW-Authenticate or Proxy-Authenticate field line.
constexpr challenge_list parse_challenges(std::string_view field, mode m = mode::strict) noexcept {
  return challenge_list(detail::make_cursor(field), m);
}
// A temporary std::string would leave every view dangling: refused at compile time.
template <class String, class = detail::refuse_temporary_string<String>>
challenge_list parse_challenges(String&& field, mode m = mode::strict) = delete;
// Parses several field lines of one response as one list (RFC 9110 section 5.3). The array
// of lines must outlive the result, as must the lines.
constexpr challenge_list parse_challenges(const std::string_view* fields, std::size_t count,
                                          mode m = mode::strict) noexcept {
  return challenge_list(detail::make_cursor(fields, count), m);
}
// Any contiguous container of string_views with data() and size(), such as
// std::array<std::string_view, N> or std::vector<std::string_view>.
template <class Fields, class = std::enable_if_t<!std::is_convertible_v<const Fields&, std::string_view>>,
          class = std::enable_if_t<
              std::is_convertible_v<decltype(std::declval<const Fields&>().data()), const std::string_view*>>>
constexpr challenge_list parse_challenges(const Fields& fields, mode m = mode::strict) noexcept {
  return parse_challenges(fields.data(), fields.size(), m);
}
// A temporary container would leave the list pointing at its freed array: refused.
template <class Fields, class = std::enable_if_t<!std::is_lvalue_reference_v<Fields>>,
          class = std::enable_if_t<
              std::is_convertible_v<decltype(std::declval<const Fields&>().data()), const std::string_view*>>>
challenge_list parse_challenges(Fields&& fields, mode m = mode::strict) = delete;

}  // namespace wwwauth
