#!/usr/bin/env python3
"""Check gold.json of this folder against its documents.  Prints OK, or the errors.

Checks: the form of gold.json; file names; UTF-8 / NFC / no BOM / \\n only; every item
text an exact unique substring of its file, items never overlapping; every bullet or
sentence of the results section and of the task sections ("2. Các chỉ tiêu chủ yếu",
"3. Nhiệm vụ, giải pháp") labelled, headings and lead-ins skipped, nothing labelled in
"Mục tiêu chung", "Hạn chế", "Nguyên nhân" or "Tổ chức thực hiện"; one sentence per item;
task/result counts per document; periods against the documents' text; links within one
unit and forward in time; statuses and kinds; gaps exactly the unlinked tasks of the
non-last documents of each unit; cross-unit decoys never linked.

Usage: python3 check_gold.py [FOLDER]   (default: the folder of this script)
"""
import json
import os
import re
import sys
import unicodedata

FOLDER = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
ERR = []


def err(msg):
    ERR.append(msg)


STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
NAME_RE = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4})-(\d{2})\.txt$")
MONTH_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
ID_RE = re.compile(r"^[TR]\d\d-\d+$")
HEADING_RE = re.compile(r"^(?:[IVX]+\.|\d+(?:\.\d+)*\.?|[a-zđ]\))\s+\S")
MARKER_RE = re.compile(r"^\s*(?:[-+•*]|\(\d+\)|\d+\))\s*")
MIN_ITEMS, MAX_ITEMS = 10, 18


def fold(s):
    s = unicodedata.normalize("NFD", s.lower()).replace("đ", "d")
    return "".join(c for c in s if unicodedata.category(c) != "Mn")


def month_num(s):
    return int(s[:4]) * 12 + int(s[5:7])


# ---------------------------------------------------------------- form
try:
    gold = json.load(open(os.path.join(FOLDER, "gold.json"), encoding="utf-8"))
except Exception as e:  # noqa
    print("gold.json unreadable: %s" % e)
    sys.exit(1)

for key, typ in (("documents", list), ("tasks", list), ("results", list),
                 ("follow_through", list), ("carry_over", list), ("gaps", list)):
    if not isinstance(gold.get(key), typ):
        err("gold.json: key %r missing or not a list" % key)
decoys = gold.get("cross_unit_decoys", [])
if not isinstance(decoys, list):
    err("cross_unit_decoys not a list")
    decoys = []
extra = set(gold) - {"documents", "tasks", "results", "follow_through", "carry_over",
                     "gaps", "cross_unit_decoys"}
if extra:
    err("gold.json: unknown keys %s" % sorted(extra))
if ERR:
    print("\n".join(ERR))
    sys.exit(1)

docs = {}
for d in gold["documents"]:
    if set(d) != {"file", "unit", "reported_months", "planned_period"}:
        err("document fields: %r" % d)
        continue
    if d["file"] in docs:
        err("document listed twice: %s" % d["file"])
    if not isinstance(d["reported_months"], list) or not all(
            isinstance(m, str) and MONTH_RE.match(m) for m in d["reported_months"]):
        err("%s: bad reported_months" % d["file"])
    if not (isinstance(d["planned_period"], str) and MONTH_RE.match(d["planned_period"])):
        err("%s: bad planned_period" % d["file"])
    if not isinstance(d["unit"], str) or not d["unit"].strip():
        err("%s: bad unit" % d["file"])
    docs[d["file"]] = d

items = {}
for kind, lst in (("task", gold["tasks"]), ("result", gold["results"])):
    for it in lst:
        if set(it) != {"id", "file", "period", "text"}:
            err("%s fields: %r" % (kind, it))
            continue
        if not ID_RE.match(it["id"]) or it["id"][0] != kind[0].upper():
            err("%s id badly formed: %s" % (kind, it["id"]))
        if it["id"] in items:
            err("duplicate id %s" % it["id"])
        if it["file"] not in docs:
            err("%s: unknown file %s" % (it["id"], it["file"]))
        if not isinstance(it["text"], str) or not it["text"].strip():
            err("%s: empty text" % it["id"])
        if it["text"] != it["text"].strip():
            err("%s: text has outer whitespace" % it["id"])
        items[it["id"]] = dict(it, kind=kind)
if ERR:
    print("\n".join(ERR))
    sys.exit(1)

# ---------------------------------------------------------------- files
on_disk = sorted(f for f in os.listdir(FOLDER) if f.endswith(".txt"))
if sorted(docs) != on_disk:
    err("documents in gold.json %s != .txt files on disk %s" % (sorted(docs), on_disk))

texts = {}
for f, d in docs.items():
    m = NAME_RE.match(f)
    if not m:
        err("%s: file name not <slug>_<YYYY-MM>.txt" % f)
        continue
    if "%s-%s" % (m.group(2), m.group(3)) != d["planned_period"]:
        err("%s: name month != planned_period %s" % (f, d["planned_period"]))
    try:
        raw = open(os.path.join(FOLDER, f), "rb").read()
    except OSError as e:
        err("%s: %s" % (f, e))
        continue
    if raw.startswith(b"\xef\xbb\xbf"):
        err("%s: BOM" % f)
    if b"\r" in raw:
        err("%s: CR line ends" % f)
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err("%s: not UTF-8 (%s)" % (f, e))
        continue
    if unicodedata.normalize("NFC", t) != t:
        err("%s: not NFC" % f)
    if "{{" in t or "}}" in t:
        err("%s: hand marks left in the text" % f)
    texts[f] = t

# ---------------------------------------------------------------- substrings, overlaps
spans = {f: [] for f in texts}
for iid, it in items.items():
    t = texts.get(it["file"])
    if t is None:
        continue
    if unicodedata.normalize("NFC", it["text"]) != it["text"]:
        err("%s: text not NFC" % iid)
    n = t.count(it["text"])
    if n != 1:
        err("%s: text found %d times in %s" % (iid, n, it["file"]))
        continue
    s = t.index(it["text"])
    if "\n" in it["text"]:
        err("%s: text spans lines" % iid)
    spans[it["file"]].append((s, s + len(it["text"]), iid))
    # one sentence per item: no ". X" (capital) inside
    body = it["text"]
    for mm in re.finditer(r"[.!?]\s+(\S)", body):
        if mm.group(1).isupper() or mm.group(1).isdigit():
            err("%s: looks like more than one sentence: ...%s..." %
                (iid, body[max(0, mm.start() - 20):mm.end() + 10]))
    if not body.endswith((".", ";")):
        err("%s: item does not end a sentence" % iid)
for f, sp in spans.items():
    sp.sort()
    for (a1, b1, i1), (a2, b2, i2) in zip(sp, sp[1:]):
        if a2 < b1:
            err("%s: items %s and %s overlap" % (f, i1, i2))


# ---------------------------------------------------------------- sections
def line_spans(t):
    pos = 0
    for ln in t.split("\n"):
        yield pos, ln
        pos += len(ln) + 1


def section_of(t):
    """Return list of (start, end, name) character ranges of the sections."""
    lines = list(line_spans(t))
    marks = {}
    for pos, ln in lines:
        s = ln.strip()
        fs = fold(MARKER_RE.sub("", re.sub(r"^[IVX]+\.\s*", "", s)))
        if fs.startswith("phan thu nhat") and "p1" not in marks:
            marks["p1"] = pos
        elif fs.startswith("han che") and "p1" in marks and "lim" not in marks:
            marks["lim"] = pos
        elif fs.startswith("phan thu hai") and "p2" not in marks:
            marks["p2"] = pos
        elif re.match(r"^1\.\s*muc tieu chung", fold(s)) and "goal" not in marks:
            marks["goal"] = pos
        elif re.match(r"^2\.\s*cac chi tieu chu yeu", fold(s)) and "targets" not in marks:
            marks["targets"] = pos
        elif re.match(r"^3\.\s*nhiem vu, giai phap", fold(s)) and "tasks" not in marks:
            marks["tasks"] = pos
        elif fs.startswith("phan thu ba") and "p3" not in marks:
            marks["p3"] = pos
    need = ["p1", "lim", "p2", "goal", "targets", "tasks", "p3"]
    miss = [k for k in need if k not in marks]
    if miss:
        return None, miss
    order = [marks[k] for k in need]
    if order != sorted(order):
        return None, ["order"]
    return [(marks["p1"], marks["lim"], "results"),
            (marks["lim"], marks["p2"], "limits"),
            (marks["goal"], marks["targets"], "goal"),
            (marks["targets"], marks["p3"], "tasks")], []


per_doc = {f: {"task": [], "result": []} for f in docs}
for iid, it in items.items():
    per_doc[it["file"]][it["kind"]].append(iid)

for f, t in texts.items():
    secs, miss = section_of(t)
    if secs is None:
        err("%s: sections not found %s" % (f, miss))
        continue
    sp = spans[f]
    # items sit in the right section
    for a, b, iid in sp:
        where = [name for (s, e, name) in secs if s <= a < e]
        want = "results" if items[iid]["kind"] == "result" else "tasks"
        if where != [want]:
            err("%s: %s (%s) lies in section %s" % (f, iid, items[iid]["kind"], where or "none"))
    # every bullet / sentence of the results and tasks sections is labelled
    for s, e, name in secs:
        if name not in ("results", "tasks"):
            continue
        for pos, ln in line_spans(t):
            if pos < s or pos >= e:
                continue
            st = ln.strip()
            if not st:
                continue
            fs = fold(st)
            if fs.startswith(("phan thu", "muc tieu")):
                continue
            if st.endswith(":"):
                continue  # lead-in
            inside = [(a, b) for (a, b, _) in sp if pos <= a and b <= pos + len(ln)]
            if HEADING_RE.match(st) and not inside and not st.endswith((".", ";")):
                continue  # heading
            if not inside and st == st.upper() and not st.endswith((".", ";")):
                continue  # title line in capitals
            chars = list(ln)
            for a, b in inside:
                for k in range(a - pos, b - pos):
                    chars[k] = " "
            rest = "".join(chars)
            rest = re.sub(r"(?:^|\s)(?:[-+•*]|\(\d+\)|\d+\)|[a-zđ]\))(?=\s|$)", " ", rest)
            if rest.strip():
                err("%s: unlabelled text in %s section: %r" % (f, name, rest.strip()[:90]))
    # counts
    nt, nr = len(per_doc[f]["task"]), len(per_doc[f]["result"])
    if not MIN_ITEMS <= nt <= MAX_ITEMS:
        err("%s: %d tasks (want %d-%d)" % (f, nt, MIN_ITEMS, MAX_ITEMS))
    if nr and not MIN_ITEMS <= nr <= MAX_ITEMS:
        err("%s: %d results (want %d-%d)" % (f, nr, MIN_ITEMS, MAX_ITEMS))

# ---------------------------------------------------------------- periods vs text
for f, t in texts.items():
    d = docs[f]
    py, pm = int(d["planned_period"][:4]), int(d["planned_period"][5:])
    head = t[:1500]
    m = re.search(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", head)
    if not m:
        err("%s: no date in header" % f)
    else:
        issued = int(m.group(3)) * 12 + int(m.group(2))
        if issued != py * 12 + pm - 1:
            err("%s: issued %s/%s, not the month before %s" %
                (f, m.group(2), m.group(3), d["planned_period"]))
    if not re.search(r"về lãnh đạo thực hiện nhiệm vụ tháng 0?%d năm %d" % (pm, py), head):
        err("%s: title does not name the planned month %s" % (f, d["planned_period"]))
    p2 = re.search(r"MỤC TIÊU, CHỈ TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP THÁNG 0?%d NĂM %d" % (pm, py), t)
    if not p2:
        err("%s: Phần thứ hai does not name %s" % (f, d["planned_period"]))
    m1 = re.search(r"ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NHIỆM VỤ ([^\n]*)", t)
    if not m1:
        err("%s: Phần thứ nhất title not found" % f)
    else:
        title = m1.group(1)
        said = set()
        for mm in re.finditer(r"THÁNG 0?(\d{1,2})", title):
            said.add(int(mm.group(1)))
        yy = re.search(r"NĂM (\d{4})", title)
        got = sorted("%s-%02d" % (yy.group(1) if yy else "????", x) for x in said)
        if got != sorted(d["reported_months"]):
            err("%s: reported months in text %s != gold %s" % (f, got, d["reported_months"]))
for iid, it in items.items():
    d = docs[it["file"]]
    if it["kind"] == "task" and it["period"] != d["planned_period"]:
        err("%s: task period %s != planned %s" % (iid, it["period"], d["planned_period"]))
    if it["kind"] == "result" and it["period"] not in d["reported_months"]:
        err("%s: result period %s not among reported %s" % (iid, it["period"], d["reported_months"]))

# unit chronology: each unit's documents, planned periods strictly increasing,
# reported months of a document = the months after the previous document's plan
by_unit = {}
for f, d in docs.items():
    by_unit.setdefault(d["unit"], []).append(d)
for u, ds in by_unit.items():
    ds.sort(key=lambda d: d["planned_period"])
    pps = [d["planned_period"] for d in ds]
    if len(set(pps)) != len(pps):
        err("%s: two documents plan the same month" % u)
    for prev, cur in zip(ds, ds[1:]):
        want = list(range(month_num(prev["planned_period"]), month_num(cur["planned_period"])))
        got = sorted(month_num(m) for m in cur["reported_months"])
        if got != want:
            err("%s: reported months %s do not cover the months since %s" %
                (cur["file"], cur["reported_months"], prev["file"]))
last_doc = {u: ds[-1]["file"] for u, ds in by_unit.items()}
doc_rank = {}
for u, ds in by_unit.items():
    for k, d in enumerate(ds):
        doc_rank[d["file"]] = k

# ---------------------------------------------------------------- links
linked_from = set()
pairs = set()
seen_ft = set()
for ln in gold["follow_through"]:
    if set(ln) != {"task", "result", "status"}:
        err("follow_through fields: %r" % ln)
        continue
    t, r = items.get(ln["task"]), items.get(ln["result"])
    if not t or t["kind"] != "task":
        err("follow_through: %s is not a task" % ln["task"])
        continue
    if not r or r["kind"] != "result":
        err("follow_through: %s is not a result" % ln["result"])
        continue
    if ln["status"] not in STATUSES:
        err("follow_through %s->%s: status %r" % (t["id"], r["id"], ln["status"]))
    if (t["id"], r["id"]) in seen_ft:
        err("follow_through %s->%s listed twice" % (t["id"], r["id"]))
    seen_ft.add((t["id"], r["id"]))
    dt, dr = docs[t["file"]], docs[r["file"]]
    if dt["unit"] != dr["unit"]:
        err("follow_through %s->%s crosses units" % (t["id"], r["id"]))
    elif doc_rank[r["file"]] != doc_rank[t["file"]] + 1:
        err("follow_through %s->%s: result not in the next document of the unit" % (t["id"], r["id"]))
    if month_num(r["period"]) < month_num(t["period"]):
        err("follow_through %s->%s: result reports on an earlier month" % (t["id"], r["id"]))
    linked_from.add(t["id"])
    pairs.add(frozenset((t["id"], r["id"])))
seen_co = set()
for ln in gold["carry_over"]:
    if set(ln) != {"from", "to", "kind"}:
        err("carry_over fields: %r" % ln)
        continue
    a, b = items.get(ln["from"]), items.get(ln["to"])
    if not a or a["kind"] != "task" or not b or b["kind"] != "task":
        err("carry_over %s->%s: both ends must be tasks" % (ln["from"], ln["to"]))
        continue
    if ln["kind"] not in KINDS:
        err("carry_over %s->%s: kind %r" % (a["id"], b["id"], ln["kind"]))
    if (a["id"], b["id"]) in seen_co:
        err("carry_over %s->%s listed twice" % (a["id"], b["id"]))
    seen_co.add((a["id"], b["id"]))
    if docs[a["file"]]["unit"] != docs[b["file"]]["unit"]:
        err("carry_over %s->%s crosses units" % (a["id"], b["id"]))
    if month_num(b["period"]) <= month_num(a["period"]):
        err("carry_over %s->%s not forward in time" % (a["id"], b["id"]))
    linked_from.add(a["id"])
    pairs.add(frozenset((a["id"], b["id"])))
split_from = {}
for ln in gold["carry_over"]:
    if ln.get("kind") == "split":
        split_from.setdefault(ln["from"], []).append(ln["to"])
for a, tos in split_from.items():
    if len(tos) < 2:
        err("carry_over split from %s has only one target" % a)

# gaps
want_gaps = sorted(iid for iid, it in items.items()
                   if it["kind"] == "task" and it["file"] != last_doc[docs[it["file"]]["unit"]]
                   and iid not in linked_from)
got_gaps = sorted(gold["gaps"])
if len(set(got_gaps)) != len(got_gaps):
    err("gaps listed twice")
if got_gaps != want_gaps:
    err("gaps %s != unlinked tasks of non-last documents %s" % (got_gaps, want_gaps))

# decoys
for p in decoys:
    if not (isinstance(p, list) and len(p) == 2 and all(x in items for x in p)):
        err("decoy pair malformed or unknown ids: %r" % (p,))
        continue
    a, b = items[p[0]], items[p[1]]
    if docs[a["file"]]["unit"] == docs[b["file"]]["unit"]:
        err("decoy pair %r within one unit" % (p,))
    if frozenset(p) in pairs:
        err("decoy pair %r is linked" % (p,))

if ERR:
    print("\n".join(ERR))
    print("FAILED: %d error(s)" % len(ERR))
    sys.exit(1)
print("OK")
