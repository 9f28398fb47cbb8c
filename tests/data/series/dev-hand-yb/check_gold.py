#!/usr/bin/env python3
"""Check gold.json of this series against its documents and the annotation rules.
Prints OK when every check passes, else the list of problems (exit 1)."""
import json, os, re, sys, unicodedata
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
errs = []


def err(msg):
    errs.append(msg)


def load():
    raw = open(os.path.join(HERE, "gold.json"), "rb").read()
    return json.loads(raw.decode("utf-8"))


g = load()

# ---------- form ----------
KEYS = {"documents", "tasks", "results", "follow_through", "carry_over", "gaps"}
for k in KEYS:
    if k not in g:
        err(f"gold.json lacks key {k}")
for k in g:
    if k not in KEYS | {"cross_unit_decoys"}:
        err(f"unknown key {k}")
for d in g["documents"]:
    if set(d) != {"file", "unit", "reported_months", "planned_period"}:
        err(f"document fields {sorted(d)}")
    if not isinstance(d["reported_months"], list):
        err(f"{d['file']}: reported_months not a list")
for coll in ("tasks", "results"):
    for it in g[coll]:
        if set(it) != {"id", "file", "period", "text"}:
            err(f"{coll} item fields {sorted(it)}")
for l in g["follow_through"]:
    if set(l) != {"task", "result", "status"}:
        err(f"follow_through fields {sorted(l)}")
for l in g["carry_over"]:
    if set(l) != {"from", "to", "kind"}:
        err(f"carry_over fields {sorted(l)}")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")

docs = {d["file"]: d for d in g["documents"]}
if len(docs) != len(g["documents"]):
    err("duplicate document file")
tasks = {t["id"]: t for t in g["tasks"]}
results = {r["id"]: r for r in g["results"]}
if len(tasks) != len(g["tasks"]) or len(results) != len(g["results"]):
    err("duplicate item id")
if set(tasks) & set(results):
    err("an id is both task and result")
for it in list(tasks.values()) + list(results.values()):
    if it["file"] not in docs:
        err(f"{it['id']}: unknown file {it['file']}")
    if not MONTH.match(it["period"]):
        err(f"{it['id']}: bad period {it['period']}")

# ---------- file names, encoding ----------
FNAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt$")
texts = {}
for f, d in docs.items():
    m = FNAME.match(f)
    if not m:
        err(f"bad file name {f}")
        continue
    if m.group(2) != d["planned_period"]:
        err(f"{f}: name month != planned_period {d['planned_period']}")
    for p in d["reported_months"] + [d["planned_period"]]:
        if not MONTH.match(p):
            err(f"{f}: bad month {p}")
    if any(p >= d["planned_period"] for p in d["reported_months"]):
        err(f"{f}: a reported month is not before the planned period")
    path = os.path.join(HERE, f)
    if not os.path.exists(path):
        err(f"missing file {f}")
        continue
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err(f"{f}: BOM")
    if b"\r" in raw:
        err(f"{f}: CR line ends")
    try:
        s = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err(f"{f}: not UTF-8 ({e})")
        continue
    if unicodedata.normalize("NFC", s) != s:
        err(f"{f}: not NFC")
    if "{{" in s or "}}" in s:
        err(f"{f}: hand mark left in text")
    texts[f] = s
for f in os.listdir(HERE):
    if f.endswith(".txt") and f not in docs:
        err(f"document {f} not listed in gold.json")

# ---------- exact unique substrings, no overlaps ----------
spans = defaultdict(list)
for it in list(tasks.values()) + list(results.values()):
    s = texts.get(it["file"])
    if s is None:
        continue
    t = it["text"]
    if unicodedata.normalize("NFC", t) != t:
        err(f"{it['id']}: text not NFC")
    if not t.strip():
        err(f"{it['id']}: empty text")
        continue
    n = s.count(t)
    if n != 1:
        err(f"{it['id']}: text found {n} times in {it['file']}")
        continue
    a = s.index(t)
    spans[it["file"]].append((a, a + len(t), it["id"]))
    if any(m.group(1).isupper() for m in re.finditer(r"[.!?]\s+(\w)", t[:-1])):
        err(f"{it['id']}: more than one sentence in one item")
for f, sp in spans.items():
    sp.sort()
    for (a1, b1, i1), (a2, b2, i2) in zip(sp, sp[1:]):
        if a2 < b1:
            err(f"{f}: {i1} overlaps {i2}")

# ---------- sections: every bullet labelled, items in the right section ----------
H_GROUP = re.compile(r"^NHÓM \d+ - ")
H_RES = re.compile(r"^ĐÃ LÀM$")
H_LIM = re.compile(r"^CHƯA ĐẠT$")
H_TASK = re.compile(r"^THÁNG (\d{1,2}) LÀM$")
H_END = re.compile(r"^(ĐỀ NGHỊ UBND TỈNH|TỔ CHỨC THỰC HIỆN)$")
SUB = re.compile(r"^Tháng (\d{1,2}):$")
for f, s in texts.items():
    d = docs[f]
    by_text = {}
    for it in list(tasks.values()) + list(results.values()):
        if it["file"] == f:
            by_text[it["text"]] = it
    seen = set()
    mode, sub = None, None
    for ln, line in enumerate(s.split("\n"), 1):
        st = line.strip()
        if H_GROUP.match(st) or H_END.match(st):
            mode, sub = None, None
            continue
        if H_RES.match(st):
            mode, sub = "res", None
            continue
        if H_LIM.match(st):
            mode, sub = "lim", None
            continue
        m = H_TASK.match(st)
        if m:
            mode, sub = "task", None
            if int(m.group(1)) != int(d["planned_period"][5:]):
                err(f"{f}:{ln}: task heading month {m.group(1)} != planned {d['planned_period']}")
            continue
        if mode not in ("res", "task") or not st:
            continue
        m = SUB.match(st)
        if m:
            if mode != "res":
                err(f"{f}:{ln}: month sub-heading in a task section")
            cand = [p for p in d["reported_months"] if int(p[5:]) == int(m.group(1))]
            if len(cand) != 1:
                err(f"{f}:{ln}: sub-heading month not a reported month")
                sub = None
            else:
                sub = cand[0]
            continue
        if not (st.startswith("- ") or st.startswith("+ ")):
            err(f"{f}:{ln}: unlabelled prose inside a {mode} section: {st[:50]}")
            continue
        body = st[2:]
        it = by_text.get(body)
        if it is None:
            err(f"{f}:{ln}: bullet not labelled as one whole item: {body[:60]}")
            continue
        seen.add(it["id"])
        if mode == "res" and it["id"] not in results:
            err(f"{f}:{ln}: {it['id']} is in a results section but labelled task")
        if mode == "task" and it["id"] not in tasks:
            err(f"{f}:{ln}: {it['id']} is in a task section but labelled result")
        if mode == "res" and it["id"] in results:
            want = sub if sub else (d["reported_months"][0] if len(d["reported_months"]) == 1 else None)
            if want is None:
                err(f"{f}:{ln}: result outside a month sub-heading in a multi-month report")
            elif it["period"] != want:
                err(f"{it['id']}: period {it['period']} != section month {want}")
    for it in by_text.values():
        if it["id"] not in seen:
            err(f"{it['id']}: not a bullet of a results/tasks section of {f}")

# ---------- counts, periods, headers ----------
MDATE = re.compile(r", ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})")
TOK = re.compile(r"tháng (\d{1,2})(?:/(\d{4}))?|năm (\d{4})")
for f, s in texts.items():
    d = docs[f]
    nt = sum(1 for t in tasks.values() if t["file"] == f)
    nr = sum(1 for r in results.values() if r["file"] == f)
    if not 10 <= nt <= 18:
        err(f"{f}: {nt} tasks (want 10-18)")
    if not (10 <= nr <= 18 or nr == 0):
        err(f"{f}: {nr} results (want 10-18)")
    for t in tasks.values():
        if t["file"] == f and t["period"] != d["planned_period"]:
            err(f"{t['id']}: period {t['period']} != planned {d['planned_period']}")
    for r in results.values():
        if r["file"] == f and r["period"] not in d["reported_months"]:
            err(f"{r['id']}: period {r['period']} not reported in {f}")
    for need in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                 "\nSố: ", "\nBÁO CÁO\n", "Kính gửi:", "Nơi nhận:", "(Đã ký)"):
        if need not in s:
            err(f"{f}: header/closing part missing: {need.strip()}")
    m = MDATE.search(s)
    if not m:
        err(f"{f}: no date line")
    else:
        ym = f"{m.group(3)}-{int(m.group(2)):02d}"
        if ym != d["reported_months"][-1]:
            err(f"{f}: dated {ym}, not in the last reported month {d['reported_months'][-1]}")
    title = s.split("\nBÁO CÁO\n", 1)[-1].split("Kính gửi:", 1)[0]
    found, pending = set(), []
    for tm in TOK.finditer(title):
        if tm.group(1):
            if tm.group(2):
                found.add(f"{tm.group(2)}-{int(tm.group(1)):02d}")
            else:
                pending.append(int(tm.group(1)))
        else:
            for mo in pending:
                found.add(f"{tm.group(3)}-{mo:02d}")
            pending = []
    if pending:
        err(f"{f}: title month without a year")
    if found != set(d["reported_months"]) | {d["planned_period"]}:
        err(f"{f}: title months {sorted(found)} != documents' periods")

# ---------- links ----------
unit_of = {i: docs[it["file"]]["unit"] for i, it in list(tasks.items()) + list(results.items()) if it["file"] in docs}
plan_of = {i: docs[it["file"]]["planned_period"] for i, it in list(tasks.items()) + list(results.items()) if it["file"] in docs}
by_unit = defaultdict(list)
for d in g["documents"]:
    by_unit[d["unit"]].append(d)
for l in g["follow_through"]:
    t, r = l["task"], l["result"]
    if t not in tasks or r not in results:
        err(f"follow_through {t}->{r}: unknown id")
        continue
    if l["status"] not in ("done", "partial"):
        err(f"follow_through {t}->{r}: status {l['status']}")
    if unit_of[t] != unit_of[r]:
        err(f"follow_through {t}->{r}: across units")
    if plan_of[r] <= plan_of[t]:
        err(f"follow_through {t}->{r}: not forward in time")
    if results[r]["period"] < tasks[t]["period"]:
        err(f"follow_through {t}->{r}: result reports a month before the task's")
    first = [d for d in sorted(by_unit[unit_of[t]], key=lambda d: d["planned_period"])
             if d["planned_period"] > tasks[t]["period"] and tasks[t]["period"] in d["reported_months"]]
    if not first or results[r]["file"] != first[0]["file"]:
        err(f"follow_through {t}->{r}: not in the first document reporting {tasks[t]['period']}")
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
for l in g["carry_over"]:
    a, b = l["from"], l["to"]
    if a not in tasks or b not in tasks:
        err(f"carry_over {a}->{b}: unknown task id")
        continue
    if l["kind"] not in KINDS:
        err(f"carry_over {a}->{b}: kind {l['kind']}")
    if unit_of[a] != unit_of[b]:
        err(f"carry_over {a}->{b}: across units")
    if tasks[b]["period"] <= tasks[a]["period"]:
        err(f"carry_over {a}->{b}: not forward in time")
for name, pairs in (("follow_through", [(l["task"], l["result"]) for l in g["follow_through"]]),
                    ("carry_over", [(l["from"], l["to"]) for l in g["carry_over"]])):
    for p, n in Counter(pairs).items():
        if n > 1:
            err(f"{name}: duplicate link {p}")

# ---------- gaps ----------
linked = {l["task"] for l in g["follow_through"]} | {l["from"] for l in g["carry_over"]}
last = {u: max(d["planned_period"] for d in ds) for u, ds in by_unit.items()}
want_gaps = {i for i, t in tasks.items() if i not in linked and plan_of[i] != last[unit_of[i]]}
if len(set(g["gaps"])) != len(g["gaps"]):
    err("duplicate gap id")
if set(g["gaps"]) != want_gaps:
    err(f"gaps differ: missing {sorted(want_gaps - set(g['gaps']))}, extra {sorted(set(g['gaps']) - want_gaps)}")

# ---------- decoys ----------
pairs_linked = {frozenset((l["task"], l["result"])) for l in g["follow_through"]} | \
               {frozenset((l["from"], l["to"])) for l in g["carry_over"]}
decoys = [("cross_unit", p) for p in g.get("cross_unit_decoys", [])]
if len(by_unit) > 1 and not g.get("cross_unit_decoys"):
    err("two units but no cross_unit_decoys")
wpath = os.path.join(HERE, "decoys_within_unit.json")
if os.path.exists(wpath):
    decoys += [("within_unit", p) for p in json.load(open(wpath, encoding="utf-8"))["pairs"]]
for kind, p in decoys:
    if len(p) != 2 or any(i not in unit_of for i in p):
        err(f"{kind} decoy {p}: unknown id")
        continue
    if kind == "cross_unit" and unit_of[p[0]] == unit_of[p[1]]:
        err(f"cross_unit decoy {p}: same unit")
    if kind == "within_unit" and unit_of[p[0]] != unit_of[p[1]]:
        err(f"within_unit decoy {p}: different units")
    if frozenset(p) in pairs_linked:
        err(f"{kind} decoy {p} is linked")

if errs:
    print("\n".join(errs))
    print(f"FAILED: {len(errs)} problem(s)")
    sys.exit(1)
print("OK")
