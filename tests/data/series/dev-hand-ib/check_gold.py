#!/usr/bin/env python3
"""Check gold.json of this hand-labelled series against its documents.

Checks: the form of gold.json; file names; UTF-8 / NFC / no BOM / \\n line ends;
the state-genre header; every item text an exact, unique substring of its file and
no two items overlapping; every bullet or sentence of the results and tasks
sections labelled (numbered headings and lead-ins ending with ':' skipped); 10-18
tasks and 10-18 results per document (0 results allowed); periods agree with the
documents (title, section headings, planned month in the file name); links within
one unit and forward in time (a follow-through goes to the first later document
that reports on the task's month); allowed statuses and kinds; gaps exactly the
unlinked tasks of non-last documents; decoys never linked.  Prints OK or the errors.
"""
import datetime
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
NAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4})-(\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
ROMAN = re.compile(r"^([IVX]+)\.\s+(\S.*)$")
SUBHEAD = re.compile(r"^(?:\d+\.|[a-zđ]\))\s+\S")
MARKER = re.compile(r"^\s*(?:[-+•]|\(\d+\))\s+")
SPAN = re.compile(r"từ ngày (\d{1,2})/(\d{1,2})/(\d{4}) đến ngày (\d{1,2})/(\d{1,2})/(\d{4})", re.I)


def months_between(y1, m1, y2, m2):
    out = []
    y, m = y1, m1
    while (y, m) <= (y2, m2):
        out.append(f"{y:04d}-{m:02d}")
        m += 1
        if m == 13:
            y, m = y + 1, 1
    return out


def load():
    path = os.path.join(HERE, "gold.json")
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def check_form(g):
    need = {"documents": list, "tasks": list, "results": list, "follow_through": list,
            "carry_over": list, "gaps": list}
    for k, t in need.items():
        if not isinstance(g.get(k), t):
            err(f"gold.json: '{k}' missing or not a {t.__name__}")
    if "cross_unit_decoys" in g and not isinstance(g["cross_unit_decoys"], list):
        err("gold.json: 'cross_unit_decoys' not a list")
    extra = set(g) - set(need) - {"cross_unit_decoys"}
    if extra:
        err(f"gold.json: unknown keys {sorted(extra)}")
    for d in g.get("documents", []):
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err(f"document entry has keys {sorted(d)}")
        if not isinstance(d.get("reported_months"), list) or not all(
                isinstance(x, str) and MONTH.match(x) for x in d.get("reported_months", [])):
            err(f"{d.get('file')}: bad reported_months")
        if not (isinstance(d.get("planned_period"), str) and MONTH.match(d["planned_period"])):
            err(f"{d.get('file')}: bad planned_period")
    for key in ("tasks", "results"):
        for it in g.get(key, []):
            if set(it) != {"id", "file", "period", "text"}:
                err(f"{key} entry has keys {sorted(it)}")
            elif not (isinstance(it["text"], str) and it["text"].strip()):
                err(f"{it['id']}: empty text")
            elif not MONTH.match(str(it["period"])):
                err(f"{it['id']}: bad period {it['period']}")
    for ft in g.get("follow_through", []):
        if set(ft) != {"task", "result", "status"}:
            err(f"follow_through entry has keys {sorted(ft)}")
        elif ft["status"] not in STATUSES:
            err(f"follow_through {ft}: status not in {sorted(STATUSES)}")
    for co in g.get("carry_over", []):
        if set(co) != {"from", "to", "kind"}:
            err(f"carry_over entry has keys {sorted(co)}")
        elif co["kind"] not in KINDS:
            err(f"carry_over {co}: kind not in {sorted(KINDS)}")
    for p in g.get("cross_unit_decoys", []):
        if not (isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p)):
            err(f"cross_unit_decoys entry {p} is not a pair of ids")


def read_doc(fname):
    path = os.path.join(HERE, fname)
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


def sections(fname, text):
    """Return (results_range, tasks_range) as (start, end) char offsets, and line list with offsets."""
    lines, off = [], 0
    for ln in text.split("\n"):
        lines.append((off, ln))
        off += len(ln) + 1
    res = tasks = None
    cur = None
    bounds = {}
    for i, (o, ln) in enumerate(lines):
        m = ROMAN.match(ln)
        if m or ln.startswith("Trên đây"):
            if cur is not None:
                bounds[cur] = (bounds[cur][0], o)
                cur = None
            if m:
                head = m.group(2).upper()
                if "KẾT QUẢ" in head:
                    cur = "results"
                elif "NHIỆM VỤ TRỌNG TÂM" in head or "PHƯƠNG HƯỚNG" in head:
                    cur = "tasks"
                elif "HẠN CHẾ" in head:
                    cur = "limits"
                else:
                    cur = "other:" + head
                if cur in bounds:
                    err(f"{fname}: two sections of kind {cur}")
                bounds[cur] = (o, None)
    if cur is not None:
        bounds[cur] = (bounds[cur][0], len(text))
    for k in ("results", "tasks", "limits"):
        if k not in bounds:
            err(f"{fname}: no {k} section found")
    return bounds, lines


def main():
    g = load()
    check_form(g)
    if errors:
        return finish()

    docs = g["documents"]
    by_file = {}
    for d in docs:
        if d["file"] in by_file:
            err(f"document {d['file']} listed twice")
        by_file[d["file"]] = d
    on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if sorted(by_file) != on_disk:
        err(f"documents in gold.json {sorted(by_file)} != .txt files on disk {on_disk}")

    texts = {}
    for d in docs:
        f = d["file"]
        m = NAME.match(f)
        if not m:
            err(f"{f}: bad file name")
            continue
        if f"{m.group(2)}-{m.group(3)}" != d["planned_period"]:
            err(f"{f}: planned_period {d['planned_period']} disagrees with the file name")
        t = read_doc(f)
        if t is not None:
            texts[f] = t

    # ---- items
    ids = {}
    items_by_file = {f: [] for f in by_file}
    for kind, key in (("task", "tasks"), ("result", "results")):
        for it in g[key]:
            iid = it["id"]
            if iid in ids:
                err(f"duplicate id {iid}")
            if not iid.startswith("T" if kind == "task" else "R"):
                err(f"{iid}: a {kind} id should start with {'T' if kind == 'task' else 'R'}")
            ids[iid] = dict(it, kind=kind)
            f = it["file"]
            if f not in texts:
                err(f"{iid}: unknown or unreadable file {f}")
                continue
            txt = texts[f]
            if unicodedata.normalize("NFC", it["text"]) != it["text"]:
                err(f"{iid}: text not NFC")
            n = txt.count(it["text"])
            if n != 1:
                err(f"{iid}: text occurs {n} times in {f}")
                continue
            s = txt.index(it["text"])
            items_by_file[f].append((s, s + len(it["text"]), iid, kind))

    doc_index = {}
    units = {}
    for d in docs:
        units.setdefault(d["unit"], []).append(d)
    for u, ds in units.items():
        ds.sort(key=lambda d: d["planned_period"])
        for i, d in enumerate(ds):
            doc_index[d["file"]] = (u, i, len(ds))

    for f, txt in texts.items():
        d = by_file[f]
        its = sorted(items_by_file[f])
        for a, b in zip(its, its[1:]):
            if b[0] < a[1]:
                err(f"{f}: items {a[2]} and {b[2]} overlap")

        # header of the state genre
        for must in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "BÁO CÁO", "Nơi nhận:"):
            if must not in txt:
                err(f"{f}: header/closing lacks '{must}'")
        if not re.search(r"^Số: \d+/BC-UBND$", txt, re.M):
            err(f"{f}: no 'Số: .../BC-UBND' line")
        dm = re.search(r"^[^\n,]+, ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})$", txt, re.M)
        if not dm:
            err(f"{f}: no place-and-date line")
        issued = datetime.date(int(dm.group(3)), int(dm.group(2)), int(dm.group(1))) if dm else None

        bounds, lines = sections(f, txt)
        if "results" not in bounds or "tasks" not in bounds:
            continue
        rs, re_ = bounds["results"]
        ts, te = bounds["tasks"]

        # periods from the section headings
        rhead = lines[[o for o, _ in lines].index(rs)][1]
        thead = lines[[o for o, _ in lines].index(ts)][1]
        mr, mt = SPAN.search(rhead), SPAN.search(thead)
        if not mr or not mt:
            err(f"{f}: section headings lack 'từ ngày ... đến ngày ...'")
            continue
        rep = months_between(int(mr.group(3)), int(mr.group(2)), int(mr.group(6)), int(mr.group(5)))
        if rep != d["reported_months"]:
            err(f"{f}: reported_months {d['reported_months']} but the results heading covers {rep}")
        plan = f"{int(mt.group(6)):04d}-{int(mt.group(5)):02d}"
        if plan != d["planned_period"]:
            err(f"{f}: planned_period {d['planned_period']} but the tasks heading ends in {plan}")
        if (int(mr.group(1)), int(mt.group(1))) != (16, 16) or (int(mr.group(4)), int(mt.group(4))) != (15, 15):
            err(f"{f}: periods should run from the 16th to the 15th")
        title = txt[:rs]
        ends = {f"{int(x.group(6)):04d}-{int(x.group(5)):02d}" for x in SPAN.finditer(title)}
        if d["planned_period"] not in ends or d["reported_months"][-1] not in ends:
            err(f"{f}: title/preamble does not state the reported and planned periods")
        if issued is not None:
            end_r = (int(mr.group(6)), int(mr.group(5)))
            if (issued.year, issued.month) != end_r or not 10 <= issued.day <= 20:
                err(f"{f}: issued {issued} is not around the 15th of the month the reported period ends")

        # coverage of every bullet / sentence; items inside the right section; result periods
        covered = [False] * len(txt)
        for s, e, iid, kind in its:
            for k in range(s, e):
                covered[k] = True
            if kind == "task" and not (ts <= s and e <= te):
                err(f"{iid}: task outside the tasks section of {f}")
            if kind == "result" and not (rs <= s and e <= re_):
                err(f"{iid}: result outside the results section of {f}")
        for (lo, hi, label) in ((rs, re_, "results"), (ts, te, "tasks")):
            cur_period = None
            for o, ln in lines:
                if o < lo or o >= hi:
                    continue
                sm = SPAN.search(ln)
                if sm and label == "results":
                    cur_period = f"{int(sm.group(6)):04d}-{int(sm.group(5)):02d}"
                has_item = any(covered[o:o + len(ln)])
                if not ln.strip():
                    continue
                if not has_item and (ROMAN.match(ln) or SUBHEAD.match(ln) or ln.rstrip().endswith(":")):
                    continue  # heading or lead-in
                mk = MARKER.match(ln)
                start = mk.end() if mk else 0
                rest = "".join(ch for k, ch in enumerate(ln) if k >= start and not covered[o + k])
                if rest.strip():
                    err(f"{f}: unlabelled text in the {label} section: {rest.strip()[:80]!r}")
                if label == "results":
                    for s, e, iid, kind in its:
                        if kind == "result" and o <= s < o + len(ln) and ids[iid]["period"] != cur_period:
                            err(f"{iid}: period {ids[iid]['period']} but it stands under a heading ending in {cur_period}")

        nt = sum(1 for x in its if x[3] == "task")
        nr = sum(1 for x in its if x[3] == "result")
        if not 10 <= nt <= 18:
            err(f"{f}: {nt} tasks (want 10-18)")
        if not (nr == 0 or 10 <= nr <= 18):
            err(f"{f}: {nr} results (want 10-18, or 0)")

    for iid, it in ids.items():
        d = by_file.get(it["file"])
        if not d:
            continue
        if it["kind"] == "task" and it["period"] != d["planned_period"]:
            err(f"{iid}: period {it['period']} != planned_period {d['planned_period']}")
        if it["kind"] == "result" and it["period"] not in d["reported_months"]:
            err(f"{iid}: period {it['period']} not among reported_months of {it['file']}")

    # ---- links
    linked_tasks = set()
    pairs = set()
    seen = set()
    for ft in g["follow_through"]:
        t, r = ft["task"], ft["result"]
        if (t, r) in seen:
            err(f"follow_through {t}->{r} twice")
        seen.add((t, r))
        if ids.get(t, {}).get("kind") != "task" or ids.get(r, {}).get("kind") != "result":
            err(f"follow_through {t}->{r}: unknown task or result id")
            continue
        ut, it_, _ = doc_index[ids[t]["file"]]
        ur, ir, _ = doc_index[ids[r]["file"]]
        if ut != ur:
            err(f"follow_through {t}->{r} crosses units")
        if ir <= it_:
            err(f"follow_through {t}->{r} is not forward in time")
        first = next((k for k, d in enumerate(units[ut]) if k > it_ and ids[t]["period"] in d["reported_months"]), None)
        if first is not None and ir != first:
            err(f"follow_through {t}->{r}: not the first later document reporting on {ids[t]['period']}")
        linked_tasks.add(t)
        pairs.add(frozenset((t, r)))
    seen = set()
    for co in g["carry_over"]:
        a, b = co["from"], co["to"]
        if (a, b) in seen:
            err(f"carry_over {a}->{b} twice")
        seen.add((a, b))
        if ids.get(a, {}).get("kind") != "task" or ids.get(b, {}).get("kind") != "task":
            err(f"carry_over {a}->{b}: unknown task id")
            continue
        ua, ia, _ = doc_index[ids[a]["file"]]
        ub, ib, _ = doc_index[ids[b]["file"]]
        if ua != ub:
            err(f"carry_over {a}->{b} crosses units")
        if ib <= ia:
            err(f"carry_over {a}->{b} is not forward in time")
        linked_tasks.add(a)
        pairs.add(frozenset((a, b)))

    expected_gaps = sorted(
        iid for iid, it in ids.items()
        if it["kind"] == "task" and iid not in linked_tasks
        and doc_index[it["file"]][1] < doc_index[it["file"]][2] - 1)
    if len(set(g["gaps"])) != len(g["gaps"]):
        err("gaps: duplicates")
    if sorted(g["gaps"]) != expected_gaps:
        err(f"gaps {sorted(g['gaps'])} != unlinked tasks of non-last documents {expected_gaps}")

    for p in g.get("cross_unit_decoys", []):
        a, b = p
        if a not in ids or b not in ids:
            err(f"decoy {p}: unknown id")
            continue
        if doc_index[ids[a]["file"]][0] == doc_index[ids[b]["file"]][0]:
            err(f"decoy {p}: both items in the same unit")
        if frozenset((a, b)) in pairs:
            err(f"decoy {p} is linked")
    if len(units) > 1 and not g.get("cross_unit_decoys"):
        err("two units but no cross_unit_decoys")

    finish()


def finish():
    if errors:
        for e in errors:
            print("ERROR:", e)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
