#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Consistency checks for gold.json of this series (run: python3 check_gold.py [DIR]).

Checks: files exist, UTF-8 and NFC; ids unique; every item text is an exact,
unique substring of its file, stops before the final full stop, and sits in the
right part of the document (results before the task heading "II. ...", tasks
after it); periods well formed; follow-through and carry-over links stay inside
one unit and run forward (to a later document); gaps have no outgoing links and
are not right-censored; every non-censored task has a follow-through, a
carry-over or a gap; decoy pairs join two existing items of different units;
per-document counts (10-16 tasks, 10-18 results). Prints counts at the end.
"""
import glob, json, os, re, sys, unicodedata
from collections import Counter, defaultdict

D = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
errors = []
err = errors.append

gold = json.load(open(os.path.join(D, "gold.json"), encoding="utf-8"))
for key in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
    if key not in gold:
        err("missing key %s" % key)

PERIOD = re.compile(r"^(\d{4})-(\d{2}|Q[1-4])$")


def period_range(p):
    """(first month, last month) as 'YYYY-MM' strings."""
    m = PERIOD.match(p)
    if not m:
        return None
    y, x = m.groups()
    if x.startswith("Q"):
        q = int(x[1])
        return ("%s-%02d" % (y, 3 * q - 2), "%s-%02d" % (y, 3 * q))
    return (p, p)


# ---- documents
docs = {}
texts = {}
unit_docs = defaultdict(list)
for d in gold["documents"]:
    f = d["file"]
    if f in docs:
        err("duplicate document %s" % f)
    docs[f] = d
    path = os.path.join(D, f)
    if not os.path.exists(path):
        err("missing file %s" % f)
        continue
    raw = open(path, "rb").read()
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError:
        err("%s is not UTF-8" % f)
        continue
    if unicodedata.normalize("NFC", t) != t:
        err("%s is not NFC" % f)
    texts[f] = t
    for k in ("unit", "reported_months", "planned_period"):
        if k not in d:
            err("%s: document lacks %s" % (f, k))
    for p in d.get("reported_months", []) + [d.get("planned_period", "")]:
        if not PERIOD.match(p):
            err("%s: bad period %r" % (f, p))
    unit_docs[d["unit"]].append(f)

top_txt = {os.path.basename(p) for p in glob.glob(os.path.join(D, "*.txt"))}
for extra in sorted(top_txt - set(docs)):
    err("top-level .txt not in gold documents: %s" % extra)

# order of documents inside each unit: by last reported month
doc_rank = {}
unit_last_month = {}
for u, fs in unit_docs.items():
    fs.sort(key=lambda f: max(docs[f]["reported_months"]))
    for i, f in enumerate(fs):
        doc_rank[f] = i
    unit_last_month[u] = max(docs[fs[-1]]["reported_months"])


def task_heading_pos(t):
    m = re.search(r"^II\. (NHIỆM VỤ|PHƯƠNG HƯỚNG)", t, re.M)
    return m.start() if m else None


# ---- items
items = {}
for kind in ("tasks", "results"):
    for it in gold[kind]:
        i = it["id"]
        if i in items:
            err("duplicate id %s" % i)
        items[i] = dict(it, kind=kind)
        f = it["file"]
        if f not in docs:
            err("%s: unknown file %s" % (i, f))
            continue
        if not PERIOD.match(it["period"]):
            err("%s: bad period %r" % (i, it["period"]))
        s = it["text"]
        if unicodedata.normalize("NFC", s) != s:
            err("%s: text not NFC" % i)
        if s != s.strip() or s.endswith("."):
            err("%s: text has outer spaces or final full stop" % i)
        t = texts.get(f, "")
        n = t.count(s)
        if n != 1:
            err("%s: text occurs %d times in %s" % (i, n, f))
            continue
        pos = t.index(s)
        h = task_heading_pos(t)
        if h is None:
            err("%s: no task heading" % f)
        elif kind == "tasks" and pos < h:
            err("%s: task text before the task heading" % i)
        elif kind == "results" and pos > h:
            err("%s: result text after the task heading" % i)
        # the item should be a whole line, sentence or bullet, not a fragment
        before = t[pos - 1] if pos else "\n"
        after = t[pos + len(s)] if pos + len(s) < len(t) else "\n"
        if before not in "\n " or after not in ".\n":
            err("%s: text is not a whole item (%r ... %r)" % (i, before, after))
        if kind == "results":
            rep = docs[f]["reported_months"]
            if it["period"] not in rep:
                err("%s: result period %s not among reported months %s" % (i, it["period"], rep))
        else:
            if period_range(it["period"])[0] < docs[f]["planned_period"]:
                err("%s: task period before document's planned period" % i)


def unit_of(i):
    return docs[items[i]["file"]]["unit"]


def rank(i):
    return doc_rank[items[i]["file"]]


def censored(i):
    it = items[i]
    u = unit_of(i)
    f = it["file"]
    if doc_rank[f] == len(unit_docs[u]) - 1:
        return True
    return period_range(it["period"])[1] > unit_last_month[u]


# ---- follow-through
out_links = defaultdict(list)
seen = set()
for l in gold["follow_through"]:
    t, r, s = l["task"], l["result"], l["status"]
    if (t, r) in seen:
        err("duplicate follow-through %s -> %s" % (t, r))
    seen.add((t, r))
    if items.get(t, {}).get("kind") != "tasks" or items.get(r, {}).get("kind") != "results":
        err("follow-through %s -> %s: wrong id kinds" % (t, r))
        continue
    if s not in ("done", "partial", "progress"):
        err("follow-through %s -> %s: bad status %s" % (t, r, s))
    if unit_of(t) != unit_of(r):
        err("follow-through %s -> %s crosses units" % (t, r))
    if rank(r) <= rank(t):
        err("follow-through %s -> %s does not run forward" % (t, r))
    if items[r]["period"] < period_range(items[t]["period"])[0]:
        err("follow-through %s -> %s: result period before task period" % (t, r))
    out_links[t].append(("ft", r))

# ---- carry-over
seen = set()
for l in gold["carry_over"]:
    a, b, k = l["from"], l["to"], l["kind"]
    if (a, b) in seen:
        err("duplicate carry-over %s -> %s" % (a, b))
    seen.add((a, b))
    if items.get(a, {}).get("kind") != "tasks" or items.get(b, {}).get("kind") != "tasks":
        err("carry-over %s -> %s: wrong id kinds" % (a, b))
        continue
    if k not in ("unfinished", "unfinished_reworded", "routine", "next_step", "split"):
        err("carry-over %s -> %s: bad kind %s" % (a, b, k))
    if unit_of(a) != unit_of(b):
        err("carry-over %s -> %s crosses units" % (a, b))
    if rank(b) <= rank(a):
        err("carry-over %s -> %s does not run forward" % (a, b))
    out_links[a].append(("co", b))

# ---- gaps
gaps = gold["gaps"]
if len(set(gaps)) != len(gaps):
    err("duplicate gap ids")
for g in gaps:
    if items.get(g, {}).get("kind") != "tasks":
        err("gap %s is not a task" % g)
        continue
    if out_links[g]:
        err("gap %s has links %s" % (g, out_links[g]))
    if censored(g):
        err("gap %s is right-censored" % g)

# ---- coverage
for i, it in items.items():
    if it["kind"] != "tasks" or censored(i):
        continue
    if not out_links[i] and i not in gaps:
        err("task %s has no follow-through, carry-over or gap" % i)

# ---- decoys
for pair in gold.get("cross_unit_decoys", []):
    if len(pair) != 2 or any(p not in items for p in pair):
        err("bad decoy pair %s" % pair)
        continue
    if unit_of(pair[0]) == unit_of(pair[1]):
        err("decoy pair %s within one unit" % pair)

# ---- per-document counts
for f in docs:
    nt = sum(1 for it in items.values() if it["file"] == f and it["kind"] == "tasks")
    nr = sum(1 for it in items.values() if it["file"] == f and it["kind"] == "results")
    if not 10 <= nt <= 16:
        err("%s: %d tasks" % (f, nt))
    if not 10 <= nr <= 18:
        err("%s: %d results" % (f, nr))
    print("%-28s tasks %2d  results %2d" % (f, nt, nr))

ft_status = Counter(l["status"] for l in gold["follow_through"])
co_kind = Counter(l["kind"] for l in gold["carry_over"])
cens = [i for i, it in items.items() if it["kind"] == "tasks" and censored(i)]
print("tasks %d (censored %d), results %d, follow_through %d %s, carry_over %d %s, gaps %d, decoys %d"
      % (len(gold["tasks"]), len(cens), len(gold["results"]), len(gold["follow_through"]),
         dict(ft_status), len(gold["carry_over"]), dict(co_kind), len(gaps),
         len(gold.get("cross_unit_decoys", []))))
if errors:
    print("\n".join("ERROR: " + e for e in errors))
    print("%d error(s)" % len(errors))
    sys.exit(1)
print("OK")
