#!/usr/bin/env python3
"""Checks gold.json against the series files in this folder and prints counts."""
import json, os, sys, unicodedata, collections
HERE = os.path.dirname(os.path.abspath(__file__))
g = json.load(open(os.path.join(HERE, 'gold.json'), encoding='utf-8'))
err = []
docs = {d['file']: d for d in g['documents']}
texts = {}
for f in docs:
    t = open(os.path.join(HERE, f), encoding='utf-8').read()
    if unicodedata.normalize('NFC', t) != t: err.append(f'{f} not NFC')
    texts[f] = t
    n = t.count('\n')
    if not 40 <= n <= 120: err.append(f'{f}: {n} lines')
items = {}
for kind in ('tasks', 'results'):
    for it in g[kind]:
        if it['id'] in items: err.append('duplicate id ' + it['id'])
        items[it['id']] = dict(it, kind=kind)
        if it['file'] not in docs: err.append('unknown file ' + it['file'])
        elif it['text'] not in texts[it['file']]: err.append('not a substring: ' + it['id'])
        if not it['text'].strip() or '\n' in it['text']: err.append('bad text ' + it['id'])
unit = lambda i: docs[items[i]['file']]['unit']
order = {f: i for i, f in enumerate(sorted(docs))}
last = {}
for f, d in docs.items():
    if d['unit'] not in last or f > last[d['unit']]: last[d['unit']] = f
linked = set()
for l in g['follow_through']:
    t, r = l['task'], l['result']
    if t not in items or items[t]['kind'] != 'tasks': err.append('ft task ' + t); continue
    if r not in items or items[r]['kind'] != 'results': err.append('ft result ' + r); continue
    if unit(t) != unit(r): err.append(f'ft cross-unit {t} {r}')
    if not items[r]['file'] > items[t]['file']: err.append(f'ft not later {t} {r}')
    if l['status'] not in ('done', 'partial'): err.append('status ' + t)
    linked.add(t)
for l in g['carry_over']:
    a, b = l['from'], l['to']
    if a not in items or b not in items or items[a]['kind'] != 'tasks' or items[b]['kind'] != 'tasks': err.append(f'co {a} {b}'); continue
    if unit(a) != unit(b): err.append(f'co cross-unit {a} {b}')
    if not items[b]['file'] > items[a]['file']: err.append(f'co not later {a} {b}')
    if l['kind'] not in ('unfinished', 'unfinished_reworded', 'routine', 'next_step', 'split'): err.append('kind ' + a)
    linked.add(a)
for t in g['gaps']:
    if t not in items or items[t]['kind'] != 'tasks': err.append('gap ' + t); continue
    if t in linked: err.append('gap has links ' + t)
    if items[t]['file'] == last[unit(t)]: err.append('gap in right-censored doc ' + t)
for it in g['tasks']:
    if it['file'] != last[unit(it['id'])] and it['id'] not in linked and it['id'] not in g['gaps']:
        err.append('task neither linked nor gap ' + it['id'])
for a, b in g.get('cross_unit_decoys', []):
    if a not in items or b not in items: err.append(f'decoy ids {a} {b}')
    elif unit(a) == unit(b): err.append(f'decoy same unit {a} {b}')
for e in err: print('ERROR', e)
c = collections.Counter(); cr = collections.Counter()
for it in g['tasks']: c[it['file']] += 1
for it in g['results']: cr[it['file']] += 1
for f in sorted(docs): print(f'{f}: {c[f]} tasks, {cr[f]} results')
st = collections.Counter(l['status'] for l in g['follow_through'])
kd = collections.Counter(l['kind'] for l in g['carry_over'])
cens = sum(1 for it in g['tasks'] if it['file'] == last[unit(it['id'])])
print(f"documents {len(docs)}, tasks {len(g['tasks'])} ({cens} right-censored), results {len(g['results'])}")
print(f"follow_through {len(g['follow_through'])} {dict(st)}; carry_over {len(g['carry_over'])} {dict(kd)}; gaps {len(g['gaps'])}; cross_unit_decoys {len(g.get('cross_unit_decoys', []))}")
print('OK' if not err else f'{len(err)} ERRORS')
sys.exit(1 if err else 0)
