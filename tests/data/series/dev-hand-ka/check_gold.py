#!/usr/bin/env python3
"""Check gold.json of this series against its documents.  Prints OK or the problems.

Checks: the form; file names; UTF-8, no BOM, \n line ends, NFC; every item
text an exact unique substring of its file, items not overlapping; every
bullet/sentence of the results and tasks sections labelled (headings and
lead-ins ending with ':' skipped), and no item outside them; 10-18 tasks and
10-18 results per document (0 results allowed only for a document that
reports nothing); periods agree with the documents; links within one unit,
forward in time, result period = task period; allowed statuses and kinds;
gaps exactly the unlinked tasks of non-last documents; decoys (cross-unit in
gold.json, within-unit in _src/decoys.json) never linked.
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
NAME_RE = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt$")
MONTH_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}

# section markers used by both clerks of this series
RES_START = re.compile(r"^(I|A)\. KẾT QUẢ")
LIM_START = re.compile(r"^(II|B)\. HẠN CHẾ")
TASK_START = re.compile(r"^(III|C)\. CHƯƠNG TRÌNH CÔNG TÁC")
TASK_END = re.compile(r"^(Giao |Trên đây|Nơi nhận)")
HEADING = re.compile(r"^(\d+\.|[a-zđ]\)|[IVX]+\.|[A-Z]\.)\s")
BULLET = re.compile(r"^([-+•])\s+")

errors = []


def err(msg):
    errors.append(msg)


def load():
    path = os.path.join(HERE, "gold.json")
    with open(path, "rb") as f:
        raw = f.read()
    return json.loads(raw.decode("utf-8"))


def check_form(g):
    need = {"documents": list, "tasks": list, "results": list,
            "follow_through": list, "carry_over": list, "gaps": list}
    for k, t in need.items():
        if not isinstance(g.get(k), t):
            err(f"gold.json: '{k}' missing or not a {t.__name__}")
    if "cross_unit_decoys" in g and not isinstance(g["cross_unit_decoys"], list):
        err("gold.json: cross_unit_decoys not a list")
    extra = set(g) - set(need) - {"cross_unit_decoys"}
    if extra:
        err(f"gold.json: unexpected keys {sorted(extra)}")
    for d in g.get("documents", []):
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err(f"document entry keys {sorted(d)}")
    for kind in ("tasks", "results"):
        for it in g.get(kind, []):
            if set(it) != {"id", "file", "period", "text"}:
                err(f"{kind} entry keys {sorted(it)}")
            elif not all(isinstance(it[k], str) and it[k] for k in it):
                err(f"{kind} entry with empty field: {it}")
    for l in g.get("follow_through", []):
        if set(l) != {"task", "result", "status"}:
            err(f"follow_through entry keys {sorted(l)}")
    for l in g.get("carry_over", []):
        if set(l) != {"from", "to", "kind"}:
            err(f"carry_over entry keys {sorted(l)}")


def read_doc(fname):
    path = os.path.join(HERE, fname)
    if not os.path.isfile(path):
        err(f"{fname}: file missing")
        return None
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err(f"{fname}: BOM")
    if b"\r" in raw:
        err(f"{fname}: \\r in file")
    try:
        txt = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err(f"{fname}: not UTF-8 ({e})")
        return None
    if unicodedata.normalize("NFC", txt) != txt:
        err(f"{fname}: not NFC")
    return txt


def sections(txt):
    """Return list of (kind, line_start, line_end_exclusive_offset, line) for section lines."""
    out = []
    state = None
    off = 0
    for line in txt.split("\n"):
        start = off
        off += len(line) + 1
        s = line.strip()
        if RES_START.match(s):
            state = "R"
            continue
        if LIM_START.match(s):
            state = "L"
            continue
        if TASK_START.match(s):
            state = "T"
            continue
        if state == "T" and TASK_END.match(s):
            state = None
            continue
        if state in ("R", "T", "L"):
            out.append((state, start, start + len(line), line))
    return out


def main():
    g = load()
    check_form(g)
    if errors:
        return report()

    docs = {}
    files_seen = set()
    for d in g["documents"]:
        f = d["file"]
        if f in docs:
            err(f"{f}: listed twice")
        m = NAME_RE.match(f)
        if not m:
            err(f"{f}: bad file name")
            continue
        if m.group(2) != d["planned_period"]:
            err(f"{f}: name month {m.group(2)} != planned_period {d['planned_period']}")
        if not MONTH_RE.match(d["planned_period"]):
            err(f"{f}: bad planned_period")
        rm = d["reported_months"]
        if not isinstance(rm, list) or not all(isinstance(x, str) and MONTH_RE.match(x) for x in rm):
            err(f"{f}: bad reported_months")
        elif rm != sorted(rm) or len(set(rm)) != len(rm) or any(x >= d["planned_period"] for x in rm):
            err(f"{f}: reported months must be distinct, ordered and before the planned period")
        docs[f] = d
        files_seen.add(f)
    on_disk = {x for x in os.listdir(HERE) if x.endswith(".txt")}
    if on_disk != files_seen:
        err(f".txt files on disk {sorted(on_disk)} != documents {sorted(files_seen)}")

    texts = {f: read_doc(f) for f in docs}

    # items
    items = {}
    spans = {f: [] for f in docs}
    for kind, key in (("T", "tasks"), ("R", "results")):
        for it in g[key]:
            iid = it["id"]
            if iid in items:
                err(f"{iid}: duplicate id")
                continue
            if it["file"] not in docs:
                err(f"{iid}: unknown file {it['file']}")
                continue
            it = dict(it, kind=kind)
            items[iid] = it
            txt = texts[it["file"]]
            if txt is None:
                continue
            t = it["text"]
            if unicodedata.normalize("NFC", t) != t:
                err(f"{iid}: text not NFC")
            n = txt.count(t)
            if n != 1:
                err(f"{iid}: text found {n} times in {it['file']}")
                continue
            if t != t.strip():
                err(f"{iid}: text has surrounding whitespace")
            a = txt.index(t)
            spans[it["file"]].append((a, a + len(t), iid))
            d = docs[it["file"]]
            if kind == "T" and it["period"] != d["planned_period"]:
                err(f"{iid}: period {it['period']} != planned {d['planned_period']}")
            if kind == "R" and it["period"] not in d["reported_months"]:
                err(f"{iid}: period {it['period']} not among reported {d['reported_months']}")

    for f, sp in spans.items():
        sp.sort()
        for (a1, b1, i1), (a2, b2, i2) in zip(sp, sp[1:]):
            if a2 < b1:
                err(f"{f}: {i1} overlaps {i2}")

    # coverage of sections
    for f, txt in texts.items():
        if txt is None:
            continue
        cov = {}
        for a, b, iid in spans[f]:
            for i in range(a, b):
                cov[i] = iid
        sec = sections(txt)
        kinds_found = {k for k, *_ in sec}
        if "T" not in kinds_found:
            err(f"{f}: no tasks section found")
        for kind, a, b, line in sec:
            s = line.strip()
            if not s:
                continue
            m = BULLET.match(s)
            if not m and (HEADING.match(s) and not s.endswith(".")):
                continue  # heading
            if s.endswith(":"):
                continue  # lead-in
            if kind == "L":
                # limitation section: nothing may be labelled here
                if any(i in cov for i in range(a, b)):
                    err(f"{f}: item labelled inside limitations: {s[:60]}")
                continue
            if s.startswith("Nguyên nhân"):
                continue
            lead = len(line) - len(line.lstrip())
            body_start = a + lead + (m.end() if m else 0)
            missing = [i for i in range(body_start, b) if not txt[i].isspace() and i not in cov]
            if missing:
                err(f"{f}: unlabelled text in section {kind}: {txt[missing[0]:missing[0]+60]!r}")
            for i in range(body_start, b):
                iid = cov.get(i)
                if iid and items[iid]["kind"] != kind:
                    err(f"{f}: {iid} lies in a section of kind {kind}")
                    break
        # every item must lie inside a section line of its own kind
        in_sec = {}
        for kind, a, b, line in sec:
            for i in range(a, b):
                in_sec[i] = kind
        for a, b, iid in spans[f]:
            if any(in_sec.get(i) != items[iid]["kind"] for i in range(a, b)):
                err(f"{iid}: not inside its section")

    # counts
    for f, d in docs.items():
        nt = sum(1 for i in items.values() if i["file"] == f and i["kind"] == "T")
        nr = sum(1 for i in items.values() if i["file"] == f and i["kind"] == "R")
        if not 10 <= nt <= 18:
            err(f"{f}: {nt} tasks (need 10-18)")
        if not (10 <= nr <= 18 or (nr == 0 and not d["reported_months"])):
            err(f"{f}: {nr} results (need 10-18)")

    def doc_of(iid):
        return docs[items[iid]["file"]]

    # follow-through
    ft_pairs = set()
    linked = set()
    for l in g["follow_through"]:
        t, r, s = l["task"], l["result"], l["status"]
        if t not in items or items[t]["kind"] != "T":
            err(f"follow_through: {t} is not a task"); continue
        if r not in items or items[r]["kind"] != "R":
            err(f"follow_through: {r} is not a result"); continue
        if s not in STATUSES:
            err(f"follow_through {t}->{r}: status {s!r}")
        if (t, r) in ft_pairs:
            err(f"follow_through {t}->{r}: duplicate")
        ft_pairs.add((t, r))
        if doc_of(t)["unit"] != doc_of(r)["unit"]:
            err(f"follow_through {t}->{r}: crosses units")
        if doc_of(r)["planned_period"] <= doc_of(t)["planned_period"]:
            err(f"follow_through {t}->{r}: not forward in time")
        if items[r]["period"] != items[t]["period"]:
            err(f"follow_through {t}->{r}: result period {items[r]['period']} != task period {items[t]['period']}")
        linked.add(t)

    # carry-over
    co_pairs = set()
    for l in g["carry_over"]:
        a, b, k = l["from"], l["to"], l["kind"]
        if a not in items or items[a]["kind"] != "T" or b not in items or items[b]["kind"] != "T":
            err(f"carry_over {a}->{b}: both ends must be tasks"); continue
        if k not in KINDS:
            err(f"carry_over {a}->{b}: kind {k!r}")
        if (a, b) in co_pairs:
            err(f"carry_over {a}->{b}: duplicate")
        co_pairs.add((a, b))
        if doc_of(a)["unit"] != doc_of(b)["unit"]:
            err(f"carry_over {a}->{b}: crosses units")
        if items[b]["period"] <= items[a]["period"]:
            err(f"carry_over {a}->{b}: not forward in time")
        linked.add(a)

    # gaps
    last = {}
    for d in docs.values():
        u = d["unit"]
        if u not in last or d["planned_period"] > last[u]:
            last[u] = d["planned_period"]
    expect = {iid for iid, it in items.items()
              if it["kind"] == "T" and iid not in linked
              and doc_of(iid)["planned_period"] != last[doc_of(iid)["unit"]]}
    gaps = g["gaps"]
    if len(set(gaps)) != len(gaps):
        err("gaps: duplicates")
    if set(gaps) != expect:
        err(f"gaps: listed-only {sorted(set(gaps) - expect)}, missing {sorted(expect - set(gaps))}")

    # decoys
    decoys = [tuple(p) for p in g.get("cross_unit_decoys", [])]
    for p in decoys:
        if len(p) != 2 or not all(x in items for x in p):
            err(f"cross_unit_decoys: bad pair {p}")
        elif doc_of(p[0])["unit"] == doc_of(p[1])["unit"]:
            err(f"cross_unit_decoys: {p} is within one unit")
    wpath = os.path.join(HERE, "_src", "decoys.json")
    if os.path.isfile(wpath):
        for p in json.load(open(wpath, encoding="utf-8")):
            p = tuple(p)
            if len(p) != 2 or not all(x in items for x in p):
                err(f"within-unit decoy: bad pair {p}")
                continue
            decoys.append(p)
    all_links = ft_pairs | co_pairs
    for a, b in decoys:
        if (a, b) in all_links or (b, a) in all_links:
            err(f"decoy pair {a},{b} is linked")

    return report(g, items)


def report(g=None, items=None):
    if errors:
        for e in errors:
            print("ERROR:", e)
        print(f"{len(errors)} problem(s)")
        sys.exit(1)
    ft = g["follow_through"]
    co = g["carry_over"]
    st = {s: sum(1 for l in ft if l["status"] == s) for s in sorted(STATUSES)}
    kd = {k: sum(1 for l in co if l["kind"] == k) for k in sorted(KINDS)}
    print(f"documents {len(g['documents'])}, tasks {len(g['tasks'])}, results {len(g['results'])}, "
          f"follow_through {len(ft)} {st}, carry_over {len(co)} {kd}, gaps {len(g['gaps'])}, "
          f"cross_unit_decoys {len(g.get('cross_unit_decoys', []))}")
    print("OK")


if __name__ == "__main__":
    main()
