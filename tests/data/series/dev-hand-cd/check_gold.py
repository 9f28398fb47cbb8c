#!/usr/bin/env python3
"""Check gold.json of this folder against its documents. Prints OK or the list of errors."""
import json, os, re, sys, unicodedata

D = os.path.dirname(os.path.abspath(__file__))
errs = []
def err(m): errs.append(m)

g = json.load(open(os.path.join(D, "gold.json"), encoding="utf-8"))
# --- form
KEYS = {"documents", "tasks", "results", "follow_through", "carry_over", "gaps", "cross_unit_decoys"}
if set(g) != KEYS: err("top-level keys %s" % sorted(g))
for d in g["documents"]:
    if set(d) != {"file", "unit", "reported_months", "planned_period"}: err("doc keys %s" % d)
for k in ("tasks", "results"):
    for it in g[k]:
        if set(it) != {"id", "file", "period", "text"}: err("%s keys %s" % (k, it))
for f in g["follow_through"]:
    if set(f) != {"task", "result", "status"}: err("ft keys %s" % f)
    if f["status"] not in ("done", "partial"): err("status %s" % f)
for c in g["carry_over"]:
    if set(c) != {"from", "to", "kind"}: err("co keys %s" % c)
    if c["kind"] not in ("unfinished", "unfinished_reworded", "routine", "next_step", "split"): err("kind %s" % c)
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")

# --- files
docs = {d["file"]: d for d in g["documents"]}
texts = {}
on_disk = sorted(f for f in os.listdir(D) if f.endswith(".txt"))
if on_disk != sorted(docs): err("files on disk %s != documents %s" % (on_disk, sorted(docs)))
for fn, d in docs.items():
    m = re.match(r"^([a-z0-9-]+)_(\d{4}-\d{2})\.txt$", fn)
    if not m: err("bad file name " + fn); continue
    if m.group(2) != d["planned_period"]: err("planned_period vs name " + fn)
    if not all(MONTH.match(x) for x in d["reported_months"] + [d["planned_period"]]): err("month form " + fn)
    raw = open(os.path.join(D, fn), "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"): err("BOM " + fn)
    if b"\r" in raw: err("CR in " + fn)
    try: t = raw.decode("utf-8")
    except UnicodeDecodeError: err("not utf-8 " + fn); continue
    if unicodedata.normalize("NFC", t) != t: err("not NFC " + fn)
    texts[fn] = t

# --- items: exact unique substrings, no overlaps, periods
items = {}
for k in ("tasks", "results"):
    for it in g[k]:
        if it["id"] in items: err("duplicate id " + it["id"])
        items[it["id"]] = dict(it, kind=k)
spans = {}
for iid, it in items.items():
    t = texts.get(it["file"])
    if t is None: err("unknown file for " + iid); continue
    n = t.count(it["text"])
    if n != 1: err("%s occurs %d times" % (iid, n)); continue
    s = t.index(it["text"]); spans.setdefault(it["file"], []).append((s, s + len(it["text"]), iid))
    d = docs[it["file"]]
    if it["kind"] == "tasks" and it["period"] != d["planned_period"]: err("task period " + iid)
    if it["kind"] == "results" and it["period"] not in d["reported_months"]: err("result period " + iid)
for fn, sp in spans.items():
    sp.sort()
    for a, b in zip(sp, sp[1:]):
        if b[0] < a[1]: err("overlap %s %s" % (a[2], b[2]))

# --- sections: every bullet of results/tasks sections labelled, one sentence each
for fn, t in texts.items():
    lines = t.split("\n")
    sec = None; seen = {"results": [], "tasks": []}; heads = []
    for ln in lines:
        s = ln.strip()
        if re.match(r"^\d+\.\s", s):
            heads.append(s)
            sec = "results" if re.match(r"^1\. Kết quả", s) else "tasks" if re.match(r"^3\. Nhiệm vụ trọng tâm", s) else None
            continue
        if sec is None or not s: continue
        if re.match(r"^[a-z]\)\s", s) or s.endswith(":"): continue   # sub-heading or lead-in
        if not s.startswith("- "): err("%s: unlabelled line in %s section: %s" % (fn, sec, s)); continue
        body = s[2:]
        if re.search(r"[.!?]\s+[A-ZĐ]", body): err("%s: bullet with two sentences: %s" % (fn, body))
        seen[sec].append(body)
    for sec, kind in (("results", "results"), ("tasks", "tasks")):
        labelled = sorted(it["text"] for it in items.values() if it["file"] == fn and it["kind"] == kind)
        if sorted(seen[sec]) != labelled: err("%s: %s bullets != labelled items" % (fn, sec))
        if not 10 <= len(labelled) <= 18: err("%s: %d %s" % (fn, len(labelled), kind))
    # periods agree with the text: title and section headings name the months
    rep = docs[fn]["reported_months"]; pl = docs[fn]["planned_period"]
    h1 = next((h for h in heads if h.startswith("1. Kết quả")), "")
    h3 = next((h for h in heads if h.startswith("3. Nhiệm vụ")), "")
    for mth in rep:
        if not re.search(r"tháng 0?%d\b" % int(mth[5:]), h1): err("%s: heading 1 lacks %s" % (fn, mth))
    if not re.search(r"tháng 0?%d/%s" % (int(pl[5:]), pl[:4]), h3): err("%s: heading 3 lacks %s" % (fn, pl))
    nums = re.findall(r"tháng 0?(\d+)", h1)
    if sorted(set(int(x) for x in nums)) != sorted(int(m[5:]) for m in rep): err("%s: heading 1 months" % fn)

# --- reported months contiguous per unit, planned periods increasing
units = {}
for fn, d in docs.items(): units.setdefault(d["unit"], []).append(d)
def mi(m): return int(m[:4]) * 12 + int(m[5:]) - 1
for u, ds in units.items():
    ds.sort(key=lambda d: d["planned_period"])
    for a, b in zip(ds, ds[1:]):
        want = list(range(mi(a["planned_period"]), mi(b["planned_period"])))
        if [mi(m) for m in b["reported_months"]] != want: err("reported months of %s" % b["file"])
    if not any(len(d["reported_months"]) > 1 for d in ds): err("no skipped month in " + u)

# --- links
order = {fn: mi(d["planned_period"]) for fn, d in docs.items()}
def unit(i): return docs[items[i]["file"]]["unit"]
linked = set()
for f in g["follow_through"]:
    a, b = f["task"], f["result"]
    if items.get(a, {}).get("kind") != "tasks" or items.get(b, {}).get("kind") != "results": err("ft ids %s" % f); continue
    if unit(a) != unit(b): err("ft across units %s" % f)
    if order[items[b]["file"]] <= order[items[a]["file"]]: err("ft not forward %s" % f)
    if items[b]["period"] != items[a]["period"]: err("ft period mismatch %s" % f)
    linked.add(a)
for c in g["carry_over"]:
    a, b = c["from"], c["to"]
    if items.get(a, {}).get("kind") != "tasks" or items.get(b, {}).get("kind") != "tasks": err("co ids %s" % c); continue
    if unit(a) != unit(b): err("co across units %s" % c)
    if order[items[b]["file"]] <= order[items[a]["file"]]: err("co not forward %s" % c)
    linked.add(a)
pairs = [(f["task"], f["result"]) for f in g["follow_through"]] + [(c["from"], c["to"]) for c in g["carry_over"]]
if len(pairs) != len(set(pairs)): err("duplicate links")

# --- gaps: exactly the unlinked tasks of non-last documents of their unit
last = {u: max(d["planned_period"] for d in ds) for u, ds in units.items()}
want = sorted(i for i, it in items.items() if it["kind"] == "tasks" and i not in linked
              and docs[it["file"]]["planned_period"] != last[docs[it["file"]]["unit"]])
if sorted(g["gaps"]) != want: err("gaps %s != unlinked %s" % (sorted(g["gaps"]), want))
nonlast = [i for i, it in items.items() if it["kind"] == "tasks" and docs[it["file"]]["planned_period"] != last[docs[it["file"]]["unit"]]]
if len(g["gaps"]) < 0.2 * len(nonlast): err("gaps under 20%% (%d/%d)" % (len(g["gaps"]), len(nonlast)))

# --- decoys never linked (cross-unit pairs, and this folder's same-unit look-alikes)
allpairs = {frozenset(p) for p in pairs}
dec = [tuple(p) for p in g["cross_unit_decoys"]]
lk = os.path.join(D, "_src", "lookalikes.json")
if os.path.exists(lk): dec += [tuple(p) for p in json.load(open(lk))]
for a, b in dec:
    if a not in items or b not in items: err("decoy ids %s %s" % (a, b))
    elif frozenset((a, b)) in allpairs: err("decoy linked %s %s" % (a, b))
for a, b in json.load(open(lk)) if os.path.exists(lk) else []:
    if any(f["result"] == b for f in g["follow_through"]): err("look-alike result %s is linked" % b)

if errs:
    print("\n".join(errs)); sys.exit(1)
print("OK")
