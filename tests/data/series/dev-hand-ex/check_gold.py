#!/usr/bin/env python3
"""Check gold.json of this hand-labelled series against its documents.

Usage: python3 check_gold.py [SERIES_DIR]   (default: the folder of this script)
Prints OK when every check passes, otherwise the list of problems.
"""
import json, os, re, sys, unicodedata
from collections import Counter, defaultdict

DIR = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
ERR = []


def err(msg):
    ERR.append(msg)


FT_STATUS = {"done", "partial"}
CO_KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
FNAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-(?:0[1-9]|1[0-2]))\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
HEADING = re.compile(r"^(?:[IVX]+\.|\d+\.|[a-zđ]\))\s+\S.*[^.;:]$")
MARKER = re.compile(r"^\s*(?:[-–•+]|\(\d+\)|\d+\.|[a-zđ]\))\s*")
MIN_ITEMS, MAX_ITEMS = 10, 18


def load():
    p = os.path.join(DIR, "gold.json")
    try:
        with open(p, encoding="utf-8") as f:
            return json.load(f)
    except Exception as e:  # noqa
        print(f"cannot read gold.json: {e}")
        sys.exit(1)


def check_form(g):
    need = {"documents": list, "tasks": list, "results": list, "follow_through": list,
            "carry_over": list, "gaps": list}
    for k, t in need.items():
        if not isinstance(g.get(k), t):
            err(f"form: key {k!r} missing or not a {t.__name__}")
    if "cross_unit_decoys" in g and not isinstance(g["cross_unit_decoys"], list):
        err("form: cross_unit_decoys not a list")
    extra = set(g) - set(need) - {"cross_unit_decoys"}
    if extra:
        err(f"form: unexpected keys {sorted(extra)}")
    for d in g.get("documents", []):
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err(f"form: document fields {sorted(d)}")
        if not isinstance(d.get("reported_months"), list) or not all(isinstance(m, str) and MONTH.match(m) for m in d.get("reported_months", [])):
            err(f"form: bad reported_months in {d.get('file')}")
        if not isinstance(d.get("planned_period"), str) or not MONTH.match(d.get("planned_period", "")):
            err(f"form: bad planned_period in {d.get('file')}")
    for key in ("tasks", "results"):
        for it in g.get(key, []):
            if set(it) != {"id", "file", "period", "text"}:
                err(f"form: {key} item fields {sorted(it)}")
            elif not (isinstance(it["text"], str) and it["text"].strip() and it["text"] == it["text"].strip()):
                err(f"form: empty or untrimmed text {it['id']}")
            elif not MONTH.match(str(it["period"])):
                err(f"form: bad period {it['id']}")
    for l in g.get("follow_through", []):
        if set(l) != {"task", "result", "status"}:
            err(f"form: follow_through fields {sorted(l)}")
    for l in g.get("carry_over", []):
        if set(l) != {"from", "to", "kind"}:
            err(f"form: carry_over fields {sorted(l)}")


def section_bounds(text):
    """Return (results_span, limits_span, tasks_span) as char offsets of the section bodies."""
    lines = text.split("\n")
    offs, o = [], 0
    for ln in lines:
        offs.append(o)
        o += len(ln) + 1
    idx = {}
    for i, ln in enumerate(lines):
        if re.match(r"^I\.\s", ln) and "KẾT QUẢ" in ln and "res" not in idx:
            idx["res"] = i
        elif re.match(r"^II\.\s", ln) and "HẠN CHẾ" in ln and "lim" not in idx:
            idx["lim"] = i
        elif re.match(r"^III\.\s", ln) and "NHIỆM VỤ" in ln and "task" not in idx:
            idx["task"] = i
        elif "task" in idx and "end" not in idx and (ln.startswith("Văn phòng Ủy ban nhân dân tỉnh thông báo") or ln.startswith("Nơi nhận")):
            idx["end"] = i
    return lines, offs, idx


def check_documents(g):
    docs = g.get("documents", [])
    files = [d["file"] for d in docs]
    for f, c in Counter(files).items():
        if c > 1:
            err(f"document listed twice: {f}")
    on_disk = sorted(x for x in os.listdir(DIR) if x.endswith(".txt"))
    if sorted(files) != on_disk:
        err(f"documents {sorted(files)} != .txt files on disk {on_disk}")
    texts = {}
    for d in docs:
        f = d["file"]
        m = FNAME.match(f)
        if not m:
            err(f"bad file name {f}")
            continue
        if m.group(2) != d["planned_period"]:
            err(f"{f}: file month {m.group(2)} != planned_period {d['planned_period']}")
        p = os.path.join(DIR, f)
        if not os.path.exists(p):
            err(f"missing file {f}")
            continue
        raw = open(p, "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{f}: BOM")
        if b"\r" in raw:
            err(f"{f}: CR line ends")
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            err(f"{f}: not UTF-8 ({e})")
            continue
        if unicodedata.normalize("NFC", t) != t:
            err(f"{f}: not NFC")
        if "{{" in t or "}}" in t:
            err(f"{f}: hand marks left in text")
        texts[f] = t
        # periods agree with the document's own headings
        lines, offs, idx = section_bounds(t)
        for k in ("res", "lim", "task", "end"):
            if k not in idx:
                err(f"{f}: section {k} not found")
        if "res" in idx:
            h = lines[idx["res"]]
            for mo in d["reported_months"]:
                y, mm = mo.split("-")
                if f"THÁNG {int(mm)}" not in h or y not in h:
                    err(f"{f}: results heading does not name reported month {mo}: {h!r}")
        if "task" in idx:
            h = lines[idx["task"]]
            y, mm = d["planned_period"].split("-")
            if f"THÁNG {int(mm)} NĂM {y}" not in h:
                err(f"{f}: tasks heading does not name planned month {d['planned_period']}: {h!r}")
        last_rep = max(d["reported_months"]) if d["reported_months"] else None
        if last_rep:
            y, mm = last_rep.split("-")
            if f"thường kỳ tháng {int(mm)} năm {y}" not in t:
                err(f"{f}: title does not name the meeting of {last_rep}")
        if not re.search(r"^Số: \d+/TB-VPUBND$", t, re.M):
            err(f"{f}: no 'Số .../TB-VPUBND' line")
        if "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in t or "Độc lập - Tự do - Hạnh phúc" not in t:
            err(f"{f}: no state header")
        if not re.search(r"^Lam Giang, ngày \d\d tháng \d{1,2} năm \d{4}$", t, re.M):
            err(f"{f}: no place and date line")
        if "Nơi nhận:" not in t:
            err(f"{f}: no 'Nơi nhận'")
    return texts


def check_items(g, texts):
    docs = {d["file"]: d for d in g.get("documents", [])}
    ids = Counter(it["id"] for k in ("tasks", "results") for it in g.get(k, []))
    for i, c in ids.items():
        if c > 1:
            err(f"duplicate id {i}")
    spans = defaultdict(list)  # file -> [(start, end, id, kind)]
    for kind in ("tasks", "results"):
        for it in g.get(kind, []):
            f = it["file"]
            if f not in docs or f not in texts:
                err(f"{it['id']}: unknown file {f}")
                continue
            t = texts[f]
            n = t.count(it["text"])
            if n != 1:
                err(f"{it['id']}: text occurs {n} times in {f}")
                continue
            s = t.index(it["text"])
            spans[f].append((s, s + len(it["text"]), it["id"], kind))
            d = docs[f]
            if kind == "tasks" and it["period"] != d["planned_period"]:
                err(f"{it['id']}: period {it['period']} != planned {d['planned_period']}")
            if kind == "results" and it["period"] not in d["reported_months"]:
                err(f"{it['id']}: period {it['period']} not among reported months {d['reported_months']}")
    for f, t in texts.items():
        sp = sorted(spans.get(f, []))
        for a, b in zip(sp, sp[1:]):
            if b[0] < a[1]:
                err(f"{f}: items {a[2]} and {b[2]} overlap")
        lines, offs, idx = section_bounds(t)
        if not all(k in idx for k in ("res", "lim", "task", "end")):
            continue
        sec = {"results": (offs[idx["res"] + 1], offs[idx["lim"]]),
               "tasks": (offs[idx["task"] + 1], offs[idx["end"]])}
        for s, e, iid, kind in sp:
            lo, hi = sec[kind]
            if not (lo <= s and e <= hi):
                err(f"{f}: {iid} lies outside its {kind} section")
        cover = bytearray(len(t))
        for s, e, _, _ in sp:
            for k in range(s, e):
                cover[k] = 1
        for kind, (lo_line, hi_line) in (("results", (idx["res"] + 1, idx["lim"])),
                                         ("tasks", (idx["task"] + 1, idx["end"]))):
            for li in range(lo_line, hi_line):
                ln = lines[li]
                if not ln.strip():
                    continue
                o = offs[li]
                covered = any(cover[o:o + len(ln)])
                if not covered:
                    if ln.rstrip().endswith(":") or HEADING.match(ln.strip()):
                        continue  # heading or lead-in
                    err(f"{f}: unlabelled line in {kind}: {ln[:80]!r}")
                    continue
                residue = "".join("\0" if cover[o + k] else ch for k, ch in enumerate(ln))
                m = MARKER.match(residue)
                if m:
                    residue = residue[m.end():]
                left = residue.replace("\0", "").strip(" .;,")
                if left.strip(" .;,/"):
                    err(f"{f}: unlabelled text in {kind}: {left[:80]!r}")
        # counts
        nt = sum(1 for x in sp if x[3] == "tasks")
        nr = sum(1 for x in sp if x[3] == "results")
        if not (MIN_ITEMS <= nt <= MAX_ITEMS):
            err(f"{f}: {nt} tasks (want {MIN_ITEMS}-{MAX_ITEMS})")
        if not (nr == 0 or MIN_ITEMS <= nr <= MAX_ITEMS):
            err(f"{f}: {nr} results (want 0 or {MIN_ITEMS}-{MAX_ITEMS})")


def check_links(g):
    docs = {d["file"]: d for d in g.get("documents", [])}
    tasks = {t["id"]: t for t in g.get("tasks", [])}
    results = {r["id"]: r for r in g.get("results", [])}
    unit = lambda it: docs[it["file"]]["unit"]
    plan = lambda it: docs[it["file"]]["planned_period"]
    seen = set()
    for l in g.get("follow_through", []):
        key = ("ft", l["task"], l["result"])
        if key in seen:
            err(f"duplicate follow_through {l}")
        seen.add(key)
        t, r = tasks.get(l["task"]), results.get(l["result"])
        if not t or not r:
            err(f"follow_through refers to unknown ids {l}")
            continue
        if l["status"] not in FT_STATUS:
            err(f"follow_through {l['task']}->{l['result']}: status {l['status']!r}")
        if unit(t) != unit(r):
            err(f"follow_through {l['task']}->{l['result']}: across units")
        if not plan(r) > plan(t):
            err(f"follow_through {l['task']}->{l['result']}: not forward in time")
        if t["period"] not in docs[r["file"]]["reported_months"]:
            err(f"follow_through {l['task']}->{l['result']}: result document does not report on {t['period']}")
        if r["period"] < t["period"]:
            err(f"follow_through {l['task']}->{l['result']}: result period before task period")
    for l in g.get("carry_over", []):
        key = ("co", l["from"], l["to"])
        if key in seen:
            err(f"duplicate carry_over {l}")
        seen.add(key)
        a, b = tasks.get(l["from"]), tasks.get(l["to"])
        if not a or not b:
            err(f"carry_over refers to unknown task ids {l}")
            continue
        if l["kind"] not in CO_KINDS:
            err(f"carry_over {l['from']}->{l['to']}: kind {l['kind']!r}")
        if unit(a) != unit(b):
            err(f"carry_over {l['from']}->{l['to']}: across units")
        if not b["period"] > a["period"]:
            err(f"carry_over {l['from']}->{l['to']}: not forward in time")
    # gaps: exactly the tasks with neither link, outside each unit's last document
    last = {}
    for d in docs.values():
        u = d["unit"]
        if u not in last or d["planned_period"] > docs[last[u]]["planned_period"]:
            last[u] = d["file"]
    linked = {l["task"] for l in g.get("follow_through", [])} | {l["from"] for l in g.get("carry_over", [])}
    want = {i for i, t in tasks.items() if t["file"] != last[unit(t)] and i not in linked}
    got = list(g.get("gaps", []))
    if len(got) != len(set(got)):
        err("duplicate ids in gaps")
    for i in got:
        if i not in tasks:
            err(f"gap {i} is not a task")
    if set(got) != want:
        err(f"gaps differ: missing {sorted(want - set(got))}, extra {sorted(set(got) - want)}")
    # decoys never linked
    pairs = {(l["task"], l["result"]) for l in g.get("follow_through", [])} | {(l["from"], l["to"]) for l in g.get("carry_over", [])}
    decoys = [("cross_unit_decoys", p) for p in g.get("cross_unit_decoys", [])]
    wp = os.path.join(DIR, "_src", "within_unit_decoys.json")
    if os.path.exists(wp):
        decoys += [("within_unit_decoys", p) for p in json.load(open(wp, encoding="utf-8"))]
    allids = set(tasks) | set(results)
    for src, p in decoys:
        if len(p) != 2 or not all(x in allids for x in p):
            err(f"{src}: bad pair {p}")
            continue
        a, b = p
        if (a, b) in pairs or (b, a) in pairs:
            err(f"{src}: pair {p} is linked")
        if src == "cross_unit_decoys":
            items = {**tasks, **results}
            if unit(items[a]) == unit(items[b]):
                err(f"cross_unit_decoys: pair {p} is within one unit")


def main():
    g = load()
    check_form(g)
    if ERR:
        print("\n".join(ERR))
        sys.exit(1)
    texts = check_documents(g)
    check_items(g, texts)
    check_links(g)
    if ERR:
        print("\n".join(ERR))
        print(f"{len(ERR)} problem(s)")
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
