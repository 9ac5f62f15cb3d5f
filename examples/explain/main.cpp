// wwwauth-explain: what a 401 or 407 asks for, as text or JSON (DESIGN.md section 4).
//
//   wwwauth-explain [--strict] [--json] FIELD...     field values as arguments
//   wwwauth-explain [--strict] [--json] < lines      field values, one per line
//   wwwauth-explain --response [FILE]                a raw response head (curl -si or curl -v output)
//   wwwauth-explain --demo                           typical responses, explained
//
// Exit status: 0 parsed without error, 1 syntax error (the output is still printed), 2 usage.
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <wwwauth/wwwauth.hpp>

#include "curl_verbose.hpp"
#include "demo_responses.hpp"
#include "hints_output.hpp"
#include "json_text.hpp"
#include "response_head.hpp"

namespace {

constexpr const char* usage =
    "usage: wwwauth-explain [--strict] [--json] [FIELD-VALUE...]\n"
    "       wwwauth-explain [--strict] [--json] --response [FILE]\n"
    "       wwwauth-explain --demo\n"
    "Explains WWW-Authenticate / Proxy-Authenticate field values: one per argument, or one per\n"
    "line of standard input; with --response, a raw response head (as curl -si prints it), taking\n"
    "Proxy-Authenticate for a 407 and WWW-Authenticate otherwise; or curl -v output, whose request\n"
    "lines tell whether credentials were sent. Hints say why the request failed and what to do.\n"
    "  --demo      typical responses explained (with --json: the first one)\n"
    "  --strict    RFC 9110's grammar only (default: lenient, also what deployed servers send)\n"
    "  --json      one JSON document instead of text\n"
    "Exit status: 0 parsed, 1 syntax error, 2 usage error.\n";

struct options {
  bool strict = false;
  bool json = false;
  bool response = false;
  bool demo = false;
  std::vector<std::string> operands;
};

// The fields to explain, from whichever source the options name.
struct input {
  std::optional<int> status;  // --response only
  std::vector<std::string> fields;
  explain::sent_credentials sent;  // known from curl -v output only
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
      o.response = true;
    } else if (arg == "--demo") {
      o.demo = true;
    } else {
      std::cerr << "wwwauth-explain: unknown option " << explain::printable(arg) << "\n" << usage;
      return std::nullopt;
    }
  }
  return o;
}

std::vector<std::string> read_lines(std::istream& in) {
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

std::optional<input> response_input(std::string_view text) {
  explain::curl_exchange exchange = explain::read_curl_verbose(text);
  const std::optional<explain::response_head> head = explain::read_last_response(exchange.response);
  if (!head) return std::nullopt;
  // RFC 9110 section 11.7.1: a 407 carries Proxy-Authenticate; anything else WWW-Authenticate.
  return input{head->status, head->values_of(head->status == 407 ? "Proxy-Authenticate" : "WWW-Authenticate"),
               std::move(exchange.sent)};
}

std::optional<std::string> read_all(const std::string& path) {
  if (path == "-") return std::string(std::istreambuf_iterator<char>(std::cin), {});
  std::ifstream file(path, std::ios::binary);
  if (!file) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(file), {});
}

std::string json_value(const wwwauth::param_value& v) {
  std::string decoded;
  v.decode(std::back_inserter(decoded));
  return explain::json_string(decoded);
}

std::string json_error(const wwwauth::parse_error& e) {
  return "{\"field\": " + std::to_string(e.field) + ", \"offset\": " + std::to_string(e.offset) +
         ", \"message\": " + explain::json_string(e.message()) + "}";
}

void print_json(const input& in, const wwwauth::challenge_list& list, const explain::diagnosis& d) {
  std::string out = "{\"status\": " + (in.status ? std::to_string(*in.status) : "null") + ", \"challenges\": [";
  const char* separator = "";
  for (const wwwauth::challenge& c : list) {
    out += separator;
    separator = ", ";
    out += "{\"scheme\": " + explain::json_string(c.scheme()) + ", \"token68\": " +
           (c.has_token68() ? explain::json_string(c.token68()) : "null") + ", \"params\": [";
    const char* param_separator = "";
    for (const wwwauth::auth_param& p : c.params()) {
      out += param_separator;
      param_separator = ", ";
      out += "[" + explain::json_string(p.name()) + ", " + json_value(p.value()) + "]";
    }
    out += "]}";
  }
  out += "], \"error\": " + (list.error() ? json_error(list.error()) : "null") + ", \"recovered\": [";
  // Lenient parsing: every error read past, the first being "error"; then how many more.
  const char* error_separator = "";
  for (const wwwauth::parse_error& e : list.recovered()) {
    out += error_separator + json_error(e);
    error_separator = ", ";
  }
  out += "], \"recovered_dropped\": " + std::to_string(list.recovered().dropped()) + ", \"hints\": " + explain::hints_json(d) + "}\n";
  std::cout << out;
}

struct style {
  bool colour;
  std::string operator()(const char* sgr, const std::string& text) const {
    return colour ? "\x1b[" + std::string(sgr) + "m" + text + "\x1b[0m" : text;
  }
};

// The error, then the field with a caret under the offending byte; the field is shown
// escaped, so the caret is placed after the escaped prefix.
void print_syntax_error(const input& in, const wwwauth::parse_error& e, const char* what, const style& paint) {
  std::cout << paint("31", what) << " in field " << e.field << " at byte " << e.offset << ": " << e.message() << "\n";
  const std::string& field = in.fields[e.field];
  const std::string prefix = explain::printable(std::string_view(field).substr(0, e.offset));
  std::cout << "  " << explain::printable(field) << "\n  " << std::string(prefix.size(), ' ') << "^\n";
}

void print_text(const input& in, const wwwauth::challenge_list& list, const explain::diagnosis& d,
                const style& paint) {
  if (in.status) std::cout << "Status " << *in.status << "\n";
  explain::print_response_hints(std::cout, d, paint);
  if (in.fields.empty()) std::cout << "No authentication field in the input.\n";
  std::size_t n = 0;
  for (const wwwauth::challenge& c : list) {
    std::cout << "Challenge " << n + 1 << ": " << paint("1", explain::printable(c.scheme()))
              << explain::chosen_mark(d, n) << "\n";
    if (c.has_token68()) std::cout << "  token68 " << explain::printable(c.token68()) << "\n";
    for (const wwwauth::auth_param& p : c.params()) {
      std::string decoded;
      p.value().decode(std::back_inserter(decoded));
      const std::string shown = explain::printable(decoded);
      std::cout << "  " << explain::printable(p.name()) << " = " << (p.value().quoted() ? "\"" + shown + "\"" : shown)
                << "\n";
    }
    explain::print_challenge_hints(std::cout, d, n++, paint);
  }
  if (list.empty() && !in.fields.empty() && list.ok()) std::cout << "No challenge in the fields.\n";
  // Lenient parsing read past these errors; strict stopped at error().
  for (const wwwauth::parse_error& e : list.recovered()) {
    print_syntax_error(in, e, "Recovered from a syntax error", paint);
  }
  if (list.recovered().dropped() != 0) {
    std::cout << list.recovered().dropped() << " more syntax errors recovered from, not listed\n";
  }
  if (const wwwauth::parse_error e = list.error(); e && list.recovered().empty()) {
    print_syntax_error(in, e, "Syntax error", paint);
    // What lenient parsing (the default without --strict) still reads of the same fields.
    const std::vector<std::string_view> views(in.fields.begin(), in.fields.end());
    const auto lenient = wwwauth::parse_challenges(views, wwwauth::mode::lenient);
    if (lenient.size() > list.size()) {
      std::cout << "Lenient parsing (without --strict) reads " << lenient.size() << " challenge(s):";
      for (const wwwauth::challenge& c : lenient) std::cout << " " << explain::printable(c.scheme());
      const std::size_t errors = lenient.recovered().size() + lenient.recovered().dropped();
      std::cout << (errors == 0 ? "" : " (past " + std::to_string(errors) + " syntax error(s))") << "\n";
    }
  }
}

int explain_input(const input& in, const options& o) {
  std::vector<std::string_view> views(in.fields.begin(), in.fields.end());
  const auto list = wwwauth::parse_challenges(views, o.strict ? wwwauth::mode::strict : wwwauth::mode::lenient);
  const int status = in.status.value_or(0);
  const explain::diagnosis d = explain::diagnose_response(status, list, in.sent.for_status(status));
  if (o.json) {
    print_json(in, list, d);
  } else {
    print_text(in, list, d, style{isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr});
  }
  return list.ok() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  const std::optional<options> o = parse_options(argc, argv);
  if (!o) return 2;
  if (o->demo || (argc == 1 && isatty(STDIN_FILENO) != 0)) {
    if (o->json) return explain_input(*response_input(explain::sample_401), *o);
    for (const explain::demo_response& demo : explain::demo_responses) {
      std::cout << "== " << demo.title << " ==\n\n" << demo.text << "\nexplained:\n\n";
      explain_input(*response_input(demo.text), *o);
      std::cout << "\n";
    }
    return 0;
  }
  if (o->response) {
    if (o->operands.size() > 1) {
      std::cerr << "wwwauth-explain: --response reads one response head\n" << usage;
      return 2;
    }
    const std::optional<std::string> text = read_all(o->operands.empty() ? "-" : o->operands[0]);
    if (!text) {
      std::cerr << "wwwauth-explain: cannot read " << explain::printable(o->operands[0]) << "\n";
      return 2;
    }
    const std::optional<input> in = response_input(*text);
    if (!in) {
      std::cerr << "wwwauth-explain: no status line (HTTP/x NNN) in the response\n";
      return 2;
    }
    return explain_input(*in, *o);
  }
  input in;
  in.fields = o->operands.empty() ? read_lines(std::cin) : o->operands;
  return explain_input(in, *o);
}
