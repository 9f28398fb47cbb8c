#!/usr/bin/env python3
"""Check gold.json of the hand-bx series against its .txt files.  Prints OK when all checks pass.

Checks: the form of gold.json; file names; UTF-8 / NFC / \\n / no BOM; every text an exact,
unique substring of its file, items not overlapping; every bullet or sentence of the results and
tasks sections covered by a labelled item (headings, lead-ins ending in ':', page numbers and
running page lines skipped); items inside the right section and one sentence each; 10-18 tasks
and results per document; periods agree with the documents; links within one unit, forward in
time, follow-through to the first document reporting the task's month; allowed statuses and
kinds; gaps exactly the unlinked tasks of non-last documents; cross-unit decoys between units and
never linked.
"""
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ERRORS = []

STATUSES = {'done', 'partial'}
KINDS = {'unfinished', 'unfinished_reworded', 'routine', 'next_step', 'split'}
MONTH = re.compile(r'^\d{4}-(0[1-9]|1[0-2])$')
FNAME = re.compile(r'^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt$')
ID = re.compile(r'^[AB]-[TR]\d{2}-\d+$')
# lines that are not items even inside a section (folded, lower case)
RUNNING = [re.compile(r'^dang u[yv] phuong dong thanh - thong bao ket luan thang [\dlI/, ]+$'),
           re.compile(r'^ubnd xa gia tan - bao cao thang [\dlI/, ]+$')]
PAGENUM = [re.compile(r'^-\s*\d+\s*-$'), re.compile(r'^trang \d+/\d+$')]
HEADING = re.compile(r'^([ivx]+|\d+(\.\d+)*|[a-z])[.)]\s+\S')
STRAY = '’‘|\'`'
MARKER = re.compile(r'^(\(\d+\)|\d+\.|-|\+|•)\s*')
SENT_BREAK = re.compile(r'[.!?]["”]?\s+(?=[A-ZĐÀ-Ỹ])')


def err(msg):
    ERRORS.append(msg)


def fold(s):
    s = unicodedata.normalize('NFD', s)
    s = ''.join(c for c in s if unicodedata.category(c) != 'Mn')
    return s.replace('đ', 'd').replace('Đ', 'D').replace('Ð', 'D').lower()


def sections(text):
    """Return {'results': (start, end), 'tasks': (start, end)} as character offsets."""
    lines, off = [], 0
    for ln in text.split('\n'):
        lines.append((off, ln))
        off += len(ln) + 1
    marks = {}
    for i, (o, ln) in enumerate(lines):
        f = fold(ln.strip().lstrip(STRAY))
        if re.match(r'^i\.\s+ket qua', f):
            marks.setdefault('r0', []).append(i)
        elif re.match(r'^ii\.\s+han che', f):
            marks.setdefault('r1', []).append(i)
        elif re.match(r'^iii\.\s+(nhiem vu|phuong huong)', f):
            marks.setdefault('t0', []).append(i)
    for k in ('r0', 'r1', 't0'):
        if len(marks.get(k, [])) != 1:
            return None, lines
    t0 = marks['t0'][0]
    t1 = None
    for i in range(t0 + 1, len(lines)):
        f = fold(lines[i][1].strip().lstrip(STRAY))
        if re.match(r'^(iv\.|giao |noi nhan|tren day)', f):
            t1 = i
            break
    if t1 is None:
        return None, lines
    return {'results': (marks['r0'][0] + 1, marks['r1'][0]), 'tasks': (t0 + 1, t1)}, lines


def skippable(line):
    s = line.strip().lstrip(STRAY).strip()
    if not s:
        return True
    f = fold(s)
    if any(p.match(f) for p in RUNNING + PAGENUM):
        return True
    if s.endswith(':'):
        return True                       # lead-in
    if HEADING.match(f) and not s.endswith(('.', ';')):
        return True                       # heading
    return False


def main():
    gp = HERE / 'gold.json'
    try:
        gold = json.loads(gp.read_text(encoding='utf-8'))
    except Exception as e:  # noqa
        print(f'FAIL: cannot read gold.json: {e}')
        sys.exit(1)

    # ---- form
    need = {'documents', 'tasks', 'results', 'follow_through', 'carry_over', 'gaps'}
    extra = set(gold) - need - {'cross_unit_decoys'}
    if need - set(gold):
        err(f'missing keys {sorted(need - set(gold))}')
    if extra:
        err(f'unexpected keys {sorted(extra)}')
    for key, fields in (('documents', {'file', 'unit', 'reported_months', 'planned_period'}),
                        ('tasks', {'id', 'file', 'period', 'text'}),
                        ('results', {'id', 'file', 'period', 'text'}),
                        ('follow_through', {'task', 'result', 'status'}),
                        ('carry_over', {'from', 'to', 'kind'})):
        if not isinstance(gold.get(key), list):
            err(f'{key} is not a list')
            continue
        for rec in gold[key]:
            if not isinstance(rec, dict) or set(rec) != fields:
                err(f'{key}: bad record {rec}')
    if ERRORS:
        report()

    # ---- documents and files
    docs = {}
    for d in gold['documents']:
        m = FNAME.match(d['file'])
        if not m:
            err(f'bad file name {d["file"]}')
            continue
        if m.group(2) != d['planned_period'] or not MONTH.match(d['planned_period']):
            err(f'{d["file"]}: name month != planned_period {d["planned_period"]}')
        if not d['reported_months'] or any(not MONTH.match(x) for x in d['reported_months']):
            err(f'{d["file"]}: bad reported_months')
        if any(x >= d['planned_period'] for x in d['reported_months']):
            err(f'{d["file"]}: a reported month is not before the planned month')
        if d['reported_months'] != sorted(set(d['reported_months'])):
            err(f'{d["file"]}: reported_months not sorted/unique')
        if d['file'] in docs:
            err(f'duplicate document {d["file"]}')
        docs[d['file']] = d
    on_disk = {p.name for p in HERE.glob('*.txt')}
    if on_disk != set(docs):
        err(f'txt files on disk {sorted(on_disk ^ set(docs))} differ from documents')
    texts = {}
    for f in docs:
        raw = (HERE / f).read_bytes()
        if raw.startswith(b'\xef\xbb\xbf'):
            err(f'{f}: BOM')
        if b'\r' in raw:
            err(f'{f}: CR line ends')
        try:
            t = raw.decode('utf-8')
        except UnicodeDecodeError as e:
            err(f'{f}: not UTF-8 ({e})')
            continue
        if not unicodedata.is_normalized('NFC', t):
            err(f'{f}: not NFC')
        texts[f] = t
    units = defaultdict(list)
    for d in docs.values():
        units[d['unit']].append(d)
    for u in units:
        units[u].sort(key=lambda d: d['planned_period'])
        slugs = {FNAME.match(d['file']).group(1) for d in units[u]}
        if len(slugs) != 1:
            err(f'unit {u}: several slugs {slugs}')
    if len(units) == 2:
        s1, s2 = [{FNAME.match(d['file']).group(1) for d in v} for v in units.values()]
        if s1 & s2:
            err('two units share a slug')

    # ---- items
    items = {}
    spans = defaultdict(list)
    for kind in ('tasks', 'results'):
        for it in gold[kind]:
            i = it['id']
            if not ID.match(i) or (kind == 'tasks') != ('-T' in i):
                err(f'bad id {i} in {kind}')
            if i in items:
                err(f'duplicate id {i}')
            if it['file'] not in texts:
                err(f'{i}: unknown file {it["file"]}')
                continue
            d = docs[it['file']]
            if kind == 'tasks' and it['period'] != d['planned_period']:
                err(f'{i}: period {it["period"]} != planned {d["planned_period"]}')
            if kind == 'results' and it['period'] not in d['reported_months']:
                err(f'{i}: period {it["period"]} not reported by {it["file"]}')
            t, txt = it['text'], texts[it['file']]
            if not t or t != t.strip():
                err(f'{i}: empty text or surrounding whitespace')
            n = txt.count(t)
            if n != 1:
                err(f'{i}: text found {n} times in {it["file"]}')
                continue
            st = txt.index(t)
            spans[it['file']].append((st, st + len(t), i, kind))
            body = t.rstrip('.;')
            if SENT_BREAK.search(body):
                err(f'{i}: more than one sentence: {t[:60]!r}')
            items[i] = dict(it, kind=kind, unit=d['unit'], start=st)
    for f, sp in spans.items():
        sp.sort()
        for a, b in zip(sp, sp[1:]):
            if b[0] < a[1]:
                err(f'{f}: {a[2]} overlaps {b[2]}')

    # ---- counts per document
    for f, d in docs.items():
        nt = sum(1 for x in gold['tasks'] if x['file'] == f)
        nr = sum(1 for x in gold['results'] if x['file'] == f)
        if not 10 <= nt <= 18:
            err(f'{f}: {nt} tasks')
        if not (10 <= nr <= 18 or (nr == 0 and not d['reported_months'])):
            err(f'{f}: {nr} results')

    # ---- sections: coverage and placement
    for f, txt in texts.items():
        secs, lines = sections(txt)
        if secs is None:
            err(f'{f}: cannot find the results / tasks sections')
            continue
        covered = bytearray(len(txt))
        for st, en, i, kind in spans.get(f, []):
            for k in range(st, en):
                covered[k] = 1
        for name, (a, b) in secs.items():
            lo, hi = lines[a][0], lines[b][0]
            want = 'results' if name == 'results' else 'tasks'
            for st, en, i, kind in spans.get(f, []):
                inside = lo <= st and en <= hi
                if kind == want and not inside and (lo <= st < hi):
                    err(f'{f}: {i} runs out of its section')
            for li in range(a, b):
                o, ln = lines[li]
                mask = covered[o:o + len(ln)]
                left = ''.join(c for c, m in zip(ln, mask) if not m)
                if any(mask):
                    rest = left.strip().lstrip(STRAY).strip()
                    rest = MARKER.sub('', rest)
                    if any(c.isalnum() for c in rest):
                        err(f'{f}:{li + 1}: unlabelled text {rest[:50]!r}')
                elif not skippable(ln):
                    err(f'{f}:{li + 1}: unlabelled line {ln[:60]!r}')
        for st, en, i, kind in spans.get(f, []):
            a, b = secs['results' if kind == 'results' else 'tasks']
            if not (lines[a][0] <= st and en <= lines[b][0]):
                err(f'{f}: {i} is outside the {kind} section')

    # ---- links
    def doc_of(i):
        return docs[items[i]['file']]

    ft_pairs, co_pairs = set(), set()
    out_links = defaultdict(int)
    for ln in gold['follow_through']:
        t, r, s = ln['task'], ln['result'], ln['status']
        if t not in items or items[t]['kind'] != 'tasks':
            err(f'follow_through: {t} is not a task')
            continue
        if r not in items or items[r]['kind'] != 'results':
            err(f'follow_through: {r} is not a result')
            continue
        if s not in STATUSES:
            err(f'follow_through {t}->{r}: status {s}')
        if items[t]['unit'] != items[r]['unit']:
            err(f'follow_through {t}->{r}: across units')
        if doc_of(r)['planned_period'] <= doc_of(t)['planned_period']:
            err(f'follow_through {t}->{r}: not forward in time')
        if items[r]['period'] < items[t]['period']:
            err(f'follow_through {t}->{r}: result period before task period')
        first = next((d for d in units[items[t]['unit']]
                      if items[t]['period'] in d['reported_months']), None)
        if first is None or first['file'] != items[r]['file']:
            err(f'follow_through {t}->{r}: not in the first document reporting {items[t]["period"]}')
        if (t, r) in ft_pairs:
            err(f'duplicate follow_through {t}->{r}')
        ft_pairs.add((t, r))
        out_links[t] += 1
    for ln in gold['carry_over']:
        a, b, k = ln['from'], ln['to'], ln['kind']
        if a not in items or items[a]['kind'] != 'tasks' or b not in items or items[b]['kind'] != 'tasks':
            err(f'carry_over {a}->{b}: not two tasks')
            continue
        if k not in KINDS:
            err(f'carry_over {a}->{b}: kind {k}')
        if items[a]['unit'] != items[b]['unit']:
            err(f'carry_over {a}->{b}: across units')
        if items[b]['period'] <= items[a]['period']:
            err(f'carry_over {a}->{b}: not forward in time')
        if (a, b) in co_pairs:
            err(f'duplicate carry_over {a}->{b}')
        co_pairs.add((a, b))
        out_links[a] += 1

    # ---- gaps
    last = {u: v[-1]['file'] for u, v in units.items()}
    expect = {i for i, it in items.items()
              if it['kind'] == 'tasks' and it['file'] != last[it['unit']] and not out_links[i]}
    got = set(gold['gaps'])
    if len(got) != len(gold['gaps']):
        err('duplicate gap ids')
    if got != expect:
        err(f'gaps: missing {sorted(expect - got)}, extra {sorted(got - expect)}')

    # ---- decoys
    decoys = gold.get('cross_unit_decoys', [])
    if len(units) == 2 and len(decoys) < 10:
        err(f'only {len(decoys)} cross-unit decoys')
    linked = ft_pairs | co_pairs
    seen = set()
    for p in decoys:
        if not isinstance(p, list) or len(p) != 2 or any(x not in items for x in p):
            err(f'bad decoy {p}')
            continue
        a, b = p
        if items[a]['unit'] == items[b]['unit']:
            err(f'decoy {a} {b}: same unit')
        if (a, b) in linked or (b, a) in linked:
            err(f'decoy {a} {b}: linked')
        if tuple(sorted(p)) in seen:
            err(f'duplicate decoy {p}')
        seen.add(tuple(sorted(p)))

    # ---- summary
    n_st = defaultdict(int)
    for ln in gold['follow_through']:
        n_st[ln['status']] += 1
    n_k = defaultdict(int)
    for ln in gold['carry_over']:
        n_k[ln['kind']] += 1
    print(f'documents {len(docs)} (units {len(units)}), tasks {len(gold["tasks"])}, '
          f'results {len(gold["results"])}')
    print('follow_through', len(gold['follow_through']), dict(sorted(n_st.items())))
    print('carry_over', len(gold['carry_over']), dict(sorted(n_k.items())))
    print('gaps', len(gold['gaps']), 'decoys', len(decoys))
    report()


def report():
    if ERRORS:
        for e in ERRORS:
            print('ERROR', e)
        print(f'FAIL ({len(ERRORS)} errors)')
        sys.exit(1)
    print('OK')
    sys.exit(0)


if __name__ == '__main__':
    main()
