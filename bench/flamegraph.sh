#!/usr/bin/env bash
# A flamegraph of one claimcheck run, for finding where the time goes.
#
#   bash bench/flamegraph.sh                                   # extract -j 1 over corpus-10MB
#   bash bench/flamegraph.sh report --format jsonl -j 1 bench/data/many-files
#
# Needs perf (Debian: linux-perf) and inferno (`cargo install inferno`, installed here if
# missing). Writes bench/data/flamegraph.svg (open it in a browser) and prints the top
# functions by self time. The release profile keeps line tables, so frames have names.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v perf >/dev/null || { echo "perf is missing (apt-get install linux-perf)" >&2; exit 2; }
command -v inferno-flamegraph >/dev/null || cargo install inferno --locked --quiet
cargo build --release --quiet
args=("$@")
[ ${#args[@]} -eq 0 ] && args=(extract --format jsonl -j 1 bench/data/corpus-10MB)
out=bench/data
mkdir -p "$out"
perf record -F 999 -g --call-graph dwarf,16384 -o "$out/perf.data" \
    target/release/claimcheck "${args[@]}" >/dev/null 2>"$out/perf.stderr" || true
perf script -i "$out/perf.data" 2>/dev/null | inferno-collapse-perf > "$out/stacks.folded"
inferno-flamegraph --title "claimcheck ${args[*]}" < "$out/stacks.folded" > "$out/flamegraph.svg"
echo "wrote $out/flamegraph.svg"
perf report -i "$out/perf.data" --no-children --stdio -g none --percent-limit 1.5 2>/dev/null \
    | grep -v '^#' | grep -v '^$' | head -25
