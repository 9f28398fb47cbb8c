#!/usr/bin/env python3
"""Check gold.json of this series against its documents. Prints OK or the problems."""
import json, os, re, sys, unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
FNAME = re.compile(r"^([a-z0-9-]+)_(\d{4}-\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
WORDS = ["Một", "Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy", "Tám", "Chín", "Mười",
         "Mười một", "Mười hai"]
HEAD = re.compile(r"^([IVX]+)\. (.+)$")


def month_forms(ym):
    y, m = ym.split("-")
    m = int(m)
    forms = {f"tháng {m}", f"tháng {m:02d}", f"THÁNG {m}", f"THÁNG {m:02d}",
             f"tháng {ROMAN[m-1]}", f"THÁNG {ROMAN[m-1]}", f"tháng {WORDS[m-1]}",
             f"THÁNG {WORDS[m-1].upper()}"}
    return forms, y


def mentions(text, ym):
    forms, y = month_forms(ym)
    for f in forms:
        for mm in re.finditer(re.escape(f) + r"(?![0-9IVX]| một| hai| MỘT| HAI)", text):
            return True
    return False


try:
    gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
except Exception as e:
    print("cannot read gold.json:", e)
    sys.exit(1)

# ---- form
for key, typ in [("documents", list), ("tasks", list), ("results", list),
                 ("follow_through", list), ("carry_over", list), ("gaps", list)]:
    if not isinstance(gold.get(key), typ):
        err(f"gold.json: '{key}' missing or not a {typ.__name__}")
if errors:
    print("\n".join(errors)); sys.exit(1)
decoys = gold.get("cross_unit_decoys", [])
for k in gold:
    if k not in {"documents", "tasks", "results", "follow_through", "carry_over", "gaps",
                 "cross_unit_decoys"}:
        err(f"gold.json: unknown key {k}")

docs = {}
for d in gold["documents"]:
    for k in ("file", "unit", "reported_months", "planned_period"):
        if k not in d:
            err(f"document {d}: missing {k}")
    f = d["file"]
    m = FNAME.match(f)
    if not m:
        err(f"{f}: bad file name")
        continue
    if m.group(2) != d["planned_period"]:
        err(f"{f}: file month != planned_period {d['planned_period']}")
    if not MONTH.match(d["planned_period"]) or not all(MONTH.match(x) for x in d["reported_months"]):
        err(f"{f}: bad month format")
    if any(x >= d["planned_period"] for x in d["reported_months"]):
        err(f"{f}: a reported month is not before the planned period")
    if f in docs:
        err(f"{f}: listed twice")
    docs[f] = d

# ---- files: UTF-8, NFC, \n, no BOM
texts = {}
for f in docs:
    p = os.path.join(HERE, f)
    if not os.path.exists(p):
        err(f"{f}: file missing"); continue
    raw = open(p, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err(f"{f}: BOM")
    if b"\r" in raw:
        err(f"{f}: CR line ends")
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err(f"{f}: not UTF-8 ({e})"); continue
    if unicodedata.normalize("NFC", t) != t:
        err(f"{f}: not NFC")
    if "{{" in t or "}}" in t:
        err(f"{f}: hand marks left in the text")
    texts[f] = t
for f in os.listdir(HERE):
    if f.endswith(".txt") and f not in docs:
        err(f"{f}: document not in gold.json")

# ---- items
items = {}
by_file = defaultdict(list)
for kind, lst in (("task", gold["tasks"]), ("result", gold["results"])):
    for it in lst:
        for k in ("id", "file", "period", "text"):
            if k not in it:
                err(f"{kind} {it}: missing {k}")
        iid = it["id"]
        if iid in items:
            err(f"{iid}: duplicate id")
        items[iid] = dict(it, kind=kind)
        f = it["file"]
        if f not in docs:
            err(f"{iid}: unknown file {f}"); continue
        d = docs[f]
        if kind == "task" and it["period"] != d["planned_period"]:
            err(f"{iid}: period {it['period']} != planned period of {f}")
        if kind == "result" and it["period"] not in d["reported_months"]:
            err(f"{iid}: period {it['period']} not a reported month of {f}")
        t = texts.get(f, "")
        txt = it["text"]
        if not txt or txt != txt.strip():
            err(f"{iid}: empty text or outer spaces")
        if unicodedata.normalize("NFC", txt) != txt:
            err(f"{iid}: text not NFC")
        n = t.count(txt)
        if n != 1:
            err(f"{iid}: text occurs {n} times in {f}")
        else:
            s = t.index(txt)
            by_file[f].append((s, s + len(txt), iid))
        if re.search(r"[.!?;:] *\n|\n", txt):
            err(f"{iid}: text spans lines")
        if re.search(r"[.!?] [A-ZĐÀ-Ỹ]", txt):
            err(f"{iid}: text holds more than one sentence")

for f, spans in by_file.items():
    spans.sort()
    for (a1, b1, i1), (a2, b2, i2) in zip(spans, spans[1:]):
        if a2 < b1:
            err(f"{f}: {i1} and {i2} overlap")

# ---- sections: every bullet of results, every row of the task table is labelled
for f, t in texts.items():
    d = docs[f]
    lines = t.split("\n")
    section = None
    bullets, rows = [], []
    heads = []
    for ln in lines:
        h = HEAD.match(ln)
        if h:
            title = h.group(2)
            if title.startswith("KẾT QUẢ"):
                section = "results"
            elif title.startswith("HẠN CHẾ"):
                section = "limits"
            elif title.startswith("NHIỆM VỤ") or title.startswith("PHƯƠNG HƯỚNG"):
                section = "tasks"
            else:
                section = "other"
                err(f"{f}: unknown section heading {ln!r}")
            heads.append((section, title))
            continue
        if ln.startswith("Giao ") or ln.startswith("Nơi nhận"):
            section = None
        if section == "results" and ln.startswith("- "):
            bullets.append(ln[2:])
        elif section == "results" and ln.strip() and not re.match(r"^\d+\. ", ln) and not ln.endswith(":"):
            err(f"{f}: result-section line neither bullet, heading nor lead-in: {ln[:60]!r}")
        if section == "tasks" and " | " in ln:
            cells = ln.split(" | ")
            if cells[0] == "TT":
                if cells != ["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"]:
                    err(f"{f}: bad table header")
                continue
            if len(cells) != 4 or not cells[0].isdigit():
                err(f"{f}: bad table row {ln[:60]!r}")
                continue
            rows.append((int(cells[0]), cells[1]))
    res_texts = {items[i]["text"] for i in items if items[i]["file"] == f and items[i]["kind"] == "result"}
    task_texts = {items[i]["text"] for i in items if items[i]["file"] == f and items[i]["kind"] == "task"}
    for b in bullets:
        if b not in res_texts:
            err(f"{f}: unlabelled result bullet {b[:60]!r}")
    if len(bullets) != len(res_texts):
        err(f"{f}: {len(bullets)} result bullets but {len(res_texts)} result items")
    for i, (n, c) in enumerate(rows, 1):
        if n != i:
            err(f"{f}: table row numbered {n}, expected {i}")
        if c not in task_texts:
            err(f"{f}: unlabelled task row {c[:60]!r}")
    if len(rows) != len(task_texts):
        err(f"{f}: {len(rows)} task rows but {len(task_texts)} task items")
    nt, nr = len(task_texts), len(res_texts)
    if not 10 <= nt <= 18:
        err(f"{f}: {nt} tasks (10..18)")
    if not (10 <= nr <= 18 or nr == 0):
        err(f"{f}: {nr} results (10..18 or none)")
    # periods agree with the document: headings name the months
    task_heads = [h for s, h in heads if s == "tasks"]
    res_heads = " ".join(h for s, h in heads if s == "results")
    if not task_heads or not mentions(task_heads[0], d["planned_period"]) \
            or d["planned_period"][:4] not in task_heads[0]:
        err(f"{f}: task heading does not name {d['planned_period']}")
    for rm in d["reported_months"]:
        if not mentions(res_heads, rm) or rm[:4] not in res_heads:
            err(f"{f}: results headings do not name {rm}")
    # header of the Party genre
    head = "\n".join(lines[:12])
    if "ĐẢNG CỘNG SẢN VIỆT NAM" not in head or not re.search(r"Số \d+-TB/ĐU", head) \
            or not re.search(r", ngày \d+ tháng \d+ năm \d{4}", head):
        err(f"{f}: header incomplete")
    if "Nơi nhận:" not in t or "T/M BAN THƯỜNG VỤ" not in t:
        err(f"{f}: closing incomplete")

# ---- links
unit_of = {f: d["unit"] for f, d in docs.items()}
ft_tasks, co_from = set(), set()
seen = set()
for l in gold["follow_through"]:
    t, r, s = l.get("task"), l.get("result"), l.get("status")
    if (t, r) in seen:
        err(f"follow-through {t}->{r} twice")
    seen.add((t, r))
    if t not in items or items[t]["kind"] != "task":
        err(f"follow-through: {t} is not a task"); continue
    if r not in items or items[r]["kind"] != "result":
        err(f"follow-through: {r} is not a result"); continue
    if s not in STATUSES:
        err(f"follow-through {t}->{r}: status {s}")
    T, R = items[t], items[r]
    if unit_of[T["file"]] != unit_of[R["file"]]:
        err(f"follow-through {t}->{r}: across units")
    if docs[R["file"]]["planned_period"] <= T["period"]:
        err(f"follow-through {t}->{r}: not forward in time")
    if R["period"] != T["period"]:
        err(f"follow-through {t}->{r}: result reports {R['period']}, task is for {T['period']}")
    first = min((f for f, d in docs.items() if d["unit"] == unit_of[T["file"]]
                 and T["period"] in d["reported_months"]), key=lambda f: docs[f]["planned_period"])
    if R["file"] != first:
        err(f"follow-through {t}->{r}: not in the first document reporting {T['period']}")
    ft_tasks.add(t)
seen = set()
for l in gold["carry_over"]:
    a, b, k = l.get("from"), l.get("to"), l.get("kind")
    if (a, b) in seen:
        err(f"carry-over {a}->{b} twice")
    seen.add((a, b))
    if a not in items or items[a]["kind"] != "task" or b not in items or items[b]["kind"] != "task":
        err(f"carry-over {a}->{b}: not two tasks"); continue
    if k not in KINDS:
        err(f"carry-over {a}->{b}: kind {k}")
    if unit_of[items[a]["file"]] != unit_of[items[b]["file"]]:
        err(f"carry-over {a}->{b}: across units")
    if items[b]["period"] <= items[a]["period"]:
        err(f"carry-over {a}->{b}: not forward in time")
    co_from.add(a)

# ---- gaps: exactly the unlinked tasks of documents that are not their unit's last
last = {}
for f, d in docs.items():
    u = d["unit"]
    if u not in last or d["planned_period"] > docs[last[u]]["planned_period"]:
        last[u] = f
expected = {i for i, it in items.items() if it["kind"] == "task"
            and it["file"] != last[unit_of[it["file"]]]
            and i not in ft_tasks and i not in co_from}
given = set(gold["gaps"])
if len(given) != len(gold["gaps"]):
    err("gaps: duplicates")
for i in sorted(expected - given):
    err(f"gaps: {i} is unlinked but not listed")
for i in sorted(given - expected):
    err(f"gaps: {i} listed but linked, unknown or in a last document")

# ---- decoys
linked = {(l["task"], l["result"]) for l in gold["follow_through"]} | \
         {(l["from"], l["to"]) for l in gold["carry_over"]}
units = set(unit_of.values())
if decoys and len(units) < 2:
    err("cross_unit_decoys given for a one-unit series")
for p in decoys:
    if len(p) != 2 or any(x not in items for x in p):
        err(f"decoy {p}: unknown ids"); continue
    a, b = p
    if unit_of[items[a]["file"]] == unit_of[items[b]["file"]]:
        err(f"decoy {p}: same unit")
    if (a, b) in linked or (b, a) in linked:
        err(f"decoy {p}: linked")

if errors:
    print("\n".join(errors))
    print(f"{len(errors)} problem(s)")
    sys.exit(1)
nd = len(docs)
print(f"OK  {nd} documents, {sum(1 for i in items.values() if i['kind']=='task')} tasks, "
      f"{sum(1 for i in items.values() if i['kind']=='result')} results, "
      f"{len(gold['follow_through'])} follow-through, {len(gold['carry_over'])} carry-over, "
      f"{len(gold['gaps'])} gaps, {len(decoys)} decoys")
