#!/usr/bin/env python3
"""Check gold.json of this folder against its documents.  Prints OK when all checks pass.

Checks: the form of gold.json; file names; UTF-8, NFC, no BOM, \n line ends; every item
text an exact unique substring of its file, no overlaps; every bullet / sentence of the
results and tasks sections labelled (headings and lead-ins skipped) and no item spanning
two sentences; task/result counts per document; periods agree with the documents; links
within one unit and forward in time (follow-through to the first later document reporting
the task's month, carry-over to the next document); allowed statuses and kinds; gaps are
exactly the unlinked tasks of documents that are not their unit's last; decoys never linked.
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
NAME = re.compile(r"^([a-z0-9-]+)_(\d{4}-\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")

# section headings of this office's layout (two clerks, two spellings)
SEC_RESULTS = re.compile(r"^(PHẦN MỘT\b|I/ KẾT QUẢ)")
SEC_LIMITS = re.compile(r"^(PHẦN HAI\b|II/ TỒN TẠI)")
SEC_TASKS = re.compile(r"^(PHẦN BA\b|III/ GIAO VIỆC)")
SEC_END = re.compile(r"^(PHẦN BỐN\b|IV/ )")
SUBHEAD = re.compile(r"^([a-z]\) |[A-Z]\. |• )")
MARKER = re.compile(r"^(\+|–|-|\(\d+\))\s*")

errors = []


def err(msg):
    errors.append(msg)


def month_of(s):
    y, m = s.split("-")
    return int(y) * 12 + int(m)


def load():
    path = os.path.join(HERE, "gold.json")
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def check_form(g):
    for key in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
        if key not in g or not isinstance(g[key], list):
            err(f"gold.json: missing list '{key}'")
    for key in g:
        if key not in ("documents", "tasks", "results", "follow_through", "carry_over",
                       "gaps", "cross_unit_decoys"):
            err(f"gold.json: unexpected key '{key}'")
    for d in g.get("documents", []):
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err(f"document fields {sorted(d)}")
        for m in d.get("reported_months", []) + [d.get("planned_period", "")]:
            if not MONTH.match(m):
                err(f"{d.get('file')}: bad month {m!r}")
    for kind in ("tasks", "results"):
        for it in g.get(kind, []):
            if set(it) != {"id", "file", "period", "text"}:
                err(f"{kind} item fields {sorted(it)}")
            if not MONTH.match(it.get("period", "")):
                err(f"{it.get('id')}: bad period")
            if not it.get("text", "").strip():
                err(f"{it.get('id')}: empty text")
    ids = [i["id"] for i in g.get("tasks", []) + g.get("results", [])]
    if len(ids) != len(set(ids)):
        err("duplicate item ids")
    for f in g.get("follow_through", []):
        if set(f) != {"task", "result", "status"}:
            err(f"follow_through fields {sorted(f)}")
        if f.get("status") not in STATUSES:
            err(f"status {f.get('status')!r} not allowed")
    for c in g.get("carry_over", []):
        if set(c) != {"from", "to", "kind"}:
            err(f"carry_over fields {sorted(c)}")
        if c.get("kind") not in KINDS:
            err(f"kind {c.get('kind')!r} not allowed")
    for p in g.get("cross_unit_decoys", []):
        if not (isinstance(p, list) and len(p) == 2):
            err(f"decoy pair {p!r}")


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
        return ""
    if unicodedata.normalize("NFC", text) != text:
        err(f"{fname}: not NFC")
    return text


def sections(text):
    """Return {'results': [(start,end)], 'limits': [...], 'tasks': [...]} as char ranges."""
    spans, cur, start, pos = {}, None, 0, 0
    for line in text.split("\n"):
        new = None
        if SEC_RESULTS.match(line):
            new = "results"
        elif SEC_LIMITS.match(line):
            new = "limits"
        elif SEC_TASKS.match(line):
            new = "tasks"
        elif SEC_END.match(line):
            new = "end"
        if new:
            if cur and cur != "end":
                spans.setdefault(cur, []).append((start, pos))
            cur, start = new, pos
        pos += len(line) + 1
    if cur and cur != "end":
        spans.setdefault(cur, []).append((start, len(text)))
    return spans


def main():
    g = load()
    check_form(g)
    docs = g.get("documents", [])
    by_file = {d["file"]: d for d in docs}
    if len(by_file) != len(docs):
        err("duplicate document file")

    # file names and folder contents
    on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if on_disk != sorted(by_file):
        err(f"txt files on disk {on_disk} differ from documents {sorted(by_file)}")
    for d in docs:
        m = NAME.match(d["file"])
        if not m:
            err(f"{d['file']}: bad file name")
        elif m.group(2) != d["planned_period"]:
            err(f"{d['file']}: name month differs from planned_period {d['planned_period']}")
        for rm in d["reported_months"]:
            if month_of(rm) >= month_of(d["planned_period"]):
                err(f"{d['file']}: reported month {rm} not before planned period")

    # units and order within a unit
    units = {}
    for d in docs:
        units.setdefault(d["unit"], []).append(d)
    for u in units:
        units[u].sort(key=lambda d: d["planned_period"])
        slugs = {NAME.match(d["file"]).group(1) for d in units[u] if NAME.match(d["file"])}
        if len(slugs) != 1:
            err(f"unit {u}: several slugs {slugs}")
    doc_index = {d["file"]: i for u in units for i, d in enumerate(units[u])}

    texts = {f: read_doc(f) for f in by_file}
    items = {}
    for kind in ("tasks", "results"):
        for it in g.get(kind, []):
            it = dict(it, kind=kind)
            items[it["id"]] = it
            if it["file"] not in by_file:
                err(f"{it['id']}: unknown file {it['file']}")

    # exact unique substrings, no overlaps, inside the right section, one sentence each
    per_file = {f: [] for f in by_file}
    for iid, it in items.items():
        text = texts.get(it["file"], "")
        t = it["text"]
        if unicodedata.normalize("NFC", t) != t:
            err(f"{iid}: text not NFC")
        n = text.count(t)
        if n != 1:
            err(f"{iid}: text found {n} times in {it['file']}")
            continue
        s = text.index(t)
        per_file[it["file"]].append((s, s + len(t), iid))
        if re.search(r"[.!?]\s+\S", t):
            err(f"{iid}: item spans more than one sentence")
        if t != t.strip() or "\n" in t:
            err(f"{iid}: item has edge spaces or a line break")
    for f, lst in per_file.items():
        lst.sort()
        for (a1, b1, i1), (a2, b2, i2) in zip(lst, lst[1:]):
            if a2 < b1:
                err(f"{f}: items {i1} and {i2} overlap")

    for f, d in by_file.items():
        text = texts[f]
        secs = sections(text)
        for need in ("tasks",):
            if need not in secs:
                err(f"{f}: no tasks section")
        covered = {}
        for a, b, iid in per_file[f]:
            kind = items[iid]["kind"]
            want = "results" if kind == "results" else "tasks"
            if not any(s <= a and b <= e for s, e in secs.get(want, [])):
                err(f"{iid}: not inside the {want} section of {f}")
            for k in range(a, b):
                covered[k] = kind
        # every bullet / sentence of results and tasks sections labelled
        for sec, want in (("results", "results"), ("tasks", "tasks")):
            for s, e in secs.get(sec, []):
                pos = s
                for line in text[s:e].split("\n"):
                    lstart = pos
                    pos += len(line) + 1
                    st = line.strip()
                    if not st or SEC_RESULTS.match(st) or SEC_TASKS.match(st):
                        continue
                    if SUBHEAD.match(st) or st.endswith(":"):
                        continue  # heading or lead-in
                    m = MARKER.match(line)
                    off = m.end() if m else 0
                    # a lead-in sentence may open a paragraph of Clerk B's results? not in this
                    # layout: every other character must be labelled
                    for k in range(lstart + off, lstart + len(line)):
                        ch = text[k]
                        if ch.isalnum() and covered.get(k) != want:
                            err(f"{f}: unlabelled text in {sec} section: {line[:70]!r}")
                            break
        # counts
        nt = sum(1 for i in items.values() if i["file"] == f and i["kind"] == "tasks")
        nr = sum(1 for i in items.values() if i["file"] == f and i["kind"] == "results")
        if not 10 <= nt <= 18:
            err(f"{f}: {nt} tasks (want 10-18)")
        if not (nr == 0 or 10 <= nr <= 18):
            err(f"{f}: {nr} results (want 0 or 10-18)")
        # periods agree with the documents
        def heading_lines(sec):
            out = []
            for s, e in secs.get(sec, []):
                for line in text[s:e].split("\n"):
                    st = line.strip()
                    if SEC_RESULTS.match(st) or SEC_TASKS.match(st) or SUBHEAD.match(st):
                        out.append(st.lower())
            return " ".join(out)
        rh, th = heading_lines("results"), heading_lines("tasks")
        y, mm = d["planned_period"].split("-")
        if not re.search(rf"tháng 0?{int(mm)}/{y}", th):
            err(f"{f}: tasks heading does not name {d['planned_period']}")
        for rm in d["reported_months"]:
            y2, m2 = rm.split("-")
            if not re.search(rf"tháng 0?{int(m2)}/{y2}", rh):
                err(f"{f}: results headings do not name {rm}")
        dm = re.search(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", text)
        if not dm:
            err(f"{f}: no date line")
        else:
            dmon = f"{dm.group(3)}-{int(dm.group(2)):02d}"
            if dmon not in d["reported_months"]:
                err(f"{f}: dated {dmon}, not a reported month")
        for i in items.values():
            if i["file"] != f:
                continue
            if i["kind"] == "tasks" and i["period"] != d["planned_period"]:
                err(f"{i['id']}: period {i['period']} != planned {d['planned_period']}")
            if i["kind"] == "results" and i["period"] not in d["reported_months"]:
                err(f"{i['id']}: period {i['period']} not reported by {f}")

    # links
    def unit_of(iid):
        return by_file[items[iid]["file"]]["unit"]

    linked_ft, linked_co = set(), set()
    pairs = set()
    for fl in g.get("follow_through", []):
        t, r = fl["task"], fl["result"]
        if items.get(t, {}).get("kind") != "tasks" or items.get(r, {}).get("kind") != "results":
            err(f"follow_through {t}->{r}: wrong item kinds or unknown ids")
            continue
        if (t, r) in pairs:
            err(f"duplicate link {t}->{r}")
        pairs.add((t, r))
        if unit_of(t) != unit_of(r):
            err(f"follow_through {t}->{r} crosses units")
        ft, fr = items[t]["file"], items[r]["file"]
        if doc_index[fr] <= doc_index[ft]:
            err(f"follow_through {t}->{r} not forward in time")
        if month_of(items[r]["period"]) < month_of(items[t]["period"]):
            err(f"follow_through {t}->{r}: result reports an earlier month")
        later = [d for d in units[unit_of(t)][doc_index[ft] + 1:]
                 if any(month_of(m) >= month_of(items[t]["period"]) for m in d["reported_months"])]
        if later and later[0]["file"] != fr:
            err(f"follow_through {t}->{r}: not in the first later document reporting the month")
        linked_ft.add(t)
    for c in g.get("carry_over", []):
        a, b = c["from"], c["to"]
        if items.get(a, {}).get("kind") != "tasks" or items.get(b, {}).get("kind") != "tasks":
            err(f"carry_over {a}->{b}: wrong item kinds or unknown ids")
            continue
        if (a, b) in pairs:
            err(f"duplicate link {a}->{b}")
        pairs.add((a, b))
        if unit_of(a) != unit_of(b):
            err(f"carry_over {a}->{b} crosses units")
        ia, ib = doc_index[items[a]["file"]], doc_index[items[b]["file"]]
        if ib != ia + 1:
            err(f"carry_over {a}->{b} not to the next document")
        linked_co.add(a)

    # gaps
    want_gaps = set()
    for iid, it in items.items():
        if it["kind"] != "tasks":
            continue
        u = unit_of(iid)
        if doc_index[it["file"]] == len(units[u]) - 1:
            continue
        if iid not in linked_ft and iid not in linked_co:
            want_gaps.add(iid)
    gaps = g.get("gaps", [])
    if len(gaps) != len(set(gaps)):
        err("duplicate gaps")
    for x in gaps:
        if x not in items or items[x]["kind"] != "tasks":
            err(f"gap {x}: not a task")
    if set(gaps) != want_gaps:
        err(f"gaps differ: missing {sorted(want_gaps - set(gaps))}, extra {sorted(set(gaps) - want_gaps)}")

    # decoys never linked (cross-unit in gold.json; within-unit in _src/decoys.json)
    decoys = [tuple(p) for p in g.get("cross_unit_decoys", [])]
    dpath = os.path.join(HERE, "_src", "decoys.json")
    if os.path.exists(dpath):
        with open(dpath, encoding="utf-8") as fh:
            decoys += [tuple(p) for p in json.load(fh).get("within_unit_decoys", [])]
    for a, b in decoys:
        if a not in items or b not in items:
            err(f"decoy ({a}, {b}): unknown id")
        if (a, b) in pairs or (b, a) in pairs:
            err(f"decoy ({a}, {b}) is linked")
    for a, b in g.get("cross_unit_decoys", []):
        if a in items and b in items and unit_of(a) == unit_of(b):
            err(f"cross-unit decoy ({a}, {b}) within one unit")

    if errors:
        for e in errors:
            print("ERROR:", e)
        print(f"{len(errors)} error(s)")
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
