#!/usr/bin/env python3
"""Check gold.json of the hand-UE series against its documents.

Checks: the form of gold.json; file names; UTF-8, NFC, no BOM, \\n line ends;
every item text an exact, unique substring of its file, no overlaps; every
sentence/bullet of the results and tasks sections labelled (headings, lead-ins,
the limitations section, "Nguyên nhân" and the closing assignment skipped), and
every item a whole sentence (or run of sentences) inside a section of its kind;
task/result counts per document (10..18); periods agree with the documents
(titles, dates, month sub-headings of a two-month report, unit chronology);
links within one unit and forward in time; allowed statuses and kinds; gaps
exactly the unlinked tasks of non-last documents; decoys across units and never
linked. Prints OK when everything holds, else the list of problems.

Run:  python3 check_gold.py      (from anywhere)
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
FNAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt$")
ID = re.compile(r"^[AB]-[TR]\d{4}-\d+$")
END_PUNCT = ".;!?"
errors = []


def err(msg):
    errors.append(msg)


def month_add(m, k):
    y, mo = int(m[:4]), int(m[5:7])
    n = y * 12 + (mo - 1) + k
    return "%04d-%02d" % (n // 12, n % 12 + 1)


def is_upper_line(s):
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def classify(line):
    """Return a section switch ('results', 'limits', 'tasks', 'end') or None."""
    s = line.strip()
    if not s:
        return None
    if s.startswith("Nơi nhận") or s.startswith("Ban Thường vụ Đảng ủy giao") or s.startswith("Giao "):
        return "end"
    if is_upper_line(s) and "TỔ CHỨC THỰC HIỆN" in s:
        return "end"
    if re.match(r"^(?:[IVX]+\.\s*)?(HẠN CHẾ|Hạn chế|\* Hạn chế)", s):
        return "limits"
    if is_upper_line(s) and "NHIỆM VỤ" in s and ("TRỌNG TÂM" in s or "PHƯƠNG HƯỚNG" in s) and "KẾT QUẢ" not in s:
        return "tasks"
    if is_upper_line(s) and "KẾT QUẢ" in s:
        return "results"
    return None


MARKER = re.compile(r"^\s*(?:[-–+•*]\s+|\(\d+\)\s+|\d+\.\s+|[a-zđ]\)\s+)")
SENT_SPLIT = re.compile(r"(?<=[.!?])[\"”)]?\s+")


def sentences_of(text, base):
    """Yield (start, end) spans of the sentences of one content line."""
    m = MARKER.match(text)
    off = m.end() if m else 0
    body = text[off:]
    start = 0
    for sm in SENT_SPLIT.finditer(body):
        nxt = body[sm.end():sm.end() + 1]
        if nxt and (nxt.isupper() or nxt.isdigit() or nxt in "“\"("):
            seg = body[start:sm.end()].rstrip()
            yield (base + off + start, base + off + start + len(seg))
            start = sm.end()
    seg = body[start:].rstrip()
    if seg:
        yield (base + off + start, base + off + start + len(seg))


def parse_sections(text):
    """Return list of (kind, month_hint, start, end) content sentences and the
    list of (kind, start, end) section ranges."""
    sents, ranges = [], []
    section, sec_start, month_hint = None, None, None
    pos = 0
    for line in text.split("\n"):
        lstart, lend = pos, pos + len(line)
        pos = lend + 1
        sw = classify(line)
        if sw:
            if section in ("results", "tasks"):
                ranges.append((section, sec_start, lstart))
            section, sec_start, month_hint = sw, lend, None
            if sw == "end":
                section = None
            continue
        if section not in ("results", "tasks"):
            continue
        s = line.strip()
        if not s:
            continue
        if s.endswith(":"):
            continue  # lead-in
        tail = s.rstrip("”\")")
        if not tail or tail[-1] not in END_PUNCT:
            mh = re.match(r"^(?:\d+\.\s*)?Tháng\s+(\d{1,2})/(\d{4})", s)
            if mh:
                month_hint = "%s-%02d" % (mh.group(2), int(mh.group(1)))
            continue  # heading
        for a, b in sentences_of(line, lstart):
            sents.append((section, month_hint, a, b))
    if section in ("results", "tasks"):
        ranges.append((section, sec_start, len(text)))
    return sents, ranges


def main():
    path = os.path.join(HERE, "gold.json")
    try:
        with open(path, encoding="utf-8") as fh:
            gold = json.load(fh)
    except Exception as e:  # noqa
        print("cannot read gold.json: %s" % e)
        sys.exit(1)

    # ---------------------------------------------------------------- form
    for key in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps", "cross_unit_decoys"):
        if key not in gold:
            err("gold.json lacks %s" % key)
    if errors:
        print("\n".join(errors))
        sys.exit(1)
    docs = {}
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err("document keys %s" % sorted(d))
            continue
        if not MONTH.match(d["planned_period"]):
            err("bad planned_period %s" % d)
        if not isinstance(d["reported_months"], list) or not all(MONTH.match(m) for m in d["reported_months"]):
            err("bad reported_months %s" % d)
        if d["file"] in docs:
            err("document listed twice %s" % d["file"])
        docs[d["file"]] = d
    items = {}
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            if set(it) != {"id", "file", "period", "text"}:
                err("%s keys %s" % (kind, sorted(it)))
                continue
            if not ID.match(it["id"]) or ("-T" in it["id"]) != (kind == "tasks"):
                err("bad id %s in %s" % (it["id"], kind))
            if it["id"] in items:
                err("duplicate id %s" % it["id"])
            if it["file"] not in docs:
                err("%s: unknown file %s" % (it["id"], it["file"]))
            if not MONTH.match(it["period"]):
                err("%s: bad period" % it["id"])
            if not isinstance(it["text"], str) or not it["text"].strip():
                err("%s: empty text" % it["id"])
            items[it["id"]] = dict(it, kind=kind)
    for f in gold["follow_through"]:
        if set(f) != {"task", "result", "status"}:
            err("follow_through keys %s" % sorted(f))
    for c in gold["carry_over"]:
        if set(c) != {"from", "to", "kind"}:
            err("carry_over keys %s" % sorted(c))
    if not isinstance(gold["gaps"], list):
        err("gaps not a list")
    for p in gold["cross_unit_decoys"]:
        if not (isinstance(p, list) and len(p) == 2):
            err("decoy not a pair: %s" % p)
    if errors:
        print("\n".join(errors))
        sys.exit(1)

    # ---------------------------------------------------------------- files
    on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if on_disk != sorted(docs):
        err("txt files on disk %s != documents %s" % (on_disk, sorted(docs)))
    texts = {}
    for fname, d in docs.items():
        m = FNAME.match(fname)
        if not m:
            err("bad file name %s" % fname)
        elif m.group(2) != d["planned_period"]:
            err("%s: name month != planned_period %s" % (fname, d["planned_period"]))
        fp = os.path.join(HERE, fname)
        if not os.path.exists(fp):
            err("missing %s" % fname)
            continue
        raw = open(fp, "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err("%s: BOM" % fname)
        if b"\r" in raw:
            err("%s: CR line ends" % fname)
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            err("%s: not UTF-8 (%s)" % (fname, e))
            continue
        if unicodedata.normalize("NFC", t) != t:
            err("%s: not NFC" % fname)
        if not t.endswith("\n"):
            err("%s: no final newline" % fname)
        if "{{" in t or "}}" in t:
            err("%s: hand marks left" % fname)
        texts[fname] = t

    # ---------------------------------------------------------------- units, chronology, headers
    units = {}
    for d in docs.values():
        units.setdefault(d["unit"], []).append(d)
    if len(units) != 2:
        err("expected two units, got %s" % sorted(units))
    unit_prefix = {}
    for u, ds in units.items():
        ds.sort(key=lambda d: d["planned_period"])
        slugs = {FNAME.match(d["file"]).group(1) for d in ds if FNAME.match(d["file"])}
        if len(slugs) != 1:
            err("unit %s has several slugs %s" % (u, slugs))
        prev = None
        for d in ds:
            rep = d["reported_months"]
            if prev is None:
                want = [month_add(d["planned_period"], -1)]
            else:
                want = []
                m = prev
                while m < d["planned_period"]:
                    want.append(m)
                    m = month_add(m, 1)
            if rep != want:
                err("%s: reported_months %s, expected %s" % (d["file"], rep, want))
            prev = d["planned_period"]
            t = texts.get(d["file"], "")
            # date line: issued in the last reported month, before the planned month
            dm = re.search(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", t)
            if not dm:
                err("%s: no date line" % d["file"])
            else:
                issued = "%s-%02d" % (dm.group(3), int(dm.group(2)))
                if issued != rep[-1]:
                    err("%s: issued %s, not in last reported month %s" % (d["file"], issued, rep[-1]))
            if not re.search(r"^Số \d+-[A-Z]+/ĐU$", t, re.M):
                err("%s: no 'Số ...' line" % d["file"])
            for need in ("ĐẢNG CỘNG SẢN VIỆT NAM", "Nơi nhận", "T/M BAN THƯỜNG VỤ"):
                if need not in t:
                    err("%s: lacks %r" % (d["file"], need))
            py, pm = d["planned_period"].split("-")
            if not re.search(r"tháng 0?%d/%s" % (int(pm), py), t):
                err("%s: planned month not named in text" % d["file"])
            for m in rep:
                ry, rm = m.split("-")
                if not re.search(r"tháng 0?%d(?:/%s| và)" % (int(rm), ry), t):
                    err("%s: reported month %s not named in text" % (d["file"], m))
    doc_index = {}
    for u, ds in units.items():
        for i, d in enumerate(ds):
            doc_index[d["file"]] = (u, i, len(ds))

    # ---------------------------------------------------------------- items in text
    by_file = {}
    for it in items.values():
        by_file.setdefault(it["file"], []).append(it)
    for fname, t in texts.items():
        d = docs[fname]
        its = by_file.get(fname, [])
        spans = []
        for it in its:
            n = t.count(it["text"])
            if n != 1:
                err("%s: text found %d times in %s" % (it["id"], n, fname))
                continue
            a = t.index(it["text"])
            spans.append((a, a + len(it["text"]), it))
        spans.sort(key=lambda x: x[0])
        for (a1, b1, i1), (a2, b2, i2) in zip(spans, spans[1:]):
            if a2 < b1:
                err("%s: %s overlaps %s" % (fname, i1["id"], i2["id"]))
        sents, ranges = parse_sections(t)
        # every sentence covered by an item of its section's kind
        for kind, mh, a, b in sents:
            want = "tasks" if kind == "tasks" else "results"
            cov = [it for (x, y, it) in spans if x <= a and b <= y]
            if not cov:
                err("%s: unlabelled %s sentence: %r" % (fname, kind, t[a:b][:70]))
            elif cov[0]["kind"] != want:
                err("%s: %s sentence labelled as %s (%s)" % (fname, kind, cov[0]["kind"], cov[0]["id"]))
            elif kind == "results" and mh and cov[0]["period"] != mh:
                err("%s: %s under month heading %s has period %s" % (fname, cov[0]["id"], mh, cov[0]["period"]))
        starts = {a for _, _, a, _ in sents}
        ends = {b for _, _, _, b in sents}
        for a, b, it in spans:
            inside = [k for k, x, y in ranges if x <= a and b <= y]
            if not inside or inside[0] != it["kind"]:
                err("%s: %s lies outside a %s section" % (fname, it["id"], it["kind"]))
            if a not in starts or b not in ends:
                err("%s: %s is not whole sentences" % (fname, it["id"]))
        nt = sum(1 for it in its if it["kind"] == "tasks")
        nr = sum(1 for it in its if it["kind"] == "results")
        if not 10 <= nt <= 18:
            err("%s: %d tasks (want 10..18)" % (fname, nt))
        if not (10 <= nr <= 18 or nr == 0):
            err("%s: %d results (want 10..18)" % (fname, nr))
        for it in its:
            if it["kind"] == "tasks" and it["period"] != d["planned_period"]:
                err("%s: period %s != planned %s" % (it["id"], it["period"], d["planned_period"]))
            if it["kind"] == "results" and it["period"] not in d["reported_months"]:
                err("%s: period %s not reported in %s" % (it["id"], it["period"], fname))
            yymm = it["id"].split("-")[1][1:]
            if it["period"] != "20%s-%s" % (yymm[:2], yymm[2:]):
                err("%s: id month disagrees with period %s" % (it["id"], it["period"]))
            unit_letter = it["id"][0]
            unit_prefix.setdefault(d["unit"], set()).add(unit_letter)
    for u, ls in unit_prefix.items():
        if len(ls) != 1:
            err("unit %s uses id prefixes %s" % (u, ls))

    def unit_of(i):
        return docs[items[i]["file"]]["unit"]

    def order_of(i):
        return doc_index[items[i]["file"]][1]

    # ---------------------------------------------------------------- links
    linked_out = set()
    pairs = set()
    for f in gold["follow_through"]:
        t_, r_ = f["task"], f["result"]
        if t_ not in items or items[t_]["kind"] != "tasks":
            err("follow_through: %s is not a task" % t_)
            continue
        if r_ not in items or items[r_]["kind"] != "results":
            err("follow_through: %s is not a result" % r_)
            continue
        if f["status"] not in STATUSES:
            err("follow_through %s->%s: status %s" % (t_, r_, f["status"]))
        if unit_of(t_) != unit_of(r_):
            err("follow_through %s->%s crosses units" % (t_, r_))
        if order_of(r_) <= order_of(t_):
            err("follow_through %s->%s not forward" % (t_, r_))
        if items[r_]["period"] != items[t_]["period"]:
            err("follow_through %s->%s: result reports %s, task planned %s" % (t_, r_, items[r_]["period"], items[t_]["period"]))
        if (t_, r_) in pairs:
            err("duplicate link %s->%s" % (t_, r_))
        pairs.add((t_, r_))
        linked_out.add(t_)
    for c in gold["carry_over"]:
        a, b = c["from"], c["to"]
        if a not in items or items[a]["kind"] != "tasks" or b not in items or items[b]["kind"] != "tasks":
            err("carry_over %s->%s: not two tasks" % (a, b))
            continue
        if c["kind"] not in KINDS:
            err("carry_over %s->%s: kind %s" % (a, b, c["kind"]))
        if unit_of(a) != unit_of(b):
            err("carry_over %s->%s crosses units" % (a, b))
        if items[b]["period"] <= items[a]["period"]:
            err("carry_over %s->%s not forward" % (a, b))
        if (a, b) in pairs:
            err("duplicate link %s->%s" % (a, b))
        pairs.add((a, b))
        linked_out.add(a)

    # ---------------------------------------------------------------- gaps
    want_gaps = set()
    for i, it in items.items():
        if it["kind"] != "tasks":
            continue
        u, idx, n = doc_index[it["file"]]
        if idx < n - 1 and i not in linked_out:
            want_gaps.add(i)
    got = set(gold["gaps"])
    if len(got) != len(gold["gaps"]):
        err("gaps listed twice")
    for i in sorted(got - want_gaps):
        err("gap %s is linked, unknown or in a last document" % i)
    for i in sorted(want_gaps - got):
        err("task %s has no link but is not listed as a gap" % i)

    # ---------------------------------------------------------------- decoys
    for a, b in gold["cross_unit_decoys"]:
        if a not in items or b not in items:
            err("decoy %s/%s: unknown id" % (a, b))
            continue
        if unit_of(a) == unit_of(b):
            err("decoy %s/%s within one unit" % (a, b))
        if (a, b) in pairs or (b, a) in pairs:
            err("decoy %s/%s is linked" % (a, b))
    if len(gold["cross_unit_decoys"]) < 12:
        err("fewer than 12 decoys")

    if errors:
        print("\n".join(errors))
        print("FAILED: %d problem(s)" % len(errors))
        sys.exit(1)
    nt = len(gold["tasks"])
    nr = len(gold["results"])
    print("documents %d, tasks %d, results %d, follow_through %d, carry_over %d, gaps %d, decoys %d"
          % (len(docs), nt, nr, len(gold["follow_through"]), len(gold["carry_over"]),
             len(gold["gaps"]), len(gold["cross_unit_decoys"])))
    print("OK")


if __name__ == "__main__":
    main()
