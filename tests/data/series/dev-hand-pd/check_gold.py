#!/usr/bin/env python3
"""Check gold.json of the hand-PD series against its documents. Prints OK or the problems.

Checks: the form; file names; UTF-8, NFC, no BOM, \\n line ends; every text an exact,
unique substring of its file and no overlaps; every sentence/row of the results and
tasks sections labelled (headings, lead-ins skipped); counts per document; periods
against the documents; links within one unit and forward in time; statuses and kinds;
gaps = unlinked tasks of non-last documents; decoys (and in-unit near misses) never linked.
"""
import json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
problems = []


def bad(msg):
    problems.append(msg)


def load():
    with open(os.path.join(HERE, "gold.json"), encoding="utf-8") as f:
        return json.load(f)


FNAME = re.compile(r"^([a-z0-9-]+)_(\d{4}-\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
STATUS = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}


def split_sentences(line):
    """Split a prose line after . ! ? when the next word starts with a capital or digit."""
    out, start, i, n = [], 0, 0, len(line)
    while i < n:
        if line[i] in ".!?" and i + 1 < n and line[i + 1] == " ":
            j = i + 1
            while j < n and line[j] == " ":
                j += 1
            if j < n and (line[j].isupper() or line[j].isdigit()):
                out.append(line[start:i + 1].strip())
                start = j
                i = j
                continue
        i += 1
    tail = line[start:].strip()
    if tail:
        out.append(tail)
    return out


def month_num(m):
    return int(m.split("-")[1])


def main():
    g = load()
    # ---- form
    for key, typ in (("documents", list), ("tasks", list), ("results", list),
                     ("follow_through", list), ("carry_over", list), ("gaps", list)):
        if not isinstance(g.get(key), typ):
            bad("gold.json: %s missing or not a list" % key)
    if problems:
        return
    decoys = g.get("cross_unit_decoys", [])
    if not isinstance(decoys, list):
        bad("cross_unit_decoys not a list")
    docs = {}
    for d in g["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            bad("document fields: %r" % d)
            continue
        if d["file"] in docs:
            bad("duplicate document " + d["file"])
        docs[d["file"]] = d
        m = FNAME.match(d["file"])
        if not m:
            bad("bad file name " + d["file"])
        elif m.group(2) != d["planned_period"]:
            bad("file month differs from planned_period: " + d["file"])
        if not MONTH.match(d["planned_period"]) or not all(MONTH.match(x) for x in d["reported_months"]):
            bad("bad month in " + d["file"])
        if not isinstance(d["unit"], str) or not d["unit"]:
            bad("no unit for " + d["file"])
        if any(x >= d["planned_period"] for x in d["reported_months"]):
            bad("reported month not before planned period in " + d["file"])
    on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if on_disk != sorted(docs):
        bad("documents on disk %s differ from gold %s" % (on_disk, sorted(docs)))

    # ---- encoding
    texts = {}
    for f in docs:
        p = os.path.join(HERE, f)
        if not os.path.exists(p):
            bad("missing file " + f)
            continue
        b = open(p, "rb").read()
        if b.startswith(b"\xef\xbb\xbf"):
            bad("BOM in " + f)
        if b"\r" in b:
            bad("CR in " + f)
        try:
            t = b.decode("utf-8")
        except UnicodeDecodeError:
            bad("not UTF-8: " + f)
            continue
        if unicodedata.normalize("NFC", t) != t:
            bad("not NFC: " + f)
        if "{{" in t or "}}" in t:
            bad("hand mark left in " + f)
        texts[f] = t

    # ---- items
    items = {}
    for kind in ("tasks", "results"):
        for it in g[kind]:
            if set(it) != {"id", "file", "period", "text"}:
                bad("item fields: %r" % it)
                continue
            if it["id"] in items:
                bad("duplicate id " + it["id"])
            it = dict(it, kind=kind[:-1])
            items[it["id"]] = it
            if it["file"] not in docs:
                bad("item in unknown file: " + it["id"])
                continue
            d = docs[it["file"]]
            if kind == "tasks" and it["period"] != d["planned_period"]:
                bad("task period differs from planned period: " + it["id"])
            if kind == "results" and it["period"] not in d["reported_months"]:
                bad("result period not reported by its document: " + it["id"])
            if unicodedata.normalize("NFC", it["text"]) != it["text"] or not it["text"].strip():
                bad("text not NFC or empty: " + it["id"])
    spans = {}
    for iid, it in items.items():
        t = texts.get(it["file"])
        if t is None:
            continue
        c = t.count(it["text"])
        if c != 1:
            bad("%s: text found %d times in %s" % (iid, c, it["file"]))
            continue
        s = t.index(it["text"])
        spans.setdefault(it["file"], []).append((s, s + len(it["text"]), iid))
    for f, sp in spans.items():
        sp.sort()
        for a, b in zip(sp, sp[1:]):
            if b[0] < a[1]:
                bad("overlap %s / %s in %s" % (a[2], b[2], f))

    # ---- coverage of sections, periods of items by position, counts
    by_file_text = {}
    for iid, it in items.items():
        by_file_text.setdefault(it["file"], {})[it["text"]] = it
    for f, t in texts.items():
        d = docs[f]
        lines = t.split("\n")
        try:
            i1 = lines.index("Phần thứ nhất"); i2 = lines.index("Phần thứ hai")
            i3 = lines.index("Phần thứ ba"); i4 = lines.index("Phần thứ tư")
        except ValueError:
            bad("section headings missing in " + f)
            continue
        if not (i1 < i2 < i3 < i4):
            bad("section order in " + f)
        known = by_file_text.get(f, {})
        labelled = set()
        # results section
        head = lines[i1 + 1]
        for mth in d["reported_months"]:
            if not re.search(r"THÁNG 0?%d\b" % month_num(mth), head):
                bad("%s: results heading does not name month %s" % (f, mth))
        cur = d["reported_months"][0] if len(d["reported_months"]) == 1 else None
        for ln in lines[i1 + 2:i2]:
            s = ln.strip()
            if not s or re.match(r"^\(\d\) ", s):
                continue
            m = re.match(r"^[A-Z]\. Tháng (\d+)/(\d{4})$", s)
            if m:
                cur = "%s-%02d" % (m.group(2), int(m.group(1)))
                if cur not in d["reported_months"]:
                    bad("%s: subsection month %s not reported" % (f, cur))
                continue
            s = re.sub(r"^\d+\.\d+\. ", "", s)
            for sent in split_sentences(s):
                it = known.get(sent)
                if it is None or it["kind"] != "result":
                    bad("%s: unlabelled result sentence: %s" % (f, sent[:70]))
                    continue
                labelled.add(it["id"])
                if cur and it["period"] != cur:
                    bad("%s: %s sits under %s but has period %s" % (f, it["id"], cur, it["period"]))
        # tasks section
        head = lines[i3 + 1]
        if not re.search(r"THÁNG 0?%d/%s" % (month_num(d["planned_period"]), d["planned_period"][:4]), head):
            bad("%s: tasks heading does not name %s" % (f, d["planned_period"]))
        rows = 0
        for ln in lines[i3 + 2:i4]:
            s = ln.strip()
            if not s or (s.startswith("(") and s.endswith(")")):
                continue
            cells = [c.strip() for c in s.split(" | ")]
            if cells[0] in ("Stt", "TT"):
                continue
            if len(cells) != 5 or not cells[0].isdigit():
                bad("%s: unexpected line in tasks section: %s" % (f, s[:70]))
                continue
            rows += 1
            if int(cells[0]) != rows:
                bad("%s: row numbering at %s" % (f, cells[0]))
            it = known.get(cells[1])
            if it is None or it["kind"] != "task":
                bad("%s: unlabelled task row: %s" % (f, cells[1][:70]))
                continue
            labelled.add(it["id"])
        for iid, it in items.items():
            if it["file"] == f and iid not in labelled:
                bad("%s: %s is not a whole sentence/row of its section" % (f, iid))
        nt = sum(1 for it in items.values() if it["file"] == f and it["kind"] == "task")
        nr = sum(1 for it in items.values() if it["file"] == f and it["kind"] == "result")
        if not 10 <= nt <= 18:
            bad("%s: %d tasks" % (f, nt))
        if not (10 <= nr <= 18 or nr == 0):
            bad("%s: %d results" % (f, nr))

    # ---- links
    def unit(iid):
        return docs[items[iid]["file"]]["unit"]

    def doc_of(iid):
        return docs[items[iid]["file"]]

    seen = set()
    ft_tasks = set()
    for l in g["follow_through"]:
        if set(l) != {"task", "result", "status"}:
            bad("follow_through fields: %r" % l); continue
        t, r = l["task"], l["result"]
        if items.get(t, {}).get("kind") != "task" or items.get(r, {}).get("kind") != "result":
            bad("follow_through ids: %r" % l); continue
        if l["status"] not in STATUS:
            bad("status %s" % l["status"])
        if (t, r) in seen:
            bad("duplicate link %s %s" % (t, r))
        seen.add((t, r))
        if unit(t) != unit(r):
            bad("cross-unit link %s %s" % (t, r))
        td, rd = doc_of(t), doc_of(r)
        if rd["planned_period"] <= td["planned_period"] or items[r]["period"] < items[t]["period"]:
            bad("follow_through not forward: %s %s" % (t, r))
        first = sorted((d for d in docs.values() if d["unit"] == td["unit"]
                        and d["planned_period"] > td["planned_period"]
                        and items[t]["period"] in d["reported_months"]),
                       key=lambda d: d["planned_period"])
        if not first or first[0]["file"] != rd["file"]:
            bad("follow_through %s -> %s not in the first document reporting %s" % (t, r, items[t]["period"]))
        ft_tasks.add(t)
    co_from = set()
    for l in g["carry_over"]:
        if set(l) != {"from", "to", "kind"}:
            bad("carry_over fields: %r" % l); continue
        a, b = l["from"], l["to"]
        if items.get(a, {}).get("kind") != "task" or items.get(b, {}).get("kind") != "task":
            bad("carry_over ids: %r" % l); continue
        if l["kind"] not in KINDS:
            bad("kind %s" % l["kind"])
        if (a, b) in seen:
            bad("duplicate link %s %s" % (a, b))
        seen.add((a, b))
        if unit(a) != unit(b):
            bad("cross-unit carry %s %s" % (a, b))
        if items[b]["period"] <= items[a]["period"]:
            bad("carry_over not forward: %s %s" % (a, b))
        co_from.add(a)

    # ---- gaps
    last = {}
    for d in docs.values():
        if d["unit"] not in last or d["planned_period"] > last[d["unit"]]:
            last[d["unit"]] = d["planned_period"]
    expected = {iid for iid, it in items.items() if it["kind"] == "task"
                and doc_of(iid)["planned_period"] != last[doc_of(iid)["unit"]]
                and iid not in ft_tasks and iid not in co_from}
    gaps = set(g["gaps"])
    if len(gaps) != len(g["gaps"]):
        bad("duplicate gap ids")
    for x in sorted(gaps - expected):
        bad("gap listed but linked, last-document or unknown: " + x)
    for x in sorted(expected - gaps):
        bad("unlinked task missing from gaps: " + x)

    # ---- decoys and near misses
    linked = {frozenset(p) for p in seen}
    pairs = [("cross_unit_decoys", p) for p in decoys]
    nm = os.path.join(HERE, "_src", "near_miss.json")
    if os.path.exists(nm):
        pairs += [("near_miss", p) for p in json.load(open(nm, encoding="utf-8"))]
    for src, p in pairs:
        if len(p) != 2 or any(x not in items for x in p):
            bad("%s: bad pair %r" % (src, p)); continue
        if src == "cross_unit_decoys" and unit(p[0]) == unit(p[1]):
            bad("decoy pair within one unit: %r" % p)
        if frozenset(p) in linked:
            bad("%s pair is linked: %r" % (src, p))
    if len(set(d["unit"] for d in docs.values())) > 1 and not decoys:
        bad("two units but no cross_unit_decoys")


if __name__ == "__main__":
    main()
    if problems:
        for p in problems:
            print("FAIL:", p)
        sys.exit(1)
    print("OK")
