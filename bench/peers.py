#!/usr/bin/env python3
"""Side-by-side extraction throughput: claimcheck against two peer extractors on PyPI.

The peers, installed with pinned versions into a throwaway venv (created only if absent):
  quantulum3                `quantulum3.parser.parse(text)`: quantities with units (pure Python;
                            without its optional `[classifier]` extra, as pip installs it)
  pyduckling-native-phihos  Facebook's Duckling (Haskell, linked in through Rust/PyO3):
                            `duckling.parse(text, context, dims)` over the dimensions below

Each peer runs in a process of its own over the same documents as claimcheck (every .txt/.md
file under the corpus, sorted by path, read as UTF-8), one call per paragraph (blank-line
separated): on whole documents both peers are superlinear (a 37 KB fact sheet takes Duckling
11 s whole, 1 s by paragraphs), so `--per-document` exists only to show that. Only the parse
calls are timed; import, set-up and a first warm-up call are reported as load time. claimcheck
is timed as a whole process (`extract --format jsonl -j 1`, median of --runs), as bench/run.sh
does, so its start-up (loading the bundled rules) is inside its number.

    python3 bench/peers.py                   # both peers over bench/data/corpus-1MB
    python3 bench/peers.py --with-100mb      # also claimcheck over corpus-100MB vs grep
    python3 bench/peers.py --limit-bytes 200000 --peers duckling
                                             # peers over a prefix of whole documents of at
                                             # least N bytes; their times are extrapolated
                                             # to the whole corpus and marked so
Build the corpora first with `python3 bench/corpus.py`. The physical reference,
`cat bench/data/corpus-100MB/* | grep -c '[0-9]'` (median of 3), is timed whenever
corpus-100MB exists. MB is 10^6 bytes, KB 10^3. Prints a Markdown table for the README and the
command that produced it.
"""
import argparse
import hashlib
import json
import os
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import venv

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
ROOT = os.path.join(HERE, "data")
VENV = os.path.join(ROOT, "peers-venv")
PYTHON = os.path.join(VENV, "bin", "python")
BIN = os.path.join(REPO, "target", "release", "claimcheck")

# What `pip install quantulum3 pyduckling-native-phihos` resolved to (Python 3.11, x86_64);
# pinned with their dependencies so runs are reproducible. pyduckling-native-phihos 0.4.0 is
# listed on PyPI but pip finds only 0.2.0 and 0.3.0 here (no 0.4.0 file installable).
PEERS = {
    "quantulum3": {
        "dist": "quantulum3",
        "pins": ["quantulum3==0.10.0", "inflect==7.6.0", "num2words==0.5.14", "docopt==0.6.2",
                 "typeguard==4.6.1", "typing_extensions==4.16.0", "more-itertools==11.2.1",
                 "jaraco.functools==4.6.0"],
    },
    "duckling": {
        "dist": "pyduckling-native-phihos",
        # The wheel declares inflect and num2words (copied metadata, never imported).
        "pins": ["pyduckling-native-phihos==0.3.0", "inflect==7.6.0", "num2words==0.5.14",
                 "docopt==0.6.2", "typeguard==4.6.1", "typing_extensions==4.16.0",
                 "more-itertools==11.2.1", "jaraco.functools==4.6.0"],
    },
}
# Duckling's dimensions closest to claimcheck's kinds: numbers and counts (`number`), money,
# ranks (`ordinal`) and periods (`time`). Duckling has no percentage dimension: the numeral of
# "3.2%" comes out as a `number`.
DUCKLING_DIMS = "number,amount-of-money,ordinal,time"
# A fixed reference time (2020-01-01T00:00:00Z) so that relative times resolve the same way.
DUCKLING_REF = 1577836800


def documents(corpus, limit=None):
    """(path, text) of every document, sorted by path; with `limit`, the shortest prefix of
    whole documents holding at least `limit` bytes."""
    paths = []
    for top, dirs, files in os.walk(corpus):
        dirs.sort()
        paths += [os.path.join(top, f) for f in files if f.endswith((".txt", ".md", ".markdown"))]
    docs, total = [], 0
    for path in sorted(paths):
        if limit is not None and total >= limit:
            break
        with open(path, encoding="utf-8") as f:
            text = f.read()
        docs.append((path, text))
        total += len(text.encode("utf-8"))
    return docs


def units(docs, per_document):
    """The texts handed to a peer, one call each: documents or blank-line paragraphs."""
    if per_document:
        return [text for _, text in docs]
    return [p for _, text in docs for p in text.split("\n\n") if p.strip()]


# ---- worker side: runs under the venv's Python, prints one JSON object ----

def worker(args):
    t0 = time.perf_counter()
    if args.worker == "quantulum3":
        import warnings
        warnings.filterwarnings("ignore", message="Classifier dependencies not installed")
        from quantulum3 import parser

        def parse(text):
            return parser.parse(text)
    else:
        import duckling
        tz = duckling.load_time_zones("/usr/share/zoneinfo")
        ref = duckling.parse_ref_time(tz, "UTC", DUCKLING_REF)
        context = duckling.Context(ref, duckling.default_locale_lang(duckling.parse_lang("EN")))
        names = args.duckling_dims.split(",")
        dims = duckling.parse_dimensions(names)
        if len(dims) != len(names):  # unknown names are dropped silently
            sys.exit(f"duckling: unknown dimension among {names}")

        def parse(text):
            return duckling.parse(text, context, dims, False)
    t_import = time.perf_counter() - t0
    parse("Exports rose 3.2% to $21.4 billion in 2019, the 81st largest.")  # lazy set-up
    load = time.perf_counter() - t0

    docs = documents(args.corpus, args.limit_bytes)
    texts = units(docs, args.per_document)
    mentions, longest, longest_len = 0, 0.0, 0
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for text in texts:
        t = time.perf_counter()
        mentions += len(parse(text))
        t = time.perf_counter() - t
        if t > longest:
            longest, longest_len = t, len(text)
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0

    from importlib import metadata
    print(json.dumps({
        "version": metadata.version(PEERS[args.worker]["dist"]),
        "import_s": t_import, "load_s": load, "parse_s": wall, "cpu_s": cpu,
        "docs": len(docs), "calls": len(texts), "mentions": mentions,
        "bytes": sum(len(t.encode("utf-8")) for _, t in docs),
        "slowest_call_s": longest, "slowest_call_chars": longest_len,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }))


# ---- driver side ----

def ensure_peer(name, quiet):
    """Install a peer's pins into the venv unless already there; None or the error text."""
    if not os.path.exists(VENV):
        venv.create(VENV, with_pip=True)
    pin = PEERS[name]["pins"][0]
    dist, version = pin.split("==")
    check = f"import importlib.metadata as m; assert m.version({dist!r}) == {version!r}"
    if subprocess.run([PYTHON, "-c", check], capture_output=True).returncode == 0:
        return None
    log(f"installing {' '.join(PEERS[name]['pins'])}", quiet)
    r = subprocess.run([PYTHON, "-m", "pip", "install", "--quiet", *PEERS[name]["pins"]],
                       capture_output=True, text=True)
    return None if r.returncode == 0 else tail(r.stderr or r.stdout)


def run_peer(name, args):
    cmd = [PYTHON, os.path.abspath(__file__), "--worker", name, "--corpus", args.corpus_dir,
           "--duckling-dims", args.duckling_dims]
    if args.limit_bytes is not None:
        cmd += ["--limit-bytes", str(args.limit_bytes)]
    if args.per_document:
        cmd.append("--per-document")
    # quantulum3's unit disambiguation depends on set order: fix the hash seed so that its
    # mention count repeats (11,951 with most seeds, 11,944 with PYTHONHASHSEED=4).
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    r = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if r.returncode != 0:
        return None, tail(r.stderr or r.stdout)
    return json.loads(r.stdout.strip().splitlines()[-1]), None


def timed(cmd, runs, shell=False):
    """Wall and CPU (user+sys of the child and its children) seconds of each of `runs` runs,
    after one untimed warm-up whose output lines are counted: (walls, cpus, lines, last line).
    Standard error is discarded (kept from the warm-up to report a failure)."""
    err = tempfile.TemporaryFile()
    p = subprocess.Popen(cmd, shell=shell, stdout=subprocess.PIPE, stderr=err)
    lines, last = 0, b""
    for chunk in iter(lambda: p.stdout.read(1 << 20), b""):
        lines += chunk.count(b"\n")
        last = (last + chunk)[-4096:]
    if p.wait() != 0:
        err.seek(0)
        sys.exit(f"{cmd} failed ({p.returncode}):\n{tail(err.read().decode(errors='replace'))}")
    walls, cpus = [], []
    for _ in range(runs):
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run(cmd, shell=shell, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       check=True)
        walls.append(time.perf_counter() - t)
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
    return walls, cpus, lines, last.strip().split(b"\n")[-1]


def corpus_bytes(corpus):
    return sum(len(t.encode("utf-8")) for _, t in documents(corpus))


def tail(text, lines=6):
    return "\n".join(text.strip().splitlines()[-lines:])


def log(msg, quiet=False):
    if not quiet:
        print(f"[peers] {msg}", file=sys.stderr, flush=True)


def spread(walls):
    return f"median {statistics.median(walls):.3f} s (min {min(walls):.3f}, max {max(walls):.3f})"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default="corpus-1MB", help="a corpus under bench/data/")
    ap.add_argument("--peers", default="quantulum3,duckling", help="comma-separated subset")
    ap.add_argument("--runs", type=int, default=5, help="claimcheck runs on the corpus")
    ap.add_argument("--limit-bytes", type=int, metavar="N",
                    help="peers parse only a prefix of whole documents of at least N bytes "
                         "(times extrapolated to the whole corpus)")
    ap.add_argument("--per-document", action="store_true",
                    help="one peer call per document instead of per paragraph (slow)")
    ap.add_argument("--duckling-dims", default=DUCKLING_DIMS)
    ap.add_argument("--with-100mb", action="store_true",
                    help="also time claimcheck extract -j 1 over corpus-100MB (median of 3)")
    ap.add_argument("--quiet", action="store_true", help="no progress on stderr")
    ap.add_argument("--worker", choices=sorted(PEERS), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:  # --corpus is then the directory itself
        return worker(args)

    started = time.perf_counter()
    os.chdir(REPO)
    args.corpus_dir = os.path.join("bench", "data", args.corpus)
    big = os.path.join("bench", "data", "corpus-100MB")
    if not os.path.isdir(args.corpus_dir):
        sys.exit(f"{args.corpus_dir} missing: run python3 bench/corpus.py")
    if not os.path.exists(BIN):
        log("building target/release/claimcheck", args.quiet)
        subprocess.run(["cargo", "build", "--release", "--quiet"], check=True)
    # Snapshot the binary: another build on this machine may replace it mid-run.
    tmp = tempfile.mkdtemp(prefix="claimcheck-peers-")
    binary = os.path.join(tmp, "claimcheck")
    shutil.copy2(BIN, binary)
    with open(binary, "rb") as f:
        sha = hashlib.sha256(f.read()).hexdigest()[:12]
    built = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(os.path.getmtime(binary)))
    load_before = os.getloadavg()
    size = corpus_bytes(args.corpus_dir)
    mb = size / 1e6
    rows, notes = [], []

    try:
        # claimcheck first: its mention count and throughput are what the peers are held to.
        cc = {}
        for label, extra in [("extract", []), ("extract --periods", ["--periods"])]:
            log(f"claimcheck {label}: {args.runs} runs", args.quiet)
            cmd = [binary, "extract", "--format", "jsonl", "-j", "1", *extra, args.corpus_dir]
            walls, cpus, n, _ = timed(cmd, args.runs)
            cc[label] = (statistics.median(walls), statistics.median(cpus), n, walls)
        cc_mbs = mb / cc["extract"][0]

        for name in [p for p in args.peers.split(",") if p]:
            if name not in PEERS:
                sys.exit(f"unknown peer {name}: one of {', '.join(PEERS)}")
            error = ensure_peer(name, args.quiet)
            if error:
                notes.append(f"{name}: could not be installed:\n{error}")
                continue
            log(f"{name}: parsing", args.quiet)
            res, error = run_peer(name, args)
            if error:
                notes.append(f"{name}: failed:\n{error}")
                continue
            res["name"] = name
            rows.append(res)

        ref = None
        if os.path.isdir(big):
            log("grep reference over corpus-100MB: 3 runs", args.quiet)
            grep = f"cat {big}/* | grep -c '[0-9]'"
            walls, cpus, _, out = timed(grep, 3, shell=True)
            ref = (corpus_bytes(big) / 1e6, statistics.median(walls), statistics.median(cpus),
                   int(out), walls)
        big_cc = None
        if args.with_100mb and ref:
            log("claimcheck extract over corpus-100MB: 3 runs", args.quiet)
            walls, cpus, n, _ = timed([binary, "extract", "--format", "jsonl", "-j", "1", big], 3)
            big_cc = (statistics.median(walls), statistics.median(cpus), n, walls)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    # ---- report ----
    unit = "document" if args.per_document else "paragraph"
    out = []
    out.append(f"Corpus: {args.corpus_dir}, {size:,} bytes in {len(documents(args.corpus_dir))} "
               f"documents. Machine: {os.cpu_count()} cores, load average "
               f"{load_before[0]:.2f} at start, {os.getloadavg()[0]:.2f} at end.")
    out.append(f"claimcheck: target/release/claimcheck (sha256 {sha}…, built {built}, "
               f"snapshot copied at start).")
    out.append("")
    out.append("| tool | what is timed | load (s) | parse (s) | MB/s | KB/s | mentions "
               "| claimcheck ÷ tool |")
    out.append("|---|---|--:|--:|--:|--:|--:|--:|")
    for label, (wall, cpu, n, _) in cc.items():
        out.append(f"| claimcheck `{label} -j 1` | whole process, median of {args.runs} | — "
                   f"| {wall:.3f} | {mb / wall:.2f} | {size / 1e3 / wall:,.0f} | {n:,} "
                   f"| {cc_mbs / (mb / wall):.2f} |")
    for r in rows:
        part = r["bytes"] < size
        wall = r["parse_s"] * size / r["bytes"]  # extrapolated when only a prefix was parsed
        mentions = round(r["mentions"] * size / r["bytes"])
        star = "*" if part else ""
        label = {"quantulum3": "quantulum3", "duckling": "Duckling (pyduckling-native-phihos)"}
        out.append(f"| {label[r['name']]} {r['version']} | `parse` per {unit}, "
                   f"{r['calls']:,} calls | {r['load_s']:.2f} | {wall:.1f}{star} "
                   f"| {mb / wall:.3f} | {size / 1e3 / wall:.1f} | {'~' if part else ''}"
                   f"{mentions:,} | {cc_mbs / (mb / wall):,.0f} |")
    if ref:
        rmb, rwall, _, lines, _ = ref
        ratio = f"{rwall / big_cc[0]:.3f}" if big_cc else "—"  # same bytes: MB/s ratio
        out.append(f"| `cat corpus-100MB/* \\| grep -c '[0-9]'` | whole pipeline, median of 3 | — "
                   f"| {rwall:.3f} | {rmb / rwall:.1f} | {rmb * 1e3 / rwall:,.0f} "
                   f"| {lines:,} lines | {ratio} |")
    if big_cc:
        wall, cpu, n, _ = big_cc
        out.append(f"| claimcheck `extract -j 1` on corpus-100MB | whole process, median of 3 | — "
                   f"| {wall:.2f} | {ref[0] / wall:.2f} | {ref[0] * 1e3 / wall:,.0f} | {n:,} "
                   f"| — |")
    out.append("")
    if any(r["bytes"] < size for r in rows):
        out.append("\\* extrapolated from the documents prefix given by --limit-bytes; "
                   "mentions scaled the same way (~).")
    out.append("`claimcheck ÷ tool` is claimcheck extract's MB/s over the tool's on the same "
               "corpus; on the grep row, claimcheck's MB/s over grep's, both on corpus-100MB "
               "(with --with-100mb).")
    out.append("Mentions are each tool's own items (claimcheck: JSONL lines; quantulum3: "
               "quantities; Duckling: entities of " + args.duckling_dims + "); they are not "
               "the same thing counted three ways.")
    out.append("")
    out.append("Details:")
    for label, (wall, cpu, _, walls) in cc.items():
        out.append(f"  claimcheck {label}: {spread(walls)}; CPU median {cpu:.3f} s")
    for r in rows:
        out.append(f"  {r['name']} {r['version']}: load {r['load_s']:.2f} s (import + set-up "
                   f"{r['import_s']:.2f} s, first call {r['load_s'] - r['import_s']:.2f} s); "
                   f"parse {r['parse_s']:.1f} s wall, {r['cpu_s']:.1f} s CPU over "
                   f"{r['bytes']:,} bytes ({r['docs']} documents, {r['calls']:,} calls); slowest "
                   f"call {r['slowest_call_s']:.2f} s on {r['slowest_call_chars']:,} chars; "
                   f"peak RSS {r['peak_rss_mb']:.0f} MB")
    if ref:
        out.append(f"  grep reference: {spread(ref[4])}; CPU median {ref[2]:.3f} s")
    if big_cc:
        out.append(f"  claimcheck extract corpus-100MB: {spread(big_cc[3])}; "
                   f"CPU median {big_cc[1]:.2f} s ({ref[0] / big_cc[1]:.1f} MB per CPU second)")
    for note in notes:
        out.append("  PROBLEM " + note.replace("\n", "\n    "))
    out.append("")
    out.append("Command: python3 bench/peers.py " + " ".join(shlex.quote(a) for a in sys.argv[1:]))
    out.append(f"Whole run: {time.perf_counter() - started:.0f} s")
    print("\n".join(out))


if __name__ == "__main__":
    main()
