#!/usr/bin/env python3
"""Check gold.json of this folder against the documents beside it. Prints OK or the problems."""
import json
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
NAME = re.compile(r"^[a-z0-9-]+_(\d{4})-(\d{2})\.txt$")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
errors = []


def err(msg):
    errors.append(msg)


def ym_prev(ym):
    y, m = map(int, ym.split("-"))
    y, m = (y - 1, 12) if m == 1 else (y, m - 1)
    return f"{y:04d}-{m:02d}"


def sentences(line):
    """Split a paragraph at '.', '!' or '?' + space + upper-case letter or digit."""
    out, start, i = [], 0, 0
    while i < len(line):
        ch = line[i]
        if ch in ".!?" and i + 2 <= len(line) - 1 and line[i + 1] == " " and (line[i + 2].isupper() or line[i + 2].isdigit()):
            out.append(line[start:i + 1].strip())
            start = i + 2
        i += 1
    tail = line[start:].strip()
    if tail:
        out.append(tail)
    return out


def sections(text):
    """Return (results_lines, tasks_lines) by the headings I. / II. / III. / 'Trên đây'."""
    lines = text.split("\n")
    idx = {}
    for n, l in enumerate(lines):
        if l.startswith("I. ") and "I" not in idx:
            idx["I"] = n
        elif l.startswith("II. ") and "II" not in idx:
            idx["II"] = n
        elif l.startswith("III. NHIỆM VỤ") and "III" not in idx:
            idx["III"] = n
        elif l.startswith("Trên đây") and "END" not in idx:
            idx["END"] = n
    for k in ("I", "II", "III", "END"):
        if k not in idx:
            return None, None, f"section {k} missing"
    if not idx["I"] < idx["II"] < idx["III"] < idx["END"]:
        return None, None, "sections out of order"
    return lines[idx["I"] + 1:idx["II"]], lines[idx["III"] + 1:idx["END"]], None


def main():
    path = os.path.join(HERE, "gold.json")
    try:
        gold = json.load(open(path, encoding="utf-8"))
    except Exception as e:  # noqa
        print(f"FAIL: gold.json unreadable: {e}")
        return 1
    # ---- form
    for key, typ in (("documents", list), ("tasks", list), ("results", list),
                     ("follow_through", list), ("carry_over", list), ("gaps", list)):
        if not isinstance(gold.get(key), typ):
            err(f"form: '{key}' missing or not a {typ.__name__}")
    decoys = gold.get("cross_unit_decoys", [])
    if errors:
        print("\n".join(errors)); return 1
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err(f"form: document keys {sorted(d)}")
    for it in gold["tasks"] + gold["results"]:
        if set(it) != {"id", "file", "period", "text"}:
            err(f"form: item keys {sorted(it)}")
    for l in gold["follow_through"]:
        if set(l) != {"task", "result", "status"}:
            err(f"form: follow_through keys {sorted(l)}")
    for l in gold["carry_over"]:
        if set(l) != {"from", "to", "kind"}:
            err(f"form: carry_over keys {sorted(l)}")

    docs = {d["file"]: d for d in gold["documents"]}
    if len(docs) != len(gold["documents"]):
        err("duplicate document files")
    # ---- files on disk vs documents
    on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if sorted(docs) != on_disk:
        err(f"documents {sorted(docs)} != .txt files {on_disk}")
    texts = {}
    for f, d in docs.items():
        m = NAME.match(f)
        if not m:
            err(f"{f}: bad file name"); continue
        if f"{m.group(1)}-{m.group(2)}" != d["planned_period"]:
            err(f"{f}: name month != planned_period {d['planned_period']}")
        raw = open(os.path.join(HERE, f), "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{f}: BOM")
        if b"\r" in raw:
            err(f"{f}: CR line ends")
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError:
            err(f"{f}: not UTF-8"); continue
        if unicodedata.normalize("NFC", t) != t:
            err(f"{f}: not NFC")
        texts[f] = t
        # periods agree with the document
        rm = d["reported_months"]
        if rm != [ym_prev(d["planned_period"])]:
            err(f"{f}: reported_months {rm} is not the month before {d['planned_period']}")
        pm = int(d["planned_period"][5:])
        rmon = int(rm[0][5:])
        head = t[:1500]
        if f"Tình hình kinh tế - xã hội, quốc phòng - an ninh tháng {rmon} " not in head:
            err(f"{f}: title does not name reported month {rmon}")
        if f"nhiệm vụ trọng tâm tháng {pm} năm" not in head:
            err(f"{f}: title does not name planned month {pm}")
        dm = re.search(r"ngày (\d{2}) tháng (\d{1,2}) năm (\d{4})", head)
        if not dm or f"{dm.group(3)}-{int(dm.group(2)):02d}" != d["planned_period"] or int(dm.group(1)) > 10:
            err(f"{f}: date line not early in the planned month")
        if f"III. NHIỆM VỤ TRỌNG TÂM THÁNG {pm} NĂM" not in t:
            err(f"{f}: tasks heading does not name month {pm}")
    # ---- units, order
    units = defaultdict(list)
    for d in gold["documents"]:
        units[d["unit"]].append(d["planned_period"])
    last_of_unit = {u: max(p) for u, p in units.items()}

    # ---- items
    items = {}
    for kind, lst in (("task", gold["tasks"]), ("result", gold["results"])):
        for it in lst:
            if it["id"] in items:
                err(f"duplicate id {it['id']}")
            items[it["id"]] = (kind, it)
            if it["file"] not in docs:
                err(f"{it['id']}: unknown file"); continue
            d = docs[it["file"]]
            want = d["planned_period"] if kind == "task" else None
            if kind == "task" and it["period"] != want:
                err(f"{it['id']}: period {it['period']} != planned {want}")
            if kind == "result" and it["period"] not in d["reported_months"]:
                err(f"{it['id']}: period {it['period']} not in reported months")
            if it["text"] != unicodedata.normalize("NFC", it["text"]) or it["text"] != it["text"].strip():
                err(f"{it['id']}: text not NFC/stripped")
    spans = defaultdict(list)
    for iid, (kind, it) in items.items():
        t = texts.get(it["file"])
        if t is None:
            continue
        c = t.count(it["text"])
        if c != 1:
            err(f"{iid}: text occurs {c} times in {it['file']}")
            continue
        s = t.index(it["text"])
        spans[it["file"]].append((s, s + len(it["text"]), iid))
    for f, sp in spans.items():
        sp.sort()
        for a, b in zip(sp, sp[1:]):
            if b[0] < a[1]:
                err(f"{f}: {a[2]} overlaps {b[2]}")

    # ---- every sentence / bullet of the sections labelled; counts
    for f, t in texts.items():
        res_lines, task_lines, problem = sections(t)
        if problem:
            err(f"{f}: {problem}"); continue
        want_r = Counter()
        for l in res_lines:
            l = l.strip()
            if not l or not l.endswith("."):
                continue  # blank line or sector heading
            for s in sentences(l):
                want_r[s] += 1
        want_t = Counter()
        for l in task_lines:
            l = l.strip()
            m = re.match(r"^(\d+)\. (.+)$", l)
            if m:
                want_t[m.group(2)] += 1
            elif l and not (l.startswith("Các sở, ban, ngành") or l.startswith("Giao ")):
                err(f"{f}: unexpected line in tasks section: {l[:60]}")
        have_t = Counter(it["text"] for k, it in items.values() if it["file"] == f and k == "task")
        have_r = Counter(it["text"] for k, it in items.values() if it["file"] == f and k == "result")
        for s in want_r - have_r:
            err(f"{f}: result sentence not labelled: {s[:70]}")
        for s in have_r - want_r:
            err(f"{f}: labelled result is not a sentence of the results section: {s[:70]}")
        for s in want_t - have_t:
            err(f"{f}: task bullet not labelled: {s[:70]}")
        for s in have_t - want_t:
            err(f"{f}: labelled task is not a bullet of the tasks section: {s[:70]}")
        nt, nr = sum(have_t.values()), sum(have_r.values())
        if not 10 <= nt <= 18:
            err(f"{f}: {nt} tasks (want 10..18)")
        if not (10 <= nr <= 18):
            err(f"{f}: {nr} results (want 10..18)")
        # task numbering 1..n in order
        nums = [int(re.match(r"^(\d+)\. ", l.strip()).group(1)) for l in task_lines if re.match(r"^(\d+)\. ", l.strip())]
        if nums != list(range(1, len(nums) + 1)):
            err(f"{f}: task numbering {nums}")

    # ---- links
    def doc_of(iid):
        return docs[items[iid][1]["file"]]

    linked = set()
    seen = set()
    for l in gold["follow_through"]:
        t, r = l["task"], l["result"]
        if (t, r) in seen:
            err(f"duplicate follow_through {t}->{r}")
        seen.add((t, r))
        if items.get(t, ("", None))[0] != "task" or items.get(r, ("", None))[0] != "result":
            err(f"follow_through {t}->{r}: unknown or wrong kind"); continue
        if l["status"] not in STATUSES:
            err(f"follow_through {t}->{r}: status {l['status']}")
        dt, dr = doc_of(t), doc_of(r)
        if dt["unit"] != dr["unit"]:
            err(f"follow_through {t}->{r}: across units")
        if not dr["planned_period"] > dt["planned_period"]:
            err(f"follow_through {t}->{r}: not forward in time")
        if items[r][1]["period"] != items[t][1]["period"]:
            err(f"follow_through {t}->{r}: result reports on {items[r][1]['period']}, task planned for {items[t][1]['period']}")
        linked.add(t)
    seen = set()
    for l in gold["carry_over"]:
        a, b = l["from"], l["to"]
        if (a, b) in seen:
            err(f"duplicate carry_over {a}->{b}")
        seen.add((a, b))
        if items.get(a, ("", None))[0] != "task" or items.get(b, ("", None))[0] != "task":
            err(f"carry_over {a}->{b}: unknown or not tasks"); continue
        if l["kind"] not in KINDS:
            err(f"carry_over {a}->{b}: kind {l['kind']}")
        if doc_of(a)["unit"] != doc_of(b)["unit"]:
            err(f"carry_over {a}->{b}: across units")
        if not items[b][1]["period"] > items[a][1]["period"]:
            err(f"carry_over {a}->{b}: not forward in time")
        linked.add(a)
    # ---- gaps
    want_gaps = set()
    for iid, (kind, it) in items.items():
        if kind != "task":
            continue
        d = docs[it["file"]]
        if d["planned_period"] != last_of_unit[d["unit"]] and iid not in linked:
            want_gaps.add(iid)
    got = gold["gaps"]
    if len(got) != len(set(got)):
        err("duplicate gaps")
    if set(got) != want_gaps:
        err(f"gaps differ: missing {sorted(want_gaps - set(got))}, extra {sorted(set(got) - want_gaps)}")
    # ---- decoys
    if not isinstance(decoys, list):
        err("cross_unit_decoys not a list")
    else:
        pairs = {(l["task"], l["result"]) for l in gold["follow_through"]} | {(l["from"], l["to"]) for l in gold["carry_over"]}
        for p in decoys:
            if not (isinstance(p, list) and len(p) == 2 and all(x in items for x in p)):
                err(f"bad decoy {p}"); continue
            a, b = p
            if doc_of(a)["unit"] == doc_of(b)["unit"]:
                err(f"decoy {p}: same unit")
            if (a, b) in pairs or (b, a) in pairs:
                err(f"decoy {p}: linked")
    if len(units) < 2 and decoys:
        err("decoys given but only one unit")

    if errors:
        print("\n".join(errors))
        print(f"FAIL ({len(errors)} problems)")
        return 1
    st = Counter(l["status"] for l in gold["follow_through"])
    kd = Counter(l["kind"] for l in gold["carry_over"])
    print(f"documents {len(docs)}, tasks {len(gold['tasks'])}, results {len(gold['results'])}, "
          f"follow_through {len(gold['follow_through'])} {dict(st)}, carry_over {len(gold['carry_over'])} {dict(kd)}, "
          f"gaps {len(gold['gaps'])}, decoys {len(decoys)}")
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
