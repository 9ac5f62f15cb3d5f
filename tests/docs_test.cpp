// README.md documents the scheme registry and every diagnosis hint code: this test reads it
// (found from this file's path, tests/../README.md) and checks the tables against the code,
// so that they cannot drift. Every scheme must have a row `| Name | <spec> | ... | <rank> | ...`
// and every hint code a row starting with "| `code` |"; a row naming a code (a backquoted first
// cell with a dot) that does not exist fails too.
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "support/catch.hpp"
#include <wwwauth/diagnose.hpp>
#include <wwwauth/registry.hpp>

namespace {

std::string readme() {
  std::string path = __FILE__;
  path = path.substr(0, path.find_last_of("/\\") + 1) + "../README.md";
  std::ifstream in(path);
  REQUIRE(in);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> lines_starting_with(const std::string& text, std::string_view prefix) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.compare(0, prefix.size(), prefix) == 0) out.push_back(line);
  }
  return out;
}

}  // namespace

TEST_CASE("README.md: a row per scheme, with its defining document and rank") {
  const std::string text = readme();
  for (const wwwauth::scheme_info& s : wwwauth::schemes) {
    INFO(s.name);
    const auto rows = lines_starting_with(text, "| " + std::string(s.name) + " |");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].find("| " + std::string(s.spec)) != std::string::npos);
    CHECK(rows[0].find("| " + std::to_string(s.rank) + " |") != std::string::npos);
    CHECK(rows[0].find(std::string(wwwauth::name(s.credential))) != std::string::npos);
    for (const wwwauth::param_spec& p : s.params) {
      CHECK(rows[0].find("`" + std::string(p.name) + "`" + (p.required ? "*" : "")) != std::string::npos);
    }
  }
}

TEST_CASE("README.md: a row per hint code, and no row for a code that does not exist") {
  // The hint table is the one in the "Diagnosis hints" section.
  const std::string text = readme();
  const std::size_t section = text.find("\n## Diagnosis hints");
  REQUIRE(section != std::string::npos);
  const std::string hints = text.substr(section, text.find("\n## ", section + 1) - section);
  std::set<std::string> documented;
  for (const std::string& row : lines_starting_with(hints, "| `")) {
    const std::size_t end = row.find('`', 3);
    const std::string first_cell = row.substr(3, end - 3);
    // Hint codes hold a dot ("basic.credentials"); other tables (parse errors) do not.
    if (first_cell.find('.') != std::string::npos) documented.insert(first_cell);
  }
  std::set<std::string> codes;
  for (std::string_view code : wwwauth::hint_codes) codes.insert(std::string(code));
  CHECK(documented == codes);
}
