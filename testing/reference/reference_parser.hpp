// A slow reference parser for HTTP authentication fields, written straight from the grammar
// of RFC 9110 sections 5.6 and 11 and from the contract in README.md ("Grammar decisions",
// "Lenient mode"), as the oracle for the differential tests and fuzz targets. It shares no
// code with include/wwwauth: it owns its results (std::string, std::vector), favours one
// obvious step per grammar rule over speed, and is never shipped.
//
// Grammar (RFC 9110):
//   WWW-Authenticate    = #challenge            (section 11.6.1)
//   Authorization       = credentials           (section 11.6.2)
//   Authentication-Info = #auth-param           (section 11.6.3)
//   challenge   = auth-scheme [ 1*SP ( token68 / #auth-param ) ]        (section 11.3)
//   credentials = auth-scheme [ 1*SP ( token68 / #auth-param ) ]        (section 11.4)
//   auth-param  = token BWS "=" BWS ( token / quoted-string )           (section 11.2)
//   token68     = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
//   token       = 1*tchar                                               (section 5.6.2)
//   quoted-string = DQUOTE *( qdtext / quoted-pair ) DQUOTE             (section 5.6.4)
//   #element: elements separated by OWS "," OWS; empty elements allowed (section 5.6.1)
//
// Choices where the contract leaves room:
//  R1 A field's leading and trailing OWS is skipped as OWS, not trimmed first: "field end" is
//     the length of the line as given (an error there has offset = that length), and a
//     lenient unterminated quoted-string keeps everything after its quote, trailing OWS
//     included ("raw() is everything after the opening quote"; `"x\ ` ends in a quoted-pair).
//  R2 Strict: after the scheme's 1*SP no HTAB may precede the first element (`Basic \trealm=x`
//     is expected_token at the tab), as the RFC grammar says.
//  R3 Context errors (param_without_scheme, param_after_token68, duplicate_param,
//     too_many_params) are raised as soon as `token BWS "="` is read, before its value.
//  R4 too_many_params is checked before duplicate_param.
//  R5 In the first element after the scheme, when neither reading succeeds, the error is the
//     one of the reading that got further: expected_comma after a token68 run + padding + OWS,
//     or expected_value after `token BWS "=" BWS` (`Basic a== x`: expected_comma at `x`;
//     `Basic a =`: expected_value at the end; a tie goes to expected_value). With neither a
//     token68 run nor `token BWS "="`, expected_token at the element's first byte (`Basic !x`).
//  R6 Credentials reuse the challenge rules: `name=value` first is param_without_scheme; after
//     the scheme a byte other than SP/HTAB/end is expected_space, except ',' (trailing_data);
//     after a token68 any non-OWS byte is trailing_data; in a param list a token not followed
//     by "=" is second_scheme. OWS-only credentials: expected_token at the field length.
//  R7 Authentication-Info has the same 64-param strict limit as a challenge.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace wwwauth_reference {

enum class mode { strict, lenient };

// The same names as wwwauth::errc (README.md, "Error codes"); the order is irrelevant, comparisons go by name.
enum class errc {
  none,
  expected_token,
  expected_space,
  expected_value,
  expected_comma,
  unterminated_quoted_string,
  invalid_quoted_char,
  param_without_scheme,
  param_after_token68,
  duplicate_param,
  too_many_params,
  second_scheme,
  trailing_data,
  expected_param,
};

inline const char* name(errc e) {
  switch (e) {
    case errc::none: return "none";
    case errc::expected_token: return "expected_token";
    case errc::expected_space: return "expected_space";
    case errc::expected_value: return "expected_value";
    case errc::expected_comma: return "expected_comma";
    case errc::unterminated_quoted_string: return "unterminated_quoted_string";
    case errc::invalid_quoted_char: return "invalid_quoted_char";
    case errc::param_without_scheme: return "param_without_scheme";
    case errc::param_after_token68: return "param_after_token68";
    case errc::duplicate_param: return "duplicate_param";
    case errc::too_many_params: return "too_many_params";
    case errc::second_scheme: return "second_scheme";
    case errc::trailing_data: return "trailing_data";
    case errc::expected_param: return "expected_param";
  }
  return "?";
}

// Strict mode refuses more than this many params in one challenge (README.md, "Grammar
// decisions": the duplicate check stays linear without allocation).
constexpr std::size_t max_strict_params = 64;

struct error {
  errc code = errc::none;
  std::size_t field = 0;
  std::size_t offset = 0;
  friend bool operator==(const error& a, const error& b) {
    return a.code == b.code && a.field == b.field && a.offset == b.offset;
  }
};

struct param {
  std::string name;
  std::string raw;  // as written, quoted-pairs kept, outer quotes removed
  bool quoted = false;
  std::string decoded;  // quoted-pairs resolved
  friend bool operator==(const param& a, const param& b) {
    return a.name == b.name && a.raw == b.raw && a.quoted == b.quoted && a.decoded == b.decoded;
  }
};

struct challenge {
  std::string scheme;
  bool has_token68 = false;
  std::string token68;  // padding kept
  std::vector<param> params;
  friend bool operator==(const challenge& a, const challenge& b) {
    return a.scheme == b.scheme && a.has_token68 == b.has_token68 && a.token68 == b.token68 && a.params == b.params;
  }
};

// WWW-Authenticate / Proxy-Authenticate: the challenges completed before the error, if any.
struct challenges_result {
  std::vector<challenge> challenges;
  error err;
};

// Authorization / Proxy-Authorization: meaningful only when err.code == none.
struct credentials_result {
  challenge cred;
  error err;
};

// Authentication-Info / Proxy-Authentication-Info: meaningful only when err.code == none.
struct auth_info_result {
  std::vector<param> params;
  error err;
};

namespace detail {

// --- Character classes, one predicate per ABNF rule --------------------------------------

inline bool is_alpha(unsigned char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
inline bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
inline bool is_ows(unsigned char c) { return c == ' ' || c == '\t'; }  // OWS = BWS = *( SP / HTAB )
inline bool is_vchar(unsigned char c) { return c >= 0x21 && c <= 0x7E; }
inline bool is_obs_text(unsigned char c) { return c >= 0x80; }

// tchar, RFC 9110 section 5.6.2.
inline bool is_tchar(unsigned char c) {
  if (is_alpha(c) || is_digit(c)) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

// token68 characters before the padding, RFC 9110 section 11.2.
inline bool is_token68_char(unsigned char c) {
  if (is_alpha(c) || is_digit(c)) return true;
  return std::string_view("-._~+/").find(static_cast<char>(c)) != std::string_view::npos;
}

// qdtext, RFC 9110 section 5.6.4.
inline bool is_qdtext(unsigned char c) {
  return c == '\t' || c == ' ' || c == 0x21 || (c >= 0x23 && c <= 0x5B) || (c >= 0x5D && c <= 0x7E) || is_obs_text(c);
}

// The byte after "\" in a quoted-pair, RFC 9110 section 5.6.4.
inline bool is_quoted_pair_char(unsigned char c) { return c == '\t' || c == ' ' || is_vchar(c) || is_obs_text(c); }

// Lenient rule 1: bytes of an unquoted value (any VCHAR / obs-text except ',' and DQUOTE).
inline bool is_lenient_value_char(unsigned char c) { return (is_vchar(c) || is_obs_text(c)) && c != ',' && c != '"'; }

inline char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

inline bool iequal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

// Thrown inside the reference only (never across its API) to unwind to the entry point.
struct failure {
  error err;
};

// One field line: its bytes, its index, and where its content starts (after leading OWS).
struct field {
  std::string_view text;
  std::size_t index = 0;
  std::size_t begin = 0;
  std::size_t end = 0;

  field(std::string_view t, std::size_t i) : text(t), index(i), end(t.size()) {
    while (begin < end && is_ows(at(begin))) ++begin;
  }
  unsigned char at(std::size_t i) const { return static_cast<unsigned char>(text[i]); }
  bool more(std::size_t i) const { return i < end; }
  std::size_t skip_ows(std::size_t i) const {
    while (more(i) && is_ows(at(i))) ++i;
    return i;
  }
  std::size_t skip_token(std::size_t i) const {
    while (more(i) && is_tchar(at(i))) ++i;
    return i;
  }
  [[noreturn]] void fail(errc code, std::size_t offset) const { throw failure{{code, index, offset}}; }
};

// Parses a value (token / quoted-string, or a lenient unquoted value) starting at `i`.
// Returns false, consuming nothing, when no value starts there; else fills `out` and `i`.
inline bool read_value(const field& f, std::size_t& i, mode m, param& out) {
  if (!f.more(i)) return false;
  if (f.at(i) == '"') {
    const std::size_t open = i;
    std::size_t j = i + 1;
    std::string decoded;
    for (;;) {
      if (!f.more(j)) {
        // Strict: an unterminated quoted-string is an error at its opening quote.
        // Lenient rule 4: it ends at the end of its field.
        if (m == mode::strict) f.fail(errc::unterminated_quoted_string, open);
        out.raw = std::string(f.text.substr(open + 1, j - open - 1));
        out.quoted = true;
        out.decoded = decoded;
        i = j;
        return true;
      }
      const unsigned char c = f.at(j);
      if (c == '"') {
        out.raw = std::string(f.text.substr(open + 1, j - open - 1));
        out.quoted = true;
        out.decoded = decoded;
        i = j + 1;
        return true;
      }
      if (c == '\\') {
        if (!f.more(j + 1)) {
          if (m == mode::strict) f.fail(errc::unterminated_quoted_string, open);
          decoded += '\\';  // lenient rule 4: a lone trailing backslash is literal
          ++j;
          continue;
        }
        const unsigned char d = f.at(j + 1);
        if (!is_quoted_pair_char(d)) f.fail(errc::invalid_quoted_char, j + 1);
        decoded += static_cast<char>(d);
        j += 2;
        continue;
      }
      if (!is_qdtext(c)) f.fail(errc::invalid_quoted_char, j);
      decoded += static_cast<char>(c);
      ++j;
    }
  }
  std::size_t j = i;
  if (m == mode::strict) {
    j = f.skip_token(i);
  } else if (f.at(i) != '=') {  // lenient rule 1: must not start with '=' (keeps `abc==` a token68)
    while (f.more(j) && is_lenient_value_char(f.at(j))) ++j;
  }
  if (j == i) return false;
  out.raw = std::string(f.text.substr(i, j - i));
  out.quoted = false;
  out.decoded = out.raw;
  i = j;
  return true;
}

// Does `token BWS "="` start at i? If so, name_end is the end of the token and eq the '='.
inline bool reads_param_start(const field& f, std::size_t i, std::size_t& name_end, std::size_t& eq) {
  if (!f.more(i) || !is_tchar(f.at(i))) return false;
  name_end = f.skip_token(i);
  eq = f.skip_ows(name_end);
  return f.more(eq) && f.at(eq) == '=';
}

// The param list being filled (a challenge's, the credentials', or Authentication-Info's),
// with strict mode's checks: duplicates and the 64-param limit.
inline void check_new_param(const field& f, std::size_t name_begin, std::size_t name_end,
                            const std::vector<param>& params, mode m) {
  if (m != mode::strict) return;                                                      // lenient rule 5
  if (params.size() >= max_strict_params) f.fail(errc::too_many_params, name_begin);  // R4
  const std::string_view n = f.text.substr(name_begin, name_end - name_begin);
  for (const param& p : params)
    if (iequal(p.name, n)) f.fail(errc::duplicate_param, name_begin);
}

// Reads the value of a param whose `token BWS "="` is [name_begin, eq]; returns the index after it.
inline std::size_t read_param_value(const field& f, std::size_t name_begin, std::size_t name_end, std::size_t eq,
                                    mode m, std::vector<param>& params) {
  param p;
  p.name = std::string(f.text.substr(name_begin, name_end - name_begin));
  std::size_t i = f.skip_ows(eq + 1);
  if (!read_value(f, i, m, p)) f.fail(errc::expected_value, i);
  params.push_back(std::move(p));
  return i;
}

// After a param's value: OWS, then ',' or field end, else expected_comma. Lenient rule 2:
// OWS then `token BWS "="` is another param of the same list. Returns the index of the ','
// or of the field end.
inline std::size_t after_param(const field& f, std::size_t i, mode m, std::vector<param>& params) {
  for (;;) {
    const std::size_t j = f.skip_ows(i);
    if (!f.more(j) || f.at(j) == ',') return j;
    std::size_t name_end = 0, eq = 0;
    if (m == mode::lenient && reads_param_start(f, j, name_end, eq)) {
      i = read_param_value(f, j, name_end, eq, m, params);
      continue;
    }
    f.fail(errc::expected_comma, j);
  }
}

// What a challenge (or the credentials) still accepts.
enum class state {
  none,         // no challenge yet
  closed,       // bare scheme not followed by SP in its field: no params can follow
  open,         // scheme then 1*SP: params may follow (first element may be empty)
  has_params,   // at least one param
  has_token68,  // a token68: nothing more
};

// The first element after `scheme 1*SP`, at i (a byte that is not SP), in a field that
// does not end in OWS from i on.
// Returns the index after it: a ',' or the field end (credentials check that a token68 is
// not followed by ',' themselves).
inline std::size_t first_element(const field& f, std::size_t i, mode m, challenge& c, state& st, bool credentials) {
  const std::size_t after_ows = f.skip_ows(i);
  if (f.at(after_ows) == ',') {  // an empty first element
    st = state::open;
    return after_ows;
  }
  // R2: `challenge = auth-scheme [ 1*SP ( token68 / #auth-param ) ]`, and a list does not
  // start with OWS: an HTAB after the spaces is expected_token.
  if (after_ows != i) f.fail(errc::expected_token, i);
  i = after_ows;

  // Reading 1: auth-param.
  std::size_t name_end = 0, eq = 0;
  bool name_and_equals = false;
  std::size_t value_at = 0;
  if (reads_param_start(f, i, name_end, eq)) {
    name_and_equals = true;
    value_at = f.skip_ows(eq + 1);
    param probe;
    std::size_t v = value_at;
    if (read_value(f, v, m, probe)) {
      probe.name = std::string(f.text.substr(i, name_end - i));
      c.params.push_back(std::move(probe));
      st = state::has_params;
      return after_param(f, v, m, c.params);
    }
  }
  // Reading 2: token68.
  std::size_t t = i;
  while (f.more(t) && is_token68_char(f.at(t))) ++t;
  const bool run = t > i;
  if (run) {
    while (f.more(t) && f.at(t) == '=') ++t;
    const std::size_t j = f.skip_ows(t);
    if (!f.more(j) || f.at(j) == ',') {
      c.has_token68 = true;
      c.token68 = std::string(f.text.substr(i, t - i));
      st = state::has_token68;
      return j;
    }
    // Both readings failed: report the one that got further (R5); credentials: only OWS may
    // follow a token68 (R6).
    if (!name_and_equals || j > value_at) f.fail(credentials ? errc::trailing_data : errc::expected_comma, j);
  }
  if (name_and_equals) f.fail(errc::expected_value, value_at);
  f.fail(errc::expected_token, i);  // R5
}

// What follows a scheme token ending at i. Returns the index where the list goes on.
inline std::size_t after_scheme(const field& f, std::size_t i, mode m, challenge& c, state& st, bool credentials) {
  if (!f.more(i)) {
    st = state::closed;
    return i;
  }
  const unsigned char b = f.at(i);
  const bool space = b == ' ' || (m == mode::lenient && b == '\t');  // lenient rule 3
  if (space) {
    std::size_t j = i;
    while (f.more(j) && (f.at(j) == ' ' || (m == mode::lenient && f.at(j) == '\t'))) ++j;
    // A scheme whose field ends after its spaces takes no params.
    if (!f.more(f.skip_ows(j))) {
      st = state::closed;
      return f.skip_ows(j);
    }
    return first_element(f, j, m, c, st, credentials);
  }
  if (b == '\t') {  // strict: an HTAB right after the scheme is OWS before ',' or nothing
    const std::size_t j = f.skip_ows(i);
    if (f.more(j) && f.at(j) != ',') f.fail(errc::expected_space, i);
    st = state::closed;
    return j;
  }
  if (b == ',') {
    st = state::closed;
    return i;
  }
  f.fail(errc::expected_space, i);
}

inline std::vector<field> make_fields(const std::vector<std::string_view>& texts) {
  std::vector<field> fields;
  for (std::size_t k = 0; k < texts.size(); ++k) fields.emplace_back(texts[k], k);
  return fields;
}

}  // namespace detail

// WWW-Authenticate / Proxy-Authenticate over one or more field lines (joined as by ", ").
inline challenges_result parse_challenges(const std::vector<std::string_view>& fields, mode m = mode::strict) {
  using namespace detail;
  challenges_result result;
  challenge current;
  state st = state::none;
  try {
    for (const field& f : make_fields(fields)) {
      // A field boundary is a separator like ','. A scheme that ends its field takes no params
      // (after_scheme() closed it).
      std::size_t i = f.begin;
      for (;;) {
        while (f.more(i) && (is_ows(f.at(i)) || f.at(i) == ',')) ++i;  // empty elements
        if (!f.more(i)) break;
        if (!is_tchar(f.at(i))) f.fail(errc::expected_token, i);
        std::size_t name_end = 0, eq = 0;
        if (reads_param_start(f, i, name_end, eq)) {
          if (st == state::none || st == state::closed) f.fail(errc::param_without_scheme, i);
          if (st == state::has_token68) f.fail(errc::param_after_token68, i);
          check_new_param(f, i, name_end, current.params, m);
          const std::size_t v = read_param_value(f, i, name_end, eq, m, current.params);
          st = state::has_params;
          i = after_param(f, v, m, current.params);
          continue;
        }
        // A token not followed by "=": a new challenge; the current one is complete.
        if (st != state::none) result.challenges.push_back(current);
        current = challenge{};
        current.scheme = std::string(f.text.substr(i, name_end - i));
        i = after_scheme(f, name_end, m, current, st, false);
      }
    }
    if (st != state::none) result.challenges.push_back(current);
  } catch (const failure& e) {
    result.err = e.err;
  }
  return result;
}

inline challenges_result parse_challenges(std::string_view text, mode m = mode::strict) {
  return parse_challenges(std::vector<std::string_view>{text}, m);
}

// Authorization / Proxy-Authorization: one field.
inline credentials_result parse_credentials(std::string_view text, mode m = mode::strict) {
  using namespace detail;
  credentials_result result;
  const field f(text, 0);
  try {
    std::size_t i = f.begin;
    if (!f.more(i) || !is_tchar(f.at(i))) f.fail(errc::expected_token, i);
    std::size_t name_end = 0, eq = 0;
    if (reads_param_start(f, i, name_end, eq)) f.fail(errc::param_without_scheme, i);  // R6
    result.cred.scheme = std::string(f.text.substr(i, name_end - i));
    state st = state::none;
    i = after_scheme(f, name_end, m, result.cred, st, true);
    if (st == state::closed || st == state::has_token68) {
      // Only OWS may follow a bare scheme or a token68.
      const std::size_t j = f.skip_ows(i);
      if (f.more(j)) f.fail(errc::trailing_data, j);
    } else {
      for (;;) {
        while (f.more(i) && (is_ows(f.at(i)) || f.at(i) == ',')) ++i;
        if (!f.more(i)) break;
        if (!is_tchar(f.at(i))) f.fail(errc::expected_token, i);
        if (!reads_param_start(f, i, name_end, eq)) f.fail(errc::second_scheme, i);
        check_new_param(f, i, name_end, result.cred.params, m);
        const std::size_t v = read_param_value(f, i, name_end, eq, m, result.cred.params);
        i = after_param(f, v, m, result.cred.params);
      }
    }
  } catch (const failure& e) {
    result.err = e.err;
  }
  return result;
}

// Authentication-Info / Proxy-Authentication-Info over one or more field lines.
inline auth_info_result parse_auth_info(const std::vector<std::string_view>& fields, mode m = mode::strict) {
  using namespace detail;
  auth_info_result result;
  try {
    for (const field& f : make_fields(fields)) {
      std::size_t i = f.begin;
      for (;;) {
        while (f.more(i) && (is_ows(f.at(i)) || f.at(i) == ',')) ++i;
        if (!f.more(i)) break;
        std::size_t name_end = 0, eq = 0;
        if (!reads_param_start(f, i, name_end, eq)) f.fail(errc::expected_param, i);
        check_new_param(f, i, name_end, result.params, m);
        const std::size_t v = read_param_value(f, i, name_end, eq, m, result.params);
        i = after_param(f, v, m, result.params);
      }
    }
  } catch (const failure& e) {
    result.err = e.err;
  }
  return result;
}

inline auth_info_result parse_auth_info(std::string_view text, mode m = mode::strict) {
  return parse_auth_info(std::vector<std::string_view>{text}, m);
}

}  // namespace wwwauth_reference
