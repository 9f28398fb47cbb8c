#!/usr/bin/env python3
"""Check gold.json of the hand-rc series against its documents.

Checks: the form of gold.json; file names; UTF-8 / NFC / no BOM / \\n only;
every item text an exact unique substring of its file, no overlaps; every
bullet or sentence of the results section (I.) and the tasks section (III.)
labelled, headings and lead-ins skipped, and every item inside the right
section; task/result counts per document; periods agree with the documents
(15th-to-14th reporting windows, header date, task heading); links within
one unit and forward in time; allowed statuses and kinds; gaps exactly the
unlinked tasks of documents that are not their unit's last; decoys never
linked.  Prints OK when all pass.
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


def prev_month(m):
    return 12 if m == 1 else m - 1


def main():
    with open(os.path.join(HERE, "gold.json"), encoding="utf-8") as f:
        gold = json.load(f)

    # ---------- form ----------
    for key in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
        if not isinstance(gold.get(key), list):
            err("missing or non-list key: " + key)
    if errors:
        return
    extra = set(gold) - {"documents", "tasks", "results", "follow_through", "carry_over",
                         "gaps", "cross_unit_decoys"}
    if extra:
        err("unknown keys: %s" % sorted(extra))
    ym = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
    docs = {}
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err("document fields: %s" % d)
            continue
        if not isinstance(d["reported_months"], list) or not all(
                isinstance(x, str) and ym.match(x) for x in d["reported_months"]):
            err("reported_months malformed: %s" % d["file"])
        if not ym.match(d["planned_period"]):
            err("planned_period malformed: %s" % d["file"])
        if d["file"] in docs:
            err("duplicate document " + d["file"])
        docs[d["file"]] = d

    items = {}
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            if set(it) != {"id", "file", "period", "text"}:
                err("%s fields: %s" % (kind, it))
                continue
            if it["id"] in items:
                err("duplicate id " + it["id"])
            if it["file"] not in docs:
                err("item %s in unknown file %s" % (it["id"], it["file"]))
            if not ym.match(it["period"]):
                err("bad period for " + it["id"])
            items[it["id"]] = dict(it, kind=kind[:-1])

    # ---------- file names and encoding ----------
    fname_re = re.compile(r"^[a-z0-9-]+_(\d{4}-\d{2})\.txt$")
    texts = {}
    for fn, d in docs.items():
        m = fname_re.match(fn)
        if not m:
            err("bad file name " + fn)
        elif m.group(1) != d["planned_period"]:
            err("file name month != planned_period: " + fn)
        path = os.path.join(HERE, fn)
        if not os.path.isfile(path):
            err("missing file " + fn)
            continue
        raw = open(path, "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err("BOM in " + fn)
        if b"\r" in raw:
            err("CR in " + fn)
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError:
            err("not UTF-8: " + fn)
            continue
        if unicodedata.normalize("NFC", t) != t:
            err("not NFC: " + fn)
        texts[fn] = t
    on_disk = {f for f in os.listdir(HERE) if f.endswith(".txt")}
    if on_disk != set(docs):
        err("txt files on disk vs gold differ: %s" % sorted(on_disk ^ set(docs)))
    if errors:
        return

    # ---------- exact unique substrings, no overlaps ----------
    spans = {fn: [] for fn in docs}
    for iid, it in items.items():
        t = texts[it["file"]]
        if unicodedata.normalize("NFC", it["text"]) != it["text"]:
            err("item text not NFC: " + iid)
        n = t.count(it["text"])
        if n != 1:
            err("%s: text found %d times in %s" % (iid, n, it["file"]))
            continue
        s = t.index(it["text"])
        it["span"] = (s, s + len(it["text"]))
        if "\n" in it["text"]:
            err("%s spans several lines" % iid)
        spans[it["file"]].append((s, s + len(it["text"]), iid))
    for fn, sp in spans.items():
        sp.sort()
        for a, b in zip(sp, sp[1:]):
            if b[0] < a[1]:
                err("overlap %s / %s in %s" % (a[2], b[2], fn))

    # ---------- sections: every bullet / sentence labelled ----------
    bullet = re.compile(r"^(?:- |\+ |\d+\. |\(\d+\) |[a-zđ]\) )")
    for fn, t in texts.items():
        by_start = {s: (e, iid) for s, e, iid in spans[fn]}
        section = None
        pos = 0
        in_section = {}
        for line in t.split("\n"):
            lstart = pos
            pos += len(line) + 1
            st = line.strip()
            if re.match(r"^I\. ", st):
                section = "result"
                continue
            if re.match(r"^II\. ", st):
                section = None
                continue
            if re.match(r"^III\. ", st):
                section = "task"
                continue
            if re.match(r"^IV\. ", st) or st.startswith("Nơi nhận"):
                section = None
                continue
            if section is None or not st:
                continue
            # headings: numbered line without final punctuation; lead-ins end with ':'
            if st.endswith(":"):
                continue
            if re.match(r"^\d+\. ", st) and not st.endswith((".", ";")):
                continue
            m = bullet.match(line)
            off = m.end() if m else 0
            body = line[off:]
            # split into sentences: '.' + space + capital letter / quote
            cuts = [0]
            for mm in re.finditer(r"\.\s+", body):
                nxt = body[mm.end():mm.end() + 1]
                if nxt and (nxt.isupper() or nxt in "\"“"):
                    cuts.append(mm.end())
            cuts.append(len(body))
            for a, b in zip(cuts, cuts[1:]):
                sent = body[a:b].rstrip()
                s_abs = lstart + off + a
                hit = by_start.get(s_abs)
                if not hit or hit[0] != s_abs + len(sent):
                    err("%s: unlabelled or mislabelled %s sentence: %r" % (fn, section, sent[:70]))
                    continue
                in_section[hit[1]] = section
        for s, e, iid in spans[fn]:
            want = items[iid]["kind"]
            if in_section.get(iid) != want:
                err("%s: item %s is not a whole %s sentence/bullet of its section" % (fn, iid, want))

    # ---------- counts per document, periods ----------
    for fn, d in docs.items():
        nt = sum(1 for i in items.values() if i["file"] == fn and i["kind"] == "task")
        nr = sum(1 for i in items.values() if i["file"] == fn and i["kind"] == "result")
        if not 10 <= nt <= 18:
            err("%s: %d tasks" % (fn, nt))
        if not (10 <= nr <= 18 or (nr == 0 and not d["reported_months"])):
            err("%s: %d results" % (fn, nr))
        t = texts[fn]
        rm = sorted(d["reported_months"])
        if rm:
            y, first = map(int, rm[0].split("-"))
            last = int(rm[-1].split("-")[1])
            win = "từ ngày 15/%d đến ngày 14/%d" % (prev_month(first), last)
            if win not in t.casefold():
                err("%s: reporting window %r not in text" % (fn, win))
            hd = re.search(r"ngày (\d+) tháng (\d+) năm (\d{4})", t)
            if not hd or "%s-%02d" % (hd.group(3), int(hd.group(2))) != rm[-1]:
                err("%s: header date does not follow the last reported month" % fn)
        py, pm = map(int, d["planned_period"].split("-"))
        head = next((l for l in t.split("\n") if l.startswith("III. ")), "").casefold()
        if ("tháng %d/%d" % (pm, py)) not in head and ("từ ngày 15/%d" % prev_month(pm)) not in head:
            err("%s: tasks heading does not name planned period %s" % (fn, d["planned_period"]))
        for i in items.values():
            if i["file"] != fn:
                continue
            if i["kind"] == "task" and i["period"] != d["planned_period"]:
                err("task %s period %s != planned %s" % (i["id"], i["period"], d["planned_period"]))
            if i["kind"] == "result" and i["period"] not in d["reported_months"]:
                err("result %s period %s not reported by %s" % (i["id"], i["period"], fn))

    # ---------- links ----------
    def doc_of(iid):
        return docs[items[iid]["file"]]

    ft_tasks, co_tasks, linked_pairs = set(), set(), set()
    seen = set()
    for l in gold["follow_through"]:
        if set(l) != {"task", "result", "status"}:
            err("follow_through fields %s" % l)
            continue
        a, b = l["task"], l["result"]
        if (a, b) in seen:
            err("duplicate follow-through %s %s" % (a, b))
        seen.add((a, b))
        if items.get(a, {}).get("kind") != "task" or items.get(b, {}).get("kind") != "result":
            err("follow_through kinds wrong: %s -> %s" % (a, b))
            continue
        if l["status"] not in ("done", "partial"):
            err("status %s" % l["status"])
        if doc_of(a)["unit"] != doc_of(b)["unit"]:
            err("cross-unit follow-through %s -> %s" % (a, b))
        if not doc_of(b)["planned_period"] > doc_of(a)["planned_period"]:
            err("follow-through not forward: %s -> %s" % (a, b))
        if items[b]["period"] < items[a]["period"]:
            err("result period before task period: %s -> %s" % (a, b))
        ft_tasks.add(a)
        linked_pairs.add(frozenset((a, b)))
    seen = set()
    for l in gold["carry_over"]:
        if set(l) != {"from", "to", "kind"}:
            err("carry_over fields %s" % l)
            continue
        a, b = l["from"], l["to"]
        if (a, b) in seen:
            err("duplicate carry-over %s %s" % (a, b))
        seen.add((a, b))
        if items.get(a, {}).get("kind") != "task" or items.get(b, {}).get("kind") != "task":
            err("carry_over kinds wrong: %s -> %s" % (a, b))
            continue
        if l["kind"] not in ("unfinished", "unfinished_reworded", "routine", "next_step", "split"):
            err("kind %s" % l["kind"])
        if doc_of(a)["unit"] != doc_of(b)["unit"]:
            err("cross-unit carry-over %s -> %s" % (a, b))
        if not doc_of(b)["planned_period"] > doc_of(a)["planned_period"]:
            err("carry-over not forward: %s -> %s" % (a, b))
        co_tasks.add(a)
        linked_pairs.add(frozenset((a, b)))

    # ---------- gaps ----------
    last = {}
    for d in docs.values():
        if d["planned_period"] > last.get(d["unit"], ""):
            last[d["unit"]] = d["planned_period"]
    expected = {iid for iid, i in items.items() if i["kind"] == "task"
                and doc_of(iid)["planned_period"] != last[doc_of(iid)["unit"]]
                and iid not in ft_tasks and iid not in co_tasks}
    got = set(gold["gaps"])
    if len(got) != len(gold["gaps"]):
        err("duplicate gap ids")
    if got != expected:
        err("gaps differ: missing %s, extra %s" % (sorted(expected - got), sorted(got - expected)))

    # ---------- decoys ----------
    units = {d["unit"] for d in docs.values()}
    decoys = gold.get("cross_unit_decoys", [])
    if not isinstance(decoys, list):
        err("cross_unit_decoys not a list")
        decoys = []
    if len(units) == 1 and decoys:
        err("cross-unit decoys given for a single-unit series")
    for p in decoys:
        if not (isinstance(p, list) and len(p) == 2 and all(x in items for x in p)):
            err("bad decoy pair %s" % p)
            continue
        if doc_of(p[0])["unit"] == doc_of(p[1])["unit"]:
            err("decoy pair within one unit %s" % p)
        if frozenset(p) in linked_pairs:
            err("decoy pair linked %s" % p)


if __name__ == "__main__":
    main()
    if errors:
        for e in errors:
            print("ERROR:", e)
        sys.exit(1)
    print("OK")
