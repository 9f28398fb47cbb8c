#!/usr/bin/env python3
"""Check gold.json of this folder against its documents. Prints OK or the list of problems.

Checks: the form; file names; UTF-8 (strict), NFC, no BOM, \\n line ends; every item text an
exact unique substring of its file, items not overlapping; every bullet/sentence of the
results and tasks sections labelled (headings and lead-ins skipped) and nothing labelled
outside them; task/result counts per document; periods agree with the documents (file
name, title, date, item periods); links within one unit and forward in time (a
follow-through result sits in the first later document reporting the task's month);
allowed statuses and kinds; gaps exactly the unlinked tasks of non-last documents;
decoys cross-unit and never linked.
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
NAME = re.compile(r"^[a-z0-9-]+_(\d{4}-\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
HEADING = re.compile(r"^(?:[IVX]+|\d+(?:\.\d+)*|[a-zđ])[.)]\s+\S")
RES_START = re.compile(r"^(?:\d+|[IVX]+)\.\s+(?:kết quả)", re.I)
LIM_START = re.compile(r"^(?:\d+|[IVX]+)\.\s+(?:hạn chế)", re.I)
TASK_START = re.compile(r"^(?:\d+|[IVX]+)\.\s+.*(?:nhiệm vụ trọng tâm|phương hướng)", re.I)
TASK_END = re.compile(r"^(?:Ban Thường vụ Đảng ủy giao|Giao |[IVX]+\.\s+TỔ CHỨC THỰC HIỆN|Nơi nhận)")
MARKER = re.compile(r"^(?:- |\+ |\(\d+\)\s+|\d+\)\s+)")
SENT_BREAK = re.compile(r"[.!?…]\s+[A-ZÀ-ỸĐ(“]")
DATE = re.compile(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})")
ROMAN_Q = {1: "I", 2: "II", 3: "III", 4: "IV"}

problems = []


def bad(msg):
    problems.append(msg)


def sections(text):
    """Return {'results': [(start,end)], 'tasks': [(start,end)]} as line-offset ranges."""
    lines = text.split("\n")
    offs, pos = [], 0
    for ln in lines:
        offs.append(pos)
        pos += len(ln) + 1
    state, out = None, {"results": [], "tasks": []}
    cur = None
    for i, ln in enumerate(lines):
        s = ln.strip()
        new = None
        if RES_START.match(s):
            new = "results"
        elif TASK_START.match(s):
            new = "tasks"
        elif LIM_START.match(s) or (state == "tasks" and TASK_END.match(s)):
            new = "none"
        if new:
            if state in ("results", "tasks"):
                out[state].append((cur, i))
            state, cur = new, i + 1
    if state in ("results", "tasks"):
        out[state].append((cur, len(lines)))
    return lines, offs, out


def main():
    gp = os.path.join(HERE, "gold.json")
    try:
        gold = json.load(open(gp, encoding="utf-8"))
    except Exception as e:  # noqa
        print(f"gold.json unreadable: {e}")
        return 1

    # ---------------- form
    for k, t in (("documents", list), ("tasks", list), ("results", list),
                 ("follow_through", list), ("carry_over", list), ("gaps", list),
                 ("cross_unit_decoys", list)):
        if not isinstance(gold.get(k), t):
            bad(f"form: '{k}' missing or not a {t.__name__}")
    if problems:
        print("\n".join(problems))
        return 1
    extra = set(gold) - {"documents", "tasks", "results", "follow_through", "carry_over",
                         "gaps", "cross_unit_decoys"}
    if extra:
        bad(f"form: unexpected keys {sorted(extra)}")

    docs = {}
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            bad(f"form: document keys {sorted(d)}")
            continue
        if d["file"] in docs:
            bad(f"duplicate document {d['file']}")
        docs[d["file"]] = d
        m = NAME.match(d["file"])
        if not m:
            bad(f"file name {d['file']!r} not <slug>_<YYYY-MM>.txt")
        elif m.group(1) != d["planned_period"]:
            bad(f"{d['file']}: name month != planned_period {d['planned_period']}")
        if not MONTH.match(d["planned_period"]):
            bad(f"{d['file']}: bad planned_period")
        if not d["reported_months"] or any(not MONTH.match(x) for x in d["reported_months"]):
            bad(f"{d['file']}: bad reported_months")
        elif max(d["reported_months"]) >= d["planned_period"]:
            bad(f"{d['file']}: a reported month is not before the planned period")
        if not isinstance(d["unit"], str) or not d["unit"]:
            bad(f"{d['file']}: empty unit")

    on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if sorted(docs) != on_disk:
        bad(f"documents in gold {sorted(docs)} != .txt files on disk {on_disk}")

    # ---------------- files: encoding, NFC, line ends
    texts = {}
    for f in docs:
        p = os.path.join(HERE, f)
        if not os.path.exists(p):
            bad(f"{f}: missing")
            continue
        b = open(p, "rb").read()
        if b.startswith(b"\xef\xbb\xbf"):
            bad(f"{f}: BOM")
        if b"\r" in b:
            bad(f"{f}: CR line ends")
        try:
            t = b.decode("utf-8")
        except UnicodeDecodeError as e:
            bad(f"{f}: not UTF-8 ({e})")
            continue
        if unicodedata.normalize("NFC", t) != t:
            bad(f"{f}: not NFC")
        texts[f] = t

    # ---------------- items
    items = {}
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            if set(it) != {"id", "file", "period", "text"}:
                bad(f"form: {kind} item keys {sorted(it)}")
                continue
            if it["id"] in items:
                bad(f"duplicate id {it['id']}")
            it = dict(it, kind=kind)
            items[it["id"]] = it
            if it["file"] not in docs:
                bad(f"{it['id']}: unknown file {it['file']}")
                continue
            d = docs[it["file"]]
            if kind == "tasks" and it["period"] != d["planned_period"]:
                bad(f"{it['id']}: task period {it['period']} != planned {d['planned_period']}")
            if kind == "results" and it["period"] not in d["reported_months"]:
                bad(f"{it['id']}: result period {it['period']} not reported by {it['file']}")
            t = texts.get(it["file"])
            if t is None:
                continue
            x = it["text"]
            if not x or x != x.strip():
                bad(f"{it['id']}: empty or padded text")
            if unicodedata.normalize("NFC", x) != x:
                bad(f"{it['id']}: text not NFC")
            n = t.count(x)
            if n != 1:
                bad(f"{it['id']}: text occurs {n} times in {it['file']}")
                continue
            if "\n" in x:
                bad(f"{it['id']}: text spans lines")
            if SENT_BREAK.search(x):
                bad(f"{it['id']}: text holds more than one sentence")
            s = t.index(x)
            it["span"] = (s, s + len(x))

    # overlaps
    by_file = {}
    for it in items.values():
        if "span" in it:
            by_file.setdefault(it["file"], []).append(it)
    for f, its in by_file.items():
        its.sort(key=lambda i: i["span"])
        for a, b in zip(its, its[1:]):
            if b["span"][0] < a["span"][1]:
                bad(f"{f}: {a['id']} overlaps {b['id']}")

    # ---------------- coverage of sections
    for f, t in texts.items():
        lines, offs, secs = sections(t)
        if not secs["tasks"]:
            bad(f"{f}: no tasks section found")
        if not secs["results"] and any(i["file"] == f and i["kind"] == "results" for i in items.values()):
            bad(f"{f}: results labelled but no results section found")
        kind_at = {}
        for kind, ranges in secs.items():
            for a, b in ranges:
                for i in range(a, b):
                    kind_at[i] = kind
        its = by_file.get(f, [])
        # each item must lie in a section of its kind
        for it in its:
            s = it["span"][0]
            li = max(i for i, o in enumerate(offs) if o <= s)
            if kind_at.get(li) != it["kind"]:
                bad(f"{it['id']}: lies outside a {it['kind']} section ({f} line {li + 1})")
        covered = bytearray(len(t))
        for it in its:
            for k in range(*it["span"]):
                covered[k] = 1
        for li, kind in sorted(kind_at.items()):
            ln = lines[li]
            s = ln.strip()
            if not s or s.endswith(":"):
                continue
            if HEADING.match(s) and not s.endswith((".", ";")):
                continue
            m = MARKER.match(ln)
            start = offs[li] + (m.end() if m else 0)
            end = offs[li] + len(ln)
            left = "".join(t[k] for k in range(start, end) if not covered[k]).strip()
            if left:
                bad(f"{f} line {li + 1} ({kind}): unlabelled text {left[:60]!r}")

    # ---------------- counts, title, date
    for f, d in docs.items():
        nt = sum(1 for i in items.values() if i["file"] == f and i["kind"] == "tasks")
        nr = sum(1 for i in items.values() if i["file"] == f and i["kind"] == "results")
        if not 10 <= nt <= 18:
            bad(f"{f}: {nt} tasks (want 10-18)")
        if nr and not 10 <= nr <= 18:
            bad(f"{f}: {nr} results (want 10-18, or none)")
        t = texts.get(f)
        if t is None:
            continue
        head = t.split("\n\n\n")[0]
        tm = re.search(r"\n(?:THÔNG BÁO|NGHỊ QUYẾT|BÁO CÁO)\n(.*?)\n\n", t, re.S)
        title = tm.group(1) if tm else ""
        if not title:
            bad(f"{f}: no title block")
        py, pm = map(int, d["planned_period"].split("-"))
        if not re.search(rf"tháng 0?{pm}\b", title):
            bad(f"{f}: title does not name the planned month {pm}")
        if not re.search(rf"năm {py}\b", title):
            bad(f"{f}: title does not name the planned year {py}")
        rms = [int(x.split("-")[1]) for x in d["reported_months"]]
        if len(rms) == 3 and rms == [rms[0], rms[0] + 1, rms[0] + 2] and rms[0] % 3 == 1:
            q = ROMAN_Q[(rms[0] + 2) // 3]
            if not re.search(rf"quý {q}\b", title):
                bad(f"{f}: quarterly document's title lacks 'quý {q}'")
        else:
            for m_ in rms:
                if not re.search(rf"tháng 0?{m_}\b", title):
                    bad(f"{f}: title does not name reported month {m_}")
        dm = DATE.search(t[:600])
        if not dm:
            bad(f"{f}: no date in header")
        else:
            dd, mm, yy = map(int, dm.groups())
            if f"{yy:04d}-{mm:02d}" != max(d["reported_months"]):
                bad(f"{f}: dated {dd}/{mm}/{yy}, not in its last reported month")
        if "ĐẢNG CỘNG SẢN VIỆT NAM" not in t[:600] and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in t[:600]:
            bad(f"{f}: header lacks the national/Party line")
        if not re.search(r"Số\s*\d+", t[:600]):
            bad(f"{f}: header lacks 'Số ...'")
        if "Nơi nhận" not in t:
            bad(f"{f}: no 'Nơi nhận'")

    # ---------------- units, order
    unit_docs = {}
    for f, d in docs.items():
        unit_docs.setdefault(d["unit"], []).append(f)
    for u in unit_docs:
        unit_docs[u].sort(key=lambda f: docs[f]["planned_period"])
    order = {f: i for u in unit_docs for i, f in enumerate(unit_docs[u])}
    last = {unit_docs[u][-1] for u in unit_docs}

    def unit_of(i):
        return docs[items[i]["file"]]["unit"]

    # ---------------- follow-through
    linked = set()
    seen = set()
    for l in gold["follow_through"]:
        if set(l) != {"task", "result", "status"}:
            bad(f"form: follow_through keys {sorted(l)}")
            continue
        t, r = l["task"], l["result"]
        if (t, r) in seen:
            bad(f"duplicate follow_through {t}->{r}")
        seen.add((t, r))
        if t not in items or items[t]["kind"] != "tasks":
            bad(f"follow_through: {t} is not a task")
            continue
        if r not in items or items[r]["kind"] != "results":
            bad(f"follow_through: {r} is not a result")
            continue
        if l["status"] not in STATUSES:
            bad(f"follow_through {t}->{r}: status {l['status']!r}")
        if unit_of(t) != unit_of(r):
            bad(f"follow_through {t}->{r}: crosses units")
            continue
        ft, fr = items[t]["file"], items[r]["file"]
        if order[fr] <= order[ft]:
            bad(f"follow_through {t}->{r}: not forward in time")
            continue
        if items[r]["period"] < items[t]["period"]:
            bad(f"follow_through {t}->{r}: result period before task period")
        first = next((f for f in unit_docs[unit_of(t)][order[ft] + 1:]
                      if items[t]["period"] in docs[f]["reported_months"]), None)
        if fr != first:
            bad(f"follow_through {t}->{r}: result not in the first document reporting {items[t]['period']} ({first})")
        linked.add(t)

    # ---------------- carry-over
    seen = set()
    for l in gold["carry_over"]:
        if set(l) != {"from", "to", "kind"}:
            bad(f"form: carry_over keys {sorted(l)}")
            continue
        a, b = l["from"], l["to"]
        if (a, b) in seen:
            bad(f"duplicate carry_over {a}->{b}")
        seen.add((a, b))
        if a not in items or items[a]["kind"] != "tasks" or b not in items or items[b]["kind"] != "tasks":
            bad(f"carry_over {a}->{b}: both ends must be tasks")
            continue
        if l["kind"] not in KINDS:
            bad(f"carry_over {a}->{b}: kind {l['kind']!r}")
        if unit_of(a) != unit_of(b):
            bad(f"carry_over {a}->{b}: crosses units")
            continue
        if order[items[b]["file"]] <= order[items[a]["file"]] or items[b]["period"] <= items[a]["period"]:
            bad(f"carry_over {a}->{b}: not forward in time")
        linked.add(a)
    kinds_split = {}
    for l in gold["carry_over"]:
        if l.get("kind") == "split":
            kinds_split.setdefault(l["from"], []).append(l["to"])
    for a, tos in kinds_split.items():
        if len(tos) < 2:
            bad(f"carry_over split from {a} has only one target")

    # ---------------- gaps
    want = sorted(i for i, it in items.items()
                  if it["kind"] == "tasks" and it["file"] not in last and i not in linked)
    got = gold["gaps"]
    if len(set(got)) != len(got):
        bad("gaps: duplicates")
    if sorted(set(got)) != want:
        bad(f"gaps differ from unlinked tasks of non-last documents: "
            f"extra {sorted(set(got) - set(want))}, missing {sorted(set(want) - set(got))}")

    # ---------------- decoys
    units = set(d["unit"] for d in docs.values())
    if len(units) == 2 and len(gold["cross_unit_decoys"]) < 12:
        bad(f"only {len(gold['cross_unit_decoys'])} cross-unit decoys (want >= 12)")
    links = {(l["task"], l["result"]) for l in gold["follow_through"]} | \
            {(l["from"], l["to"]) for l in gold["carry_over"]}
    dseen = set()
    for p in gold["cross_unit_decoys"]:
        if not (isinstance(p, list) and len(p) == 2):
            bad(f"decoy {p!r}: not a pair")
            continue
        a, b = p
        if a not in items or b not in items:
            bad(f"decoy {p}: unknown id")
            continue
        key = tuple(sorted(p))
        if key in dseen:
            bad(f"decoy {p}: duplicate")
        dseen.add(key)
        if unit_of(a) == unit_of(b):
            bad(f"decoy {p}: same unit")
        if (a, b) in links or (b, a) in links:
            bad(f"decoy {p}: linked")

    if problems:
        print("\n".join(problems))
        print(f"{len(problems)} problem(s)")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
