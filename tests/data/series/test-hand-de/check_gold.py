#!/usr/bin/env python3
"""Check gold.json of this folder against its documents. Prints OK or the errors."""
import json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


def month_key(p):
    y, m = p.split("-")
    return int(y) * 12 + int(m)


PERIOD = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
FNAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt$")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}

try:
    gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
except Exception as e:  # noqa
    print("cannot read gold.json:", e)
    sys.exit(1)

# ---- form
for key, typ in [("documents", list), ("tasks", list), ("results", list),
                 ("follow_through", list), ("carry_over", list), ("gaps", list)]:
    if not isinstance(gold.get(key), typ):
        err("gold.json: %s missing or not a %s" % (key, typ.__name__))
if not isinstance(gold.get("cross_unit_decoys", []), list):
    err("gold.json: cross_unit_decoys not a list")
extra = set(gold) - {"documents", "tasks", "results", "follow_through", "carry_over",
                     "gaps", "cross_unit_decoys"}
if extra:
    err("gold.json: unknown keys %s" % sorted(extra))
if errors:
    print("\n".join(errors)); sys.exit(1)

docs = {}
for d in gold["documents"]:
    if set(d) != {"file", "unit", "reported_months", "planned_period"}:
        err("document keys: %r" % d)
        continue
    f = d["file"]
    if f in docs:
        err("duplicate document %s" % f)
    docs[f] = d
    m = FNAME.match(f)
    if not m:
        err("bad file name %s" % f)
    elif m.group(2) != d["planned_period"]:
        err("%s: file month %s != planned_period %s" % (f, m.group(2), d["planned_period"]))
    for p in [d["planned_period"]] + list(d["reported_months"]):
        if not isinstance(p, str) or not PERIOD.match(p):
            err("%s: bad period %r" % (f, p))
    if not isinstance(d["unit"], str) or not d["unit"].strip():
        err("%s: empty unit" % f)

# ---- files: UTF-8, NFC, \n, no BOM
texts = {}
on_disk = sorted(x for x in os.listdir(HERE) if x.endswith(".txt"))
if sorted(docs) != on_disk:
    err("documents in gold.json %s != .txt files on disk %s" % (sorted(docs), on_disk))
for f in docs:
    path = os.path.join(HERE, f)
    if not os.path.exists(path):
        err("missing file %s" % f); continue
    b = open(path, "rb").read()
    if b.startswith(b"\xef\xbb\xbf"):
        err("%s: BOM" % f)
    if b"\r" in b:
        err("%s: CR line ends" % f)
    try:
        t = b.decode("utf-8")
    except UnicodeDecodeError as e:
        err("%s: not UTF-8 (%s)" % (f, e)); continue
    if unicodedata.normalize("NFC", t) != t:
        err("%s: not NFC" % f)
    texts[f] = t

# ---- periods agree with the documents (title line and task heading)
MONTH_RE = re.compile(r"tháng (\d{1,2})(?:/(\d{4}))?")
for f, d in docs.items():
    t = texts.get(f)
    if t is None:
        continue
    title = [l for l in t.split("\n") if l.startswith("về kết quả")]
    if len(title) != 1:
        err("%s: expected one title line 'về kết quả ...'" % f); continue
    title = title[0]
    if "nhiệm vụ trọng tâm" not in title:
        err("%s: title without 'nhiệm vụ trọng tâm'" % f); continue
    rep_part, plan_part = title.split("nhiệm vụ trọng tâm", 1)
    ym = re.search(r"(\d{4})", plan_part)
    pm = MONTH_RE.search(plan_part)
    if not pm:
        err("%s: no planned month in title" % f); continue
    py = int(pm.group(2) or ym.group(1))
    planned = "%04d-%02d" % (py, int(pm.group(1)))
    if planned != d["planned_period"]:
        err("%s: title plans %s, gold says %s" % (f, planned, d["planned_period"]))
    reported = []
    for mm, yy in MONTH_RE.findall(rep_part):
        mo = int(mm)
        yr = int(yy) if yy else (py if mo <= int(pm.group(1)) else py - 1)
        reported.append("%04d-%02d" % (yr, mo))
    if reported != list(d["reported_months"]):
        err("%s: title reports %s, gold says %s" % (f, reported, d["reported_months"]))
    head = re.search(r"^3\. Nhiệm vụ trọng tâm tháng (\d{1,2})(?:/(\d{4}))?", t, re.M)
    if not head:
        err("%s: no heading '3. Nhiệm vụ trọng tâm tháng ...'" % f)
    else:
        hy = int(head.group(2)) if head.group(2) else py
        if "%04d-%02d" % (hy, int(head.group(1))) != d["planned_period"]:
            err("%s: task heading month disagrees with planned_period" % f)
    for rm in d["reported_months"]:
        if month_key(rm) >= month_key(d["planned_period"]):
            err("%s: reported month %s not before planned %s" % (f, rm, d["planned_period"]))

# ---- items: ids, texts exact unique substrings, no overlaps
items = {}
for kind in ("tasks", "results"):
    for it in gold[kind]:
        if set(it) != {"id", "file", "period", "text"}:
            err("%s item keys: %r" % (kind, it)); continue
        if it["id"] in items:
            err("duplicate id %s" % it["id"])
        it = dict(it, kind=kind)
        items[it["id"]] = it
        if it["file"] not in docs:
            err("%s: unknown file %s" % (it["id"], it["file"])); continue
        d = docs[it["file"]]
        if kind == "tasks" and it["period"] != d["planned_period"]:
            err("%s: task period %s != planned %s" % (it["id"], it["period"], d["planned_period"]))
        if kind == "results" and it["period"] not in d["reported_months"]:
            err("%s: result period %s not in reported %s" % (it["id"], it["period"], d["reported_months"]))
        t = texts.get(it["file"])
        if t is None:
            continue
        if not it["text"].strip() or it["text"] != it["text"].strip():
            err("%s: empty or padded text" % it["id"])
        n = t.count(it["text"])
        if n != 1:
            err("%s: text occurs %d times in %s" % (it["id"], n, it["file"]))

for f, t in texts.items():
    spans = sorted((t.find(i["text"]), t.find(i["text"]) + len(i["text"]), i["id"])
                   for i in items.values() if i["file"] == f and t.count(i["text"]) == 1)
    for (a1, b1, i1), (a2, b2, i2) in zip(spans, spans[1:]):
        if a2 < b1:
            err("%s: items %s and %s overlap" % (f, i1, i2))

# ---- every bullet of the results and tasks sections is labelled, and only those
FIELD = re.compile(r"^[a-zđ]\) ")
for f, t in texts.items():
    lines = t.split("\n")
    try:
        r0 = next(i for i, l in enumerate(lines) if l.startswith("1. "))
        r1 = next(i for i, l in enumerate(lines) if l.startswith("2. "))
        t0 = next(i for i, l in enumerate(lines) if l.startswith("3. Nhiệm vụ trọng tâm"))
    except StopIteration:
        err("%s: sections 1./2./3. not found" % f); continue
    res_bullets, task_bullets = [], []
    for l in lines[r0 + 1:r1]:
        s = l.strip()
        if not s or FIELD.match(s) or s.endswith(":"):
            continue  # blank, field heading "a) ...", lead-in
        if s.startswith("- "):
            res_bullets.append(s[2:])
        else:
            err("%s: unlabelled paragraph in results section: %s" % (f, s[:60]))
    seen_bullet = False
    for l in lines[t0 + 1:]:
        s = l.strip()
        if not s:
            continue
        if s.startswith("- ") and s.endswith(":"):
            seen_bullet = True
            continue  # "- Giao ...:" group line
        if s.startswith("+ ") or s.startswith("- "):
            seen_bullet = True
            task_bullets.append(s[2:])
            continue
        if s.endswith(":") and not seen_bullet:
            continue  # lead-in
        break  # closing paragraph: end of the tasks section
    got_r = sorted(i["text"] for i in items.values() if i["file"] == f and i["kind"] == "results")
    got_t = sorted(i["text"] for i in items.values() if i["file"] == f and i["kind"] == "tasks")
    for b in set(res_bullets) - set(got_r):
        err("%s: unlabelled result bullet: %s" % (f, b[:70]))
    for b in set(got_r) - set(res_bullets):
        err("%s: result item is not a whole bullet of section 1: %s" % (f, b[:70]))
    for b in set(task_bullets) - set(got_t):
        err("%s: unlabelled task bullet: %s" % (f, b[:70]))
    for b in set(got_t) - set(task_bullets):
        err("%s: task item is not a whole bullet of section 3: %s" % (f, b[:70]))
    if len(res_bullets) != len(got_r) or len(task_bullets) != len(got_t):
        err("%s: bullet/item counts differ" % f)
    nr, nt = len(got_r), len(got_t)
    if not 10 <= nt <= 18:
        err("%s: %d tasks (want 10-18)" % (f, nt))
    if docs[f]["reported_months"] and not 10 <= nr <= 18:
        err("%s: %d results (want 10-18)" % (f, nr))
    for rm in docs[f]["reported_months"]:
        if not any(i["period"] == rm for i in items.values() if i["file"] == f and i["kind"] == "results"):
            err("%s: no result for reported month %s" % (f, rm))

# ---- links
unit_of = {i: docs[it["file"]]["unit"] for i, it in items.items() if it["file"] in docs}
ft_pairs, co_pairs = set(), set()
for l in gold["follow_through"]:
    if set(l) != {"task", "result", "status"}:
        err("follow_through keys: %r" % l); continue
    t, r = items.get(l["task"]), items.get(l["result"])
    if not t or t["kind"] != "tasks":
        err("follow_through: %s is not a task" % l["task"]); continue
    if not r or r["kind"] != "results":
        err("follow_through: %s is not a result" % l["result"]); continue
    if l["status"] not in STATUSES:
        err("follow_through %s->%s: status %s" % (l["task"], l["result"], l["status"]))
    if unit_of[t["id"]] != unit_of[r["id"]]:
        err("follow_through %s->%s across units" % (t["id"], r["id"]))
    if month_key(docs[r["file"]]["planned_period"]) <= month_key(docs[t["file"]]["planned_period"]):
        err("follow_through %s->%s not forward in time" % (t["id"], r["id"]))
    if r["period"] != t["period"]:
        err("follow_through %s->%s: result reports %s, task planned %s" % (t["id"], r["id"], r["period"], t["period"]))
    key = (t["id"], r["id"])
    if key in ft_pairs:
        err("duplicate follow_through %s" % (key,))
    ft_pairs.add(key)
for l in gold["carry_over"]:
    if set(l) != {"from", "to", "kind"}:
        err("carry_over keys: %r" % l); continue
    a, b = items.get(l["from"]), items.get(l["to"])
    if not a or a["kind"] != "tasks" or not b or b["kind"] != "tasks":
        err("carry_over %s->%s: both ends must be tasks" % (l["from"], l["to"])); continue
    if l["kind"] not in KINDS:
        err("carry_over %s->%s: kind %s" % (a["id"], b["id"], l["kind"]))
    if unit_of[a["id"]] != unit_of[b["id"]]:
        err("carry_over %s->%s across units" % (a["id"], b["id"]))
    if month_key(b["period"]) <= month_key(a["period"]):
        err("carry_over %s->%s not forward in time" % (a["id"], b["id"]))
    key = (a["id"], b["id"])
    if key in co_pairs:
        err("duplicate carry_over %s" % (key,))
    co_pairs.add(key)

# ---- gaps: exactly the unlinked tasks of documents that are not their unit's last
last = {}
for f, d in docs.items():
    u = d["unit"]
    if u not in last or month_key(d["planned_period"]) > month_key(docs[last[u]]["planned_period"]):
        last[u] = f
linked = {a for a, _ in ft_pairs} | {a for a, _ in co_pairs}
expected = sorted(i for i, it in items.items() if it["kind"] == "tasks"
                  and it["file"] in docs and last[docs[it["file"]]["unit"]] != it["file"]
                  and i not in linked)
gaps = gold["gaps"]
if len(set(gaps)) != len(gaps):
    err("duplicate gap ids")
if sorted(set(gaps)) != expected:
    err("gaps %s != unlinked tasks of non-last documents %s" % (sorted(set(gaps)), expected))

# ---- decoys: pairs of items of two different units, never linked
all_links = ft_pairs | co_pairs
for pair in gold.get("cross_unit_decoys", []):
    if not (isinstance(pair, list) and len(pair) == 2):
        err("decoy %r is not a pair" % (pair,)); continue
    a, b = pair
    if a not in items or b not in items:
        err("decoy %r: unknown id" % (pair,)); continue
    if unit_of[a] == unit_of[b]:
        err("decoy %r: same unit" % (pair,))
    if (a, b) in all_links or (b, a) in all_links:
        err("decoy %r is linked" % (pair,))

if errors:
    print("\n".join(errors))
    print("%d error(s)" % len(errors))
    sys.exit(1)
print("OK: %d documents, %d tasks, %d results, %d follow-through, %d carry-over, %d gaps, %d decoys" % (
    len(docs), sum(1 for i in items.values() if i["kind"] == "tasks"),
    sum(1 for i in items.values() if i["kind"] == "results"), len(ft_pairs), len(co_pairs),
    len(gaps), len(gold.get("cross_unit_decoys", []))))
