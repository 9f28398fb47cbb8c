#!/usr/bin/env python3
"""Check gold.json against the documents beside it.  Prints OK when every check passes.

Checks: the form of gold.json; file names; UTF-8 / NFC / no BOM / \\n line ends; every item text an
exact unique substring of its file, items not overlapping; every bullet/sentence of each results and
tasks section labelled (headings and lead-ins skipped) and no item outside its section; one sentence
per item; task/result counts per document; periods agree with the documents (file name, date, section
headings); links within one unit, forward in time, to the first document reporting the month;
allowed statuses and kinds; gaps exactly the unlinked tasks of non-last documents; decoys across
units, alike (accent-folded word overlap >= 0.25) and never linked.
"""
import json
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ERRORS = []


def err(msg):
    ERRORS.append(msg)


def fold(s):
    s = unicodedata.normalize("NFD", s.lower()).replace("đ", "d")
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return set(re.findall(r"[a-z0-9]+", s))


def month_key(p):
    y, m = p.split("-")
    return int(y) * 12 + int(m)


def main():
    gpath = os.path.join(HERE, "gold.json")
    gold = json.load(open(gpath, encoding="utf-8"))

    # ------------------------------------------------------------ form
    need = {"documents": list, "tasks": list, "results": list, "follow_through": list,
            "carry_over": list, "gaps": list, "cross_unit_decoys": list}
    for k, t in need.items():
        if not isinstance(gold.get(k), t):
            err("gold.json: missing or bad key %s" % k)
    if ERRORS:
        return
    extra = set(gold) - set(need)
    if extra:
        err("gold.json: unexpected keys %s" % sorted(extra))
    per_re = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err("document fields: %s" % d)
            continue
        if not per_re.match(d["planned_period"]) or not d["reported_months"] or \
                not all(per_re.match(x) for x in d["reported_months"]):
            err("document periods malformed: %s" % d["file"])
    for key in ("tasks", "results"):
        for it in gold[key]:
            if set(it) != {"id", "file", "period", "text"} or not all(isinstance(it[k], str) for k in it):
                err("%s item fields: %s" % (key, it))
            elif not per_re.match(it["period"]):
                err("bad period %s" % it["id"])
    for l in gold["follow_through"]:
        if set(l) != {"task", "result", "status"}:
            err("follow_through fields: %s" % l)
    for l in gold["carry_over"]:
        if set(l) != {"from", "to", "kind"}:
            err("carry_over fields: %s" % l)
    for p in gold["cross_unit_decoys"]:
        if not (isinstance(p, list) and len(p) == 2):
            err("decoy not a pair: %s" % p)
    if ERRORS:
        return

    docs = {d["file"]: d for d in gold["documents"]}
    if len(docs) != len(gold["documents"]):
        err("duplicate document file")
    items = {}
    for key, kind in (("tasks", "T"), ("results", "R")):
        for it in gold[key]:
            if it["id"] in items:
                err("duplicate id %s" % it["id"])
            items[it["id"]] = dict(it, kind=kind)
            if it["file"] not in docs:
                err("%s: unknown file %s" % (it["id"], it["file"]))
    if ERRORS:
        return

    # ------------------------------------------------------------ file names and encoding
    name_re = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt$")
    on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if sorted(docs) != on_disk:
        err("documents in gold.json %s differ from .txt files on disk %s" % (sorted(docs), on_disk))
    texts = {}
    slug_unit = {}
    for f, d in docs.items():
        m = name_re.match(f)
        if not m:
            err("bad file name %s" % f)
            continue
        slug, ym = m.groups()
        if ym != d["planned_period"]:
            err("%s: file month %s != planned_period %s" % (f, ym, d["planned_period"]))
        if slug_unit.setdefault(slug, d["unit"]) != d["unit"]:
            err("%s: slug %s used for two units" % (f, slug))
        raw = open(os.path.join(HERE, f), "rb").read()
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
        if not t.endswith("\n"):
            err("%s: no final newline" % f)
        texts[f] = t
    if len(set(slug_unit.values())) != len(slug_unit):
        err("one unit under two slugs")
    if ERRORS:
        return

    # ------------------------------------------------------------ substrings, spans, sentences
    spans = defaultdict(list)  # file -> [(start, end, id)]
    for iid, it in items.items():
        t = texts[it["file"]]
        n = t.count(it["text"])
        if n != 1:
            err("%s: text found %d times in %s" % (iid, n, it["file"]))
            continue
        if it["text"] != it["text"].strip() or "\n" in it["text"]:
            err("%s: text has outer blanks or a line break" % iid)
        if not it["text"].endswith("."):
            err("%s: item does not end a sentence" % iid)
        if re.search(r"[.!?]\s+\S", it["text"]):
            err("%s: item holds more than one sentence" % iid)
        s = t.index(it["text"])
        spans[it["file"]].append((s, s + len(it["text"]), iid))
    for f, sp in spans.items():
        sp.sort()
        for a, b in zip(sp, sp[1:]):
            if b[0] < a[1]:
                err("%s: items %s and %s overlap" % (f, a[2], b[2]))
    if ERRORS:
        return

    # ------------------------------------------------------------ sections
    # Two layouts: (W) "I. KẾT QUẢ ..." / "II. HẠN CHẾ" / "III. NHIỆM VỤ ..." / "IV. ...";
    #              (C) per field: "Đã làm được trong tháng ...:" then "Việc phải làm trong tháng ...:".
    month_word = re.compile(r"tháng\s+(\d{1,2})", re.I)
    head_num = re.compile(r"^\d+\.\s+[^.]*$")
    marker = re.compile(r"^\s*(?:[-+•]|\(\d+\)|\d+[.)]|[a-zđ]\))\s*")
    date_re = re.compile(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})")
    for f, t in texts.items():
        d = docs[f]
        planned_m = int(d["planned_period"][5:])
        reported_m = {int(x[5:]) for x in d["reported_months"]}
        lines = t.split("\n")
        offs = []
        o = 0
        for ln in lines:
            offs.append(o)
            o += len(ln) + 1
        # section of each line: None, "R", "T"
        sec = [None] * len(lines)
        heads = []  # (line index, kind, heading text)
        if any(ln.startswith("PHẦN THỨ NHẤT") for ln in lines):
            cur = None
            for i, ln in enumerate(lines):
                if ln.startswith("Đã làm được"):
                    cur = "R"
                    heads.append((i, "R", ln))
                    continue
                if ln.startswith("Việc phải làm"):
                    cur = "T"
                    heads.append((i, "T", ln))
                    continue
                if re.match(r"^[A-Z]\.\s", ln) or ln.startswith("PHẦN THỨ"):
                    cur = None
                    continue
                sec[i] = cur
            layout = "C"
        else:
            cur = None
            for i, ln in enumerate(lines):
                if re.match(r"^I\.\s+KẾT QUẢ", ln):
                    cur = "R"
                    heads.append((i, "R", ln))
                    continue
                if re.match(r"^III\.\s+NHIỆM VỤ", ln):
                    cur = "T"
                    heads.append((i, "T", ln))
                    continue
                if re.match(r"^(II|IV|V)\.\s", ln):
                    cur = None
                    continue
                sec[i] = cur
            layout = "W"
        if not any(k == "R" for _, k, _ in heads) or not any(k == "T" for _, k, _ in heads):
            err("%s: results or tasks section not found (layout %s)" % (f, layout))
        # headings name the right months
        for i, k, ln in heads:
            ms = {int(x) for x in month_word.findall(ln)}
            if k == "T" and ms != {planned_m}:
                err("%s: tasks heading %r does not name month %d" % (f, ln, planned_m))
            if k == "R" and ms != reported_m:
                err("%s: results heading %r does not name months %s" % (f, ln, sorted(reported_m)))
        # the document is dated in its last reported month
        dm = date_re.search(t)
        if not dm:
            err("%s: no date line" % f)
        else:
            ym = "%s-%02d" % (dm.group(3), int(dm.group(2)))
            if ym != max(d["reported_months"]):
                err("%s: dated %s, not in the last reported month" % (f, ym))
        # items lie in the section of their kind
        line_of = lambda pos: max(i for i in range(len(offs)) if offs[i] <= pos)
        for s, e, iid in spans[f]:
            li, le = line_of(s), line_of(e - 1)
            if li != le:
                err("%s: %s spans lines" % (f, iid))
            if sec[li] != items[iid]["kind"]:
                err("%s: %s (kind %s) lies in section %s" % (f, iid, items[iid]["kind"], sec[li]))
        # every bullet / sentence of the sections is labelled
        for i, ln in enumerate(lines):
            if sec[i] is None or not ln.strip():
                continue
            a, b = offs[i], offs[i] + len(ln)
            inside = [(s, e) for s, e, _ in spans[f] if a <= s < b]
            rest = ln
            for s, e in sorted(inside, reverse=True):
                rest = rest[:s - a] + rest[e - a:]
            rest = marker.sub("", rest).strip()
            if not rest:
                if not inside:
                    pass  # a bare marker line
                continue
            if inside:
                err("%s line %d: unlabelled text beside items: %r" % (f, i + 1, rest))
            elif head_num.match(ln.strip()) or ln.rstrip().endswith(":"):
                continue  # heading or lead-in
            else:
                err("%s line %d: unlabelled sentence in section %s: %r" % (f, i + 1, sec[i], ln))

    # ------------------------------------------------------------ counts and periods
    by_file = defaultdict(lambda: {"T": [], "R": []})
    for iid, it in items.items():
        by_file[it["file"]][it["kind"]].append(iid)
    for f, d in docs.items():
        nt, nr = len(by_file[f]["T"]), len(by_file[f]["R"])
        if not 10 <= nt <= 18:
            err("%s: %d tasks" % (f, nt))
        if not (10 <= nr <= 18):
            err("%s: %d results" % (f, nr))
        for iid in by_file[f]["T"]:
            if items[iid]["period"] != d["planned_period"]:
                err("%s: task period %s != planned %s" % (iid, items[iid]["period"], d["planned_period"]))
        got = set()
        for iid in by_file[f]["R"]:
            if items[iid]["period"] not in d["reported_months"]:
                err("%s: result period %s not reported by %s" % (iid, items[iid]["period"], f))
            got.add(items[iid]["period"])
        if got != set(d["reported_months"]):
            err("%s: reported months %s but results cover %s" % (f, d["reported_months"], sorted(got)))
        if d["planned_period"] <= max(d["reported_months"]):
            err("%s: planned period not after reported months" % f)

    # unit order: planned periods strictly increase; reported months follow on from the last plan
    unit_docs = defaultdict(list)
    for d in gold["documents"]:
        unit_docs[d["unit"]].append(d)
    for u, ds in unit_docs.items():
        ds.sort(key=lambda d: d["planned_period"])
        for a, b in zip(ds, ds[1:]):
            if b["planned_period"] == a["planned_period"]:
                err("%s: two documents plan %s" % (u, a["planned_period"]))
            if min(b["reported_months"]) != a["planned_period"]:
                err("%s: %s does not report the month %s planned before it" % (u, b["file"], a["planned_period"]))
            if month_key(max(b["reported_months"])) - month_key(min(b["reported_months"])) + 1 != len(b["reported_months"]):
                err("%s: reported months not contiguous" % b["file"])
    last_doc = {u: ds[-1]["file"] for u, ds in unit_docs.items()}
    unit_of = {iid: docs[it["file"]]["unit"] for iid, it in items.items()}
    dpos = {d["file"]: month_key(d["planned_period"]) for d in gold["documents"]}

    # ------------------------------------------------------------ links
    ft_pairs, co_pairs = set(), set()
    for l in gold["follow_through"]:
        t, r, s = l["task"], l["result"], l["status"]
        if items.get(t, {}).get("kind") != "T" or items.get(r, {}).get("kind") != "R":
            err("follow_through %s -> %s: wrong item kinds" % (t, r))
            continue
        if s not in ("done", "partial"):
            err("follow_through %s -> %s: status %s" % (t, r, s))
        if unit_of[t] != unit_of[r]:
            err("follow_through %s -> %s crosses units" % (t, r))
        if dpos[items[r]["file"]] <= dpos[items[t]["file"]]:
            err("follow_through %s -> %s not forward" % (t, r))
        if month_key(items[r]["period"]) < month_key(items[t]["period"]):
            err("follow_through %s -> %s reports an earlier month" % (t, r))
        first = min((d for d in unit_docs[unit_of[t]] if items[t]["period"] in d["reported_months"]),
                    key=lambda d: d["planned_period"], default=None)
        if first is None or first["file"] != items[r]["file"]:
            err("follow_through %s -> %s: not in the first document reporting %s" % (t, r, items[t]["period"]))
        if (t, r) in ft_pairs:
            err("duplicate follow_through %s -> %s" % (t, r))
        ft_pairs.add((t, r))
    kinds = Counter()
    for l in gold["carry_over"]:
        a, b, k = l["from"], l["to"], l["kind"]
        if items.get(a, {}).get("kind") != "T" or items.get(b, {}).get("kind") != "T":
            err("carry_over %s -> %s: wrong item kinds" % (a, b))
            continue
        if k not in ("unfinished", "unfinished_reworded", "routine", "next_step", "split"):
            err("carry_over %s -> %s: kind %s" % (a, b, k))
        if unit_of[a] != unit_of[b]:
            err("carry_over %s -> %s crosses units" % (a, b))
        if month_key(items[b]["period"]) <= month_key(items[a]["period"]):
            err("carry_over %s -> %s not forward" % (a, b))
        if (a, b) in co_pairs:
            err("duplicate carry_over %s -> %s" % (a, b))
        co_pairs.add((a, b))
        if k == "split":
            kinds[a] += 1
    for a, n in kinds.items():
        if n < 2:
            err("split from %s has only one part" % a)

    # ------------------------------------------------------------ gaps
    linked = {t for t, _ in ft_pairs} | {a for a, _ in co_pairs}
    expect = {iid for iid, it in items.items()
              if it["kind"] == "T" and iid not in linked and it["file"] != last_doc[unit_of[iid]]}
    gaps = gold["gaps"]
    if len(set(gaps)) != len(gaps):
        err("duplicate gap")
    if set(gaps) != expect:
        err("gaps differ: listed-not-expected %s, expected-not-listed %s"
            % (sorted(set(gaps) - expect), sorted(expect - set(gaps))))

    # ------------------------------------------------------------ decoys
    sims = []
    all_links = ft_pairs | co_pairs
    for a, b in gold["cross_unit_decoys"]:
        if a not in items or b not in items:
            err("decoy %s/%s: unknown id" % (a, b))
            continue
        if unit_of[a] == unit_of[b]:
            err("decoy %s/%s: same unit" % (a, b))
        if (a, b) in all_links or (b, a) in all_links:
            err("decoy %s/%s is linked" % (a, b))
        wa, wb = fold(items[a]["text"]), fold(items[b]["text"])
        sims.append(len(wa & wb) / len(wa | wb))
        if sims[-1] < 0.25:
            err("decoy %s/%s: too unlike to be a decoy (word overlap %.2f)" % (a, b, sims[-1]))
    if len(gold["cross_unit_decoys"]) < 20:
        err("fewer than 20 decoys")
    if len({tuple(p) for p in gold["cross_unit_decoys"]}) != len(gold["cross_unit_decoys"]):
        err("duplicate decoy")

    # ------------------------------------------------------------ summary
    st = Counter(l["status"] for l in gold["follow_through"])
    kd = Counter(l["kind"] for l in gold["carry_over"])
    print("documents %d | tasks %d | results %d" % (len(docs), sum(1 for i in items.values() if i["kind"] == "T"),
                                                   sum(1 for i in items.values() if i["kind"] == "R")))
    print("follow-through %d %s | carry-over %d %s | gaps %d | decoys %d (word overlap min %.2f, mean %.2f)"
          % (len(gold["follow_through"]), dict(sorted(st.items())), len(gold["carry_over"]),
             dict(sorted(kd.items())), len(gaps), len(gold["cross_unit_decoys"]),
             min(sims) if sims else 0, sum(sims) / len(sims) if sims else 0))


if __name__ == "__main__":
    main()
    if ERRORS:
        for e in ERRORS:
            print("ERROR:", e)
        sys.exit(1)
    print("OK")
