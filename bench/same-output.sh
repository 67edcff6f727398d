#!/usr/bin/env bash
# Is a change output-preserving? Runs two claimcheck binaries over the same inputs and
# compares every output byte for byte: the bench corpora (extract with periods, report with
# every finding, the claims), many-files, the examples, the hostile inputs (tests/hostile),
# the seeds and devset (if ../shared is there) and the test fixtures. Prints each input that
# differs and exits 1 if any does.
#
#   git worktree add /tmp/base HEAD && (cd /tmp/base && CARGO_TARGET_DIR=/tmp/base-target cargo build --release)
#   bash bench/same-output.sh /tmp/base-target/release/claimcheck target/release/claimcheck
#
# Set QUICK=1 to skip corpus-10MB and many-files.
set -uo pipefail
cd "$(dirname "$0")/.."
old=${1:?usage: same-output.sh OLD_BINARY NEW_BINARY}
new=${2:?usage: same-output.sh OLD_BINARY NEW_BINARY}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
inputs=(examples tests/fixtures tests/hostile bench/data/corpus-1MB)
[ -z "${QUICK:-}" ] && inputs+=(bench/data/corpus-10MB bench/data/many-files)
for d in ../shared/seeds ../shared/devset/*/; do
    [ -d "$d" ] && inputs+=("$d")
done
fail=0
run() { # name, args...
    local name=$1
    shift
    "$old" "$@" >"$out/old" 2>"$out/old.err"
    local a=$?
    "$new" "$@" >"$out/new" 2>"$out/new.err"
    local b=$?
    if [ $a != $b ] || ! cmp -s "$out/old" "$out/new" || ! cmp -s "$out/old.err" "$out/new.err"; then
        echo "DIFFERS: $name ($*): exit $a vs $b"
        diff "$out/old" "$out/new" | head -5
        fail=1
    fi
}
for d in "${inputs[@]}"; do
    [ -e "$d" ] || { echo "skipped (missing): $d"; continue; }
    run "$d extract" extract --periods --format jsonl -j 1 "$d"
    run "$d report" report --show all --format jsonl -j 1 "$d"
    run "$d report-table" report --show all -j 2 "$d"
    run "$d claims" claims --format jsonl -j 1 "$d"
done
[ $fail = 0 ] && echo "identical: ${#inputs[@]} inputs, 4 commands each"
exit $fail
