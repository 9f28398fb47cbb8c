#!/usr/bin/env python3
"""Check gold.json of this folder against its documents.  Prints OK or the problems.

Checks: the form of gold.json; file names; UTF-8 (no BOM), NFC, \\n line ends;
every text an exact unique substring of its file; no overlapping items; every
sentence/bullet of the results and tasks sections labelled (headings and
lead-ins skipped); 10-18 tasks and 10-18 results per document (0 results
allowed); periods agree with file names, titles and section headings; links
within one unit, forward in time, to the first document reporting the month;
allowed statuses and kinds; gaps exactly the unlinked tasks of non-last
documents; decoys never linked.
"""
import json
import pathlib
import re
import sys
import unicodedata

HERE = pathlib.Path(__file__).resolve().parent
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
FNAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4})-(\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
errors = []


def err(msg):
    errors.append(msg)


def low(s):
    return s.lower()


def classify(heading):
    """Section opened by a heading line, or None when it opens none."""
    h = low(heading)
    plan = "nhiệm vụ trọng tâm" in h or "phương hướng" in h
    if "hạn chế" in h or "tồn tại" in h:
        return "limit"
    if "kết quả" in h and not plan:
        return "results"
    if plan and "kết quả" not in h:
        return "tasks"
    if "kết quả" in h and plan:
        return "title"
    return None


MARKER = re.compile(r"^\s*(?:[-+•*]|\(\d+\)|\d+\.|[a-zđ]\))\s*")


def sections(text):
    """Yield (line_start, line, section, heading) for each line of the body."""
    pos = 0
    section, heading = None, None
    closed = False
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        s = line.strip()
        if closed:
            yield start, line, "after", None
            continue
        if s.startswith("Giao ") or s.startswith("Nơi nhận"):
            closed = True
            section = "after"
            yield start, line, "after", None
            continue
        if not s:
            yield start, line, section, heading
            continue
        is_heading = not s.endswith((".", ";", ":", ",")) and len(s) < 200
        if is_heading:
            c = classify(s)
            if c in ("results", "tasks", "limit"):
                section, heading = c, s
            elif c == "title":
                section, heading = None, None
            yield start, line, "heading", heading
            continue
        yield start, line, section, heading


def main():
    gold_path = HERE / "gold.json"
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except Exception as e:  # noqa: BLE001
        print(f"cannot read gold.json: {e}")
        sys.exit(1)

    # ---- form
    for key, typ in (("documents", list), ("tasks", list), ("results", list),
                     ("follow_through", list), ("carry_over", list), ("gaps", list)):
        if not isinstance(gold.get(key), typ):
            err(f"gold.json: '{key}' missing or not a {typ.__name__}")
    if errors:
        finish()
    decoys = gold.get("cross_unit_decoys", [])
    if not isinstance(decoys, list):
        err("cross_unit_decoys is not a list")
        decoys = []
    extra = set(gold) - {"documents", "tasks", "results", "follow_through", "carry_over",
                         "gaps", "cross_unit_decoys"}
    if extra:
        err(f"unknown keys {sorted(extra)}")

    docs = {}
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err(f"document fields {sorted(d)}")
            continue
        if d["file"] in docs:
            err(f"document listed twice: {d['file']}")
        docs[d["file"]] = d
    for key in ("tasks", "results"):
        for it in gold[key]:
            if set(it) != {"id", "file", "period", "text"}:
                err(f"{key} item fields {sorted(it)}")
    for f in gold["follow_through"]:
        if set(f) != {"task", "result", "status"}:
            err(f"follow_through fields {sorted(f)}")
    for c in gold["carry_over"]:
        if set(c) != {"from", "to", "kind"}:
            err(f"carry_over fields {sorted(c)}")
    if errors:
        finish()

    # ---- files
    texts = {}
    on_disk = sorted(p.name for p in HERE.glob("*.txt"))
    if sorted(docs) != on_disk:
        err(f"documents {sorted(docs)} differ from .txt files on disk {on_disk}")
    for name, d in docs.items():
        m = FNAME.match(name)
        if not m:
            err(f"bad file name {name}")
            continue
        if f"{m.group(2)}-{m.group(3)}" != d["planned_period"]:
            err(f"{name}: name month differs from planned_period {d['planned_period']}")
        if not MONTH.match(d["planned_period"]):
            err(f"{name}: bad planned_period")
        if not d["reported_months"] or not all(MONTH.match(x) for x in d["reported_months"]):
            err(f"{name}: bad reported_months")
        if any(x >= d["planned_period"] for x in d["reported_months"]):
            err(f"{name}: a reported month is not before the planned month")
        raw = (HERE / name).read_bytes()
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{name}: BOM")
        if b"\r" in raw:
            err(f"{name}: CR line ends")
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            err(f"{name}: not UTF-8 ({e})")
            continue
        if unicodedata.normalize("NFC", t) != t:
            err(f"{name}: not NFC")
        if "{{" in t or "}}" in t:
            err(f"{name}: hand marks left in the text")
        texts[name] = t

    # ---- title agrees with the periods
    for name, t in texts.items():
        d = docs[name]
        title = next((ln for ln in t.split("\n") if ln.startswith("về ")), None)
        if title is None:
            err(f"{name}: no title line starting 'về '")
            continue
        nums = {int(x) for x in re.findall(r"tháng (\d{1,2})", title)}
        for mth in d["reported_months"] + [d["planned_period"]]:
            if int(mth[5:]) not in nums:
                err(f"{name}: title '{title}' does not name month {mth}")
        for y in {mth[:4] for mth in d["reported_months"] + [d["planned_period"]]}:
            if y not in title and y not in t[:400]:
                err(f"{name}: year {y} not in title/header")

    # ---- items
    ids = {}
    spans = {name: [] for name in texts}
    for key in ("tasks", "results"):
        for it in gold[key]:
            if it["id"] in ids:
                err(f"duplicate id {it['id']}")
            ids[it["id"]] = (key, it)
            if it["file"] not in texts:
                err(f"{it['id']}: unknown file {it['file']}")
                continue
            t = texts[it["file"]]
            if not it["text"].strip():
                err(f"{it['id']}: empty text")
                continue
            n = t.count(it["text"])
            if n != 1:
                err(f"{it['id']}: text found {n} times in {it['file']}")
                continue
            s = t.index(it["text"])
            spans[it["file"]].append((s, s + len(it["text"]), it["id"], key))
            if unicodedata.normalize("NFC", it["text"]) != it["text"]:
                err(f"{it['id']}: text not NFC")
            # one item = one sentence or bullet: no inner sentence end, a final stop
            if re.search(r"[.!?]\s+[A-ZĐÀ-Ỹ0-9(“]", it["text"]):
                err(f"{it['id']}: holds more than one sentence")
            if not it["text"].rstrip().endswith((".", ";")):
                err(f"{it['id']}: does not end a sentence")
    for name, sp in spans.items():
        sp.sort()
        for a, b in zip(sp, sp[1:]):
            if b[0] < a[1]:
                err(f"{name}: items {a[2]} and {b[2]} overlap")

    # ---- every sentence/bullet of results and tasks sections is labelled,
    #      items sit in the right section, periods agree with headings
    for name, t in texts.items():
        d = docs[name]
        sp = spans[name]
        seen_sections = set()
        for start, line, section, heading in sections(t):
            end = start + len(line)
            inside = [x for x in sp if x[0] >= start and x[1] <= end]
            crossing = [x for x in sp if x[0] < end and x[1] > start and x not in inside]
            for x in crossing:
                err(f"{name}: item {x[2]} crosses a line end")
            if section in ("results", "tasks"):
                seen_sections.add(section)
                s = line.strip()
                if s.endswith(":"):
                    if inside:
                        err(f"{name}: lead-in line holds items: {s[:50]}")
                    continue
                rest = line
                for a, b, _, _ in sorted(inside, reverse=True):
                    rest = rest[:a - start] + " " + rest[b - start:]
                rest = MARKER.sub("", rest).strip()
                if rest:
                    err(f"{name}: unlabelled text in {section} section: '{rest[:70]}'")
                for a, b, iid, key in inside:
                    if key != section:
                        err(f"{name}: {iid} ({key}) sits in a {section} section")
                    if key == "results":
                        months = {int(x) for x in re.findall(r"tháng (\d{1,2})", low(heading or ""))}
                        per = ids[iid][1]["period"]
                        if months and int(per[5:]) not in months:
                            err(f"{name}: {iid} period {per} but heading '{heading}'")
            else:
                for x in inside:
                    err(f"{name}: item {x[2]} outside results/tasks sections")
        if "tasks" not in seen_sections:
            err(f"{name}: no tasks section found")
        nt = sum(1 for x in sp if x[3] == "tasks")
        nr = sum(1 for x in sp if x[3] == "results")
        if not 10 <= nt <= 18:
            err(f"{name}: {nt} tasks (want 10-18)")
        if not (nr == 0 or 10 <= nr <= 18):
            err(f"{name}: {nr} results (want 10-18 or 0)")

    # ---- periods
    for key, it in ids.values():
        if it["file"] not in docs:
            continue
        d = docs[it["file"]]
        if key == "tasks" and it["period"] != d["planned_period"]:
            err(f"{it['id']}: period {it['period']} is not the planned period")
        if key == "results" and it["period"] not in d["reported_months"]:
            err(f"{it['id']}: period {it['period']} not among reported months")

    # ---- links
    def doc_of(iid):
        return docs[ids[iid][1]["file"]]

    def first_reporting(unit, month):
        cands = sorted((x["planned_period"], x["file"]) for x in docs.values()
                       if x["unit"] == unit and month in x["reported_months"])
        return cands[0][1] if cands else None

    ft_tasks, co_from = set(), set()
    linked_pairs = set()
    seen_ft = set()
    for f in gold["follow_through"]:
        tk, rs = f["task"], f["result"]
        if ids.get(tk, (None,))[0] != "tasks":
            err(f"follow_through: {tk} is not a task")
            continue
        if ids.get(rs, (None,))[0] != "results":
            err(f"follow_through: {rs} is not a result")
            continue
        if (tk, rs) in seen_ft:
            err(f"follow_through {tk}->{rs} twice")
        seen_ft.add((tk, rs))
        if f["status"] not in STATUSES:
            err(f"follow_through {tk}->{rs}: status {f['status']}")
        dt, dr = doc_of(tk), doc_of(rs)
        if dt["unit"] != dr["unit"]:
            err(f"follow_through {tk}->{rs} crosses units")
        if not dr["planned_period"] > dt["planned_period"]:
            err(f"follow_through {tk}->{rs} is not forward in time")
        tper, rper = ids[tk][1]["period"], ids[rs][1]["period"]
        if tper != rper:
            err(f"follow_through {tk}->{rs}: result reports {rper}, task planned {tper}")
        if first_reporting(dt["unit"], tper) != dr["file"]:
            err(f"follow_through {tk}->{rs}: not in the first document reporting {tper}")
        ft_tasks.add(tk)
        linked_pairs.add(frozenset((tk, rs)))
    seen_co = set()
    for c in gold["carry_over"]:
        a, b = c["from"], c["to"]
        if ids.get(a, (None,))[0] != "tasks" or ids.get(b, (None,))[0] != "tasks":
            err(f"carry_over {a}->{b}: both ends must be tasks")
            continue
        if (a, b) in seen_co:
            err(f"carry_over {a}->{b} twice")
        seen_co.add((a, b))
        if c["kind"] not in KINDS:
            err(f"carry_over {a}->{b}: kind {c['kind']}")
        da, db = doc_of(a), doc_of(b)
        if da["unit"] != db["unit"]:
            err(f"carry_over {a}->{b} crosses units")
        if not db["planned_period"] > da["planned_period"]:
            err(f"carry_over {a}->{b} is not forward in time")
        if c["kind"] == "unfinished" and ids[a][1]["text"].strip(" .;") != ids[b][1]["text"].strip(" .;"):
            # 'unfinished' here means the same wording planned again
            err(f"carry_over {a}->{b}: kind unfinished but the wording differs")
        co_from.add(a)
        linked_pairs.add(frozenset((a, b)))

    # ---- gaps
    last = {}
    for d in docs.values():
        if d["unit"] not in last or d["planned_period"] > last[d["unit"]]:
            last[d["unit"]] = d["planned_period"]
    want = set()
    for key, it in ids.values():
        if key != "tasks":
            continue
        d = docs.get(it["file"])
        if d is None:
            continue
        later_reports = any(x["unit"] == d["unit"] and it["period"] in x["reported_months"]
                            for x in docs.values())
        if d["planned_period"] == last[d["unit"]]:
            continue
        if not later_reports:
            err(f"{it['id']}: no later document reports {it['period']} (would be pending)")
        if it["id"] not in ft_tasks and it["id"] not in co_from:
            want.add(it["id"])
    got = set(gold["gaps"])
    if len(got) != len(gold["gaps"]):
        err("gaps listed twice")
    for g in sorted(got - want):
        err(f"gap {g} is linked, in a last document, or not a task")
    for g in sorted(want - got):
        err(f"task {g} has no link and is not listed as a gap")

    # ---- decoys
    units = {d["unit"] for d in docs.values()}
    if decoys and len(units) < 2:
        err("cross_unit_decoys given but only one unit")
    for pair in decoys:
        if not (isinstance(pair, list) and len(pair) == 2 and all(p in ids for p in pair)):
            err(f"bad decoy pair {pair}")
            continue
        if doc_of(pair[0])["unit"] == doc_of(pair[1])["unit"]:
            err(f"decoy pair {pair} within one unit")
        if frozenset(pair) in linked_pairs:
            err(f"decoy pair {pair} is linked")

    finish()


def finish():
    if errors:
        for e in errors:
            print("ERROR:", e)
        print(f"{len(errors)} problem(s)")
        sys.exit(1)
    print("OK")
    sys.exit(0)


if __name__ == "__main__":
    main()
