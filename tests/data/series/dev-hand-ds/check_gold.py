#!/usr/bin/env python3
"""Check gold.json of the hand-DS series against its documents. Prints OK or the problems."""
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ERR = []


def err(msg):
    ERR.append(msg)


MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
FNAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt$")
ROMAN = re.compile(r"^(I|II|III|IV|V|VI|VII|VIII)\.\s+(.*)$")
NUM_HEADING = re.compile(r"^\d+\.\s+\S.*$")
MARKER = re.compile(r"^(\(\d+\)\s+|\d+\.\s+|[-–•+]\s+)")
STATUSES = {"done", "partial", "progress"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
QUARTERS = {"QUÝ I": ["01", "02", "03"], "QUÝ II": ["04", "05", "06"],
            "QUÝ III": ["07", "08", "09"], "QUÝ IV": ["10", "11", "12"]}


def load():
    p = os.path.join(HERE, "gold.json")
    raw = open(p, "rb").read()
    return json.loads(raw.decode("utf-8"))


def check_form(g):
    for k in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
        if k not in g or not isinstance(g[k], list):
            err("gold.json: missing list %r" % k)
    for d in g.get("documents", []):
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err("document keys: %r" % d)
        if not MONTH.match(d.get("planned_period", "")):
            err("bad planned_period %r" % d)
        if not isinstance(d.get("reported_months"), list) or not all(MONTH.match(m) for m in d["reported_months"]):
            err("bad reported_months %r" % d)
    for key in ("tasks", "results"):
        for it in g.get(key, []):
            if set(it) != {"id", "file", "period", "text"}:
                err("%s item keys: %r" % (key, it))
            if not MONTH.match(it.get("period", "")):
                err("bad period %r" % it.get("id"))
            if not it.get("text", "").strip():
                err("empty text %r" % it.get("id"))
    for l in g.get("follow_through", []):
        if set(l) != {"task", "result", "status"}:
            err("follow_through keys %r" % l)
    for l in g.get("carry_over", []):
        if set(l) != {"from", "to", "kind"}:
            err("carry_over keys %r" % l)
    for p in g.get("cross_unit_decoys", []):
        if not (isinstance(p, list) and len(p) == 2):
            err("decoy pair %r" % p)


def read_doc(fname):
    path = os.path.join(HERE, fname)
    if not os.path.isfile(path):
        err("missing file %s" % fname)
        return None
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err("%s: BOM" % fname)
    if b"\r" in raw:
        err("%s: CR line ends" % fname)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err("%s: not UTF-8 (%s)" % (fname, e))
        return None
    if unicodedata.normalize("NFC", text) != text:
        err("%s: not NFC" % fname)
    return text


def sections(text):
    """Return {kind: (start, end)} char ranges for results / limitations / tasks sections,
    and the heading lines of results and tasks."""
    lines = text.split("\n")
    offs, pos = [], 0
    for ln in lines:
        offs.append(pos)
        pos += len(ln) + 1
    heads = []
    for i, ln in enumerate(lines):
        m = ROMAN.match(ln.strip())
        if m:
            heads.append((i, m.group(2)))
        elif ln.strip().startswith("Nơi nhận"):
            heads.append((i, "NOI NHAN"))
    out = {}
    for j, (i, title) in enumerate(heads):
        end_line = heads[j + 1][0] if j + 1 < len(heads) else len(lines)
        up = title.upper()
        if "KẾT QUẢ" in up:
            kind = "results"
        elif "HẠN CHẾ" in up:
            kind = "limitations"
        elif "NHIỆM VỤ TRỌNG TÂM" in up or "PHƯƠNG HƯỚNG" in up:
            kind = "tasks"
        else:
            continue
        if kind in out:
            err("two %s sections" % kind)
        out[kind] = (offs[i + 1] if i + 1 < len(lines) else len(text),
                     offs[end_line] if end_line < len(lines) else len(text), up, i)
    return out, lines, offs


def main():
    g = load()
    check_form(g)
    docs = {d["file"]: d for d in g["documents"]}
    if len(docs) != len(g["documents"]):
        err("duplicate document file")
    texts = {}
    for f, d in docs.items():
        m = FNAME.match(f)
        if not m:
            err("bad file name %s" % f)
            continue
        if m.group(2) != d["planned_period"]:
            err("%s: name month != planned_period" % f)
        t = read_doc(f)
        if t is not None:
            texts[f] = t
        for rm in d["reported_months"]:
            if rm >= d["planned_period"]:
                err("%s: reported month %s not before planned %s" % (f, rm, d["planned_period"]))
    # no stray .txt files
    for f in os.listdir(HERE):
        if f.endswith(".txt") and f not in docs:
            err("stray document %s not in gold" % f)

    items = {}
    for key, kind in (("tasks", "task"), ("results", "result")):
        for it in g[key]:
            if it["id"] in items:
                err("duplicate id %s" % it["id"])
            items[it["id"]] = dict(it, kind=kind)

    spans = defaultdict(list)
    for iid, it in items.items():
        f = it["file"]
        if f not in docs:
            err("%s: unknown file %s" % (iid, f))
            continue
        if f not in texts:
            continue
        t = texts[f]
        if unicodedata.normalize("NFC", it["text"]) != it["text"]:
            err("%s: text not NFC" % iid)
        n = t.count(it["text"])
        if n != 1:
            err("%s: text occurs %d times in %s" % (iid, n, f))
            continue
        s = t.index(it["text"])
        spans[f].append((s, s + len(it["text"]), iid))
        d = docs[f]
        if it["kind"] == "task" and it["period"] != d["planned_period"]:
            err("%s: task period %s != planned %s" % (iid, it["period"], d["planned_period"]))
        if it["kind"] == "result" and it["period"] not in d["reported_months"]:
            err("%s: result period %s not reported by %s" % (iid, it["period"], f))

    # overlaps, sections, coverage, counts
    for f, t in texts.items():
        sp = sorted(spans[f])
        for a, b in zip(sp, sp[1:]):
            if b[0] < a[1]:
                err("%s: items %s and %s overlap" % (f, a[2], b[2]))
        secs, lines, offs = sections(t)
        for need in ("results", "tasks"):
            if need not in secs:
                err("%s: no %s section" % (f, need))
        if "results" not in secs or "tasks" not in secs:
            continue
        d = docs[f]
        # headings agree with periods
        tasks_head = secs["tasks"][2]
        pm = int(d["planned_period"][5:])
        if not re.search(r"THÁNG 0?%d\b" % pm, tasks_head):
            err("%s: tasks heading does not name month %d" % (f, pm))
        res_head = secs["results"][2]
        named = set("%02d" % int(x) for x in re.findall(r"THÁNG (\d{1,2})", res_head))
        for q, ms in QUARTERS.items():
            if re.search(re.escape(q) + r"(?![IV])", res_head):
                named |= set(ms)
        want = set(m[5:] for m in d["reported_months"])
        if named != want:
            err("%s: results heading names %s, reported_months %s" % (f, sorted(named), sorted(want)))
        cover = [False] * len(t)
        for s, e, iid in sp:
            for k in range(s, e):
                cover[k] = True
            kind = items[iid]["kind"]
            rs, re_, _, _ = secs["results" if kind == "result" else "tasks"]
            if not (rs <= s and e <= re_):
                err("%s: %s lies outside its %s section" % (f, iid, kind))
        for kind in ("results", "tasks"):
            start, end, _, hline = secs[kind]
            for i, ln in enumerate(lines):
                if offs[i] < start or offs[i] >= end:
                    continue
                st = ln.strip()
                if not st:
                    continue
                if st.endswith(":"):
                    continue  # lead-in
                if NUM_HEADING.match(st) and not st.endswith((".", ";")):
                    continue  # field heading
                lo = offs[i] + (len(ln) - len(ln.lstrip()))
                m = MARKER.match(st)
                if m:
                    lo += len(m.group(0))
                for k in range(lo, offs[i] + len(ln)):
                    if not cover[k] and not t[k].isspace():
                        err("%s: line %d not fully labelled: %r" % (f, i + 1, ln[k - offs[i]:][:60]))
                        break
        nt = sum(1 for s, e, iid in sp if items[iid]["kind"] == "task")
        nr = sum(1 for s, e, iid in sp if items[iid]["kind"] == "result")
        if not 10 <= nt <= 18:
            err("%s: %d tasks" % (f, nt))
        if not (10 <= nr <= 18 or nr == 0):
            err("%s: %d results" % (f, nr))

    # units and order
    units = defaultdict(list)
    for d in g["documents"]:
        units[d["unit"]].append(d)
    last = {}
    for u, ds in units.items():
        ds.sort(key=lambda d: d["planned_period"])
        pp = [d["planned_period"] for d in ds]
        if len(set(pp)) != len(pp):
            err("%s: two documents plan the same month" % u)
        for a, b in zip(ds, ds[1:]):
            if min(b["reported_months"]) <= a["reported_months"][-1] and len(b["reported_months"]) == 1:
                err("%s: %s reports a month already reported" % (u, b["file"]))
            if a["planned_period"] not in b["reported_months"]:
                err("%s: %s does not report the month planned by %s" % (u, b["file"], a["file"]))
        last[u] = ds[-1]["file"]

    def unit_of(iid):
        return docs[items[iid]["file"]]["unit"]

    def pp_of(iid):
        return docs[items[iid]["file"]]["planned_period"]

    linked = set()
    seen = set()
    for l in g["follow_through"]:
        t, r = l["task"], l["result"]
        if t not in items or items[t]["kind"] != "task":
            err("follow_through: %s is not a task" % t)
            continue
        if r not in items or items[r]["kind"] != "result":
            err("follow_through: %s is not a result" % r)
            continue
        if (t, r) in seen:
            err("duplicate follow_through %s %s" % (t, r))
        seen.add((t, r))
        if l["status"] not in STATUSES:
            err("bad status %r" % l)
        if unit_of(t) != unit_of(r):
            err("follow_through across units %s %s" % (t, r))
        if not pp_of(r) > pp_of(t):
            err("follow_through not forward %s %s" % (t, r))
        if items[r]["period"] < items[t]["period"]:
            err("result %s reports a month before task %s" % (r, t))
        linked.add(t)
    seen = set()
    for l in g["carry_over"]:
        a, b = l["from"], l["to"]
        if a not in items or items[a]["kind"] != "task" or b not in items or items[b]["kind"] != "task":
            err("carry_over: not tasks %r" % l)
            continue
        if (a, b) in seen:
            err("duplicate carry_over %s %s" % (a, b))
        seen.add((a, b))
        if l["kind"] not in KINDS:
            err("bad kind %r" % l)
        if unit_of(a) != unit_of(b):
            err("carry_over across units %s %s" % (a, b))
        if not pp_of(b) > pp_of(a):
            err("carry_over not forward %s %s" % (a, b))
        linked.add(a)
    expected_gaps = set(i for i, it in items.items()
                        if it["kind"] == "task" and i not in linked
                        and it["file"] != last[docs[it["file"]]["unit"]])
    gaps = set(g["gaps"])
    if len(gaps) != len(g["gaps"]):
        err("duplicate gap")
    for x in sorted(gaps - expected_gaps):
        err("gap %s is linked, unknown, or in a last document" % x)
    for x in sorted(expected_gaps - gaps):
        err("unlinked task %s missing from gaps" % x)

    pairs = set()
    for l in g["follow_through"]:
        pairs.add(frozenset((l["task"], l["result"])))
    for l in g["carry_over"]:
        pairs.add(frozenset((l["from"], l["to"])))
    dec = g.get("cross_unit_decoys", [])
    if len(units) == 2 and len(dec) < 20:
        err("only %d cross-unit decoys" % len(dec))
    for a, b in dec:
        if a not in items or b not in items:
            err("decoy with unknown id %s %s" % (a, b))
            continue
        if unit_of(a) == unit_of(b):
            err("decoy within one unit %s %s" % (a, b))
        if frozenset((a, b)) in pairs:
            err("decoy pair linked %s %s" % (a, b))

    if ERR:
        for e in ERR:
            print("ERROR:", e)
        sys.exit(1)
    nft = len(g["follow_through"])
    print("documents %d, tasks %d, results %d, follow-through %d, carry-over %d, gaps %d, decoys %d"
          % (len(docs), len(g["tasks"]), len(g["results"]), nft, len(g["carry_over"]),
             len(g["gaps"]), len(dec)))
    print("OK")


if __name__ == "__main__":
    main()
