#!/usr/bin/env python3
"""Check gold.json of this series against its documents. Prints OK or the errors."""
import json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []
def err(msg): errors.append(msg)

FNAME = re.compile(r"^[a-z0-9-]+_(\d{4}-\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-\d{2}$")
ROMAN = re.compile(r"^(I|II|III|IV|V|VI|VII)\.\s+(.*)$")
PREFIX = re.compile(r"^(\d+\.|-|[a-zđ]\))\s+")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}

gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))

# ---- form
for key, typ in [("documents", list), ("tasks", list), ("results", list),
                 ("follow_through", list), ("carry_over", list), ("gaps", list)]:
    if not isinstance(gold.get(key), typ):
        err("gold.json: missing or bad key %s" % key)
if errors:
    print("\n".join(errors)); sys.exit(1)
for k in gold:
    if k not in {"documents", "tasks", "results", "follow_through", "carry_over", "gaps", "cross_unit_decoys"}:
        err("unknown key %s" % k)
decoys = gold.get("cross_unit_decoys", [])

docs = {}
for d in gold["documents"]:
    if set(d) != {"file", "unit", "reported_months", "planned_period"}:
        err("document fields %s" % sorted(d))
    docs[d["file"]] = d
    m = FNAME.match(d["file"])
    if not m:
        err("bad file name %s" % d["file"]); continue
    if m.group(1) != d["planned_period"]:
        err("%s: name month != planned_period" % d["file"])
    for mo in d["reported_months"] + [d["planned_period"]]:
        if not MONTH.match(mo): err("%s: bad month %s" % (d["file"], mo))
    if any(mo >= d["planned_period"] for mo in d["reported_months"]):
        err("%s: reported month not before planned period" % d["file"])

# every .txt in the folder is a document
on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
if on_disk != sorted(docs):
    err("documents on disk %s != gold %s" % (on_disk, sorted(docs)))

# ---- encoding, text
texts = {}
for f in docs:
    raw = open(os.path.join(HERE, f), "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"): err("%s: BOM" % f)
    if b"\r" in raw: err("%s: CR in line ends" % f)
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError:
        err("%s: not UTF-8" % f); continue
    if unicodedata.normalize("NFC", t) != t: err("%s: not NFC" % f)
    texts[f] = t

# ---- sections of each document: (kind, start, end) char ranges
def sections(t):
    out, cur, start = [], None, None
    pos = 0
    for line in t.split("\n"):
        s = line.strip()
        m = ROMAN.match(s)
        end_mark = s.startswith("Trên đây là") or s.startswith("Nơi nhận")
        if m or end_mark:
            if cur: out.append((cur, start, pos))
            cur = None
            if m:
                h = m.group(2).upper()
                if "KẾT QUẢ" in h: cur = "results"
                elif "HẠN CHẾ" in h or "TỒN TẠI" in h: cur = "limitations"
                elif "KẾ HOẠCH" in h or "NHIỆM VỤ" in h or "PHƯƠNG HƯỚNG" in h: cur = "tasks"
                else: cur = "other"
                start = pos + len(line) + 1
        pos += len(line) + 1
    if cur: out.append((cur, start, pos))
    return out

secs = {f: sections(t) for f, t in texts.items()}

# ---- items
items = {}
spans = {f: [] for f in texts}
for kind, key in [("tasks", "tasks"), ("results", "results")]:
    for it in gold[key]:
        if set(it) != {"id", "file", "period", "text"}:
            err("%s fields %s" % (it.get("id"), sorted(it)))
        iid = it["id"]
        if iid in items: err("duplicate id %s" % iid)
        items[iid] = dict(it, kind=kind)
        f = it["file"]
        if f not in texts:
            err("%s: unknown file %s" % (iid, f)); continue
        t = texts[f]
        if not it["text"] or it["text"] != it["text"].strip():
            err("%s: empty text or surrounding spaces" % iid)
        n = t.count(it["text"])
        if n != 1:
            err("%s: text found %d times in %s" % (iid, n, f)); continue
        a = t.index(it["text"]); b = a + len(it["text"])
        if "\n" in it["text"]: err("%s: text spans lines" % iid)
        spans[f].append((a, b, iid))
        it_secs = [k for k, s0, s1 in secs[f] if s0 <= a and b <= s1]
        if it_secs != [kind]:
            err("%s: not inside a %s section (%s)" % (iid, kind, it_secs))
        d = docs[f]
        if kind == "tasks" and it["period"] != d["planned_period"]:
            err("%s: period %s != planned %s" % (iid, it["period"], d["planned_period"]))
        if kind == "results" and it["period"] not in d["reported_months"]:
            err("%s: period %s not reported by %s" % (iid, it["period"], f))

# overlaps
for f, sp in spans.items():
    sp.sort()
    for (a1, b1, i1), (a2, b2, i2) in zip(sp, sp[1:]):
        if a2 < b1: err("overlap %s / %s" % (i1, i2))

# every bullet / sentence of the results and tasks sections is labelled
for f, t in texts.items():
    for kind, s0, s1 in secs[f]:
        if kind not in ("results", "tasks"): continue
        pos = s0
        for line in t[s0:s1].split("\n"):
            ls, le = pos, pos + len(line)
            pos = le + 1
            s = line.strip()
            if not s or s.endswith(":"):
                continue  # blank, heading, sub-heading or lead-in
            m = PREFIX.match(line)
            body_start = ls + (m.end() if m else 0)
            covered = [False] * (le - body_start)
            for a, b, iid in spans[f]:
                if a >= body_start and b <= le:
                    if items[iid]["kind"] != kind:
                        err("%s: %s item in %s section" % (iid, items[iid]["kind"], kind))
                    for i in range(a - body_start, b - body_start): covered[i] = True
            rest = "".join(ch for i, ch in enumerate(t[body_start:le]) if not covered[i])
            if rest.strip():
                err("%s: unlabelled text in %s section: %r" % (f, kind, rest.strip()[:80]))

# counts per document
for f, d in docs.items():
    nt = sum(1 for it in gold["tasks"] if it["file"] == f)
    nr = sum(1 for it in gold["results"] if it["file"] == f)
    if not 10 <= nt <= 18: err("%s: %d tasks" % (f, nt))
    if not (nr == 0 or 10 <= nr <= 18): err("%s: %d results" % (f, nr))

# ---- links
order = lambda f: docs[f]["planned_period"]
def unit(i): return docs[items[i]["file"]]["unit"]
ft_tasks, co_from = set(), set()
seen = set()
for l in gold["follow_through"]:
    t, r, s = l.get("task"), l.get("result"), l.get("status")
    if (t, r) in seen: err("duplicate follow_through %s->%s" % (t, r))
    seen.add((t, r))
    if items.get(t, {}).get("kind") != "tasks": err("follow_through: %s not a task" % t); continue
    if items.get(r, {}).get("kind") != "results": err("follow_through: %s not a result" % r); continue
    if s not in STATUSES: err("follow_through %s->%s: status %s" % (t, r, s))
    if unit(t) != unit(r): err("follow_through %s->%s across units" % (t, r))
    if not order(items[r]["file"]) > order(items[t]["file"]): err("follow_through %s->%s not forward" % (t, r))
    if items[r]["period"] < items[t]["period"]: err("follow_through %s->%s reports an earlier month" % (t, r))
    ft_tasks.add(t)
seen = set()
for l in gold["carry_over"]:
    a, b, k = l.get("from"), l.get("to"), l.get("kind")
    if (a, b) in seen: err("duplicate carry_over %s->%s" % (a, b))
    seen.add((a, b))
    if items.get(a, {}).get("kind") != "tasks" or items.get(b, {}).get("kind") != "tasks":
        err("carry_over %s->%s: not tasks" % (a, b)); continue
    if k not in KINDS: err("carry_over %s->%s: kind %s" % (a, b, k))
    if unit(a) != unit(b): err("carry_over %s->%s across units" % (a, b))
    if not items[b]["period"] > items[a]["period"]: err("carry_over %s->%s not forward" % (a, b))
    co_from.add(a)

# gaps = tasks with neither link in a document that is not its unit's last
last = {}
for f, d in docs.items():
    u = d["unit"]
    if u not in last or order(f) > order(last[u]): last[u] = f
expected = {i for i, it in items.items() if it["kind"] == "tasks"
            and it["file"] != last[docs[it["file"]]["unit"]]
            and i not in ft_tasks and i not in co_from}
got = set(gold["gaps"])
if len(got) != len(gold["gaps"]): err("duplicate gaps")
if got != expected:
    err("gaps: missing %s, extra %s" % (sorted(expected - got), sorted(got - expected)))

# decoys never linked (and belong to two different units)
linked = {(l["task"], l["result"]) for l in gold["follow_through"]} | \
         {(l["from"], l["to"]) for l in gold["carry_over"]}
for pair in decoys:
    if len(pair) != 2 or any(p not in items for p in pair):
        err("bad decoy %s" % pair); continue
    a, b = pair
    if unit(a) == unit(b): err("decoy %s within one unit" % pair)
    if (a, b) in linked or (b, a) in linked: err("decoy %s is linked" % pair)
if len({d["unit"] for d in docs.values()}) >= 2 and not decoys:
    err("two units but no cross_unit_decoys")

if errors:
    print("\n".join(errors)); sys.exit(1)
print("OK")
