#!/usr/bin/env python3
"""Check gold.json of this series against its documents and the annotation rules.

Checks: the form; file names; UTF-8, NFC, \\n, no BOM; every text an exact unique
substring of its file, items not overlapping; every sentence/bullet of the results
and tasks sections labelled (headings and lead-ins skipped), no label elsewhere, no
item holding two sentences; task/result counts per document; periods agree with the
documents; links within one unit and forward in time; allowed statuses and kinds;
gaps exactly the unlinked tasks of non-last documents; decoys never linked.
Prints OK when everything holds.
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


def load():
    with open(os.path.join(HERE, "gold.json"), encoding="utf-8") as f:
        return json.load(f)


MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
FNAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d\d)\.txt$")
HEADING = re.compile(r"^(?:\d+|[a-zđ]|[IVX]+)[\.\)]\s+\S")
BULLET = re.compile(r"^(?:- |\+ |\(\d+\) |\d+\. )")
SENT_END = re.compile(r"[.!?]\s+(?=[A-ZÀ-ỸĐ(\"])")


def month_index(m):
    y, mo = m.split("-")
    return int(y) * 12 + int(mo)


def sections(text):
    """Return dict kind -> (start, end) character span of results/tasks sections."""
    lines = text.split("\n")
    offs = []
    o = 0
    for ln in lines:
        offs.append(o)
        o += len(ln) + 1
    res_start = lim_start = task_start = end = None
    for i, ln in enumerate(lines):
        s = ln.strip()
        is_upper_heading = bool(re.match(r"^[IVX]+\.\s", s)) and s == s.upper()
        if is_upper_heading and res_start is None and ("TÌNH HÌNH" in s or "KẾT QUẢ" in s):
            res_start = i
        elif is_upper_heading and "HẠN CHẾ" in s:
            lim_start = i
        elif is_upper_heading and ("TRỌNG TÂM" in s or "PHƯƠNG HƯỚNG" in s):
            task_start = i
        elif s.startswith("Trên đây") and task_start is not None and end is None:
            end = i
    if None in (res_start, lim_start, task_start, end) or not (res_start < lim_start < task_start < end):
        return None, lines, offs
    return {"result": (res_start + 1, lim_start), "task": (task_start + 1, end)}, lines, offs


def main():
    try:
        g = load()
    except Exception as e:  # noqa
        print("FAIL: cannot read gold.json:", e)
        return 1

    # ---- form
    for key in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
        if key not in g or not isinstance(g[key], list):
            err(f"form: missing list {key}")
    allowed_keys = {"documents", "tasks", "results", "follow_through", "carry_over", "gaps", "cross_unit_decoys"}
    for k in g:
        if k not in allowed_keys:
            err(f"form: unexpected key {k}")
    if errors:
        return report()

    docs = {}
    for d in g["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err(f"form: document keys {sorted(d)}")
            continue
        m = FNAME.match(d["file"])
        if not m:
            err(f"file name {d['file']}")
            continue
        if m.group(2) != d["planned_period"]:
            err(f"{d['file']}: name month != planned_period {d['planned_period']}")
        if not MONTH.match(d["planned_period"]):
            err(f"{d['file']}: bad planned_period")
        for rm in d["reported_months"]:
            if not MONTH.match(rm):
                err(f"{d['file']}: bad reported month {rm}")
            elif month_index(rm) >= month_index(d["planned_period"]):
                err(f"{d['file']}: reported month {rm} not before planned period")
        if d["file"] in docs:
            err(f"duplicate document {d['file']}")
        docs[d["file"]] = d

    # files on disk
    on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if sorted(docs) != on_disk:
        err(f"documents {sorted(docs)} != .txt files {on_disk}")

    texts = {}
    for fn in docs:
        p = os.path.join(HERE, fn)
        try:
            raw = open(p, "rb").read()
        except OSError as e:
            err(f"{fn}: {e}")
            continue
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{fn}: BOM")
        if b"\r" in raw:
            err(f"{fn}: CR line ends")
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError:
            err(f"{fn}: not UTF-8")
            continue
        if unicodedata.normalize("NFC", t) != t:
            err(f"{fn}: not NFC")
        texts[fn] = t

    # ---- items
    items = {}
    for kind, key in (("task", "tasks"), ("result", "results")):
        for it in g[key]:
            if set(it) != {"id", "file", "period", "text"}:
                err(f"form: {kind} keys {sorted(it)}")
                continue
            if it["id"] in items:
                err(f"duplicate id {it['id']}")
            if it["file"] not in docs:
                err(f"{it['id']}: unknown file {it['file']}")
                continue
            d = docs[it["file"]]
            if kind == "task" and it["period"] != d["planned_period"]:
                err(f"{it['id']}: task period {it['period']} != planned {d['planned_period']}")
            if kind == "result" and it["period"] not in d["reported_months"]:
                err(f"{it['id']}: result period {it['period']} not reported by {it['file']}")
            items[it["id"]] = dict(it, kind=kind)

    spans = {}
    for iid, it in items.items():
        t = texts.get(it["file"])
        if t is None:
            continue
        txt = it["text"]
        if not txt.strip() or txt != txt.strip():
            err(f"{iid}: empty or padded text")
        if unicodedata.normalize("NFC", txt) != txt:
            err(f"{iid}: text not NFC")
        c = t.count(txt)
        if c != 1:
            err(f"{iid}: text occurs {c} times in {it['file']}")
            continue
        if "\n" in txt:
            err(f"{iid}: text spans lines")
        if SENT_END.search(txt):
            err(f"{iid}: text holds more than one sentence")
        s = t.index(txt)
        spans[iid] = (it["file"], s, s + len(txt))

    # overlaps
    by_file = {}
    for iid, (fn, s, e) in spans.items():
        by_file.setdefault(fn, []).append((s, e, iid))
    for fn, lst in by_file.items():
        lst.sort()
        for (s1, e1, a), (s2, e2, b) in zip(lst, lst[1:]):
            if s2 < e1:
                err(f"{fn}: {a} overlaps {b}")

    # coverage of the sections
    for fn, t in texts.items():
        secs, lines, offs = sections(t)
        if secs is None:
            err(f"{fn}: cannot find results / limitations / tasks sections")
            continue
        file_items = [(s, e, iid) for iid, (f2, s, e) in spans.items() if f2 == fn]
        inside = set()
        for kind, (a, b) in secs.items():
            for i in range(a, b):
                ln = lines[i]
                s = ln.strip()
                if not s:
                    continue
                if HEADING.match(s) and not s.endswith((".", ";")) and len(s) < 120:
                    continue  # sub-heading
                if s.endswith(":"):
                    continue  # lead-in
                lo = offs[i]
                hi = lo + len(ln)
                mb = BULLET.match(ln)
                body_lo = lo + (mb.end() if mb else 0)
                here = sorted((s_, e_, iid) for s_, e_, iid in file_items if s_ >= lo and e_ <= hi)
                for _, _, iid in here:
                    inside.add(iid)
                    if items[iid]["kind"] != kind:
                        err(f"{iid}: {items[iid]['kind']} item in the {kind} section of {fn}")
                # every non-space character of the line body must be covered
                cov = [False] * (hi - body_lo)
                for s_, e_, _ in here:
                    for k in range(max(s_, body_lo), e_):
                        cov[k - body_lo] = True
                for k, ch in enumerate(t[body_lo:hi]):
                    if not cov[k] and not ch.isspace():
                        err(f"{fn} line {i + 1}: unlabelled text: {t[body_lo + k:hi][:60]!r}")
                        break
        for _, _, iid in file_items:
            if iid not in inside:
                err(f"{iid}: labelled outside the results/tasks sections of {fn}")

    # counts per document
    last_by_unit = {}
    for fn, d in docs.items():
        nt = sum(1 for it in items.values() if it["file"] == fn and it["kind"] == "task")
        nr = sum(1 for it in items.values() if it["file"] == fn and it["kind"] == "result")
        if not 12 <= nt <= 18:
            err(f"{fn}: {nt} tasks (want 12-18)")
        if not (12 <= nr <= 18):
            err(f"{fn}: {nr} results (want 12-18)")
        u = d["unit"]
        if u not in last_by_unit or d["planned_period"] > docs[last_by_unit[u]]["planned_period"]:
            last_by_unit[u] = fn
    # one document per unit and planned month
    seen = set()
    for d in docs.values():
        k = (d["unit"], d["planned_period"])
        if k in seen:
            err(f"two documents of {k}")
        seen.add(k)

    def doc_of(iid):
        return docs[items[iid]["file"]]

    # follow-through
    ft_pairs = set()
    linked = set()
    for l in g["follow_through"]:
        if set(l) != {"task", "result", "status"}:
            err(f"form: follow_through keys {sorted(l)}")
            continue
        t, r, st = l["task"], l["result"], l["status"]
        if t not in items or items[t]["kind"] != "task":
            err(f"follow_through: {t} is not a task")
            continue
        if r not in items or items[r]["kind"] != "result":
            err(f"follow_through: {r} is not a result")
            continue
        if st not in ("done", "partial"):
            err(f"follow_through {t}->{r}: status {st}")
        if doc_of(t)["unit"] != doc_of(r)["unit"]:
            err(f"follow_through {t}->{r}: across units")
        if items[r]["period"] < items[t]["period"]:
            err(f"follow_through {t}->{r}: result period before task period")
        if doc_of(r)["planned_period"] <= doc_of(t)["planned_period"]:
            err(f"follow_through {t}->{r}: not forward in time")
        # first later document of the unit that reports on the task's month
        cands = sorted((d["planned_period"], fn) for fn, d in docs.items()
                       if d["unit"] == doc_of(t)["unit"] and items[t]["period"] in d["reported_months"])
        if not cands or cands[0][1] != items[r]["file"]:
            err(f"follow_through {t}->{r}: not in the first document reporting on {items[t]['period']}")
        if (t, r) in ft_pairs:
            err(f"duplicate follow_through {t}->{r}")
        ft_pairs.add((t, r))
        linked.add(t)

    # carry-over
    co_pairs = set()
    for l in g["carry_over"]:
        if set(l) != {"from", "to", "kind"}:
            err(f"form: carry_over keys {sorted(l)}")
            continue
        a, b, k = l["from"], l["to"], l["kind"]
        if a not in items or items[a]["kind"] != "task" or b not in items or items[b]["kind"] != "task":
            err(f"carry_over {a}->{b}: not two tasks")
            continue
        if k not in ("unfinished", "unfinished_reworded", "routine", "next_step", "split"):
            err(f"carry_over {a}->{b}: kind {k}")
        if doc_of(a)["unit"] != doc_of(b)["unit"]:
            err(f"carry_over {a}->{b}: across units")
        if items[b]["period"] <= items[a]["period"]:
            err(f"carry_over {a}->{b}: not forward in time")
        if (a, b) in co_pairs:
            err(f"duplicate carry_over {a}->{b}")
        co_pairs.add((a, b))
        linked.add(a)
    # a split gives at least two targets
    splits = {}
    for l in g["carry_over"]:
        if l["kind"] == "split":
            splits.setdefault(l["from"], []).append(l["to"])
    for a, tos in splits.items():
        if len(tos) < 2:
            err(f"split {a} has only one target")

    # gaps
    want = sorted(iid for iid, it in items.items()
                  if it["kind"] == "task" and iid not in linked
                  and last_by_unit[doc_of(iid)["unit"]] != it["file"])
    got = sorted(g["gaps"])
    if len(set(got)) != len(got):
        err("duplicate gap ids")
    if set(got) != set(want):
        err(f"gaps differ: missing {sorted(set(want) - set(got))}, extra {sorted(set(got) - set(want))}")

    # decoys (cross-unit from gold.json, within-unit from _src if present)
    decoys = [tuple(p) for p in g.get("cross_unit_decoys", [])]
    units = {d["unit"] for d in docs.values()}
    for a, b in decoys:
        if a not in items or b not in items:
            err(f"decoy ({a},{b}): unknown id")
        elif doc_of(a)["unit"] == doc_of(b)["unit"]:
            err(f"cross-unit decoy ({a},{b}) within one unit")
    if len(units) == 1 and decoys:
        err("cross_unit_decoys given for a one-unit series")
    wpath = os.path.join(HERE, "_src", "decoys_within_unit.json")
    if os.path.exists(wpath):
        with open(wpath, encoding="utf-8") as f:
            for a, b in json.load(f):
                if a not in items or b not in items:
                    err(f"within-unit decoy ({a},{b}): unknown id")
                decoys.append((a, b))
    all_links = ft_pairs | co_pairs
    for a, b in decoys:
        if (a, b) in all_links or (b, a) in all_links:
            err(f"decoy ({a},{b}) is linked")

    return report(len(docs), len(items), g, decoys)


def report(*info):
    if errors:
        for e in errors:
            print("ERROR:", e)
        print(f"FAIL ({len(errors)} errors)")
        return 1
    nd, ni, g, decoys = info
    ft = g["follow_through"]
    co = g["carry_over"]
    print(f"documents {nd}; tasks {len(g['tasks'])}; results {len(g['results'])}; "
          f"follow_through {len(ft)} (done {sum(l['status'] == 'done' for l in ft)}, "
          f"partial {sum(l['status'] == 'partial' for l in ft)}); carry_over {len(co)} ("
          + ", ".join(f"{k} {sum(l['kind'] == k for l in co)}" for k in
                      ("unfinished", "unfinished_reworded", "routine", "next_step", "split"))
          + f"); gaps {len(g['gaps'])}; decoys {len(decoys)}")
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
