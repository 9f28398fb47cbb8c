#!/usr/bin/env python3
"""Check gold.json of the hand-ca series against the documents beside it.  Prints OK or the errors.

Checks: the form of gold.json; file names; UTF-8 (no BOM), NFC, \\n line ends; headers (Party
genre, "Số ..-NQ/CB", place and date, "Nơi nhận", "T/M CHI BỘ / BÍ THƯ"); every item text an
exact, unique substring of its file, no overlaps; every bullet/sentence of the results and tasks
sections labelled (headings and lead-ins ending in ':' skipped), and no item outside them; 6-12
tasks and 6-12 results per document (or no results); periods agree with the documents (section
headings, "Tháng M/YYYY" sub-headings, reported months contiguous up to the planned month);
links within one unit and forward in time (follow-through lands in the unit's next document);
allowed statuses and kinds; gaps exactly the unlinked tasks of non-last documents; decoys pair
items of the two units and are never linked.
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
NAME_RE = re.compile(r"^[a-z0-9-]+_(\d{4})-(\d{2})\.txt$")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
MIN_ITEMS, MAX_ITEMS = 6, 12
MARKER = re.compile(r"^(?:[-+•*]|\d+[.)])\s+")
SENT_SPLIT = re.compile(r"(?<=[.!?…])\s+")

errors = []


def err(msg):
    errors.append(msg)


def month_add(ym, k):
    y, m = map(int, ym.split("-"))
    n = y * 12 + (m - 1) + k
    return f"{n // 12:04d}-{n % 12 + 1:02d}"


def sections(text):
    """Return {'results': (start, end), 'tasks': (start, end)} as char offsets and headings."""
    lines = text.split("\n")
    offs, o = [], 0
    for ln in lines:
        offs.append(o)
        o += len(ln) + 1
    res_start = res_end = task_start = task_end = None
    res_head = task_head = None
    for i, ln in enumerate(lines):
        s = ln.strip()
        if re.match(r"^I\.\s", s) and res_start is None:
            res_start, res_head = i + 1, s
        elif re.match(r"^(\*\s*)?Hạn chế", s) and res_start is not None and res_end is None:
            res_end = i
        elif re.match(r"^II\.\s", s):
            if res_end is None:
                res_end = i
            task_start, task_head = i + 1, s
        elif re.match(r"^III\.\s", s):
            task_end = i
    return lines, offs, (res_start, res_end, res_head), (task_start, task_end, task_head)


def main():
    gpath = os.path.join(HERE, "gold.json")
    try:
        gold = json.load(open(gpath, encoding="utf-8"))
    except Exception as e:  # noqa
        print(f"cannot read gold.json: {e}")
        sys.exit(1)

    # ---------- form ----------
    need = {"documents": list, "tasks": list, "results": list, "follow_through": list,
            "carry_over": list, "gaps": list, "cross_unit_decoys": list}
    for k, t in need.items():
        if not isinstance(gold.get(k), t):
            err(f"gold.json: '{k}' missing or not a {t.__name__}")
    extra = set(gold) - set(need)
    if extra:
        err(f"gold.json: unexpected keys {sorted(extra)}")
    if errors:
        report()
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err(f"document fields {sorted(d)}")
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            if set(it) != {"id", "file", "period", "text"} or not all(isinstance(v, str) for v in it.values()):
                err(f"{kind} item form: {it}")
    for l in gold["follow_through"]:
        if set(l) != {"task", "result", "status"}:
            err(f"follow_through form: {l}")
    for l in gold["carry_over"]:
        if set(l) != {"from", "to", "kind"}:
            err(f"carry_over form: {l}")
    for p in gold["cross_unit_decoys"]:
        if not (isinstance(p, list) and len(p) == 2):
            err(f"decoy form: {p}")
    if errors:
        report()

    docs = {d["file"]: d for d in gold["documents"]}
    if len(docs) != len(gold["documents"]):
        err("duplicate document file")

    # ---------- files ----------
    on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if sorted(docs) != on_disk:
        err(f"documents listed {sorted(docs)} != .txt on disk {on_disk}")
    texts = {}
    for f, d in docs.items():
        m = NAME_RE.match(f)
        if not m:
            err(f"{f}: bad file name")
            continue
        if f"{m.group(1)}-{m.group(2)}" != d["planned_period"]:
            err(f"{f}: name month != planned_period {d['planned_period']}")
        p = os.path.join(HERE, f)
        if not os.path.exists(p):
            err(f"{f}: missing")
            continue
        raw = open(p, "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{f}: BOM")
        if b"\r" in raw:
            err(f"{f}: CR in line ends")
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            err(f"{f}: not UTF-8 ({e})")
            continue
        if unicodedata.normalize("NFC", t) != t:
            err(f"{f}: not NFC")
        if not t.endswith("\n"):
            err(f"{f}: no final newline")
        texts[f] = t

    # ---------- headers ----------
    for f, t in texts.items():
        d = docs[f]
        for must in ("ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG BỘ PHƯỜNG", "NGHỊ QUYẾT", "Nơi nhận:",
                     "T/M CHI BỘ\nBÍ THƯ"):
            if must not in t:
                err(f"{f}: header/closing lacks '{must}'")
        if not re.search(r"^CHI BỘ [A-ZÀ-ỸĐ0-9 ]+$", t, re.M):
            err(f"{f}: no 'CHI BỘ ...' line in header")
        if not re.search(r"^Số \d{2}-NQ/CB$", t, re.M):
            err(f"{f}: no 'Số ..-NQ/CB'")
        m = re.search(r"^[^\n,]+, ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})$", t, re.M)
        if not m:
            err(f"{f}: no place and date line")
        else:
            ym = f"{int(m.group(3)):04d}-{int(m.group(2)):02d}"
            if ym != d["planned_period"]:
                err(f"{f}: dated {ym}, planned {d['planned_period']}")

    # ---------- units, periods of documents ----------
    by_unit = {}
    for f, d in docs.items():
        by_unit.setdefault(d["unit"], []).append(f)
    for u in by_unit:
        by_unit[u].sort(key=lambda f: docs[f]["planned_period"])
    if len(by_unit) != 2:
        err(f"expected two units, got {len(by_unit)}")
    next_doc, order = {}, {}
    for u, fs in by_unit.items():
        if len(fs) != 6:
            err(f"{u}: {len(fs)} documents, expected 6")
        for i, f in enumerate(fs):
            order[f] = i
            next_doc[f] = fs[i + 1] if i + 1 < len(fs) else None
            d = docs[f]
            if i == 0:
                want = [month_add(d["planned_period"], -1)]
            else:
                prev = docs[fs[i - 1]]["planned_period"]
                want, k = [], prev
                while k < d["planned_period"]:
                    want.append(k)
                    k = month_add(k, 1)
            if d["reported_months"] != want:
                err(f"{f}: reported_months {d['reported_months']} != expected {want}")
    skips = sum(1 for d in docs.values() if len(d["reported_months"]) > 1)
    if skips < 1:
        err("no skipped month in the series")

    # ---------- items ----------
    items = {}
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            if it["id"] in items:
                err(f"duplicate id {it['id']}")
            items[it["id"]] = dict(it, kind=kind)
    for iid, it in items.items():
        f = it["file"]
        if f not in texts:
            err(f"{iid}: unknown file {f}")
            continue
        t = texts[f]
        n = t.count(it["text"])
        if n != 1 or not it["text"].strip():
            err(f"{iid}: text found {n} times in {f}")
            continue
        it["start"] = t.index(it["text"])
        it["end"] = it["start"] + len(it["text"])
        d = docs[f]
        if it["kind"] == "tasks" and it["period"] != d["planned_period"]:
            err(f"{iid}: period {it['period']} != planned {d['planned_period']}")
        if it["kind"] == "results" and it["period"] not in d["reported_months"]:
            err(f"{iid}: period {it['period']} not in reported {d['reported_months']}")
    # overlaps
    for f in texts:
        spans = sorted((it["start"], it["end"], iid) for iid, it in items.items()
                       if it["file"] == f and "start" in it)
        for a, b in zip(spans, spans[1:]):
            if b[0] < a[1]:
                err(f"{f}: {a[2]} overlaps {b[2]}")

    # ---------- section coverage ----------
    for f, t in texts.items():
        d = docs[f]
        lines, offs, (rs, re_, rh), (ts, te, th) = sections(t)
        if None in (rs, re_, ts, te):
            err(f"{f}: sections I / Hạn chế / II / III not found")
            continue
        # heading months
        hm = [f"{int(y):04d}-{int(mo):02d}" for mo, y in re.findall(r"(\d{1,2})/(\d{4})", rh)]
        if len(hm) == 1 and len(d["reported_months"]) > 1:
            # "THÁNG 3 VÀ THÁNG 4/2026"
            ms = re.findall(r"THÁNG (\d{1,2})", rh)
            hm = [f"{hm[0][:4]}-{int(x):02d}" for x in ms]
        if hm != d["reported_months"]:
            err(f"{f}: results heading '{rh}' months {hm} != {d['reported_months']}")
        tm = re.findall(r"(\d{1,2})/(\d{4})", th)
        if len(tm) != 1 or f"{int(tm[0][1]):04d}-{int(tm[0][0]):02d}" != d["planned_period"]:
            err(f"{f}: tasks heading '{th}' != planned {d['planned_period']}")
        by_start = {it["start"]: (iid, it) for iid, it in items.items()
                    if it["file"] == f and "start" in it}
        seen = set()
        for sec, (a, b) in (("results", (rs, re_)), ("tasks", (ts, te))):
            cur_month = d["reported_months"][0] if len(d["reported_months"]) == 1 else None
            for i in range(a, b):
                ln = lines[i]
                s = ln.strip()
                if not s:
                    continue
                if s.endswith(":"):
                    continue  # lead-in
                if not s.endswith((".", ";", "!", "?")):
                    mh = re.match(r"^\d+\.\s+Tháng (\d{1,2})/(\d{4})$", s)
                    if mh and sec == "results":
                        cur_month = f"{int(mh.group(2)):04d}-{int(mh.group(1)):02d}"
                    continue  # heading
                mk = MARKER.match(ln)
                if not mk:
                    err(f"{f}:{i + 1}: item line without bullet/number: {s[:50]}")
                    continue
                pos = offs[i] + mk.end()
                content = ln[mk.end():]
                cpos = 0
                for sent in SENT_SPLIT.split(content):
                    k = content.index(sent, cpos)
                    cpos = k + len(sent)
                    hit = by_start.get(pos + k)
                    if not hit or hit[1]["text"] != sent:
                        err(f"{f}:{i + 1}: unlabelled or mislabelled sentence: {sent[:60]}")
                        continue
                    iid, it = hit
                    seen.add(iid)
                    if it["kind"] != sec:
                        err(f"{iid}: a {it['kind'][:-1]} in the {sec} section")
                    if sec == "results" and cur_month and it["period"] != cur_month:
                        err(f"{iid}: period {it['period']} but listed under {cur_month}")
        for iid, it in items.items():
            if it["file"] == f and iid not in seen:
                err(f"{iid}: not a whole bullet/sentence of its section")
        nt = sum(1 for it in items.values() if it["file"] == f and it["kind"] == "tasks")
        nr = sum(1 for it in items.values() if it["file"] == f and it["kind"] == "results")
        if not MIN_ITEMS <= nt <= MAX_ITEMS:
            err(f"{f}: {nt} tasks")
        if nr and not MIN_ITEMS <= nr <= MAX_ITEMS:
            err(f"{f}: {nr} results")

    # ---------- links ----------
    def unit_of(iid):
        return docs[items[iid]["file"]]["unit"]

    ft_pairs, co_pairs = set(), set()
    linked_task = set()
    for l in gold["follow_through"]:
        t, r = l["task"], l["result"]
        if items.get(t, {}).get("kind") != "tasks" or items.get(r, {}).get("kind") != "results":
            err(f"follow_through {t}->{r}: bad ids")
            continue
        if (t, r) in ft_pairs:
            err(f"follow_through {t}->{r}: duplicate")
        ft_pairs.add((t, r))
        linked_task.add(t)
        if l["status"] not in STATUSES:
            err(f"follow_through {t}->{r}: status {l['status']}")
        if unit_of(t) != unit_of(r):
            err(f"follow_through {t}->{r}: across units")
            continue
        tf, rf = items[t]["file"], items[r]["file"]
        if next_doc.get(tf) != rf:
            err(f"follow_through {t}->{r}: result not in the unit's next document")
        if items[r]["period"] < items[t]["period"]:
            err(f"follow_through {t}->{r}: result period before task period")
    for l in gold["carry_over"]:
        a, b = l["from"], l["to"]
        if items.get(a, {}).get("kind") != "tasks" or items.get(b, {}).get("kind") != "tasks":
            err(f"carry_over {a}->{b}: bad ids")
            continue
        if (a, b) in co_pairs:
            err(f"carry_over {a}->{b}: duplicate")
        co_pairs.add((a, b))
        linked_task.add(a)
        if l["kind"] not in KINDS:
            err(f"carry_over {a}->{b}: kind {l['kind']}")
        if unit_of(a) != unit_of(b):
            err(f"carry_over {a}->{b}: across units")
            continue
        if order[items[b]["file"]] <= order[items[a]["file"]]:
            err(f"carry_over {a}->{b}: not forward in time")

    # ---------- gaps ----------
    want_gaps = sorted(iid for iid, it in items.items() if it["kind"] == "tasks"
                       and next_doc.get(it["file"]) is not None and iid not in linked_task)
    if len(set(gold["gaps"])) != len(gold["gaps"]):
        err("duplicate gap")
    if sorted(gold["gaps"]) != want_gaps:
        err(f"gaps {sorted(gold['gaps'])} != unlinked tasks of non-last documents {want_gaps}")

    # ---------- decoys ----------
    seen_pairs = set()
    for a, b in gold["cross_unit_decoys"]:
        if a not in items or b not in items:
            err(f"decoy {a},{b}: unknown id")
            continue
        if unit_of(a) == unit_of(b):
            err(f"decoy {a},{b}: same unit")
        key = tuple(sorted((a, b)))
        if key in seen_pairs:
            err(f"decoy {a},{b}: duplicate")
        seen_pairs.add(key)
        for x, y in ((a, b), (b, a)):
            if (x, y) in ft_pairs or (x, y) in co_pairs:
                err(f"decoy {a},{b}: linked")
    if len(seen_pairs) < 10:
        err(f"only {len(seen_pairs)} decoy pairs")

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
