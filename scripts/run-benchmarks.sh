#!/usr/bin/env bash
# Runs every benchmark binary in BUILD_DIR/bench and prints their numbers.
set -euo pipefail
build=${1:-build/release}
shopt -s nullglob
for bin in "$build"/bench/bench_*; do
  [ -x "$bin" ] || continue
  echo "== $(basename "$bin")"
  "$bin"
done
