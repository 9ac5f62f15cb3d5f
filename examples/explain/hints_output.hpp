// The hints of wwwauth::diagnose() in wwwauth-explain's two outputs: JSON entries
// {"code", "text", "severity", "actor", "challenge", "params"} and text lines grouped per
// challenge, with the challenge a client would answer (select_best over every scheme the
// registry knows) marked.
#pragma once

#include <cstddef>
#include <iterator>
#include <ostream>
#include <string>
#include <string_view>

#include <wwwauth/diagnose.hpp>
#include <wwwauth/select.hpp>

#include <wwwauth_tools/escape.hpp>

namespace explain {

// Large enough for any real response; a larger one is reported, not truncated silently.
inline constexpr std::size_t hint_capacity = 256;
using hint_list = wwwauth::hint_list<hint_capacity>;

struct diagnosis {
  hint_list hints;
  wwwauth::selection chosen;
};

inline diagnosis diagnose_response(int status, const wwwauth::challenge_list& list, const wwwauth::request_info& sent) {
  return {wwwauth::diagnose<hint_capacity>(status, list, sent),
          wwwauth::select_best(list, wwwauth::client_abilities::everything())};
}

inline std::string decoded(const wwwauth::param_value& v) {
  std::string out;
  v.decode(std::back_inserter(out));
  return out;
}

// The index of the chosen challenge, or null.
inline std::string chosen_json(const diagnosis& d) { return d.chosen ? std::to_string(d.chosen.index) : "null"; }

// The hints as a JSON array, appended to a Sink (see wwwauth_tools/escape.hpp).
template <class Sink>
void append_hints_json(Sink& out, const diagnosis& d) {
  using wwwauth_tools::append_json_string;
  out += "[";
  const char* separator = "";
  for (const wwwauth::hint& h : d.hints) {
    out += separator;
    separator = ", ";
    out += "{\"code\": ";
    append_json_string(out, h.code());
    out += ", \"text\": ";
    append_json_string(out, h.text());
    out += ", \"severity\": ";
    append_json_string(out, wwwauth::name(h.level()));
    out += ", \"actor\": ";
    append_json_string(out, wwwauth::name(h.who()));
    out += ", \"challenge\": ";
    out += h.challenge_index() == wwwauth::hint::npos ? std::string("null") : std::to_string(h.challenge_index());
    out += ", \"params\": [";
    const char* param_separator = "";
    for (const wwwauth::auth_param& p : h.params()) {
      out += param_separator;
      param_separator = ", ";
      out += "[";
      append_json_string(out, p.name());
      out += ", ";
      append_json_string(out, decoded(p.value()));
      out += "]";
    }
    out += "]}";
  }
  out += "]";
}

// Text output. `paint(sgr, text)` colours text on a terminal.
template <class Paint>
void print_hint(std::ostream& os, const wwwauth::hint& h, const Paint& paint, std::string_view indent) {
  const char* colour = h.level() == wwwauth::severity::error     ? "31"
                       : h.level() == wwwauth::severity::warning ? "33"
                                                                 : "36";
  os << indent << paint(colour, std::string(wwwauth::name(h.level()))) << " " << h.code() << " (for the "
     << wwwauth::name(h.who()) << "): " << h.text() << "\n";
  for (const wwwauth::auth_param& p : h.params()) {
    os << indent << "    " << wwwauth_tools::escaped{p.name()} << " = " << wwwauth_tools::escaped{decoded(p.value())}
       << "\n";
  }
  if (const wwwauth::parse_error e = h.error()) {
    os << indent << "    at field " << e.field << ", byte " << e.offset << ": " << e.message() << "\n";
  }
}

// The hints about the response as a whole (status, syntax, missing challenge, retry).
template <class Paint>
void print_response_hints(std::ostream& os, const diagnosis& d, const Paint& paint) {
  for (const wwwauth::hint& h : d.hints) {
    if (h.challenge_index() == wwwauth::hint::npos) print_hint(os, h, paint, "");
  }
  if (d.hints.overflowed()) os << d.hints.dropped() << " more hints did not fit\n";
}

// After "Challenge N: Scheme": the mark when a client would answer this one.
inline std::string chosen_mark(const diagnosis& d, std::size_t index) {
  if (!d.chosen || d.chosen.index != index) return "";
  return "   <- the one to answer (" + std::string(d.chosen.why()) + ")";
}

template <class Paint>
void print_challenge_hints(std::ostream& os, const diagnosis& d, std::size_t index, const Paint& paint) {
  for (const wwwauth::hint& h : d.hints) {
    if (h.challenge_index() == index) print_hint(os, h, paint, "  ");
  }
}

}  // namespace explain
