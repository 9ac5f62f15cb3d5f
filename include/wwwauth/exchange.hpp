// An HTTP exchange as a client saw it (a request and its response), and a history of them in
// the order they happened: what a browser's HAR export or a `curl -v -L` transcript records.
// Every member is a view into the caller's storage (which must outlive it); nothing is copied.
//
//     const std::array<wwwauth::header_field, 1> sent{{{"Authorization", "Basic YTpi"}}};
//     wwwauth::exchange e;
//     e.method = "GET";
//     e.url = "http://example.com/private/";
//     e.request_headers = sent;
//     e.status = 401;
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

#include "detail/ascii.hpp"

namespace wwwauth {

struct header_field {
  std::string_view name{};
  std::string_view value{};
  // Falsy for "absent" (what header_fields::find() returns when no field has the name).
  constexpr explicit operator bool() const noexcept { return !name.empty(); }
  constexpr bool name_is(std::string_view n) const noexcept { return detail::iequals(name, n); }
};

// A range over the caller's header fields, in the order received; field names compare
// case-insensitively (RFC 9110 section 5.1), and a name may repeat (Set-Cookie does).
class header_fields {
 public:
  constexpr header_fields() noexcept = default;
  constexpr header_fields(const header_field* first, std::size_t count) noexcept : first_(first), count_(count) {}
  template <std::size_t N>
  constexpr header_fields(const std::array<header_field, N>& fields) noexcept  // NOLINT: a view, like string_view
      : first_(fields.data()), count_(N) {}
  // A temporary array would be gone before the view is read.
  template <std::size_t N>
  header_fields(const std::array<header_field, N>&& fields) = delete;

  constexpr const header_field* begin() const noexcept { return first_; }
  constexpr const header_field* end() const noexcept { return first_ + count_; }
  constexpr std::size_t size() const noexcept { return count_; }
  constexpr bool empty() const noexcept { return count_ == 0; }
  constexpr const header_field& operator[](std::size_t i) const noexcept { return first_[i]; }

  // The first field of this name, or a falsy header_field.
  constexpr header_field find(std::string_view name) const noexcept {
    for (const header_field& f : *this) {
      if (f.name_is(name)) return f;
    }
    return {};
  }
  // Calls visit(const header_field&) for each field of this name, until it returns false.
  template <class Visit>
  constexpr void for_each(std::string_view name, Visit visit) const {
    for (const header_field& f : *this) {
      if (f.name_is(name) && !visit(f)) return;
    }
  }

 private:
  const header_field* first_ = nullptr;
  std::size_t count_ = 0;
};

struct exchange {
  std::string_view method{};  // the request method, as sent
  std::string_view url{};     // the request's absolute URL (scheme://host[:port]/...)
  header_fields request_headers{};
  int status = 0;  // the response's status code (0: no response)
  header_fields response_headers{};
  std::string_view body{};         // the first bytes of the response body (a prefix may be cut anywhere)
  bool followed_redirect = false;  // the history's next exchange is the redirect this response asked for
};

// The exchanges in the order they happened; the last one is the one being explained.
class exchange_history {
 public:
  constexpr exchange_history() noexcept = default;
  constexpr exchange_history(const exchange* first, std::size_t count) noexcept : first_(first), count_(count) {}
  template <std::size_t N>
  constexpr exchange_history(const std::array<exchange, N>& exchanges) noexcept  // NOLINT: a view
      : first_(exchanges.data()), count_(N) {}
  template <std::size_t N>
  exchange_history(const std::array<exchange, N>&& exchanges) = delete;

  constexpr const exchange* begin() const noexcept { return first_; }
  constexpr const exchange* end() const noexcept { return first_ + count_; }
  constexpr std::size_t size() const noexcept { return count_; }
  constexpr bool empty() const noexcept { return count_ == 0; }
  constexpr const exchange& operator[](std::size_t i) const noexcept { return first_[i]; }
  constexpr const exchange& back() const noexcept { return first_[count_ - 1]; }

 private:
  const exchange* first_ = nullptr;
  std::size_t count_ = 0;
};

}  // namespace wwwauth
