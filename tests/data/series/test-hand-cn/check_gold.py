#!/usr/bin/env python3
"""Check gold.json of the hand-CN series against its documents. Prints OK or the problems.

Checks: the form of gold.json; file names; UTF-8 / NFC / LF / no BOM; every text an exact,
unique substring of its file, items not overlapping; every bullet of the results and tasks
sections labelled (headings and lead-ins skipped) and one sentence each; 10-12 tasks and
10-12 results per document (results may be absent only if a document reports nothing);
periods agree with the documents' headings; links within one unit, forward in time,
answering the first document that reports on the task's month; allowed statuses and kinds;
gaps exactly the unlinked tasks of non-last documents; decoys never linked.
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
MIN_ITEMS, MAX_ITEMS = 10, 12
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
NAME_RE = re.compile(r"^([a-z0-9-]+)_(\d{4}-\d{2})\.txt$")
MONTH_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
ROMAN_RE = re.compile(r"^(I|II|III|IV|V|VI)\. (.*)$")
SUBHEAD_RE = re.compile(r"^\d+\. Tháng (\d{1,2})/(\d{4})$")
HEAD_MONTH_RE = re.compile(r"THÁNG (\d{1,2})/(\d{4})", re.IGNORECASE)

problems = []


def err(msg):
    problems.append(msg)


def ym(m, y):
    return f"{int(y):04d}-{int(m):02d}"


def main():
    path = os.path.join(HERE, "gold.json")
    with open(path, encoding="utf-8") as f:
        gold = json.load(f)

    # ---------- form
    need = {"documents": list, "tasks": list, "results": list, "follow_through": list,
            "carry_over": list, "gaps": list}
    for k, t in need.items():
        if not isinstance(gold.get(k), t):
            err(f"gold.json: '{k}' missing or not a {t.__name__}")
    if problems:
        return
    decoys = gold.get("cross_unit_decoys", [])
    extra = set(gold) - set(need) - {"cross_unit_decoys"}
    if extra:
        err(f"gold.json: unexpected keys {sorted(extra)}")

    docs = {}
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err(f"document fields: {d}")
            continue
        if d["file"] in docs:
            err(f"document listed twice: {d['file']}")
        docs[d["file"]] = d
        m = NAME_RE.match(d["file"])
        if not m:
            err(f"bad file name {d['file']}")
        elif m.group(2) != d["planned_period"]:
            err(f"{d['file']}: planned_period {d['planned_period']} differs from the name")
        if not MONTH_RE.match(d["planned_period"]):
            err(f"{d['file']}: bad planned_period")
        if not isinstance(d["reported_months"], list) or not all(
                isinstance(x, str) and MONTH_RE.match(x) for x in d["reported_months"]):
            err(f"{d['file']}: bad reported_months")
        elif any(x >= d["planned_period"] for x in d["reported_months"]):
            err(f"{d['file']}: a reported month is not before the planned month")
    on_disk = sorted(n for n in os.listdir(HERE) if n.endswith(".txt"))
    if sorted(docs) != on_disk:
        err(f"documents in gold {sorted(docs)} != .txt files on disk {on_disk}")

    items = {}
    for kind, key in (("task", "tasks"), ("result", "results")):
        for it in gold[key]:
            if set(it) != {"id", "file", "period", "text"}:
                err(f"{kind} fields: {it}")
                continue
            if it["id"] in items:
                err(f"duplicate id {it['id']}")
            if it["file"] not in docs:
                err(f"{it['id']}: unknown file {it['file']}")
                continue
            if not MONTH_RE.match(it["period"]):
                err(f"{it['id']}: bad period")
            if not it["text"] or "\n" in it["text"]:
                err(f"{it['id']}: empty or multi-line text")
            items[it["id"]] = dict(it, kind=kind)

    # ---------- files: encoding, NFC, line ends
    texts = {}
    for fn in docs:
        p = os.path.join(HERE, fn)
        if not os.path.exists(p):
            continue
        raw = open(p, "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{fn}: BOM")
        if b"\r" in raw:
            err(f"{fn}: CR line ends")
        try:
            s = raw.decode("utf-8")
        except UnicodeDecodeError:
            err(f"{fn}: not UTF-8")
            continue
        if unicodedata.normalize("NFC", s) != s:
            err(f"{fn}: not NFC")
        texts[fn] = s

    # ---------- substrings, uniqueness, overlaps
    spans = {fn: [] for fn in texts}
    for iid, it in items.items():
        s = texts.get(it["file"])
        if s is None:
            continue
        if unicodedata.normalize("NFC", it["text"]) != it["text"]:
            err(f"{iid}: text not NFC")
        n = s.count(it["text"])
        if n != 1:
            err(f"{iid}: text occurs {n} times in {it['file']}")
            continue
        a = s.index(it["text"])
        spans[it["file"]].append((a, a + len(it["text"]), iid))
    for fn, sp in spans.items():
        sp.sort()
        for (a1, b1, i1), (a2, b2, i2) in zip(sp, sp[1:]):
            if a2 < b1:
                err(f"{fn}: {i1} and {i2} overlap")

    # ---------- sections: every bullet labelled, periods, counts
    by_file_text = {}
    for iid, it in items.items():
        by_file_text.setdefault(it["file"], {})[it["text"]] = iid
    for fn, s in texts.items():
        d = docs[fn]
        section, sec_month, sub_month = None, None, None
        seen_tasks, seen_results, result_months = [], [], []
        tasks_heading_month = None
        for ln in s.split("\n"):
            mr = ROMAN_RE.match(ln)
            if mr:
                head = mr.group(2)
                hm = HEAD_MONTH_RE.findall(head)
                if head.upper().startswith("KẾT QUẢ"):
                    section = "result"
                    sec_month = ym(*hm[-1]) if hm else None
                    sub_month = None
                elif "NHIỆM VỤ TRỌNG TÂM" in head.upper() or "PHƯƠNG HƯỚNG" in head.upper():
                    section = "task"
                    tasks_heading_month = ym(*hm[-1]) if hm else None
                else:
                    section = "other"
                continue
            if section not in ("result", "task"):
                continue
            if not ln.strip():
                continue
            if ln.startswith("- "):
                body = ln[2:]
                iid = by_file_text.get(fn, {}).get(body)
                if iid is None:
                    err(f"{fn}: unlabelled or partly labelled bullet: {body[:70]}")
                    continue
                it = items[iid]
                if it["kind"] != section:
                    err(f"{iid}: labelled {it['kind']} but sits in the {section} section")
                if re.search(r"[.!?] +\S", body):
                    err(f"{iid}: bullet holds more than one sentence")
                if section == "task":
                    seen_tasks.append(iid)
                    if it["period"] != d["planned_period"]:
                        err(f"{iid}: period {it['period']} != planned {d['planned_period']}")
                else:
                    seen_results.append(iid)
                    month = sub_month or sec_month
                    if it["period"] != month:
                        err(f"{iid}: period {it['period']} != section month {month}")
                    if month not in result_months:
                        result_months.append(month)
                continue
            ms = SUBHEAD_RE.match(ln)
            if ms and section == "result":
                sub_month = ym(ms.group(1), ms.group(2))
                continue
            if ln.rstrip().endswith(":"):
                continue  # lead-in
            err(f"{fn}: unlabelled line in the {section} section: {ln[:70]}")
        if tasks_heading_month != d["planned_period"]:
            err(f"{fn}: tasks heading month {tasks_heading_month} != planned {d['planned_period']}")
        if result_months != d["reported_months"]:
            err(f"{fn}: months of the results {result_months} != reported {d['reported_months']}")
        file_tasks = [i for i, it in items.items() if it["file"] == fn and it["kind"] == "task"]
        file_results = [i for i, it in items.items() if it["file"] == fn and it["kind"] == "result"]
        if sorted(file_tasks) != sorted(seen_tasks):
            err(f"{fn}: task items not all found as bullets of the tasks section")
        if sorted(file_results) != sorted(seen_results):
            err(f"{fn}: result items not all found as bullets of the results section")
        if not MIN_ITEMS <= len(file_tasks) <= MAX_ITEMS:
            err(f"{fn}: {len(file_tasks)} tasks")
        if not (MIN_ITEMS <= len(file_results) <= MAX_ITEMS or
                (not file_results and not d["reported_months"])):
            err(f"{fn}: {len(file_results)} results")

    # ---------- links
    def doc_of(iid):
        return docs[items[iid]["file"]]

    def unit_docs(unit):
        return sorted((x for x in docs.values() if x["unit"] == unit),
                      key=lambda x: x["planned_period"])

    linked = set()
    seen_links = set()
    for ft in gold["follow_through"]:
        t, r, st = ft.get("task"), ft.get("result"), ft.get("status")
        if set(ft) != {"task", "result", "status"}:
            err(f"follow_through fields: {ft}")
        if (t, r) in seen_links:
            err(f"follow_through {t}->{r} twice")
        seen_links.add((t, r))
        if items.get(t, {}).get("kind") != "task" or items.get(r, {}).get("kind") != "result":
            err(f"follow_through {t}->{r}: not a task->result pair")
            continue
        if st not in STATUSES:
            err(f"follow_through {t}->{r}: status {st}")
        dt, dr = doc_of(t), doc_of(r)
        if dt["unit"] != dr["unit"]:
            err(f"follow_through {t}->{r}: across units")
        if dr["planned_period"] <= dt["planned_period"]:
            err(f"follow_through {t}->{r}: not forward in time")
        if items[r]["period"] != items[t]["period"]:
            err(f"follow_through {t}->{r}: result period {items[r]['period']} != task period")
        first = next((x for x in unit_docs(dt["unit"])
                      if x["planned_period"] > dt["planned_period"]
                      and items[t]["period"] in x["reported_months"]), None)
        if first is None or first["file"] != dr["file"]:
            err(f"follow_through {t}->{r}: not in the first document reporting on {items[t]['period']}")
        linked.add(t)
    seen_links = set()
    for co in gold["carry_over"]:
        a, b, k = co.get("from"), co.get("to"), co.get("kind")
        if set(co) != {"from", "to", "kind"}:
            err(f"carry_over fields: {co}")
        if (a, b) in seen_links:
            err(f"carry_over {a}->{b} twice")
        seen_links.add((a, b))
        if items.get(a, {}).get("kind") != "task" or items.get(b, {}).get("kind") != "task":
            err(f"carry_over {a}->{b}: not a task->task pair")
            continue
        if k not in KINDS:
            err(f"carry_over {a}->{b}: kind {k}")
        da, db = doc_of(a), doc_of(b)
        if da["unit"] != db["unit"]:
            err(f"carry_over {a}->{b}: across units")
        if db["planned_period"] <= da["planned_period"]:
            err(f"carry_over {a}->{b}: not forward in time")
        linked.add(a)

    # ---------- gaps
    expected = set()
    for iid, it in items.items():
        if it["kind"] != "task":
            continue
        d = doc_of(iid)
        last = unit_docs(d["unit"])[-1]
        if d["file"] != last["file"] and iid not in linked:
            expected.add(iid)
    gaps = gold["gaps"]
    if len(set(gaps)) != len(gaps):
        err("gaps listed twice")
    for g in gaps:
        if items.get(g, {}).get("kind") != "task":
            err(f"gap {g}: not a task")
    if set(gaps) != expected:
        err(f"gaps {sorted(set(gaps))} != unlinked tasks of non-last documents {sorted(expected)}")

    # ---------- decoys
    all_pairs = {(f["task"], f["result"]) for f in gold["follow_through"]} | \
                {(c["from"], c["to"]) for c in gold["carry_over"]}
    for pair in decoys:
        if not (isinstance(pair, list) and len(pair) == 2 and all(p in items for p in pair)):
            err(f"bad decoy {pair}")
            continue
        x, y = pair
        if doc_of(x)["unit"] == doc_of(y)["unit"]:
            err(f"decoy {pair}: same unit")
        if (x, y) in all_pairs or (y, x) in all_pairs:
            err(f"decoy {pair}: linked")
    if len({d["unit"] for d in docs.values()}) > 1 and not decoys:
        err("two units but no cross_unit_decoys")


if __name__ == "__main__":
    main()
    if problems:
        for p in problems:
            print("PROBLEM:", p)
        sys.exit(1)
    print("OK")
