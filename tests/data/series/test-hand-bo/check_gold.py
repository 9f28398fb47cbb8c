#!/usr/bin/env python3
"""Check gold.json of the hand-bo series against its documents.  Prints OK or the errors.

Checks: the form of gold.json; file names; UTF-8 (no BOM), NFC, \n line ends;
every item text an exact unique substring of its file, items not overlapping;
every sentence / bullet / inline point of the results and tasks sections
labelled (headings and lead-ins ending in ':' skipped); 10-18 tasks and 10-18
results per document; periods agree with the documents (file name, headings,
reported months); links within one unit, forward in time to the unit's next
document; allowed statuses and kinds; gaps exactly the unlinked tasks of
non-last documents; decoys across units and never linked (at least 20).
"""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ERR = []


def err(msg):
    ERR.append(msg)


RES_H = re.compile(r"^(1\.\s+Về kết quả|I\.\s+KẾT QUẢ)")
LIM_H = re.compile(r"^(2\.\s+Về hạn chế|II\.\s+HẠN CHẾ)")
TASK_H = re.compile(r"^(3\.\s+Về nhiệm vụ|III\.\s+PHƯƠNG HƯỚNG)")
END_H = re.compile(r"^(Ban Thường vụ Đảng ủy giao|Trên đây là|Nơi nhận)")
FIELD_H = re.compile(r"^\d+\.\s+\S")
MARKER = re.compile(r"\(\d+\)|(?<!\w)[a-hđ]\)")
FNAME = re.compile(r"^([a-z0-9-]+)_(\d{4})-(\d{2})\.txt$")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}


def month_num(period):
    return int(period.split("-")[1])


def main():
    path = os.path.join(HERE, "gold.json")
    try:
        gold = json.load(open(path, encoding="utf-8"))
    except Exception as e:  # noqa
        print("FAIL: gold.json unreadable:", e)
        return 1

    # ---------------------------------------------------------------- form
    need = {"documents": list, "tasks": list, "results": list, "follow_through": list,
            "carry_over": list, "gaps": list, "cross_unit_decoys": list}
    for k, t in need.items():
        if not isinstance(gold.get(k), t):
            err(f"form: key {k} missing or not a {t.__name__}")
    extra = set(gold) - set(need)
    if extra:
        err(f"form: unexpected keys {sorted(extra)}")
    if ERR:
        return report()
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err(f"form: document fields {sorted(d)}")
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            if set(it) != {"id", "file", "period", "text"}:
                err(f"form: {kind} item fields {sorted(it)}")
            elif not all(isinstance(it[f], str) and it[f] for f in it):
                err(f"form: {kind} item with empty field {it.get('id')}")
    for l in gold["follow_through"]:
        if set(l) != {"task", "result", "status"}:
            err(f"form: follow_through fields {sorted(l)}")
    for l in gold["carry_over"]:
        if set(l) != {"from", "to", "kind"}:
            err(f"form: carry_over fields {sorted(l)}")
    for p in gold["cross_unit_decoys"]:
        if not (isinstance(p, list) and len(p) == 2):
            err(f"form: decoy pair {p}")
    if ERR:
        return report()

    # ---------------------------------------------------------------- documents
    docs = {d["file"]: d for d in gold["documents"]}
    if len(docs) != len(gold["documents"]):
        err("documents: duplicate file")
    on_disk = {f for f in os.listdir(HERE) if f.endswith(".txt")}
    if on_disk != set(docs):
        err(f"documents: files on disk {sorted(on_disk ^ set(docs))} differ from gold")
    texts = {}
    for f, d in docs.items():
        m = FNAME.match(f)
        if not m:
            err(f"{f}: bad file name")
            continue
        if f"{m.group(2)}-{m.group(3)}" != d["planned_period"]:
            err(f"{f}: file month != planned_period {d['planned_period']}")
        for rm in d["reported_months"]:
            if not re.match(r"^\d{4}-\d{2}$", rm) or rm >= d["planned_period"]:
                err(f"{f}: reported month {rm} not before planned period")
        raw = open(os.path.join(HERE, f), "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{f}: BOM")
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            err(f"{f}: not UTF-8 ({e})")
            continue
        if "\r" in t:
            err(f"{f}: CR line ends")
        if unicodedata.normalize("NFC", t) != t:
            err(f"{f}: not NFC")
        if "{{" in t or "}}" in t:
            err(f"{f}: hand marks left in text")
        texts[f] = t

    units = {}
    for f, d in docs.items():
        units.setdefault(d["unit"], []).append(f)
    order = {}  # file -> (unit, index in unit), documents sorted by planned period
    for u, fs in units.items():
        fs.sort(key=lambda f: docs[f]["planned_period"])
        for i, f in enumerate(fs):
            order[f] = (u, i)
        # reported months of successive documents must not overlap and must follow
        seen = []
        for f in fs:
            for rm in docs[f]["reported_months"]:
                if rm in seen:
                    err(f"{f}: month {rm} reported twice in unit {u}")
                seen.append(rm)

    # ---------------------------------------------------------------- items
    items = {}
    spans = {f: [] for f in docs}
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            iid = it["id"]
            if iid in items:
                err(f"duplicate id {iid}")
                continue
            items[iid] = dict(it, kind=kind)
            f = it["file"]
            if f not in texts:
                err(f"{iid}: unknown or unreadable file {f}")
                continue
            txt, s = texts[f], it["text"]
            if unicodedata.normalize("NFC", s) != s:
                err(f"{iid}: text not NFC")
            n = txt.count(s)
            if n != 1:
                err(f"{iid}: text found {n} times in {f}")
                continue
            if s != s.strip() or "\n" in s:
                err(f"{iid}: text has outer whitespace or spans lines")
            a = txt.index(s)
            spans[f].append((a, a + len(s), iid, kind))
            d = docs[f]
            if kind == "tasks" and it["period"] != d["planned_period"]:
                err(f"{iid}: period {it['period']} != planned {d['planned_period']}")
            if kind == "results" and it["period"] not in d["reported_months"]:
                err(f"{iid}: period {it['period']} not in reported {d['reported_months']}")
            m = re.match(r"^[AB]-([TR])(\d\d)-\d+$", iid)
            if not m or m.group(1) != kind[0].upper() or int(m.group(2)) != month_num(it["period"]):
                err(f"{iid}: id does not match kind/period")

    for f, sp in spans.items():
        sp.sort()
        for x, y in zip(sp, sp[1:]):
            if y[0] < x[1]:
                err(f"{f}: items {x[2]} and {y[2]} overlap")

    # ---------------------------------------------------------------- sections and coverage
    for f, txt in texts.items():
        lines = txt.split("\n")
        offs, o = [], 0
        for ln in lines:
            offs.append(o)
            o += len(ln) + 1
        idx = {}
        for name, rx in (("res", RES_H), ("lim", LIM_H), ("task", TASK_H)):
            hits = [i for i, ln in enumerate(lines) if rx.match(ln)]
            if len(hits) != 1:
                err(f"{f}: {name} heading found {len(hits)} times")
                idx[name] = None
            else:
                idx[name] = hits[0]
        if None in idx.values():
            continue
        ends = [i for i in range(idx["task"] + 1, len(lines)) if END_H.match(lines[i])]
        if not ends:
            err(f"{f}: no end of tasks section")
            continue
        end = ends[0]
        if not (idx["res"] < idx["lim"] < idx["task"] < end):
            err(f"{f}: sections out of order")
            continue
        d = docs[f]
        # headings name the months
        rh, th = lines[idx["res"]], lines[idx["task"]]
        for rm in d["reported_months"]:
            if not re.search(rf"THÁNG 0?{month_num(rm)}\b|tháng 0?{month_num(rm)}\b", rh):
                err(f"{f}: results heading does not name month {rm}")
        if not re.search(rf"(THÁNG|tháng) 0?{month_num(d['planned_period'])}\b", th):
            err(f"{f}: tasks heading does not name {d['planned_period']}")
        sections = {"results": (offs[idx["res"] + 1], offs[idx["lim"]]),
                    "tasks": (offs[idx["task"] + 1], offs[end])}
        for a, b, iid, kind in spans[f]:
            lo, hi = sections[kind]
            if not (lo <= a and b <= hi):
                err(f"{iid}: outside the {kind} section of {f}")
        for kind, (lo, hi) in sections.items():
            for i, ln in enumerate(lines):
                la, lb = offs[i], offs[i] + len(ln)
                if la < lo or la >= hi or not ln.strip():
                    continue
                own = [(a - la, b - la) for a, b, _, k in spans[f] if k == kind and a >= la and b <= lb]
                if not own:
                    if FIELD_H.match(ln) and not ln.rstrip().endswith("."):
                        continue  # numbered field heading
                    if ln.strip().endswith(":") and not re.search(r"[.;]\s", ln.strip()):
                        continue  # lead-in line
                    err(f"{f}: unlabelled line in {kind}: {ln[:70]!r}")
                    continue
                buf, prev = [], 0
                for a, b in sorted(own):
                    buf.append(ln[prev:a])
                    prev = b
                buf.append(ln[prev:])
                for frag in buf:
                    g = MARKER.sub(" ", frag).strip(" \t;,.-–")
                    if not g:
                        continue
                    if g.endswith(":") and not re.search(r"[.;]\s", g):
                        continue  # lead-in before inline points
                    err(f"{f}: unlabelled text in {kind}: {g[:70]!r}")

    # ---------------------------------------------------------------- counts
    for f, d in docs.items():
        nt = sum(1 for s in spans[f] if s[3] == "tasks")
        nr = sum(1 for s in spans[f] if s[3] == "results")
        if not 10 <= nt <= 18:
            err(f"{f}: {nt} tasks")
        if not (10 <= nr <= 18 or (nr == 0 and not d["reported_months"])):
            err(f"{f}: {nr} results")

    # ---------------------------------------------------------------- links
    def unit_of(iid):
        return docs[items[iid]["file"]]["unit"]

    def is_next(f_from, f_to):
        u1, i1 = order[f_from]
        u2, i2 = order[f_to]
        return u1 == u2 and i2 == i1 + 1

    linked = set()
    pairs = set()
    for l in gold["follow_through"]:
        t, r, s = l["task"], l["result"], l["status"]
        if items.get(t, {}).get("kind") != "tasks" or items.get(r, {}).get("kind") != "results":
            err(f"follow_through {t}->{r}: unknown task/result")
            continue
        if s not in STATUSES:
            err(f"follow_through {t}->{r}: status {s}")
        if unit_of(t) != unit_of(r):
            err(f"follow_through {t}->{r}: crosses units")
        if not is_next(items[t]["file"], items[r]["file"]):
            err(f"follow_through {t}->{r}: result not in the unit's next document")
        if items[r]["period"] < items[t]["period"]:
            err(f"follow_through {t}->{r}: result reports a month before the task's")
        if (t, r) in pairs:
            err(f"follow_through {t}->{r}: duplicate")
        pairs.add((t, r))
        linked.add(t)
    for l in gold["carry_over"]:
        a, b, k = l["from"], l["to"], l["kind"]
        if items.get(a, {}).get("kind") != "tasks" or items.get(b, {}).get("kind") != "tasks":
            err(f"carry_over {a}->{b}: unknown task")
            continue
        if k not in KINDS:
            err(f"carry_over {a}->{b}: kind {k}")
        if unit_of(a) != unit_of(b):
            err(f"carry_over {a}->{b}: crosses units")
        if not is_next(items[a]["file"], items[b]["file"]):
            err(f"carry_over {a}->{b}: not planned again in the unit's next document")
        if (a, b) in pairs:
            err(f"carry_over {a}->{b}: duplicate")
        pairs.add((a, b))
        linked.add(a)

    # ---------------------------------------------------------------- gaps
    last = {u: fs[-1] for u, fs in units.items()}
    expected = {iid for iid, it in items.items()
                if it["kind"] == "tasks" and iid not in linked
                and it["file"] != last[docs[it["file"]]["unit"]]}
    gaps = gold["gaps"]
    if len(gaps) != len(set(gaps)):
        err("gaps: duplicates")
    if set(gaps) != expected:
        err(f"gaps: missing {sorted(expected - set(gaps))}, extra {sorted(set(gaps) - expected)}")

    # ---------------------------------------------------------------- decoys
    if len(units) == 2 and len(gold["cross_unit_decoys"]) < 20:
        err(f"decoys: only {len(gold['cross_unit_decoys'])} pairs")
    seen = set()
    for a, b in gold["cross_unit_decoys"]:
        if a not in items or b not in items:
            err(f"decoy {a},{b}: unknown id")
            continue
        if unit_of(a) == unit_of(b):
            err(f"decoy {a},{b}: same unit")
        if (a, b) in pairs or (b, a) in pairs:
            err(f"decoy {a},{b}: linked")
        key = frozenset((a, b))
        if key in seen:
            err(f"decoy {a},{b}: duplicate")
        seen.add(key)

    return report()


def report():
    if ERR:
        for e in ERR:
            print("ERROR:", e)
        print(f"FAIL ({len(ERR)} errors)")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
