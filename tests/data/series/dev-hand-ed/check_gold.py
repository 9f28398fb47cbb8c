#!/usr/bin/env python3
"""Check gold.json of this folder against the documents beside it.

Checks: the form of gold.json; file names; UTF-8 / NFC / \\n / no BOM; every
item text an exact, unique substring of its file and no two items overlapping;
every bullet or numbered line of the results and tasks sections labelled
(headings, lead-ins ending in ':' skipped) and one sentence per item; task and
result counts per document; periods agree with the documents; links within one
unit, forward in time, to the first document reporting on the task's month;
allowed statuses and kinds; gaps exactly the unlinked tasks of non-last
documents; decoys (cross-unit, and the within-unit list in _src) never linked.
Prints OK when all checks pass.
"""
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
errors = []


def err(msg):
    errors.append(msg)


STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
FNAME = re.compile(r"^([a-z0-9-]+)_(\d{4}-\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")

HEADING = re.compile(r"^([IVX]+\.|\d+\.|[a-zđ]\)|\*)\s")
ITEM_PREFIX = re.compile(r"^(- |\(\d+\) |\d+\. )")
TERMINAL = (".", ";", ":", "!", "?")


def load():
    try:
        gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
    except Exception as e:  # noqa
        print(f"cannot read gold.json: {e}")
        sys.exit(1)
    return gold


def check_form(g):
    need = {"documents": list, "tasks": list, "results": list, "follow_through": list,
            "carry_over": list, "gaps": list}
    for k, t in need.items():
        if not isinstance(g.get(k), t):
            err(f"gold.json: key {k} missing or not a {t.__name__}")
    if "cross_unit_decoys" in g and not isinstance(g["cross_unit_decoys"], list):
        err("cross_unit_decoys not a list")
    for d in g.get("documents", []):
        for k in ("file", "unit", "reported_months", "planned_period"):
            if k not in d:
                err(f"document {d}: missing {k}")
        if not isinstance(d.get("reported_months"), list):
            err(f"{d.get('file')}: reported_months not a list")
        for m in d.get("reported_months", []) + [d.get("planned_period", "")]:
            if not MONTH.match(str(m)):
                err(f"{d.get('file')}: bad month {m!r}")
    for kind in ("tasks", "results"):
        for it in g.get(kind, []):
            for k in ("id", "file", "period", "text"):
                if not isinstance(it.get(k), str) or not it.get(k):
                    err(f"{kind} item {it.get('id')}: missing {k}")
    for f in g.get("follow_through", []):
        if set(f) != {"task", "result", "status"}:
            err(f"follow_through entry keys: {f}")
        if f.get("status") not in STATUSES:
            err(f"follow_through {f}: status not in {sorted(STATUSES)}")
    for c in g.get("carry_over", []):
        if set(c) != {"from", "to", "kind"}:
            err(f"carry_over entry keys: {c}")
        if c.get("kind") not in KINDS:
            err(f"carry_over {c}: kind not in {sorted(KINDS)}")
    for p in g.get("cross_unit_decoys", []):
        if not (isinstance(p, list) and len(p) == 2):
            err(f"decoy pair {p} is not a pair")


def read_doc(fname):
    raw = (HERE / fname).read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        err(f"{fname}: BOM")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err(f"{fname}: not UTF-8 ({e})")
        return ""
    if "\r" in text:
        err(f"{fname}: \\r in line ends")
    if unicodedata.normalize("NFC", text) != text:
        err(f"{fname}: not NFC")
    return text


def sections(text):
    """Return (results_lines, tasks_lines), each a list of (line_no, line, month_hint)."""
    lines = text.split("\n")
    res, tasks = [], []
    mode = None
    for n, line in enumerate(lines):
        s = line.strip()
        if re.match(r"^I\.\s", s):
            mode = "R"
            res.append((n, s))
            continue
        if re.match(r"^II\.\s", s):
            mode = "T"
            tasks.append((n, s))
            continue
        if re.match(r"^III\.\s", s) or s.startswith("Nơi nhận"):
            mode = None
            continue
        if mode == "R" and "hạn chế" in s.lower() and not s.endswith(TERMINAL) and len(s) < 60:
            mode = "L"   # limitations: not results
            continue
        if mode == "R":
            res.append((n, s))
        elif mode == "T":
            tasks.append((n, s))
    return res, tasks


def one_sentence(t):
    for m in re.finditer(r"[.!?]\s+(\S)", t):
        if m.group(1).isupper():
            return False
    return True


def main():
    g = load()
    check_form(g)
    docs = g.get("documents", [])
    by_file = {d["file"]: d for d in docs}
    if len(by_file) != len(docs):
        err("duplicate document files")

    # files on disk vs documents
    on_disk = sorted(p.name for p in HERE.glob("*.txt"))
    if sorted(by_file) != on_disk:
        err(f"documents {sorted(by_file)} != .txt files {on_disk}")

    texts = {}
    unit_slug = {}
    for d in docs:
        m = FNAME.match(d["file"])
        if not m:
            err(f"bad file name {d['file']}")
            continue
        slug, ym = m.groups()
        if ym != d["planned_period"]:
            err(f"{d['file']}: name month {ym} != planned_period {d['planned_period']}")
        if unit_slug.setdefault(d["unit"], slug) != slug:
            err(f"{d['file']}: unit {d['unit']} has two slugs")
        for rm in d["reported_months"]:
            if rm >= d["planned_period"]:
                err(f"{d['file']}: reported month {rm} not before planned {d['planned_period']}")
        texts[d["file"]] = read_doc(d["file"])

    items = {}
    for kind in ("tasks", "results"):
        for it in g.get(kind, []):
            if it["id"] in items:
                err(f"duplicate id {it['id']}")
            items[it["id"]] = dict(it, kind=kind[0].upper())
            if it["file"] not in by_file:
                err(f"{it['id']}: unknown file {it['file']}")

    # exact unique substrings, no overlaps
    spans = {}
    for iid, it in items.items():
        t = texts.get(it["file"], "")
        txt = it["text"]
        if unicodedata.normalize("NFC", txt) != txt:
            err(f"{iid}: text not NFC")
        c = t.count(txt)
        if c != 1:
            err(f"{iid}: text occurs {c} times in {it['file']}")
            continue
        a = t.index(txt)
        spans.setdefault(it["file"], []).append((a, a + len(txt), iid))
        if not one_sentence(txt):
            err(f"{iid}: more than one sentence")
    for f, sp in spans.items():
        sp.sort()
        for (a1, b1, i1), (a2, b2, i2) in zip(sp, sp[1:]):
            if a2 < b1:
                err(f"{f}: {i1} overlaps {i2}")

    # sections: every item line labelled, every label in its section
    for d in docs:
        f = d["file"]
        t = texts.get(f, "")
        res_lines, task_lines = sections(t)
        want = {"R": {it["text"]: iid for iid, it in items.items() if it["file"] == f and it["kind"] == "R"},
                "T": {it["text"]: iid for iid, it in items.items() if it["file"] == f and it["kind"] == "T"}}
        seen = {"R": set(), "T": set()}
        month_of = {}
        multi = len(d["reported_months"]) > 1
        for kind, lines in (("R", res_lines), ("T", task_lines)):
            cur_month = None
            for n, s in lines:
                if not s:
                    continue
                if re.match(r"^(I|II)\.\s", s):
                    continue
                if HEADING.match(s) and not s.endswith(TERMINAL):
                    mm = re.search(r"tháng (\d{1,2})/(\d{4})", s)
                    if kind == "R" and multi and mm:
                        cur_month = f"{mm.group(2)}-{int(mm.group(1)):02d}"
                    continue
                if s.endswith(":") and not ITEM_PREFIX.match(s):
                    continue   # lead-in
                body = ITEM_PREFIX.sub("", s, count=1)
                if not ITEM_PREFIX.match(s):
                    err(f"{f} line {n+1}: unlabelled paragraph in section {kind}: {s[:60]}")
                    continue
                iid = want[kind].get(body)
                if iid is None:
                    err(f"{f} line {n+1}: line not labelled as one {kind} item: {s[:70]}")
                    continue
                seen[kind].add(iid)
                if cur_month:
                    month_of[iid] = cur_month
        for kind in ("R", "T"):
            missing = set(want[kind].values()) - seen[kind]
            if missing:
                err(f"{f}: {kind} items outside their section: {sorted(missing)}")
        nt, nr = len(want["T"]), len(want["R"])
        if not 10 <= nt <= 18:
            err(f"{f}: {nt} tasks (need 10-18)")
        if not (10 <= nr <= 18 or nr == 0):
            err(f"{f}: {nr} results (need 10-18 or none)")
        # periods
        for iid, it in items.items():
            if it["file"] != f:
                continue
            if it["kind"] == "T" and it["period"] != d["planned_period"]:
                err(f"{iid}: period {it['period']} != planned {d['planned_period']}")
            if it["kind"] == "R":
                if it["period"] not in d["reported_months"]:
                    err(f"{iid}: period {it['period']} not among reported {d['reported_months']}")
                if multi and month_of.get(iid) != it["period"]:
                    err(f"{iid}: sits under month {month_of.get(iid)}, labelled {it['period']}")
        # the document says which months it reports and plans
        y, mo = d["planned_period"].split("-")
        title = re.search(r"về lãnh đạo thực hiện nhiệm vụ tháng (\d{1,2}) năm (\d{4})", t)
        if not title or (int(title.group(1)), title.group(2)) != (int(mo), y):
            err(f"{f}: title does not name planned month {d['planned_period']}")
        rtxt = "\n".join(s for _, s in res_lines).lower()
        for rm in d["reported_months"]:
            if not re.search(rf"tháng 0?{int(rm[5:])}\b", rtxt):
                err(f"{f}: results part does not name reported month {rm}")
        ttxt = (task_lines[0][1].lower() if task_lines else "")
        if not re.search(rf"tháng 0?{int(mo)}\b", ttxt):
            err(f"{f}: tasks heading does not name planned month")
        hdr = t[:400]
        if "ĐẢNG CỘNG SẢN VIỆT NAM" not in hdr or not re.search(r"Số \d+-NQ/ĐU", hdr):
            err(f"{f}: Party header or Số ...-NQ/ĐU missing")

    # links
    unit_docs = {}
    for d in docs:
        unit_docs.setdefault(d["unit"], []).append(d)
    for u in unit_docs:
        unit_docs[u].sort(key=lambda d: d["planned_period"])
    def unit(iid):
        return by_file[items[iid]["file"]]["unit"]
    def dper(iid):
        return by_file[items[iid]["file"]]["planned_period"]

    linked = set()
    pairs = set()
    for fl in g.get("follow_through", []):
        t, r = fl["task"], fl["result"]
        if t not in items or items[t]["kind"] != "T":
            err(f"follow_through: {t} is not a task"); continue
        if r not in items or items[r]["kind"] != "R":
            err(f"follow_through: {r} is not a result"); continue
        if unit(t) != unit(r):
            err(f"follow_through {t}->{r}: across units")
        if dper(r) <= dper(t):
            err(f"follow_through {t}->{r}: not forward in time")
        if items[r]["period"] != items[t]["period"]:
            err(f"follow_through {t}->{r}: result period {items[r]['period']} != task period {items[t]['period']}")
        first = next((d for d in unit_docs[unit(t)] if items[t]["period"] in d["reported_months"]), None)
        if first is None or first["file"] != items[r]["file"]:
            err(f"follow_through {t}->{r}: not in the first document reporting on {items[t]['period']}")
        if (t, r) in pairs:
            err(f"follow_through {t}->{r}: duplicate")
        pairs.add((t, r))
        linked.add(t)
    for c in g.get("carry_over", []):
        a, b = c["from"], c["to"]
        if a not in items or items[a]["kind"] != "T" or b not in items or items[b]["kind"] != "T":
            err(f"carry_over {a}->{b}: not two tasks"); continue
        if unit(a) != unit(b):
            err(f"carry_over {a}->{b}: across units")
        if dper(b) <= dper(a):
            err(f"carry_over {a}->{b}: not forward in time")
        if (a, b) in pairs:
            err(f"carry_over {a}->{b}: duplicate")
        pairs.add((a, b))
        linked.add(a)

    # gaps
    expect = set()
    for u, ds in unit_docs.items():
        for d in ds[:-1]:
            for iid, it in items.items():
                if it["file"] == d["file"] and it["kind"] == "T" and iid not in linked:
                    expect.add(iid)
    gaps = g.get("gaps", [])
    if len(set(gaps)) != len(gaps):
        err("duplicate gap ids")
    if set(gaps) != expect:
        err(f"gaps differ: extra {sorted(set(gaps) - expect)}, missing {sorted(expect - set(gaps))}")

    # decoys
    decoys = list(g.get("cross_unit_decoys", []))
    for a, b in g.get("cross_unit_decoys", []):
        if a in items and b in items and unit(a) == unit(b):
            err(f"cross_unit_decoy {a},{b}: same unit")
    wf = HERE / "_src" / "within_unit_decoys.json"
    if wf.exists():
        decoys += json.loads(wf.read_text(encoding="utf-8"))
    for a, b in decoys:
        if a not in items or b not in items:
            err(f"decoy {a},{b}: unknown id"); continue
        if (a, b) in pairs or (b, a) in pairs:
            err(f"decoy {a},{b} is linked")

    if errors:
        for e in errors:
            print("ERROR:", e)
        print(f"{len(errors)} error(s)")
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
