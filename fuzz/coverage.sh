#!/usr/bin/env bash
# Line and branch coverage of include/wwwauth/ by the committed corpora: builds each fuzz
# target with clang's source-based coverage and replay_main.cpp in fuzz/build-coverage/, replays
# fuzz/corpus/<target>/ and prints one line per header. Shows what the corpus (and so ctest's
# replay) exercises; libFuzzer's own "cov:" counts also count the reference parser and harness.
# Usage: fuzz/coverage.sh   Environment: CXX_FUZZ (default clang++), LLVM_SUFFIX (e.g. -14).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
out="$here/build-coverage"
cxx="${CXX_FUZZ:-clang++}"
suffix="${LLVM_SUFFIX:-}"
mkdir -p "$out"
rm -f "$out"/*.profraw
objects=()
for src in "$here"/fuzz_*.cpp; do
  t="$(basename "$src" .cpp)"
  "$cxx" -std=c++17 -O0 -fprofile-instr-generate -fcoverage-mapping -I"$repo/include" -I"$here" \
    -I"$here/reference" "$src" "$here/replay_main.cpp" -o "$out/$t"
  LLVM_PROFILE_FILE="$out/$t.profraw" "$out/$t" "$here/corpus/${t#fuzz_}" >/dev/null
  if [[ ${#objects[@]} -eq 0 ]]; then objects+=("$out/$t"); else objects+=(-object "$out/$t"); fi
done
"llvm-profdata$suffix" merge -o "$out/all.profdata" "$out"/*.profraw
"llvm-cov$suffix" export -summary-only "${objects[@]}" -instr-profile="$out/all.profdata" "$repo/include/wwwauth/" |
  python3 -c '
import json, sys
files = json.load(sys.stdin)["data"][0]["files"]
print("%-32s %18s %9s" % ("header", "lines", "branches"))
for f in sorted(files, key=lambda f: f["filename"]):
    name = f["filename"].split("include/wwwauth/")[-1]
    lines, branches = f["summary"]["lines"], f["summary"].get("branches", {})
    if lines["count"]:
        b = "%.1f%%" % branches["percent"] if branches.get("count") else "-"
        print("%-32s %5d/%-5d %5.1f%% %8s" % (name, lines["covered"], lines["count"], lines["percent"], b))
'
