#!/usr/bin/env python3
"""Check gold.json of this folder against its documents and the annotation rules.

Checks: the form; file names; UTF-8, NFC, no BOM, \n line ends; every text an
exact unique substring of its file, items not overlapping; every bullet or
sentence of the results and tasks sections labelled (headings and lead-ins
skipped); task/result counts per document; periods agree with the documents
(titles included); links within one unit and forward in time; allowed statuses
and kinds; gaps exactly the unlinked tasks of non-last documents; decoys never
linked. Prints OK when everything holds.
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


def load():
    with open(os.path.join(HERE, "gold.json"), encoding="utf-8") as f:
        return json.load(f)


def check_form(g):
    need = {"documents": list, "tasks": list, "results": list, "follow_through": list,
            "carry_over": list, "gaps": list}
    for k, t in need.items():
        if not isinstance(g.get(k), t):
            err(f"gold.json: key {k} missing or not a {t.__name__}")
    if "cross_unit_decoys" in g and not isinstance(g["cross_unit_decoys"], list):
        err("cross_unit_decoys not a list")
    for d in g.get("documents", []):
        for k, t in (("file", str), ("unit", str), ("reported_months", list), ("planned_period", str)):
            if not isinstance(d.get(k), t):
                err(f"document {d}: bad {k}")
    for kind in ("tasks", "results"):
        for it in g.get(kind, []):
            for k in ("id", "file", "period", "text"):
                if not isinstance(it.get(k), str) or not it.get(k):
                    err(f"{kind} item {it.get('id')}: bad {k}")
    ids = [it["id"] for k in ("tasks", "results") for it in g.get(k, [])]
    if len(ids) != len(set(ids)):
        err("duplicate item ids")
    for ft in g.get("follow_through", []):
        if set(ft) != {"task", "result", "status"}:
            err(f"follow_through entry malformed: {ft}")
    for co in g.get("carry_over", []):
        if set(co) != {"from", "to", "kind"}:
            err(f"carry_over entry malformed: {co}")


MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
FNAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt$")


def check_files(g):
    texts = {}
    listed = {d["file"] for d in g["documents"]}
    on_disk = {f for f in os.listdir(HERE) if f.endswith(".txt")}
    if listed != on_disk:
        err(f"documents listed {sorted(listed)} differ from .txt files on disk {sorted(on_disk)}")
    for d in g["documents"]:
        m = FNAME.match(d["file"])
        if not m:
            err(f"{d['file']}: bad file name")
            continue
        if m.group(2) != d["planned_period"]:
            err(f"{d['file']}: file month {m.group(2)} != planned_period {d['planned_period']}")
        for p in [d["planned_period"]] + d["reported_months"]:
            if not MONTH.match(p):
                err(f"{d['file']}: bad month {p}")
        if d["reported_months"] != sorted(d["reported_months"]) or not d["reported_months"]:
            err(f"{d['file']}: reported_months empty or unsorted")
        elif d["reported_months"][-1] >= d["planned_period"]:
            err(f"{d['file']}: reported month not before planned period")
        path = os.path.join(HERE, d["file"])
        if not os.path.exists(path):
            continue
        raw = open(path, "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{d['file']}: BOM")
        if b"\r" in raw:
            err(f"{d['file']}: CR line ends")
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError:
            err(f"{d['file']}: not UTF-8")
            continue
        if unicodedata.normalize("NFC", t) != t:
            err(f"{d['file']}: not NFC")
        if not t.endswith("\n"):
            err(f"{d['file']}: no final newline")
        if "{{" in t or "}}" in t:
            err(f"{d['file']}: leftover hand marks")
        texts[d["file"]] = t
    return texts


def month_num(p):
    return int(p[5:7])


def check_header_and_title(d, t):
    lines = t.split("\n")
    for must in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Nơi nhận:"):
        if must not in t:
            err(f"{d['file']}: header/closing line missing: {must}")
    if not re.search(r"^Số: \d+/BC-UBND$", t, re.M):
        err(f"{d['file']}: no 'Số: .../BC-UBND' line")
    m = re.search(r"^Trường Lam, ngày (\d\d) tháng (\d+) năm (\d{4})$", t, re.M)
    if not m:
        err(f"{d['file']}: no place-and-date line")
    else:
        issued = f"{m.group(3)}-{int(m.group(2)):02d}"
        if issued != d["reported_months"][-1]:
            err(f"{d['file']}: issued {issued}, not in the last reported month")
    title = next((lines[i + 1] for i, l in enumerate(lines) if l == "BÁO CÁO"), "")
    tm = re.match(r"^Tình hình kinh tế - xã hội tháng (\d+)(, quý ([IV]+))? và nhiệm vụ, "
                  r"giải pháp trọng tâm tháng (\d+) năm (\d{4})$", title)
    if not tm:
        err(f"{d['file']}: title not recognised: {title!r}")
        return
    if int(tm.group(1)) != month_num(d["reported_months"][-1]):
        err(f"{d['file']}: title reports month {tm.group(1)}, gold says {d['reported_months'][-1]}")
    if f"{tm.group(5)}-{int(tm.group(4)):02d}" != d["planned_period"]:
        err(f"{d['file']}: title plans month {tm.group(4)}/{tm.group(5)}, gold says {d['planned_period']}")
    rm = d["reported_months"]
    if tm.group(2):
        q = {"I": 1, "II": 2, "III": 3, "IV": 4}[tm.group(3)]
        want = [f"{rm[-1][:4]}-{m:02d}" for m in range(3 * q - 2, 3 * q + 1)]
        if rm != want:
            err(f"{d['file']}: quarter report must report {want}, gold says {rm}")
    elif len(rm) != 1:
        err(f"{d['file']}: monthly title but {len(rm)} reported months")


HEADING = re.compile(r"^(?:[IVX]+|\d+)\.\s|^[a-zđ]\)\s")


def sections(t):
    """Return (results span, tasks span) as (start, end) char offsets."""
    def line_start(pattern):
        m = re.search(pattern, t, re.M)
        return m.start() if m else None
    r0 = line_start(r"^I\. ")
    r1 = line_start(r"^II\. ")
    k0 = line_start(r"^III\. ")
    k1 = line_start(r"^Trên đây")
    if None in (r0, r1, k0, k1) or not (r0 < r1 < k0 < k1):
        return None
    return (r0, r1), (k0, k1)


def check_items(g, texts):
    spans = {}
    by_id = {}
    for kind in ("tasks", "results"):
        for it in g[kind]:
            by_id[it["id"]] = (kind, it)
            t = texts.get(it["file"])
            if t is None:
                err(f"{it['id']}: file {it['file']} unknown")
                continue
            if unicodedata.normalize("NFC", it["text"]) != it["text"]:
                err(f"{it['id']}: text not NFC")
            n = t.count(it["text"])
            if n != 1:
                err(f"{it['id']}: text found {n} times in {it['file']}")
                continue
            if it["text"] != it["text"].strip():
                err(f"{it['id']}: text has outer whitespace")
            s = t.index(it["text"])
            spans.setdefault(it["file"], []).append((s, s + len(it["text"]), kind, it["id"]))
    for f, sp in spans.items():
        sp.sort()
        for a, b in zip(sp, sp[1:]):
            if a[1] > b[0]:
                err(f"{f}: items {a[3]} and {b[3]} overlap")
    # coverage of results and tasks sections
    for d in g["documents"]:
        t = texts.get(d["file"])
        if t is None:
            continue
        check_header_and_title(d, t)
        sec = sections(t)
        if sec is None:
            err(f"{d['file']}: sections I / II / III / 'Trên đây' not found in order")
            continue
        sp = spans.get(d["file"], [])
        for (a, b), kind in zip(sec, ("results", "tasks")):
            for s, e, k, iid in sp:
                if k == kind and not (a <= s and e <= b):
                    err(f"{iid}: lies outside the {kind} section")
                if k != kind and a <= s < b:
                    err(f"{iid}: a {k} item inside the {kind} section")
            pos = a
            for line in t[a:b].split("\n"):
                ls, le = pos, pos + len(line)
                pos = le + 1
                body = line.strip()
                if not body:
                    continue
                if HEADING.match(body) and not body.endswith((".", ";")):
                    continue  # heading
                if body.endswith(":"):
                    continue  # lead-in
                covered = [False] * len(line)
                for s, e, k, iid in sp:
                    if k == kind and s < le and e > ls:
                        for i in range(max(s, ls), min(e, le)):
                            covered[i - ls] = True
                rest = "".join(ch for ch, c in zip(line, covered) if not c)
                rest = re.sub(r"^\s*-\s", "", rest)
                if rest.strip(" \t"):
                    err(f"{d['file']}: unlabelled text in {kind} section: {rest.strip()[:70]!r}")
    return by_id


def check_counts_periods(g, by_id):
    docs = {d["file"]: d for d in g["documents"]}
    for d in g["documents"]:
        nt = sum(1 for it in g["tasks"] if it["file"] == d["file"])
        nr = sum(1 for it in g["results"] if it["file"] == d["file"])
        if not 10 <= nt <= 25:
            err(f"{d['file']}: {nt} tasks (want 10..25)")
        if not (10 <= nr <= 25 or nr == 0):
            err(f"{d['file']}: {nr} results (want 10..25, or none)")
    for it in g["tasks"]:
        d = docs.get(it["file"])
        if d and it["period"] != d["planned_period"]:
            err(f"{it['id']}: period {it['period']} != planned {d['planned_period']}")
    for it in g["results"]:
        d = docs.get(it["file"])
        if d and it["period"] not in d["reported_months"]:
            err(f"{it['id']}: period {it['period']} not among reported {d['reported_months']}")


def check_links(g, by_id):
    docs = {d["file"]: d for d in g["documents"]}

    def doc_of(iid):
        return docs[by_id[iid][1]["file"]]

    linked_pairs = set()
    seen = set()
    for ft in g["follow_through"]:
        t, r, s = ft["task"], ft["result"], ft["status"]
        if by_id.get(t, ("",))[0] != "tasks" or by_id.get(r, ("",))[0] != "results":
            err(f"follow_through {t}->{r}: unknown task or result")
            continue
        if s not in ("done", "partial"):
            err(f"follow_through {t}->{r}: status {s!r}")
        if (t, r) in seen:
            err(f"follow_through {t}->{r}: duplicate")
        seen.add((t, r))
        dt, dr = doc_of(t), doc_of(r)
        if dt["unit"] != dr["unit"]:
            err(f"follow_through {t}->{r}: across units")
        if dr["planned_period"] <= dt["planned_period"]:
            err(f"follow_through {t}->{r}: not forward in time")
        if by_id[r][1]["period"] < by_id[t][1]["period"]:
            err(f"follow_through {t}->{r}: result period before task period")
        linked_pairs.add(frozenset((t, r)))
    seen = set()
    for co in g["carry_over"]:
        a, b, k = co["from"], co["to"], co["kind"]
        if by_id.get(a, ("",))[0] != "tasks" or by_id.get(b, ("",))[0] != "tasks":
            err(f"carry_over {a}->{b}: unknown task")
            continue
        if k not in ("unfinished", "unfinished_reworded", "routine", "next_step", "split"):
            err(f"carry_over {a}->{b}: kind {k!r}")
        if (a, b) in seen:
            err(f"carry_over {a}->{b}: duplicate")
        seen.add((a, b))
        da, db = doc_of(a), doc_of(b)
        if da["unit"] != db["unit"]:
            err(f"carry_over {a}->{b}: across units")
        if db["planned_period"] <= da["planned_period"]:
            err(f"carry_over {a}->{b}: not forward in time")
        linked_pairs.add(frozenset((a, b)))
    splits = {}
    for co in g["carry_over"]:
        if co["kind"] == "split":
            splits.setdefault(co["from"], []).append(co["to"])
    for a, tos in splits.items():
        if len(tos) < 2:
            err(f"split from {a} has only one target")
    # gaps
    last = {}
    for d in g["documents"]:
        last[d["unit"]] = max(last.get(d["unit"], ""), d["planned_period"])
    has_link = {ft["task"] for ft in g["follow_through"]} | {co["from"] for co in g["carry_over"]}
    want = sorted(it["id"] for it in g["tasks"]
                  if docs[it["file"]]["planned_period"] != last[docs[it["file"]]["unit"]]
                  and it["id"] not in has_link)
    got = sorted(g["gaps"])
    if len(got) != len(set(got)):
        err("duplicate gap ids")
    if want != got:
        err(f"gaps differ: missing {sorted(set(want) - set(got))}, extra {sorted(set(got) - set(want))}")
    # decoys
    for pair in g.get("cross_unit_decoys", []):
        if len(pair) != 2 or any(p not in by_id for p in pair):
            err(f"decoy {pair}: unknown ids")
            continue
        if doc_of(pair[0])["unit"] == doc_of(pair[1])["unit"]:
            err(f"decoy {pair}: same unit")
        if frozenset(pair) in linked_pairs:
            err(f"decoy {pair}: linked")


def main():
    g = load()
    check_form(g)
    if ERR:
        print("\n".join(ERR))
        sys.exit(1)
    texts = check_files(g)
    by_id = check_items(g, texts)
    check_counts_periods(g, by_id)
    check_links(g, by_id)
    if ERR:
        print("\n".join(ERR))
        print(f"{len(ERR)} problem(s)")
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
