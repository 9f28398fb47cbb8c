#!/usr/bin/env python3
"""Check gold.json of the hand-gb series against its documents. Prints OK or the errors."""
import json, os, re, sys, unicodedata
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


FT_STATUS = {"done", "partial"}
CO_KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
NAME_RE = re.compile(r"^[a-z0-9-]+_(\d{4}-\d{2})\.txt$")
MONTH_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
NUM_RE = re.compile(r"^(\d+)\. ")
RES_HEAD = re.compile(r"^KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG")
LIM_HEAD = re.compile(r"^HẠN CHẾ, TỒN TẠI$")
TASK_HEAD = re.compile(r"^(\d+\. )?(PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG|Phương hướng, nhiệm vụ tháng) \d+ (NĂM|năm) \d{4}:?$")
END_HEAD = re.compile(r"^(Trên đây|Nơi nhận)")
SUBMONTH = re.compile(r"^Tháng (\d+) năm (\d{4}):$")
SENT_BREAK = re.compile(r"[.!?]\s+(\S)")


def load():
    with open(os.path.join(HERE, "gold.json"), encoding="utf-8") as fh:
        return json.load(fh)


def main():
    try:
        g = load()
    except Exception as e:  # noqa
        print(f"cannot read gold.json: {e}")
        sys.exit(1)

    # ---------------------------------------------------------------- form
    for key, typ in [("documents", list), ("tasks", list), ("results", list),
                     ("follow_through", list), ("carry_over", list), ("gaps", list),
                     ("cross_unit_decoys", list)]:
        if not isinstance(g.get(key), typ):
            err(f"gold.json: '{key}' missing or not a {typ.__name__}")
    if errors:
        report()
    for d in g["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err(f"document keys {sorted(d)}")
    for kind in ("tasks", "results"):
        for it in g[kind]:
            if set(it) != {"id", "file", "period", "text"}:
                err(f"{kind} item keys {sorted(it)}")
            if not isinstance(it.get("text"), str) or not it.get("text", "").strip():
                err(f"{kind} {it.get('id')}: empty text")
    for l in g["follow_through"]:
        if set(l) != {"task", "result", "status"}:
            err(f"follow_through keys {sorted(l)}")
    for l in g["carry_over"]:
        if set(l) != {"from", "to", "kind"}:
            err(f"carry_over keys {sorted(l)}")
    if errors:
        report()

    docs = {d["file"]: d for d in g["documents"]}
    if len(docs) != len(g["documents"]):
        err("duplicate document file")
    ids = Counter(i["id"] for i in g["tasks"] + g["results"])
    for i, c in ids.items():
        if c > 1:
            err(f"duplicate id {i}")
    tasks = {t["id"]: t for t in g["tasks"]}
    results = {r["id"]: r for r in g["results"]}

    # ---------------------------------------------------------------- file names, encoding
    on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if sorted(docs) != on_disk:
        err(f"documents {sorted(docs)} != .txt files on disk {on_disk}")
    texts = {}
    for f, d in docs.items():
        m = NAME_RE.match(f)
        if not m:
            err(f"{f}: bad file name")
            continue
        if m.group(1) != d["planned_period"]:
            err(f"{f}: name month {m.group(1)} != planned_period {d['planned_period']}")
        for mo in d["reported_months"] + [d["planned_period"]]:
            if not MONTH_RE.match(mo):
                err(f"{f}: bad month {mo}")
        if any(mo >= d["planned_period"] for mo in d["reported_months"]):
            err(f"{f}: a reported month is not before the planned period")
        path = os.path.join(HERE, f)
        if not os.path.exists(path):
            err(f"{f}: missing")
            continue
        raw = open(path, "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{f}: BOM")
        if b"\r" in raw:
            err(f"{f}: CR line ends")
        try:
            s = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            err(f"{f}: not UTF-8 ({e})")
            continue
        if unicodedata.normalize("NFC", s) != s:
            err(f"{f}: not NFC")
        texts[f] = s

    # ---------------------------------------------------------------- substrings, overlaps
    spans = defaultdict(list)  # file -> [(start, end, id, kind)]
    for kind, coll in (("task", g["tasks"]), ("result", g["results"])):
        for it in coll:
            f = it["file"]
            if f not in texts:
                err(f"{it['id']}: unknown file {f}")
                continue
            if unicodedata.normalize("NFC", it["text"]) != it["text"]:
                err(f"{it['id']}: text not NFC")
            c = texts[f].count(it["text"])
            if c != 1:
                err(f"{it['id']}: text occurs {c} times in {f}")
                continue
            st = texts[f].index(it["text"])
            spans[f].append((st, st + len(it["text"]), it["id"], kind))
            if "\n" in it["text"]:
                err(f"{it['id']}: text spans lines")
            m = SENT_BREAK.search(it["text"])
            if m and m.group(1).isupper():
                err(f"{it['id']}: more than one sentence in one item")
    for f, sp in spans.items():
        sp.sort()
        for a, b in zip(sp, sp[1:]):
            if b[0] < a[1]:
                err(f"{f}: items {a[2]} and {b[2]} overlap")

    # ---------------------------------------------------------------- sections and coverage
    numbers = {}  # task id -> clerk's point number
    for f, s in texts.items():
        d = docs[f]
        lines = s.split("\n")
        off = 0
        section = None
        sub_period = None
        expect_n = 1
        seen = {"results": False, "limits": False, "tasks": False}
        line_spans = []
        for ln in lines:
            start, end = off, off + len(ln)
            off = end + 1
            nm = NUM_RE.match(ln)
            if nm:
                if int(nm.group(1)) != expect_n:
                    err(f"{f}: point numbering jumps to {nm.group(1)} (expected {expect_n})")
                expect_n = int(nm.group(1)) + 1
            if RES_HEAD.match(ln):
                section = "results"; seen["results"] = True
                for mo in d["reported_months"]:
                    if f"THÁNG {int(mo[5:])}" not in ln and f"THÁNG {mo[5:]}" not in ln:
                        err(f"{f}: results heading does not name month {mo}")
                continue
            if LIM_HEAD.match(ln):
                section = "limits"; seen["limits"] = True
                continue
            if TASK_HEAD.match(ln):
                section = "tasks"; seen["tasks"] = True
                if f"háng {int(d['planned_period'][5:])} " not in ln and f"HÁNG {int(d['planned_period'][5:])} " not in ln:
                    err(f"{f}: task heading does not name the planned month")
                continue
            if END_HEAD.match(ln):
                section = None
                continue
            if section in ("results", "tasks"):
                sm = SUBMONTH.match(ln)
                if sm and section == "results":
                    sub_period = f"{sm.group(2)}-{int(sm.group(1)):02d}"
                    if sub_period not in d["reported_months"]:
                        err(f"{f}: sub-heading month {sub_period} not reported")
                    continue
                if not ln.strip():
                    continue
                if not nm:
                    if ln.rstrip().endswith(":"):
                        continue  # lead-in
                    err(f"{f}: unnumbered, unlabelled line in {section}: {ln[:60]!r}")
                    continue
                cstart = start + len(nm.group(0))
                covered = [sp for sp in spans.get(f, []) if sp[0] >= start and sp[1] <= end]
                want = "result" if section == "results" else "task"
                for sp in covered:
                    if sp[3] != want:
                        err(f"{f}: {sp[2]} ({sp[3]}) sits in the {section} section")
                    if sp[3] == "task":
                        numbers[sp[2]] = int(nm.group(1))
                    if sp[3] == "result" and sub_period and results[sp[2]]["period"] != sub_period:
                        err(f"{sp[2]}: period {results[sp[2]]['period']} but under sub-heading {sub_period}")
                mask = [False] * (end - cstart)
                for sp in covered:
                    for i in range(sp[0], sp[1]):
                        mask[i - cstart] = True
                for i, ch in enumerate(s[cstart:end]):
                    if not mask[i] and not ch.isspace():
                        err(f"{f}: unlabelled text in {section}: {s[cstart:end][i:i+50]!r}")
                        break
                line_spans.extend(covered)
        for k, v in seen.items():
            if not v and not (k == "results" and not d["reported_months"]):
                err(f"{f}: no {k} section found")
        for sp in spans.get(f, []):
            if sp not in line_spans:
                err(f"{sp[2]}: not inside a numbered line of its section")
        # title
        head = s[:800]
        pm = int(d["planned_period"][5:])
        if not re.search(rf"phương hướng, nhiệm vụ tháng 0?{pm} năm {d['planned_period'][:4]}", head):
            err(f"{f}: title does not name planned month")
        for mo in d["reported_months"]:
            if not re.search(rf"kết quả thực hiện nhiệm vụ tháng[^\n]*\b0?{int(mo[5:])}\b", head):
                err(f"{f}: title does not name reported month {mo}")
        if "ĐẢNG CỘNG SẢN VIỆT NAM" not in head or not re.search(r"Số \d+-BC/ĐU", head):
            err(f"{f}: header incomplete")

    # ---------------------------------------------------------------- counts and periods
    per_doc = defaultdict(lambda: [0, 0])
    for t in g["tasks"]:
        if t["file"] not in docs:
            continue
        per_doc[t["file"]][0] += 1
        if t["period"] != docs[t["file"]]["planned_period"]:
            err(f"{t['id']}: period {t['period']} != planned_period of {t['file']}")
    for r in g["results"]:
        if r["file"] not in docs:
            continue
        per_doc[r["file"]][1] += 1
        if r["period"] not in docs[r["file"]]["reported_months"]:
            err(f"{r['id']}: period {r['period']} not reported by {r['file']}")
    for f in docs:
        nt, nr = per_doc[f]
        if not 10 <= nt <= 18:
            err(f"{f}: {nt} tasks (need 10-18)")
        if not (10 <= nr <= 18 or (nr == 0 and not docs[f]["reported_months"])):
            err(f"{f}: {nr} results (need 10-18)")

    # ---------------------------------------------------------------- links
    def unit(i):
        it = tasks.get(i) or results.get(i)
        return docs[it["file"]]["unit"]

    def dperiod(i):
        it = tasks.get(i) or results.get(i)
        return docs[it["file"]]["planned_period"]

    by_unit = defaultdict(list)
    for d in g["documents"]:
        by_unit[d["unit"]].append(d)
    for u in by_unit:
        by_unit[u].sort(key=lambda d: d["planned_period"])

    seen_links = set()
    for l in g["follow_through"]:
        t, r = l["task"], l["result"]
        if t not in tasks or r not in results:
            err(f"follow_through {t}->{r}: unknown id")
            continue
        if (t, r) in seen_links:
            err(f"follow_through {t}->{r}: duplicate")
        seen_links.add((t, r))
        if l["status"] not in FT_STATUS:
            err(f"follow_through {t}->{r}: status {l['status']}")
        if unit(t) != unit(r):
            err(f"follow_through {t}->{r}: crosses units")
        if dperiod(r) <= dperiod(t):
            err(f"follow_through {t}->{r}: not forward in time")
        if results[r]["period"] != tasks[t]["period"]:
            err(f"follow_through {t}->{r}: result reports {results[r]['period']}, task is for {tasks[t]['period']}")
        first = next((d for d in by_unit[unit(t)] if tasks[t]["period"] in d["reported_months"]), None)
        if first is None or first["file"] != results[r]["file"]:
            err(f"follow_through {t}->{r}: result not in the first document reporting {tasks[t]['period']}")
        m = re.match(r"Nhiệm vụ (\d+)\b", results[r]["text"])
        if m and numbers.get(t) != int(m.group(1)):
            err(f"follow_through {t}->{r}: result names task {m.group(1)}, but {t} is point {numbers.get(t)}")
    for r in results.values():
        m = re.match(r"Nhiệm vụ (\d+)\b", r["text"])
        if m and not any(l["result"] == r["id"] for l in g["follow_through"]):
            err(f"{r['id']}: names a task number but is not linked")
    seen_co = set()
    for l in g["carry_over"]:
        a, b = l["from"], l["to"]
        if a not in tasks or b not in tasks:
            err(f"carry_over {a}->{b}: unknown task id")
            continue
        if (a, b) in seen_co:
            err(f"carry_over {a}->{b}: duplicate")
        seen_co.add((a, b))
        if l["kind"] not in CO_KINDS:
            err(f"carry_over {a}->{b}: kind {l['kind']}")
        if unit(a) != unit(b):
            err(f"carry_over {a}->{b}: crosses units")
        if tasks[b]["period"] <= tasks[a]["period"]:
            err(f"carry_over {a}->{b}: not forward in time")
    split_from = Counter(l["from"] for l in g["carry_over"] if l["kind"] == "split")
    for a, c in split_from.items():
        if c < 2:
            err(f"carry_over split from {a} has only one part")

    # ---------------------------------------------------------------- gaps
    linked = {l["task"] for l in g["follow_through"]} | {l["from"] for l in g["carry_over"]}
    last_file = {u: ds[-1]["file"] for u, ds in by_unit.items()}
    want_gaps = {t["id"] for t in g["tasks"]
                 if t["id"] not in linked and t["file"] != last_file[docs[t["file"]]["unit"]]}
    got_gaps = set(g["gaps"])
    if len(got_gaps) != len(g["gaps"]):
        err("duplicate gap ids")
    for x in sorted(got_gaps - want_gaps):
        err(f"gap {x} is linked, unknown, or in a last document")
    for x in sorted(want_gaps - got_gaps):
        err(f"task {x} has no link but is not listed as a gap")

    # ---------------------------------------------------------------- decoys
    all_links = {(l["task"], l["result"]) for l in g["follow_through"]} | \
                {(l["from"], l["to"]) for l in g["carry_over"]}
    for pair in g["cross_unit_decoys"]:
        if len(pair) != 2 or any(p not in tasks and p not in results for p in pair):
            err(f"decoy {pair}: bad pair")
            continue
        a, b = pair
        if unit(a) == unit(b):
            err(f"decoy {pair}: same unit")
        if (a, b) in all_links or (b, a) in all_links:
            err(f"decoy {pair}: linked")
    if len(by_unit) < 2 and g["cross_unit_decoys"]:
        err("cross_unit_decoys given for a one-unit series")

    report()


def report():
    if errors:
        for e in errors:
            print("ERROR:", e)
        print(f"{len(errors)} error(s)")
        sys.exit(1)
    print("OK")
    sys.exit(0)


if __name__ == "__main__":
    main()
