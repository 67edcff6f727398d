#!/usr/bin/env bash
# Whole-process cost of pathological inputs (issue: parser cost stays linear in the input).
# Builds the release binary, writes the inputs to bench/data/ (git-ignored) and prints the
# wall time and peak memory of `claimcheck extract` on each, at two sizes where it matters so
# the growth can be read off: 10x the input should take about 10x the time.
#
#   bash bench/hostile.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/claimcheck
data=bench/data/hostile
mkdir -p "$data"
python3 - "$data" <<'PY'
import random, sys, os
d = sys.argv[1]
random.seed(1)
def digits(n):
    seps = ",. '"
    parts, size = [], 0
    while size < n:
        s = str(random.randint(0, 999)) + random.choice(seps)
        parts.append(s); size += len(s)
    return "".join(parts) + "\n"
for name, make in [
    ("digits-5MB.txt", lambda: digits(5_000_000)),
    ("digits-50MB.txt", lambda: digits(50_000_000)),
    ("billion-1MB.txt", lambda: "billion " * (1_000_000 // 8) + "\n"),
    ("billion-10MB.txt", lambda: "billion " * (10_000_000 // 8) + "\n"),
    ("million-digits.txt", lambda: "Exports were $" + "7" * 1_000_000 + " in 2022.\n"),
]:
    path = os.path.join(d, name)
    if not os.path.exists(path):
        with open(path, "w") as f:
            f.write(make())
PY
printf '%-20s %10s %10s %12s %10s\n' input MB seconds 'MB/s' 'peak MB'
for f in digits-5MB digits-50MB billion-1MB billion-10MB million-digits; do
    path="$data/$f.txt"
    bytes=$(stat -c %s "$path")
    /usr/bin/time -o "$data/time.txt" -f '%e %M' \
        "$bin" extract --format jsonl --max-file-size 200000000 "$path" >/dev/null 2>&1 || true
    read -r secs kb <"$data/time.txt"
    awk -v f="$f" -v b="$bytes" -v s="$secs" -v k="$kb" \
        'BEGIN { mb = b / 1e6; printf "%-20s %10.1f %10.2f %12.1f %10.0f\n", f, mb, s, (s > 0 ? mb / s : 0), k / 1024 }'
done

# A user rules file with 100,000 aliases: load, validate and build the matcher.
rules="$data/rules-100k"
mkdir -p "$rules"
python3 - "$rules/aliases.toml" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write('schema = 1\n\n[[metric]]\nid = "exports"\nextend = true\naliases = [\n')
    for i in range(100_000):
        f.write(f'  "shipment line {i} of goods",\n')
    f.write("]\n")
PY
/usr/bin/time -o "$data/time.txt" -f '%e %M' "$bin" rules check "$rules" >/dev/null 2>&1 || true
read -r secs kb <"$data/time.txt"
printf '%-20s %10s %10.2f %12s %10.0f\n' rules-100k-aliases - "$secs" - "$((kb / 1024))"
