#!/usr/bin/env python3
"""Consistency checks for gold.json of this series (run from any directory).

Checks: files exist, are UTF-8 and NFC; every item text is an exact, unique
substring of its file, trimmed, without the final full stop; ids unique; task
periods equal the document's planned period and result periods are among its
reported months; follow-through and carry-over links run forward in time and
document order; statuses/kinds are valid; gaps have no links; every task not in
the last (right-censored) document has a follow-through, a carry-over or a gap;
per-document counts within 12-18 tasks and 10-18 results.
Exit status 0 when clean."""
import json, os, sys, unicodedata, collections

HERE = os.path.dirname(os.path.abspath(__file__))
errors, notes = [], []


def err(m):
    errors.append(m)


g = json.load(open(os.path.join(HERE, 'gold.json'), encoding='utf-8'))
for k in ('documents', 'tasks', 'results', 'follow_through', 'carry_over', 'gaps', 'cross_unit_decoys'):
    if k not in g:
        err(f"missing key {k}")
if g.get('cross_unit_decoys') != []:
    err("cross_unit_decoys should be []")

docs = g['documents']
order = {d['file']: i for i, d in enumerate(docs)}
dmeta = {d['file']: d for d in docs}
texts = {}
for d in docs:
    p = os.path.join(HERE, d['file'])
    if not os.path.exists(p):
        err(f"missing file {d['file']}")
        continue
    raw = open(p, 'rb').read()
    t = raw.decode('utf-8')
    if t != unicodedata.normalize('NFC', t):
        err(f"{d['file']} is not NFC")
    texts[d['file']] = t
    for k in ('unit', 'reported_months', 'planned_period'):
        if k not in d:
            err(f"{d['file']}: document lacks {k}")
# documents in chronological order of planned period
pp = [d['planned_period'] for d in docs]
if pp != sorted(pp):
    err("documents not in chronological order")

items = {}
for kind in ('tasks', 'results'):
    for it in g[kind]:
        i = it['id']
        if i in items:
            err(f"duplicate id {i}")
        items[i] = dict(it, kind=kind)
        f = it['file']
        if f not in texts:
            err(f"{i}: unknown file {f}")
            continue
        s = it['text']
        if s != unicodedata.normalize('NFC', s):
            err(f"{i}: text not NFC")
        c = texts[f].count(s)
        if c != 1:
            err(f"{i}: text occurs {c} times in {f}")
        if s != s.strip():
            err(f"{i}: text has surrounding whitespace")
        if s.endswith('.') or s.endswith(';'):
            err(f"{i}: text ends with a stop")
        if kind == 'tasks' and it['period'] != dmeta[f]['planned_period']:
            err(f"{i}: task period {it['period']} != planned {dmeta[f]['planned_period']}")
        if kind == 'results' and it['period'] not in dmeta[f]['reported_months']:
            err(f"{i}: result period {it['period']} not in reported months")

# overlapping item spans inside one file
for f, t in texts.items():
    spans = sorted((t.index(it['text']), t.index(it['text']) + len(it['text']), it['id'])
                   for it in items.values() if it['file'] == f and it['text'] in t)
    for a, b in zip(spans, spans[1:]):
        if b[0] < a[1]:
            err(f"{f}: items {a[2]} and {b[2]} overlap")

ft_out, co_out, co_in = collections.defaultdict(list), collections.defaultdict(list), collections.defaultdict(list)
seen = set()
for l in g['follow_through']:
    t, r = items.get(l['task']), items.get(l['result'])
    if not t or t['kind'] != 'tasks':
        err(f"follow_through: bad task {l['task']}"); continue
    if not r or r['kind'] != 'results':
        err(f"follow_through: bad result {l['result']}"); continue
    if l['status'] not in ('done', 'partial', 'progress'):
        err(f"follow_through {l}: bad status")
    if order[r['file']] <= order[t['file']]:
        err(f"follow_through {l['task']}->{l['result']}: result not in a later document")
    if r['period'] < t['period']:
        err(f"follow_through {l['task']}->{l['result']}: result period before task period")
    key = (l['task'], l['result'])
    if key in seen:
        err(f"duplicate follow_through {key}")
    seen.add(key)
    ft_out[l['task']].append(l['result'])
seen = set()
for l in g['carry_over']:
    a, b = items.get(l['from']), items.get(l['to'])
    if not a or a['kind'] != 'tasks' or not b or b['kind'] != 'tasks':
        err(f"carry_over: bad ids {l}"); continue
    if l['kind'] not in ('unfinished', 'unfinished_reworded', 'routine', 'next_step', 'split'):
        err(f"carry_over {l}: bad kind")
    if order[b['file']] <= order[a['file']] or b['period'] <= a['period']:
        err(f"carry_over {l['from']}->{l['to']}: does not run forward")
    key = (l['from'], l['to'])
    if key in seen:
        err(f"duplicate carry_over {key}")
    seen.add(key)
    co_out[l['from']].append(l['to'])
    co_in[l['to']].append(l['from'])

last = docs[-1]['file']
gaps = g['gaps']
if len(set(gaps)) != len(gaps):
    err("duplicate gap ids")
for x in gaps:
    it = items.get(x)
    if not it or it['kind'] != 'tasks':
        err(f"gap {x}: not a task"); continue
    if it['file'] == last:
        err(f"gap {x}: task of the last document is right-censored")
    if ft_out[x] or co_out[x] or co_in[x]:
        err(f"gap {x}: has links")
for it in g['tasks']:
    if it['file'] == last:
        continue
    if not (ft_out[it['id']] or co_out[it['id']] or it['id'] in gaps):
        err(f"task {it['id']} has no follow-through, carry-over or gap")

for d in docs:
    nt = sum(1 for t in g['tasks'] if t['file'] == d['file'])
    nr = sum(1 for r in g['results'] if r['file'] == d['file'])
    notes.append(f"{d['file']}: {nt} tasks, {nr} results")
    if not 12 <= nt <= 18:
        err(f"{d['file']}: {nt} tasks outside 12-18")
    if not 10 <= nr <= 18:
        err(f"{d['file']}: {nr} results outside 10-18")

# stray top-level .txt files that are not series documents
for fn in os.listdir(HERE):
    if fn.endswith('.txt') and fn not in order:
        err(f"stray top-level .txt: {fn}")

for n in notes:
    print(n)
print(f"tasks {len(g['tasks'])}, results {len(g['results'])}, follow_through {len(g['follow_through'])}, "
      f"carry_over {len(g['carry_over'])}, gaps {len(gaps)}")
if errors:
    print("ERRORS:")
    for e in errors:
        print(" -", e)
    sys.exit(1)
print("OK: gold.json is consistent")
