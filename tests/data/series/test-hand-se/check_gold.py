#!/usr/bin/env python3
"""Check gold.json of the hand-se series against its documents. Prints OK or the problems.

Checks: the form of gold.json; file names; UTF-8 / NFC / \\n / no BOM; every item text an
exact, unique substring of its file, items not overlapping and each one whole sentence or
bullet; every bullet or sentence of the results and tasks sections labelled (headings and
lead-ins ending in ':' skipped), nothing labelled outside them; 10-18 tasks and 10-18 results
per document; periods agree with the documents (file name, headings, title); links within one
unit and forward in time; statuses and kinds allowed; gaps exactly the unlinked tasks of the
documents that are not their unit's last; decoys of two units and never linked.
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
problems = []


def bad(msg):
    problems.append(msg)


STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
FNAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")

HEAD = re.compile(r"^(?:[IVX]+|\d+)\.\s+(.*)$")
SEC_RESULTS = re.compile(r"^(kết quả)", re.I)
SEC_LIMITS = re.compile(r"^(hạn chế)", re.I)
SEC_TASKS = re.compile(r"^(nhiệm vụ|phương hướng)", re.I)
SEC_END = re.compile(r"^(tổ chức thực hiện|đề xuất)", re.I)
END_LINE = re.compile(r"^(Trên đây|Giao |Nơi nhận)")
MARKER = re.compile(r"^(?:- |\+ |\(\d+\) |\d+\. )")
SENT_BREAK = re.compile(r"[.!?]\s+(\S)")


def months_in(text, year):
    """month numbers written in a heading, e.g. 'tháng 3, tháng 4/2026' or 'tháng 01 năm 2026'"""
    return ["%s-%02d" % (year, int(m)) for m in re.findall(r"tháng (\d{1,2})", text, re.I)]


def main():
    try:
        gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
    except Exception as e:  # noqa
        print("gold.json unreadable:", e)
        return 1

    # ------------------------------------------------------------------ form
    for key, typ in [("documents", list), ("tasks", list), ("results", list),
                     ("follow_through", list), ("carry_over", list), ("gaps", list),
                     ("cross_unit_decoys", list)]:
        if not isinstance(gold.get(key), typ):
            bad("gold.json: %s missing or not a %s" % (key, typ.__name__))
    extra = set(gold) - {"documents", "tasks", "results", "follow_through", "carry_over",
                         "gaps", "cross_unit_decoys"}
    if extra:
        bad("gold.json: unknown keys %s" % sorted(extra))
    if problems:
        print("\n".join(problems))
        return 1

    docs = {}
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            bad("document keys %s" % sorted(d))
            continue
        if d["file"] in docs:
            bad("document listed twice: %s" % d["file"])
        docs[d["file"]] = d
        if not MONTH.match(d["planned_period"]):
            bad("%s: bad planned_period" % d["file"])
        if not isinstance(d["reported_months"], list) or not all(MONTH.match(m) for m in d["reported_months"]):
            bad("%s: bad reported_months" % d["file"])
        elif any(m >= d["planned_period"] for m in d["reported_months"]):
            bad("%s: reported month not before planned period" % d["file"])
        elif d["reported_months"] != sorted(set(d["reported_months"])):
            bad("%s: reported_months not sorted/unique" % d["file"])

    items = {}
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            if set(it) != {"id", "file", "period", "text"}:
                bad("%s item keys %s" % (kind, sorted(it)))
                continue
            if it["id"] in items:
                bad("duplicate id %s" % it["id"])
            if it["file"] not in docs:
                bad("%s: unknown file %s" % (it["id"], it["file"]))
            if not isinstance(it["text"], str) or not it["text"].strip():
                bad("%s: empty text" % it["id"])
            items[it["id"]] = dict(it, kind=kind[:-1])
    if problems:
        print("\n".join(problems))
        return 1

    # ------------------------------------------------------------------ files
    on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if sorted(docs) != on_disk:
        bad("documents in gold.json %s differ from .txt files on disk %s" % (sorted(docs), on_disk))
    texts = {}
    for fname, d in docs.items():
        m = FNAME.match(fname)
        if not m:
            bad("%s: file name not <slug>_<YYYY-MM>.txt" % fname)
        elif m.group(2) != d["planned_period"]:
            bad("%s: file name month differs from planned_period %s" % (fname, d["planned_period"]))
        path = os.path.join(HERE, fname)
        if not os.path.exists(path):
            bad("%s: missing" % fname)
            continue
        raw = open(path, "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            bad("%s: BOM" % fname)
        if b"\r" in raw:
            bad("%s: CR line ends" % fname)
        try:
            txt = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            bad("%s: not UTF-8 (%s)" % (fname, e))
            continue
        if unicodedata.normalize("NFC", txt) != txt:
            bad("%s: not NFC" % fname)
        texts[fname] = txt

    # one slug per unit, one unit per slug
    slug_unit = {}
    for fname, d in docs.items():
        m = FNAME.match(fname)
        if m:
            slug_unit.setdefault(m.group(1), set()).add(d["unit"])
    for slug, units in slug_unit.items():
        if len(units) != 1:
            bad("slug %s has several units %s" % (slug, units))
    unit_slugs = {}
    for slug, units in slug_unit.items():
        for u in units:
            unit_slugs.setdefault(u, set()).add(slug)
    for u, s in unit_slugs.items():
        if len(s) != 1:
            bad("unit %s spread over slugs %s" % (u, s))

    # ------------------------------------------------------------------ spans
    spans = {}  # id -> (start, end)
    for iid, it in items.items():
        txt = texts.get(it["file"])
        if txt is None:
            continue
        t = it["text"]
        if unicodedata.normalize("NFC", t) != t:
            bad("%s: text not NFC" % iid)
        n = txt.count(t)
        if n == 0:
            bad("%s: text not found in %s" % (iid, it["file"]))
            continue
        if n > 1:
            bad("%s: text occurs %d times in %s" % (iid, n, it["file"]))
        s = txt.find(t)
        spans[iid] = (s, s + len(t))
        if "\n" in t:
            bad("%s: text spans several lines" % iid)
        if t != t.strip():
            bad("%s: text has outer spaces" % iid)
        mm = SENT_BREAK.search(t)
        if mm and mm.group(1)[0].isupper():
            bad("%s: text holds more than one sentence" % iid)
    by_file = {}
    for iid, (s, e) in spans.items():
        by_file.setdefault(items[iid]["file"], []).append((s, e, iid))
    for fname, lst in by_file.items():
        lst.sort()
        for (s1, e1, a), (s2, e2, b) in zip(lst, lst[1:]):
            if s2 < e1:
                bad("%s: items %s and %s overlap" % (fname, a, b))

    # ------------------------------------------------------------------ sections
    for fname, txt in texts.items():
        d = docs[fname]
        year = d["planned_period"][:4]
        lines = txt.split("\n")
        offs, o = [], 0
        for line in lines:
            offs.append(o)
            o += len(line) + 1
        section = None
        seen = {"results": False, "limits": False, "tasks": False}
        sec_of_offset = {}
        result_heading_months = []
        sub_month = None
        task_heading_months = []
        for i, line in enumerate(lines):
            s = line.strip()
            if not s:
                continue
            if END_LINE.match(s):
                section = None
                continue
            hm = HEAD.match(s)
            is_heading = bool(hm) and not s.endswith((".", ";", ":"))
            if is_heading:
                title = hm.group(1)
                if SEC_RESULTS.match(title):
                    ms = months_in(title, year)
                    if section == "results" and len(ms) == 1:
                        sub_month = ms[0]
                    else:
                        result_heading_months = ms
                        sub_month = ms[0] if len(ms) == 1 else None
                    section = "results"
                    seen["results"] = True
                elif SEC_LIMITS.match(title):
                    section = "limits"
                    seen["limits"] = True
                elif SEC_TASKS.match(title):
                    section = "tasks"
                    seen["tasks"] = True
                    task_heading_months = months_in(title, year)
                elif SEC_END.match(title):
                    section = None
                continue
            if section is None:
                continue
            if s.endswith(":") and section in ("results", "tasks"):
                continue  # lead-in
            # record which section each covered offset belongs to
            body_start = offs[i] + (len(line) - len(line.lstrip()))
            mk = MARKER.match(s)
            if mk:
                body_start += len(mk.group(0))
            body_end = offs[i] + len(line.rstrip())
            sec_of_offset[(body_start, body_end)] = (section, sub_month)
            inside = [(a, b, iid) for (a, b, iid) in by_file.get(fname, []) if a >= body_start and b <= body_end]
            if section == "limits":
                if inside:
                    bad("%s: items labelled in limitations: %s" % (fname, [x[2] for x in inside]))
                continue
            want = "task" if section == "tasks" else "result"
            for a, b, iid in inside:
                if items[iid]["kind"] != want:
                    bad("%s: %s labelled in the %s section" % (fname, iid, section))
                if want == "result" and sub_month and items[iid]["period"] != sub_month:
                    bad("%s: %s period %s but written under month %s" % (fname, iid, items[iid]["period"], sub_month))
            covered = [False] * (body_end - body_start)
            for a, b, iid in inside:
                for k in range(a - body_start, b - body_start):
                    covered[k] = True
            gaps_txt = "".join(ch for k, ch in enumerate(txt[body_start:body_end]) if not covered[k])
            if gaps_txt.strip():
                bad("%s line %d: unlabelled text in %s section: %r" % (fname, i + 1, section, gaps_txt.strip()[:80]))
        for sec, ok in seen.items():
            if not ok:
                bad("%s: no %s section found" % (fname, sec))
        if result_heading_months and result_heading_months != d["reported_months"]:
            bad("%s: results heading months %s vs reported_months %s" % (fname, result_heading_months, d["reported_months"]))
        if task_heading_months != [d["planned_period"]]:
            bad("%s: tasks heading months %s vs planned_period %s" % (fname, task_heading_months, d["planned_period"]))
        # every labelled item lies in a results/tasks section
        for a, b, iid in by_file.get(fname, []):
            if not any(x <= a and b <= y for (x, y) in sec_of_offset):
                bad("%s: %s lies outside the results/tasks sections" % (fname, iid))
        # title line agrees (months of the title block)
        head = txt[:txt.find("\n1. ") if "\n1. " in txt else 1500]
        head = head[: head.find("\nI. ")] if "\nI. " in head else head
        head = re.sub(r"ngày \d{1,2} tháng \d{1,2} năm \d{4}", " ", head.replace("\n", " "))
        tms = months_in(head, year)
        if tms and sorted(set(tms)) != sorted(set(d["reported_months"] + [d["planned_period"]])):
            bad("%s: title months %s vs reported %s + planned %s" % (fname, tms, d["reported_months"], d["planned_period"]))

    # ------------------------------------------------------------------ counts and periods
    for fname, d in docs.items():
        nt = sum(1 for it in items.values() if it["file"] == fname and it["kind"] == "task")
        nr = sum(1 for it in items.values() if it["file"] == fname and it["kind"] == "result")
        if not 10 <= nt <= 18:
            bad("%s: %d tasks (want 10-18)" % (fname, nt))
        if not (10 <= nr <= 18 or nr == 0):
            bad("%s: %d results (want 10-18)" % (fname, nr))
        for m in d["reported_months"]:
            if not any(it["file"] == fname and it["kind"] == "result" and it["period"] == m for it in items.values()):
                bad("%s: no result for reported month %s" % (fname, m))
    for iid, it in items.items():
        d = docs[it["file"]]
        if it["kind"] == "task":
            if it["period"] != d["planned_period"]:
                bad("%s: task period %s vs planned_period %s" % (iid, it["period"], d["planned_period"]))
        elif it["period"] not in d["reported_months"]:
            bad("%s: result period %s not in reported_months %s" % (iid, it["period"], d["reported_months"]))

    unit_docs = {}
    for d in docs.values():
        unit_docs.setdefault(d["unit"], []).append(d)
    for lst in unit_docs.values():
        lst.sort(key=lambda d: d["planned_period"])
        planned = [d["planned_period"] for d in lst]
        if len(set(planned)) != len(planned):
            bad("unit %s: two documents plan the same month" % lst[0]["unit"])
    last_file = {u: lst[-1]["file"] for u, lst in unit_docs.items()}

    def unit(iid):
        return docs[items[iid]["file"]]["unit"]

    def pp(iid):
        return docs[items[iid]["file"]]["planned_period"]

    def first_reporting(u, month):
        for d in unit_docs[u]:
            if month in d["reported_months"]:
                return d["file"]
        return None

    # ------------------------------------------------------------------ links
    linked = set()
    pairs = set()
    seen_ft = set()
    for l in gold["follow_through"]:
        if set(l) != {"task", "result", "status"}:
            bad("follow_through keys %s" % sorted(l))
            continue
        t, r = l["task"], l["result"]
        if (t, r) in seen_ft:
            bad("follow_through twice: %s -> %s" % (t, r))
        seen_ft.add((t, r))
        if t not in items or items[t]["kind"] != "task":
            bad("follow_through: %s is not a task" % t)
            continue
        if r not in items or items[r]["kind"] != "result":
            bad("follow_through: %s is not a result" % r)
            continue
        if l["status"] not in STATUSES:
            bad("follow_through %s -> %s: status %s" % (t, r, l["status"]))
        if unit(t) != unit(r):
            bad("follow_through %s -> %s crosses units" % (t, r))
        if pp(r) <= pp(t):
            bad("follow_through %s -> %s not forward in time" % (t, r))
        if items[r]["period"] != items[t]["period"]:
            bad("follow_through %s -> %s: result reports %s, task planned for %s" % (t, r, items[r]["period"], items[t]["period"]))
        if first_reporting(unit(t), items[t]["period"]) != items[r]["file"]:
            bad("follow_through %s -> %s: result not in the first document reporting %s" % (t, r, items[t]["period"]))
        linked.add(t)
        pairs.add(frozenset((t, r)))
    seen_co = set()
    for l in gold["carry_over"]:
        if set(l) != {"from", "to", "kind"}:
            bad("carry_over keys %s" % sorted(l))
            continue
        a, b = l["from"], l["to"]
        if (a, b) in seen_co:
            bad("carry_over twice: %s -> %s" % (a, b))
        seen_co.add((a, b))
        if a not in items or items[a]["kind"] != "task" or b not in items or items[b]["kind"] != "task":
            bad("carry_over %s -> %s: not two tasks" % (a, b))
            continue
        if l["kind"] not in KINDS:
            bad("carry_over %s -> %s: kind %s" % (a, b, l["kind"]))
        if unit(a) != unit(b):
            bad("carry_over %s -> %s crosses units" % (a, b))
        if items[b]["period"] <= items[a]["period"]:
            bad("carry_over %s -> %s not forward in time" % (a, b))
        linked.add(a)
        pairs.add(frozenset((a, b)))
    splits = {}
    for l in gold["carry_over"]:
        if l.get("kind") == "split":
            splits.setdefault(l["from"], []).append(l["to"])
    for a, tos in splits.items():
        if len(tos) < 2:
            bad("split of %s has only one part" % a)

    # ------------------------------------------------------------------ gaps
    want_gaps = sorted(iid for iid, it in items.items()
                       if it["kind"] == "task" and iid not in linked and it["file"] != last_file[docs[it["file"]]["unit"]])
    got_gaps = gold["gaps"]
    if len(set(got_gaps)) != len(got_gaps):
        bad("gaps listed twice")
    if sorted(got_gaps) != want_gaps:
        bad("gaps %s differ from unlinked tasks of non-last documents %s"
            % (sorted(set(got_gaps) - set(want_gaps)), sorted(set(want_gaps) - set(got_gaps))))

    # ------------------------------------------------------------------ decoys
    seen_dec = set()
    for pair in gold["cross_unit_decoys"]:
        if not (isinstance(pair, list) and len(pair) == 2):
            bad("decoy not a pair: %r" % (pair,))
            continue
        a, b = pair
        if a not in items or b not in items:
            bad("decoy %s ~ %s: unknown id" % (a, b))
            continue
        if frozenset(pair) in seen_dec:
            bad("decoy listed twice: %s ~ %s" % (a, b))
        seen_dec.add(frozenset(pair))
        if unit(a) == unit(b):
            bad("decoy %s ~ %s within one unit" % (a, b))
        if frozenset(pair) in pairs:
            bad("decoy %s ~ %s is linked" % (a, b))
        if items[a]["kind"] == "result" and items[b]["kind"] == "result":
            bad("decoy %s ~ %s pairs two results" % (a, b))
    if len(gold["cross_unit_decoys"]) < 12 and len(unit_docs) > 1:
        bad("fewer than 12 cross-unit decoys")

    if problems:
        print("\n".join(problems))
        print("%d problem(s)" % len(problems))
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
