// wwwauth-explain: what a 401 or 407 asks for, and why the request failed, as text or JSON.
// The usage text below is the reference; the man page (wwwauth-explain.1) says the same at
// length.
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <wwwauth/wwwauth.hpp>
#include <wwwauth_tools/bounded_input.hpp>
#include <wwwauth_tools/escape.hpp>
#include <wwwauth_tools/evidence_history.hpp>
#include <wwwauth_tools/exchange.hpp>
#include <wwwauth_tools/har.hpp>
#include <wwwauth_tools/transcript_reader.hpp>

#include "demo_responses.hpp"
#include "hints_output.hpp"

#ifndef WWWAUTH_EXPLAIN_VERSION
#define WWWAUTH_EXPLAIN_VERSION "unknown"
#endif

namespace {

using wwwauth_tools::append_json_string;
using wwwauth_tools::escaped;
using wwwauth_tools::printable;

constexpr const char* usage =
    "usage: wwwauth-explain [--strict] [--json] [FIELD-VALUE...]\n"
    "       wwwauth-explain [--strict] [--json] --response [FILE]\n"
    "       wwwauth-explain [--strict] [--json] --har FILE\n"
    "       wwwauth-explain --demo | --help | --version\n"
    "Explains a 401 or 407: what the server asks for, why the request failed and what to do.\n"
    "Reads WWW-Authenticate / Proxy-Authenticate field values, with or without the field name\n"
    "(one per argument, or one per line of standard input), as the fields of one response; or\n"
    "with --response, a response as curl -si prints it (taking Proxy-Authenticate for a 407,\n"
    "WWW-Authenticate otherwise), or a curl -v transcript (curl -v URL 2>&1), whose request lines\n"
    "tell what was sent: its last response is explained, with the exchanges before it; or with\n"
    "--har, a HAR file (as browsers' developer tools export it): every 401 and 407 in it.\n"
    "  --response  read a response (curl -si) or a transcript (curl -v) from FILE or stdin\n"
    "  --har       read a HAR 1.2 file (\"-\" for stdin)\n"
    "  --demo      typical responses explained (with --json: the first one)\n"
    "  --strict    RFC 9110's grammar only (default: lenient, also what deployed servers send)\n"
    "  --json      one JSON document instead of text\n"
    "  --help      this text;  --version  the version\n"
    "Input: at most 16 MiB; more is refused with an error. Bytes from the input are printed\n"
    "with control characters, bidirectional controls and invalid UTF-8 escaped.\n"
    "Exit status: 0 parsed, 1 syntax error or malformed response, 2 usage error or unreadable input.\n";

enum class source { fields, response, har, demo };

struct options {
  bool strict = false;
  bool json = false;
  source from = source::fields;
  bool help = false;
  bool version = false;
  std::vector<std::string> operands;
};

std::optional<options> parse_options(int argc, char** argv) {
  options o;
  bool operands_only = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (operands_only || arg.empty() || arg[0] != '-' || arg == "-") {
      o.operands.emplace_back(arg);
    } else if (arg == "--") {
      operands_only = true;
    } else if (arg == "--strict") {
      o.strict = true;
    } else if (arg == "--json") {
      o.json = true;
    } else if (arg == "--response") {
      o.from = source::response;
    } else if (arg == "--har") {
      o.from = source::har;
    } else if (arg == "--demo") {
      o.from = source::demo;
    } else if (arg == "--help" || arg == "-h") {
      o.help = true;
    } else if (arg == "--version") {
      o.version = true;
    } else {
      std::cerr << "wwwauth-explain: unknown option " << printable(arg) << "\n" << usage;
      return std::nullopt;
    }
  }
  return o;
}

// Standard output through a buffer that is written out as it fills, so that a document as
// large as the input is never held whole. A Sink for wwwauth_tools' appenders.
class output_buffer {
 public:
  ~output_buffer() { flush(); }
  output_buffer& operator+=(char c) {
    buffer_ += c;
    return spill();
  }
  output_buffer& operator+=(std::string_view s) { return append(s); }
  output_buffer& append(std::string_view s) {
    buffer_.append(s);
    return spill();
  }
  void flush() {
    std::cout.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }

 private:
  output_buffer& spill() {
    if (buffer_.size() >= std::size_t{64} * 1024) flush();
    return *this;
  }
  std::string buffer_;
};

// A pasted field line keeps its name: `WWW-Authenticate: Basic realm="x"`. A challenge can
// never start that way (":" is not a tchar, RFC 9110 section 5.6.2), so the name is dropped.
std::string_view without_field_name(std::string_view line) {
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return line;
  const std::string_view name = line.substr(0, colon);
  if (!wwwauth::iequals(name, "WWW-Authenticate") && !wwwauth::iequals(name, "Proxy-Authenticate")) return line;
  return wwwauth_tools::trim_ows(line.substr(colon + 1));
}

// What one explanation is about: a response's status (when known), its challenge fields, the
// request that drew it and the exchanges that led to it (when the input showed them).
struct subject {
  std::optional<int> status;
  std::vector<std::string_view> fields;
  const wwwauth_tools::request_record* request = nullptr;
  wwwauth::exchange_history history;  // its last exchange is this response's; empty for field values
};

// What diagnose() needs to know of the request: Proxy-Authorization answers a 407,
// Authorization anything else (RFC 9110 sections 11.6.2, 11.7.2). The views point into the
// request record.
wwwauth::request_info sent_credentials(const subject& s) {
  if (s.request == nullptr || !s.request->known) return {};
  const auto* field =
      wwwauth_tools::find_field(s.request->headers, s.status == 407 ? "Proxy-Authorization" : "Authorization");
  if (field == nullptr) return wwwauth::request_info::no_credentials();
  return wwwauth::request_info::from(
      wwwauth::parse_credentials(std::string_view(field->value), wwwauth::mode::lenient));
}

// RFC 9110 section 11.7.1: a 407 carries Proxy-Authenticate; anything else WWW-Authenticate.
subject subject_of(const wwwauth_tools::exchange& e, const wwwauth_tools::evidence_history& history) {
  const int status = e.response.status;
  return {status,
          wwwauth_tools::values_of(e.response.headers, status == 407 ? "Proxy-Authenticate" : "WWW-Authenticate"),
          &e.request, history.history()};
}

template <class Sink>
void append_value_json(Sink& out, const wwwauth::param_value& v) {
  append_json_string(out, explain::decoded(v));
}

template <class Sink>
void append_error_json(Sink& out, const wwwauth::parse_error& e) {
  out += "{\"field\": " + std::to_string(e.field) + ", \"offset\": " + std::to_string(e.offset) + ", \"message\": ";
  append_json_string(out, e.message());
  out += "}";
}

template <class Sink>
void append_explanation_json(Sink& out, const subject& s, const wwwauth::challenge_list& list,
                             const explain::diagnosis& d) {
  out += "\"status\": ";
  out += s.status ? std::to_string(*s.status) : "null";
  out += ", \"challenges\": [";
  const char* separator = "";
  for (const wwwauth::challenge& c : list) {
    out += separator;
    separator = ", ";
    out += "{\"scheme\": ";
    append_json_string(out, c.scheme());
    out += ", \"token68\": ";
    if (c.has_token68()) {
      append_json_string(out, c.token68());
    } else {
      out += "null";
    }
    out += ", \"params\": [";
    const char* param_separator = "";
    for (const wwwauth::auth_param& p : c.params()) {
      out += param_separator;
      param_separator = ", ";
      out += "[";
      append_json_string(out, p.name());
      out += ", ";
      append_value_json(out, p.value());
      out += "]";
    }
    out += "]}";
  }
  out += "], \"error\": ";
  if (const wwwauth::parse_error e = list.error()) {
    append_error_json(out, e);
  } else {
    out += "null";
  }
  // Lenient parsing: every error read past (the first is "error"), then how many more.
  out += ", \"recovered\": [";
  const char* error_separator = "";
  for (const wwwauth::parse_error& e : list.recovered()) {
    out += error_separator;
    error_separator = ", ";
    append_error_json(out, e);
  }
  out += "], \"recovered_dropped\": " + std::to_string(list.recovered().dropped());
  out += ", \"chosen\": " + explain::chosen_json(d) + ", \"hints\": ";
  explain::append_hints_json(out, d);
}

// The exchanges before the one explained, as JSON (curl -v output with -L or several rounds).
template <class Sink>
void append_history_json(Sink& out, const std::vector<wwwauth_tools::exchange>& exchanges) {
  out += "[";
  for (std::size_t i = 0; i + 1 < exchanges.size(); ++i) {
    const wwwauth_tools::exchange& e = exchanges[i];
    out += i == 0 ? "{\"method\": " : ", {\"method\": ";
    if (e.request.known) {
      append_json_string(out, e.request.method);
    } else {
      out += "null";
    }
    out += ", \"url\": ";
    if (e.request.known) {
      append_json_string(out, e.request.url);
    } else {
      out += "null";
    }
    out += ", \"status\": " + std::to_string(e.response.status) + ", \"redirect\": ";
    if (e.is_redirect()) {
      append_json_string(out, e.response.redirect_url);
    } else {
      out += "null";
    }
    out += "}";
  }
  out += "]";
}

struct style {
  bool colour;
  std::string operator()(const char* sgr, const std::string& text) const {
    return colour ? "\x1b[" + std::string(sgr) + "m" + text + "\x1b[0m" : text;
  }
};

style terminal_style() { return style{isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr}; }

// "GET https://host/path, with Authorization (Basic)" for a request the input showed.
std::string describe_request(const wwwauth_tools::request_record& r, int status) {
  std::string out = printable(r.method) + " " + printable(r.url);
  const char* name = status == 407 ? "Proxy-Authorization" : "Authorization";
  if (const auto* field = wwwauth_tools::find_field(r.headers, name)) {
    const std::string_view value = field->value;
    out += std::string(", with ") + name + " (" + printable(value.substr(0, value.find(' '))) + ")";
  } else {
    out += std::string(", without ") + name;
  }
  return out;
}

void print_history(const std::vector<wwwauth_tools::exchange>& exchanges) {
  if (exchanges.size() > 1) std::cout << "Exchanges before this response:\n";
  for (std::size_t i = 0; i + 1 < exchanges.size(); ++i) {
    const wwwauth_tools::exchange& e = exchanges[i];
    std::cout << "  " << i + 1 << ". "
              << (e.request.known ? describe_request(e.request, e.response.status) : std::string("(request not shown)"))
              << " -> " << e.response.status;
    if (e.is_redirect()) std::cout << ", redirected to " << printable(e.response.redirect_url);
    std::cout << "\n";
  }
  const wwwauth_tools::exchange& last = exchanges.back();
  if (last.request.known) std::cout << "Request: " << describe_request(last.request, last.response.status) << "\n";
}

// The error, then the field with a caret under the offending byte: the field is shown escaped,
// so the caret goes under the column its byte is printed at.
void print_syntax_error(const subject& s, const wwwauth::parse_error& e, const char* what, const style& paint) {
  std::cout << paint("31", what) << " in field " << e.field << " at byte " << e.offset << ": " << e.message() << "\n";
  const std::string_view field = s.fields[e.field];
  std::cout << "  " << escaped{field} << "\n  " << std::string(wwwauth_tools::printable_columns(field, e.offset), ' ')
            << "^\n";
}

void print_text(const subject& s, const wwwauth::challenge_list& list, const explain::diagnosis& d,
                const style& paint) {
  if (s.status) std::cout << "Status " << *s.status << "\n";
  explain::print_response_hints(std::cout, d, paint);
  if (s.fields.empty()) std::cout << "No authentication field in the input.\n";
  std::size_t n = 0;
  for (const wwwauth::challenge& c : list) {
    std::cout << "Challenge " << n + 1 << ": " << paint("1", printable(c.scheme())) << explain::chosen_mark(d, n)
              << "\n";
    if (c.has_token68()) std::cout << "  token68 " << escaped{c.token68()} << "\n";
    for (const wwwauth::auth_param& p : c.params()) {
      const std::string value = explain::decoded(p.value());
      const char* quote = p.value().quoted() ? "\"" : "";
      std::cout << "  " << escaped{p.name()} << " = " << quote << escaped{value} << quote << "\n";
    }
    explain::print_challenge_hints(std::cout, d, n++, paint);
  }
  if (list.empty() && !s.fields.empty() && list.ok()) std::cout << "No challenge in the fields.\n";
  // Lenient parsing read past these errors; strict stopped at error().
  for (const wwwauth::parse_error& e : list.recovered())
    print_syntax_error(s, e, "Recovered from a syntax error", paint);
  if (list.recovered().dropped() != 0) {
    std::cout << list.recovered().dropped() << " more syntax errors recovered from, not listed\n";
  }
  if (const wwwauth::parse_error e = list.error(); e && list.recovered().empty()) {
    print_syntax_error(s, e, "Syntax error", paint);
    // What lenient parsing (the default without --strict) still reads of the same fields.
    const auto lenient = wwwauth::parse_challenges(s.fields, wwwauth::mode::lenient);
    if (lenient.size() > list.size()) {
      std::cout << "Lenient parsing (without --strict) reads " << lenient.size() << " challenge(s):";
      for (const wwwauth::challenge& c : lenient) std::cout << " " << printable(c.scheme());
      const std::size_t errors = lenient.recovered().size() + lenient.recovered().dropped();
      std::cout << (errors == 0 ? "" : " (past " + std::to_string(errors) + " syntax error(s))") << "\n";
    }
  }
}

// Explains one subject; true when its fields parsed without error.
bool explain_subject(const subject& s, const options& o, output_buffer* json) {
  const auto list = wwwauth::parse_challenges(s.fields, o.strict ? wwwauth::mode::strict : wwwauth::mode::lenient);
  explain::diagnosis d = explain::diagnose_response(s.status.value_or(0), list, sent_credentials(s));
  // What the exchanges show beside the challenges: a redirect that dropped the credentials, a
  // session cookie deleted, WordPress, Kerberos to an address, Basic over plain http.
  wwwauth::add_evidence(d.hints, s.history, list);
  if (json != nullptr) {
    append_explanation_json(*json, s, list, d);
  } else {
    print_text(s, list, d, terminal_style());
  }
  return list.ok();
}

// A transcript read: its last response explained, with its history; or the reader's error.
int explain_transcript(const wwwauth_tools::transcript& t, const options& o) {
  if (!t.error && t.exchanges.empty()) {
    std::cerr << "wwwauth-explain: no status line (HTTP/x NNN) in the response\n";
    return 2;
  }
  if (o.json) {
    output_buffer out;
    out += "{";
    if (t.error) {
      out += "\"status\": null, \"challenges\": [], \"error\": {\"line\": " + std::to_string(t.error->line) +
             ", \"byte\": " + std::to_string(t.error->byte) + ", \"message\": ";
      append_json_string(out, t.error->message);
      out += "}, \"chosen\": null, \"hints\": []}\n";
      return 1;
    }
    const auto history = wwwauth_tools::evidence_history::sequence(t.exchanges, t.exchanges.size());
    const bool ok = explain_subject(subject_of(t.exchanges.back(), history), o, &out);
    out += ", \"history\": ";
    append_history_json(out, t.exchanges);
    out += ", \"notes\": [";
    for (std::size_t i = 0; i < t.notes.size(); ++i) {
      if (i > 0) out += ", ";
      append_json_string(out, t.notes[i]);
    }
    out += "]}\n";
    return ok ? 0 : 1;
  }
  if (t.error) {
    std::cerr << "wwwauth-explain: malformed response at line " << t.error->line << ", byte " << t.error->byte << ": "
              << printable(t.error->message) << "\n";
    return 1;
  }
  for (const std::string& note : t.notes) std::cout << "Note: " << printable(note) << "\n";
  print_history(t.exchanges);
  const auto history = wwwauth_tools::evidence_history::sequence(t.exchanges, t.exchanges.size());
  return explain_subject(subject_of(t.exchanges.back(), history), o, nullptr) ? 0 : 1;
}

// Every 401 and 407 of a HAR file, each with the request that drew it.
int explain_har(const wwwauth_tools::transcript& t, const options& o) {
  std::vector<std::size_t> chosen;
  for (std::size_t i = 0; i < t.exchanges.size(); ++i) {
    const int status = t.exchanges[i].response.status;
    if (status == 401 || status == 407) chosen.push_back(i);
  }
  bool ok = true;
  if (o.json) {
    output_buffer out;
    out += "{\"entries\": [";
    for (std::size_t n = 0; n < chosen.size() && !t.error; ++n) {
      const wwwauth_tools::exchange& e = t.exchanges[chosen[n]];
      out += n == 0 ? "{" : ", {";
      out += "\"entry\": " + std::to_string(chosen[n]) + ", \"url\": ";
      append_json_string(out, e.request.url);
      out += ", ";
      const auto history = wwwauth_tools::evidence_history::redirect_chain(t.exchanges, chosen[n]);
      ok = explain_subject(subject_of(e, history), o, &out) && ok;
      out += "}";
    }
    out += "], \"error\": ";
    if (t.error) {
      out += "{\"byte\": " + std::to_string(t.error->byte) + ", \"message\": ";
      append_json_string(out, t.error->message);
      out += "}";
    } else {
      out += "null";
    }
    out += "}\n";
    return t.error ? 1 : ok ? 0 : 1;
  }
  if (t.error) {
    std::cerr << "wwwauth-explain: malformed HAR file at byte " << t.error->byte << ": " << printable(t.error->message)
              << "\n";
    return 1;
  }
  if (chosen.empty()) std::cout << "No 401 or 407 among the " << t.exchanges.size() << " entries.\n";
  for (const std::size_t i : chosen) {
    const wwwauth_tools::exchange& e = t.exchanges[i];
    std::cout << (i == chosen.front() ? "" : "\n") << "Entry " << i << ": "
              << describe_request(e.request, e.response.status) << "\n";
    const auto history = wwwauth_tools::evidence_history::redirect_chain(t.exchanges, i);
    ok = explain_subject(subject_of(e, history), o, nullptr) && ok;
  }
  return ok ? 0 : 1;
}

int explain_fields(const std::vector<std::string>& lines, const options& o) {
  subject s;
  for (const std::string& line : lines) s.fields.push_back(without_field_name(line));
  if (!o.json) return explain_subject(s, o, nullptr) ? 0 : 1;
  output_buffer out;
  out += "{";
  const bool ok = explain_subject(s, o, &out);
  out += "}\n";
  return ok ? 0 : 1;
}

// Runs on_line for each line of FILE (or stdin for "-"); a message and false when it cannot.
template <class OnLine>
bool read_lines_of(const std::string& path, OnLine&& on_line) {
  std::ifstream file;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) {
      std::cerr << "wwwauth-explain: cannot read " << printable(path) << "\n";
      return false;
    }
  }
  std::istream& in = path == "-" ? std::cin : file;
  const wwwauth_tools::input_status status = wwwauth_tools::for_each_line(in, on_line);
  if (status == wwwauth_tools::input_status::too_large) {
    std::cerr << "wwwauth-explain: the input is larger than 16 MiB, the most this tool reads\n";
    return false;
  }
  if (status == wwwauth_tools::input_status::unreadable) {
    std::cerr << "wwwauth-explain: cannot read " << printable(path) << "\n";
    return false;
  }
  return true;
}

int run_demo(const options& o) {
  if (o.json) return explain_transcript(wwwauth_tools::read_transcript(explain::sample_401), o);
  for (const explain::demo_response& demo : explain::demo_responses) {
    std::cout << "== " << demo.title << " ==\n\n" << demo.text << "\nexplained:\n\n";
    explain_transcript(wwwauth_tools::read_transcript(demo.text), o);
    std::cout << "\n";
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::optional<options> o = parse_options(argc, argv);
  if (!o) return 2;
  if (o->help) {
    std::cout << usage;
    return 0;
  }
  if (o->version) {
    std::cout << "wwwauth-explain " << WWWAUTH_EXPLAIN_VERSION << "\n";
    return 0;
  }
  if (o->from == source::demo || (argc == 1 && isatty(STDIN_FILENO) != 0)) return run_demo(*o);
  if (o->from == source::response) {
    if (o->operands.size() > 1) {
      std::cerr << "wwwauth-explain: --response reads one response\n" << usage;
      return 2;
    }
    wwwauth_tools::transcript_reader reader;
    if (!read_lines_of(o->operands.empty() ? "-" : o->operands[0], [&](std::string_view l) { reader.feed(l); })) {
      return 2;
    }
    return explain_transcript(std::move(reader).finish(), *o);
  }
  if (o->from == source::har) {
    if (o->operands.size() != 1) {
      std::cerr << "wwwauth-explain: --har reads one file\n" << usage;
      return 2;
    }
    std::ifstream file;
    if (o->operands[0] != "-") file.open(o->operands[0], std::ios::binary);
    std::istream& in = o->operands[0] == "-" ? std::cin : file;
    wwwauth_tools::input_status status = wwwauth_tools::input_status::unreadable;
    const std::optional<std::string> text = in ? wwwauth_tools::read_all(in, status) : std::nullopt;
    if (!text) {
      std::cerr << "wwwauth-explain: "
                << (status == wwwauth_tools::input_status::too_large
                        ? "the input is larger than 16 MiB, the most this tool reads"
                        : "cannot read " + printable(o->operands[0]))
                << "\n";
      return 2;
    }
    return explain_har(wwwauth_tools::read_har(*text), *o);
  }
  std::vector<std::string> lines = o->operands;
  if (lines.empty()) {
    const bool read =
        read_lines_of("-", [&](std::string_view line) { lines.emplace_back(wwwauth_tools::without_cr(line)); });
    if (!read) return 2;
  }
  return explain_fields(lines, *o);
}
