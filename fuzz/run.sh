#!/usr/bin/env bash
# Run every fuzz target for the given number of seconds each (default 60):
#   fuzz/run.sh 600
# Needs a nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-60}"
for target in extract rules pipeline; do
  echo "== $target ($secs s)"
  cargo +nightly fuzz run "$target" -- -max_total_time="$secs" -max_len=65536 2>&1 | tail -n 3
done
