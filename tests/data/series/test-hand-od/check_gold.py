#!/usr/bin/env python3
"""Check gold.json of the hand-od series against its documents.  Prints OK or the errors.

Checks: the form of gold.json; file names; UTF-8, NFC, \\n, no BOM; every item text an
exact unique substring of its file, items not overlapping; every bullet / sentence /
table row of the results and tasks sections labelled (headings, run-in heads and
lead-ins skipped) and nothing else labelled; 10-18 tasks and 10-18 results (or none)
per document; periods agreeing with the documents' titles and month sub-headings;
links within one unit and forward in time; allowed statuses and kinds; gaps exactly
the unlinked tasks of documents that are not their unit's last; decoys of two units,
never linked.
"""
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


FNAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4})-(\d{2})\.txt$")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}


def load():
    with open(os.path.join(HERE, "gold.json"), encoding="utf-8") as fh:
        return json.load(fh)


def check_form(g):
    need = {"documents": list, "tasks": list, "results": list, "follow_through": list,
            "carry_over": list, "gaps": list, "cross_unit_decoys": list}
    for k, t in need.items():
        if not isinstance(g.get(k), t):
            err(f"gold.json: missing or bad key {k}")
    extra = set(g) - set(need)
    if extra:
        err(f"gold.json: unexpected keys {sorted(extra)}")
    for d in g.get("documents", []):
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err(f"document entry keys {sorted(d)}")
    for kind in ("tasks", "results"):
        for it in g.get(kind, []):
            if set(it) != {"id", "file", "period", "text"}:
                err(f"{kind} entry keys {sorted(it)}")
            if not isinstance(it.get("text"), str) or not it["text"].strip():
                err(f"{kind} {it.get('id')}: empty text")
    for f in g.get("follow_through", []):
        if set(f) != {"task", "result", "status"}:
            err(f"follow_through entry keys {sorted(f)}")
    for c in g.get("carry_over", []):
        if set(c) != {"from", "to", "kind"}:
            err(f"carry_over entry keys {sorted(c)}")
    for p in g.get("cross_unit_decoys", []):
        if not (isinstance(p, list) and len(p) == 2):
            err(f"decoy pair {p} is not a pair")


def read_doc(fname):
    path = os.path.join(HERE, fname)
    if not os.path.isfile(path):
        err(f"{fname}: missing")
        return None
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err(f"{fname}: BOM")
    if b"\r" in raw:
        err(f"{fname}: CR line ends")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        err(f"{fname}: not UTF-8")
        return None
    if unicodedata.normalize("NFC", text) != text:
        err(f"{fname}: not NFC")
    if "{{" in text or "}}" in text:
        err(f"{fname}: hand marks left in text")
    return text


# ------------------------------------------------------------------ header / title
def title_block(text):
    lines = text.split("\n")
    for i, ln in enumerate(lines):
        if ln.strip() in ("THÔNG BÁO", "BÁO CÁO"):
            block = []
            for ln2 in lines[i + 1:]:
                if not ln2.strip():
                    break
                block.append(ln2.strip())
            return " ".join(block)
    return ""


def parse_title(text):
    t = title_block(text)
    m = re.search(r"^(.*?)trọng tâm tháng (\d{1,2}) năm (\d{4})", t)
    if not m:
        return None, None
    year = m.group(3)
    planned = f"{year}-{int(m.group(2)):02d}"
    left = m.group(1)
    reported = [f"{year}-{int(x):02d}" for x in re.findall(r"tháng (\d{1,2})", left)]
    return reported, planned


def parse_date(text):
    head = "\n".join(text.split("\n")[:12])
    m = re.search(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", head)
    if not m:
        return None
    return f"{m.group(3)}-{int(m.group(2)):02d}"


# ------------------------------------------------------------------ segmentation
def layout(text):
    return "A" if "ĐẢNG CỘNG SẢN VIỆT NAM" in text else "B"


def section_lines(lines, start_pat, end_pat):
    """Return (index, line) of the lines strictly between the start and end markers."""
    out, inside = [], False
    for i, ln in enumerate(lines):
        if not inside and re.match(start_pat, ln):
            inside = True
            continue
        if inside and re.match(end_pat, ln):
            return out
        if inside:
            out.append((i, ln))
    err(f"section {start_pat!r} .. {end_pat!r} not found or not closed")
    return out


def month_of_heading(ln, year):
    m = re.match(r"^[A-Z]\. Tháng (\d{1,2}) năm (\d{4})$", ln.strip())
    if m:
        return f"{m.group(2)}-{int(m.group(1)):02d}"
    return None


def segments_A(fname, text):
    lines = text.split("\n")
    res, tasks = [], []
    month = None
    for _, ln in section_lines(lines, r"^I\. KẾT QUẢ", r"^II\. "):
        s = ln.strip()
        if not s:
            continue
        mh = month_of_heading(s, None)
        if mh:
            month = mh
            continue
        if re.match(r"^\d+\. \S", s):
            continue  # field heading
        m = re.match(r"^\(\d+\) (.+)$", s)
        if m:
            res.append((m.group(1), month))
            continue
        if s.endswith(":"):
            continue  # lead-in
        err(f"{fname}: unclassified line in results section: {s[:60]!r}")
    for _, ln in section_lines(lines, r"^III\. NHIỆM VỤ", r"^IV\. "):
        s = ln.strip()
        if not s or re.match(r"^\d+\. \S", s) or s.endswith(":"):
            continue
        m = re.match(r"^- (.+)$", s)
        if m:
            tasks.append(m.group(1))
            continue
        err(f"{fname}: unclassified line in tasks section: {s[:60]!r}")
    return res, tasks


RUNIN = re.compile(r"^([^\d:.;()]{2,45}):\s+")


def split_sentences(par):
    return [p for p in re.split(r"(?<=[.!?])\s+", par.strip()) if p]


def segments_B(fname, text):
    lines = text.split("\n")
    res, tasks = [], []
    for _, ln in section_lines(lines, r"^Phần thứ nhất$", r"^Phần thứ hai$"):
        s = ln.strip()
        if not s:
            continue
        if s.startswith("KẾT QUẢ") and s.upper() == s:
            continue  # section title
        if re.match(r"^\d+\. \S", s) or s.endswith(":"):
            continue  # heading / lead-in
        for sent in split_sentences(s):
            m = RUNIN.match(sent)
            if m:
                sent = sent[m.end():]
            res.append((sent, None))
    for _, ln in section_lines(lines, r"^Phần thứ ba$", r"^Trên đây"):
        s = ln.strip()
        if not s or s.endswith(":"):
            continue
        if s.startswith("PHƯƠNG HƯỚNG") and s.upper() == s:
            continue
        if s.startswith("TT |"):
            continue  # table header
        cells = [c.strip() for c in s.split("|")]
        if re.match(r"^[A-Z]$", cells[0]):
            continue  # group row of the table
        if re.match(r"^\d+$", cells[0]) and len(cells) >= 2:
            tasks.append(cells[1])
            continue
        err(f"{fname}: unclassified line in tasks section: {s[:60]!r}")
    return res, tasks


# ------------------------------------------------------------------ main
def main():
    g = load()
    check_form(g)
    docs = {d["file"]: d for d in g["documents"]}
    if len(docs) != len(g["documents"]):
        err("duplicate document entries")
    texts = {}
    unit_docs = defaultdict(list)
    slug_unit = {}
    for f, d in docs.items():
        m = FNAME.match(f)
        if not m:
            err(f"{f}: bad file name")
            continue
        if f"{m.group(2)}-{m.group(3)}" != d["planned_period"]:
            err(f"{f}: file month != planned_period")
        if slug_unit.setdefault(m.group(1), d["unit"]) != d["unit"]:
            err(f"{f}: slug used by two units")
        t = read_doc(f)
        if t is None:
            continue
        texts[f] = t
        rep, plan = parse_title(t)
        if plan != d["planned_period"]:
            err(f"{f}: title planned month {plan} != {d['planned_period']}")
        if rep != d["reported_months"]:
            err(f"{f}: title reported months {rep} != {d['reported_months']}")
        dm = parse_date(t)
        if dm is None or not (d["reported_months"][-1] <= dm <= d["planned_period"]):
            err(f"{f}: date month {dm} outside reported..planned")
        unit_docs[d["unit"]].append(f)
    # no stray .txt files in the folder
    for f in os.listdir(HERE):
        if f.endswith(".txt") and f not in docs:
            err(f"{f}: document not in gold.json")

    items = {}
    for kind in ("tasks", "results"):
        for it in g["tasks" if kind == "tasks" else "results"]:
            if it["id"] in items:
                err(f"duplicate id {it['id']}")
            items[it["id"]] = dict(it, kind=kind)
            if it["file"] not in docs:
                err(f"{it['id']}: unknown file {it['file']}")

    # exact, unique substrings; no overlaps
    spans = defaultdict(list)
    for iid, it in items.items():
        t = texts.get(it["file"])
        if t is None:
            continue
        n = t.count(it["text"])
        if n != 1:
            err(f"{iid}: text occurs {n} times in {it['file']}")
            continue
        a = t.index(it["text"])
        spans[it["file"]].append((a, a + len(it["text"]), iid))
    for f, sp in spans.items():
        sp.sort()
        for (a1, b1, i1), (a2, b2, i2) in zip(sp, sp[1:]):
            if a2 < b1:
                err(f"{f}: items {i1} and {i2} overlap")

    # sections fully labelled; periods; counts
    for f, t in texts.items():
        d = docs[f]
        seg = segments_A if layout(t) == "A" else segments_B
        res_seg, task_seg = seg(f, t)
        g_tasks = {it["text"]: iid for iid, it in items.items() if it["file"] == f and it["kind"] == "tasks"}
        g_res = {it["text"]: iid for iid, it in items.items() if it["file"] == f and it["kind"] == "results"}
        if len(task_seg) != len(set(task_seg)) or len(res_seg) != len({s for s, _ in res_seg}):
            err(f"{f}: repeated segment text")
        for s in task_seg:
            if s not in g_tasks:
                err(f"{f}: unlabelled task segment {s[:70]!r}")
        for s in set(g_tasks) - set(task_seg):
            err(f"{f}: labelled task {g_tasks[s]} is not a task segment")
        for s, month in res_seg:
            if s not in g_res:
                err(f"{f}: unlabelled result segment {s[:70]!r}")
                continue
            want = month or (d["reported_months"][0] if len(d["reported_months"]) == 1 else None)
            if want is None:
                err(f"{f}: result {g_res[s]} under no month heading in a multi-month document")
            elif items[g_res[s]]["period"] != want:
                err(f"{f}: result {g_res[s]} period {items[g_res[s]]['period']} != section month {want}")
        for s in set(g_res) - {s for s, _ in res_seg}:
            err(f"{f}: labelled result {g_res[s]} is not a result segment")
        nt, nr = len(g_tasks), len(g_res)
        if not 10 <= nt <= 18:
            err(f"{f}: {nt} tasks")
        if not (nr == 0 or 10 <= nr <= 18):
            err(f"{f}: {nr} results")
        for iid, it in items.items():
            if it["file"] != f:
                continue
            if it["kind"] == "tasks" and it["period"] != d["planned_period"]:
                err(f"{iid}: period {it['period']} != planned {d['planned_period']}")
            if it["kind"] == "results" and it["period"] not in d["reported_months"]:
                err(f"{iid}: period {it['period']} not reported by {f}")

    def unit(iid):
        return docs[items[iid]["file"]]["unit"]

    def plan(iid):
        return docs[items[iid]["file"]]["planned_period"]

    linked = set()
    out_links = defaultdict(int)
    seen = set()
    for ft in g["follow_through"]:
        t, r, s = ft["task"], ft["result"], ft["status"]
        if (t, r) in seen:
            err(f"duplicate follow-through {t}->{r}")
        seen.add((t, r))
        if items.get(t, {}).get("kind") != "tasks" or items.get(r, {}).get("kind") != "results":
            err(f"follow-through {t}->{r}: wrong ids")
            continue
        if s not in STATUSES:
            err(f"follow-through {t}->{r}: status {s}")
        if unit(t) != unit(r):
            err(f"follow-through {t}->{r}: across units")
        if not (plan(r) > plan(t) and items[r]["period"] >= items[t]["period"]):
            err(f"follow-through {t}->{r}: not forward in time")
        linked.add(frozenset((t, r)))
        out_links[t] += 1
    seen = set()
    for co in g["carry_over"]:
        a, b, k = co["from"], co["to"], co["kind"]
        if (a, b) in seen:
            err(f"duplicate carry-over {a}->{b}")
        seen.add((a, b))
        if items.get(a, {}).get("kind") != "tasks" or items.get(b, {}).get("kind") != "tasks":
            err(f"carry-over {a}->{b}: wrong ids")
            continue
        if k not in KINDS:
            err(f"carry-over {a}->{b}: kind {k}")
        if unit(a) != unit(b):
            err(f"carry-over {a}->{b}: across units")
        if not items[b]["period"] > items[a]["period"]:
            err(f"carry-over {a}->{b}: not forward in time")
        linked.add(frozenset((a, b)))
        out_links[a] += 1

    # gaps
    last = {u: max(fs, key=lambda f: docs[f]["planned_period"]) for u, fs in unit_docs.items()}
    want_gaps = sorted(iid for iid, it in items.items()
                       if it["kind"] == "tasks" and it["file"] != last[docs[it["file"]]["unit"]]
                       and out_links[iid] == 0)
    if len(g["gaps"]) != len(set(g["gaps"])):
        err("duplicate gap ids")
    if sorted(g["gaps"]) != want_gaps:
        err(f"gaps differ: missing {sorted(set(want_gaps) - set(g['gaps']))}, "
            f"extra {sorted(set(g['gaps']) - set(want_gaps))}")

    # decoys
    dseen = set()
    for p in g["cross_unit_decoys"]:
        if len(p) != 2 or any(x not in items for x in p):
            err(f"decoy {p}: unknown id")
            continue
        if unit(p[0]) == unit(p[1]):
            err(f"decoy {p}: same unit")
        if frozenset(p) in linked:
            err(f"decoy {p}: linked")
        if frozenset(p) in dseen:
            err(f"decoy {p}: duplicate")
        dseen.add(frozenset(p))
    if len(units := set(docs[f]["unit"] for f in docs)) == 2 and len(dseen) < 15:
        err(f"only {len(dseen)} decoys")

    if ERR:
        for e in ERR:
            print("ERROR:", e)
        print(f"{len(ERR)} error(s)")
        sys.exit(1)
    n_ft = defaultdict(int)
    for ft in g["follow_through"]:
        n_ft[ft["status"]] += 1
    n_co = defaultdict(int)
    for co in g["carry_over"]:
        n_co[co["kind"]] += 1
    print(f"documents {len(docs)}, tasks {len(g['tasks'])}, results {len(g['results'])}, "
          f"follow-through {len(g['follow_through'])} {dict(sorted(n_ft.items()))}, "
          f"carry-over {len(g['carry_over'])} {dict(sorted(n_co.items()))}, "
          f"gaps {len(g['gaps'])}, decoys {len(g['cross_unit_decoys'])}")
    print("OK")


if __name__ == "__main__":
    main()
