#!/usr/bin/env python3
"""Check gold.json of the hand-BU series against its documents.

Usage: python3 check_gold.py [SERIES_DIR]     (default: the folder of this script)

Checks: the form of gold.json; file names; UTF-8 / NFC / no BOM / \\n line ends;
every text an exact unique substring of its file, items not overlapping; every
bullet / sentence / table result cell of the results and tasks sections labelled
(headings and lead-ins skipped) and every item inside its section; 10-18 tasks and
10-18 results per document; periods agree with the documents' headings; links within
one unit, forward in time, to the first document reporting the task's month; allowed
statuses and kinds; gaps exactly the unlinked tasks of non-last documents; decoys
across units and never linked.  Prints OK when everything holds.
"""
import json
import os
import re
import sys
import unicodedata

DIR = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
ERRORS = []


def err(msg):
    ERRORS.append(msg)


STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
NAME_RE = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt$")
MONTH_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
ID_RE = re.compile(r"^[AB]-[TR]\d{2}-\d+$")

# section boundaries (the two clerks' layouts)
RES_START = re.compile(r"^I\.\s+KẾT QUẢ")
RES_END = re.compile(r"^II\.\s")
TASK_START = re.compile(r"^III\.\s+(NHIỆM VỤ|PHƯƠNG HƯỚNG)")
TASK_END = re.compile(r"^(Ban Thường vụ Đảng ủy giao|Trên đây|Nơi nhận)")
HEADING = re.compile(r"^(\d+\.|[IVX]+\.)\s+\S")
MARKER = re.compile(r"^(\(\d+\)|\d+\.|-)\s*")
TABLE_SPLIT = re.compile(r"\t| \| ")


def load():
    path = os.path.join(DIR, "gold.json")
    with open(path, "rb") as fh:
        raw = fh.read()
    try:
        gold = json.loads(raw.decode("utf-8"))
    except Exception as e:  # noqa: BLE001
        sys.exit(f"gold.json unreadable: {e}")
    return gold


def check_form(g):
    need = {"documents": list, "tasks": list, "results": list, "follow_through": list,
            "carry_over": list, "gaps": list, "cross_unit_decoys": list}
    for k, t in need.items():
        if not isinstance(g.get(k), t):
            err(f"form: key {k} missing or not {t.__name__}")
    extra = set(g) - set(need)
    if extra:
        err(f"form: unexpected keys {sorted(extra)}")
    for d in g.get("documents", []):
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err(f"form: document fields {sorted(d)}")
        if not isinstance(d.get("reported_months"), list) or not all(MONTH_RE.match(m or "") for m in d.get("reported_months", [])):
            err(f"form: reported_months of {d.get('file')}")
        if not MONTH_RE.match(d.get("planned_period") or ""):
            err(f"form: planned_period of {d.get('file')}")
    for kind in ("tasks", "results"):
        for it in g.get(kind, []):
            if set(it) != {"id", "file", "period", "text"}:
                err(f"form: {kind} item fields {sorted(it)}")
            if not ID_RE.match(str(it.get("id"))):
                err(f"form: id {it.get('id')}")
            if not isinstance(it.get("text"), str) or not it.get("text"):
                err(f"form: empty text {it.get('id')}")
    for l in g.get("follow_through", []):
        if set(l) != {"task", "result", "status"}:
            err(f"form: follow_through fields {sorted(l)}")
    for l in g.get("carry_over", []):
        if set(l) != {"from", "to", "kind"}:
            err(f"form: carry_over fields {sorted(l)}")
    for p in g.get("cross_unit_decoys", []):
        if not (isinstance(p, list) and len(p) == 2):
            err(f"form: decoy pair {p}")


def read_doc(fname):
    path = os.path.join(DIR, fname)
    if not os.path.isfile(path):
        err(f"file missing: {fname}")
        return None
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err(f"{fname}: BOM")
    if b"\r" in raw:
        err(f"{fname}: CR line ends")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err(f"{fname}: not UTF-8 ({e})")
        return None
    if unicodedata.normalize("NFC", text) != text:
        err(f"{fname}: not NFC")
    return text


def months_in(line):
    """Months named in a heading line like 'THÁNG 5 VÀ THÁNG 6 NĂM 2026'."""
    year = re.search(r"NĂM (\d{4})", line.upper())
    ms = [int(x) for x in re.findall(r"THÁNG (\d{1,2})", line.upper())]
    if not year:
        return []
    return [f"{year.group(1)}-{m:02d}" for m in ms]


def main():
    g = load()
    check_form(g)
    docs = {d["file"]: d for d in g["documents"]}
    if len(docs) != len(g["documents"]):
        err("duplicate document entries")
    # file names
    for f, d in docs.items():
        m = NAME_RE.match(f)
        if not m:
            err(f"bad file name {f}")
        elif m.group(2) != d["planned_period"]:
            err(f"{f}: name month != planned_period {d['planned_period']}")
    on_disk = sorted(x for x in os.listdir(DIR) if x.endswith(".txt"))
    if on_disk != sorted(docs):
        err(f"txt files on disk {on_disk} != documents {sorted(docs)}")
    texts = {f: read_doc(f) for f in docs}

    items = {}
    for kind in ("tasks", "results"):
        for it in g["tasks" if kind == "tasks" else "results"]:
            if it["id"] in items:
                err(f"duplicate id {it['id']}")
            items[it["id"]] = dict(it, kind=kind)
            want = "T" if kind == "tasks" else "R"
            if it["id"][2] != want:
                err(f"{it['id']} listed under {kind}")
            if it["file"] not in docs:
                err(f"{it['id']}: unknown file {it['file']}")

    # unit prefix consistency
    unit_prefix = {}
    for it in items.values():
        u = docs.get(it["file"], {}).get("unit")
        unit_prefix.setdefault(u, set()).add(it["id"][0])
    for u, ps in unit_prefix.items():
        if len(ps) != 1:
            err(f"unit {u} has id prefixes {ps}")

    # exact unique substrings, spans, overlaps
    spans = {}
    for it in items.values():
        t = texts.get(it["file"])
        if t is None:
            continue
        if "\n" in it["text"]:
            err(f"{it['id']}: text spans lines")
        if unicodedata.normalize("NFC", it["text"]) != it["text"]:
            err(f"{it['id']}: text not NFC")
        n = t.count(it["text"])
        if n != 1:
            err(f"{it['id']}: text occurs {n} times in {it['file']}")
            continue
        s = t.index(it["text"])
        spans[it["id"]] = (s, s + len(it["text"]))
    byfile = {}
    for iid, (s, e) in spans.items():
        byfile.setdefault(items[iid]["file"], []).append((s, e, iid))
    for f, lst in byfile.items():
        lst.sort()
        for a, b in zip(lst, lst[1:]):
            if b[0] < a[1]:
                err(f"{f}: {a[2]} overlaps {b[2]}")

    # sections and coverage
    for f, t in texts.items():
        if t is None:
            continue
        d = docs[f]
        lines = t.split("\n")
        offs, o = [], 0
        for ln in lines:
            offs.append(o)
            o += len(ln) + 1
        rs = next((i for i, ln in enumerate(lines) if RES_START.match(ln)), None)
        re_ = next((i for i, ln in enumerate(lines) if rs is not None and i > rs and RES_END.match(ln)), None)
        ts = next((i for i, ln in enumerate(lines) if TASK_START.match(ln)), None)
        te = next((i for i, ln in enumerate(lines) if ts is not None and i > ts and TASK_END.match(ln)), None)
        if None in (rs, re_, ts, te):
            err(f"{f}: cannot find sections ({rs},{re_},{ts},{te})")
            continue
        # periods agree with the headings
        if months_in(lines[rs]) != d["reported_months"]:
            err(f"{f}: results heading months {months_in(lines[rs])} != reported_months {d['reported_months']}")
        if months_in(lines[ts]) != [d["planned_period"]]:
            err(f"{f}: tasks heading months {months_in(lines[ts])} != planned_period {d['planned_period']}")
        title = " ".join(lines[:rs])
        for m in d["reported_months"] + [d["planned_period"]]:
            mm = int(m[5:])
            if not re.search(rf"tháng 0?{mm}\b", title):
                err(f"{f}: title/preamble does not name month {m}")
        res_range = (offs[rs + 1], offs[re_])
        task_range = (offs[ts + 1], offs[te])
        mine = [(s, e, iid) for (s, e, iid) in byfile.get(f, [])]
        for s, e, iid in mine:
            rng = task_range if items[iid]["kind"] == "tasks" else res_range
            if not (rng[0] <= s and e <= rng[1]):
                err(f"{iid}: outside its section in {f}")
        for (lo, hi, want) in ((rs + 1, re_, "results"), (ts + 1, te, "tasks")):
            for i in range(lo, hi):
                ln = lines[i]
                st = ln.strip()
                if not st:
                    continue
                lstart, lend = offs[i], offs[i] + len(ln)
                here = [(s, e, iid) for (s, e, iid) in mine if lstart <= s and e <= lend]
                for _, _, iid in here:
                    if items[iid]["kind"] != want:
                        err(f"{iid}: a {items[iid]['kind'][:-1]} item in the {want} section of {f}")
                if "\t" in ln or " | " in ln:
                    cells = TABLE_SPLIT.split(ln)
                    if cells[0].strip() == "TT":
                        continue  # header row
                    if len(cells) < 3 or want != "results":
                        err(f"{f}:{i+1}: malformed table row")
                        continue
                    cell = cells[2].strip()
                    ok = [iid for (s, e, iid) in here if items[iid]["text"] == cell]
                    if len(ok) != 1 or len(here) != 1:
                        err(f"{f}:{i+1}: table result cell not labelled exactly: {cell!r}")
                    continue
                if st.endswith(":"):
                    continue  # lead-in
                if HEADING.match(st) and not here and not st.endswith((".", ";")):
                    continue  # sub-heading
                m = MARKER.match(ln)
                body_start = lstart + (m.end() if m else 0)
                covered = [False] * (lend - body_start)
                for s, e, _ in here:
                    for k in range(max(s, body_start), e):
                        covered[k - body_start] = True
                rest = "".join(ch for k, ch in enumerate(t[body_start:lend]) if not covered[k])
                if rest.strip(" .;,"):
                    err(f"{f}:{i+1}: unlabelled text in {want}: {rest.strip()[:70]!r}")
                for s, e, iid in here:
                    if not items[iid]["text"].rstrip().endswith((".", ";")):
                        err(f"{iid}: prose item does not end a sentence")

    # counts and periods
    per = {f: {"tasks": 0, "results": 0} for f in docs}
    for it in items.values():
        if it["file"] not in docs:
            continue
        per[it["file"]][it["kind"]] += 1
        d = docs[it["file"]]
        if it["kind"] == "tasks" and it["period"] != d["planned_period"]:
            err(f"{it['id']}: period {it['period']} != planned {d['planned_period']}")
        if it["kind"] == "results" and it["period"] not in d["reported_months"]:
            err(f"{it['id']}: period {it['period']} not reported in {it['file']}")
        if it["kind"] == "tasks" and it["id"][3:5] != d["planned_period"][5:]:
            err(f"{it['id']}: id month does not match its document")
    for f, c in per.items():
        if not 10 <= c["tasks"] <= 18:
            err(f"{f}: {c['tasks']} tasks")
        if not (10 <= c["results"] <= 18 or c["results"] == 0):
            err(f"{f}: {c['results']} results")

    # units, ordering
    units = {}
    for f, d in docs.items():
        units.setdefault(d["unit"], []).append(d)
    for u in units:
        units[u].sort(key=lambda d: d["planned_period"])
        lst = units[u]
        for a, b in zip(lst, lst[1:]):
            if not a["planned_period"] < b["planned_period"]:
                err(f"{u}: duplicate planned periods")
            if b["reported_months"][0] > a["planned_period"] and a["planned_period"] not in b["reported_months"]:
                pass
    last_of_unit = {u: lst[-1]["file"] for u, lst in units.items()}

    def unit_of(iid):
        return docs[items[iid]["file"]]["unit"]

    def pp(iid):
        return docs[items[iid]["file"]]["planned_period"]

    def first_reporting(task_id):
        u = unit_of(task_id)
        per_ = items[task_id]["period"]
        for d in units[u]:
            if d["planned_period"] > pp(task_id) and per_ in d["reported_months"]:
                return d["file"]
        return None

    seen = set()
    ft_tasks, co_from = set(), set()
    for l in g["follow_through"]:
        a, b = l["task"], l["result"]
        if (a, b) in seen:
            err(f"duplicate follow_through {a}->{b}")
        seen.add((a, b))
        if a not in items or items[a]["kind"] != "tasks":
            err(f"follow_through: {a} is not a task")
            continue
        if b not in items or items[b]["kind"] != "results":
            err(f"follow_through: {b} is not a result")
            continue
        if l["status"] not in STATUSES:
            err(f"follow_through {a}->{b}: status {l['status']}")
        if unit_of(a) != unit_of(b):
            err(f"follow_through {a}->{b} crosses units")
        if not pp(b) > pp(a):
            err(f"follow_through {a}->{b} not forward in time")
        if items[b]["file"] != first_reporting(a):
            err(f"follow_through {a}->{b}: result not in the first document reporting {items[a]['period']}")
        if items[b]["period"] < items[a]["period"]:
            err(f"follow_through {a}->{b}: result reports an earlier month")
        ft_tasks.add(a)
    seen = set()
    for l in g["carry_over"]:
        a, b = l["from"], l["to"]
        if (a, b) in seen:
            err(f"duplicate carry_over {a}->{b}")
        seen.add((a, b))
        if a not in items or b not in items or items[a]["kind"] != "tasks" or items[b]["kind"] != "tasks":
            err(f"carry_over {a}->{b}: not two tasks")
            continue
        if l["kind"] not in KINDS:
            err(f"carry_over {a}->{b}: kind {l['kind']}")
        if unit_of(a) != unit_of(b):
            err(f"carry_over {a}->{b} crosses units")
        if not pp(b) > pp(a):
            err(f"carry_over {a}->{b} not forward in time")
        co_from.add(a)

    # gaps
    expected = set()
    for iid, it in items.items():
        if it["kind"] != "tasks":
            continue
        if it["file"] == last_of_unit[unit_of(iid)]:
            continue
        if iid not in ft_tasks and iid not in co_from:
            if first_reporting(iid) is None:
                continue  # pending, not silent
            expected.add(iid)
    gaps = set(g["gaps"])
    if len(gaps) != len(g["gaps"]):
        err("duplicate gaps")
    if gaps != expected:
        err(f"gaps differ: listed-not-silent {sorted(gaps - expected)}, silent-not-listed {sorted(expected - gaps)}")

    # decoys
    linked = {(l["task"], l["result"]) for l in g["follow_through"]} | {(l["from"], l["to"]) for l in g["carry_over"]}
    pairs = set()
    for p in g["cross_unit_decoys"]:
        a, b = p
        if a not in items or b not in items:
            err(f"decoy {p}: unknown id")
            continue
        if unit_of(a) == unit_of(b):
            err(f"decoy {p}: same unit")
        if (a, b) in linked or (b, a) in linked:
            err(f"decoy {p}: linked")
        key = tuple(sorted(p))
        if key in pairs:
            err(f"decoy {p}: duplicate")
        pairs.add(key)
    if len(pairs) < 15:
        err(f"only {len(pairs)} decoy pairs")

    if ERRORS:
        for e in ERRORS:
            print("ERROR:", e)
        print(f"{len(ERRORS)} error(s)")
        sys.exit(1)
    nt = sum(c["tasks"] for c in per.values())
    nr = sum(c["results"] for c in per.values())
    from collections import Counter
    st = Counter(l["status"] for l in g["follow_through"])
    kd = Counter(l["kind"] for l in g["carry_over"])
    print(f"documents {len(docs)}, tasks {nt}, results {nr}, follow_through {len(g['follow_through'])} {dict(st)}, "
          f"carry_over {len(g['carry_over'])} {dict(kd)}, gaps {len(gaps)}, decoys {len(pairs)}")
    print("OK")


if __name__ == "__main__":
    main()
