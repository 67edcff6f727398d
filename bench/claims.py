#!/usr/bin/env python3
"""Write N claim lines, exactly as `claimcheck claims --format jsonl` writes them, without
writing or reading documents: the input of `claimcheck report --claims` at scale.

    python3 bench/claims.py N K [OUT]        # N claims over K keys, to OUT (default
                                             # bench/data/claims-N-K.jsonl); - for stdout
    python3 bench/claims.py N K OUT --docs   # also the documents they come from, in
                                             # bench/data/claims-N-K/, to check the shape:
                                             # claimcheck claims --format jsonl bench/data/claims-N-K/
                                             # prints the same lines

The documents (never written without --docs) are those of `bench/corpus.py synthetic`: 100
claims each, one sentence per paragraph. A key is a metric and a pair of countries, with its
own year: `Trade between A and B was $V million in Y.`, and for one key in four `Exports from
A to B were $V million in Y.` (directional). About half the claims of a key restate its
value; the others differ from it by 1 to 5 million (0.1% to 5% of 100 to 999 million), so a
key has up to six distinct figures. Deterministic: the same N and K give the same bytes.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpus import COUNTRIES  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROOT = os.path.join(REPO, "bench", "data")
PER_DOC = 100

# ISO codes of COUNTRIES, as the bundled rules link them.
CODES = dict(zip(COUNTRIES, """AF AL DZ AD AO AR AM AU AT AZ BH BD BB BY BE BZ BJ BT BO BW BR BN BG BI
KH CM CA TD CL CN CO KM HR CU CY DK DJ DM EC EG ER EE SZ ET FJ FI FR GA GE DE GH GR GD GT GN GY HT
HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KW KG LA LV LB LS LR LY LI LT LU MG MW MY MV ML MT
MR MU MX MC MN ME MA MZ MM NA NR NP NI NE NG NO OM PK PW PA PY PE PH PL PT QA RO RU RW WS SN RS SC
SG SK SI SO ES SD SR SE CH SY TJ TZ TH TG TO TN TM TV UG UA UY UZ VU VE VN YE ZM""".split()))
PAIRS = [(a, b) for i, a in enumerate(COUNTRIES) for b in COUNTRIES[i + 1:]]

MASK = (1 << 64) - 1


def fnv(h, s):
    """FNV-1a 64 of `s` and a 0 byte, from state `h` (link::fingerprint)."""
    for b in s.encode("utf-8"):
        h = ((h ^ b) * 0x100000001B3) & MASK
    return (h * 0x100000001B3) & MASK  # h ^ 0 == h


def key(k):
    """(metric, A, B, year, millions) of key `k`."""
    a, b = PAIRS[k % len(PAIRS)]
    year = 1990 + (k * 7 + k // len(PAIRS)) % 35
    metric = "exports" if k % 4 == 3 else "trade_total"
    return metric, a, b, year, 100 + (k * 37) % 900


def mix(i):
    """A well-mixed 32-bit hash of the claim number."""
    x = (i * 0x9E3779B1) & 0xFFFFFFFF
    x ^= x >> 15
    x = (x * 0x85EBCA77) & 0xFFFFFFFF
    return x ^ (x >> 13)


def sentence(metric, a, b, v, year):
    if metric == "exports":
        prefix = f"Exports from {a} to {b} were "
    else:
        prefix = f"Trade between {a} and {b} was "
    return prefix, f"{prefix}${v} million in {year}."


def main():
    args = [a for a in sys.argv[1:] if a != "--docs"]
    docs = "--docs" in sys.argv[1:]
    if len(args) not in (2, 3):
        sys.exit(__doc__)
    n, k = int(args[0]), int(args[1])
    if k < 1 or k > len(PAIRS) * 35:
        sys.exit(f"K must be between 1 and {len(PAIRS) * 35}")
    name = f"claims-{n}-{k}"
    out_path = args[2] if len(args) == 3 else os.path.join(ROOT, name + ".jsonl")
    doc_dir = os.path.join(ROOT, name)
    # Sources as `claimcheck claims` names them when given this directory from the repository.
    src_dir = os.path.relpath(doc_dir, REPO)
    if docs:
        os.makedirs(doc_dir, exist_ok=True)
    if out_path != "-":
        os.makedirs(os.path.dirname(os.path.abspath(out_path)), exist_ok=True)
    out = sys.stdout if out_path == "-" else open(out_path, "w", encoding="utf-8", newline="\n")
    keys = [key(i) for i in range(k)]
    for d in range((n + PER_DOC - 1) // PER_DOC):
        count = min(PER_DOC, n - d * PER_DOC)
        source = f"{src_dir}/doc-{d:06}.txt"
        h_source = fnv(0xCBF29CE484222325, source)
        rows = []
        for j in range(count):
            i = d * PER_DOC + j
            metric, a, b, year, millions = keys[(i * 7919) % k]
            x = mix(i)
            v = millions if x & 1 == 0 else millions + 1 + (x >> 8) % 5
            rows.append((metric, a, b, year, v))
        latest = max(r[3] for r in rows)
        document = (
            f'{{"source":"{source}","title":null,"outlet":null,"url":null,'
            f'"date":"{latest}-01-01","date_inferred":true,"status":"read","notes":[],'
            f'"mentions":{count}}}'
        )
        text = []
        offset = 0
        lines = []
        for j, (metric, a, b, year, v) in enumerate(rows):
            prefix, s = sentence(metric, a, b, v, year)
            ca, cb = CODES[a], CODES[b]
            if metric == "exports":
                entities = [ca, cb]
                linked = (f'"metric `exports` from \\"exports\\" (before it in its clause)",'
                          f'"from \\"{a}\\"","to \\"{b}\\""')
                directional = "true"
            else:
                entities = sorted([ca, cb])
                linked = (f'"metric `trade_total` from \\"trade between\\" (before it in its '
                          f'clause)","entities from \\"{a}\\", \\"{b}\\""')
                directional = "false"
            qty = f"${v} million"
            start = offset + len(prefix)
            h = fnv(h_source, metric)
            h = fnv(h, ",".join(entities))
            h = fnv(h, str(year))
            h = fnv(h, "USD")
            h = fnv(h, qty)
            lines.append(
                f'{{"schema_version":1,"type":"claim","id":"{d}:{j + 1}","fingerprint":"{h:016x}",'
                f'"source":"{source}","line":{2 * j + 1},"column":{len(prefix) + 1},'
                f'"start":{start},"end":{start + len(qty)},"text":"{qty}","kind":"currency",'
                f'"value":"{v}000000","low":"{v - 1}500000","high":"{v}500000",'
                f'"low_inclusive":true,"high_inclusive":true,"bound":"rounded","unit":"USD",'
                f'"measure":"level","period":{{"start":"{year}-01-01","end":"{year}-12-31",'
                f'"label":"{year}","cumulative":false,"instant":null,"inherited":false}},'
                f'"base_period":null,"metric":"{metric}","entities":["{entities[0]}",'
                f'"{entities[1]}"],"directional":{directional},"modality":"actual",'
                f'"attribution":null,"linked_by":[{linked}],"unlinked":null,'
                f'"sentence":"{s}","document":{document}}}\n'
            )
            text.append(s)
            offset += len(s) + 2
        out.write("".join(lines))
        if docs:
            with open(os.path.join(doc_dir, f"doc-{d:06}.txt"), "w", encoding="utf-8") as f:
                f.write("\n\n".join(text) + "\n")
    if out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()
