#!/usr/bin/env python3
"""Check gold.json of this series against its documents.  Prints OK when all
checks pass, otherwise the list of problems.  Checks: the form; file names;
UTF-8 / NFC / \\n / no BOM; every text an exact unique substring, no overlaps;
every bullet/sentence of the result and task sections labelled (headings and
lead-ins skipped); task/result counts per document; periods agree with the
documents; links within one unit and forward in time; statuses and kinds;
gaps = exactly the unlinked tasks of non-last documents; decoys never linked."""
import json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ERR = []


def err(msg):
    ERR.append(msg)


STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
FNAME = re.compile(r"^[a-z0-9-]+_(\d{4}-\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-\d{2}$")
ROMAN = re.compile(r"^(I|II|III|IV|V|VI|VII)\.\s+(.*)$")
BULLET = re.compile(r"^(?:-|\+|•|\d+\.|\(\d+\)|[a-zđ]\))\s+")
SENT_BREAK = re.compile(r"[.!?][\"”»)]?\s+(\S)")


def load():
    try:
        with open(os.path.join(HERE, "gold.json"), encoding="utf-8") as f:
            return json.load(f)
    except Exception as e:  # noqa
        print("cannot read gold.json:", e)
        sys.exit(1)


def check_form(g):
    need = {"documents": list, "tasks": list, "results": list, "follow_through": list,
            "carry_over": list, "gaps": list}
    for k, t in need.items():
        if not isinstance(g.get(k), t):
            err("form: missing or wrong key %s" % k)
    if "cross_unit_decoys" in g and not isinstance(g["cross_unit_decoys"], list):
        err("form: cross_unit_decoys not a list")
    for d in g.get("documents", []):
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err("form: document keys %s" % sorted(d))
    for key in ("tasks", "results"):
        for it in g.get(key, []):
            if set(it) != {"id", "file", "period", "text"} or not all(isinstance(it[x], str) for x in it):
                err("form: %s item %r" % (key, it.get("id")))
    for l in g.get("follow_through", []):
        if set(l) != {"task", "result", "status"}:
            err("form: follow_through %r" % l)
    for l in g.get("carry_over", []):
        if set(l) != {"from", "to", "kind"}:
            err("form: carry_over %r" % l)
    for p in g.get("cross_unit_decoys", []):
        if not (isinstance(p, list) and len(p) == 2):
            err("form: decoy %r" % p)


def sections(text):
    """Return list of (kind, start, end) for result and task sections."""
    lines = text.split("\n")
    offs, o = [], 0
    for ln in lines:
        offs.append(o)
        o += len(ln) + 1
    heads = []
    for i, ln in enumerate(lines):
        m = ROMAN.match(ln.strip())
        if m:
            heads.append((i, m.group(2).upper()))
    end_i = len(lines)
    for i, ln in enumerate(lines):
        if ln.startswith("Trên đây") or ln.startswith("Nơi nhận"):
            end_i = i
            break
    out = []
    for n, (i, title) in enumerate(heads):
        j = heads[n + 1][0] if n + 1 < len(heads) else end_i
        j = min(j, end_i) if i < end_i else j
        if "KẾT QUẢ" in title:
            kind = "R"
        elif "NHIỆM VỤ" in title or "PHƯƠNG HƯỚNG" in title:
            kind = "T"
        else:
            continue
        out.append((kind, i + 1, j))
    return lines, offs, out


def main():
    g = load()
    check_form(g)
    docs = {d["file"]: d for d in g.get("documents", [])}
    texts = {}
    # files
    listed = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if sorted(docs) != listed:
        err("files on disk %s differ from documents %s" % (listed, sorted(docs)))
    for f, d in docs.items():
        m = FNAME.match(f)
        if not m:
            err("bad file name %s" % f)
        elif m.group(1) != d["planned_period"]:
            err("%s: name month != planned_period %s" % (f, d["planned_period"]))
        if not MONTH.match(d["planned_period"]) or not all(MONTH.match(x) for x in d["reported_months"]):
            err("%s: bad month format" % f)
        if not d["reported_months"] or max(d["reported_months"]) >= d["planned_period"]:
            err("%s: reported months must precede the planned period" % f)
        p = os.path.join(HERE, f)
        if not os.path.exists(p):
            err("missing file %s" % f)
            continue
        raw = open(p, "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err("%s: BOM" % f)
        if b"\r" in raw:
            err("%s: CR line ends" % f)
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError:
            err("%s: not UTF-8" % f)
            continue
        if unicodedata.normalize("NFC", t) != t:
            err("%s: not NFC" % f)
        if "{{" in t or "}}" in t:
            err("%s: hand marks left" % f)
        texts[f] = t

    items = {}
    for key, kind in (("tasks", "T"), ("results", "R")):
        for it in g.get(key, []):
            iid = it["id"]
            if iid in items:
                err("duplicate id %s" % iid)
            items[iid] = dict(it, kind=kind)
            if it["file"] not in docs:
                err("%s: unknown file %s" % (iid, it["file"]))
                continue
            d = docs[it["file"]]
            if kind == "T" and it["period"] != d["planned_period"]:
                err("%s: task period %s != planned %s" % (iid, it["period"], d["planned_period"]))
            if kind == "R" and it["period"] not in d["reported_months"]:
                err("%s: result period %s not reported in %s" % (iid, it["period"], it["file"]))
            if unicodedata.normalize("NFC", it["text"]) != it["text"]:
                err("%s: text not NFC" % iid)
            if it["text"] != it["text"].strip() or not it["text"]:
                err("%s: text has outer spaces or is empty" % iid)
            for mm in SENT_BREAK.finditer(it["text"]):
                if mm.group(1).isupper():
                    err("%s: item holds more than one sentence: %r" % (iid, it["text"]))
                    break

    # spans
    spans = {}
    for iid, it in items.items():
        t = texts.get(it["file"])
        if t is None:
            continue
        n = t.count(it["text"])
        if n != 1:
            err("%s: text found %d times in %s" % (iid, n, it["file"]))
            continue
        s = t.index(it["text"])
        spans[iid] = (it["file"], s, s + len(it["text"]))
    byfile = {}
    for iid, (f, s, e) in spans.items():
        byfile.setdefault(f, []).append((s, e, iid))
    for f, lst in byfile.items():
        lst.sort()
        for a, b in zip(lst, lst[1:]):
            if b[0] < a[1]:
                err("%s: %s overlaps %s" % (f, a[2], b[2]))

    # coverage of sections
    for f, t in texts.items():
        lines, offs, secs = sections(t)
        kinds = {k for k, _, _ in secs}
        if "T" not in kinds:
            err("%s: no task section found" % f)
        if "R" not in kinds:
            err("%s: no result section found" % f)
        covered = set()
        for kind, i0, i1 in secs:
            for i in range(i0, i1):
                ln = lines[i]
                st = ln.strip()
                if not st:
                    continue
                if st.endswith(":"):
                    continue  # lead-in
                if re.match(r"^\d+\.\s", st) and not st.endswith((".", ";")):
                    continue  # numbered sub-heading
                if ROMAN.match(st):
                    continue
                m = BULLET.match(ln)
                a = offs[i] + (m.end() if m else 0)
                b = offs[i] + len(ln.rstrip())
                inside = sorted(x for x in byfile.get(f, []) if x[0] >= a and x[1] <= b)
                pos = a
                ok = True
                for s, e, iid in inside:
                    if t[pos:s].strip():
                        ok = False
                    pos = e
                    covered.add(iid)
                    if items[iid]["kind"] != kind:
                        err("%s: %s sits in a %s section" % (f, iid, "task" if kind == "T" else "result"))
                if t[pos:b].strip():
                    ok = False
                if not inside or not ok:
                    err("%s line %d not fully labelled: %r" % (f, i + 1, ln))
        for s, e, iid in byfile.get(f, []):
            if iid not in covered:
                err("%s: %s lies outside the task/result sections" % (f, iid))

    # counts
    for f in docs:
        nt = sum(1 for it in items.values() if it["file"] == f and it["kind"] == "T")
        nr = sum(1 for it in items.values() if it["file"] == f and it["kind"] == "R")
        if not 10 <= nt <= 18:
            err("%s: %d tasks" % (f, nt))
        if nr and not 10 <= nr <= 18:
            err("%s: %d results" % (f, nr))

    def unit(iid):
        return docs[items[iid]["file"]]["unit"]

    def planned(iid):
        return docs[items[iid]["file"]]["planned_period"]

    linked = set()
    pairs = set()
    for l in g.get("follow_through", []):
        t, r = l["task"], l["result"]
        if t not in items or items[t]["kind"] != "T" or r not in items or items[r]["kind"] != "R":
            err("follow_through bad ids %r" % l)
            continue
        if l["status"] not in STATUSES:
            err("follow_through bad status %r" % l)
        if unit(t) != unit(r):
            err("follow_through across units %r" % l)
        if planned(r) <= planned(t):
            err("follow_through not forward %r" % l)
        if items[r]["period"] != items[t]["period"]:
            err("follow_through: result period %s != task period %s (%s)" % (items[r]["period"], items[t]["period"], l))
        if (t, r) in pairs:
            err("duplicate link %r" % l)
        pairs.add((t, r))
        linked.add(t)
    for l in g.get("carry_over", []):
        a, b = l["from"], l["to"]
        if a not in items or items[a]["kind"] != "T" or b not in items or items[b]["kind"] != "T":
            err("carry_over bad ids %r" % l)
            continue
        if l["kind"] not in KINDS:
            err("carry_over bad kind %r" % l)
        if unit(a) != unit(b):
            err("carry_over across units %r" % l)
        if planned(b) <= planned(a):
            err("carry_over not forward %r" % l)
        if (a, b) in pairs:
            err("duplicate link %r" % l)
        pairs.add((a, b))
        linked.add(a)

    # gaps
    last = {}
    for d in docs.values():
        last[d["unit"]] = max(last.get(d["unit"], ""), d["planned_period"])
    expected = {iid for iid, it in items.items() if it["kind"] == "T" and iid not in linked
                and docs[it["file"]]["planned_period"] != last[docs[it["file"]]["unit"]]}
    gaps = g.get("gaps", [])
    if len(gaps) != len(set(gaps)):
        err("duplicate gaps")
    if set(gaps) != expected:
        err("gaps differ: missing %s, extra %s" % (sorted(expected - set(gaps)), sorted(set(gaps) - expected)))

    # decoys
    for p in g.get("cross_unit_decoys", []):
        a, b = p
        if a not in items or b not in items:
            err("decoy unknown id %r" % p)
            continue
        if unit(a) == unit(b):
            err("decoy within one unit %r" % p)
        if (a, b) in pairs or (b, a) in pairs:
            err("decoy linked %r" % p)
    if len({d["unit"] for d in docs.values()}) == 2 and len(g.get("cross_unit_decoys", [])) < 12:
        err("fewer than 12 decoys")

    if ERR:
        for e in ERR:
            print("ERROR:", e)
        print("%d problem(s)" % len(ERR))
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
