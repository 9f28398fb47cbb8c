#!/usr/bin/env python3
"""Check gold.json of this folder against its documents. Prints OK or the problems."""
import json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ERR = []
def err(msg): ERR.append(msg)

NAME = re.compile(r"^[a-z0-9-]+_(\d{4}-\d{2})\.txt$")
ROMAN = re.compile(r"^([IVX]+)\.\s+(.*)$")
MONTH = re.compile(r"THANG (\d{1,2}) NAM (\d{4})")
BULLET = re.compile(r"^[-+*]\s+(.*)$")
SUBHEAD = re.compile(r"^(\d+\.|[a-z]\))\s+\S")
INNER_SENT = re.compile(r"[.!?]\s+[A-Z]")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}


def load():
    with open(os.path.join(HERE, "gold.json"), encoding="utf-8") as f:
        return json.load(f)


def check_form(g):
    for k, t in [("documents", list), ("tasks", list), ("results", list),
                 ("follow_through", list), ("carry_over", list), ("gaps", list)]:
        if not isinstance(g.get(k), t):
            err("gold.json: missing or bad key %s" % k)
    if "cross_unit_decoys" in g and not isinstance(g["cross_unit_decoys"], list):
        err("gold.json: cross_unit_decoys not a list")
    for d in g.get("documents", []):
        for k in ("file", "unit", "reported_months", "planned_period"):
            if k not in d: err("document lacks %s: %r" % (k, d))
    for kind in ("tasks", "results"):
        for it in g.get(kind, []):
            for k in ("id", "file", "period", "text"):
                if not isinstance(it.get(k), str) or not it.get(k):
                    err("%s item lacks %s: %r" % (kind, k, it))
    for l in g.get("follow_through", []):
        if set(l) != {"task", "result", "status"}: err("bad follow_through %r" % l)
    for l in g.get("carry_over", []):
        if set(l) != {"from", "to", "kind"}: err("bad carry_over %r" % l)


def read_doc(fname):
    path = os.path.join(HERE, fname)
    if not os.path.exists(path):
        err("%s: missing" % fname); return None
    b = open(path, "rb").read()
    if b.startswith(b"\xef\xbb\xbf"): err("%s: BOM" % fname)
    if b"\r" in b: err("%s: CR line ends" % fname)
    try:
        s = b.decode("utf-8")
    except UnicodeDecodeError:
        err("%s: not UTF-8" % fname); return None
    if unicodedata.normalize("NFC", s) != s: err("%s: not NFC" % fname)
    if not s.endswith("\n"): err("%s: no final newline" % fname)
    return s


def sections(text):
    """Yield (kind, month, [(line, offset)]) for results and tasks sections."""
    out, cur, off = [], None, 0
    for line in text.split("\n"):
        m = ROMAN.match(line)
        if m:
            head = m.group(2)
            mm = MONTH.search(head)
            if head.startswith("KET QUA") and mm:
                cur = ("result", "%s-%02d" % (mm.group(2), int(mm.group(1))), [])
                out.append(cur)
            elif (head.startswith("NHIEM VU") or head.startswith("PHUONG HUONG")) and mm:
                cur = ("task", "%s-%02d" % (mm.group(2), int(mm.group(1))), [])
                out.append(cur)
            else:
                cur = None
        elif cur is not None and (line.startswith("Giao ") or line.startswith("Noi nhan")):
            cur = None
        elif cur is not None:
            cur[2].append((line, off))
        off += len(line) + 1
    return out


def main():
    g = load()
    check_form(g)
    if ERR: return finish()
    docs = {d["file"]: d for d in g["documents"]}
    items = {}
    for kind in ("tasks", "results"):
        for it in g[kind]:
            if it["id"] in items: err("duplicate id %s" % it["id"])
            items[it["id"]] = (kind, it)
            if it["file"] not in docs: err("%s: unknown file %s" % (it["id"], it["file"]))
    if ERR: return finish()

    texts = {}
    for f, d in docs.items():
        m = NAME.match(f)
        if not m: err("%s: bad file name" % f)
        elif m.group(1) != d["planned_period"]: err("%s: name month != planned_period" % f)
        s = read_doc(f)
        if s is not None: texts[f] = s
    if ERR: return finish()

    # spans: exact unique substring, no overlap
    spans = {}
    for iid, (kind, it) in items.items():
        s = texts[it["file"]]
        n = s.count(it["text"])
        if n != 1:
            err("%s: text found %d times in %s" % (iid, n, it["file"])); continue
        if it["text"] != it["text"].strip(): err("%s: text has outer spaces" % iid)
        a = s.index(it["text"])
        spans.setdefault(it["file"], []).append((a, a + len(it["text"]), iid))
    for f, sp in spans.items():
        sp.sort()
        for (a1, b1, i1), (a2, b2, i2) in zip(sp, sp[1:]):
            if a2 < b1: err("%s: %s overlaps %s" % (f, i1, i2))
    if ERR: return finish()

    # sections: every bullet labelled, by the right kind and period
    start_of = {(f, a): iid for f, sp in spans.items() for (a, _, iid) in sp}
    for f, d in docs.items():
        secs = sections(texts[f])
        rmonths = [mo for k, mo, _ in secs if k == "result"]
        tmonths = [mo for k, mo, _ in secs if k == "task"]
        if sorted(rmonths) != sorted(d["reported_months"]):
            err("%s: results sections %s != reported_months %s" % (f, rmonths, d["reported_months"]))
        if tmonths != [d["planned_period"]]:
            err("%s: tasks sections %s != planned_period %s" % (f, tmonths, d["planned_period"]))
        covered = set()
        for kind, month, lines in secs:
            for line, off in lines:
                if not line.strip(): continue
                b = BULLET.match(line)
                if b:
                    body = b.group(1)
                    boff = off + (len(line) - len(body))
                    iid = start_of.get((f, boff))
                    if iid is None:
                        err("%s: unlabelled %s bullet: %s" % (f, kind, line[:70])); continue
                    ikind, it = items[iid]
                    if it["text"] != body:
                        err("%s: %s does not cover its whole bullet" % (f, iid))
                    if ikind[:-1] != kind:
                        err("%s: %s is a %s in a %s section" % (f, iid, ikind, kind))
                    if it["period"] != month:
                        err("%s: %s period %s, section month %s" % (f, iid, it["period"], month))
                    if INNER_SENT.search(body.rstrip(".")):
                        err("%s: %s holds more than one sentence" % (f, iid))
                    covered.add(iid)
                elif SUBHEAD.match(line) or line.rstrip().endswith(":"):
                    pass  # heading or lead-in
                else:
                    err("%s: prose line in %s section not labelled: %s" % (f, kind, line[:70]))
        for iid, (ikind, it) in items.items():
            if it["file"] == f and iid not in covered:
                err("%s: %s lies outside the tasks/results sections" % (f, iid))
        nt = sum(1 for k, it in items.values() if it["file"] == f and k == "tasks")
        nr = sum(1 for k, it in items.values() if it["file"] == f and k == "results")
        if not 10 <= nt <= 18: err("%s: %d tasks" % (f, nt))
        if not (nr == 0 or 10 <= nr <= 18): err("%s: %d results" % (f, nr))
        for k, it in items.values():
            if it["file"] != f: continue
            if k == "tasks" and it["period"] != d["planned_period"]:
                err("%s: task period %s" % (it["id"], it["period"]))
            if k == "results" and it["period"] not in d["reported_months"]:
                err("%s: result period %s" % (it["id"], it["period"]))

    # links
    def doc_of(iid): return docs[items[iid][1]["file"]]
    def per(iid): return items[iid][1]["period"]
    pairs = set()
    for l in g["follow_through"]:
        t, r = l["task"], l["result"]
        if items.get(t, ("",))[0] != "tasks" or items.get(r, ("",))[0] != "results":
            err("follow_through bad ids %r" % l); continue
        if l["status"] not in STATUSES: err("bad status %r" % l)
        if doc_of(t)["unit"] != doc_of(r)["unit"]: err("cross-unit follow_through %r" % l)
        if not (doc_of(r)["planned_period"] > doc_of(t)["planned_period"] and per(r) >= per(t)):
            err("follow_through not forward %r" % l)
        if (t, r) in pairs: err("duplicate link %r" % l)
        pairs.add((t, r))
    for l in g["carry_over"]:
        a, b = l["from"], l["to"]
        if items.get(a, ("",))[0] != "tasks" or items.get(b, ("",))[0] != "tasks":
            err("carry_over bad ids %r" % l); continue
        if l["kind"] not in KINDS: err("bad kind %r" % l)
        if doc_of(a)["unit"] != doc_of(b)["unit"]: err("cross-unit carry_over %r" % l)
        if not per(b) > per(a): err("carry_over not forward %r" % l)
        if (a, b) in pairs: err("duplicate link %r" % l)
        pairs.add((a, b))

    # gaps: exactly the unlinked tasks of documents that are not their unit's last
    last = {}
    for d in docs.values():
        last[d["unit"]] = max(last.get(d["unit"], ""), d["planned_period"])
    linked = {l["task"] for l in g["follow_through"]} | {l["from"] for l in g["carry_over"]}
    want = {iid for iid, (k, it) in items.items() if k == "tasks" and iid not in linked
            and docs[it["file"]]["planned_period"] < last[docs[it["file"]]["unit"]]}
    have = set(g["gaps"])
    if len(have) != len(g["gaps"]): err("duplicate gaps")
    if have != want:
        err("gaps differ: missing %s, extra %s" % (sorted(want - have), sorted(have - want)))

    # decoys never linked
    for pr in g.get("cross_unit_decoys", []):
        if len(pr) != 2 or any(x not in items for x in pr):
            err("bad decoy %r" % (pr,)); continue
        a, b = pr
        if doc_of(a)["unit"] == doc_of(b)["unit"]: err("decoy within one unit %r" % (pr,))
        if (a, b) in pairs or (b, a) in pairs: err("decoy linked %r" % (pr,))
    return finish()


def finish():
    if ERR:
        for e in ERR: print("ERROR:", e)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
