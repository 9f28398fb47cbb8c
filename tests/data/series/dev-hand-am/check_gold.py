# -*- coding: utf-8 -*-
"""Checks gold.json of this folder against the documents and the annotation rules.

Prints OK when everything holds, otherwise the list of problems (exit code 1).
Checks: structure; files exist, UTF-8, NFC, named <unit-slug>_<YYYY-MM>.txt; every text an
exact and unique substring of its file, items not overlapping; periods consistent with the
documents; 10-18 tasks and 10-18 results per document; follow-through links (task -> result of
the first later document of the same unit reporting on the task's month, status done|partial);
carry-over links (same unit, later document, known kind); gaps exactly the silent tasks (no
follow-through, no carry-over, not right-censored, not pending); cross-unit decoys across units;
results paraphrase their tasks (word overlap below the scorer's 0.6); each document cites the
previous document of its unit by its number; hard-wrapped body lines.
"""
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
STATUS = {"done", "partial"}
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
problems = []


def bad(msg):
    problems.append(msg)


def fold(s):
    s = unicodedata.normalize("NFD", s.lower()).replace("đ", "d")
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return set(re.findall(r"\w+", s))


def jacc(a, b):
    a, b = fold(a), fold(b)
    return len(a & b) / max(1, len(a | b))


def main():
    gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
    for k in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
        if k not in gold:
            bad(f"missing key {k}")
    if problems:
        return
    docs = {}
    texts = {}
    for i, d in enumerate(gold["documents"]):
        f = d.get("file")
        for k in ("file", "unit", "reported_months", "planned_period"):
            if k not in d:
                bad(f"document {i} lacks {k}")
        if f in docs:
            bad(f"document {f} listed twice")
        if not re.match(r"^[a-z0-9-]+_\d{4}-\d{2}\.txt$", f or ""):
            bad(f"bad file name {f}")
        p = HERE / f
        if not p.exists():
            bad(f"missing file {f}")
            continue
        raw = p.read_bytes()
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError:
            bad(f"{f} is not UTF-8")
            continue
        if unicodedata.normalize("NFC", t) != t:
            bad(f"{f} is not NFC")
        if not d["reported_months"] or not all(MONTH.match(m) for m in d["reported_months"]):
            bad(f"{f}: bad reported_months")
        if not MONTH.match(d["planned_period"]):
            bad(f"{f}: bad planned_period")
        if max(d["reported_months"]) >= d["planned_period"]:
            bad(f"{f}: planned period not after reported months")
        docs[f] = dict(d, index=i)
        texts[f] = t
    # order of documents within a unit
    units = {}
    for f, d in docs.items():
        units.setdefault(d["unit"], []).append(f)
    for u, fs in units.items():
        fs.sort(key=lambda f: docs[f]["planned_period"])
        for n, f in enumerate(fs):
            docs[f]["rank"] = n
        for a, b in zip(fs, fs[1:]):
            if docs[b]["reported_months"][0] <= docs[a]["reported_months"][-1]:
                bad(f"{b} reports months already reported by {a}")
            # the document cites its predecessor by number
            m = re.search(r"Số:?\s*(\d+-[A-Z]+/[A-ZĐ]+)", texts[a])
            if not m or m.group(1) not in texts[b]:
                bad(f"{b} does not cite the previous document {a}")

    items = {}
    spans = {}
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            for k in ("id", "file", "period", "text"):
                if k not in it:
                    bad(f"{kind} item lacks {k}: {it}")
            iid, f, txt = it["id"], it["file"], it["text"]
            if iid in items:
                bad(f"duplicate id {iid}")
            items[iid] = dict(it, kind=kind)
            if f not in docs:
                bad(f"{iid}: unknown file {f}")
                continue
            if txt != txt.strip() or not txt:
                bad(f"{iid}: text empty or padded")
            if unicodedata.normalize("NFC", txt) != txt:
                bad(f"{iid}: text not NFC")
            c = texts[f].count(txt)
            if c != 1:
                bad(f"{iid}: text occurs {c} times in {f}")
            else:
                s = texts[f].index(txt)
                spans.setdefault(f, []).append((s, s + len(txt), iid))
            if "\n\n" in txt:
                bad(f"{iid}: text crosses a blank line / page break")
            d = docs[f]
            if kind == "tasks" and it["period"] != d["planned_period"]:
                bad(f"{iid}: period {it['period']} != planned {d['planned_period']}")
            if kind == "results" and it["period"] not in d["reported_months"]:
                bad(f"{iid}: period {it['period']} not reported by {f}")
    for f, sp in spans.items():
        sp.sort()
        for (a1, b1, i1), (a2, b2, i2) in zip(sp, sp[1:]):
            if a2 < b1:
                bad(f"{i1} and {i2} overlap in {f}")
    for f in docs:
        nt = sum(1 for i in items.values() if i["file"] == f and i["kind"] == "tasks")
        nr = sum(1 for i in items.values() if i["file"] == f and i["kind"] == "results")
        if not 10 <= nt <= 18:
            bad(f"{f}: {nt} tasks (need 10-18)")
        if not 10 <= nr <= 18:
            bad(f"{f}: {nr} results (need 10-18)")

    def unit(iid):
        return docs[items[iid]["file"]]["unit"]

    def rank(iid):
        return docs[items[iid]["file"]]["rank"]

    def reporting_doc(task):
        """First later document of the unit that reports on the task's month."""
        u, r, per = unit(task), rank(task), items[task]["period"]
        for f in units[u]:
            if docs[f]["rank"] > r and per in docs[f]["reported_months"]:
                return f
        return None

    ft_tasks, seen = set(), set()
    for l in gold["follow_through"]:
        t, r, s = l.get("task"), l.get("result"), l.get("status")
        if (t, r) in seen:
            bad(f"duplicate follow-through {t}->{r}")
        seen.add((t, r))
        if items.get(t, {}).get("kind") != "tasks" or items.get(r, {}).get("kind") != "results":
            bad(f"follow-through {t}->{r}: bad ids")
            continue
        if s not in STATUS:
            bad(f"follow-through {t}->{r}: status {s}")
        if unit(t) != unit(r):
            bad(f"follow-through {t}->{r} crosses units")
        if items[r]["file"] != reporting_doc(t):
            bad(f"follow-through {t}->{r}: result not in the first document reporting on {items[t]['period']}")
        j = jacc(items[t]["text"], items[r]["text"])
        if j >= 0.6:
            bad(f"follow-through {t}->{r}: result copies the task (overlap {j:.2f})")
        ft_tasks.add(t)

    co_from, seen = set(), set()
    for l in gold["carry_over"]:
        a, b, k = l.get("from"), l.get("to"), l.get("kind")
        if (a, b) in seen:
            bad(f"duplicate carry-over {a}->{b}")
        seen.add((a, b))
        if items.get(a, {}).get("kind") != "tasks" or items.get(b, {}).get("kind") != "tasks":
            bad(f"carry-over {a}->{b}: bad ids")
            continue
        if k not in KINDS:
            bad(f"carry-over {a}->{b}: kind {k}")
        if unit(a) != unit(b):
            bad(f"carry-over {a}->{b} crosses units")
        if rank(b) <= rank(a) or items[b]["period"] <= items[a]["period"]:
            bad(f"carry-over {a}->{b} does not go forward")
        co_from.add(a)

    gaps = set(gold["gaps"])
    if len(gaps) != len(gold["gaps"]):
        bad("duplicate gap ids")
    expected = set()
    for iid, it in items.items():
        if it["kind"] != "tasks":
            continue
        last = rank(iid) == len(units[unit(iid)]) - 1
        if last or reporting_doc(iid) is None:       # right-censored or pending
            if iid in gaps:
                bad(f"gap {iid} is right-censored/pending")
            continue
        if iid not in ft_tasks and iid not in co_from:
            expected.add(iid)
    for g in gaps - expected:
        if g in items and items[g]["kind"] == "tasks":
            bad(f"gap {g} has a follow-through or carry-over (or is censored)")
        elif g not in items:
            bad(f"gap {g}: unknown id")
    for g in expected - gaps:
        bad(f"task {g} is silent but not listed in gaps")

    for pair in gold.get("cross_unit_decoys", []):
        if len(pair) != 2 or any(p not in items for p in pair):
            bad(f"bad decoy pair {pair}")
        elif unit(pair[0]) == unit(pair[1]):
            bad(f"decoy pair {pair} within one unit")

    # hard wrapping of the body: no line over 90 characters except flattened columns
    for f, t in texts.items():
        for n, ln in enumerate(t.split("\n"), 1):
            if len(ln) > 90 and "   " not in ln:
                bad(f"{f}:{n} line of {len(ln)} characters")


if __name__ == "__main__":
    main()
    if problems:
        print("\n".join(problems))
        print(f"{len(problems)} problem(s)")
        sys.exit(1)
    g = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
    print(f"{len(g['documents'])} documents, {len(g['tasks'])} tasks, {len(g['results'])} results, "
          f"{len(g['follow_through'])} follow-through, {len(g['carry_over'])} carry-over, "
          f"{len(g['gaps'])} gaps, {len(g.get('cross_unit_decoys', []))} decoys")
    print("OK")
