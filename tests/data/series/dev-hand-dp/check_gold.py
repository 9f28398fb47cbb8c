#!/usr/bin/env python3
"""Check gold.json of this series against its documents and the annotation rules.

Checks: the form; file names; UTF-8, no BOM, NFC, '\\n' line ends; every text an
exact unique substring of its file, no overlaps; every bullet/numbered line of the
results and tasks sections labelled with exactly its text (headings, lead-ins,
limitations skipped), one sentence per item; counts per document; periods agree
with the documents (file name, section headings); links within one unit and
forward in time; allowed statuses and kinds; gaps exactly the unlinked tasks of
non-last documents; decoys (cross-unit, and the within-unit look-alikes of
_src/lookalikes.json) never linked. Prints OK when all pass."""
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ERRORS = []


def err(msg):
    ERRORS.append(msg)


FNAME = re.compile(r"^[a-z0-9-]+_(\d{4})-(\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
ITEM_MARK = re.compile(r"^(- |\+ |\(\d+\) |\d+\.\d+\. )")
HEADING = re.compile(r"^(\d+\. |[a-zđ]\) )\S")
SEC_RESULTS = re.compile(r"^I\. KẾT QUẢ")
SEC_TASKS = re.compile(r"^II\. NHIỆM VỤ TRỌNG TÂM")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
QUARTERS = {"I": (1, 2, 3), "II": (4, 5, 6), "III": (7, 8, 9), "IV": (10, 11, 12)}


def month_tokens(line):
    """(month, year-or-None) pairs written as 'THÁNG 8', 'THÁNG 9/2025', 'THÁNG 01/2026'."""
    out = []
    for m in re.finditer(r"THÁNG (\d{1,2})(?:/(\d{4}))?(?: NĂM (\d{4}))?", line.upper()):
        out.append((int(m.group(1)), m.group(2) or m.group(3)))
    return out


def main():
    gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
    # ---- form ----
    for key, typ in (("documents", list), ("tasks", list), ("results", list),
                     ("follow_through", list), ("carry_over", list), ("gaps", list)):
        if not isinstance(gold.get(key), typ):
            err(f"gold.json: '{key}' missing or not a {typ.__name__}")
    if ERRORS:
        return
    if not isinstance(gold.get("cross_unit_decoys", []), list):
        err("cross_unit_decoys not a list")
    docs = gold["documents"]
    for d in docs:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err(f"document keys {sorted(d)}")
    for t in gold["tasks"] + gold["results"]:
        if set(t) != {"id", "file", "period", "text"}:
            err(f"item keys {sorted(t)} ({t.get('id')})")
    for f in gold["follow_through"]:
        if set(f) != {"task", "result", "status"}:
            err(f"follow_through keys {sorted(f)}")
    for c in gold["carry_over"]:
        if set(c) != {"from", "to", "kind"}:
            err(f"carry_over keys {sorted(c)}")
    if ERRORS:
        return

    # ---- documents: names, encoding, periods ----
    bydoc = {}
    files = [d["file"] for d in docs]
    if len(set(files)) != len(files):
        err("duplicate document file")
    for d in docs:
        m = FNAME.match(d["file"])
        if not m:
            err(f"bad file name {d['file']}")
            continue
        if f"{m.group(1)}-{m.group(2)}" != d["planned_period"]:
            err(f"{d['file']}: name month != planned_period {d['planned_period']}")
        if not MONTH.match(d["planned_period"]) or not all(MONTH.match(x) for x in d["reported_months"]):
            err(f"{d['file']}: malformed period")
        if any(x >= d["planned_period"] for x in d["reported_months"]):
            err(f"{d['file']}: a reported month is not before the planned month")
        path = HERE / d["file"]
        if not path.exists():
            err(f"missing {d['file']}")
            continue
        raw = path.read_bytes()
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{d['file']}: BOM")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            err(f"{d['file']}: not UTF-8 ({e})")
            continue
        if "\r" in text:
            err(f"{d['file']}: CR line ends")
        if unicodedata.normalize("NFC", text) != text:
            err(f"{d['file']}: not NFC")
        if not text.endswith("\n"):
            err(f"{d['file']}: no final newline")
        bydoc[d["file"]] = text

    docmeta = {d["file"]: d for d in docs}
    units = {}
    for d in docs:
        units.setdefault(d["unit"], []).append(d)
    for u in units.values():
        u.sort(key=lambda d: d["planned_period"])
    order = {d["file"]: i for u in units.values() for i, d in enumerate(u)}
    last = {u[-1]["file"] for u in units.values()}

    # ---- items ----
    items = {}
    for kind, lst in (("task", gold["tasks"]), ("result", gold["results"])):
        for it in lst:
            if it["id"] in items:
                err(f"duplicate id {it['id']}")
            items[it["id"]] = dict(it, kind=kind)
            if it["file"] not in bydoc:
                err(f"{it['id']}: unknown file {it['file']}")
                continue
            meta = docmeta[it["file"]]
            if kind == "task" and it["period"] != meta["planned_period"]:
                err(f"{it['id']}: task period {it['period']} != planned {meta['planned_period']}")
            if kind == "result" and it["period"] not in meta["reported_months"]:
                err(f"{it['id']}: result period {it['period']} not a reported month")
            if unicodedata.normalize("NFC", it["text"]) != it["text"]:
                err(f"{it['id']}: text not NFC")
            n = bydoc[it["file"]].count(it["text"])
            if n != 1:
                err(f"{it['id']}: text occurs {n} times in {it['file']}")
            if "\n" in it["text"] or it["text"] != it["text"].strip():
                err(f"{it['id']}: text spans lines or has outer spaces")
            inner = it["text"][:-1]
            for mm in re.finditer(r"[.!?]\s+(\S)", inner):
                if mm.group(1).isupper():
                    err(f"{it['id']}: more than one sentence")
    if ERRORS:
        return
    # overlaps
    for f, text in bydoc.items():
        spans = sorted((text.index(it["text"]), text.index(it["text"]) + len(it["text"]), iid)
                       for iid, it in items.items() if it["file"] == f)
        for a, b in zip(spans, spans[1:]):
            if b[0] < a[1]:
                err(f"{f}: {a[2]} overlaps {b[2]}")

    # ---- sections: every item line labelled ----
    for f, text in bydoc.items():
        meta = docmeta[f]
        by_text = {it["text"]: (iid, it["kind"]) for iid, it in items.items() if it["file"] == f}
        seen = set()
        section = None
        heads = {"results": None, "tasks": None}
        counts = {"task": 0, "result": 0}
        for ln in text.split("\n"):
            s = ln.strip()
            if SEC_RESULTS.match(s):
                section, heads["results"] = "results", s
                continue
            if SEC_TASKS.match(s):
                section, heads["tasks"] = "tasks", s
                continue
            if section == "results" and HEADING.match(s) and "Hạn chế" in s:
                section = "limits"
                continue
            if section == "tasks" and s.startswith("Trên đây"):
                section = "end"
                continue
            if section not in ("results", "tasks") or not s:
                continue
            m = ITEM_MARK.match(s)
            if m:
                body = s[m.end():]
                want = "result" if section == "results" else "task"
                if body not in by_text:
                    err(f"{f}: unlabelled {want} line: {body[:70]}")
                    continue
                iid, k = by_text[body]
                if k != want:
                    err(f"{f}: {iid} is a {k} but sits in the {section} section")
                seen.add(iid)
                counts[k] += 1
            elif HEADING.match(s) or s.endswith(":"):
                if any(t in s for t in by_text):
                    err(f"{f}: a heading or lead-in is labelled: {s[:60]}")
            else:
                err(f"{f}: line in {section} section is neither item, heading nor lead-in: {s[:60]}")
        for iid, it in items.items():
            if it["file"] == f and iid not in seen:
                err(f"{iid}: labelled text is not an item line of its section")
        if not (10 <= counts["task"] <= 18):
            err(f"{f}: {counts['task']} tasks")
        if not (10 <= counts["result"] <= 18) and not (counts["result"] == 0 and not meta["reported_months"]):
            err(f"{f}: {counts['result']} results")
        # periods in headings
        py, pm = map(int, meta["planned_period"].split("-"))
        tm = month_tokens(heads["tasks"] or "")
        if not tm or tm[0][0] != pm or (tm[0][1] and int(tm[0][1]) != py):
            err(f"{f}: tasks heading does not name {meta['planned_period']}: {heads['tasks']}")
        rh = heads["results"] or ""
        q = re.search(r"QUÝ (IV|III|II|I)\b", rh)
        if q:
            months = [int(x.split("-")[1]) for x in meta["reported_months"]]
            if tuple(months) != QUARTERS[q.group(1)]:
                err(f"{f}: quarter {q.group(1)} != reported months {meta['reported_months']}")
        else:
            rm = month_tokens(rh)
            want = [int(x.split("-")[1]) for x in meta["reported_months"]]
            if [m for m, _ in rm] != want:
                err(f"{f}: results heading months {rm} != {meta['reported_months']}")

    # ---- links ----
    def get(iid, kind):
        it = items.get(iid)
        if not it or it["kind"] != kind:
            err(f"link names unknown {kind} {iid}")
            return None
        return it

    pairs = set()
    linked = {}
    for ft in gold["follow_through"]:
        t, r = get(ft["task"], "task"), get(ft["result"], "result")
        if not t or not r:
            continue
        if ft["status"] not in STATUSES:
            err(f"bad status {ft['status']}")
        if docmeta[t["file"]]["unit"] != docmeta[r["file"]]["unit"]:
            err(f"follow-through across units {ft}")
        if order[r["file"]] <= order[t["file"]] or r["period"] < t["period"]:
            err(f"follow-through not forward in time {ft}")
        key = (ft["task"], ft["result"])
        if key in pairs:
            err(f"duplicate link {key}")
        pairs.add(key)
        linked.setdefault(ft["task"], set()).add("ft")
    for co in gold["carry_over"]:
        a, b = get(co["from"], "task"), get(co["to"], "task")
        if not a or not b:
            continue
        if co["kind"] not in KINDS:
            err(f"bad kind {co['kind']}")
        if docmeta[a["file"]]["unit"] != docmeta[b["file"]]["unit"]:
            err(f"carry-over across units {co}")
        if order[b["file"]] <= order[a["file"]]:
            err(f"carry-over not forward in time {co}")
        key = (co["from"], co["to"])
        if key in pairs:
            err(f"duplicate link {key}")
        pairs.add(key)
        linked.setdefault(co["from"], set()).add("co")

    # ---- gaps ----
    want_gaps = {iid for iid, it in items.items()
                 if it["kind"] == "task" and it["file"] not in last and iid not in linked}
    gaps = gold["gaps"]
    if len(set(gaps)) != len(gaps):
        err("duplicate gap")
    if set(gaps) != want_gaps:
        err(f"gaps differ: missing {sorted(want_gaps - set(gaps))}, extra {sorted(set(gaps) - want_gaps)}")

    # ---- decoys ----
    def linked_pair(a, b):
        return (a, b) in pairs or (b, a) in pairs

    for pair in gold.get("cross_unit_decoys", []):
        if len(pair) != 2 or any(p not in items for p in pair):
            err(f"bad decoy pair {pair}")
            continue
        if docmeta[items[pair[0]]["file"]]["unit"] == docmeta[items[pair[1]]["file"]]["unit"]:
            err(f"cross-unit decoy within one unit {pair}")
        if linked_pair(*pair):
            err(f"decoy linked {pair}")
    la = HERE / "_src" / "lookalikes.json"
    if la.exists():
        for a, b, *_ in json.loads(la.read_text(encoding="utf-8"))["pairs"]:
            if a not in items or b not in items:
                err(f"look-alike names unknown id {a} {b}")
            elif linked_pair(a, b):
                err(f"look-alike pair linked {a} {b}")


if __name__ == "__main__":
    main()
    if ERRORS:
        for e in ERRORS:
            print("ERROR:", e)
        sys.exit(1)
    print("OK")
