// The parts of an absolute URL that decide where a request went: scheme, host and port
// (RFC 3986 sections 3.1 and 3.2). Enough to tell whether a redirect changed origin
// (RFC 6454 section 4), whether the host is an IP address, and whether a connection was
// encrypted; not a general URL library (no path normalisation, no percent-decoding, no IDNA).
//
//     const wwwauth::url_view u = wwwauth::parse_url("http://[::1]:8080/private/");
//     if (!u.error() && u.host_is_address() && u.port() == 8080) { /* ... */ }
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "chars.hpp"
#include "detail/ascii.hpp"
#include "detail/dangling.hpp"
#include "detail/hex.hpp"

namespace wwwauth {

enum class url_errc : std::uint8_t {
  none,
  missing_scheme,     // no "scheme:" at the start
  missing_authority,  // no "//" after the scheme: not a URL that names a host
  invalid_host,       // an empty host, a byte no host may hold, or a malformed IP literal
  invalid_port,       // a port that is not digits, or above 65535
};

constexpr std::string_view name(url_errc e) noexcept {
  switch (e) {
    case url_errc::none: return "none";
    case url_errc::missing_scheme: return "missing_scheme";
    case url_errc::missing_authority: return "missing_authority";
    case url_errc::invalid_host: return "invalid_host";
    case url_errc::invalid_port: return "invalid_port";
  }
  return "unknown";
}
constexpr std::string_view message(url_errc e) noexcept {
  switch (e) {
    case url_errc::none: return "no error";
    case url_errc::missing_scheme: return "a URL must start with a scheme and ':'";
    case url_errc::missing_authority: return "expected '//' and a host after the scheme";
    case url_errc::invalid_host: return "the host is empty or holds a byte no host may hold";
    case url_errc::invalid_port: return "the port must be digits up to 65535";
  }
  return "unknown error";
}

struct url_error {
  url_errc code = url_errc::none;
  std::size_t offset = 0;  // zero-based byte in the URL where it went wrong
  constexpr explicit operator bool() const noexcept { return code != url_errc::none; }
  constexpr std::string_view message() const noexcept { return wwwauth::message(code); }
};

// RFC 3986 section 3.2.2: host = IP-literal / IPv4address / reg-name.
enum class host_kind : std::uint8_t { name, ipv4, ipv6, ipvfuture };

// The port a scheme implies when the URL gives none (RFC 9110 sections 4.2.1, 4.2.2; RFC 6455
// section 3), 0 for a scheme without one known here.
constexpr std::uint16_t default_port(std::string_view scheme) noexcept {
  if (detail::iequals(scheme, "http") || detail::iequals(scheme, "ws")) return 80;
  if (detail::iequals(scheme, "https") || detail::iequals(scheme, "wss")) return 443;
  if (detail::iequals(scheme, "ftp")) return 21;
  return 0;
}

class url_view {
 public:
  constexpr url_view() noexcept = default;

  constexpr url_error error() const noexcept { return error_; }
  // The scheme as written; compare it with scheme_is(), schemes are case-insensitive.
  constexpr std::string_view scheme() const noexcept { return scheme_; }
  constexpr bool scheme_is(std::string_view s) const noexcept { return detail::iequals(scheme_, s); }
  constexpr std::string_view userinfo() const noexcept { return userinfo_; }
  // The host as written, an IP literal with its brackets ("[::1]").
  constexpr std::string_view host() const noexcept { return host_; }
  constexpr host_kind kind() const noexcept { return kind_; }
  constexpr bool host_is_address() const noexcept { return kind_ != host_kind::name; }
  // The port given, as written (empty when none, or "host:" with nothing after the colon).
  constexpr std::string_view port_text() const noexcept { return port_text_; }
  // The port given, else the scheme's default (0 when neither is known).
  constexpr std::uint16_t port() const noexcept { return port_; }
  // RFC 6761 section 6.3 (localhost and *.localhost), 127.0.0.0/8 and ::1: the connection
  // does not leave the machine.
  constexpr bool host_is_loopback() const noexcept { return loopback_; }

 private:
  friend constexpr url_view parse_url(std::string_view url) noexcept;

  url_error error_{};
  std::string_view scheme_{}, userinfo_{}, host_{}, port_text_{};
  host_kind kind_ = host_kind::name;
  std::uint16_t port_ = 0;
  bool loopback_ = false;
};

namespace detail {

constexpr bool is_hex_digit(char c) noexcept { return hex_value(c) >= 0; }
// unreserved / sub-delims (RFC 3986 section 2); pct-encoded is checked by the caller.
constexpr bool is_unreserved_or_sub_delim(char c) noexcept {
  switch (c) {
    case '-':
    case '.':
    case '_':
    case '~':
    case '!':
    case '$':
    case '&':
    case '\'':
    case '(':
    case ')':
    case '*':
    case '+':
    case ',':
    case ';':
    case '=': return true;
    default: return chars::is_alpha(static_cast<unsigned char>(c)) || chars::is_digit(static_cast<unsigned char>(c));
  }
}

// reg-name = *( unreserved / pct-encoded / sub-delims ); the position of the first byte that
// does not fit, or s.size().
constexpr std::size_t reg_name_end(std::string_view s) noexcept {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && is_hex_digit(s[i + 1]) && is_hex_digit(s[i + 2])) {
      i += 2;
    } else if (!is_unreserved_or_sub_delim(s[i])) {
      return i;
    }
  }
  return s.size();
}

// IPv4address = dec-octet "." dec-octet "." dec-octet "." dec-octet, where dec-octet has no
// leading zero (RFC 3986 section 3.2.2). The first octet goes to *first when it parses.
constexpr bool parse_ipv4(std::string_view s, unsigned* first = nullptr) noexcept {
  std::size_t i = 0;
  for (int octet = 0; octet < 4; ++octet) {
    if (octet > 0) {
      if (i >= s.size() || s[i] != '.') return false;
      ++i;
    }
    const std::size_t start = i;
    unsigned value = 0;
    while (i < s.size() && chars::is_digit(static_cast<unsigned char>(s[i])) && i - start < 3) {
      value = value * 10 + static_cast<unsigned>(s[i] - '0');
      ++i;
    }
    const std::size_t digits = i - start;
    if (digits == 0 || value > 255 || (digits > 1 && s[start] == '0')) return false;
    if (octet == 0 && first != nullptr) *first = value;
  }
  return i == s.size();
}

// IPv6address (RFC 3986 section 3.2.2, RFC 4291 section 2.2) into its eight 16-bit groups:
// 1-4 hex digits per group, at most one "::", an optional dotted IPv4 tail for the last two.
constexpr bool parse_ipv6(std::string_view s, std::array<std::uint16_t, 8>& out) noexcept {
  std::array<std::uint16_t, 8> groups{};
  std::size_t n = 0;
  std::size_t gap = 8;  // where "::" stands, 8 when absent
  std::size_t i = 0;
  if (s.size() >= 2 && s[0] == ':' && s[1] == ':') {
    gap = 0;
    i = 2;
  } else if (!s.empty() && s[0] == ':') {
    return false;
  }
  while (i < s.size()) {
    if (n == 8) return false;
    const std::size_t start = i;
    unsigned value = 0;
    while (i < s.size() && is_hex_digit(s[i]) && i - start < 4)
      value = value * 16 + static_cast<unsigned>(hex_value(s[i++]));
    if (i < s.size() && s[i] == '.') {  // the IPv4 tail: two groups, and the end
      unsigned ignored = 0;
      if (n > 6 || !parse_ipv4(s.substr(start), &ignored)) return false;
      std::array<unsigned, 4> octets{};
      std::size_t k = start;
      for (unsigned& o : octets) {
        while (k < s.size() && s[k] != '.') o = o * 10 + static_cast<unsigned>(s[k++] - '0');
        ++k;
      }
      groups[n++] = static_cast<std::uint16_t>(octets[0] << 8U | octets[1]);
      groups[n++] = static_cast<std::uint16_t>(octets[2] << 8U | octets[3]);
      i = s.size();
      break;
    }
    if (i == start) return false;
    groups[n++] = static_cast<std::uint16_t>(value);
    if (i == s.size()) break;
    if (s[i] != ':') return false;
    ++i;
    if (i < s.size() && s[i] == ':') {
      if (gap != 8) return false;
      gap = n;
      ++i;
    } else if (i == s.size()) {
      return false;  // a single trailing colon
    }
  }
  if (gap == 8) {
    if (n != 8) return false;
    out = groups;
    return true;
  }
  if (n == 8) return false;  // "::" must stand for at least one group
  out = {};
  const std::size_t tail = n - gap;
  for (std::size_t k = 0; k < gap; ++k) out[k] = groups[k];
  for (std::size_t k = 0; k < tail; ++k) out[8 - tail + k] = groups[gap + k];
  return true;
}

// ::1 (RFC 4291 section 2.5.3), in any of its spellings.
constexpr bool is_ipv6_loopback(const std::array<std::uint16_t, 8>& groups) noexcept {
  for (std::size_t k = 0; k < 7; ++k) {
    if (groups[k] != 0) return false;
  }
  return groups[7] == 1;
}

// IPvFuture = "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )
constexpr bool is_ipvfuture(std::string_view s) noexcept {
  if (s.size() < 4 || ascii_lower(s[0]) != 'v') return false;
  std::size_t i = 1;
  while (i < s.size() && is_hex_digit(s[i])) ++i;
  if (i == 1 || i + 1 >= s.size() || s[i] != '.') return false;
  for (++i; i < s.size(); ++i) {
    if (s[i] != ':' && !is_unreserved_or_sub_delim(s[i])) return false;
  }
  return true;
}

constexpr bool ends_with_icase(std::string_view s, std::string_view suffix) noexcept {
  return s.size() >= suffix.size() && iequals(s.substr(s.size() - suffix.size()), suffix);
}

}  // namespace detail

// Reads scheme "://" [ userinfo "@" ] host [ ":" port ] and stops at the path, query or
// fragment. On error, error() says what and where, and the parts read before it are kept.
constexpr url_view parse_url(std::string_view url) noexcept {
  url_view u;
  const auto fail = [&u](url_errc code, std::size_t at) {
    u.error_ = {code, at};
    return u;
  };
  // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )
  std::size_t i = 0;
  while (i < url.size() && (chars::is_alpha(static_cast<unsigned char>(url[i])) ||
                            (i > 0 && (chars::is_digit(static_cast<unsigned char>(url[i])) || url[i] == '+' ||
                                       url[i] == '-' || url[i] == '.')))) {
    ++i;
  }
  if (i == 0 || i == url.size() || url[i] != ':') return fail(url_errc::missing_scheme, i);
  u.scheme_ = url.substr(0, i);
  ++i;
  if (url.substr(i, 2) != "//") return fail(url_errc::missing_authority, i);
  i += 2;
  const std::size_t authority_start = i;
  std::size_t authority_end = authority_start;
  while (authority_end < url.size() && url[authority_end] != '/' && url[authority_end] != '?' &&
         url[authority_end] != '#') {
    ++authority_end;
  }
  std::string_view authority = url.substr(authority_start, authority_end - authority_start);
  // userinfo ends at the last "@": an "@" inside it should be percent-encoded, but when it is
  // not, the host is what follows the last one (as curl and browsers read it).
  const std::size_t at = authority.rfind('@');
  std::size_t host_start = authority_start;
  if (at != std::string_view::npos) {
    u.userinfo_ = authority.substr(0, at);
    host_start += at + 1;
    authority = authority.substr(at + 1);
  }
  std::size_t host_size = 0;
  if (!authority.empty() && authority[0] == '[') {
    const std::size_t close = authority.find(']');
    if (close == std::string_view::npos) return fail(url_errc::invalid_host, host_start);
    std::string_view literal = authority.substr(1, close - 1);
    // RFC 6874: an IPv6 zone identifier follows "%25".
    const std::size_t zone = literal.find("%25");
    std::array<std::uint16_t, 8> groups{};
    if (detail::parse_ipv6(literal.substr(0, zone), groups) &&
        (zone == std::string_view::npos ||
         (zone + 3 < literal.size() && detail::reg_name_end(literal.substr(zone + 3)) == literal.size() - zone - 3))) {
      u.kind_ = host_kind::ipv6;
      u.loopback_ = zone == std::string_view::npos && detail::is_ipv6_loopback(groups);
    } else if (detail::is_ipvfuture(literal)) {
      u.kind_ = host_kind::ipvfuture;
    } else {
      return fail(url_errc::invalid_host, host_start + 1);
    }
    host_size = close + 1;
  } else {
    host_size = detail::reg_name_end(authority);
    if (host_size == 0) return fail(url_errc::invalid_host, host_start);
    unsigned first_octet = 0;
    const std::string_view host = authority.substr(0, host_size);
    if (detail::parse_ipv4(host, &first_octet)) {
      u.kind_ = host_kind::ipv4;
      u.loopback_ = first_octet == 127;
    } else {
      u.loopback_ = detail::iequals(host, "localhost") || detail::ends_with_icase(host, ".localhost");
    }
  }
  u.host_ = authority.substr(0, host_size);
  u.port_ = default_port(u.scheme_);
  if (host_size == authority.size()) return u;
  if (authority[host_size] != ':') return fail(url_errc::invalid_host, host_start + host_size);
  // port = *DIGIT; an empty one means the default (RFC 3986 section 3.2.3).
  u.port_text_ = authority.substr(host_size + 1);
  if (u.port_text_.empty()) return u;
  std::uint32_t port = 0;
  for (std::size_t k = 0; k < u.port_text_.size(); ++k) {
    const char c = u.port_text_[k];
    if (!chars::is_digit(static_cast<unsigned char>(c)) ||
        (port = port * 10 + static_cast<std::uint32_t>(c - '0')) > 65535) {
      return fail(url_errc::invalid_port, host_start + host_size + 1 + k);
    }
  }
  u.port_ = static_cast<std::uint16_t>(port);
  return u;
}

// A temporary std::string would leave every view dangling: refused at compile time.
template <class String, class = detail::refuse_temporary_string<String>>
url_view parse_url(String&& url) = delete;

// Hosts compare ASCII case-insensitively (RFC 3986 section 3.2.2), as written: no
// percent-decoding, no IDNA, "127.0.0.1" and "localhost" differ (as curl and browsers treat
// them when deciding where credentials may go).
constexpr bool same_host(const url_view& a, const url_view& b) noexcept { return detail::iequals(a.host(), b.host()); }

// RFC 6454 section 4: scheme, host and port.
constexpr bool same_origin(const url_view& a, const url_view& b) noexcept {
  return detail::iequals(a.scheme(), b.scheme()) && same_host(a, b) && a.port() == b.port();
}

}  // namespace wwwauth
