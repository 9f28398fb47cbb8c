#!/usr/bin/env python3
"""Check gold.json of the hand-za series against its documents and the annotation rules.
Prints OK when every check passes, else the list of problems."""
import json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
P = []                                   # problems
def bad(msg): P.append(msg)

NAME = re.compile(r"^([a-z0-9-]+)_(\d{4}-\d\d)\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
RES_BULLET, TASK_BULLET = "– ", "□ "
HEAD = {"res": "PHẦN MỘT.", "lim": "PHẦN HAI.", "task": "PHẦN BA.", "end": "PHẦN BỐN."}

def month_forms(ym):
    y, m = ym.split("-")
    return {f"{m}/{y}", f"{int(m)}/{y}"}

gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))

# ---------- form ----------
need = {"documents", "tasks", "results", "follow_through", "carry_over", "gaps"}
for k in need - set(gold):
    bad(f"gold.json lacks key {k}")
for k in set(gold) - need - {"cross_unit_decoys"}:
    bad(f"gold.json has unknown key {k}")
def fields(obj, keys, where):
    if not isinstance(obj, dict) or set(obj) != set(keys):
        bad(f"{where}: fields {sorted(obj) if isinstance(obj, dict) else obj} != {sorted(keys)}")
        return False
    return True
docs = {}
for d in gold.get("documents", []):
    if fields(d, ["file", "unit", "reported_months", "planned_period"], f"document {d.get('file')}"):
        if d["file"] in docs:
            bad(f"document {d['file']} listed twice")
        docs[d["file"]] = d
items = {}
for kind in ("tasks", "results"):
    for it in gold.get(kind, []):
        if not fields(it, ["id", "file", "period", "text"], f"{kind} {it.get('id')}"):
            continue
        if it["id"] in items:
            bad(f"id {it['id']} used twice")
        if kind == "tasks" and not it["id"].startswith("T") or kind == "results" and not it["id"].startswith("R"):
            bad(f"id {it['id']} has the wrong prefix for {kind}")
        it = dict(it, kind=kind[:-1])
        items[it["id"]] = it
        if it["file"] not in docs:
            bad(f"{it['id']}: file {it['file']} is not a document")
for f in gold.get("follow_through", []):
    fields(f, ["task", "result", "status"], f"follow_through {f}")
for c in gold.get("carry_over", []):
    fields(c, ["from", "to", "kind"], f"carry_over {c}")
if not isinstance(gold.get("gaps"), list):
    bad("gaps is not a list")

# ---------- documents: names, encoding, periods ----------
texts = {}
on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
if sorted(docs) != on_disk:
    bad(f"documents {sorted(docs)} != .txt files {on_disk}")
slug_unit = {}
for fn, d in docs.items():
    m = NAME.match(fn)
    if not m:
        bad(f"{fn}: bad file name"); continue
    slug, ym = m.groups()
    if slug_unit.setdefault(slug, d["unit"]) != d["unit"]:
        bad(f"{fn}: slug {slug} used for two units")
    if ym != d["planned_period"]:
        bad(f"{fn}: name month {ym} != planned_period {d['planned_period']}")
    for ym2 in d["reported_months"] + [d["planned_period"]]:
        if not MONTH.match(ym2):
            bad(f"{fn}: bad month {ym2}")
    rep = d["reported_months"]
    if rep != sorted(set(rep)) or (rep and rep[-1] >= d["planned_period"]):
        bad(f"{fn}: reported months {rep} not increasing and before {d['planned_period']}")
    raw = open(os.path.join(HERE, fn), "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        bad(f"{fn}: BOM")
    if b"\r" in raw:
        bad(f"{fn}: CR line ends")
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        bad(f"{fn}: not UTF-8 ({e})"); continue
    if unicodedata.normalize("NFC", t) != t:
        bad(f"{fn}: not NFC")
    if "{{" in t or "}}" in t:
        bad(f"{fn}: hand marks left in text")
    texts[fn] = t
    # header and date
    for must in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: ", "Nơi nhận:", "THÔNG BÁO"):
        if must not in t:
            bad(f"{fn}: header/closing lacks {must!r}")
    dm = re.search(r"ngày (\d\d?) tháng (\d\d?) năm (\d{4})", t)
    if not dm:
        bad(f"{fn}: no issue date")
    else:
        issued = f"{dm.group(3)}-{int(dm.group(2)):02d}"
        if rep and issued != rep[-1]:
            bad(f"{fn}: issued {issued}, not in the last reported month {rep[-1]}")
        if issued >= d["planned_period"]:
            bad(f"{fn}: issued {issued} not before planned month")

# sort documents of each unit by planned period
by_unit = {}
for fn, d in docs.items():
    by_unit.setdefault(d["unit"], []).append(fn)
for u in by_unit:
    by_unit[u].sort(key=lambda f: docs[f]["planned_period"])
    plist = [docs[f]["planned_period"] for f in by_unit[u]]
    if len(set(plist)) != len(plist):
        bad(f"unit {u}: two documents plan the same month")
last_doc = {u: fs[-1] for u, fs in by_unit.items()}
order = {fn: i for fs in by_unit.values() for i, fn in enumerate(fs)}

# ---------- sections and items ----------
def sections(fn, t):
    lines = t.split("\n")
    idx = {}
    for key, h in HEAD.items():
        hits = [i for i, l in enumerate(lines) if l.startswith(h)]
        if len(hits) != 1:
            bad(f"{fn}: heading {h} found {len(hits)} times"); return None
        idx[key] = hits[0]
    if not idx["res"] < idx["lim"] < idx["task"] < idx["end"]:
        bad(f"{fn}: sections out of order"); return None
    d = docs[fn]
    if d["reported_months"]:
        for ym in d["reported_months"]:
            y, m = ym.split("-")
            h = lines[idx["res"]]
            if not (any(f in h for f in month_forms(ym)) or (f"THÁNG {int(m)}" in h and y in h)):
                bad(f"{fn}: results heading does not name {ym}: {h}")
    if not any(f in lines[idx["task"]] for f in month_forms(d["planned_period"])):
        bad(f"{fn}: tasks heading does not name {d['planned_period']}")
    title_ok = any(("PHIẾU ĐIỀU HÀNH THÁNG " + f) in t for f in month_forms(d["planned_period"]))
    if not title_ok:
        bad(f"{fn}: title does not name the planned month")
    # char offsets of lines
    offs, o = [], 0
    for l in lines:
        offs.append(o); o += len(l) + 1
    return lines, idx, offs

spans = {}
for iid, it in items.items():
    t = texts.get(it["file"])
    if t is None:
        continue
    n = t.count(it["text"])
    if n != 1:
        bad(f"{iid}: text found {n} times in {it['file']}")
        continue
    if it["text"] != it["text"].strip() or not it["text"]:
        bad(f"{iid}: text has outer spaces or is empty")
    s = t.index(it["text"])
    spans.setdefault(it["file"], []).append((s, s + len(it["text"]), iid))
for fn, sp in spans.items():
    sp.sort()
    for a, b in zip(sp, sp[1:]):
        if b[0] < a[1]:
            bad(f"{fn}: items {a[2]} and {b[2]} overlap")

SENT_BREAK = re.compile(r"[.!?]\s+[A-ZĐÀ-Ỹ]")
for fn, t in texts.items():
    sec = sections(fn, t)
    if sec is None:
        continue
    lines, idx, offs = sec
    by_text = {}
    for iid, it in items.items():
        if it["file"] == fn:
            by_text[it["text"]] = iid
    seen = set()
    for key, lo, hi, bullet, want in (("res", idx["res"], idx["lim"], RES_BULLET, "result"),
                                      ("task", idx["task"], idx["end"], TASK_BULLET, "task")):
        for i in range(lo + 1, hi):
            l = lines[i]
            if not l.strip():
                continue
            if l.startswith(bullet):
                body = l[len(bullet):]
                iid = by_text.get(body)
                if iid is None:
                    bad(f"{fn}:{i+1}: bullet not labelled: {body[:60]}")
                    continue
                if items[iid]["kind"] != want:
                    bad(f"{fn}:{i+1}: {iid} is a {items[iid]['kind']} in the {want} section")
                if not body.endswith("."):
                    bad(f"{fn}:{i+1}: {iid} does not end with a full stop")
                if SENT_BREAK.search(body[:-1]):
                    bad(f"{fn}:{i+1}: {iid} holds more than one sentence")
                seen.add(iid)
            else:
                # heading or lead-in: must not look like a bullet and must hold no item
                if re.match(r"^\s*([-–•+*□›]|\d+[.)]|\([a-z0-9]+\))\s", l):
                    bad(f"{fn}:{i+1}: unlabelled bullet-like line: {l[:60]}")
                for txt, iid in by_text.items():
                    if txt in l:
                        bad(f"{fn}:{i+1}: item {iid} sits in a heading/lead-in line")
    # every labelled item of this file sits on a bullet of its section
    for txt, iid in by_text.items():
        if iid not in seen:
            bad(f"{fn}: {iid} is not a whole bullet of its section")
    # no labelled item in the limitations section or outside sections
    # counts
    nt = sum(1 for it in items.values() if it["file"] == fn and it["kind"] == "task")
    nr = sum(1 for it in items.values() if it["file"] == fn and it["kind"] == "result")
    if not 10 <= nt <= 18:
        bad(f"{fn}: {nt} tasks (want 10-18)")
    if not (10 <= nr <= 18 or (nr == 0 and not docs[fn]["reported_months"])):
        bad(f"{fn}: {nr} results (want 10-18)")

# periods of items
for iid, it in items.items():
    d = docs.get(it["file"])
    if not d:
        continue
    if it["kind"] == "task" and it["period"] != d["planned_period"]:
        bad(f"{iid}: period {it['period']} != planned {d['planned_period']}")
    if it["kind"] == "result" and it["period"] not in d["reported_months"]:
        bad(f"{iid}: period {it['period']} not among reported {d['reported_months']}")

# ---------- links ----------
def unit_of(iid): return docs[items[iid]["file"]]["unit"]
def first_reporter(unit, ym):
    for fn in by_unit[unit]:
        if ym in docs[fn]["reported_months"]:
            return fn
    return None
linked_pairs = set()
ft_tasks, co_tasks = set(), set()
seen_links = set()
for f in gold.get("follow_through", []):
    a, b, s = f.get("task"), f.get("result"), f.get("status")
    if (a, b) in seen_links:
        bad(f"follow_through {a}->{b} twice")
    seen_links.add((a, b))
    if a not in items or items[a]["kind"] != "task":
        bad(f"follow_through: {a} is not a task"); continue
    if b not in items or items[b]["kind"] != "result":
        bad(f"follow_through: {b} is not a result"); continue
    if s not in STATUSES:
        bad(f"follow_through {a}->{b}: status {s}")
    if unit_of(a) != unit_of(b):
        bad(f"follow_through {a}->{b} crosses units")
    if order[items[b]["file"]] <= order[items[a]["file"]]:
        bad(f"follow_through {a}->{b} not forward in time")
    if items[b]["period"] != items[a]["period"]:
        bad(f"follow_through {a}->{b}: result reports {items[b]['period']}, task planned {items[a]['period']}")
    if first_reporter(unit_of(a), items[a]["period"]) != items[b]["file"]:
        bad(f"follow_through {a}->{b}: not in the first document reporting {items[a]['period']}")
    ft_tasks.add(a); linked_pairs.add(frozenset((a, b)))
for c in gold.get("carry_over", []):
    a, b, k = c.get("from"), c.get("to"), c.get("kind")
    if (a, b) in seen_links:
        bad(f"carry_over {a}->{b} twice")
    seen_links.add((a, b))
    if a not in items or items[a]["kind"] != "task" or b not in items or items[b]["kind"] != "task":
        bad(f"carry_over {a}->{b}: both ends must be tasks"); continue
    if k not in KINDS:
        bad(f"carry_over {a}->{b}: kind {k}")
    if unit_of(a) != unit_of(b):
        bad(f"carry_over {a}->{b} crosses units")
    if order[items[b]["file"]] <= order[items[a]["file"]]:
        bad(f"carry_over {a}->{b} not forward in time")
    co_tasks.add(a); linked_pairs.add(frozenset((a, b)))
# a split must have at least two targets
splits = {}
for c in gold.get("carry_over", []):
    if c.get("kind") == "split":
        splits.setdefault(c["from"], []).append(c["to"])
for a, tos in splits.items():
    if len(tos) < 2:
        bad(f"split from {a} has only one target")

# ---------- gaps ----------
want_gaps = sorted(iid for iid, it in items.items()
                   if it["kind"] == "task" and it["file"] != last_doc[docs[it["file"]]["unit"]]
                   and iid not in ft_tasks and iid not in co_tasks)
got = gold.get("gaps", [])
if len(set(got)) != len(got):
    bad("gaps lists a task twice")
if sorted(set(got)) != want_gaps:
    bad(f"gaps {sorted(got)} != unlinked tasks of non-last documents {want_gaps}")

# ---------- decoys ----------
dec = [tuple(p) for p in gold.get("cross_unit_decoys", [])]
intra_path = os.path.join(HERE, "_src", "decoys_intra.json")
intra = [tuple(p) for p in json.load(open(intra_path, encoding="utf-8"))] if os.path.exists(intra_path) else []
for p in dec:
    if len(p) != 2 or any(x not in items for x in p):
        bad(f"cross_unit_decoy {p}: unknown id"); continue
    if unit_of(p[0]) == unit_of(p[1]):
        bad(f"cross_unit_decoy {p}: same unit")
for p in dec + intra:
    if any(x not in items for x in p):
        bad(f"decoy {p}: unknown id"); continue
    if frozenset(p) in linked_pairs:
        bad(f"decoy {p} is linked")

if P:
    print("\n".join(P))
    print(f"{len(P)} problem(s)")
    sys.exit(1)
nt = sum(1 for i in items.values() if i["kind"] == "task")
nr = len(items) - nt
print(f"documents {len(docs)}, tasks {nt}, results {nr}, follow-through {len(gold['follow_through'])}, "
      f"carry-over {len(gold['carry_over'])}, gaps {len(got)}, cross-unit decoys {len(dec)}, same-unit decoys {len(intra)}")
print("OK")
