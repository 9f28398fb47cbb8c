#!/usr/bin/env python3
"""Check gold.json of this folder against the documents beside it.

Checks: the form of gold.json; file names; UTF-8, NFC, no BOM, \n line ends;
every item text an exact unique substring of its file, no overlaps; every
bullet of the results and tasks sections labelled with an item of the right
kind (headings "1. ..." and lead-ins ending with ":" skipped; any other
unlabelled line in those sections is an error); 10-18 tasks and 10-18 results
per document (0 results allowed); periods agree with the document headings
and file names, and a document after a skipped month reports every month since
the previous plan; links within one unit and forward in time; statuses and
kinds allowed; gaps exactly the unlinked tasks of non-last documents;
cross-unit decoys never linked. Prints OK when all pass.

Usage: python3 check_gold.py [FOLDER]
"""
import json
import os
import re
import sys
import unicodedata

FOLDER = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__)))
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
NAME = re.compile(r"^[a-z0-9-]+_(\d{4}-\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")

errors = []


def err(msg):
    errors.append(msg)


def month_add(m, k):
    y, mo = int(m[:4]), int(m[5:])
    n = y * 12 + (mo - 1) + k
    return f"{n // 12:04d}-{n % 12 + 1:02d}"


def months_in(line):
    """Months named in a heading like 'THÁNG 02 VÀ THÁNG 3 NĂM 2026' or 'Tháng 3/2026'."""
    up = line.upper()
    out = []
    for mm, yy in re.findall(r"THÁNG (\d{1,2})/(\d{4})", up):
        out.append(f"{int(yy):04d}-{int(mm):02d}")
    if out:
        return out
    years = re.findall(r"NĂM (\d{4})", up)
    if not years:
        return []
    for mm in re.findall(r"THÁNG (\d{1,2})\b", up):
        out.append(f"{int(years[-1]):04d}-{int(mm):02d}")
    return out


def main():
    gpath = os.path.join(FOLDER, "gold.json")
    try:
        gold = json.load(open(gpath, encoding="utf-8"))
    except Exception as e:  # noqa: BLE001
        print(f"FAIL: cannot read gold.json: {e}")
        return 1

    # ---------------- form ----------------
    for key, typ in [("documents", list), ("tasks", list), ("results", list),
                     ("follow_through", list), ("carry_over", list), ("gaps", list)]:
        if not isinstance(gold.get(key), typ):
            err(f"gold.json: '{key}' missing or not a {typ.__name__}")
    if errors:
        return report()
    decoys = gold.get("cross_unit_decoys", [])
    if not isinstance(decoys, list):
        err("cross_unit_decoys not a list")
        decoys = []
    extra = set(gold) - {"documents", "tasks", "results", "follow_through", "carry_over",
                         "gaps", "cross_unit_decoys"}
    if extra:
        err(f"unknown top-level keys {sorted(extra)}")

    docs = {}
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err(f"document fields {sorted(d)}")
            continue
        if d["file"] in docs:
            err(f"document {d['file']} listed twice")
        if not isinstance(d["reported_months"], list) or not all(
                isinstance(m, str) and MONTH.match(m) for m in d["reported_months"]):
            err(f"{d['file']}: bad reported_months {d['reported_months']}")
        if not MONTH.match(str(d["planned_period"])):
            err(f"{d['file']}: bad planned_period {d['planned_period']}")
        docs[d["file"]] = d

    items = {}
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            if set(it) != {"id", "file", "period", "text"}:
                err(f"{kind} item fields {sorted(it)}")
                continue
            if it["id"] in items:
                err(f"duplicate id {it['id']}")
            if it["file"] not in docs:
                err(f"{it['id']}: file {it['file']} not a listed document")
            if not MONTH.match(str(it["period"])):
                err(f"{it['id']}: bad period {it['period']}")
            if not isinstance(it["text"], str) or not it["text"].strip():
                err(f"{it['id']}: empty text")
            items[it["id"]] = dict(it, kind=kind[:-1])
    if errors:
        return report()

    # ---------------- files ----------------
    on_disk = sorted(f for f in os.listdir(FOLDER) if f.endswith(".txt"))
    if sorted(docs) != on_disk:
        err(f"documents {sorted(docs)} != .txt files on disk {on_disk}")
    texts = {}
    for fname, d in docs.items():
        m = NAME.match(fname)
        if not m:
            err(f"{fname}: bad file name")
        elif m.group(1) != d["planned_period"]:
            err(f"{fname}: name month {m.group(1)} != planned_period {d['planned_period']}")
        path = os.path.join(FOLDER, fname)
        if not os.path.exists(path):
            err(f"{fname}: missing")
            continue
        raw = open(path, "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{fname}: BOM")
        if b"\r" in raw:
            err(f"{fname}: CR in line ends")
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            err(f"{fname}: not UTF-8: {e}")
            continue
        if unicodedata.normalize("NFC", t) != t:
            err(f"{fname}: not NFC")
        if "{{" in t or "}}" in t:
            err(f"{fname}: hand marks left in text")
        for must in ("ĐẢNG CỘNG SẢN VIỆT NAM", "Số ", "THÔNG BÁO", "Nơi nhận:", "T/M BAN THƯỜNG VỤ"):
            if must not in t:
                err(f"{fname}: header/closing lacks '{must}'")
        texts[fname] = t
    if errors:
        return report()

    # ---------------- substrings, overlaps ----------------
    spans = {f: [] for f in docs}
    for iid, it in items.items():
        t = texts[it["file"]]
        if unicodedata.normalize("NFC", it["text"]) != it["text"]:
            err(f"{iid}: text not NFC")
        n = t.count(it["text"])
        if n != 1:
            err(f"{iid}: text occurs {n} times in {it['file']}")
            continue
        s = t.index(it["text"])
        spans[it["file"]].append((s, s + len(it["text"]), iid))
    for f, sp in spans.items():
        sp.sort()
        for a, b in zip(sp, sp[1:]):
            if b[0] < a[1]:
                err(f"{f}: items {a[2]} and {b[2]} overlap")

    # ---------------- sections: every bullet labelled ----------------
    by_text = {}
    for iid, it in items.items():
        by_text[(it["file"], it["text"])] = iid
    seen_in_section = set()
    for fname, t in texts.items():
        d = docs[fname]
        lines = t.split("\n")
        section = None
        sub_months = None
        res_heading_months = None
        task_heading_months = None
        for ln in lines:
            s = ln.strip()
            if re.match(r"^I\.\s", s):
                section = "result"
                res_heading_months = months_in(s)
                sub_months = None
                continue
            if re.match(r"^II\.\s", s):
                section = "limitation"
                continue
            if re.match(r"^III\.\s", s):
                section = "task"
                task_heading_months = months_in(s)
                continue
            if section == "task" and s.startswith("Giao "):
                section = None
                continue
            if section not in ("result", "task") or not s:
                continue
            if re.match(r"^\d+\.\s", s):
                if section == "result":
                    ms = months_in(s)
                    sub_months = ms[0] if len(ms) == 1 else None
                continue
            if s.endswith(":") and not s.startswith("- "):
                continue  # lead-in
            if not s.startswith("- "):
                err(f"{fname}: unlabelled non-bullet line in {section} section: {s[:60]}")
                continue
            body = s[2:]
            iid = by_text.get((fname, body))
            if iid is None:
                err(f"{fname}: bullet not labelled exactly as one item: {body[:60]}")
                continue
            it = items[iid]
            if it["kind"] != section:
                err(f"{iid}: a {it['kind']} in the {section} section")
            if section == "result" and sub_months and it["period"] != sub_months:
                err(f"{iid}: period {it['period']} but subsection says {sub_months}")
            seen_in_section.add(iid)
        if res_heading_months is None or task_heading_months is None:
            err(f"{fname}: results or tasks heading not found")
            continue
        if sorted(res_heading_months) != sorted(d["reported_months"]):
            err(f"{fname}: results heading months {res_heading_months} != reported_months {d['reported_months']}")
        if task_heading_months != [d["planned_period"]]:
            err(f"{fname}: tasks heading months {task_heading_months} != planned_period {d['planned_period']}")
    for iid in items:
        if iid not in seen_in_section:
            err(f"{iid}: not found as a bullet of its section")

    # ---------------- counts, periods ----------------
    for fname, d in docs.items():
        nt = sum(1 for it in items.values() if it["file"] == fname and it["kind"] == "task")
        nr = sum(1 for it in items.values() if it["file"] == fname and it["kind"] == "result")
        if not 10 <= nt <= 18:
            err(f"{fname}: {nt} tasks (want 10-18)")
        if nr and not 10 <= nr <= 18:
            err(f"{fname}: {nr} results (want 10-18 or 0)")
        if nr == 0 and d["reported_months"]:
            err(f"{fname}: reports {d['reported_months']} but has no result")
        for m in d["reported_months"]:
            if m >= d["planned_period"]:
                err(f"{fname}: reported month {m} not before planned {d['planned_period']}")
    for iid, it in items.items():
        d = docs[it["file"]]
        if it["kind"] == "task" and it["period"] != d["planned_period"]:
            err(f"{iid}: period {it['period']} != planned_period {d['planned_period']}")
        if it["kind"] == "result" and it["period"] not in d["reported_months"]:
            err(f"{iid}: period {it['period']} not in reported_months {d['reported_months']}")

    units = {}
    for d in docs.values():
        units.setdefault(d["unit"], []).append(d)
    last_doc = {}
    for u, ds in units.items():
        ds.sort(key=lambda d: d["planned_period"])
        plans = [d["planned_period"] for d in ds]
        if len(set(plans)) != len(plans):
            err(f"{u}: two documents plan the same month")
        for prev, cur in zip(ds, ds[1:]):
            want = []
            m = prev["planned_period"]
            while m < cur["planned_period"]:
                want.append(m)
                m = month_add(m, 1)
            if cur["reported_months"] != want:
                err(f"{cur['file']}: reports {cur['reported_months']}, expected {want} after {prev['file']}")
        last_doc[u] = ds[-1]["file"]

    def unit_of(iid):
        return docs[items[iid]["file"]]["unit"]

    def plan_of(iid):
        return docs[items[iid]["file"]]["planned_period"]

    # ---------------- links ----------------
    linked_from = set()
    pairs = set()
    seen_ft = set()
    for ln in gold["follow_through"]:
        if set(ln) != {"task", "result", "status"}:
            err(f"follow_through fields {sorted(ln)}")
            continue
        t, r = ln["task"], ln["result"]
        if t not in items or items[t]["kind"] != "task":
            err(f"follow_through: {t} is not a task")
            continue
        if r not in items or items[r]["kind"] != "result":
            err(f"follow_through: {r} is not a result")
            continue
        if (t, r) in seen_ft:
            err(f"follow_through {t}->{r} twice")
        seen_ft.add((t, r))
        if ln["status"] not in STATUSES:
            err(f"follow_through {t}->{r}: status {ln['status']}")
        if unit_of(t) != unit_of(r):
            err(f"follow_through {t}->{r} crosses units")
        if plan_of(r) <= plan_of(t):
            err(f"follow_through {t}->{r} not forward in time")
        if items[r]["period"] < items[t]["period"]:
            err(f"follow_through {t}->{r}: result period before task period")
        # the result sits in the first later document reporting the task's month
        later = [d for d in units[unit_of(t)] if d["planned_period"] > plan_of(t)
                 and items[t]["period"] in d["reported_months"]]
        if later and later[0]["file"] != items[r]["file"]:
            err(f"follow_through {t}->{r}: expected in {later[0]['file']}")
        linked_from.add(t)
        pairs.add(frozenset((t, r)))
    seen_co = set()
    for ln in gold["carry_over"]:
        if set(ln) != {"from", "to", "kind"}:
            err(f"carry_over fields {sorted(ln)}")
            continue
        a, b = ln["from"], ln["to"]
        if a not in items or items[a]["kind"] != "task" or b not in items or items[b]["kind"] != "task":
            err(f"carry_over {a}->{b}: both ends must be tasks")
            continue
        if (a, b) in seen_co:
            err(f"carry_over {a}->{b} twice")
        seen_co.add((a, b))
        if ln["kind"] not in KINDS:
            err(f"carry_over {a}->{b}: kind {ln['kind']}")
        if unit_of(a) != unit_of(b):
            err(f"carry_over {a}->{b} crosses units")
        if plan_of(b) <= plan_of(a):
            err(f"carry_over {a}->{b} not forward in time")
        linked_from.add(a)
        pairs.add(frozenset((a, b)))
    splits = {}
    for ln in gold["carry_over"]:
        if ln.get("kind") == "split":
            splits.setdefault(ln["from"], []).append(ln["to"])
    for a, tos in splits.items():
        if len(tos) < 2:
            err(f"carry_over split from {a} has only one part")

    # ---------------- gaps ----------------
    want_gaps = sorted(iid for iid, it in items.items() if it["kind"] == "task"
                       and it["file"] != last_doc[docs[it["file"]]["unit"]]
                       and iid not in linked_from)
    if len(set(gold["gaps"])) != len(gold["gaps"]):
        err("gaps has duplicates")
    if sorted(gold["gaps"]) != want_gaps:
        err(f"gaps {sorted(gold['gaps'])} != unlinked tasks of non-last documents {want_gaps}")

    # ---------------- decoys ----------------
    for p in decoys:
        if not (isinstance(p, list) and len(p) == 2 and all(x in items for x in p)):
            err(f"bad decoy pair {p}")
            continue
        if unit_of(p[0]) == unit_of(p[1]):
            err(f"decoy pair {p} within one unit")
        if frozenset(p) in pairs:
            err(f"decoy pair {p} is linked")
    if len(units) > 1 and not decoys:
        err("two units but no cross_unit_decoys")

    return report()


def report():
    if errors:
        for e in errors:
            print("ERROR:", e)
        print(f"FAIL ({len(errors)} errors)")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
