#!/usr/bin/env python3
"""Check gold.json of this series against its documents. Prints OK or the problems.

Checks: the form; file names; UTF-8 / NFC / LF / no BOM; every text an exact unique
substring, no overlaps; every bullet or sentence of the results and tasks sections
labelled (headings and lead-ins ending with ':' skipped), and every label exactly one
such bullet or sentence of the right section; counts per document; periods agree with
the documents; links within one unit and forward in time; statuses and kinds; gaps are
exactly the unlinked tasks of non-last documents; decoys never linked.
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


ROMAN = re.compile(r"^[IVX]+\.\s")
SUBHEAD = re.compile(r"^\d+\.\s")
MONTH = re.compile(r"THÁNG\s+(\d{1,2})/(\d{4})")
FNAME = re.compile(r"^[a-z0-9-]+_(\d{4}-\d{2})\.txt$")
DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}


def sentence_spans(line, base):
    """Split a prose line into sentences: cut after '.' followed by spaces and an
    upper-case letter, a digit or an opening quote/parenthesis."""
    spans, start = [], 0
    for m in re.finditer(r"\.(\s+)(?=\S)", line):
        nxt = line[m.end()]
        if nxt.isupper() or nxt.isdigit() or nxt in "“\"(":
            spans.append((start, m.start() + 1))
            start = m.end()
    spans.append((start, len(line.rstrip())))
    return [(base + a, base + b) for a, b in spans if line[a:b].strip()]


def parse(text):
    """Return dict: units [(start, end, section_kind, month)], result months, task month."""
    units, res_months, task_months = [], [], []
    kind, month = None, None
    pos = 0
    for line in text.split("\n"):
        base = pos
        pos += len(line) + 1
        s = line.strip()
        if not s:
            continue
        if ROMAN.match(s):
            up = s.upper()
            m = MONTH.search(up)
            mon = f"{m.group(2)}-{int(m.group(1)):02d}" if m else None
            if "KẾT QUẢ" in up:
                kind, month = "result", mon
                res_months.append(mon)
            elif "CHƯƠNG TRÌNH CÔNG TÁC" in up or "NHIỆM VỤ" in up:
                kind, month = "task", mon
                task_months.append(mon)
            elif "HẠN CHẾ" in up:
                kind, month = "limitation", None
            else:
                kind, month = "other", None
            continue
        if kind not in ("result", "task"):
            continue
        if SUBHEAD.match(s) or s.endswith(":"):
            continue  # heading or lead-in
        if line.startswith("- "):
            a, b = base + 2, base + len(line.rstrip())
            units.append((a, b, kind, month))
        else:
            for a, b in sentence_spans(line, base):
                units.append((a, b, kind, month))
    return units, res_months, task_months


def main():
    path = os.path.join(HERE, "gold.json")
    try:
        with open(path, encoding="utf-8") as f:
            gold = json.load(f)
    except Exception as e:  # noqa
        print("FAIL: cannot read gold.json:", e)
        return 1

    # ---- form
    for key, typ in [("documents", list), ("tasks", list), ("results", list),
                     ("follow_through", list), ("carry_over", list), ("gaps", list)]:
        if not isinstance(gold.get(key), typ):
            err(f"form: '{key}' missing or not a {typ.__name__}")
    if errors:
        print("\n".join(errors))
        return 1
    decoys = gold.get("cross_unit_decoys", [])
    if not isinstance(decoys, list):
        err("form: cross_unit_decoys not a list")
        decoys = []
    for d in gold["documents"]:
        for k, t in [("file", str), ("unit", str), ("reported_months", list), ("planned_period", str)]:
            if not isinstance(d.get(k), t):
                err(f"form: document {d} field {k}")
    for coll in ("tasks", "results"):
        for it in gold[coll]:
            for k in ("id", "file", "period", "text"):
                if not isinstance(it.get(k), str) or not it.get(k):
                    err(f"form: {coll} item {it.get('id')} field {k}")
    for l in gold["follow_through"]:
        if set(l) != {"task", "result", "status"}:
            err(f"form: follow_through entry {l}")
    for l in gold["carry_over"]:
        if set(l) != {"from", "to", "kind"}:
            err(f"form: carry_over entry {l}")
    if errors:
        print("\n".join(errors))
        return 1

    docs = {d["file"]: d for d in gold["documents"]}
    if len(docs) != len(gold["documents"]):
        err("duplicate document files")
    tasks = {t["id"]: t for t in gold["tasks"]}
    results = {r["id"]: r for r in gold["results"]}
    if len(tasks) != len(gold["tasks"]) or len(results) != len(gold["results"]):
        err("duplicate item ids")
    if set(tasks) & set(results):
        err("an id is both task and result")
    items = {**tasks, **results}

    # ---- files: names, encoding, periods
    texts, parsed = {}, {}
    on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if sorted(docs) != on_disk:
        err(f"documents in gold {sorted(docs)} != .txt files on disk {on_disk}")
    for fn, d in docs.items():
        m = FNAME.match(fn)
        if not m:
            err(f"{fn}: bad file name")
            continue
        if m.group(1) != d["planned_period"]:
            err(f"{fn}: name month != planned_period {d['planned_period']}")
        try:
            raw = open(os.path.join(HERE, fn), "rb").read()
        except OSError as e:
            err(f"{fn}: {e}")
            continue
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{fn}: BOM")
        if b"\r" in raw:
            err(f"{fn}: CR line ends")
        try:
            txt = raw.decode("utf-8")
        except UnicodeDecodeError:
            err(f"{fn}: not UTF-8")
            continue
        if unicodedata.normalize("NFC", txt) != txt:
            err(f"{fn}: not NFC")
        texts[fn] = txt
        units, rmon, tmon = parse(txt)
        parsed[fn] = units
        if sorted(rmon) != sorted(d["reported_months"]):
            err(f"{fn}: result sections {rmon} != reported_months {d['reported_months']}")
        if tmon != [d["planned_period"]]:
            err(f"{fn}: task section months {tmon} != planned_period {d['planned_period']}")
        for must in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "Số:", "Nơi nhận:", "ỦY BAN NHÂN DÂN"):
            if must not in txt:
                err(f"{fn}: header/closing part missing: {must}")
        dm = DATE.search(txt)
        if not dm:
            err(f"{fn}: no date line")
        else:
            issued = f"{dm.group(3)}-{int(dm.group(2)):02d}"
            if issued != max(d["reported_months"]):
                err(f"{fn}: issued {issued}, not in the last reported month")
            if not issued < d["planned_period"]:
                err(f"{fn}: issued {issued} not before planned period")

    # ---- items: exact unique substrings, no overlaps, equal to units
    spans = {}
    for iid, it in items.items():
        fn = it["file"]
        if fn not in texts:
            err(f"{iid}: unknown file {fn}")
            continue
        txt = texts[fn]
        n = txt.count(it["text"])
        if n != 1:
            err(f"{iid}: text occurs {n} times in {fn}")
            continue
        a = txt.index(it["text"])
        spans[iid] = (fn, a, a + len(it["text"]))
    byfile = {}
    for iid, (fn, a, b) in spans.items():
        byfile.setdefault(fn, []).append((a, b, iid))
    for fn, lst in byfile.items():
        lst.sort()
        for (a1, b1, i1), (a2, b2, i2) in zip(lst, lst[1:]):
            if a2 < b1:
                err(f"{fn}: {i1} and {i2} overlap")
    for fn, units in parsed.items():
        d = docs[fn]
        labelled = {(a, b): iid for a, b, iid in byfile.get(fn, [])}
        unit_spans = {(a, b): (k, mon) for a, b, k, mon in units}
        for (a, b), (k, mon) in unit_spans.items():
            if (a, b) not in labelled:
                err(f"{fn}: unlabelled {k} unit: {texts[fn][a:b][:80]!r}")
        for (a, b), iid in labelled.items():
            if (a, b) not in unit_spans:
                err(f"{fn}: {iid} is not exactly one bullet/sentence of a results or tasks section")
                continue
            k, mon = unit_spans[(a, b)]
            want = "task" if iid in tasks else "result"
            if k != want:
                err(f"{fn}: {iid} labelled {want} but sits in a {k} section")
            if items[iid]["period"] != mon:
                err(f"{iid}: period {items[iid]['period']} != section month {mon}")
        nt = sum(1 for t in tasks.values() if t["file"] == fn)
        nr = sum(1 for r in results.values() if r["file"] == fn)
        if not 10 <= nt <= 18:
            err(f"{fn}: {nt} tasks (need 10-18)")
        if not (10 <= nr <= 18 or (nr == 0 and not d["reported_months"])):
            err(f"{fn}: {nr} results (need 10-18)")
    for iid, t in tasks.items():
        if t["file"] in docs and t["period"] != docs[t["file"]]["planned_period"]:
            err(f"{iid}: period != planned_period of its document")
    for iid, r in results.items():
        if r["file"] in docs and r["period"] not in docs[r["file"]]["reported_months"]:
            err(f"{iid}: period not among reported months of its document")

    # ---- links
    order = {}
    units_docs = {}
    for d in gold["documents"]:
        units_docs.setdefault(d["unit"], []).append(d)
    for u, lst in units_docs.items():
        lst.sort(key=lambda d: d["planned_period"])
        for i, d in enumerate(lst):
            order[d["file"]] = i

    def unit_of(iid):
        return docs[items[iid]["file"]]["unit"]

    linked_pairs = set()
    seen = set()
    for l in gold["follow_through"]:
        t, r, s = l["task"], l["result"], l["status"]
        if t not in tasks or r not in results:
            err(f"follow_through {t}->{r}: unknown ids")
            continue
        if (t, r) in seen:
            err(f"follow_through {t}->{r}: duplicate")
        seen.add((t, r))
        linked_pairs.add(frozenset((t, r)))
        if s not in STATUSES:
            err(f"follow_through {t}->{r}: status {s}")
        if unit_of(t) != unit_of(r):
            err(f"follow_through {t}->{r}: crosses units")
            continue
        tf, rf = tasks[t]["file"], results[r]["file"]
        if not order[rf] > order[tf]:
            err(f"follow_through {t}->{r}: not forward in time")
        if results[r]["period"] < tasks[t]["period"]:
            err(f"follow_through {t}->{r}: result period before task period")
        first = next((d["file"] for d in units_docs[unit_of(t)]
                      if order[d["file"]] > order[tf] and tasks[t]["period"] in d["reported_months"]), None)
        if rf != first:
            err(f"follow_through {t}->{r}: result not in the first document reporting on {tasks[t]['period']}")
    seen = set()
    for l in gold["carry_over"]:
        a, b, k = l["from"], l["to"], l["kind"]
        if a not in tasks or b not in tasks:
            err(f"carry_over {a}->{b}: unknown task ids")
            continue
        if (a, b) in seen:
            err(f"carry_over {a}->{b}: duplicate")
        seen.add((a, b))
        linked_pairs.add(frozenset((a, b)))
        if k not in KINDS:
            err(f"carry_over {a}->{b}: kind {k}")
        if unit_of(a) != unit_of(b):
            err(f"carry_over {a}->{b}: crosses units")
            continue
        if not order[tasks[b]["file"]] > order[tasks[a]["file"]]:
            err(f"carry_over {a}->{b}: not forward in time")
        if not tasks[b]["period"] > tasks[a]["period"]:
            err(f"carry_over {a}->{b}: period not later")

    # ---- gaps
    has_link = {l["task"] for l in gold["follow_through"]} | {l["from"] for l in gold["carry_over"]}
    expected = set()
    for t, it in tasks.items():
        lst = units_docs[docs[it["file"]]["unit"]]
        if order[it["file"]] < len(lst) - 1 and t not in has_link:
            expected.add(t)
    gaps = gold["gaps"]
    if len(set(gaps)) != len(gaps):
        err("gaps: duplicates")
    if set(gaps) != expected:
        err(f"gaps: listed-but-linked/last {sorted(set(gaps) - expected)}, "
            f"missing {sorted(expected - set(gaps))}")

    # ---- decoys
    for pair in decoys:
        if not (isinstance(pair, list) and len(pair) == 2 and all(p in items for p in pair)):
            err(f"cross_unit_decoys: bad pair {pair}")
            continue
        if unit_of(pair[0]) == unit_of(pair[1]):
            err(f"cross_unit_decoys: {pair} in the same unit")
        if frozenset(pair) in linked_pairs:
            err(f"cross_unit_decoys: {pair} is linked")
    wpath = os.path.join(HERE, "_src", "within_unit_decoys.json")
    nwithin = 0
    if os.path.exists(wpath):
        for pair in json.load(open(wpath, encoding="utf-8")):
            nwithin += 1
            if not all(p in items for p in pair):
                err(f"within-unit decoy {pair}: unknown id")
            elif frozenset(pair) in linked_pairs:
                err(f"within-unit decoy {pair} is linked")

    if errors:
        print("\n".join(errors))
        print(f"FAIL ({len(errors)} problems)")
        return 1
    ft = gold["follow_through"]
    co = gold["carry_over"]
    print(f"documents {len(docs)}, tasks {len(tasks)}, results {len(results)}, "
          f"follow-through {len(ft)} (done {sum(l['status'] == 'done' for l in ft)}, "
          f"partial {sum(l['status'] == 'partial' for l in ft)}), carry-over {len(co)} ("
          + ", ".join(f"{k} {sum(l['kind'] == k for l in co)}" for k in sorted(KINDS)) +
          f"), gaps {len(gaps)}, cross-unit decoys {len(decoys)}, within-unit decoys {nwithin}")
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
