#!/usr/bin/env python3
"""Check gold.json of this series against its documents.  Prints OK or the errors.

Checks: the form; file names; UTF-8 / NFC / LF / no BOM; every text an exact unique
substring of its file, items not overlapping, one sentence per item; every bullet or
sentence of the results and tasks sections labelled (headings and lead-ins skipped);
task/result counts per document; periods agree with the documents (header date,
section headings, month sub-sections); links within one unit and forward in time;
allowed statuses and kinds; gaps exactly the unlinked tasks of non-last documents;
decoys (cross-unit in gold.json, within-unit in _src/decoys.json) never linked.
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ERR = []


def err(msg):
    ERR.append(msg)


STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
FNAME = re.compile(r"^[a-z0-9-]+_(\d{4}-\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
HEADING = re.compile(r"^(?:[IVX]+\.|\d+\.|[a-zđ]\))\s")
MARKER = re.compile(r"^(?:-|\+|\(\d+\))\s*")
INNER_SENT = re.compile(r"[.!?]\s+[A-ZÀ-ỸĐ]")


def ym(year, month):
    return f"{int(year):04d}-{int(month):02d}"


def load():
    path = os.path.join(HERE, "gold.json")
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def check_form(g):
    for key, typ in (("documents", list), ("tasks", list), ("results", list),
                     ("follow_through", list), ("carry_over", list), ("gaps", list)):
        if not isinstance(g.get(key), typ):
            err(f"form: '{key}' missing or not a {typ.__name__}")
    if "cross_unit_decoys" in g and not isinstance(g["cross_unit_decoys"], list):
        err("form: cross_unit_decoys not a list")
    extra = set(g) - {"documents", "tasks", "results", "follow_through", "carry_over",
                      "gaps", "cross_unit_decoys"}
    if extra:
        err(f"form: unknown keys {sorted(extra)}")
    for d in g.get("documents", []):
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err(f"form: document keys {sorted(d)}")
        if not isinstance(d.get("reported_months"), list) or not all(
                isinstance(m, str) and MONTH.match(m) for m in d.get("reported_months", [])):
            err(f"form: bad reported_months in {d.get('file')}")
        if not MONTH.match(str(d.get("planned_period"))):
            err(f"form: bad planned_period in {d.get('file')}")
    ids = set()
    for kind in ("tasks", "results"):
        for it in g.get(kind, []):
            if set(it) != {"id", "file", "period", "text"}:
                err(f"form: {kind} item keys {sorted(it)}")
            if it.get("id") in ids:
                err(f"form: duplicate id {it.get('id')}")
            ids.add(it.get("id"))
            if not MONTH.match(str(it.get("period"))):
                err(f"form: bad period {it.get('id')}")
            if not isinstance(it.get("text"), str) or not it["text"].strip():
                err(f"form: empty text {it.get('id')}")
    for l in g.get("follow_through", []):
        if set(l) != {"task", "result", "status"}:
            err(f"form: follow_through keys {sorted(l)}")
    for l in g.get("carry_over", []):
        if set(l) != {"from", "to", "kind"}:
            err(f"form: carry_over keys {sorted(l)}")


def read_doc(fname):
    path = os.path.join(HERE, fname)
    if not os.path.isfile(path):
        err(f"file missing: {fname}")
        return None
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


def line_spans(text):
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line), line
        pos += len(line) + 1


def sections(text, fname):
    """Return ((res_start, res_end), (task_start, task_end), month sub-headings)."""
    res_start = res_end = task_start = task_end = None
    subs = []
    for s, e, line in line_spans(text):
        st = line.strip()
        if res_start is None and re.match(r"^I\.\s", st):
            res_start = e
        elif res_start is not None and res_end is None and re.match(r"^\d+\.\s*Hạn chế", st):
            res_end = s
        elif task_start is None and re.match(r"^II\.\s", st):
            task_start = e
        elif task_start is not None and task_end is None and st.startswith("Trên đây là"):
            task_end = s
        if res_start is not None and res_end is None:
            m = re.match(r"^\d+\.\s*Kết quả tháng (\d{1,2}) năm (\d{4})", st)
            if m:
                subs.append((s, ym(m.group(2), m.group(1))))
    if None in (res_start, res_end, task_start, task_end):
        err(f"{fname}: cannot find results/tasks sections")
        return None
    return (res_start, res_end), (task_start, task_end), subs


def check_coverage(text, fname, rng, spans, label):
    covered = bytearray(len(text))
    for a, b in spans:
        for i in range(a, b):
            covered[i] = 1
    for s, e, line in line_spans(text):
        if s < rng[0] or e > rng[1]:
            continue
        st = line.strip()
        if not st:
            continue
        if HEADING.match(st) or st.endswith(":"):
            if any(covered[i] for i in range(s, e)):
                err(f"{fname}: {label} heading/lead-in overlaps an item: {st[:60]}")
            continue
        lead = len(line) - len(line.lstrip())
        m = MARKER.match(line[lead:])
        start = s + lead + (m.end() if m else 0)
        for i in range(start, e):
            if not text[i].isspace() and not covered[i]:
                err(f"{fname}: unlabelled {label} text: ...{text[i:i + 60]!r}")
                break


def main():
    g = load()
    check_form(g)
    docs = g.get("documents", [])
    by_file = {}
    for d in docs:
        m = FNAME.match(d["file"])
        if not m:
            err(f"bad file name {d['file']}")
        elif m.group(1) != d["planned_period"]:
            err(f"{d['file']}: name month != planned_period {d['planned_period']}")
        if d["file"] in by_file:
            err(f"duplicate document {d['file']}")
        by_file[d["file"]] = d
    on_disk = {f for f in os.listdir(HERE) if f.endswith(".txt")}
    if on_disk != set(by_file):
        err(f"documents on disk {sorted(on_disk)} != gold {sorted(by_file)}")

    items = {it["id"]: dict(it, kind="task") for it in g.get("tasks", [])}
    items.update({it["id"]: dict(it, kind="result") for it in g.get("results", [])})

    # order of documents per unit
    units = {}
    for d in docs:
        units.setdefault(d["unit"], []).append(d)
    order = {}
    for u, ds in units.items():
        ds.sort(key=lambda d: d["planned_period"])
        for i, d in enumerate(ds):
            order[d["file"]] = i
        for a, b in zip(ds, ds[1:]):
            if not a["planned_period"] < b["planned_period"]:
                err(f"{u}: planned periods not increasing")

    for fname, d in by_file.items():
        text = read_doc(fname)
        if text is None:
            continue
        # header: Party genre and document number
        head = text[:600]
        if "ĐẢNG CỘNG SẢN VIỆT NAM" not in head:
            err(f"{fname}: no Party-genre header")
        if not re.search(r"^Số \d+-TB/ĐU$", head, re.M):
            err(f"{fname}: no 'Số ...-TB/ĐU'")
        dm = re.search(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", head)
        if not dm:
            err(f"{fname}: no date")
        elif ym(dm.group(3), dm.group(2)) != max(d["reported_months"]):
            err(f"{fname}: date month != last reported month")
        for needle in ("Nơi nhận:", "T/M THƯỜNG TRỰC ĐẢNG ỦY", "(đã ký)"):
            if needle not in text:
                err(f"{fname}: missing {needle!r}")
        secs = sections(text, fname)
        if secs is None:
            continue
        (rs, re_), (ts, te), subs = secs
        # headings state the periods
        hline_r = text[text.rfind("\n", 0, rs - 1) + 1:rs]
        months_r = sorted({ym(y, m) for m, y in re.findall(r"THÁNG (\d{1,2})(?: VÀ THÁNG \d{1,2})? NĂM (\d{4})", hline_r)} |
                          {ym(y2, m1) for m1, y2 in re.findall(r"THÁNG (\d{1,2}) VÀ THÁNG \d{1,2} NĂM (\d{4})", hline_r)} |
                          {ym(y2, m2) for m2, y2 in re.findall(r"VÀ THÁNG (\d{1,2}) NĂM (\d{4})", hline_r)})
        if months_r != sorted(d["reported_months"]):
            err(f"{fname}: results heading months {months_r} != {d['reported_months']}")
        hline_t = text[text.rfind("\n", 0, ts - 1) + 1:ts]
        mt = re.search(r"THÁNG (\d{1,2}) NĂM (\d{4})", hline_t)
        if not mt or ym(mt.group(2), mt.group(1)) != d["planned_period"]:
            err(f"{fname}: tasks heading month != planned_period")
        if len(d["reported_months"]) > 1 and sorted(p for _, p in subs) != sorted(d["reported_months"]):
            err(f"{fname}: month sub-sections {subs} != reported months")

        spans, nt, nr = [], 0, 0
        for iid, it in items.items():
            if it["file"] != fname:
                continue
            t = it["text"]
            c = text.count(t)
            if c != 1:
                err(f"{iid}: text occurs {c} times in {fname}")
                continue
            a = text.index(t)
            b = a + len(t)
            spans.append((a, b, iid))
            if t != t.strip():
                err(f"{iid}: leading/trailing space")
            if "\n" in t:
                err(f"{iid}: spans a line break")
            if INNER_SENT.search(t):
                err(f"{iid}: more than one sentence")
            if not t.endswith("."):
                err(f"{iid}: does not end a sentence")
            if it["kind"] == "task":
                nt += 1
                if not (ts <= a and b <= te):
                    err(f"{iid}: task outside the tasks section")
                if it["period"] != d["planned_period"]:
                    err(f"{iid}: period {it['period']} != planned {d['planned_period']}")
            else:
                nr += 1
                if not (rs <= a and b <= re_):
                    err(f"{iid}: result outside the results section")
                if it["period"] not in d["reported_months"]:
                    err(f"{iid}: period {it['period']} not reported by {fname}")
                if subs:
                    prev = [p for s, p in subs if s <= a]
                    if not prev or prev[-1] != it["period"]:
                        err(f"{iid}: period {it['period']} != month sub-section {prev[-1:] }")
            # my id convention: letter + month
            if it["period"][5:] != iid[1:3]:
                err(f"{iid}: id month != period {it['period']}")
        spans.sort()
        for (a1, b1, i1), (a2, b2, i2) in zip(spans, spans[1:]):
            if a2 < b1:
                err(f"{fname}: {i1} overlaps {i2}")
        check_coverage(text, fname, (rs, re_), [(a, b) for a, b, _ in spans], "results")
        check_coverage(text, fname, (ts, te), [(a, b) for a, b, _ in spans], "tasks")
        if not 10 <= nt <= 18:
            err(f"{fname}: {nt} tasks (need 10-18)")
        if d["reported_months"] and not 10 <= nr <= 18:
            err(f"{fname}: {nr} results (need 10-18)")

    for iid, it in items.items():
        if it["file"] not in by_file:
            err(f"{iid}: unknown file {it['file']}")

    def doc_of(iid):
        return by_file.get(items[iid]["file"]) if iid in items else None

    linked_ft, linked_co, pairs = set(), set(), set()
    seen = set()
    for l in g.get("follow_through", []):
        t, r, s = l.get("task"), l.get("result"), l.get("status")
        if (t, r) in seen:
            err(f"duplicate follow_through {t}->{r}")
        seen.add((t, r))
        if items.get(t, {}).get("kind") != "task" or items.get(r, {}).get("kind") != "result":
            err(f"follow_through {t}->{r}: bad ids")
            continue
        if s not in STATUSES:
            err(f"follow_through {t}->{r}: status {s}")
        dt, dr = doc_of(t), doc_of(r)
        if dt["unit"] != dr["unit"]:
            err(f"follow_through {t}->{r}: across units")
        if order[dr["file"]] <= order[dt["file"]]:
            err(f"follow_through {t}->{r}: not forward in time")
        if items[r]["period"] < items[t]["period"]:
            err(f"follow_through {t}->{r}: result period before task period")
        # first later document of the unit that reports on the task's month
        first = next((x for x in units[dt["unit"]] if order[x["file"]] > order[dt["file"]]
                      and items[t]["period"] in x["reported_months"]), None)
        if first is None or first["file"] != dr["file"]:
            err(f"follow_through {t}->{r}: result not in the first document reporting {items[t]['period']}")
        linked_ft.add(t)
        pairs.add(frozenset((t, r)))
    seen = set()
    for l in g.get("carry_over", []):
        a, b, k = l.get("from"), l.get("to"), l.get("kind")
        if (a, b) in seen:
            err(f"duplicate carry_over {a}->{b}")
        seen.add((a, b))
        if items.get(a, {}).get("kind") != "task" or items.get(b, {}).get("kind") != "task":
            err(f"carry_over {a}->{b}: bad ids")
            continue
        if k not in KINDS:
            err(f"carry_over {a}->{b}: kind {k}")
        da, db = doc_of(a), doc_of(b)
        if da["unit"] != db["unit"]:
            err(f"carry_over {a}->{b}: across units")
        if order[db["file"]] <= order[da["file"]] or items[b]["period"] <= items[a]["period"]:
            err(f"carry_over {a}->{b}: not forward in time")
        linked_co.add(a)
        pairs.add(frozenset((a, b)))

    expected = set()
    for u, ds in units.items():
        last = ds[-1]["file"]
        for iid, it in items.items():
            if it["kind"] == "task" and by_file.get(it["file"], {}).get("unit") == u \
                    and it["file"] != last and iid not in linked_ft and iid not in linked_co:
                expected.add(iid)
    gaps = g.get("gaps", [])
    if len(gaps) != len(set(gaps)):
        err("duplicate gaps")
    if set(gaps) != expected:
        err(f"gaps differ: extra {sorted(set(gaps) - expected)}, missing {sorted(expected - set(gaps))}")

    decoys = [tuple(p) for p in g.get("cross_unit_decoys", [])]
    for p in decoys:
        if len(p) != 2 or any(x not in items for x in p):
            err(f"cross_unit_decoy {p}: bad ids")
            continue
        if doc_of(p[0])["unit"] == doc_of(p[1])["unit"]:
            err(f"cross_unit_decoy {p}: same unit")
    if len(units) > 1 and not decoys:
        err("two units but no cross_unit_decoys")
    dpath = os.path.join(HERE, "_src", "decoys.json")
    if os.path.isfile(dpath):
        for p in json.load(open(dpath, encoding="utf-8")).get("within_unit_decoys", []):
            if len(p) != 2 or any(x not in items for x in p):
                err(f"within_unit_decoy {p}: bad ids")
                continue
            decoys.append(tuple(p))
    for p in decoys:
        if frozenset(p) in pairs:
            err(f"decoy {p} is linked")

    if ERR:
        for e in ERR:
            print("ERROR:", e)
        print(f"{len(ERR)} error(s)")
        sys.exit(1)
    nt = len(g["tasks"])
    nr = len(g["results"])
    print(f"documents {len(docs)}, tasks {nt}, results {nr}, follow_through "
          f"{len(g['follow_through'])}, carry_over {len(g['carry_over'])}, gaps {len(gaps)}, "
          f"decoys {len(decoys)}")
    print("OK")


if __name__ == "__main__":
    main()
