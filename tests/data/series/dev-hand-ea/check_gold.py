#!/usr/bin/env python3
"""Check gold.json of this series against its documents. Prints OK or the problems.

Checks: the form; file names; UTF-8, NFC, no BOM, \\n line ends; every item text an
exact unique substring of its file, items not overlapping; every sentence of the
results section and of the tasks section labelled (headings, lead-ins ending with
':', the field prefix "N. Field:" and the closing assignment skipped); no item in
the limitations paragraph; task/result counts per document; periods agree with the
documents (title/heading months, "Số", date); links within one unit and forward in
time; allowed statuses and kinds; gaps exactly the unlinked tasks of non-last
documents; decoys never linked.
"""
import json
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
NAME_RE = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4})-(\d{2})\.txt$")
FIELD_PREFIX = re.compile(r"^\d+\.\s+[^:.]{2,80}:\s+")
HEADING = re.compile(r"^\d+\.\s+\S.*[^.:]$")
CLOSING = ("Ban Thường vụ Đảng ủy thông báo", "Giao các đồng chí")

errors = []


def err(msg):
    errors.append(msg)


def split_sentences(par):
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", par.strip()) if s.strip()]


def sections(text):
    """Return (results_span, limits_span, tasks_span) as (start, end) char offsets."""
    lines = text.split("\n")
    offs, pos = [], 0
    for ln in lines:
        offs.append(pos)
        pos += len(ln) + 1
    idx = {"I": None, "LIM": None, "II": None, "END": None}
    for i, ln in enumerate(lines):
        if idx["I"] is None and ln.startswith("I. "):
            idx["I"] = i
        elif idx["I"] is not None and idx["LIM"] is None and ln.startswith("Tuy nhiên"):
            idx["LIM"] = i
        elif idx["LIM"] is not None and idx["II"] is None and ln.startswith("II. "):
            idx["II"] = i
        elif idx["II"] is not None and idx["END"] is None and ln.startswith("Nơi nhận"):
            idx["END"] = i
    if None in idx.values():
        return None
    return ((offs[idx["I"] + 1], offs[idx["LIM"]]),
            (offs[idx["LIM"]], offs[idx["II"]]),
            (offs[idx["II"] + 1], offs[idx["END"]]),
            lines[idx["I"]], lines, idx)


def section_sentences(text, span, kind):
    out = []
    for ln in text[span[0]:span[1]].split("\n"):
        s = ln.strip()
        if not s or s.endswith(":") or s.startswith(CLOSING):
            continue
        if kind == "task":
            m = FIELD_PREFIX.match(s)
            if not m:
                err("task section line without 'N. Field:' prefix: %r" % s[:60])
                continue
            s = s[m.end():]
        elif HEADING.match(s):
            continue
        out.extend(split_sentences(s))
    return out


def main():
    path = os.path.join(HERE, "gold.json")
    with open(path, "rb") as f:
        raw = f.read()
    gold = json.loads(raw.decode("utf-8"))

    # ---- form
    for key in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
        if not isinstance(gold.get(key), list):
            err("gold.json: %s missing or not a list" % key)
    if errors:
        return
    decoys = gold.get("cross_unit_decoys", [])
    docs = {}
    for d in gold["documents"]:
        for k in ("file", "unit", "reported_months", "planned_period"):
            if k not in d:
                err("document lacks %s: %r" % (k, d))
        if d["file"] in docs:
            err("duplicate document %s" % d["file"])
        docs[d["file"]] = d
    items = {}
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            for k in ("id", "file", "period", "text"):
                if not isinstance(it.get(k), str) or not it[k]:
                    err("%s item lacks %s: %r" % (kind, k, it))
            if it["id"] in items:
                err("duplicate id %s" % it["id"])
            if it["file"] not in docs:
                err("%s: unknown file %s" % (it["id"], it["file"]))
            items[it["id"]] = dict(it, kind=kind[:-1])
    if errors:
        return

    # ---- files
    texts = {}
    listed = set(docs)
    on_disk = {f for f in os.listdir(HERE) if f.endswith(".txt")}
    if on_disk != listed:
        err("txt files on disk %s differ from documents %s" % (sorted(on_disk ^ listed), ""))
    month = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
    for fn, d in docs.items():
        m = NAME_RE.match(fn)
        if not m:
            err("bad file name %s" % fn)
            continue
        if "%s-%s" % (m.group(2), m.group(3)) != d["planned_period"]:
            err("%s: name month != planned_period %s" % (fn, d["planned_period"]))
        if not month.match(d["planned_period"]) or not d["reported_months"] or \
                not all(month.match(x) for x in d["reported_months"]):
            err("%s: bad periods" % fn)
        if any(x >= d["planned_period"] for x in d["reported_months"]):
            err("%s: a reported month is not before the planned period" % fn)
        b = open(os.path.join(HERE, fn), "rb").read()
        if b.startswith(b"\xef\xbb\xbf"):
            err("%s: BOM" % fn)
        if b"\r" in b:
            err("%s: CR in line ends" % fn)
        try:
            t = b.decode("utf-8")
        except UnicodeDecodeError:
            err("%s: not UTF-8" % fn)
            continue
        if unicodedata.normalize("NFC", t) != t:
            err("%s: not NFC" % fn)
        texts[fn] = t
    if errors:
        return

    # ---- items: exact unique substrings, no overlap, in the right section
    spans = defaultdict(list)
    for iid, it in items.items():
        t = texts[it["file"]]
        if unicodedata.normalize("NFC", it["text"]) != it["text"]:
            err("%s: text not NFC" % iid)
        n = t.count(it["text"])
        if n != 1:
            err("%s: text found %d times in %s" % (iid, n, it["file"]))
            continue
        s = t.index(it["text"])
        spans[it["file"]].append((s, s + len(it["text"]), iid))
    for fn, lst in spans.items():
        lst.sort()
        for a, b in zip(lst, lst[1:]):
            if b[0] < a[1]:
                err("%s: items %s and %s overlap" % (fn, a[2], b[2]))

    units_docs = defaultdict(list)
    for fn, d in docs.items():
        units_docs[d["unit"]].append(fn)
    for u in units_docs:
        units_docs[u].sort(key=lambda f: docs[f]["planned_period"])
    last_doc = {u: fs[-1] for u, fs in units_docs.items()}
    order = {fn: i for u, fs in units_docs.items() for i, fn in enumerate(fs)}

    for fn, t in texts.items():
        d = docs[fn]
        sec = sections(t)
        if sec is None:
            err("%s: sections I / Tuy nhiên / II / Nơi nhận not found" % fn)
            continue
        res_span, lim_span, task_span, head_I, lines, idx = sec
        # header
        if "ĐẢNG CỘNG SẢN VIỆT NAM" not in t[:400]:
            err("%s: no Party header" % fn)
        if not re.search(r"^Số \d+-TB/ĐU$", t[:400], re.M):
            err("%s: no 'Số ...-TB/ĐU'" % fn)
        if not re.search(r"ngày \d{1,2} tháng \d{1,2} năm \d{4}", t[:400]):
            err("%s: no place/date line" % fn)
        # heading of part I names the reported months; lead-in of part II the planned month
        months_I = sorted(int(x) for x in re.findall(r"THÁNG (\d{1,2})", head_I))
        year_I = re.findall(r"NĂM (\d{4})", head_I)
        want = sorted(int(x[5:]) for x in d["reported_months"])
        if months_I != want or year_I != [d["reported_months"][0][:4]]:
            err("%s: heading %r does not match reported_months %s" % (fn, head_I, d["reported_months"]))
        lead = t[task_span[0]:task_span[1]].strip().split("\n")[0]
        pm = int(d["planned_period"][5:])
        if not re.search(r"tháng 0?%d(/| năm )%s" % (pm, d["planned_period"][:4]), lead):
            err("%s: part II lead-in does not name the planned month: %r" % (fn, lead))
        # which section each item sits in
        file_items = [(s, e, iid) for s, e, iid in spans.get(fn, [])]
        for s, e, iid in file_items:
            kind = items[iid]["kind"]
            box = res_span if kind == "result" else task_span
            if not (box[0] <= s and e <= box[1]):
                err("%s: %s %s lies outside its section" % (fn, kind, iid))
            if lim_span[0] <= s < lim_span[1]:
                err("%s: %s lies in the limitations paragraph" % (fn, iid))
        # every sentence labelled, exactly
        by_text = {items[iid]["text"]: iid for _, _, iid in file_items}
        for kind, span in (("result", res_span), ("task", task_span)):
            for sent in section_sentences(t, span, kind):
                iid = by_text.get(sent)
                if iid is None:
                    err("%s: unlabelled %s sentence: %r" % (fn, kind, sent[:70]))
                elif items[iid]["kind"] != kind:
                    err("%s: %s labelled as %s" % (fn, iid, items[iid]["kind"]))
        labelled = [iid for _, _, iid in file_items]
        sents = set(section_sentences(t, res_span, "result")) | set(section_sentences(t, task_span, "task"))
        for iid in labelled:
            if items[iid]["text"] not in sents:
                err("%s: item %s is not a whole sentence of its section" % (fn, iid))
        # periods, counts
        nt = sum(1 for i in labelled if items[i]["kind"] == "task")
        nr = sum(1 for i in labelled if items[i]["kind"] == "result")
        if not 10 <= nt <= 18:
            err("%s: %d tasks" % (fn, nt))
        if not (10 <= nr <= 18 or nr == 0):
            err("%s: %d results" % (fn, nr))
        for iid in labelled:
            it = items[iid]
            if it["kind"] == "task" and it["period"] != d["planned_period"]:
                err("%s: task period %s != %s" % (iid, it["period"], d["planned_period"]))
            if it["kind"] == "result" and it["period"] not in d["reported_months"]:
                err("%s: result period %s not reported by %s" % (iid, it["period"], fn))
        # with several reported months, each result sits under its month's sub-heading
        if len(d["reported_months"]) > 1:
            cur = None
            pos = res_span[0]
            for ln in t[res_span[0]:res_span[1]].split("\n"):
                m = re.match(r"^\d+\.\s+Kết quả tháng (\d{1,2}) năm (\d{4})$", ln.strip())
                if m:
                    cur = "%s-%02d" % (m.group(2), int(m.group(1)))
                for s, e, iid in file_items:
                    if pos <= s < pos + len(ln) + 1 and items[iid]["kind"] == "result" \
                            and items[iid]["period"] != cur:
                        err("%s: period %s but under sub-heading %s" % (iid, items[iid]["period"], cur))
                pos += len(ln) + 1

    # ---- links
    def doc_of(iid):
        return docs[items[iid]["file"]]

    ft_pairs, co_pairs = Counter(), Counter()
    linked = set()
    linked_pairs = set()
    for l in gold["follow_through"]:
        t, r, s = l.get("task"), l.get("result"), l.get("status")
        ft_pairs[(t, r)] += 1
        if t not in items or items[t]["kind"] != "task":
            err("follow_through: %s is not a task" % t)
            continue
        if r not in items or items[r]["kind"] != "result":
            err("follow_through: %s is not a result" % r)
            continue
        if s not in STATUSES:
            err("follow_through %s->%s: status %r" % (t, r, s))
        if doc_of(t)["unit"] != doc_of(r)["unit"]:
            err("follow_through %s->%s crosses units" % (t, r))
        if order[items[r]["file"]] <= order[items[t]["file"]]:
            err("follow_through %s->%s not forward" % (t, r))
        if items[r]["period"] != items[t]["period"]:
            err("follow_through %s->%s: result reports %s, task planned %s"
                % (t, r, items[r]["period"], items[t]["period"]))
        # the first later document reporting on the task's month
        first = [fn for fn in units_docs[doc_of(t)["unit"]]
                 if items[t]["period"] in docs[fn]["reported_months"]]
        if first and items[r]["file"] != first[0]:
            err("follow_through %s->%s: not in the first document reporting %s" % (t, r, items[t]["period"]))
        linked.add(t)
        linked_pairs.add(frozenset((t, r)))
    for l in gold["carry_over"]:
        a, b, k = l.get("from"), l.get("to"), l.get("kind")
        co_pairs[(a, b)] += 1
        if a not in items or items[a]["kind"] != "task" or b not in items or items[b]["kind"] != "task":
            err("carry_over %s->%s: not two tasks" % (a, b))
            continue
        if k not in KINDS:
            err("carry_over %s->%s: kind %r" % (a, b, k))
        if doc_of(a)["unit"] != doc_of(b)["unit"]:
            err("carry_over %s->%s crosses units" % (a, b))
        if order[items[b]["file"]] <= order[items[a]["file"]]:
            err("carry_over %s->%s not forward" % (a, b))
        linked.add(a)
        linked_pairs.add(frozenset((a, b)))
    for p, n in list(ft_pairs.items()) + list(co_pairs.items()):
        if n > 1:
            err("duplicate link %s" % (p,))

    # ---- gaps
    want_gaps = {iid for iid, it in items.items() if it["kind"] == "task"
                 and it["file"] != last_doc[docs[it["file"]]["unit"]] and iid not in linked}
    got = set(gold["gaps"])
    if len(got) != len(gold["gaps"]):
        err("duplicate gap ids")
    if got != want_gaps:
        err("gaps differ: missing %s, extra %s" % (sorted(want_gaps - got), sorted(got - want_gaps)))

    # ---- decoys
    if len(units_docs) < 2 and decoys:
        err("decoys given for a single-unit series")
    for p in decoys:
        if len(p) != 2 or not all(x in items for x in p):
            err("bad decoy pair %r" % (p,))
            continue
        if doc_of(p[0])["unit"] == doc_of(p[1])["unit"]:
            err("decoy pair %r within one unit" % (p,))
        if frozenset(p) in linked_pairs:
            err("decoy pair %r is linked" % (p,))


if __name__ == "__main__":
    main()
    if errors:
        for e in errors:
            print("ERROR:", e)
        sys.exit(1)
    print("OK")
