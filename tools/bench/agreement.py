#!/usr/bin/python3
"""How well `sujuva analyze` agrees with `sujuva simulate`: the mean wait per visit of every role
with visits and the mean lead time of every bundled and example model, analytic against the
simulated 95 % interval (4000 weeks x 20 replications, the model's own warm-up).

Usage: tools/bench/agreement.py [SUJUVA_BINARY] [extra simulate options, e.g. --warmup 52]
"""
import glob
import json
import os
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
B = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, 'build', 'sujuva')
extra = sys.argv[2:]
models = sorted(glob.glob(os.path.join(ROOT, 'processes', '*.dot'))) + \
    sorted(glob.glob(os.path.join(ROOT, 'processes', 'examples', '*.dot')))
rows = []; leads = []
for m in models:
    a = json.loads(subprocess.run([B, 'analyze', m, '--json'], capture_output=True, text=True).stdout)
    s = json.loads(subprocess.run([B, 'simulate', m, '--weeks', '4000', '--replications', '20', '--json'] + extra,
                                  capture_output=True, text=True).stdout)
    name = m.split('/')[-1][:-4]
    sl = s['overall']['lead_time_weeks']['mean']
    leads.append((name, a['lead_time_weeks']['mean'], sl['mean'], sl['low'], sl['high'], s['options']['warmup_weeks']))
    sr = {r['id']: r for r in s['roles']}
    for r in a['roles']:
        if not r.get('visits_per_week') or r['wait_weeks'] is None: continue
        w = sr[r['id']]['wait_weeks']['mean']
        rows.append((name, r['id'], r['servers'], r['utilisation'], r['service_scv'], r['wait_weeks'], w['mean'], w['low'], w['high'],
                     sr[r['id']]['utilisation']['mean']))
inside = 0; diffs = []
for n, rid, c, u, scv, aw, sm, lo, hi, su in rows:
    ins = lo <= aw <= hi
    inside += ins
    d = aw / sm - 1 if sm else float('nan')
    diffs.append(abs(d))
    print(f"{n:38s} {rid:22s} c={c:5.2f} u={u:5.3f} su={su:5.3f} scv={scv:4.2f} analytic={aw:.4f} sim={sm:.4f} ({lo:.4f}-{hi:.4f}) {'inside' if ins else f'{d:+.0%}'}")
print(f"roles inside: {inside} of {len(rows)}; median |diff| {statistics.median(diffs):.1%}; largest {max(diffs):.1%}")
for n, am, sm, lo, hi, w in leads:
    print(f"lead {n:38s} warmup {w:5.0f} analytic {am:.3f} sim {sm:.3f} ({lo:.3f}-{hi:.3f}) {'inside' if lo <= am <= hi else f'{am/sm-1:+.1%}'}")
