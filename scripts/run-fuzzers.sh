#!/usr/bin/env bash
# Runs every libFuzzer binary in BUILD_DIR/fuzz for SECONDS each, seeded from fuzz/corpus/<name>/.
# Fails when a fuzzer finds a crash, leak or timeout. Findings are written to build/fuzz-findings/.
set -euo pipefail
build=${1:-build/fuzz}
seconds=${2:-20}
root=$(cd "$(dirname "$0")/.." && pwd)
findings="$root/build/fuzz-findings"
mkdir -p "$findings"
shopt -s nullglob
ran=0
for bin in "$build"/fuzz/fuzz_*; do
  [ -x "$bin" ] || continue
  name=$(basename "$bin")
  seeds="$root/fuzz/corpus/${name#fuzz_}"
  work="$build/corpus-work/$name"
  mkdir -p "$work"
  echo "fuzz: $name for ${seconds}s"
  args=("$work")
  [ -d "$seeds" ] && args+=("$seeds")
  "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -artifact_prefix="$findings/$name-" -print_final_stats=1 "${args[@]}" 2>"$build/$name.log" \
    || { echo "fuzz: $name FAILED, see $build/$name.log"; tail -40 "$build/$name.log"; exit 1; }
  grep -E 'stat::number_of_executed_units' "$build/$name.log" || true
  ran=$((ran + 1))
done
echo "fuzz: $ran fuzzers ran clean"
