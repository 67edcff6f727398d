#!/usr/bin/env bash
# Whole-process throughput of `extract` and `report` on the benchmark corpora (build them
# first with `python3 bench/corpus.py`). For each corpus and thread count: the median wall
# time of RUNS runs, MB/s, and the peak memory of the last run (/usr/bin/time).
#
#   bash bench/run.sh                 # every corpus in bench/data/, 3 runs each
#   RUNS=5 bash bench/run.sh corpus-10MB many-files
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/claimcheck
runs=${RUNS:-3}
data=bench/data
corpora=("$@")
[ ${#corpora[@]} -eq 0 ] && corpora=(corpus-1MB corpus-10MB corpus-100MB many-files)

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

printf '%-14s %-8s %3s %9s %9s %9s %9s\n' corpus command -j MB seconds 'MB/s' 'peak MB'
for c in "${corpora[@]}"; do
    dir="$data/$c"
    [ -d "$dir" ] || { echo "$dir missing: run python3 bench/corpus.py" >&2; exit 2; }
    bytes=$(du -sb --apparent-size "$dir" | cut -f1)
    for cmd in extract report; do
        for j in 1 2; do
            times=()
            for _ in $(seq "$runs"); do
                /usr/bin/time -o "$data/time.txt" -f '%e %M' \
                    "$bin" "$cmd" --format jsonl -j "$j" "$dir" >/dev/null 2>&1 || true
                times+=("$(tail -1 "$data/time.txt" | cut -d' ' -f1)")
            done
            secs=$(printf '%s\n' "${times[@]}" | median)
            kb=$(tail -1 "$data/time.txt" | cut -d' ' -f2)
            awk -v c="$c" -v cmd="$cmd" -v j="$j" -v b="$bytes" -v s="$secs" -v k="$kb" \
                'BEGIN { mb = b / 1e6; printf "%-14s %-8s %3s %9.1f %9.2f %9.1f %9.0f\n", c, cmd, j, mb, s, (s > 0 ? mb / s : 0), k / 1024 }'
        done
    done
done
# The physical reference: a plain scan for digits over the same bytes.
if [ -d "$data/corpus-100MB" ]; then
    /usr/bin/time -o "$data/time.txt" -f '%e' sh -c "cat $data/corpus-100MB/* | grep -c '[0-9]' >/dev/null"
    echo "grep -c '[0-9]' over corpus-100MB: $(cat "$data/time.txt") s"
fi
