#!/usr/bin/env python3
"""Verify gold.json of this hand-written series against its documents and ANNOTATION.md rules."""
import json, os, re, sys, unicodedata

D = os.path.dirname(os.path.abspath(__file__))
errs = []
def err(m): errs.append(m)

g = json.load(open(os.path.join(D, 'gold.json'), encoding='utf-8'))
for k in ('documents', 'tasks', 'results', 'follow_through', 'carry_over', 'gaps'):
    if k not in g: err(f'missing key {k}')
MONTH = re.compile(r'^\d{4}-(0[1-9]|1[0-2])$')

# documents
docs = {}
texts = {}
for d in g['documents']:
    f = d['file']
    if f in docs: err(f'duplicate document {f}')
    docs[f] = d
    for k in ('unit', 'reported_months', 'planned_period'):
        if k not in d: err(f'{f}: missing {k}')
    m = re.match(r'^([a-z0-9-]+)_(\d{4}-\d{2})\.txt$', f)
    if not m: err(f'{f}: bad name')
    elif m.group(2) != d['planned_period']: err(f'{f}: name month != planned_period')
    if not MONTH.match(d['planned_period']): err(f'{f}: bad planned_period')
    for r in d['reported_months']:
        if not MONTH.match(r): err(f'{f}: bad reported month {r}')
        if r >= d['planned_period']: err(f'{f}: reported {r} not before planned')
    p = os.path.join(D, f)
    if not os.path.exists(p): err(f'{f}: missing file'); continue
    raw = open(p, 'rb').read()
    try: t = raw.decode('utf-8')
    except UnicodeDecodeError: err(f'{f}: not utf-8'); continue
    if unicodedata.normalize('NFC', t) != t: err(f'{f}: not NFC')
    if '\ufeff' in t: err(f'{f}: BOM')
    texts[f] = t
on_disk = {x for x in os.listdir(D) if x.endswith('.txt')}
if on_disk != set(docs): err(f'txt files on disk {sorted(on_disk)} != documents {sorted(docs)}')

# order documents of each unit
units = {}
for f, d in docs.items(): units.setdefault(d['unit'], []).append(f)
for u in units: units[u].sort(key=lambda f: docs[f]['planned_period'])
last_of_unit = {u: fs[-1] for u, fs in units.items()}
for u, fs in units.items():
    for a, b in zip(fs, fs[1:]):
        if docs[a]['planned_period'] >= docs[b]['planned_period']: err(f'{u}: planned periods not increasing')

# items
items = {}
def check_item(it, kind):
    iid = it.get('id')
    if iid in items: err(f'duplicate id {iid}')
    items[iid] = (kind, it)
    f = it['file']
    if f not in texts: err(f'{iid}: unknown file {f}'); return
    t = texts[f]; s = it['text']
    if not s.strip() or s != s.strip(): err(f'{iid}: empty or untrimmed text')
    if unicodedata.normalize('NFC', s) != s: err(f'{iid}: text not NFC')
    n = t.count(s)
    if n != 1: err(f'{iid}: text occurs {n} times in {f}')
    d = docs[f]
    if kind == 'task' and it['period'] != d['planned_period']: err(f'{iid}: period != planned_period')
    if kind == 'result' and it['period'] not in d['reported_months']: err(f'{iid}: period not a reported month')
for it in g['tasks']: check_item(it, 'task')
for it in g['results']: check_item(it, 'result')
# items must not overlap each other inside a file
for f in texts:
    spans = []
    for iid, (k, it) in items.items():
        if it['file'] == f and texts[f].count(it['text']) == 1:
            i = texts[f].index(it['text']); spans.append((i, i + len(it['text']), iid))
    spans.sort()
    for a, b in zip(spans, spans[1:]):
        if b[0] < a[1]: err(f'{f}: {a[2]} overlaps {b[2]}')
# per-document counts 10-18
for f in docs:
    nt = sum(1 for it in g['tasks'] if it['file'] == f)
    nr = sum(1 for it in g['results'] if it['file'] == f)
    if not 10 <= nt <= 18: err(f'{f}: {nt} tasks')
    if not 10 <= nr <= 18: err(f'{f}: {nr} results')

def kind(i): return items.get(i, (None,))[0]
def doc_of(i): return docs[items[i][1]['file']]

# follow-through
ft_tasks = set()
for l in g['follow_through']:
    t, r, s = l['task'], l['result'], l['status']
    if kind(t) != 'task': err(f'FT: {t} not a task'); continue
    if kind(r) != 'result': err(f'FT: {r} not a result'); continue
    if s not in ('done', 'partial'): err(f'FT {t}->{r}: status {s}')
    td, rd = doc_of(t), doc_of(r)
    if td['unit'] != rd['unit']: err(f'FT {t}->{r}: cross-unit')
    if rd['planned_period'] <= td['planned_period']: err(f'FT {t}->{r}: result not in a later document')
    tp = items[t][1]['period']
    if items[r][1]['period'] != tp: err(f'FT {t}->{r}: result period != task period')
    # first later document of the unit that reports on tp
    first = next((f for f in units[td['unit']] if docs[f]['planned_period'] > td['planned_period'] and tp in docs[f]['reported_months']), None)
    if items[r][1]['file'] != first: err(f'FT {t}->{r}: not in first document reporting {tp}')
    ft_tasks.add(t)
if len({(l['task'], l['result']) for l in g['follow_through']}) != len(g['follow_through']): err('duplicate FT links')

# carry-over
co_from = set()
KINDS = {'unfinished', 'unfinished_reworded', 'routine', 'next_step', 'split'}
for l in g['carry_over']:
    a, b, k = l['from'], l['to'], l['kind']
    if kind(a) != 'task' or kind(b) != 'task': err(f'CO {a}->{b}: not tasks'); continue
    if k not in KINDS: err(f'CO {a}->{b}: kind {k}')
    if doc_of(a)['unit'] != doc_of(b)['unit']: err(f'CO {a}->{b}: cross-unit')
    if items[b][1]['period'] <= items[a][1]['period']: err(f'CO {a}->{b}: not later')
    co_from.add(a)
if len({(l['from'], l['to']) for l in g['carry_over']}) != len(g['carry_over']): err('duplicate CO links')

# gaps
gaps = g['gaps']
if len(set(gaps)) != len(gaps): err('duplicate gaps')
def reported_later(t):
    d = doc_of(t); tp = items[t][1]['period']
    return any(tp in docs[f]['reported_months'] for f in units[d['unit']] if docs[f]['planned_period'] > d['planned_period'])
for t in gaps:
    if kind(t) != 'task': err(f'gap {t}: not a task'); continue
    if t in ft_tasks or t in co_from: err(f'gap {t}: has a link')
    if items[t][1]['file'] == last_of_unit[doc_of(t)['unit']]: err(f'gap {t}: in last document (right-censored)')
    if not reported_later(t): err(f'gap {t}: pending, no later document reports its month')
for it in g['tasks']:
    t = it['id']
    if t not in ft_tasks and t not in co_from and reported_later(t) and t not in gaps:
        err(f'{t}: silent but not listed in gaps')

# decoys
for pair in g.get('cross_unit_decoys', []):
    if len(pair) != 2 or any(kind(x) is None for x in pair): err(f'decoy {pair}: unknown ids'); continue
    if doc_of(pair[0])['unit'] == doc_of(pair[1])['unit']: err(f'decoy {pair}: same unit')
if len(units) > 1 and not g.get('cross_unit_decoys'): err('two units but no cross_unit_decoys')

if errs:
    print('\n'.join(errs)); print(f'{len(errs)} error(s)'); sys.exit(1)
print(f"documents {len(docs)}, tasks {len(g['tasks'])}, results {len(g['results'])}, "
      f"follow_through {len(g['follow_through'])}, carry_over {len(g['carry_over'])}, gaps {len(gaps)}")
print('OK')
