#!/usr/bin/env python3
"""Check gold.json of the hand-DN series against its documents.

    python3 check_gold.py [SERIES_DIR]

Checks: the form of gold.json; file names; UTF-8 (no BOM, \\n only) and NFC;
every text an exact unique substring of its file, no two items overlapping;
every bullet / sentence of the results and tasks sections labelled with an
item of the right kind (headings and lead-ins skipped) and every item inside
its section; 10-18 tasks and 10-18 (or 0) results per document; periods agree
with the documents and their headers; links within one unit and forward in
time; allowed statuses and kinds; gaps exactly the unlinked tasks of non-last
documents; decoys cross-unit and never linked. Prints OK when all pass.
"""
import json
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict

DIR = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
ERR = []


def err(msg):
    ERR.append(msg)


MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
FNAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt$")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}

# section headings of the two clerks (ward A: Thông báo kết luận; ward B: Nghị quyết)
SEC_RESULTS = re.compile(r"^(1\. Kết quả thực hiện nhiệm vụ|I\. KẾT QUẢ)", re.M)
SEC_LIMITS = re.compile(r"^(2\. Hạn chế|II\. HẠN CHẾ)", re.M)
SEC_TASKS = re.compile(r"^(3\. Nhiệm vụ trọng tâm|III\. NHIỆM VỤ TRỌNG TÂM)", re.M)
SEC_END = re.compile(r"^(Ban Thường vụ Đảng ủy giao|IV\. TỔ CHỨC THỰC HIỆN)", re.M)
HEADING = re.compile(r"^(\d+|[IVX]+|[a-zđ])[.)]\s")
BULLET = re.compile(r"^(-|\+|\(\d+\))\s+")


def split_sentences(s, base):
    """Yield (start, end) spans of the sentences of paragraph s at offset base."""
    out, start, i = [], 0, 0
    while i < len(s):
        if s[i] in ".!?" and i + 1 < len(s) and s[i + 1] == " ":
            j = i + 1
            while j < len(s) and s[j] == " ":
                j += 1
            if j < len(s) and (s[j].isupper() or s[j] in "“\"("):
                out.append((base + start, base + i + 1))
                start = j
                i = j
                continue
        i += 1
    if s[start:].strip():
        out.append((base + start, base + len(s.rstrip())))
    return out


def units_of_section(text, a, b):
    """Bullets and sentences of text[a:b] as (start, end) spans, headings/lead-ins skipped."""
    spans, pos = [], a
    for line in text[a:b].split("\n"):
        lstart = pos
        pos += len(line) + 1
        st = line.strip()
        if not st:
            continue
        off = lstart + (len(line) - len(line.lstrip()))
        if HEADING.match(st) and not st.endswith((".", ";")):
            continue  # heading
        if st.endswith(":"):
            continue  # lead-in
        m = BULLET.match(st)
        if m:
            s0 = off + m.end()
            spans.append((s0, off + len(st)))
            continue
        spans.extend(split_sentences(st, off))
    return spans


def main():
    path = os.path.join(DIR, "gold.json")
    try:
        gold = json.load(open(path, encoding="utf-8"))
    except Exception as e:  # noqa: BLE001
        print(f"FAIL: cannot read gold.json: {e}")
        return 1

    # ---------------------------------------------------------------- form
    for key, typ in (("documents", list), ("tasks", list), ("results", list),
                     ("follow_through", list), ("carry_over", list), ("gaps", list)):
        if not isinstance(gold.get(key), typ):
            err(f"form: '{key}' missing or not a {typ.__name__}")
    if "cross_unit_decoys" in gold and not isinstance(gold["cross_unit_decoys"], list):
        err("form: cross_unit_decoys not a list")
    extra = set(gold) - {"documents", "tasks", "results", "follow_through", "carry_over",
                         "gaps", "cross_unit_decoys"}
    if extra:
        err(f"form: unknown top-level keys {sorted(extra)}")
    if ERR:
        return report()

    def need(rec, fields, what):
        for f in fields:
            if not isinstance(rec.get(f), str) or not rec.get(f):
                err(f"form: {what} {rec.get('id', rec)} lacks string field '{f}'")

    docs = {}
    for d in gold["documents"]:
        need(d, ("file", "unit", "planned_period"), "document")
        rm = d.get("reported_months")
        if not isinstance(rm, list) or not all(isinstance(x, str) and MONTH.match(x) for x in rm):
            err(f"form: document {d.get('file')} reported_months must be a list of YYYY-MM")
        if not MONTH.match(d.get("planned_period", "")):
            err(f"form: document {d.get('file')} planned_period not YYYY-MM")
        if d.get("file") in docs:
            err(f"form: document {d['file']} listed twice")
        docs[d.get("file")] = d
    items = {}
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            need(it, ("id", "file", "period", "text"), kind[:-1])
            if it.get("id") in items:
                err(f"form: duplicate id {it.get('id')}")
            if not MONTH.match(it.get("period", "")):
                err(f"form: {it.get('id')} period not YYYY-MM")
            if "covers" in it:
                if kind != "results" or not isinstance(it["covers"], list):
                    err(f"form: {it.get('id')} bad 'covers'")
            it["_kind"] = kind[:-1]
            items[it.get("id")] = it
    for ln in gold["follow_through"]:
        need(ln, ("task", "result", "status"), "follow_through")
    for ln in gold["carry_over"]:
        need(ln, ("from", "to", "kind"), "carry_over")
    if ERR:
        return report()

    # ---------------------------------------------------------------- files
    listed = set(docs)
    on_disk = {f for f in os.listdir(DIR) if f.endswith(".txt")}
    if listed != on_disk:
        err(f"files: listed {sorted(listed - on_disk)} missing, unlisted {sorted(on_disk - listed)}")
    texts = {}
    for f, d in docs.items():
        m = FNAME.match(f)
        if not m:
            err(f"files: bad name {f}")
            continue
        if m.group(2) != d["planned_period"]:
            err(f"files: {f} month in name differs from planned_period {d['planned_period']}")
        raw = open(os.path.join(DIR, f), "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"encoding: {f} has a BOM")
        if b"\r" in raw:
            err(f"encoding: {f} has \\r")
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            err(f"encoding: {f} not UTF-8: {e}")
            continue
        if unicodedata.normalize("NFC", t) != t:
            err(f"encoding: {f} not NFC")
        texts[f] = t

    # ---------------------------------------------------------------- units and order
    by_unit = defaultdict(list)
    for f, d in docs.items():
        by_unit[d["unit"]].append(d)
    order = {}
    last_doc = {}
    for unit, ds in by_unit.items():
        ds.sort(key=lambda d: d["planned_period"])
        for i, d in enumerate(ds):
            order[d["file"]] = i
            if i and d["planned_period"] == ds[i - 1]["planned_period"]:
                err(f"periods: {unit} has two documents planning {d['planned_period']}")
            # reported months must follow the previous planned period (skips allowed)
            if max(d["reported_months"]) >= d["planned_period"]:
                err(f"periods: {d['file']} reports a month not before its planned period")
            if i:
                prev = ds[i - 1]["planned_period"]
                if min(d["reported_months"]) != prev:
                    err(f"periods: {d['file']} does not start reporting at {prev}")
        last_doc[unit] = ds[-1]["file"]

    # header and title agree with the periods
    for f, t in texts.items():
        d = docs[f]
        head = t[:1200]
        if "ĐẢNG CỘNG SẢN VIỆT NAM" not in head:
            err(f"header: {f} lacks 'ĐẢNG CỘNG SẢN VIỆT NAM'")
        if not re.search(r"Số \d+-(TB|NQ)/ĐU", head):
            err(f"header: {f} lacks 'Số ...-TB/ĐU' or '-NQ/ĐU'")
        m = re.search(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", head)
        if not m:
            err(f"header: {f} has no date")
        else:
            ym = f"{m.group(3)}-{int(m.group(2)):02d}"
            if ym != max(d["reported_months"]):
                err(f"header: {f} dated {ym}, last reported month {max(d['reported_months'])}")
        pm = int(d["planned_period"][5:])
        title = t[t.find("\n\n", t.find("Số ")):][:400]
        if f"tháng {pm}" not in title:
            err(f"header: {f} title does not name planned month {pm}")
        if f"{pm}" and not re.search(rf"^(3\. Nhiệm vụ trọng tâm|III\. NHIỆM VỤ TRỌNG TÂM) (tháng|THÁNG) {pm} ", t, re.M):
            err(f"sections: {f} tasks heading does not name month {pm}")

    # ---------------------------------------------------------------- items: substrings, overlaps
    spans = defaultdict(list)
    per_doc = defaultdict(Counter)
    for iid, it in items.items():
        f = it["file"]
        if f not in docs:
            err(f"items: {iid} in unlisted file {f}")
            continue
        t = texts.get(f, "")
        c = t.count(it["text"])
        if c != 1:
            err(f"items: {iid} text found {c} times in {f}")
            continue
        if it["text"] != it["text"].strip():
            err(f"items: {iid} text has outer whitespace")
        s = t.find(it["text"])
        it["_span"] = (s, s + len(it["text"]))
        spans[f].append((s, s + len(it["text"]), iid))
        per_doc[f][it["_kind"]] += 1
        d = docs[f]
        if it["_kind"] == "task" and it["period"] != d["planned_period"]:
            err(f"periods: task {iid} period {it['period']} != planned {d['planned_period']}")
        if it["_kind"] == "result":
            if it["period"] not in d["reported_months"]:
                err(f"periods: result {iid} period {it['period']} not reported by {f}")
            for cm in it.get("covers", []):
                if cm not in d["reported_months"]:
                    err(f"periods: result {iid} covers {cm} not reported by {f}")
    for f, sp in spans.items():
        sp.sort()
        for (a1, b1, i1), (a2, b2, i2) in zip(sp, sp[1:]):
            if a2 < b1:
                err(f"items: {i1} and {i2} overlap in {f}")

    # ---------------------------------------------------------------- sections fully labelled
    for f, t in texts.items():
        marks = []
        for rx, name in ((SEC_RESULTS, "results"), (SEC_LIMITS, "limits"),
                         (SEC_TASKS, "tasks"), (SEC_END, "end")):
            found = list(rx.finditer(t))
            if len(found) != 1:
                err(f"sections: {f} has {len(found)} '{name}' headings")
                break
            marks.append(found[0])
        else:
            r_a = t.index("\n", marks[0].start()) + 1
            r_b = marks[1].start()
            t_a = t.index("\n", marks[2].start()) + 1
            t_b = marks[3].start()
            if not (r_a <= r_b <= t_a <= t_b):
                err(f"sections: {f} sections out of order")
                continue
            by_span = {}
            for iid, it in items.items():
                if it["file"] == f and "_span" in it:
                    by_span[it["_span"]] = it
                    a, b = it["_span"]
                    lo, hi = (r_a, r_b) if it["_kind"] == "result" else (t_a, t_b)
                    if not (lo <= a and b <= hi):
                        err(f"sections: {iid} lies outside the {it['_kind']}s section of {f}")
            for (lo, hi, kind) in ((r_a, r_b, "result"), (t_a, t_b, "task")):
                for sp in units_of_section(t, lo, hi):
                    it = by_span.get(sp)
                    if it is None or it["_kind"] != kind:
                        err(f"sections: unlabelled {kind} in {f}: {t[sp[0]:sp[1]][:70]!r}")

    # ---------------------------------------------------------------- counts
    for f in docs:
        nt, nr = per_doc[f]["task"], per_doc[f]["result"]
        if not 10 <= nt <= 18:
            err(f"counts: {f} has {nt} tasks")
        if not (nr == 0 or 10 <= nr <= 18):
            err(f"counts: {f} has {nr} results")

    # ---------------------------------------------------------------- links
    def unit_of(iid):
        return docs[items[iid]["file"]]["unit"]

    ft_pairs, co_pairs = set(), set()
    linked = set()
    stat = Counter()
    for ln in gold["follow_through"]:
        t_id, r_id = ln["task"], ln["result"]
        if t_id not in items or items[t_id]["_kind"] != "task":
            err(f"links: follow_through task {t_id} unknown")
            continue
        if r_id not in items or items[r_id]["_kind"] != "result":
            err(f"links: follow_through result {r_id} unknown")
            continue
        if (t_id, r_id) in ft_pairs:
            err(f"links: duplicate follow_through {t_id}->{r_id}")
        ft_pairs.add((t_id, r_id))
        if ln["status"] not in STATUSES:
            err(f"links: {t_id}->{r_id} status {ln['status']!r}")
        stat[ln["status"]] += 1
        if unit_of(t_id) != unit_of(r_id):
            err(f"links: follow_through {t_id}->{r_id} crosses units")
            continue
        tf, rf = items[t_id]["file"], items[r_id]["file"]
        if order[rf] <= order[tf]:
            err(f"links: follow_through {t_id}->{r_id} not forward in time")
        if items[t_id]["period"] not in docs[rf]["reported_months"]:
            err(f"links: {r_id} is in a document that does not report {items[t_id]['period']}")
        if items[r_id]["period"] < items[t_id]["period"]:
            err(f"links: result {r_id} reports a month before task {t_id}")
        linked.add(t_id)
    kinds = Counter()
    for ln in gold["carry_over"]:
        a, b = ln["from"], ln["to"]
        if a not in items or items[a]["_kind"] != "task" or b not in items or items[b]["_kind"] != "task":
            err(f"links: carry_over {a}->{b} unknown task")
            continue
        if (a, b) in co_pairs:
            err(f"links: duplicate carry_over {a}->{b}")
        co_pairs.add((a, b))
        if ln["kind"] not in KINDS:
            err(f"links: carry_over {a}->{b} kind {ln['kind']!r}")
        kinds[ln["kind"]] += 1
        if unit_of(a) != unit_of(b):
            err(f"links: carry_over {a}->{b} crosses units")
            continue
        if items[b]["period"] <= items[a]["period"]:
            err(f"links: carry_over {a}->{b} not forward in time")
        linked.add(a)

    # ---------------------------------------------------------------- gaps
    expected = {iid for iid, it in items.items()
                if it["_kind"] == "task" and iid not in linked
                and it["file"] != last_doc[docs[it["file"]]["unit"]]}
    gaps = gold["gaps"]
    if len(gaps) != len(set(gaps)):
        err("gaps: duplicates")
    if set(gaps) != expected:
        err(f"gaps: listed but linked/censored {sorted(set(gaps) - expected)}; "
            f"unlinked but not listed {sorted(expected - set(gaps))}")

    # ---------------------------------------------------------------- decoys
    decoys = gold.get("cross_unit_decoys", [])
    seen = set()
    for p in decoys:
        if not (isinstance(p, list) and len(p) == 2 and all(x in items for x in p)):
            err(f"decoys: bad pair {p}")
            continue
        a, b = p
        if unit_of(a) == unit_of(b):
            err(f"decoys: {a},{b} are of one unit")
        key = frozenset(p)
        if key in seen:
            err(f"decoys: duplicate pair {p}")
        seen.add(key)
        if (a, b) in ft_pairs or (b, a) in ft_pairs or (a, b) in co_pairs or (b, a) in co_pairs:
            err(f"decoys: {a},{b} linked")
    if len(decoys) < 20:
        err(f"decoys: only {len(decoys)} pairs")

    # ---------------------------------------------------------------- summary
    n_task = sum(1 for it in items.values() if it["_kind"] == "task")
    n_res = sum(1 for it in items.values() if it["_kind"] == "result")
    print(f"documents {len(docs)} ({', '.join(f'{u}: {len(v)}' for u, v in by_unit.items())})")
    for f in sorted(docs, key=lambda f: (docs[f]["unit"], docs[f]["planned_period"])):
        print(f"  {f}: tasks {per_doc[f]['task']}, results {per_doc[f]['result']}")
    print(f"tasks {n_task}, results {n_res}")
    print(f"follow_through {len(gold['follow_through'])} "
          f"({', '.join(f'{k} {v}' for k, v in sorted(stat.items()))})")
    print(f"carry_over {len(gold['carry_over'])} "
          f"({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))})")
    print(f"gaps {len(gaps)}, cross_unit_decoys {len(decoys)}")
    return report()


def report():
    if ERR:
        for e in ERR:
            print("ERROR:", e)
        print(f"FAIL ({len(ERR)} errors)")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
