// Helpers shared by the fuzz targets: checks that abort() (never assert(), which release
// builds remove), splitting an input into field lines, and the "every view lies inside the
// input" check.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "reference/compare.hpp"

namespace wwwauth_fuzz {

[[noreturn]] inline void fail(const std::string& what) {
  std::fprintf(stderr, "wwwauth fuzz check failed: %s\n", what.c_str());
  std::fflush(stderr);
  std::abort();
}

inline void check(bool ok, const char* what, const std::string& detail = std::string()) {
  if (!ok) fail(std::string(what) + (detail.empty() ? "" : "\n  " + detail));
}

inline std::string_view as_view(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// The input's lines as field values (no '\n' left in them), as a server sends several lines.
inline std::vector<std::string_view> split_lines(std::string_view in) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  for (;;) {
    const std::size_t nl = in.find('\n', start);
    if (nl == std::string_view::npos) {
      fields.push_back(in.substr(start));
      return fields;
    }
    fields.push_back(in.substr(start, nl - start));
    start = nl + 1;
  }
}

// A non-empty view must point into [in.data(), in.data() + in.size()).
inline void check_inside(std::string_view view, std::string_view in, const char* what) {
  if (view.empty()) return;
  const char* lo = in.data();
  const char* hi = in.data() + in.size();
  const bool inside =
      view.data() >= lo && view.data() <= hi && view.size() <= static_cast<std::size_t>(hi - view.data());
  check(inside, what, "view " + wwwauth_reference::quote(view) + " is outside the input");
}

template <class Params>
void check_params_inside(const Params& params, std::string_view in) {
  for (const wwwauth::auth_param& p : params) {
    check_inside(p.name(), in, "param name inside input");
    check_inside(p.value().raw(), in, "param value inside input");
  }
}

inline void check_inside(const wwwauth::challenge_list& list, std::string_view in) {
  for (const wwwauth::challenge& c : list) {
    check_inside(c.scheme(), in, "scheme inside input");
    check_inside(c.token68(), in, "token68 inside input");
    check_params_inside(c.params(), in);
  }
}

// Compares a library result with the reference's and aborts with both printed when they differ.
template <class Result>
void check_same(const Result& reference, const Result& library, const char* what,
                const std::vector<std::string_view>& fields) {
  if (wwwauth_reference::same(reference, library)) return;
  fail(std::string(what) + "\n  input     " + wwwauth_reference::describe_fields(fields) + "\n  reference " +
       wwwauth_reference::describe(reference) + "\n  library   " + wwwauth_reference::describe(library));
}

}  // namespace wwwauth_fuzz
