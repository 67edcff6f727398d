#!/usr/bin/env python3
"""How claimcheck does on the hand-labelled devset (../shared/devset): a rough score, for
following progress, not a grade.

Claims are matched to labels by their text (the labelled `quantity_text` inside ours, or ours
inside it, the n-th occurrence in the file); for each matched claim: the metric family
(`trade_total_growth_yoy` counts as `trade_total`; `fdi_*` as `investment`; `aid_*` as `aid`),
the entities (as a set) and the period (start and end). A labelled finding counts as found when
all of its claims appear together in one of our findings with a compatible verdict (a conflict
for a conflict or a violated relation, anything else otherwise); `excluded` labels are skipped.
Labelled findings that list more claims than one of ours (shares of several items at once) are
not found by construction, so the score understates what is checked.

    python3 bench/devset.py [path/to/claimcheck] [-v]
"""
import collections
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ARGS = [a for a in sys.argv[1:] if a != '-v']
BIN = os.path.abspath(ARGS[0]) if ARGS else os.path.join(HERE, '..', 'target', 'release', 'claimcheck')
ROOT = os.path.join(HERE, '..', '..', 'shared', 'devset')
VERBOSE = '-v' in sys.argv
if not os.path.isdir(ROOT):
    sys.exit(f"{ROOT} is absent: the devset comes with the shared folder")
CASES = sorted(d for d in os.listdir(ROOT) if d.startswith('case-'))

def family(m):
    if m is None:
        return None
    for k, v in [('trade_total', 'trade_total'), ('exports', 'exports'), ('fdi', 'investment'),
                 ('aid', 'aid'), ('companies', 'companies'), ('rank', 'rank')]:
        if m.startswith(k):
            return v
    return m

tot = collections.Counter()
for case in CASES:
    d = json.load(open(f'{ROOT}/{case}/labels.json'))
    dates = []
    for doc in d['documents']:
        p = doc['published']
        p = p.split(' ')[0]
        if len(p) == 4: p += '-01-01'
        if len(p) == 7: p += '-01'
        if os.path.exists(f'{ROOT}/{case}/{doc["file"]}'):
            dates += ['--date', f'{doc["file"]}={p}']
    out = subprocess.run([BIN, 'report', '-f', 'json', '--show', 'all', *dates, '.'],
                         cwd=f'{ROOT}/{case}', capture_output=True, text=True).stdout
    r = json.loads(out)
    ours = r['claims']
    by_file = collections.defaultdict(list)
    for c in ours:
        by_file[c['source'].lstrip('./')].append(c)
    text_of = {}
    mapped = {}
    for lc in d['claims']:
        cands = [c for c in by_file.get(lc['file'], []) if lc['quantity_text'] in c['text'] or c['text'] in lc['quantity_text']]
        occ = lc.get('occurrence', 1) or 1
        tot['claims'] += 1
        if len(cands) < occ:
            if VERBOSE: print('  MISS', lc['id'], lc['file'], lc['quantity_text'])
            continue
        c = cands[occ - 1]
        mapped[lc['id']] = c['id']
        tot['found'] += 1
        fam = family(lc['metric'])
        ok_metric = c.get('metric') and family(c['metric']) == fam
        tot['metric'] += bool(ok_metric)
        ents = sorted(lc.get('entities') or [])
        ok_ent = sorted(c.get('entities') or []) == ents
        tot['entities'] += ok_ent
        lp, cp = lc.get('period') or {}, c.get('period') or {}
        ok_p = (lp.get('start'), lp.get('end')) == (cp.get('start'), cp.get('end'))
        tot['period'] += ok_p
        if VERBOSE and not (ok_metric and ok_ent and ok_p):
            print(f"  {lc['id']} {lc['file'][:14]} {lc['quantity_text']!r}: metric {lc['metric']}/{c.get('metric')} ents {ents}/{c.get('entities')} period {lp.get('start')}..{lp.get('end')} / {cp.get('start')}..{cp.get('end')}")
    # findings
    fset = [(f['verdict'], set(f['claims'])) for f in r['findings']]
    for lf in d['findings']:
        t = lf['type']
        if t == 'excluded':
            continue
        ids = []
        for k in ('claims', 'parts', 'total', 'base', 'later', 'rate', 'whole', 'change'):
            v = lf.get(k)
            if v is None: continue
            ids += v if isinstance(v, list) else [v]
        ours_ids = {mapped.get(i) for i in ids}
        tot['findings'] += 1
        tot['f_' + t] += 1
        if None in ours_ids:
            if VERBOSE: print('  F-UNMAPPED', lf['id'], t)
            continue
        want_conflict = t == 'conflict' or lf.get('result') == 'violated'
        hit = [v for v, s in fset if ours_ids <= s]
        good = hit and (('conflict' in hit) if want_conflict else any(v != 'conflict' for v in hit))
        tot['f_found'] += bool(good)
        tot['ff_' + t] += bool(good)
        if VERBOSE and not good:
            print('  F-MISS', lf['id'], t, sorted(ours_ids), hit)
    print(case, 'ours:', r['summary']['conflicts'], 'conflicts')
print(dict(tot))
print(f"claims found {tot['found']}/{tot['claims']}, metric {tot['metric']}, entities {tot['entities']}, period {tot['period']}; findings {tot['f_found']}/{tot['findings']}")
