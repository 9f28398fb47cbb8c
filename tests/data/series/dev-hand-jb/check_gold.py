#!/usr/bin/env python3
"""Check gold.json of the hand-jb series against the documents beside it.

Checks: the form of gold.json; file names; UTF-8 (no BOM, \n only) and NFC; every item
text an exact, unique substring of its file, no two items overlapping; every bullet of
the results and tasks sections labelled (headings and lead-ins skipped) and no item
outside those sections; task/result counts per document; periods agree with the
section headings of the documents; links within one unit and forward in time; allowed
statuses and kinds; gaps exactly the unlinked tasks of non-last documents; decoys never
linked.  Prints OK when everything holds, else the list of problems.
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


# Bullet markers as the clerks type them; the marker and the space after it are never
# part of an item's text.
BULLETS = ["✅", "👉", "🔹", "▪️", "➡️", "*", "-", "➖"]
KEYCAP = re.compile(r"^[0-9]\ufe0f?\u20e3")
RESULTS_HEAD = "📌"
TASKS_HEAD = "🎯"
LIMIT_HEADS = ("⚠️", "❗", "⛔")
CLOSING = ("Thường trực Đảng ủy giao", "Đề nghị", "Nơi nhận")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
FNAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4})-(\d{2})\.txt$")
ID = re.compile(r"^[TR]\d{2}-\d+$")


def bullet_text(line):
    for b in BULLETS:
        if line.startswith(b + " "):
            return line[len(b) + 1:].rstrip()
    return None


def months_in(line, year):
    out = []
    for m in re.findall(r"[Tt]háng (\d{1,2})", line):
        out.append(f"{year}-{int(m):02d}")
    return out


def parse_sections(text, year):
    """Return list of (kind, period, item_text) for each bullet of results/tasks sections,
    and a list of unexplained lines inside those sections."""
    items, stray, heads = [], [], {"results": [], "tasks": []}
    mode, period, multi = None, None, []
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            continue
        if line.startswith(RESULTS_HEAD):
            mode = "results"
            ms = months_in(line, year)
            # "tháng 6 và tháng 7" or "tháng 6 và 7"
            extra = re.findall(r"và (\d{1,2})\b", line)
            ms += [f"{year}-{int(x):02d}" for x in extra]
            heads["results"].extend(ms)
            multi = ms
            period = ms[0] if len(ms) == 1 else None
            continue
        if line.startswith(TASKS_HEAD):
            mode = "tasks"
            ms = months_in(line, year)
            heads["tasks"].extend(ms)
            period = ms[0] if len(ms) == 1 else None
            continue
        if line.startswith(LIMIT_HEADS) or line.startswith(CLOSING):
            mode = None
            continue
        if mode is None:
            continue
        bt = bullet_text(line)
        if bt is not None:
            items.append((mode, period, bt))
            continue
        if KEYCAP.match(line):
            if mode == "results" and len(multi) > 1:
                ms = months_in(line, year)
                if len(ms) == 1:
                    period = ms[0]
            continue
        if line.endswith(":"):
            continue  # lead-in
        stray.append((mode, line))
    return items, stray, heads


def main():
    path = os.path.join(HERE, "gold.json")
    with open(path, encoding="utf-8") as f:
        gold = json.load(f)

    # ---- form
    for key in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
        if key not in gold or not isinstance(gold[key], list):
            err(f"gold.json: missing list {key}")
    if errors:
        return
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err(f"document fields: {d}")
    for k in ("tasks", "results"):
        for it in gold[k]:
            if set(it) != {"id", "file", "period", "text"}:
                err(f"{k} fields: {it}")
            if not ID.match(it.get("id", "")) or it["id"][0] != k[0].upper():
                err(f"bad id {it.get('id')} in {k}")
            if not it.get("text") or it["text"] != it["text"].strip():
                err(f"empty or unstripped text: {it.get('id')}")
            elif bullet_text(it["text"] + " ") is not None or KEYCAP.match(it["text"]):
                err(f"item text starts with a marker: {it['id']}")
    for l in gold["follow_through"]:
        if set(l) != {"task", "result", "status"}:
            err(f"follow_through fields: {l}")
    for l in gold["carry_over"]:
        if set(l) != {"from", "to", "kind"}:
            err(f"carry_over fields: {l}")
    decoys = gold.get("cross_unit_decoys", [])
    if errors:
        return

    docs = {d["file"]: d for d in gold["documents"]}
    if len(docs) != len(gold["documents"]):
        err("duplicate document file")
    tasks = {t["id"]: t for t in gold["tasks"]}
    results = {r["id"]: r for r in gold["results"]}
    if len(tasks) != len(gold["tasks"]) or len(results) != len(gold["results"]):
        err("duplicate item id")

    # ---- files
    on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if on_disk != sorted(docs):
        err(f"documents on disk {on_disk} != gold {sorted(docs)}")
    texts = {}
    for fn, d in docs.items():
        m = FNAME.match(fn)
        if not m:
            err(f"bad file name {fn}")
            continue
        if f"{m.group(2)}-{m.group(3)}" != d["planned_period"]:
            err(f"{fn}: name month != planned_period {d['planned_period']}")
        with open(os.path.join(HERE, fn), "rb") as f:
            raw = f.read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{fn}: BOM")
        if b"\r" in raw:
            err(f"{fn}: CR in line ends")
        try:
            txt = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            err(f"{fn}: not UTF-8 ({e})")
            continue
        if unicodedata.normalize("NFC", txt) != txt:
            err(f"{fn}: not NFC")
        texts[fn] = txt
        for p in d["reported_months"] + [d["planned_period"]]:
            if not re.match(r"^\d{4}-\d{2}$", p):
                err(f"{fn}: bad period {p}")
        if any(p >= d["planned_period"] for p in d["reported_months"]):
            err(f"{fn}: reported month not before planned period")

    # ---- substrings, uniqueness, overlaps
    spans = {fn: [] for fn in docs}
    for it in list(tasks.values()) + list(results.values()):
        fn = it["file"]
        if fn not in texts:
            err(f"{it['id']}: unknown file {fn}")
            continue
        n = texts[fn].count(it["text"])
        if n != 1:
            err(f"{it['id']}: text occurs {n} times in {fn}")
            continue
        s = texts[fn].index(it["text"])
        spans[fn].append((s, s + len(it["text"]), it["id"]))
    for fn, sp in spans.items():
        sp.sort()
        for a, b in zip(sp, sp[1:]):
            if b[0] < a[1]:
                err(f"{fn}: {a[2]} overlaps {b[2]}")

    # ---- sections: every bullet labelled, every item in its section, periods agree
    for fn, txt in texts.items():
        d = docs[fn]
        year = d["planned_period"][:4]
        items, stray, heads = parse_sections(txt, year)
        for mode, line in stray:
            err(f"{fn}: unlabelled non-bullet line in {mode} section: {line[:60]}")
        want_t = {t["text"]: t for t in tasks.values() if t["file"] == fn}
        want_r = {r["text"]: r for r in results.values() if r["file"] == fn}
        got_t, got_r = set(), set()
        for mode, period, bt in items:
            pool = want_t if mode == "tasks" else want_r
            if bt not in pool:
                err(f"{fn}: unlabelled {mode} bullet: {bt[:60]}")
                continue
            it = pool[bt]
            (got_t if mode == "tasks" else got_r).add(it["id"])
            if it["period"] != period:
                err(f"{fn}: {it['id']} period {it['period']} != section period {period}")
        for t in want_t.values():
            if t["id"] not in got_t:
                err(f"{fn}: task {t['id']} is not a bullet of the tasks section")
        for r in want_r.values():
            if r["id"] not in got_r:
                err(f"{fn}: result {r['id']} is not a bullet of a results section")
        if heads["tasks"] != [d["planned_period"]]:
            err(f"{fn}: tasks heading months {heads['tasks']} != planned {d['planned_period']}")
        if want_r and sorted(set(heads["results"])) != sorted(d["reported_months"]):
            err(f"{fn}: results heading months {heads['results']} != reported {d['reported_months']}")
        nt, nr = len(want_t), len(want_r)
        if not 10 <= nt <= 18:
            err(f"{fn}: {nt} tasks (need 10-18)")
        if not (nr == 0 or 10 <= nr <= 18):
            err(f"{fn}: {nr} results (need 0 or 10-18)")
        for t in want_t.values():
            if t["period"] != d["planned_period"]:
                err(f"{t['id']}: period != planned period of {fn}")
        for r in want_r.values():
            if r["period"] not in d["reported_months"]:
                err(f"{r['id']}: period not among reported months of {fn}")

    # ---- links
    def unit(it):
        return docs[it["file"]]["unit"]

    def planned(it):
        return docs[it["file"]]["planned_period"]

    seen = set()
    linked = {}
    for l in gold["follow_through"]:
        t, r = tasks.get(l["task"]), results.get(l["result"])
        if t is None or r is None:
            err(f"follow_through unknown id: {l}")
            continue
        key = ("F", l["task"], l["result"])
        if key in seen:
            err(f"duplicate link {key}")
        seen.add(key)
        if l["status"] not in STATUSES:
            err(f"bad status {l}")
        if unit(t) != unit(r):
            err(f"follow_through across units: {l}")
        if not planned(r) > planned(t) or r["period"] < t["period"]:
            err(f"follow_through not forward in time: {l}")
        linked.setdefault(l["task"], set()).add("F")
    for l in gold["carry_over"]:
        a, b = tasks.get(l["from"]), tasks.get(l["to"])
        if a is None or b is None:
            err(f"carry_over unknown id: {l}")
            continue
        key = ("C", l["from"], l["to"])
        if key in seen:
            err(f"duplicate link {key}")
        seen.add(key)
        if l["kind"] not in KINDS:
            err(f"bad kind {l}")
        if unit(a) != unit(b):
            err(f"carry_over across units: {l}")
        if not b["period"] > a["period"]:
            err(f"carry_over not forward in time: {l}")
        linked.setdefault(l["from"], set()).add("C")

    # ---- gaps
    last = {}
    for d in gold["documents"]:
        u = d["unit"]
        if u not in last or d["planned_period"] > last[u]:
            last[u] = d["planned_period"]
    expect = sorted(tid for tid, t in tasks.items()
                    if planned(t) != last[unit(t)] and tid not in linked)
    if len(set(gold["gaps"])) != len(gold["gaps"]):
        err("duplicate gap")
    if sorted(gold["gaps"]) != expect:
        err(f"gaps {sorted(gold['gaps'])} != unlinked tasks of non-last documents {expect}")

    # ---- decoys
    units = {d["unit"] for d in gold["documents"]}
    if len(units) < 2 and decoys:
        err("cross_unit_decoys given for a one-unit series")
    pairs = {(l["task"], l["result"]) for l in gold["follow_through"]}
    pairs |= {(l["from"], l["to"]) for l in gold["carry_over"]}
    allitems = dict(tasks, **results)
    for p in decoys:
        if len(p) != 2 or any(x not in allitems for x in p):
            err(f"bad decoy {p}")
            continue
        a, b = allitems[p[0]], allitems[p[1]]
        if unit(a) == unit(b):
            err(f"decoy within one unit {p}")
        if (p[0], p[1]) in pairs or (p[1], p[0]) in pairs:
            err(f"decoy linked {p}")


if __name__ == "__main__":
    main()
    if errors:
        for e in errors:
            print("ERROR:", e)
        sys.exit(1)
    print("OK")
