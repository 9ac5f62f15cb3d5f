#!/usr/bin/env bash
# Builds wwwauth-bench and runs every benchmark once, briefly, so that it cannot rot: all
# benchmark names present, the peers present under CI=true, wwwauth allocating nothing.
# No timing is asserted. Called by .ci/run as `bash bench/ci.sh [BUILD_DIR]`; BUILD_DIR is an
# already configured build of the repository (default: build), or a fresh one is configured.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
if [[ ! -f $build/CMakeCache.txt ]]; then
  cmake -S "$here/.." -B "$build" -DWWWAUTH_BUILD_BENCH=ON
fi
cmake --build "$build" --target wwwauth-bench
# Google Benchmark 1.7 takes --benchmark_min_time in seconds as a bare number.
python3 "$here/report" --binary "$build/bench/wwwauth-bench" --svg "$build/bench/results.svg" --check \
  -- --benchmark_min_time=0.01
