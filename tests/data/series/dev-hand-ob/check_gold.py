#!/usr/bin/env python3
"""Check gold.json of this folder against its documents. Prints OK or the list of errors."""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


FNAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*_(\d{4}-\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
MARKER = re.compile(r"^(?:\d+(?:\.\d+)*\.|[a-zđ][.)]|[-+])\s+")
RES_START = re.compile(r"^I\.\s")
RES_END = re.compile(r"^II\.\s")
TASK_START = re.compile(r"^III\.\s")
TASK_END = re.compile(r"^(?:IV\.\s|Trên đây|Giao |Nơi nhận)")
SENT_BREAK = re.compile(r"[.!?]\s+(\w)")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}


def month_no(m):
    return int(m.split("-")[1])


def main():
    try:
        with open(os.path.join(HERE, "gold.json"), encoding="utf-8") as f:
            gold = json.load(f)
    except Exception as e:  # noqa
        print(f"cannot read gold.json: {e}")
        sys.exit(1)

    # ---- form ----
    need = {"documents", "tasks", "results", "follow_through", "carry_over", "gaps"}
    allowed = need | {"cross_unit_decoys"}
    if not isinstance(gold, dict):
        print("gold.json is not an object")
        sys.exit(1)
    for k in need - set(gold):
        err(f"missing key {k}")
    for k in set(gold) - allowed:
        err(f"unknown key {k}")
    if errors:
        report()
    shapes = {
        "documents": {"file", "unit", "reported_months", "planned_period"},
        "tasks": {"id", "file", "period", "text"},
        "results": {"id", "file", "period", "text"},
        "follow_through": {"task", "result", "status"},
        "carry_over": {"from", "to", "kind"},
    }
    for key, fields in shapes.items():
        for i, rec in enumerate(gold[key]):
            if not isinstance(rec, dict) or set(rec) != fields:
                err(f"{key}[{i}] must have exactly the fields {sorted(fields)}")
    if not all(isinstance(g, str) for g in gold["gaps"]):
        err("gaps must be a list of ids")
    decoys = gold.get("cross_unit_decoys", [])
    for p in decoys:
        if not (isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p)):
            err(f"bad decoy pair {p}")
    if errors:
        report()

    # ---- documents and files ----
    docs = {}
    for d in gold["documents"]:
        fn = d["file"]
        if fn in docs:
            err(f"document {fn} listed twice")
        docs[fn] = d
        m = FNAME.match(fn)
        if not m:
            err(f"bad file name {fn}")
            continue
        if m.group(1) != d["planned_period"]:
            err(f"{fn}: planned_period {d['planned_period']} differs from the file name")
        if not MONTH.match(d["planned_period"]):
            err(f"{fn}: bad planned_period")
        if not d["reported_months"]:
            err(f"{fn}: no reported month")
        for rm in d["reported_months"]:
            if not MONTH.match(rm):
                err(f"{fn}: bad reported month {rm}")
            elif rm >= d["planned_period"]:
                err(f"{fn}: reported month {rm} not before planned {d['planned_period']}")
        if not d["unit"].strip():
            err(f"{fn}: empty unit")
    on_disk = {f for f in os.listdir(HERE) if f.endswith(".txt")}
    for f in sorted(on_disk - set(docs)):
        err(f"{f} is in the folder but not in gold.json")
    for f in sorted(set(docs) - on_disk):
        err(f"{f} is in gold.json but not in the folder")

    texts, lines_of = {}, {}
    for fn in sorted(docs):
        if fn not in on_disk:
            continue
        raw = open(os.path.join(HERE, fn), "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{fn}: BOM")
        if b"\r" in raw:
            err(f"{fn}: CR line ends")
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            err(f"{fn}: not UTF-8 ({e})")
            continue
        if unicodedata.normalize("NFC", t) != t:
            err(f"{fn}: not NFC")
        if not t.endswith("\n"):
            err(f"{fn}: no final newline")
        texts[fn] = t

    # ---- items ----
    items = {}
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            iid = it["id"]
            if iid in items:
                err(f"id {iid} used twice")
            items[iid] = dict(it, kind=kind)
            fn = it["file"]
            if fn not in docs:
                err(f"{iid}: unknown file {fn}")
                continue
            d = docs[fn]
            if kind == "tasks" and it["period"] != d["planned_period"]:
                err(f"{iid}: period {it['period']} is not the planned period of {fn}")
            if kind == "results" and it["period"] not in d["reported_months"]:
                err(f"{iid}: period {it['period']} not among reported months of {fn}")
            t = texts.get(fn)
            if t is None:
                continue
            s = it["text"]
            if not s or s != s.strip():
                err(f"{iid}: empty text or surrounding blanks")
            if unicodedata.normalize("NFC", s) != s:
                err(f"{iid}: text not NFC")
            if "\n" in s:
                err(f"{iid}: text spans lines")
            p = t.find(s)
            if p < 0:
                err(f"{iid}: text not found in {fn}")
                continue
            if t.find(s, p + 1) >= 0:
                err(f"{iid}: text not unique in {fn}")
            if any(m.group(1).isupper() for m in SENT_BREAK.finditer(s)):
                err(f"{iid}: text holds more than one sentence")
            items[iid]["span"] = (p, p + len(s))

    # ---- sections, overlaps, coverage, counts ----
    for fn, t in texts.items():
        d = docs[fn]
        mine = [i for i in items.values() if i["file"] == fn and "span" in i]
        spans = sorted((i["span"][0], i["span"][1], i["id"]) for i in mine)
        for a, b in zip(spans, spans[1:]):
            if b[0] < a[1]:
                err(f"{fn}: {a[2]} and {b[2]} overlap")
        lines, off = [], 0
        for ln in t.split("\n"):
            lines.append((off, ln))
            off += len(ln) + 1
        sec, bounds = None, {"results": [None, None], "tasks": [None, None]}
        heads = {}
        for o, ln in lines:
            if sec is None and bounds["results"][0] is None and RES_START.match(ln):
                sec = "results"; bounds["results"][0] = o; heads["results"] = ln
            elif sec == "results" and RES_END.match(ln):
                bounds["results"][1] = o; sec = None
            elif sec is None and bounds["tasks"][0] is None and TASK_START.match(ln):
                sec = "tasks"; bounds["tasks"][0] = o; heads["tasks"] = ln
            elif sec == "tasks" and TASK_END.match(ln):
                bounds["tasks"][1] = o; sec = None
        for k in ("results", "tasks"):
            if None in bounds[k]:
                err(f"{fn}: {k} section not found or not closed")
        if errors:
            continue
        # headings name the months
        rh, th = heads["results"], heads["tasks"]
        for rm in d["reported_months"]:
            if not re.search(rf"THÁNG 0?{month_no(rm)}\b", rh) or rm[:4] not in rh:
                err(f"{fn}: results heading does not name {rm}")
        pp = d["planned_period"]
        if not re.search(rf"THÁNG 0?{month_no(pp)}\b", th) or pp[:4] not in th:
            err(f"{fn}: tasks heading does not name {pp}")
        # items sit in their section
        for i in mine:
            lo, hi = bounds[i["kind"]]
            if not (lo <= i["span"][0] and i["span"][1] <= hi):
                err(f"{i['id']}: outside the {i['kind']} section of {fn}")
        # every sentence/bullet of the sections is labelled
        for k in ("results", "tasks"):
            lo, hi = bounds[k]
            cov = [None] * len(t)
            for i in mine:
                for x in range(*i["span"]):
                    cov[x] = i["kind"]
            for o, ln in lines:
                if not (lo < o < hi) or not ln.strip():
                    continue
                m = MARKER.match(ln)
                start = o + (m.end() if m else 0)
                body = t[start:o + len(ln)].rstrip()
                if not body:
                    continue
                if body.endswith(":"):
                    continue  # lead-in
                if not body[-1] in ".;!?)":
                    if len(body) > 150:
                        err(f"{fn}: long unlabelled heading? {body[:60]}")
                    continue  # heading
                for x in range(start, start + len(body)):
                    if t[x].isalnum() and cov[x] != k:
                        err(f"{fn}: unlabelled {k} text in line: {ln[:70]}")
                        break
        nt = sum(1 for i in mine if i["kind"] == "tasks")
        nr = sum(1 for i in mine if i["kind"] == "results")
        if not 10 <= nt <= 18:
            err(f"{fn}: {nt} tasks (need 10-18)")
        if not (nr == 0 or 10 <= nr <= 18):
            err(f"{fn}: {nr} results (need 0 or 10-18)")

    # ---- links ----
    def doc_of(iid):
        return docs.get(items[iid]["file"]) if iid in items else None

    unit_docs = {}
    for d in docs.values():
        unit_docs.setdefault(d["unit"], []).append(d)
    for u in unit_docs:
        unit_docs[u].sort(key=lambda d: d["planned_period"])

    linked = set()
    seen = set()
    for ft in gold["follow_through"]:
        t_, r_ = ft["task"], ft["result"]
        if (t_, r_) in seen:
            err(f"follow-through {t_}->{r_} twice")
        seen.add((t_, r_))
        if t_ not in items or items[t_]["kind"] != "tasks":
            err(f"follow-through: {t_} is not a task"); continue
        if r_ not in items or items[r_]["kind"] != "results":
            err(f"follow-through: {r_} is not a result"); continue
        if ft["status"] not in STATUSES:
            err(f"follow-through {t_}->{r_}: bad status {ft['status']}")
        dt, dr = doc_of(t_), doc_of(r_)
        if dt["unit"] != dr["unit"]:
            err(f"follow-through {t_}->{r_} crosses units")
        if dr["planned_period"] <= dt["planned_period"]:
            err(f"follow-through {t_}->{r_} not forward in time")
        per = items[t_]["period"]
        first = next((d for d in unit_docs[dt["unit"]]
                      if d["planned_period"] > dt["planned_period"] and per in d["reported_months"]), None)
        if first is None or first["file"] != dr["file"]:
            err(f"follow-through {t_}->{r_}: not the first document reporting on {per}")
        if items[r_]["period"] != per:
            err(f"follow-through {t_}->{r_}: result period {items[r_]['period']} is not {per}")
        linked.add(t_)
    seen = set()
    for co in gold["carry_over"]:
        a, b = co["from"], co["to"]
        if (a, b) in seen:
            err(f"carry-over {a}->{b} twice")
        seen.add((a, b))
        if a not in items or items[a]["kind"] != "tasks" or b not in items or items[b]["kind"] != "tasks":
            err(f"carry-over {a}->{b}: both ends must be tasks"); continue
        if co["kind"] not in KINDS:
            err(f"carry-over {a}->{b}: bad kind {co['kind']}")
        da, db = doc_of(a), doc_of(b)
        if da["unit"] != db["unit"]:
            err(f"carry-over {a}->{b} crosses units")
        if items[b]["period"] <= items[a]["period"]:
            err(f"carry-over {a}->{b} not forward in time")
        linked.add(a)
    splits = {}
    for co in gold["carry_over"]:
        if co["kind"] == "split":
            splits.setdefault(co["from"], []).append(co["to"])
    for a, tos in splits.items():
        if len(tos) < 2:
            err(f"split from {a} has a single target")

    # ---- gaps ----
    expected = set()
    for u, ds in unit_docs.items():
        last = ds[-1]["file"]
        for i in items.values():
            if i["kind"] == "tasks" and doc_of(i["id"])["unit"] == u and i["file"] != last \
                    and i["id"] not in linked:
                expected.add(i["id"])
    gaps = set(gold["gaps"])
    if len(gaps) != len(gold["gaps"]):
        err("gap listed twice")
    for g in sorted(gaps - expected):
        err(f"gap {g} is linked, unknown, or in a unit's last document")
    for g in sorted(expected - gaps):
        err(f"task {g} has no link but is not listed as a gap")

    # ---- decoys ----
    pairs = {(f["task"], f["result"]) for f in gold["follow_through"]} | \
            {(c["from"], c["to"]) for c in gold["carry_over"]}
    for a, b in decoys:
        if a not in items or b not in items:
            err(f"decoy {a},{b}: unknown id"); continue
        if doc_of(a)["unit"] == doc_of(b)["unit"]:
            err(f"decoy {a},{b}: same unit")
        if (a, b) in pairs or (b, a) in pairs:
            err(f"decoy {a},{b} is linked")
    report()


def report():
    if errors:
        for e in errors:
            print("ERROR", e)
        print(f"{len(errors)} error(s)")
        sys.exit(1)
    print("OK")
    sys.exit(0)


if __name__ == "__main__":
    main()
