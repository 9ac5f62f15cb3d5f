// The element-level grammar of RFC 9110 section 11: challenges, credentials and auth-param
// lists over the cursor of detail/tokenizer.hpp. One parser serves the validating pass (which
// reports errors and checks duplicates) and the iterating passes (which re-read input that
// has been validated and so never fail).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "../error.hpp"
#include "../param.hpp"
#include "../mode.hpp"
#include "ascii.hpp"
#include "constant_evaluation.hpp"
#include "inlining.hpp"
#include "param_index.hpp"
#include "tokenizer.hpp"

namespace wwwauth::detail {

// What parse_challenge found. Views point into the caller's input.
struct challenge_parts {
  std::string_view scheme{};
  std::string_view token68{};
  bool has_token68 = false;
  bool recovering = false;  // read by the recovering reader: its params() skip what it skipped
  cursor params_begin{};    // where the #auth-param list starts, when the scheme has one
  std::size_t param_count = 0;
  param_index index{};  // the first parameters (strict lists; lenient ones re-read them all)

  // As default-constructed, for the next challenge, except for the slots of the index, which
  // are written before they are read: a list of bare challenges would spend most of its time
  // clearing them.
  constexpr void clear() noexcept {
    scheme = {};
    token68 = {};
    has_token68 = false;
    recovering = false;
    params_begin = {};
    param_count = 0;
    index.clear();
  }
};

// "Each parameter name MUST only occur once per challenge" (RFC 9110 section 11.2). The names
// seen so far are kept in a fixed array: bounded work per parameter, no allocation. The array
// is left uninitialised at run time (only the first count_ entries are ever read); constant
// evaluation value-initialises it, as C++17 requires.
class duplicate_check {
 public:
  struct cleared_t {};
  // Run time: the name array stays uninitialised.
  duplicate_check() noexcept {}  // NOLINT: leaving names_ uninitialised is the point
  // Constant evaluation: every member initialised.
  constexpr explicit duplicate_check(cleared_t) noexcept : names_{} {}

  constexpr errc add(std::string_view name) noexcept {
    if (count_ == max_strict_params) return errc::too_many_params;
    // Names that differ in length or in their last letter cannot be equal: one bit per such
    // class spares comparing every new name with every name before it.
    const std::uint64_t bit = std::uint64_t{1}
                              << ((name.size() * 8 + (static_cast<unsigned char>(name.back()) | 0x20U)) % 64U);
    if ((seen_ & bit) != 0) {
      for (std::size_t i = 0; i < count_; ++i) {
        if (iequals(std::string_view(names_[i].data, names_[i].size), name)) return errc::duplicate_param;
      }
    }
    seen_ |= bit;
    names_[count_++] = name_entry{name.data(), name.size()};
    return errc::none;
  }

 private:
  struct name_entry {
    const char* data;
    std::size_t size;
  };
  name_entry names_[max_strict_params];
  std::size_t count_ = 0;
  std::uint64_t seen_ = 0;
};

enum class value_result { ok, absent, invalid };

struct element_parser {
  cursor cur;
  mode m = mode::strict;
  parse_error error{};
  // Credentials (section 11.4) hold one challenge-shaped element and are not a list: after a
  // token68 or a bare scheme only OWS may follow, and no second scheme.
  bool single = false;
  // Lenient challenge lists read on past syntax errors (the recovering reader below). The
  // validating pass records what it recovered from in `recovered`; iteration passes none.
  bool recovering = false;
  recovered_errors* recovered = nullptr;
  // The last element param_value_offset() was asked about (below).
  struct asked_element {
    std::size_t field = static_cast<std::size_t>(-1);
    std::size_t pos = 0;
    std::size_t name_end = 0;
    std::size_t value_pos = 0;
  };
  asked_element asked{};

  constexpr bool fail(errc code, std::size_t offset) noexcept {
    error = parse_error{code, cur.field, offset};
    return false;
  }
  constexpr bool lenient() const noexcept { return m == mode::lenient; }

  // Skips OWS, commas and line boundaries: the separators of the list rule, which accepts
  // empty elements (section 5.6.1).
  constexpr void skip_separators() noexcept {
    for (;;) {
      cur.pos = skip_ows(cur.text, cur.pos);
      if (cur.at_field_end()) {
        if (!cur.next_field()) return;
      } else if (cur.peek() == ',') {
        ++cur.pos;
      } else {
        return;
      }
    }
  }

  static constexpr std::size_t no_param = static_cast<std::size_t>(-1);

  // `token BWS "="` at the cursor? After a comma that is what tells another parameter of
  // the current challenge from the next challenge, since both lists share the comma. Returns
  // the offset of the value (after the BWS) and sets name_end, or returns no_param.
  static constexpr std::size_t param_value_offset(std::string_view s, std::size_t pos, std::size_t& name_end) noexcept {
    name_end = token_end(s, pos);
    if (name_end == pos) return no_param;
    const std::size_t eq = skip_ows(s, name_end);
    if (eq >= s.size() || s[eq] != '=') return no_param;
    return skip_ows(s, eq + 1);
  }
  // The same for the element at the cursor. The element after a challenge's parameters is
  // asked three times (does the list go on, does a challenge start, where does its scheme
  // end), so the answer for the last position asked is kept and its token read once.
  constexpr std::size_t param_value_offset(std::size_t& name_end) noexcept {
    if (asked.pos != cur.pos || asked.field != cur.field) {
      asked.value_pos = param_value_offset(cur.text, cur.pos, asked.name_end);
      asked.field = cur.field;
      asked.pos = cur.pos;
    }
    name_end = asked.name_end;
    return asked.value_pos;
  }
  constexpr bool param_starts_here() noexcept {
    std::size_t name_end = 0;
    return param_value_offset(name_end) != no_param;
  }

  constexpr std::size_t unquoted_value_end(std::size_t pos) const noexcept {
    return lenient() ? lenient_value_end(cur.text, pos) : token_end(cur.text, pos);
  }
  constexpr bool value_starts_at(std::size_t pos) const noexcept {
    return (pos < cur.text.size() && cur.text[pos] == '"') || unquoted_value_end(pos) > pos;
  }

  // value = token / quoted-string, or in lenient mode a wider unquoted run. On success the
  // cursor moves after it.
  constexpr value_result parse_value(std::size_t pos, param_value& out) noexcept {
    const std::string_view s = cur.text;
    if (pos < s.size() && s[pos] == '"') {
      const quoted_scan q = scan_quoted(s, pos, m);
      if (q.error != errc::none) {
        fail(q.error, q.error_pos);
        return value_result::invalid;
      }
      const std::size_t raw_end = q.closed ? q.end - 1 : q.end;
      out = param_value(slice(s, pos + 1, raw_end), true, q.escapes);
      cur.pos = q.end;
      return value_result::ok;
    }
    const std::size_t end = unquoted_value_end(pos);
    if (end == pos) return value_result::absent;
    out = param_value(slice(s, pos, end), false, 0);
    cur.pos = end;
    return value_result::ok;
  }

  // auth-param = token BWS "=" BWS ( token / quoted-string ), at the cursor, whose name ends
  // at name_end and whose value starts at value_pos (from param_value_offset()).
  constexpr bool parse_param(std::size_t name_end, std::size_t value_pos, auth_param& out,
                             duplicate_check* duplicates) noexcept {
    const std::size_t name_begin = cur.pos;
    const std::string_view name = slice(cur.text, name_begin, name_end);
    if (duplicates != nullptr) {
      const errc e = duplicates->add(name);
      if (e != errc::none) return fail(e, name_begin);
    }
    param_value value;
    switch (parse_value(value_pos, value)) {
      case value_result::ok: out = auth_param(name, value); return true;
      case value_result::absent: return fail(errc::expected_value, value_pos);
      case value_result::invalid: return false;
    }
    return false;
  }

  // After a value: OWS, then ',' or the end of the line. Lenient rule 2 also takes the next
  // `name=` after whitespace alone. Leaves the cursor on the next element.
  constexpr bool after_value() noexcept {
    cur.pos = skip_ows(cur.text, cur.pos);
    if (lenient() && param_starts_here()) return true;
    if (!is_separator_at(cur.text, cur.pos)) return fail(errc::expected_comma, cur.pos);
    if (!cur.at_field_end()) ++cur.pos;  // the comma, already seen
    skip_separators();
    return true;
  }

  // #auth-param (section 11.2): parameters while the next element is one. Those on the line
  // `index_field` go into `index`, when there is one.
  constexpr bool parse_param_list(std::size_t& count, duplicate_check* duplicates, param_index* index = nullptr,
                                  std::size_t index_field = 0) noexcept {
    while (!cur.at_end()) {
      std::size_t name_end = 0;
      const std::size_t value_pos = param_value_offset(name_end);
      if (value_pos == no_param) break;
      auth_param p;
      if (!parse_param(name_end, value_pos, p, duplicates)) return false;
      if (index != nullptr) index->record(cur.text, p, cur.pos, cur.field == index_field);
      if (!after_value()) return false;
      ++count;
    }
    return true;
  }

  // After a challenge the next element must start one (a token that is not `token BWS "="`),
  // or the input must end. Also checks the first element of a list (`after_token68` false).
  constexpr bool next_starts_challenge(bool after_token68) noexcept {
    if (cur.at_end()) return true;
    if (!is_token_at(cur.text, cur.pos)) return fail(errc::expected_token, cur.pos);
    if (param_starts_here()) {
      return fail(after_token68 ? errc::param_after_token68 : errc::param_without_scheme, cur.pos);
    }
    return true;
  }

  // After a challenge's parameters: the next challenge or the end; credentials end there.
  constexpr bool after_challenge(const challenge_parts& parts) noexcept {
    return next_starts_challenge(parts.has_token68) && (!single || cur.at_end() || fail(errc::second_scheme, cur.pos));
  }

  // After a token68 or a bare scheme (the cursor past its OWS): the separator to the next
  // element, or for credentials the end of the field.
  constexpr bool end_without_params(const challenge_parts& parts) noexcept {
    if (single) return cur.at_field_end() || fail(errc::trailing_data, cur.pos);
    skip_separators();
    return next_starts_challenge(parts.has_token68);
  }

  // challenge = auth-scheme [ 1*SP ( token68 / #auth-param ) ]   (section 11.1)
  // The cursor is on a token that is not a parameter, and `out` is cleared. On
  // success the cursor is on the next element, which starts a challenge, or at the end.
  WWWAUTH_FLATTEN constexpr bool parse_challenge(challenge_parts& out, duplicate_check* duplicates) noexcept {
    const std::string_view s = cur.text;
    std::size_t scheme_end = 0;
    param_value_offset(scheme_end);
    out.scheme = slice(s, cur.pos, scheme_end);
    // 1*SP: strict takes only SP, lenient rule 3 also HTAB.
    const bool spaced = scheme_end < s.size() && (s[scheme_end] == ' ' || (lenient() && s[scheme_end] == '\t'));
    cur.pos = skip_ows(s, scheme_end);
    if (is_separator_at(s, cur.pos)) {
      // `Basic ,realm=x`: SP then a #auth-param list whose first element is empty. Without
      // the SP (or at the line's end) the challenge is just the scheme.
      if (spaced && cur.pos < s.size()) return parse_params(out, duplicates);
      return end_without_params(out);
    }
    if (!spaced) return fail(errc::expected_space, scheme_end);
    // 1*SP leads straight to the element: strict mode takes no HTAB among them.
    if (!lenient()) {
      const std::size_t spaces_end = skip_while(s, scheme_end, [](char c) { return c == ' '; });
      if (spaces_end != cur.pos) return fail(errc::expected_token, spaces_end);
    }

    // The first element is a parameter or a token68; `=` may end both, and never both read.
    std::size_t name_end = 0;
    const std::size_t value_pos = param_value_offset(name_end);
    const bool param_form = value_pos != no_param;
    if (param_form && value_starts_at(value_pos)) return parse_params(out, duplicates);
    const std::size_t t68_end = token68_end(s, cur.pos);
    if (t68_end > cur.pos) {
      const std::size_t after = skip_ows(s, t68_end);
      const bool complete = is_separator_at(s, after);
      // When neither reading holds, the one that got further explains the error best
      // (`abc==@` meant a token68, `uri=/x` a parameter).
      if (complete || !param_form || after > value_pos) {
        if (!complete && !single) return fail(errc::expected_comma, after);
        out.has_token68 = true;
        out.token68 = slice(s, cur.pos, t68_end);
        cur.pos = after;
        return end_without_params(out);  // credentials: trailing_data where it went wrong
      }
    }
    return param_form ? fail(errc::expected_value, value_pos) : fail(errc::expected_token, cur.pos);
  }

  constexpr bool parse_params(challenge_parts& out, duplicate_check* duplicates) noexcept {
    out.params_begin = cur;
    skip_separators();
    return parse_param_list(out.param_count, duplicates, &out.index, out.params_begin.field) && after_challenge(out);
  }

  // --- The recovering reader: lenient challenge lists (README.md, "Lenient mode", rules 6-12).
  // At a syntax error it records the error a reader without recovery stops at, keeps the
  // challenge's scheme and the parameters completed so far, skips to the next element, and goes
  // on. The validating pass and iteration run the same steps, so iteration skips exactly what
  // validation skipped.

  constexpr void recover(errc code, std::size_t offset) noexcept {
    if (recovered != nullptr) recovered->push(parse_error{code, cur.field, offset});
  }

  // Skips a broken element: up to the next ',' or the end of the line, a quoted-string taken
  // whole, then the separators.
  constexpr void skip_element() noexcept {
    const std::string_view s = cur.text;
    std::size_t i = cur.pos;
    while (i < s.size() && s[i] != ',') i = s[i] == '"' ? skip_quoted(s, i) : i + 1;
    cur.pos = i;
    skip_separators();
  }

  // Rule 10: an unquoted value ending at a space, where neither ',' nor another `name=` nor
  // the line's end follows, runs on over the words after it (`error_description=The token
  // was not recognized.`), up to a ',', a '"', a control byte, the next `name=` or the line's
  // end; the value is those bytes, trailing whitespace excluded.
  constexpr std::size_t recovered_value_end(std::size_t end) noexcept {
    const std::string_view s = cur.text;
    bool extended = false;
    for (;;) {
      const std::size_t next = skip_ows(s, end);
      std::size_t name_end = 0;
      if (next == end || lenient_value_end(s, next) == next || param_value_offset(s, next, name_end) != no_param) {
        return end;
      }
      if (!extended) recover(errc::expected_comma, next);  // once per value: one error, where strict stops
      extended = true;
      end = lenient_value_end(s, next);
    }
  }

  // parse_param() for the recovering reader: rule 10 widens an unquoted value.
  constexpr bool parse_recovered_param(std::size_t name_end, std::size_t value_pos, auth_param& out) noexcept {
    if (!parse_param(name_end, value_pos, out, nullptr)) return false;
    if (!out.value().quoted()) {
      cur.pos = recovered_value_end(cur.pos);
      out = auth_param(out.name(), param_value(slice(cur.text, value_pos, cur.pos), false, 0));
    }
    return true;
  }

  // Rule 7: `"r"Basic realm="r"`: after a closing quote, a scheme followed by a parameter is
  // the next challenge, its comma missing.
  constexpr bool challenge_with_param_starts_here() const noexcept {
    const std::string_view s = cur.text;
    const std::size_t scheme_end = token_end(s, cur.pos);
    if (scheme_end == cur.pos || scheme_end >= s.size() || !chars::is_ows(s[scheme_end])) return false;
    std::size_t name_end = 0;
    return param_value_offset(s, skip_ows(s, scheme_end), name_end) != no_param;
  }

  // Before a challenge: skips (and records) elements that cannot start one, a parameter with
  // no scheme before it (rule 11), after a token68 (rule 9), or bytes that are no token.
  constexpr void skip_to_challenge(bool after_token68) noexcept {
    skip_separators();
    while (!cur.at_end()) {
      const bool token = is_token_at(cur.text, cur.pos);
      if (token && !param_starts_here()) return;
      recover(!token          ? errc::expected_token
              : after_token68 ? errc::param_after_token68
                              : errc::param_without_scheme,
              cur.pos);
      skip_element();
    }
  }

  // After a value: the separator, the next `name=` (rule 2), or recovery from the missing
  // comma. False when the next challenge starts right there (rule 7).
  constexpr bool after_recovered_value(bool quoted) noexcept {
    cur.pos = skip_ows(cur.text, cur.pos);
    if (param_starts_here()) return true;
    if (is_separator_at(cur.text, cur.pos)) {
      skip_separators();
      return true;
    }
    recover(errc::expected_comma, cur.pos);
    if (quoted && challenge_with_param_starts_here()) return false;
    skip_element();
    return true;
  }

  // The parameters of a challenge without token68, from the cursor: a broken one is dropped
  // and skipped (rule 8), bytes that start no element are skipped, a token alone ends them.
  constexpr void read_recovered_params(challenge_parts& out) noexcept {
    while (!cur.at_end()) {
      std::size_t name_end = 0;
      const std::size_t value_pos = param_value_offset(name_end);
      if (value_pos == no_param) {
        if (is_token_at(cur.text, cur.pos)) break;
        recover(errc::expected_token, cur.pos);
        skip_element();
        continue;
      }
      const std::size_t name_begin = cur.pos;
      auth_param p;
      if (!parse_recovered_param(name_end, value_pos, p)) {
        recover(error.code, error.offset);
        cur.pos = name_begin;
        skip_element();
        continue;
      }
      ++out.param_count;
      if (!after_recovered_value(p.value().quoted())) return;
    }
    skip_to_challenge(false);
  }

  // Iteration's step over what read_recovered_params() read: the next parameter that parses.
  constexpr void next_recovered_param(auth_param& out) noexcept {
    for (;;) {
      std::size_t name_end = 0;
      const std::size_t value_pos = param_value_offset(name_end);
      const std::size_t name_begin = cur.pos;
      if (value_pos != no_param && parse_recovered_param(name_end, value_pos, out)) return;
      cur.pos = name_begin;
      skip_element();
    }
  }

  // challenge = auth-scheme [ 1*SP ( token68 / #auth-param ) ], recovering. The cursor is on a
  // token that is not a parameter; it ends on the next challenge or at the end.
  constexpr void read_recovered_challenge(challenge_parts& out) noexcept {
    const std::string_view s = cur.text;
    const std::size_t scheme_end = token_end(s, cur.pos);
    out.scheme = slice(s, cur.pos, scheme_end);
    out.recovering = true;
    const bool spaced = scheme_end < s.size() && chars::is_ows(s[scheme_end]);  // rule 3
    cur.pos = skip_ows(s, scheme_end);
    out.params_begin = cur;
    if (is_separator_at(s, cur.pos)) {
      const bool bare = !spaced || cur.pos >= s.size();
      skip_separators();
      if (bare) {
        // Rule 6: `Bearer, error=x`: parameters after a bare scheme are its own.
        if (cur.at_end() || !param_starts_here()) return skip_to_challenge(false);
        recover(errc::param_without_scheme, cur.pos);
      }
      return read_recovered_params(out);
    }
    if (!spaced) {
      recover(errc::expected_space, scheme_end);  // `Basic"x"`: the scheme stays, bare
      skip_element();
      return read_recovered_params(out);
    }
    std::size_t name_end = 0;
    const std::size_t value_pos = param_value_offset(name_end);
    const bool param_form = value_pos != no_param;
    if (param_form && value_starts_at(value_pos)) return read_recovered_params(out);
    const std::size_t t68_end = token68_end(s, cur.pos);
    if (t68_end > cur.pos) {
      const std::size_t after = skip_ows(s, t68_end);
      const bool complete = is_separator_at(s, after);
      if (complete || !param_form || after > value_pos) {
        out.has_token68 = true;
        out.token68 = slice(s, cur.pos, t68_end);
        cur.pos = after;
        if (!complete) {
          recover(errc::expected_comma, after);  // rule 9: `Basic abc== realm="x"` keeps the token68
          skip_element();
        }
        return skip_to_challenge(true);
      }
    }
    // Rule 8: `Basic "please"`, `A "blob", c=d`: the element is skipped, the scheme stays.
    recover(param_form ? errc::expected_value : errc::expected_token, param_form ? value_pos : cur.pos);
    skip_element();
    read_recovered_params(out);
  }
};

// Runs `parse(parser, duplicates)` with a fresh duplicate check in strict mode, none in
// lenient mode (where duplicates are kept, lenient rule 5).
template <class Parse>
bool with_uninitialised_duplicate_check(element_parser& p, Parse parse) noexcept {
  duplicate_check duplicates;
  return parse(p, &duplicates);
}
template <class Parse>
constexpr bool with_duplicate_check(element_parser& p, Parse parse) noexcept {
  if (p.m != mode::strict) return parse(p, nullptr);
  if (certainly_run_time()) return with_uninitialised_duplicate_check(p, parse);
  duplicate_check duplicates{duplicate_check::cleared_t{}};
  return parse(p, &duplicates);
}

}  // namespace wwwauth::detail
