#!/usr/bin/env python3
"""Check gold.json of the hand-we series against its documents.  Prints OK
when every check passes, otherwise the list of problems (exit code 1).

Checks: the form of gold.json; file names; UTF-8 / NFC / no BOM / \\n line
ends; every item text an exact, unique substring of its file and no two
items overlapping; every bullet of the results and tasks sections labelled
(headings and lead-ins skipped) and nothing labelled outside them; task and
result counts per document; periods against the document headings; links
within one unit, forward in time, allowed statuses and kinds; gaps exactly
the unlinked tasks of non-last documents; decoys cross-unit, near-identical
and never linked.
"""
import json, os, re, sys, unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


def fold(s):
    s = unicodedata.normalize("NFD", s.lower()).replace("đ", "d")
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return set(re.findall(r"[a-z0-9]+", s))


gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))

# ------------------------------------------------------------------ form
KEYS = {"documents", "tasks", "results", "follow_through", "carry_over", "gaps",
        "cross_unit_decoys"}
if set(gold) != KEYS:
    err(f"top-level keys {sorted(gold)}")
for d in gold["documents"]:
    if set(d) != {"file", "unit", "reported_months", "planned_period"}:
        err(f"document fields {d}")
for k in ("tasks", "results"):
    for it in gold[k]:
        if set(it) != {"id", "file", "period", "text"} or not all(isinstance(v, str) for v in it.values()):
            err(f"{k} item form {it}")
for l in gold["follow_through"]:
    if set(l) != {"task", "result", "status"}:
        err(f"follow_through form {l}")
for l in gold["carry_over"]:
    if set(l) != {"from", "to", "kind"}:
        err(f"carry_over form {l}")
if not all(isinstance(g, str) for g in gold["gaps"]):
    err("gaps must be ids")
for p in gold["cross_unit_decoys"]:
    if not (isinstance(p, list) and len(p) == 2):
        err(f"decoy form {p}")

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
docs = {d["file"]: d for d in gold["documents"]}
if len(docs) != len(gold["documents"]):
    err("duplicate document")

# ------------------------------------------------------------------ files
NAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt$")
texts = {}
on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
if sorted(docs) != on_disk:
    err(f"documents {sorted(docs)} != files on disk {on_disk}")
slug_unit = {}
for f, d in docs.items():
    m = NAME.match(f)
    if not m:
        err(f"bad file name {f}")
        continue
    if m.group(2) != d["planned_period"]:
        err(f"{f}: name month != planned_period {d['planned_period']}")
    if slug_unit.setdefault(m.group(1), d["unit"]) != d["unit"]:
        err(f"{f}: one slug, two units")
    if not MONTH.match(d["planned_period"]) or not all(MONTH.match(x) for x in d["reported_months"]):
        err(f"{f}: bad month form")
    raw = open(os.path.join(HERE, f), "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err(f"{f}: BOM")
    if b"\r" in raw:
        err(f"{f}: CR line ends")
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err(f"{f}: not UTF-8 ({e})")
        continue
    if unicodedata.normalize("NFC", t) != t:
        err(f"{f}: not NFC")
    texts[f] = t
if len(set(slug_unit.values())) != len(slug_unit):
    err("one unit under two slugs")

# ------------------------------------------------------------------ items: substrings, overlaps
items = {}
spans = defaultdict(list)
for kind in ("tasks", "results"):
    for it in gold[kind]:
        if it["id"] in items:
            err(f"duplicate id {it['id']}")
        items[it["id"]] = dict(it, kind=kind[0].upper())
        t = texts.get(it["file"])
        if t is None:
            err(f"{it['id']}: unknown file {it['file']}")
            continue
        if unicodedata.normalize("NFC", it["text"]) != it["text"]:
            err(f"{it['id']}: text not NFC")
        n = t.count(it["text"])
        if n != 1:
            err(f"{it['id']}: text found {n} times in {it['file']}")
            continue
        s = t.index(it["text"])
        spans[it["file"]].append((s, s + len(it["text"]), it["id"]))
for f, sp in spans.items():
    sp.sort()
    for (a1, b1, i1), (a2, b2, i2) in zip(sp, sp[1:]):
        if a2 < b1:
            err(f"{f}: {i1} overlaps {i2}")

# ------------------------------------------------------------------ headers and sections
# Each unit's office has its own layout; section boundaries and skip-lines per layout.
LAYOUTS = {
    "binh-giang": {
        "res_start": re.compile(r"^I\. VIỆC ĐÃ LÀM TRONG THÁNG (\d{1,2})/(\d{4})$"),
        "res_end": re.compile(r"^II\. "),
        "task_start": re.compile(r"^III\. GIAO VIỆC THÁNG (\d{1,2})/(\d{4})$"),
        "task_end": re.compile(r"^Các phòng, đơn vị chủ động tổ chức thực hiện"),
        "res_bullet": "- ", "task_bullet": re.compile(r"^([a-zđ])\) "),
        "res_skip": [re.compile(r"^Khối [^.]+$"), re.compile(r"^.+:$")],
        "task_skip": [re.compile(r"^\d+\. [^.]+$"), re.compile(r"^Chủ tịch UBND phường giao .+:$")],
    },
    "thach-lam": {
        "res_start": re.compile(r"^PHẦN MỘT – CON SỐ VÀ VIỆC ĐÃ XONG THÁNG (.+)/(\d{4})$"),
        "res_end": re.compile(r"^PHẦN HAI – "),
        "task_start": re.compile(r"^PHẦN BA – LỊCH VIỆC THÁNG (\d{1,2})/(\d{4})$"),
        "task_end": re.compile(r"^PHẦN BỐN – "),
        "res_bullet": "▸ ", "task_bullet": re.compile(r"^(•) "),
        "res_skip": [re.compile(r"^[AB]\. Tháng (\d{1,2})/(\d{4})$"),
                     re.compile(r"^Cuối tháng \d+, do .+ không ban hành báo cáo tháng \d+; .+\.$")],
        "task_skip": [re.compile(r"^Tuần \d \(\d{2}/\d{1,2} – \d{2}/\d{1,2}\)$"),
                      re.compile(r"^Việc làm cả tháng$")],
    },
}
SENT = re.compile(r"[.!?…]\s+[A-ZÀ-ỸĐ]")

per_doc = defaultdict(lambda: {"T": [], "R": []})
for it in items.values():
    per_doc[it["file"]][it["kind"]].append(it)

for f, t in texts.items():
    d = docs[f]
    slug = NAME.match(f).group(1)
    L = LAYOUTS.get(slug)
    if L is None:
        err(f"{f}: no layout known for {slug}")
        continue
    for need in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "\nSố: ",
                 "\nNơi nhận:\n", "(Đã ký)"):
        if need not in t:
            err(f"{f}: header/closing lacks {need!r}")
    m = re.search(r", ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})\n", t)
    if not m:
        err(f"{f}: no date line")
    else:
        y, mo = int(d["planned_period"][:4]), int(d["planned_period"][5:])
        py, pm = (y, mo - 1) if mo > 1 else (y - 1, 12)
        if (int(m.group(3)), int(m.group(2))) != (py, pm):
            err(f"{f}: dated {m.group(2)}/{m.group(3)}, not in the month before {d['planned_period']}")
    lines = t.split("\n")
    offs, o = [], 0
    for ln in lines:
        offs.append(o)
        o += len(ln) + 1
    by_text = {it["text"]: it for it in per_doc[f]["T"] + per_doc[f]["R"]}
    covered = set()
    state, cur_month = None, None
    found_res = found_task = False
    for i, ln in enumerate(lines):
        s = ln.strip()
        ms = L["res_start"].match(s)
        mt = L["task_start"].match(s)
        if ms:
            state, found_res = "R", True
            months = [int(x) for x in re.findall(r"\d+", ms.group(1))]
            head = sorted(f"{ms.group(2)}-{x:02d}" for x in months)
            if head != sorted(d["reported_months"]):
                err(f"{f}: results heading months {head} != reported_months {d['reported_months']}")
            cur_month = d["reported_months"][0] if len(d["reported_months"]) == 1 else None
            continue
        if mt:
            state, found_task = "T", True
            if f"{mt.group(2)}-{int(mt.group(1)):02d}" != d["planned_period"]:
                err(f"{f}: tasks heading month != planned_period")
            continue
        if state == "R" and L["res_end"].match(s):
            state = None
            continue
        if state == "T" and L["task_end"].match(s):
            state = None
            continue
        if not s:
            continue
        if state is None:
            # nothing may be labelled outside the two sections
            for it in by_text.values():
                if it["text"] in ln:
                    err(f"{f}: {it['id']} lies outside its section")
            continue
        if state == "R":
            bullet = s.startswith(L["res_bullet"])
            content = s[len(L["res_bullet"]):] if bullet else None
        else:
            mb = L["task_bullet"].match(s)
            bullet = bool(mb)
            content = s[mb.end():] if mb else None
        if not bullet:
            skip = [p for p in L["res_skip" if state == "R" else "task_skip"] if p.match(s)]
            if not skip:
                err(f"{f}: line {i+1} in {'results' if state=='R' else 'tasks'} section is neither item nor heading/lead-in: {s[:60]!r}")
            mm = re.match(r"^[AB]\. Tháng (\d{1,2})/(\d{4})$", s)
            if mm and state == "R":
                cur_month = f"{mm.group(2)}-{int(mm.group(1)):02d}"
            for it in by_text.values():
                if it["text"] in ln:
                    err(f"{f}: {it['id']} labelled on a heading/lead-in line")
            continue
        it = by_text.get(content)
        if it is None:
            err(f"{f}: line {i+1} bullet not labelled exactly: {content[:60]!r}")
            continue
        if it["kind"] != state:
            err(f"{f}: {it['id']} sits in the wrong section")
        if SENT.search(content):
            err(f"{f}: {it['id']} holds more than one sentence")
        if state == "R" and it["period"] != cur_month:
            err(f"{f}: {it['id']} period {it['period']} != block month {cur_month}")
        covered.add(it["id"])
    if not found_res and d["reported_months"]:
        err(f"{f}: no results section found")
    if not found_task:
        err(f"{f}: no tasks section found")
    for it in by_text.values():
        if it["id"] not in covered:
            err(f"{f}: {it['id']} is not a whole bullet of its section")
    nt, nr = len(per_doc[f]["T"]), len(per_doc[f]["R"])
    if not 10 <= nt <= 18:
        err(f"{f}: {nt} tasks")
    if not (10 <= nr <= 18 or (nr == 0 and not d["reported_months"])):
        err(f"{f}: {nr} results")

# ------------------------------------------------------------------ periods and unit chronology
for it in items.values():
    d = docs.get(it["file"])
    if not d:
        continue
    if it["kind"] == "T" and it["period"] != d["planned_period"]:
        err(f"{it['id']}: period != planned_period")
    if it["kind"] == "R" and it["period"] not in d["reported_months"]:
        err(f"{it['id']}: period not among reported_months")
units = defaultdict(list)
for d in gold["documents"]:
    units[d["unit"]].append(d)
last_doc = {}
for u, ds in units.items():
    ds.sort(key=lambda d: d["planned_period"])
    if len(ds) != 6:
        err(f"{u}: {len(ds)} documents")
    for d in ds:
        if any(m >= d["planned_period"] for m in d["reported_months"]):
            err(f"{d['file']}: reports a month not before its planned period")
    for a, b in zip(ds, ds[1:]):
        if a["planned_period"] not in b["reported_months"]:
            err(f"{b['file']}: does not report {a['planned_period']} planned by {a['file']}")
        if min(b["reported_months"]) <= max(a["reported_months"] or ["0000-00"]):
            err(f"{b['file']}: reported months overlap {a['file']}")
    last_doc[u] = ds[-1]["file"]
if len(units) != 2:
    err(f"{len(units)} units")

# ------------------------------------------------------------------ links
def unit_of(i):
    return docs[items[i]["file"]]["unit"]


def planned_of(i):
    return docs[items[i]["file"]]["planned_period"]


seen = set()
linked = set()
ft_tasks, co_tasks = set(), set()
for l in gold["follow_through"]:
    t, r = l["task"], l["result"]
    if items.get(t, {}).get("kind") != "T" or items.get(r, {}).get("kind") != "R":
        err(f"follow_through {t}->{r}: unknown or wrong-kind id")
        continue
    if l["status"] not in ("done", "partial"):
        err(f"follow_through {t}->{r}: status {l['status']}")
    if unit_of(t) != unit_of(r):
        err(f"follow_through {t}->{r}: across units")
    if planned_of(r) <= planned_of(t):
        err(f"follow_through {t}->{r}: not forward in time")
    if items[r]["period"] != items[t]["period"]:
        err(f"follow_through {t}->{r}: result reports {items[r]['period']}, task is {items[t]['period']}")
    if (t, r) in seen:
        err(f"duplicate link {t}->{r}")
    seen.add((t, r))
    linked.add(frozenset((t, r)))
    ft_tasks.add(t)
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
for l in gold["carry_over"]:
    a, b = l["from"], l["to"]
    if items.get(a, {}).get("kind") != "T" or items.get(b, {}).get("kind") != "T":
        err(f"carry_over {a}->{b}: unknown or wrong-kind id")
        continue
    if l["kind"] not in KINDS:
        err(f"carry_over {a}->{b}: kind {l['kind']}")
    if unit_of(a) != unit_of(b):
        err(f"carry_over {a}->{b}: across units")
    if planned_of(b) <= planned_of(a):
        err(f"carry_over {a}->{b}: not forward in time")
    if (a, b) in seen:
        err(f"duplicate link {a}->{b}")
    seen.add((a, b))
    linked.add(frozenset((a, b)))
    co_tasks.add(a)

# ------------------------------------------------------------------ gaps
expected = sorted(i for i, it in items.items()
                  if it["kind"] == "T" and it["file"] != last_doc[docs[it["file"]]["unit"]]
                  and i not in ft_tasks and i not in co_tasks)
if sorted(gold["gaps"]) != expected:
    err(f"gaps {sorted(gold['gaps'])} != unlinked tasks of non-last documents {expected}")
if len(set(gold["gaps"])) != len(gold["gaps"]):
    err("duplicate gap")

# ------------------------------------------------------------------ decoys
if len(gold["cross_unit_decoys"]) < 12:
    err("fewer than 12 decoys")
low = 1.0
for a, b in gold["cross_unit_decoys"]:
    if a not in items or b not in items:
        err(f"decoy {a},{b}: unknown id")
        continue
    if unit_of(a) == unit_of(b):
        err(f"decoy {a},{b}: same unit")
    if frozenset((a, b)) in linked:
        err(f"decoy {a},{b}: linked")
    wa, wb = fold(items[a]["text"]), fold(items[b]["text"])
    j = len(wa & wb) / len(wa | wb)
    low = min(low, j)
    if j < 0.5:
        err(f"decoy {a},{b}: word overlap only {j:.2f}")

if errors:
    print("\n".join(errors))
    print(f"{len(errors)} problem(s)")
    sys.exit(1)
st = defaultdict(int)
for l in gold["follow_through"]:
    st[l["status"]] += 1
kd = defaultdict(int)
for l in gold["carry_over"]:
    kd[l["kind"]] += 1
print(f"documents {len(docs)}; tasks {sum(1 for i in items.values() if i['kind']=='T')}; "
      f"results {sum(1 for i in items.values() if i['kind']=='R')}; "
      f"follow-through {len(gold['follow_through'])} {dict(st)}; carry-over {len(gold['carry_over'])} {dict(kd)}; "
      f"gaps {len(gold['gaps'])}; decoys {len(gold['cross_unit_decoys'])} (min word overlap {low:.2f})")
print("OK")
