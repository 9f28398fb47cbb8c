#!/usr/bin/env python3
"""Check gold.json of this folder against its documents.  Prints OK when every check passes.

  python3 check_gold.py [FOLDER]        (default: the folder of this script)

Checks:
  * form of gold.json (keys, fields, types, unique ids);
  * file names  <slug>_<YYYY-MM>.txt, the month equal to planned_period; every .txt listed;
  * files: UTF-8 without BOM, NFC, "\n" line ends, final newline;
  * header: state genre lines, "Số: .../BC-UBND", place and date (dated in the last reported
    month), title "BÁO CÁO ..." whose months agree with reported_months / planned_period,
    "Nơi nhận:" and a signature block;
  * every task/result text an exact, unique substring of its file; items do not overlap;
  * every bullet of the results and tasks sections, and every row of their tables, is
    labelled with an item of the right kind (headings, lead-ins ending with ":", page numbers,
    table borders/headers and the closing "Giao ... tổ chức thực hiện" skipped); a table row
    is labelled by its content cell joined across wrapped rows with one space if that is an
    exact substring of the file, else by the text of its first row; no item lies elsewhere;
  * 10-18 tasks and 10-18 results per document (0 results allowed for a report of nothing);
  * periods: a task's period is its document's planned_period, a result's one of its
    document's reported_months;
  * follow-through: same unit, the result in the first later document of the unit that
    reports on the task's month; status done|partial;
  * carry-over: same unit, forward in time, task to task; kind in the allowed set;
  * gaps: exactly the tasks with neither link in documents that are not their unit's last;
  * cross-unit decoys: pairs of items of two different units, never linked.
"""
import json
import os
import re
import sys
import unicodedata

FOLDER = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


def ym(s):
    m = re.fullmatch(r"(\d{4})-(\d{2})", s or "")
    if not m or not 1 <= int(m.group(2)) <= 12:
        return None
    return (int(m.group(1)), int(m.group(2)))


with open(os.path.join(FOLDER, "gold.json"), encoding="utf-8") as f:
    gold = json.load(f)

# ---------------------------------------------------------------- form
ALLOWED_TOP = {"documents", "tasks", "results", "follow_through", "carry_over", "gaps",
               "cross_unit_decoys"}
for k in gold:
    if k not in ALLOWED_TOP:
        err("unknown top-level key %r" % k)
for k in ALLOWED_TOP - {"cross_unit_decoys"}:
    if not isinstance(gold.get(k), list):
        err("missing or non-list key %r" % k)
docs = gold.get("documents", [])
tasks = gold.get("tasks", [])
results = gold.get("results", [])
ft = gold.get("follow_through", [])
co = gold.get("carry_over", [])
gaps = gold.get("gaps", [])
decoys = gold.get("cross_unit_decoys", [])

docmap = {}
for d in docs:
    if set(d) != {"file", "unit", "reported_months", "planned_period"}:
        err("document fields: %r" % d)
        continue
    if d["file"] in docmap:
        err("document listed twice: " + d["file"])
    if not isinstance(d["reported_months"], list) or not all(ym(x) for x in d["reported_months"]):
        err("bad reported_months in " + d["file"])
    if not ym(d["planned_period"]):
        err("bad planned_period in " + d["file"])
    docmap[d["file"]] = d

items = {}
for kind, lst in (("task", tasks), ("result", results)):
    for it in lst:
        if set(it) != {"id", "file", "period", "text"}:
            err("%s fields: %r" % (kind, it))
            continue
        if it["id"] in items:
            err("duplicate id " + it["id"])
        if it["file"] not in docmap:
            err("%s %s: unknown file %s" % (kind, it["id"], it["file"]))
        if not isinstance(it["text"], str) or not it["text"].strip():
            err("empty text " + it["id"])
        items[it["id"]] = dict(it, kind=kind)

# ---------------------------------------------------------------- files
NAME = re.compile(r"^([a-z0-9-]+)_(\d{4}-\d{2})\.txt$")
on_disk = sorted(f for f in os.listdir(FOLDER) if f.endswith(".txt"))
for f in on_disk:
    if f not in docmap:
        err("file not listed in gold.json: " + f)
texts = {}
for name, d in docmap.items():
    m = NAME.match(name)
    if not m:
        err("bad file name " + name)
    elif m.group(2) != d["planned_period"]:
        err("%s: name month != planned_period %s" % (name, d["planned_period"]))
    p = os.path.join(FOLDER, name)
    if not os.path.exists(p):
        err("missing file " + name)
        continue
    raw = open(p, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err(name + ": BOM")
    try:
        t = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err(name + ": not UTF-8: %s" % e)
        continue
    if "\r" in t:
        err(name + ": CR in line ends")
    if unicodedata.normalize("NFC", t) != t:
        err(name + ": not NFC")
    if not t.endswith("\n"):
        err(name + ": no final newline")
    texts[name] = t

# ---------------------------------------------------------------- headers and periods
MONTHS_ORDER = {}


def header_checks(name, t, d):
    lines = t.split("\n")
    for must in ("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                 "Độc lập - Tự do - Hạnh phúc", "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN"):
        if must not in lines:
            err("%s: no line %r" % (name, must))
    if not any(re.fullmatch(r"Số: \d+/BC-UBND", ln) for ln in lines):
        err(name + ": no 'Số: N/BC-UBND' line")
    dm = None
    for ln in lines:
        m = re.fullmatch(r"[^,]+, ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", ln)
        if m:
            dm = (int(m.group(3)), int(m.group(2)))
            break
    if not dm:
        err(name + ": no place and date line")
    elif d["reported_months"] and dm != ym(d["reported_months"][-1]):
        err("%s: dated %s, not in the last reported month" % (name, dm))
    if "BÁO CÁO" not in lines:
        err(name + ": no title")
        return
    i = lines.index("BÁO CÁO") + 1
    title = []
    while i < len(lines) and lines[i].strip():
        title.append(lines[i].strip())
        i += 1
    title = " ".join(title)
    if " và nhiệm vụ trọng tâm " not in title:
        err(name + ": title has no 'và nhiệm vụ trọng tâm'")
        return
    left, right = title.split(" và nhiệm vụ trọng tâm ", 1)
    mr = re.fullmatch(r"tháng (\d{1,2}) năm (\d{4})", right)
    if not mr:
        err(name + ": cannot read planned month in title: " + right)
        return
    planned = "%s-%02d" % (mr.group(2), int(mr.group(1)))
    if planned != d["planned_period"]:
        err("%s: title plans %s, gold says %s" % (name, planned, d["planned_period"]))
    months = [int(x) for x in re.findall(r"tháng (\d{1,2})", left)]
    years = re.findall(r"năm (\d{4})", left)
    year = years[-1] if years else mr.group(2)
    rep = ["%s-%02d" % (year, mm) for mm in months]
    if rep != d["reported_months"]:
        err("%s: title reports %s, gold says %s" % (name, rep, d["reported_months"]))


for name, d in docmap.items():
    if name in texts:
        header_checks(name, texts[name], d)
    if d["reported_months"] and ym(d["planned_period"]) and \
            not all(ym(x) and ym(x) < ym(d["planned_period"]) for x in d["reported_months"]):
        err(name + ": a reported month is not before the planned month")

# ---------------------------------------------------------------- substrings, overlaps
spans = {}
for iid, it in items.items():
    t = texts.get(it["file"])
    if t is None:
        continue
    c = t.count(it["text"])
    if c != 1:
        err("%s: text occurs %d times in %s: %r" % (iid, c, it["file"], it["text"]))
        continue
    s = t.index(it["text"])
    spans.setdefault(it["file"], []).append((s, s + len(it["text"]), iid))
for name, sp in spans.items():
    sp.sort()
    for a, b in zip(sp, sp[1:]):
        if b[0] < a[1]:
            err("%s: items %s and %s overlap" % (name, a[2], b[2]))

# ---------------------------------------------------------------- every item labelled
TOP = re.compile(r"^(?:[IVX]+|[A-Z])\. (.+)$")
SUB = re.compile(r"^(?:\d+(?:\.\d+)*\.|[IVX]+\.|[a-zđ]\))\s+\S.*[^.]$")


def section_of(line):
    m = TOP.match(line)
    if not m:
        return None
    rest = m.group(1)
    if rest != rest.upper() or not re.search(r"[A-ZÀ-Ỹ]", rest):
        return None
    if "KẾT QUẢ" in rest:
        return "result"
    if "HẠN CHẾ" in rest or "TỒN TẠI" in rest:
        return "limitation"
    if "NHIỆM VỤ" in rest or "PHƯƠNG HƯỚNG" in rest:
        return "task"
    return "other"


def cells_of(line):
    parts = line.split("│")
    return [p.strip() for p in parts[1:-1]]


claimed = set()
for name, t in texts.items():
    by_text = {}
    for iid, it in items.items():
        if it["file"] == name:
            by_text.setdefault(it["text"], []).append(iid)
    lines = t.split("\n")
    offs = []
    o = 0
    for ln in lines:
        offs.append(o)
        o += len(ln) + 1
    section = "front"
    i = 0

    def claim(label, kind, lo, hi, where):
        ids = by_text.get(label, [])
        if not ids:
            err("%s: unlabelled %s %s: %r" % (name, kind, where, label))
            return
        for iid in ids:
            it = items[iid]
            s = t.index(label)
            if it["kind"] != kind:
                err("%s: %s is a %s but stands in the %s section" % (name, iid, it["kind"], kind))
            if not (lo <= s and s + len(label) <= hi):
                err("%s: %s label not found at its place (%s)" % (name, iid, where))
            claimed.add(iid)

    while i < len(lines):
        ln = lines[i]
        sec = section_of(ln)
        if sec:
            section = sec
            i += 1
            continue
        if section not in ("result", "task"):
            i += 1
            continue
        kind = section
        if ln.startswith("┌"):
            j = i
            while j < len(lines) and not lines[j].startswith("└"):
                j += 1
            block = list(range(i, j + 1))
            rows = [k for k in block if lines[k].startswith("│")]
            seps = [k for k in block if lines[k].startswith("├")]
            header_end = -1
            if rows and cells_of(lines[rows[0]])[0] == "STT":
                header_end = seps[0] if seps else j
            logical = []
            for k in rows:
                if k < header_end:
                    continue
                c = cells_of(lines[k])
                if len(c) < 2:
                    err("%s line %d: table row without content cell" % (name, k + 1))
                    continue
                if c[0]:
                    logical.append([k, [c[1]] if c[1] else []])
                else:
                    if not logical:
                        err("%s line %d: continuation row without a row" % (name, k + 1))
                        continue
                    if any(x for n, x in enumerate(c) if n != 1):
                        err("%s line %d: continuation row has other cells filled" % (name, k + 1))
                    if c[1]:
                        logical[-1][1].append(c[1])
            for k, parts in logical:
                if not parts:
                    err("%s line %d: empty content cell" % (name, k + 1))
                    continue
                joined = " ".join(parts)
                label = joined if joined in t else parts[0]
                claim(label, kind, offs[i], offs[j] + len(lines[j]), "table row at line %d" % (k + 1))
            i = j + 1
            continue
        s = ln.strip()
        if not s or re.fullmatch(r"\d{1,3}", s):
            pass
        elif ln.startswith("- "):
            claim(ln[2:], kind, offs[i], offs[i] + len(ln), "bullet at line %d" % (i + 1))
        elif SUB.match(s) and len(s) < 90:
            pass
        elif s.endswith(":"):
            pass
        elif kind == "task" and s.startswith("Giao ") and "tổ chức thực hiện" in s:
            pass
        else:
            err("%s line %d: unlabelled prose in the %s section: %r" % (name, i + 1, kind, s[:60]))
        i += 1
for iid, it in items.items():
    if it["file"] in texts and iid not in claimed:
        err("%s: item not a bullet/table row of a %s section" % (iid, it["kind"]))

# ---------------------------------------------------------------- counts and periods
for name, d in docmap.items():
    nt = sum(1 for it in items.values() if it["file"] == name and it["kind"] == "task")
    nr = sum(1 for it in items.values() if it["file"] == name and it["kind"] == "result")
    if not 10 <= nt <= 18:
        err("%s: %d tasks" % (name, nt))
    if not (10 <= nr <= 18 or (nr == 0 and not d["reported_months"])):
        err("%s: %d results" % (name, nr))
for iid, it in items.items():
    d = docmap.get(it["file"])
    if not d:
        continue
    if it["kind"] == "task" and it["period"] != d["planned_period"]:
        err("%s: period %s != planned %s" % (iid, it["period"], d["planned_period"]))
    if it["kind"] == "result" and it["period"] not in d["reported_months"]:
        err("%s: period %s not reported by %s" % (iid, it["period"], it["file"]))

# ---------------------------------------------------------------- links
units = {}
for d in docs:
    units.setdefault(d["unit"], []).append(d)
for u in units:
    units[u].sort(key=lambda d: ym(d["planned_period"]) or (0, 0))


def unit_of(iid):
    return docmap[items[iid]["file"]]["unit"]


def doc_index(iid):
    d = docmap[items[iid]["file"]]
    return units[d["unit"]].index(d)


pairs = set()
for l in ft:
    if set(l) != {"task", "result", "status"}:
        err("follow_through fields: %r" % l)
        continue
    a, b = l["task"], l["result"]
    if a not in items or items[a]["kind"] != "task":
        err("follow_through: %s is not a task" % a)
        continue
    if b not in items or items[b]["kind"] != "result":
        err("follow_through: %s is not a result" % b)
        continue
    if l["status"] not in ("done", "partial"):
        err("follow_through %s->%s: status %r" % (a, b, l["status"]))
    if (a, b) in pairs:
        err("duplicate link %s->%s" % (a, b))
    pairs.add((a, b))
    if unit_of(a) != unit_of(b):
        err("follow_through %s->%s crosses units" % (a, b))
        continue
    ia, ib = doc_index(a), doc_index(b)
    udocs = units[unit_of(a)]
    first = None
    for d in udocs[ia + 1:]:
        if items[a]["period"] in d["reported_months"]:
            first = d["file"]
            break
    if ib <= ia:
        err("follow_through %s->%s not forward in time" % (a, b))
    elif items[b]["file"] != first:
        err("follow_through %s->%s: result not in the first report on %s (%s)"
            % (a, b, items[a]["period"], first))

KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
for l in co:
    if set(l) != {"from", "to", "kind"}:
        err("carry_over fields: %r" % l)
        continue
    a, b = l["from"], l["to"]
    if a not in items or items[a]["kind"] != "task" or b not in items or items[b]["kind"] != "task":
        err("carry_over %s->%s: both ends must be tasks" % (a, b))
        continue
    if l["kind"] not in KINDS:
        err("carry_over %s->%s: kind %r" % (a, b, l["kind"]))
    if (a, b) in pairs:
        err("duplicate link %s->%s" % (a, b))
    pairs.add((a, b))
    if unit_of(a) != unit_of(b):
        err("carry_over %s->%s crosses units" % (a, b))
    elif doc_index(b) <= doc_index(a) or ym(items[b]["period"]) <= ym(items[a]["period"]):
        err("carry_over %s->%s not forward in time" % (a, b))
splits = {}
for l in co:
    if l.get("kind") == "split":
        splits.setdefault(l["from"], []).append(l["to"])
for a, tos in splits.items():
    if len(tos) < 2:
        err("split from %s has only one target" % a)

linked = {l["task"] for l in ft} | {l["from"] for l in co}
expected_gaps = set()
for iid, it in items.items():
    if it["kind"] != "task" or it["file"] not in docmap:
        continue
    udocs = units[unit_of(iid)]
    if doc_index(iid) == len(udocs) - 1:
        continue
    if iid not in linked:
        expected_gaps.add(iid)
if len(set(gaps)) != len(gaps):
    err("duplicate gap ids")
for g in set(gaps) - expected_gaps:
    err("gap %s is linked, unknown, or in a last document" % g)
for g in expected_gaps - set(gaps):
    err("unlinked task %s missing from gaps" % g)

for p in decoys:
    if not (isinstance(p, list) and len(p) == 2 and all(x in items for x in p)):
        err("bad decoy pair %r" % (p,))
        continue
    a, b = p
    if unit_of(a) == unit_of(b):
        err("decoy pair %r within one unit" % (p,))
    if (a, b) in pairs or (b, a) in pairs:
        err("decoy pair %r is linked" % (p,))
if len(units) > 1 and not decoys:
    err("two or more units but no cross_unit_decoys")

# ---------------------------------------------------------------- report
if errors:
    for e in errors:
        print("ERROR:", e)
    print("%d error(s)" % len(errors))
    sys.exit(1)
print("documents %d, tasks %d, results %d, follow-through %d (done %d, partial %d), "
      "carry-over %d, gaps %d, decoys %d"
      % (len(docs), len(tasks), len(results), len(ft),
         sum(1 for l in ft if l["status"] == "done"), sum(1 for l in ft if l["status"] == "partial"),
         len(co), len(gaps), len(decoys)))
print("OK")
