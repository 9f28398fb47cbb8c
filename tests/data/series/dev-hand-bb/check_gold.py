#!/usr/bin/env python3
"""Verify gold.json of this hand-written series against its documents and ANNOTATION.md rules.
Prints OK when every check passes, else the list of problems."""
import json, os, re, sys, unicodedata
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
errs = []
def err(m): errs.append(m)

ALLOWED_TOP = {"documents", "tasks", "results", "follow_through", "carry_over", "gaps", "cross_unit_decoys"}
for k in gold:
    if k not in ALLOWED_TOP: err(f"unknown top-level key {k}")
for k in ["documents", "tasks", "results", "follow_through", "carry_over", "gaps"]:
    if k not in gold: err(f"missing key {k}")

# ---- documents
docs, texts = {}, {}
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
for d in gold["documents"]:
    f = d["file"]
    if f in docs: err(f"duplicate document {f}")
    docs[f] = d
    if set(d) != {"file", "unit", "reported_months", "planned_period"}: err(f"{f}: document fields {sorted(d)}")
    m = re.match(r"^([a-z0-9-]+)_(\d{4}-\d{2})\.txt$", f)
    if not m: err(f"{f}: bad file name")
    elif m.group(2) != d["planned_period"]: err(f"{f}: file month != planned_period")
    for mo in d["reported_months"] + [d["planned_period"]]:
        if not MONTH.match(mo): err(f"{f}: bad month {mo}")
    if any(mo >= d["planned_period"] for mo in d["reported_months"]): err(f"{f}: reported month not before planned")
    p = os.path.join(HERE, f)
    if not os.path.exists(p): err(f"{f}: missing"); continue
    raw = open(p, "rb").read()
    try: t = raw.decode("utf-8")
    except UnicodeDecodeError: err(f"{f}: not UTF-8"); continue
    if raw.startswith(b"\xef\xbb\xbf"): err(f"{f}: BOM")
    if unicodedata.normalize("NFC", t) != t: err(f"{f}: not NFC")
    if "[[" in t or "]]" in t: err(f"{f}: leftover marker")
    texts[f] = t
txt_files = sorted(x for x in os.listdir(HERE) if x.endswith(".txt"))
if txt_files != sorted(docs): err(f"txt files {txt_files} != documents {sorted(docs)}")

def ym_next(m):
    y, mo = map(int, m.split("-")); mo += 1
    if mo == 13: y, mo = y + 1, 1
    return f"{y:04d}-{mo:02d}"

by_unit = defaultdict(list)
for f, d in docs.items(): by_unit[d["unit"]].append(f)
order = {}
for u, fs in by_unit.items():
    fs.sort(key=lambda f: docs[f]["planned_period"])
    for i, f in enumerate(fs): order[f] = i
    # each document reports the months since the previous planned period up to the month before its own
    for a, b in zip(fs, fs[1:]):
        exp, m = [], docs[a]["planned_period"]
        while m < docs[b]["planned_period"]:
            exp.append(m); m = ym_next(m)
        if docs[b]["reported_months"] != exp: err(f"{b}: reported_months {docs[b]['reported_months']} != expected {exp}")
last_doc = {u: fs[-1] for u, fs in by_unit.items()}

# ---- items
items = {}
for kind in ("tasks", "results"):
    for it in gold[kind]:
        if set(it) != {"id", "file", "period", "text"}: err(f"{it.get('id')}: fields {sorted(it)}")
        if it["id"] in items: err(f"duplicate id {it['id']}")
        items[it["id"]] = dict(it, kind=kind)
        f = it["file"]
        if f not in texts: err(f"{it['id']}: unknown file {f}"); continue
        t, s = texts[f], it["text"]
        if unicodedata.normalize("NFC", s) != s: err(f"{it['id']}: text not NFC")
        if len(s) < 25: err(f"{it['id']}: text too short")
        n = t.count(s)
        if n != 1: err(f"{it['id']}: text occurs {n} times in {f}")
        d = docs[f]
        if kind == "tasks" and it["period"] != d["planned_period"]: err(f"{it['id']}: period != planned_period")
        if kind == "results" and it["period"] not in d["reported_months"]: err(f"{it['id']}: period not reported by {f}")

# items must lie in the right section and cover every bullet of it
SEC_RES = re.compile(r"^I\. ", re.M); SEC_LIM = re.compile(r"^II\. ", re.M); SEC_TASK = re.compile(r"^III\. ", re.M)
BULLET = re.compile(r"^(?:- |\+ |\(\d+\) |\d+\.\d+\. )(.*)$")
for f, t in texts.items():
    a, b, c = SEC_RES.search(t), SEC_LIM.search(t), SEC_TASK.search(t)
    if not (a and b and c and a.start() < b.start() < c.start()): err(f"{f}: sections I/II/III not found"); continue
    end = t.find("\nNơi nhận")
    own = [it for it in items.values() if it["file"] == f]
    for it in own:
        pos = t.find(it["text"])
        if it["kind"] == "results" and not (a.start() < pos < b.start()): err(f"{it['id']}: not in results section")
        if it["kind"] == "tasks" and not (c.start() < pos < end): err(f"{it['id']}: not in tasks section")
    for lo, hi, kind in ((a.start(), b.start(), "results"), (c.start(), end, "tasks")):
        for line in t[lo:hi].split("\n"):
            m = BULLET.match(line)
            if m and not any(it["kind"] == kind and it["text"] == m.group(1).strip() for it in own):
                err(f"{f}: unlabelled {kind} bullet: {line[:60]}")
    nt = sum(1 for it in own if it["kind"] == "tasks"); nr = sum(1 for it in own if it["kind"] == "results")
    if not 10 <= nt <= 18: err(f"{f}: {nt} tasks")
    if not 10 <= nr <= 18: err(f"{f}: {nr} results")

def unit(i): return docs[items[i]["file"]]["unit"]

# ---- follow-through
ft_tasks = set(); pairs = set()
for l in gold["follow_through"]:
    t, r, s = l.get("task"), l.get("result"), l.get("status")
    if (t, r) in pairs: err(f"duplicate follow-through {t}->{r}")
    pairs.add((t, r))
    if t not in items or items[t]["kind"] != "tasks": err(f"FT: bad task {t}"); continue
    if r not in items or items[r]["kind"] != "results": err(f"FT: bad result {r}"); continue
    if s not in ("done", "partial"): err(f"FT {t}->{r}: status {s}")
    if unit(t) != unit(r): err(f"FT {t}->{r}: cross-unit")
    ft, fr = items[t]["file"], items[r]["file"]
    if order[fr] <= order[ft]: err(f"FT {t}->{r}: result not in a later document")
    if items[t]["period"] not in docs[fr]["reported_months"]: err(f"FT {t}->{r}: result document does not report {items[t]['period']}")
    if items[r]["period"] < items[t]["period"]: err(f"FT {t}->{r}: result period before task period")
    ft_tasks.add(t)
    if ft == last_doc[unit(t)]: err(f"FT {t}: task of the last document cannot be followed")

# ---- carry-over
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
co_from = set(); co_pairs = set()
for l in gold["carry_over"]:
    a, b, k = l.get("from"), l.get("to"), l.get("kind")
    if (a, b) in co_pairs: err(f"duplicate carry-over {a}->{b}")
    co_pairs.add((a, b))
    if a not in items or items[a]["kind"] != "tasks" or b not in items or items[b]["kind"] != "tasks": err(f"CO {a}->{b}: bad ids"); continue
    if k not in KINDS: err(f"CO {a}->{b}: kind {k}")
    if unit(a) != unit(b): err(f"CO {a}->{b}: cross-unit")
    if order[items[b]["file"]] <= order[items[a]["file"]]: err(f"CO {a}->{b}: not later")
    co_from.add(a)
split_from = Counter(l["from"] for l in gold["carry_over"] if l.get("kind") == "split")
for a, n in split_from.items():
    if n < 2: err(f"CO split from {a} has only one target")

# ---- gaps
gaps = gold["gaps"]
if len(set(gaps)) != len(gaps): err("duplicate gap ids")
for g in gaps:
    if g not in items or items[g]["kind"] != "tasks": err(f"gap {g}: not a task"); continue
    if g in ft_tasks or g in co_from: err(f"gap {g}: has a link")
    f = items[g]["file"]
    if f == last_doc[unit(g)]: err(f"gap {g}: task of the last document is right-censored")
    if not any(items[g]["period"] in docs[x]["reported_months"] for x in by_unit[unit(g)] if order[x] > order[f]):
        err(f"gap {g}: no later document reports its month (pending, not silent)")
for i, it in items.items():
    if it["kind"] != "tasks" or it["file"] == last_doc[unit(i)]: continue
    if i not in ft_tasks and i not in co_from and i not in gaps: err(f"task {i}: unlinked but not listed as gap")

# ---- cross-unit decoys
for p in gold.get("cross_unit_decoys", []):
    if len(p) != 2 or any(x not in items for x in p): err(f"decoy {p}: bad ids"); continue
    if unit(p[0]) == unit(p[1]): err(f"decoy {p}: same unit")
    if tuple(p) in pairs or tuple(p[::-1]) in pairs or tuple(p) in co_pairs or tuple(p[::-1]) in co_pairs: err(f"decoy {p} is linked")

# ---- paraphrase: a result must not copy its task (word-set overlap after folding accents)
def fold(s):
    s = unicodedata.normalize("NFD", s.lower()).replace("đ", "d")
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return set(re.findall(r"[a-z0-9]+", s))
for l in gold["follow_through"]:
    if l["task"] in items and l["result"] in items:
        A, B = fold(items[l["task"]]["text"]), fold(items[l["result"]]["text"])
        ov = len(A & B) / min(len(A), len(B))
        if ov >= 0.6: err(f"FT {l['task']}->{l['result']}: result copies task (overlap {ov:.2f})")
        if items[l["task"]]["text"] in items[l["result"]]["text"] or items[l["result"]]["text"] in items[l["task"]]["text"]:
            err(f"FT {l['task']}->{l['result']}: containment")
# no two items of the same file so alike that a word-overlap mapper would confuse them
for f in texts:
    own = [it for it in items.values() if it["file"] == f]
    for x in range(len(own)):
        for y in range(x + 1, len(own)):
            A, B = fold(own[x]["text"]), fold(own[y]["text"])
            if len(A & B) / min(len(A), len(B)) >= 0.6: err(f"{own[x]['id']} ~ {own[y]['id']} too alike in {f}")
            if own[x]["text"] in own[y]["text"] or own[y]["text"] in own[x]["text"]: err(f"{own[x]['id']} / {own[y]['id']} contain each other")

if errs:
    print("\n".join(errs)); print(f"{len(errs)} problem(s)"); sys.exit(1)
print(f"documents {len(docs)}, tasks {sum(1 for i in items.values() if i['kind']=='tasks')}, "
      f"results {sum(1 for i in items.values() if i['kind']=='results')}, follow-through {len(gold['follow_through'])}, "
      f"carry-over {len(gold['carry_over'])}, gaps {len(gaps)}")
print("OK")
