#!/usr/bin/env python3
"""Check gold.json and the documents of this folder. Prints OK or the list of problems."""
import json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
errs = []
def err(msg): errs.append(msg)

gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))

# ---- form -----------------------------------------------------------------
KEYS = {"documents", "tasks", "results", "follow_through", "carry_over", "gaps", "cross_unit_decoys"}
if set(gold) != KEYS:
    err("top-level keys %s" % sorted(gold))
for d in gold["documents"]:
    if set(d) != {"file", "unit", "reported_months", "planned_period"}:
        err("document keys %s" % d)
for k in ("tasks", "results"):
    for it in gold[k]:
        if set(it) != {"id", "file", "period", "text"} or not all(isinstance(it[x], str) for x in it):
            err("%s item form %s" % (k, it))
for l in gold["follow_through"]:
    if set(l) != {"task", "result", "status"}: err("follow_through form %s" % l)
for l in gold["carry_over"]:
    if set(l) != {"from", "to", "kind"}: err("carry_over form %s" % l)
if not all(isinstance(g, str) for g in gold["gaps"]): err("gaps form")
for p in gold["cross_unit_decoys"]:
    if not (isinstance(p, list) and len(p) == 2): err("decoy form %s" % p)

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
FNAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt$")

docs = {d["file"]: d for d in gold["documents"]}
if len(docs) != len(gold["documents"]): err("duplicate document")
on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
if sorted(docs) != on_disk: err("documents %s vs files on disk %s" % (sorted(docs), on_disk))

# ---- files: names, encoding, NFC, header --------------------------------------
texts = {}
for f, d in docs.items():
    m = FNAME.match(f)
    if not m: err("bad file name %s" % f); continue
    if m.group(2) != d["planned_period"]: err("%s: name month != planned_period" % f)
    if not MONTH.match(d["planned_period"]) or not all(MONTH.match(x) for x in d["reported_months"]):
        err("%s: bad month form" % f)
    raw = open(os.path.join(HERE, f), "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"): err("%s: BOM" % f)
    if b"\r" in raw: err("%s: CR line end" % f)
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError:
        err("%s: not UTF-8" % f); continue
    if unicodedata.normalize("NFC", t) != t: err("%s: not NFC" % f)
    if "{{" in t or "}}" in t: err("%s: hand mark left" % f)
    for need in ("ĐẢNG CỘNG SẢN VIỆT NAM", "Nơi nhận:", "BÁO CÁO"):
        if need not in t: err("%s: missing %r" % (f, need))
    if not re.search(r"^Số \d+-BC/ĐU$", t, re.M): err("%s: no 'Số ...' line" % f)
    if not re.search(r", ngày \d{1,2} tháng \d{1,2} năm \d{4}$", t, re.M): err("%s: no place/date line" % f)
    texts[f] = t

# ---- periods agree with the documents -----------------------------------------
for f, t in texts.items():
    d = docs[f]
    year = d["planned_period"][:4]
    m = re.search(r"và nhiệm vụ tháng (\d{1,2}) năm (\d{4})", t)
    if not m or "%s-%02d" % (m.group(2), int(m.group(1))) != d["planned_period"]:
        err("%s: title month != planned_period" % f)
    h = re.search(r"^I\. KẾT QUẢ.*\((THÁNG [^)]*)\)$", t, re.M)
    if not h: err("%s: no results heading with months" % f); continue
    hm = re.findall(r"THÁNG (\d{1,2})", h.group(1))
    hy = re.search(r"/(\d{4})", h.group(1)).group(1)
    if ["%s-%02d" % (hy, int(x)) for x in hm] != d["reported_months"]:
        err("%s: heading months %s != reported_months %s" % (f, hm, d["reported_months"]))
    if max(d["reported_months"]) >= d["planned_period"]:
        err("%s: reported months not before planned period" % f)

# ---- sections ----------------------------------------------------------------
def sections(t):
    """Return (results_span, tasks_span) as character ranges of the text."""
    lines = t.split("\n")
    pos, starts = 0, []
    for ln in lines:
        starts.append(pos); pos += len(ln) + 1
    r0 = r1 = k0 = k1 = None
    for i, ln in enumerate(lines):
        if r0 is None and ln.startswith("I. KẾT QUẢ"): r0 = starts[i]
        elif r0 is not None and r1 is None and re.match(r"^\d+\. Hạn chế", ln): r1 = starts[i]
        elif k0 is None and ln.startswith("II. NHIỆM VỤ"): k0 = starts[i]
        elif k0 is not None and k1 is None and ln.startswith("Trên đây"): k1 = starts[i]
    return (r0, r1), (k0, k1)

BULLET = re.compile(r"^(?:- |\(\d+\) |\d+\. )")
SENT_BREAK = re.compile(r"[.!?] +[A-ZĐÀÁẢÃẠÂĂÈÉÊÌÍÒÓÔƠÙÚƯỲÝ]")

by_id = {}
for k in ("tasks", "results"):
    for it in gold[k]:
        if it["id"] in by_id: err("duplicate id %s" % it["id"])
        by_id[it["id"]] = (k, it)

spans = {f: [] for f in texts}
for iid, (k, it) in by_id.items():
    f = it["file"]
    if f not in texts: err("%s: unknown file %s" % (iid, f)); continue
    t = texts[f]
    if unicodedata.normalize("NFC", it["text"]) != it["text"]: err("%s: text not NFC" % iid)
    n = t.count(it["text"])
    if n != 1: err("%s: text occurs %d times in %s" % (iid, n, f)); continue
    s = t.index(it["text"])
    spans[f].append((s, s + len(it["text"]), iid, k))
    if "\n" in it["text"]: err("%s: text spans lines" % iid)
    if SENT_BREAK.search(it["text"]): err("%s: more than one sentence" % iid)
    d = docs[f]
    if k == "tasks" and it["period"] != d["planned_period"]: err("%s: task period" % iid)
    if k == "results" and it["period"] not in d["reported_months"]: err("%s: result period" % iid)
    want = "T" if k == "tasks" else "R"
    m = re.match(r"^(LH|PT)-([TR])(\d{2})-\d+$", iid)
    if not m or m.group(2) != want or m.group(3) != d["planned_period"][5:]:
        err("%s: id does not fit its file/kind" % iid)

for f, t in texts.items():
    (r0, r1), (k0, k1) = sections(t)
    if None in (r0, r1, k0, k1): err("%s: sections not found" % f); continue
    sp = sorted(spans[f])
    for a, b in zip(sp, sp[1:]):
        if b[0] < a[1]: err("%s: %s overlaps %s" % (f, a[2], b[2]))
    for s, e, iid, k in sp:
        lo, hi = (r0, r1) if k == "results" else (k0, k1)
        if not (lo <= s and e <= hi): err("%s: %s outside its section" % (f, iid))
    covered = [False] * len(t)
    for s, e, _, _ in sp:
        for i in range(s, e): covered[i] = True
    # every item line (bullet or sentence ending in . or ;) of both sections is labelled
    for lo, hi, name in ((r0, r1, "results"), (k0, k1, "tasks")):
        pos = lo
        for ln in t[lo:hi].split("\n"):
            start = pos; pos += len(ln) + 1
            s = ln.strip()
            if not s or s.endswith(":"): continue          # blank line or lead-in
            if not s.endswith((".", ";")): continue         # heading
            if s.startswith(("Đảng ủy xã đề nghị", "Văn phòng Đảng ủy đề xuất", "Trên cơ sở")):
                continue
            m = BULLET.match(ln)
            body0 = start + (m.end() if m else 0)
            missing = [i for i in range(body0, start + len(ln)) if not t[i].isspace() and not covered[i]]
            if missing:
                err("%s: unlabelled text in %s section: %r" % (f, name, t[missing[0]:start + len(ln)][:60]))
            if m and covered[start] :
                err("%s: bullet marker inside an item: %r" % (f, ln[:30]))

# ---- counts per document --------------------------------------------------------
for f in texts:
    nt = sum(1 for it in gold["tasks"] if it["file"] == f)
    nr = sum(1 for it in gold["results"] if it["file"] == f)
    if not 10 <= nt <= 18: err("%s: %d tasks" % (f, nt))
    if not 10 <= nr <= 18: err("%s: %d results" % (f, nr))

# ---- links -----------------------------------------------------------------------
unit_docs = {}
for d in gold["documents"]:
    unit_docs.setdefault(d["unit"], []).append(d)
for u in unit_docs: unit_docs[u].sort(key=lambda d: d["planned_period"])
def unit_of(iid): return docs[by_id[iid][1]["file"]]["unit"]
def doc_of(iid): return docs[by_id[iid][1]["file"]]

def next_doc(d):
    L = unit_docs[d["unit"]]
    i = L.index(d)
    return L[i + 1] if i + 1 < len(L) else None

linked = set()
seen = set()
for l in gold["follow_through"]:
    t, r = l["task"], l["result"]
    if (t, r) in seen: err("duplicate follow_through %s" % l)
    seen.add((t, r))
    if by_id.get(t, ("",))[0] != "tasks" or by_id.get(r, ("",))[0] != "results":
        err("follow_through ids %s" % l); continue
    if l["status"] not in ("done", "partial"): err("status %s" % l)
    if unit_of(t) != unit_of(r): err("follow_through across units %s" % l)
    td, rd = doc_of(t), doc_of(r)
    if rd is not next_doc(td): err("follow_through not to the next document of the unit %s" % l)
    if by_id[t][1]["period"] not in rd["reported_months"]:
        err("follow_through: result document does not report the task's month %s" % l)
    if by_id[r][1]["period"] < by_id[t][1]["period"]: err("result period before task period %s" % l)
    linked.add(t)
seen = set()
for l in gold["carry_over"]:
    a, b = l["from"], l["to"]
    if (a, b) in seen: err("duplicate carry_over %s" % l)
    seen.add((a, b))
    if by_id.get(a, ("",))[0] != "tasks" or by_id.get(b, ("",))[0] != "tasks":
        err("carry_over ids %s" % l); continue
    if l["kind"] not in ("unfinished", "unfinished_reworded", "routine", "next_step", "split"):
        err("kind %s" % l)
    if unit_of(a) != unit_of(b): err("carry_over across units %s" % l)
    if not doc_of(b)["planned_period"] > doc_of(a)["planned_period"]: err("carry_over not forward %s" % l)
    linked.add(a)

# ---- gaps ------------------------------------------------------------------------
expect = set()
for it in gold["tasks"]:
    d = docs[it["file"]]
    if next_doc(d) is not None and it["id"] not in linked:
        expect.add(it["id"])
if set(gold["gaps"]) != expect or len(gold["gaps"]) != len(set(gold["gaps"])):
    err("gaps %s != unlinked tasks of non-last documents %s" % (sorted(gold["gaps"]), sorted(expect)))

# ---- decoys ----------------------------------------------------------------------
pairs = {(l["task"], l["result"]) for l in gold["follow_through"]} | \
        {(l["from"], l["to"]) for l in gold["carry_over"]}
if len(unit_docs) == 2 and not gold["cross_unit_decoys"]: err("two units but no decoys")
for p in gold["cross_unit_decoys"]:
    a, b = p
    if a not in by_id or b not in by_id: err("decoy ids %s" % p); continue
    if unit_of(a) == unit_of(b): err("decoy within one unit %s" % p)
    if (a, b) in pairs or (b, a) in pairs: err("decoy linked %s" % p)
    if by_id[a][0] != "tasks" and by_id[b][0] != "tasks": err("decoy with no task %s" % p)

if errs:
    for e in errs: print("ERROR:", e)
    sys.exit(1)
print("OK")
