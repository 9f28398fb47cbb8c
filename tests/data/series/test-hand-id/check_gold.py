#!/usr/bin/env python3
"""Check gold.json of this folder against its documents. Prints OK or the list of errors.

Checks: the form of gold.json; file names (<slug>_<YYYY-MM>.txt, YYYY-MM = planned period);
UTF-8 without BOM, NFC, \n line ends; every item text an exact unique substring of its file;
no overlaps; tasks inside the tasks section and results inside the results section; every
bullet/sentence of those sections labelled (headings, list markers and lead-ins ending ':'
skipped); one sentence per item; 10-18 tasks and 10-18 results per document; periods agree
with the documents; links within one unit and forward in time (follow-through to the first
later document that reports the task's month); allowed statuses and kinds; gaps exactly the
unlinked tasks of documents that are not their unit's last; decoys across units, never linked.
"""
import json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


STATUSES = {"done", "partial", "progress"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
FNAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt$")
ROMAN = re.compile(r"^([IVX]+)\.\s+(\S.*)$")
CLOSING = ("Trên đây", "Ban Thường vụ Đảng ủy giao", "Nơi nhận")
MARKER = re.compile(r"^(?:-|\(\d+\)|\d+\.|[a-zđ]\))\s*")
SUBHEAD = re.compile(r"^(?:\d+|[a-zđ])[.)]\s+\S")


def load():
    try:
        with open(os.path.join(HERE, "gold.json"), encoding="utf-8") as f:
            return json.load(f)
    except Exception as e:
        print("cannot read gold.json:", e)
        sys.exit(1)


def sections(text):
    """Return {'results': (start, end), 'tasks': (start, end), ...} by character offsets."""
    lines, pos, starts = text.split("\n"), 0, []
    for ln in lines:
        starts.append(pos)
        pos += len(ln) + 1
    heads, closing = [], None
    for i, ln in enumerate(lines):
        m = ROMAN.match(ln)
        if m:
            heads.append((i, m.group(2)))
        if closing is None and any(ln.startswith(c) for c in CLOSING) and heads:
            closing = i
    out = {}
    for j, (i, title) in enumerate(heads):
        end_line = heads[j + 1][0] if j + 1 < len(heads) else (closing if closing is not None else len(lines))
        if closing is not None and closing > i:
            end_line = min(end_line, closing)
        up = title.upper()
        if "KẾT QUẢ" in up:
            kind = "results"
        elif "HẠN CHẾ" in up or "TỒN TẠI" in up:
            kind = "limitations"
        elif "NHIỆM VỤ" in up or "PHƯƠNG HƯỚNG" in up:
            kind = "tasks"
        else:
            kind = "other"
        if kind in out and kind in ("results", "tasks"):
            err(f"two {kind} sections")
        out[kind] = (starts[i] + len(lines[i]) + 1, starts[end_line] if end_line < len(lines) else len(text))
    return out


def main():
    g = load()
    for key in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
        if key not in g or not isinstance(g[key], list):
            err(f"gold.json: missing list '{key}'")
    if errors:
        return
    decoys = g.get("cross_unit_decoys", [])

    # ---- documents
    docs = {}
    for d in g["documents"]:
        for k in ("file", "unit", "reported_months", "planned_period"):
            if k not in d:
                err(f"document {d}: missing {k}")
        f = d["file"]
        m = FNAME.match(f)
        if not m:
            err(f"{f}: bad file name")
        elif m.group(2) != d["planned_period"]:
            err(f"{f}: name month {m.group(2)} != planned_period {d['planned_period']}")
        if not MONTH.match(d["planned_period"]) or not all(MONTH.match(x) for x in d["reported_months"]):
            err(f"{f}: bad month format")
        if any(x >= d["planned_period"] for x in d["reported_months"]):
            err(f"{f}: reported month not before planned period")
        if d["reported_months"] != sorted(set(d["reported_months"])):
            err(f"{f}: reported_months not sorted/unique")
        if f in docs:
            err(f"{f}: listed twice")
        path = os.path.join(HERE, f)
        try:
            raw = open(path, "rb").read()
        except OSError:
            err(f"{f}: missing file")
            continue
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{f}: BOM")
        if b"\r" in raw:
            err(f"{f}: CR line ends")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            err(f"{f}: not UTF-8")
            continue
        if unicodedata.normalize("NFC", text) != text:
            err(f"{f}: not NFC")
        docs[f] = dict(d, text=text)
    on_disk = {x for x in os.listdir(HERE) if x.endswith(".txt")}
    for x in sorted(on_disk - set(docs)):
        err(f"{x}: .txt file not in gold.json documents")

    # per-unit document order
    unit_docs = {}
    for f, d in docs.items():
        unit_docs.setdefault(d["unit"], []).append(d)
    for u in unit_docs:
        unit_docs[u].sort(key=lambda d: d["planned_period"])
        periods = [d["planned_period"] for d in unit_docs[u]]
        if len(set(periods)) != len(periods):
            err(f"{u}: two documents plan the same month")
    last_file = {u: ds[-1]["file"] for u, ds in unit_docs.items()}

    # ---- items
    items = {}
    for kind in ("tasks", "results"):
        for it in g[kind]:
            for k in ("id", "file", "period", "text"):
                if k not in it:
                    err(f"{kind} item {it}: missing {k}")
            if it["id"] in items:
                err(f"{it['id']}: duplicate id")
            it = dict(it, kind=kind)
            items[it["id"]] = it
            d = docs.get(it["file"])
            if d is None:
                err(f"{it['id']}: unknown file {it['file']}")
                continue
            if kind == "tasks" and it["period"] != d["planned_period"]:
                err(f"{it['id']}: task period {it['period']} != planned {d['planned_period']}")
            if kind == "results" and it["period"] not in d["reported_months"]:
                err(f"{it['id']}: result period {it['period']} not reported by {it['file']}")
            t = it["text"]
            if not t.strip() or t != t.strip():
                err(f"{it['id']}: empty text or surrounding blanks")
            n = d["text"].count(t)
            if n != 1:
                err(f"{it['id']}: text found {n} times in {it['file']}")
            else:
                it["start"] = d["text"].index(t)
                it["end"] = it["start"] + len(t)
                items[it["id"]] = it
            if any(m.group(1).isupper() for m in re.finditer(r"[.!?]\s+(\S)", t)):
                err(f"{it['id']}: more than one sentence")

    # ---- per document: overlaps, sections, coverage, counts
    for f, d in docs.items():
        its = sorted((i for i in items.values() if i["file"] == f and "start" in i), key=lambda i: i["start"])
        for a, b in zip(its, its[1:]):
            if b["start"] < a["end"]:
                err(f"{f}: {a['id']} overlaps {b['id']}")
        secs = sections(d["text"])
        for kind in ("results", "tasks"):
            if kind not in secs:
                err(f"{f}: no {kind} section")
                continue
            s, e = secs[kind]
            mine = [i for i in its if i["kind"] == kind]
            for i in mine:
                if not (s <= i["start"] and i["end"] <= e):
                    err(f"{i['id']}: outside the {kind} section of {f}")
            for i in its:
                if i["kind"] != kind and s <= i["start"] < e:
                    err(f"{i['id']}: a {i['kind'][:-1]} inside the {kind} section of {f}")
            chunk = list(d["text"][s:e])
            for i in mine:
                for p in range(max(i["start"], s), min(i["end"], e)):
                    chunk[p - s] = " "
            masked = "".join(chunk).split("\n")
            orig = d["text"][s:e].split("\n")
            for mline, oline in zip(masked, orig):
                rest = MARKER.sub("", mline.strip()).strip()
                rest = re.sub(r"^[\s.;,:/]+|[\s.;,:/]+$", "", rest)
                if not rest:
                    continue
                o = oline.strip()
                if SUBHEAD.match(o) and mline.strip() == o and len(o) <= 80 and not o.endswith((".", ";")):
                    continue  # sub-heading
                if mline.strip().endswith(":"):
                    continue  # lead-in
                err(f"{f}: unlabelled text in {kind} section: {rest[:70]!r}")
            n = len(mine)
            if not (10 <= n <= 18):
                err(f"{f}: {n} {kind} (want 10-18)")

    # ---- links
    def doc_of(iid):
        return docs.get(items[iid]["file"]) if iid in items else None

    linked_pairs = set()
    ft_tasks, co_tasks = set(), set()
    seen = set()
    for l in g["follow_through"]:
        t, r, s = l.get("task"), l.get("result"), l.get("status")
        if (t, r) in seen:
            err(f"follow-through {t}->{r} twice")
        seen.add((t, r))
        if t not in items or items[t]["kind"] != "tasks":
            err(f"follow-through: {t} is not a task")
            continue
        if r not in items or items[r]["kind"] != "results":
            err(f"follow-through: {r} is not a result")
            continue
        if s not in STATUSES:
            err(f"follow-through {t}->{r}: bad status {s}")
        dt, dr = doc_of(t), doc_of(r)
        if dt["unit"] != dr["unit"]:
            err(f"follow-through {t}->{r}: across units")
        if dr["planned_period"] <= dt["planned_period"]:
            err(f"follow-through {t}->{r}: not forward in time")
        if items[r]["period"] < items[t]["period"]:
            err(f"follow-through {t}->{r}: result reports a month before the task's month")
        first = next((x for x in unit_docs[dt["unit"]]
                      if x["planned_period"] > dt["planned_period"] and items[t]["period"] in x["reported_months"]), None)
        if first is None or first["file"] != dr["file"]:
            err(f"follow-through {t}->{r}: not in the first later document reporting {items[t]['period']}")
        ft_tasks.add(t)
        linked_pairs.add(frozenset((t, r)))
    seen = set()
    for l in g["carry_over"]:
        a, b, k = l.get("from"), l.get("to"), l.get("kind")
        if (a, b) in seen:
            err(f"carry-over {a}->{b} twice")
        seen.add((a, b))
        if a not in items or items[a]["kind"] != "tasks" or b not in items or items[b]["kind"] != "tasks":
            err(f"carry-over {a}->{b}: both ends must be tasks")
            continue
        if k not in KINDS:
            err(f"carry-over {a}->{b}: bad kind {k}")
        da, db = doc_of(a), doc_of(b)
        if da["unit"] != db["unit"]:
            err(f"carry-over {a}->{b}: across units")
        if db["planned_period"] <= da["planned_period"]:
            err(f"carry-over {a}->{b}: not forward in time")
        co_tasks.add(a)
        linked_pairs.add(frozenset((a, b)))
    splits = {}
    for l in g["carry_over"]:
        if l.get("kind") == "split":
            splits.setdefault(l["from"], []).append(l["to"])
    for a, tos in splits.items():
        if len(tos) < 2:
            err(f"split {a}: only one target")

    # ---- gaps
    expected = {iid for iid, it in items.items()
                if it["kind"] == "tasks" and it["file"] in docs
                and it["file"] != last_file[docs[it["file"]]["unit"]]
                and iid not in ft_tasks and iid not in co_tasks}
    given = g["gaps"]
    if len(given) != len(set(given)):
        err("gaps: duplicates")
    for x in sorted(set(given) - expected):
        err(f"gap {x}: not an unlinked task of a non-last document")
    for x in sorted(expected - set(given)):
        err(f"gap {x}: unlinked task missing from gaps")

    # ---- decoys
    units = {d["unit"] for d in docs.values()}
    if len(units) == 2 and not decoys:
        err("two units but no cross_unit_decoys")
    for p in decoys:
        if not (isinstance(p, list) and len(p) == 2 and all(x in items for x in p)):
            err(f"decoy {p}: not a pair of known ids")
            continue
        if doc_of(p[0])["unit"] == doc_of(p[1])["unit"]:
            err(f"decoy {p}: same unit")
        if frozenset(p) in linked_pairs:
            err(f"decoy {p}: linked")
    if len({frozenset(p) for p in decoys if isinstance(p, list)}) != len(decoys):
        err("decoys: duplicates")


main()
if errors:
    for e in errors:
        print("ERROR:", e)
    print(f"{len(errors)} error(s)")
    sys.exit(1)
print("OK")
