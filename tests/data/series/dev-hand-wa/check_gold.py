#!/usr/bin/env python3
"""Check gold.json of the hand-WA series against its documents. Prints OK or the list of problems.

Checks: the form; file names; UTF-8, NFC, \\n, no BOM; header elements; every text an exact unique
substring of its file, items not overlapping; every bullet of the results and tasks sections
labelled (headings and lead-ins skipped) and of the right kind; 10-18 tasks and 10-18 (or 0)
results per document; periods agree with the documents (file name, section headings, month
sub-headings); links within one unit and forward in time; allowed statuses and kinds; gaps exactly
the unlinked tasks of non-last documents; decoys (and _src/near_misses.json) never linked."""
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
errors = []


def err(msg):
    errors.append(msg)


MONTH_WORDS = {"một": 1, "giêng": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6,
               "bảy": 7, "tám": 8, "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12}
RESULTS_START = re.compile(r"^(PHẦN MỘT\.|Mục 1 –)")
LIMITS_START = re.compile(r"^(PHẦN HAI\.|Mục 2 –)")
TASKS_START = re.compile(r"^(PHẦN BA\.|Mục 3 –)")
TASKS_END = re.compile(r"^(Các cơ quan, đơn vị được giao việc|Yêu cầu thủ trưởng)")
BULLET = re.compile(r"^([+–-]) (.*)$")
SUBHEAD = re.compile(r"^(\d\.\d\. .*|[a-zđ]\) .*|.*:)$")
FNAME = re.compile(r"^([a-z0-9-]+)_(\d{4})-(\d{2})\.txt$")


def months_in(line, default_year):
    """Months named in a heading: 'tháng 01/2026', 'THÁNG 12/2025', 'tháng Năm năm 2026'."""
    found = []
    for m in re.finditer(r"(?i)tháng (\d{1,2})/(\d{4})", line):
        found.append(f"{int(m.group(2)):04d}-{int(m.group(1)):02d}")
    for m in re.finditer(r"tháng (Mười hai|Mười một|Mười|Một|Giêng|Hai|Ba|Tư|Bốn|Năm|Sáu|Bảy|Tám|Chín)"
                         r"(?: năm (\d{4}))?", line, flags=re.I):
        y = int(m.group(2)) if m.group(2) else default_year
        found.append(f"{y:04d}-{MONTH_WORDS[m.group(1).lower()]:02d}")
    return found


def main():
    gpath = HERE / "gold.json"
    try:
        gold = json.loads(gpath.read_text(encoding="utf-8"))
    except Exception as e:  # noqa
        print(f"FAIL: cannot read gold.json: {e}")
        return 1

    # ---- form
    for key in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
        if not isinstance(gold.get(key), list):
            err(f"gold.json: '{key}' missing or not a list")
    if errors:
        print("\n".join(errors))
        return 1
    decoys = gold.get("cross_unit_decoys", [])
    if not isinstance(decoys, list):
        err("cross_unit_decoys not a list")
        decoys = []
    for d in gold["documents"]:
        for k in ("file", "unit", "reported_months", "planned_period"):
            if k not in d:
                err(f"document {d} lacks {k}")
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            for k in ("id", "file", "period", "text"):
                if not isinstance(it.get(k), str) or not it.get(k):
                    err(f"{kind} item {it} lacks {k}")
    for f in gold["follow_through"]:
        if set(f) != {"task", "result", "status"}:
            err(f"follow_through entry of wrong form: {f}")
    for c in gold["carry_over"]:
        if set(c) != {"from", "to", "kind"}:
            err(f"carry_over entry of wrong form: {c}")
    if errors:
        print("\n".join(errors))
        return 1

    docs = {d["file"]: d for d in gold["documents"]}
    if len(docs) != len(gold["documents"]):
        err("duplicate document file")
    txts = sorted(p.name for p in HERE.glob("*.txt"))
    if sorted(docs) != txts:
        err(f"documents in gold.json {sorted(docs)} != .txt files {txts}")

    items = {}
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            if it["id"] in items:
                err(f"duplicate id {it['id']}")
            items[it["id"]] = dict(it, kind=kind)
            if it["file"] not in docs:
                err(f"{it['id']}: unknown file {it['file']}")

    # ---- unit order (documents of one unit ordered by planned period)
    by_unit = {}
    for d in gold["documents"]:
        by_unit.setdefault(d["unit"], []).append(d)
    order = {}
    last_doc = {}
    for unit, ds in by_unit.items():
        ds.sort(key=lambda d: d["planned_period"])
        for i, d in enumerate(ds):
            order[d["file"]] = i
        last_doc[unit] = ds[-1]["file"]
        pps = [d["planned_period"] for d in ds]
        if len(set(pps)) != len(pps):
            err(f"{unit}: two documents plan the same month")

    # ---- each document
    texts = {}
    for fname, d in docs.items():
        m = FNAME.match(fname)
        if not m:
            err(f"{fname}: bad file name")
            continue
        if f"{m.group(2)}-{m.group(3)}" != d["planned_period"]:
            err(f"{fname}: name month != planned_period {d['planned_period']}")
        raw = (HERE / fname).read_bytes()
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
        for must in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số:",
                     "THÔNG BÁO", "Nơi nhận:"):
            if must not in text:
                err(f"{fname}: header/footer lacks '{must}'")
        dm = re.search(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", text)
        if not dm:
            err(f"{fname}: no date line")
            continue
        doc_year = int(dm.group(3))
        issued = f"{doc_year:04d}-{int(dm.group(2)):02d}"
        if not (max(d["reported_months"]) <= issued < d["planned_period"]):
            err(f"{fname}: issued {issued} not between reported {d['reported_months']} and planned "
                f"{d['planned_period']}")

        # items of this document: unique, non-overlapping substrings
        spans = []
        mine = [it for it in items.values() if it["file"] == fname]
        for it in mine:
            n = text.count(it["text"])
            if n != 1:
                err(f"{it['id']}: text found {n} times in {fname}")
                continue
            s = text.index(it["text"])
            spans.append((s, s + len(it["text"]), it["id"]))
        spans.sort()
        for a, b in zip(spans, spans[1:]):
            if b[0] < a[1]:
                err(f"{fname}: {a[2]} and {b[2]} overlap")
        span_of = {sid: (s, e) for s, e, sid in spans}

        # sections
        lines = text.split("\n")
        offs, pos = [], 0
        for ln in lines:
            offs.append(pos)
            pos += len(ln) + 1
        section, cur_month = None, None
        res_months, task_months = set(), set()
        labelled = {}  # id -> (section, month)
        for ln, off in zip(lines, offs):
            s = ln.strip()
            if RESULTS_START.match(s):
                section = "results"
                res_months.update(months_in(s, doc_year))
                hm = months_in(s, doc_year)
                cur_month = hm[0] if len(hm) == 1 else None
                continue
            if LIMITS_START.match(s):
                section = "limits"
                continue
            if TASKS_START.match(s):
                section = "tasks"
                task_months.update(months_in(s, doc_year))
                continue
            if TASKS_END.match(s):
                section = None
                continue
            if section not in ("results", "tasks") or not s:
                continue
            b = BULLET.match(s)
            if not b:
                if SUBHEAD.match(s):
                    if section == "results":
                        hm = months_in(s, doc_year)
                        if hm:
                            cur_month = hm[0]
                            res_months.update(hm)
                    continue
                err(f"{fname}: unlabelled non-bullet line in {section}: {s[:60]}")
                continue
            content = b.group(2).rstrip(" .;")
            hit = [it for it in mine if it["text"] == content
                   and span_of.get(it["id"], (-1,))[0] == off + ln.index(content)]
            if len(hit) != 1:
                err(f"{fname}: bullet not labelled exactly: {content[:70]}")
                continue
            labelled[hit[0]["id"]] = (section, cur_month)
        for it in mine:
            if it["id"] not in labelled:
                err(f"{it['id']}: not a bullet of a results/tasks section")
                continue
            sec, month = labelled[it["id"]]
            if sec != it["kind"]:
                err(f"{it['id']}: labelled {it['kind']} but sits in the {sec} section")
            if it["kind"] == "tasks" and it["period"] != d["planned_period"]:
                err(f"{it['id']}: period {it['period']} != planned {d['planned_period']}")
            if it["kind"] == "results":
                if it["period"] not in d["reported_months"]:
                    err(f"{it['id']}: period {it['period']} not reported by {fname}")
                if month and it["period"] != month:
                    err(f"{it['id']}: period {it['period']} but sits under month {month}")
        if res_months and sorted(res_months) != sorted(d["reported_months"]):
            err(f"{fname}: result headings name {sorted(res_months)}, gold says {d['reported_months']}")
        if task_months != {d["planned_period"]}:
            err(f"{fname}: task heading names {sorted(task_months)}, gold says {d['planned_period']}")
        nt = sum(1 for it in mine if it["kind"] == "tasks")
        nr = sum(1 for it in mine if it["kind"] == "results")
        if not 10 <= nt <= 18:
            err(f"{fname}: {nt} tasks")
        if not (10 <= nr <= 18 or nr == 0):
            err(f"{fname}: {nr} results")

    # ---- links
    def unit_of(iid):
        return docs[items[iid]["file"]]["unit"]

    linked_pairs = set()
    has_link = set()
    for f in gold["follow_through"]:
        t, r = f["task"], f["result"]
        if items.get(t, {}).get("kind") != "tasks" or items.get(r, {}).get("kind") != "results":
            err(f"follow_through {t}->{r}: not task->result")
            continue
        if f["status"] not in ("done", "partial"):
            err(f"follow_through {t}->{r}: status {f['status']}")
        if unit_of(t) != unit_of(r):
            err(f"follow_through {t}->{r}: across units")
        if order[items[r]["file"]] <= order[items[t]["file"]]:
            err(f"follow_through {t}->{r}: not forward")
        if items[r]["period"] != items[t]["period"]:
            err(f"follow_through {t}->{r}: result reports {items[r]['period']}, task planned "
                f"{items[t]['period']}")
        # the first later document of the unit that reports the task's month
        later = [d for d in by_unit[unit_of(t)]
                 if order[d["file"]] > order[items[t]["file"]] and items[t]["period"] in d["reported_months"]]
        if later and items[r]["file"] != later[0]["file"]:
            err(f"follow_through {t}->{r}: not in the first document reporting {items[t]['period']}")
        if (t, r) in linked_pairs:
            err(f"follow_through {t}->{r} twice")
        linked_pairs.add((t, r))
        has_link.add(t)
    for c in gold["carry_over"]:
        a, b = c["from"], c["to"]
        if items.get(a, {}).get("kind") != "tasks" or items.get(b, {}).get("kind") != "tasks":
            err(f"carry_over {a}->{b}: not task->task")
            continue
        if c["kind"] not in ("unfinished", "unfinished_reworded", "routine", "next_step", "split"):
            err(f"carry_over {a}->{b}: kind {c['kind']}")
        if unit_of(a) != unit_of(b):
            err(f"carry_over {a}->{b}: across units")
        if order[items[b]["file"]] <= order[items[a]["file"]]:
            err(f"carry_over {a}->{b}: not forward")
        if (a, b) in linked_pairs:
            err(f"carry_over {a}->{b} twice")
        linked_pairs.add((a, b))
        has_link.add(a)
    splits = {}
    for c in gold["carry_over"]:
        if c["kind"] == "split":
            splits.setdefault(c["from"], []).append(c["to"])
    for a, tos in splits.items():
        if len(tos) < 2:
            err(f"split {a}: only one part")

    # ---- gaps
    expected = {it["id"] for it in items.values() if it["kind"] == "tasks"
                and it["file"] != last_doc[docs[it["file"]]["unit"]] and it["id"] not in has_link}
    got = set(gold["gaps"])
    if len(got) != len(gold["gaps"]):
        err("duplicate gap")
    if got != expected:
        err(f"gaps: missing {sorted(expected - got)}, extra {sorted(got - expected)}")

    # ---- decoys
    pairs = [tuple(p) for p in decoys]
    nm = HERE / "_src" / "near_misses.json"
    if nm.exists():
        pairs += [tuple(p) for p in json.loads(nm.read_text(encoding="utf-8"))]
    for p in pairs:
        if len(p) != 2 or any(x not in items for x in p):
            err(f"decoy pair {p}: unknown ids")
            continue
        if (p[0], p[1]) in linked_pairs or (p[1], p[0]) in linked_pairs:
            err(f"decoy pair {p} is linked")
    for p in decoys:
        if len(p) == 2 and all(x in items for x in p) and unit_of(p[0]) == unit_of(p[1]):
            err(f"cross_unit_decoys {p}: same unit")

    if errors:
        print("\n".join(errors))
        print(f"FAIL ({len(errors)} problems)")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
