#!/usr/bin/env python3
"""Check gold.json of the hand-MB series against its documents. Prints OK or the errors."""
import json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


NAME = re.compile(r"^[a-z0-9-]+_(\d{4}-\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
HEADING = re.compile(r"^(\d+|[a-zđ])[.)]\s")
SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=\S)")
PIPE_ROW = re.compile(r"^\|\s*(\d+)\s*\|")
TAB_ROW = re.compile(r"^(\d+)\t")


def months_in(heading):
    year = re.search(r"NĂM (\d{4})", heading)
    ms = re.findall(r"THÁNG (\d{1,2})", heading)
    if not year or not ms:
        return []
    return [f"{year.group(1)}-{int(m):02d}" for m in ms]


def main():
    try:
        with open(os.path.join(HERE, "gold.json"), encoding="utf-8") as f:
            gold = json.load(f)
    except Exception as e:  # noqa
        print(f"gold.json unreadable: {e}")
        sys.exit(1)

    # ---- form
    for key, typ in [("documents", list), ("tasks", list), ("results", list),
                     ("follow_through", list), ("carry_over", list), ("gaps", list)]:
        if not isinstance(gold.get(key), typ):
            err(f"gold.json: '{key}' missing or not a {typ.__name__}")
    if errors:
        report()
    decoys = gold.get("cross_unit_decoys", [])
    if not isinstance(decoys, list):
        err("cross_unit_decoys is not a list")
        decoys = []
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err(f"document keys {sorted(d)}")
    for coll in ("tasks", "results"):
        for it in gold[coll]:
            if set(it) != {"id", "file", "period", "text"}:
                err(f"{coll} item keys {sorted(it)}")
            elif not all(isinstance(it[k], str) and it[k] for k in it):
                err(f"{coll} item {it.get('id')}: empty or non-string field")
    for l in gold["follow_through"]:
        if set(l) != {"task", "result", "status"}:
            err(f"follow_through keys {sorted(l)}")
    for l in gold["carry_over"]:
        if set(l) != {"from", "to", "kind"}:
            err(f"carry_over keys {sorted(l)}")
    if errors:
        report()

    docs = {d["file"]: d for d in gold["documents"]}
    if len(docs) != len(gold["documents"]):
        err("duplicate document file")
    ids = [t["id"] for t in gold["tasks"]] + [r["id"] for r in gold["results"]]
    if len(ids) != len(set(ids)):
        err("duplicate item id")
    tasks = {t["id"]: t for t in gold["tasks"]}
    results = {r["id"]: r for r in gold["results"]}

    # ---- file names, encoding, periods of documents
    on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if sorted(docs) != on_disk:
        err(f"documents {sorted(docs)} != .txt files on disk {on_disk}")
    texts = {}
    for fname, d in docs.items():
        m = NAME.match(fname)
        if not m:
            err(f"{fname}: bad file name")
            continue
        if m.group(1) != d["planned_period"]:
            err(f"{fname}: name month != planned_period {d['planned_period']}")
        for p in d["reported_months"] + [d["planned_period"]]:
            if not MONTH.match(p):
                err(f"{fname}: bad month {p}")
        if any(p >= d["planned_period"] for p in d["reported_months"]):
            err(f"{fname}: a reported month is not before the planned period")
        path = os.path.join(HERE, fname)
        if not os.path.exists(path):
            err(f"{fname}: missing")
            continue
        raw = open(path, "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{fname}: BOM")
        if b"\r" in raw:
            err(f"{fname}: CR line ends")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            err(f"{fname}: not UTF-8 ({e})")
            continue
        if unicodedata.normalize("NFC", text) != text:
            err(f"{fname}: not NFC")
        texts[fname] = text
        for need in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "Số: ", "BÁO CÁO", "(có phụ lục kèm theo)", "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN"):
            if need not in text:
                err(f"{fname}: lacks '{need}'")

    # ---- items: exact unique substrings, no overlaps, periods
    spans = {}
    for coll in ("tasks", "results"):
        for it in gold[coll]:
            f = it["file"]
            if f not in docs:
                err(f"{it['id']}: unknown file {f}")
                continue
            if f not in texts:
                continue
            n = texts[f].count(it["text"])
            if n != 1:
                err(f"{it['id']}: text occurs {n} times in {f}")
                continue
            s = texts[f].index(it["text"])
            spans.setdefault(f, []).append((s, s + len(it["text"]), it["id"]))
            if it["text"] != it["text"].strip():
                err(f"{it['id']}: leading/trailing blank")
            d = docs[f]
            if coll == "tasks" and it["period"] != d["planned_period"]:
                err(f"{it['id']}: period {it['period']} != planned {d['planned_period']}")
            if coll == "results" and it["period"] not in d["reported_months"]:
                err(f"{it['id']}: period {it['period']} not in reported {d['reported_months']}")
    for f, sp in spans.items():
        sp.sort()
        for a, b in zip(sp, sp[1:]):
            if b[0] < a[1]:
                err(f"{f}: {a[2]} overlaps {b[2]}")

    # ---- coverage of the sections, counts, headings
    for f, text in texts.items():
        d = docs[f]
        lines = text.split("\n")
        ftasks = {t["text"]: t["id"] for t in gold["tasks"] if t["file"] == f}
        fres = {r["text"]: r["id"] for r in gold["results"] if r["file"] == f}
        # results section: from "I. KẾT QUẢ" to the next roman heading
        try:
            i0 = next(i for i, l in enumerate(lines) if l.startswith("I. KẾT QUẢ"))
            i1 = next(i for i in range(i0 + 1, len(lines)) if re.match(r"^[IVX]+\. ", lines[i])
                      and not lines[i].startswith("I. "))
        except StopIteration:
            err(f"{f}: results section not found")
            continue
        rep = months_in(lines[i0])
        if rep != d["reported_months"]:
            err(f"{f}: heading reports {rep}, gold says {d['reported_months']}")
        seen = set()
        for l in lines[i0 + 1:i1]:
            if not l.strip() or HEADING.match(l):
                continue
            for sent in SENT_SPLIT.split(l.strip()):
                if sent in fres:
                    seen.add(sent)
                else:
                    err(f"{f}: unlabelled result sentence: {sent[:70]}")
            rest = l
            for t in fres:
                rest = rest.replace(t, "")
            if rest.strip():
                err(f"{f}: text left over in results paragraph: {rest.strip()[:60]}")
        for t, iid in fres.items():
            if t not in seen:
                err(f"{f}: result {iid} is not one whole sentence of the results section")
        # tasks: the work-programme table of the appendix
        try:
            j0 = next(i for i, l in enumerate(lines) if l.startswith("PHỤ LỤC: CHƯƠNG TRÌNH CÔNG TÁC"))
        except StopIteration:
            err(f"{f}: appendix not found")
            continue
        pl = months_in(lines[j0])
        if pl != [d["planned_period"]]:
            err(f"{f}: appendix plans {pl}, gold says {d['planned_period']}")
        body = "\n".join(lines[:j0])
        for t, iid in ftasks.items():
            if t in body:
                err(f"{f}: task {iid} text found outside the appendix")
        tseen, stt = set(), []
        for l in lines[j0 + 1:]:
            m = PIPE_ROW.match(l)
            if m:
                cells = [c.strip() for c in l.strip().strip("|").split("|")]
            else:
                m = TAB_ROW.match(l)
                if not m:
                    continue
                cells = [c.strip() for c in l.split("\t")]
            stt.append(int(m.group(1)))
            if len(cells) != 5:
                err(f"{f}: row {m.group(1)} has {len(cells)} cells")
                continue
            if cells[1] in ftasks:
                tseen.add(cells[1])
            else:
                err(f"{f}: unlabelled table row {m.group(1)}: {cells[1][:60]}")
        if stt != list(range(1, len(stt) + 1)):
            err(f"{f}: STT not 1..n: {stt}")
        for t, iid in ftasks.items():
            if t not in tseen:
                err(f"{f}: task {iid} is not a whole content cell of a table row")
        if not 10 <= len(ftasks) <= 18:
            err(f"{f}: {len(ftasks)} tasks (need 10-18)")
        if not (10 <= len(fres) <= 18 or len(fres) == 0):
            err(f"{f}: {len(fres)} results (need 10-18)")

    # ---- links
    by_unit = {}
    for d in gold["documents"]:
        by_unit.setdefault(d["unit"], []).append(d)
    for u in by_unit:
        by_unit[u].sort(key=lambda d: d["planned_period"])
    unit_of = lambda it: docs[it["file"]]["unit"]  # noqa

    def answering_doc(task):
        """the first later document of the unit that reports on the task's month,
        else the next document of the unit"""
        series = by_unit[unit_of(task)]
        later = [d for d in series if d["planned_period"] > docs[task["file"]]["planned_period"]]
        for d in later:
            if task["period"] in d["reported_months"]:
                return d["file"]
        return later[0]["file"] if later else None

    ft_pairs, co_pairs = set(), set()
    for l in gold["follow_through"]:
        t, r = tasks.get(l["task"]), results.get(l["result"])
        if not t or not r:
            err(f"follow_through {l}: unknown id")
            continue
        if (l["task"], l["result"]) in ft_pairs:
            err(f"follow_through {l}: duplicate")
        ft_pairs.add((l["task"], l["result"]))
        if l["status"] not in STATUSES:
            err(f"follow_through {l}: status {l['status']}")
        if unit_of(t) != unit_of(r):
            err(f"follow_through {l}: across units")
        if docs[r["file"]]["planned_period"] <= docs[t["file"]]["planned_period"]:
            err(f"follow_through {l}: not forward in time")
        if r["file"] != answering_doc(t):
            err(f"follow_through {l}: result not in the document that reports on {t['period']}")
        if r["period"] < t["period"]:
            err(f"follow_through {l}: result period before task period")
    for l in gold["carry_over"]:
        a, b = tasks.get(l["from"]), tasks.get(l["to"])
        if not a or not b:
            err(f"carry_over {l}: unknown task id")
            continue
        if (l["from"], l["to"]) in co_pairs:
            err(f"carry_over {l}: duplicate")
        co_pairs.add((l["from"], l["to"]))
        if l["kind"] not in KINDS:
            err(f"carry_over {l}: kind {l['kind']}")
        if unit_of(a) != unit_of(b):
            err(f"carry_over {l}: across units")
        if b["period"] <= a["period"]:
            err(f"carry_over {l}: not forward in time")

    # ---- gaps: exactly the unlinked tasks of documents that are not their unit's last
    last = {u: s[-1]["file"] for u, s in by_unit.items()}
    linked = {t for t, _ in ft_pairs} | {a for a, _ in co_pairs}
    expected = {t["id"] for t in gold["tasks"]
                if t["id"] not in linked and t["file"] != last[unit_of(t)]}
    given = set(gold["gaps"])
    if len(given) != len(gold["gaps"]):
        err("duplicate gap")
    for g in sorted(given - expected):
        err(f"gap {g} is linked, unknown or in a last document")
    for g in sorted(expected - given):
        err(f"task {g} has no link but is not listed as a gap")

    # ---- decoys
    allitems = {**tasks, **results}
    for p in decoys:
        if not (isinstance(p, list) and len(p) == 2 and all(x in allitems for x in p)):
            err(f"decoy {p}: malformed or unknown id")
            continue
        x, y = p
        if unit_of(allitems[x]) == unit_of(allitems[y]):
            err(f"decoy {p}: same unit")
        if {(x, y), (y, x)} & (ft_pairs | co_pairs):
            err(f"decoy {p}: linked")
    if len(by_unit) > 1 and not decoys:
        err("two units but no cross_unit_decoys")
    report()


def report():
    if errors:
        for e in errors:
            print("ERROR:", e)
        print(f"{len(errors)} error(s)")
        sys.exit(1)
    print("OK")
    sys.exit(0)


if __name__ == "__main__":
    main()
