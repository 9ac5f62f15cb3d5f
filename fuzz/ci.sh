#!/usr/bin/env bash
# What .ci/run calls: builds the fuzz targets with clang (ASan + UBSan) and runs each for
# SECONDS (default 30), one after the other, without changing the corpus; fails on any finding.
# Usage: fuzz/ci.sh [SECONDS]
set -euo pipefail
exec "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/run.sh" --ci "${1:-30}"
