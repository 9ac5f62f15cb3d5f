#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) in fuzz/build-run/ and runs each one
# after the other (the machine is shared: one target at a time) for SECONDS (default 60), with
# the dictionary and the seed corpus. New inputs that add coverage are merged into
# fuzz/corpus/<target>/ (-merge=1) unless --ci is given. Prints executions per second and
# coverage per target; exits 1 if any target found a crash, a failed check or a leak, and
# leaves the reproducer in fuzz/build-run/artifacts/.
#
# Usage: fuzz/run.sh [--help] [--ci] [SECONDS] [TARGET...]
#   --ci      do not touch fuzz/corpus/ (fuzz/ci.sh uses this)
#   SECONDS   how long each target runs (a positive whole number; default 60)
#   TARGET    parse_strict parse_lenient lenient_strict unescape credentials answer diagnose
#             ext_value evidence verify response_head curl_verbose har, and
#             parse_strict_portable parse_lenient_portable (default: every fuzz_* built)
# Environment: CXX_FUZZ (default clang++), WWWAUTH_FUZZ_BUILD (default fuzz/build-run),
#              WWWAUTH_FUZZ_JOBS (build parallelism, default 2).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; }
merge=1
case "${1:-}" in
  -h | --help) usage; exit 0 ;;
  --ci) merge=0; shift ;;
esac
seconds="${1:-60}"
if ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then
  echo "fuzz/run.sh: SECONDS must be a positive whole number, not '$seconds' (--help for usage)" >&2
  exit 2
fi
[[ $# -gt 0 ]] && shift
targets=("$@")
for t in "${targets[@]}"; do
  if [[ ! -f "$here/fuzz_${t%_portable}.cpp" ]]; then
    echo "fuzz/run.sh: no fuzz target '$t' (fuzz/fuzz_${t%_portable}.cpp does not exist)" >&2
    exit 2
  fi
done
build="${WWWAUTH_FUZZ_BUILD:-$here/build-run}"
cxx="${CXX_FUZZ:-clang++}"

if ! command -v "$cxx" >/dev/null; then
  echo "fuzz/run.sh: $cxx not found (Debian: apt-get install clang)" >&2
  exit 2
fi

mkdir -p "$build"
cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" -DWWWAUTH_BUILD_FUZZERS=ON \
  -DWWWAUTH_BUILD_TESTS=OFF -DWWWAUTH_BUILD_EXAMPLES=OFF -DWWWAUTH_BUILD_BENCH=OFF \
  -DWWWAUTH_INSTALL=OFF -DWWWAUTH_WERROR=ON >"$build/cmake.log" 2>&1 || { cat "$build/cmake.log"; exit 2; }
if [[ ${#targets[@]} -eq 0 ]]; then
  ninja -C "$build" -j"${WWWAUTH_FUZZ_JOBS:-2}"  # only the fuzz targets are configured
  for exe in "$build"/fuzz/fuzz_*; do
    if [[ -f "$exe" && -x "$exe" ]]; then targets+=("${exe##*/fuzz_}"); fi
  done
else
  ninja -C "$build" -j"${WWWAUTH_FUZZ_JOBS:-2}" "${targets[@]/#/fuzz_}"
fi

mkdir -p "$build/artifacts" "$build/logs"
failed=()
summary=()
for t in "${targets[@]}"; do
  exe="$build/fuzz/fuzz_$t"
  seeds="$here/corpus/${t%_portable}"  # a _portable build shares its target's corpus
  new="$build/new/$t"
  log="$build/logs/$t.log"
  rm -rf "$new" && mkdir -p "$new"
  echo "== fuzz_$t: ${seconds}s"
  # libFuzzer writes new inputs into the first directory only: the seed corpus stays as it is
  # until the merge below. -max_len keeps inputs where the reference parser is quick.
  rc=0
  "$exe" "$new" "$seeds" -dict="$here/wwwauth.dict" -max_total_time="$seconds" -max_len=4096 \
    -timeout=10 -print_final_stats=1 -artifact_prefix="$build/artifacts/$t-" >"$log" 2>&1 || rc=$?
  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  rate="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)"
  cov="$(grep -o 'cov: [0-9]* ft: [0-9]* corp: [0-9]*/[0-9a-zA-Z]*' "$log" | tail -1)"
  if [[ $rc -ne 0 ]]; then
    failed+=("$t")
    echo "   FINDING (exit $rc): see $log"
    grep -E -A12 'wwwauth fuzz check failed|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error' "$log" | head -30 || true
    ls -1 "$build/artifacts/$t-"* 2>/dev/null | sed 's/^/   reproducer: /' || true
  fi
  line="$(printf '%-23s %10s execs  %7s execs/s  %s' "$t" "${execs:-?}" "${rate:-?}" "${cov:-cov: ?}")"
  if [[ $merge -eq 1 && $rc -eq 0 ]]; then
    # -use_counters=0: only inputs reaching new edges go into the committed corpus (hit-count
    # variations would add hundreds of files per run); fuzzing regrows the rest in seconds.
    "$exe" -merge=1 -use_counters=0 "$seeds" "$new" -max_len=4096 >"$build/logs/$t.merge.log" 2>&1
    added="$(grep -o 'MERGE-OUTER: [0-9]* new files' "$build/logs/$t.merge.log" | grep -o '[0-9]*' | head -1)"
    line="$line  +${added:-0} corpus files"
  fi
  summary+=("$line")
done

echo
echo "target                   executions  rate           coverage (edges, features, corpus)"
printf '%s\n' "${summary[@]}"
if [[ ${#failed[@]} -ne 0 ]]; then
  echo "findings in: ${failed[*]}" >&2
  exit 1
fi
