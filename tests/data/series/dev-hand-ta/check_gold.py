#!/usr/bin/env python3
"""Check gold.json of the hand-ta series against its documents. Prints OK or the errors."""
import json, os, re, sys, unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ERR = []
def err(msg): ERR.append(msg)

MONTH_WORD = {1: "Một", 2: "Hai", 3: "Ba", 4: "Tư", 5: "Năm", 6: "Sáu", 7: "Bảy",
              8: "Tám", 9: "Chín", 10: "Mười", 11: "Mười Một", 12: "Mười Hai"}
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
FNAME = re.compile(r"^[a-z0-9-]+_(\d{4}-\d{2})\.txt$")
PERIOD = re.compile(r"^\d{4}-\d{2}$")

# layout of this series: (results start, limitations start, tasks start, tasks end)
SEC_RES = ("PHẦN MỘT", "◼ GHI NHẬN")
SEC_LIM = ("PHẦN HAI", "◼ ĐIỂM CẦN")
SEC_TASK = ("PHẦN BA", "◼ GIAO VIỆC")
SEC_END = ("Thường trực Đảng ủy giao các đồng chí", "Giao Văn phòng Đảng ủy")
RES_MARK = re.compile(r"^(?:1\.\d+\. |• )(.*)$")
TASK_MARK = re.compile(r"^(?:3\.\d+\. |Việc \d{2}: )(.*)$")
UPPER_AFTER_STOP = re.compile(r"[.!?;:]?[.!?]\s+(\S)")


def load():
    try:
        return json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
    except Exception as e:
        print("cannot read gold.json:", e); sys.exit(1)


def check_form(g):
    for k in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
        if not isinstance(g.get(k), list):
            err(f"gold.{k} missing or not a list")
    if not isinstance(g.get("cross_unit_decoys", []), list):
        err("gold.cross_unit_decoys not a list")
    for d in g.get("documents", []):
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err(f"document keys {sorted(d)}")
        if not isinstance(d.get("reported_months"), list) or not all(
                isinstance(m, str) and PERIOD.match(m) for m in d.get("reported_months", [])):
            err(f"{d.get('file')}: bad reported_months")
        if not PERIOD.match(str(d.get("planned_period", ""))):
            err(f"{d.get('file')}: bad planned_period")
    for key in ("tasks", "results"):
        for it in g.get(key, []):
            if set(it) != {"id", "file", "period", "text"} or not all(isinstance(it[k], str) for k in it):
                err(f"{key} item form: {it}")
    for l in g.get("follow_through", []):
        if set(l) != {"task", "result", "status"}:
            err(f"follow_through form: {l}")
    for l in g.get("carry_over", []):
        if set(l) != {"from", "to", "kind"}:
            err(f"carry_over form: {l}")
    for p in g.get("cross_unit_decoys", []):
        if not (isinstance(p, list) and len(p) == 2):
            err(f"decoy pair form: {p}")


def read_text(fname):
    path = os.path.join(HERE, fname)
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err(f"{fname}: BOM")
    try:
        txt = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err(f"{fname}: not UTF-8 ({e})"); return None
    if "\r" in txt:
        err(f"{fname}: CR line ends")
    if unicodedata.normalize("NFC", txt) != txt:
        err(f"{fname}: not NFC")
    if not txt.endswith("\n"):
        err(f"{fname}: no final newline")
    return txt


def sections(fname, txt):
    """Return {'res': [(heading, line)], 'task': [(heading, line)]} of non-empty lines."""
    out = {"res": [], "lim": [], "task": []}
    cur, heading, seen = None, "", set()
    for line in txt.split("\n"):
        s = line.strip()
        if s.startswith(SEC_RES):
            cur, heading = "res", s; seen.add("res"); continue
        if s.startswith(SEC_LIM):
            cur, heading = "lim", s; seen.add("lim"); continue
        if s.startswith(SEC_TASK):
            cur, heading = "task", s; seen.add("task"); continue
        if s.startswith(SEC_END):
            if cur != "task":
                err(f"{fname}: closing line outside the tasks section")
            cur = None; seen.add("end"); continue
        if cur and s:
            out[cur].append((heading, line))
            if s.endswith(":") and not (RES_MARK.match(line) or TASK_MARK.match(line)):
                heading = s
    for k in ("res", "lim", "task", "end"):
        if k not in seen:
            err(f"{fname}: section {k} not found")
    return out


def one_sentence(text):
    body = text.rstrip(".!?")
    for m in re.finditer(r"[.!?]\s+(\S)", body):
        if m.group(1)[0].isupper() or m.group(1)[0].isdigit():
            return False
    return True


def main():
    g = load()
    check_form(g)
    if ERR:
        return report()
    docs = {d["file"]: d for d in g["documents"]}
    if len(docs) != len(g["documents"]):
        err("duplicate document file")
    on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if sorted(docs) != on_disk:
        err(f"documents {sorted(docs)} != .txt files {on_disk}")
    units = defaultdict(list)
    for f, d in docs.items():
        m = FNAME.match(f)
        if not m:
            err(f"{f}: bad file name"); continue
        if m.group(1) != d["planned_period"]:
            err(f"{f}: name month != planned_period {d['planned_period']}")
        if not d["reported_months"] or any(r >= d["planned_period"] for r in d["reported_months"]):
            err(f"{f}: reported months must precede the planned period")
        if d["reported_months"] != sorted(d["reported_months"]):
            err(f"{f}: reported months not sorted")
        units[d["unit"]].append(f)
    for u in units:
        units[u].sort(key=lambda f: docs[f]["planned_period"])

    items = {}
    for key, kind in (("tasks", "task"), ("results", "result")):
        for it in g[key]:
            if it["id"] in items:
                err(f"duplicate id {it['id']}")
            items[it["id"]] = dict(it, kind=kind)

    texts = {}
    for f in docs:
        t = read_text(f)
        if t is not None:
            texts[f] = t

    # substrings, uniqueness, overlaps
    spans = defaultdict(list)
    for iid, it in items.items():
        if it["file"] not in docs:
            err(f"{iid}: unknown file {it['file']}"); continue
        t = texts.get(it["file"])
        if t is None:
            continue
        if unicodedata.normalize("NFC", it["text"]) != it["text"]:
            err(f"{iid}: text not NFC")
        n = t.count(it["text"])
        if n != 1:
            err(f"{iid}: text occurs {n} times in {it['file']}"); continue
        a = t.index(it["text"])
        spans[it["file"]].append((a, a + len(it["text"]), iid))
        if not one_sentence(it["text"]):
            err(f"{iid}: more than one sentence")
    for f, sp in spans.items():
        sp.sort()
        for (a1, b1, i1), (a2, b2, i2) in zip(sp, sp[1:]):
            if a2 < b1:
                err(f"{f}: {i1} overlaps {i2}")

    # every bullet of the results and tasks sections labelled, with the right kind and period
    for f, t in texts.items():
        d = docs[f]
        secs = sections(f, t)
        by_text = {it["text"]: it for it in items.values() if it["file"] == f}
        labelled = set()
        for sec, mark, kind in (("res", RES_MARK, "result"), ("task", TASK_MARK, "task")):
            for heading, line in secs[sec]:
                m = mark.match(line)
                if not m:
                    if not line.strip().endswith(":"):
                        err(f"{f}: unlabelled non-heading line in {sec}: {line[:60]!r}")
                    continue
                body = m.group(1)
                it = by_text.get(body)
                if it is None:
                    err(f"{f}: item line not labelled exactly: {body[:60]!r}"); continue
                if it["kind"] != kind:
                    err(f"{f}: {it['id']} is a {it['kind']} in the {sec} section")
                labelled.add(it["id"])
                if kind == "result" and len(d["reported_months"]) > 1:
                    mm = re.search(r"tháng (\d{1,2})\b", heading)
                    if not mm or int(mm.group(1)) != int(it["period"][5:7]):
                        err(f"{f}: {it['id']} period {it['period']} vs heading {heading!r}")
        for iid, it in items.items():
            if it["file"] == f and iid not in labelled:
                err(f"{f}: {iid} is not an item line of its section")
        for heading, line in secs["lim"]:
            if line.strip() in by_text:
                err(f"{f}: limitation labelled as task/result")
        nt = sum(1 for it in items.values() if it["file"] == f and it["kind"] == "task")
        nr = sum(1 for it in items.values() if it["file"] == f and it["kind"] == "result")
        if not 10 <= nt <= 18:
            err(f"{f}: {nt} tasks")
        if not (10 <= nr <= 18 or nr == 0):
            err(f"{f}: {nr} results")
        # the document says which months it reviews and plans
        pm = int(d["planned_period"][5:7]); py = d["planned_period"][:4]
        if not (f"giao việc tháng {MONTH_WORD[pm]} năm {py}" in t or
                f"Kỳ triển khai: tháng {pm}/{py}" in t):
            err(f"{f}: planned month not stated")
        for r in d["reported_months"]:
            rm = int(r[5:7])
            if not (f"điểm lại việc tháng {MONTH_WORD[rm]}" in t or
                    re.search(rf"Kỳ đánh giá: [^\n]*tháng {rm}\b", t)):
                err(f"{f}: reported month {r} not stated")

    # periods
    for iid, it in items.items():
        d = docs.get(it["file"])
        if not d:
            continue
        if it["kind"] == "task" and it["period"] != d["planned_period"]:
            err(f"{iid}: period {it['period']} != planned {d['planned_period']}")
        if it["kind"] == "result" and it["period"] not in d["reported_months"]:
            err(f"{iid}: period {it['period']} not reported by {it['file']}")

    def doc_of(iid): return docs[items[iid]["file"]]

    # follow-through
    ft_tasks, seen = set(), set()
    for l in g["follow_through"]:
        t, r, s = l["task"], l["result"], l["status"]
        if (t, r) in seen:
            err(f"duplicate follow-through {t}->{r}")
        seen.add((t, r))
        if items.get(t, {}).get("kind") != "task" or items.get(r, {}).get("kind") != "result":
            err(f"follow-through {t}->{r}: bad ids"); continue
        if s not in STATUSES:
            err(f"follow-through {t}->{r}: status {s}")
        dt, dr = doc_of(t), doc_of(r)
        if dt["unit"] != dr["unit"]:
            err(f"follow-through {t}->{r} across units")
        if dr["planned_period"] <= dt["planned_period"]:
            err(f"follow-through {t}->{r} not forward")
        if items[r]["period"] < items[t]["period"]:
            err(f"follow-through {t}->{r}: result reports an earlier month")
        first = next((f for f in units[dt["unit"]]
                      if items[t]["period"] in docs[f]["reported_months"]), None)
        if first != items[r]["file"]:
            err(f"follow-through {t}->{r}: not in the first document reporting {items[t]['period']}")
        ft_tasks.add(t)

    # carry-over
    co_from, seen = set(), set()
    for l in g["carry_over"]:
        a, b, k = l["from"], l["to"], l["kind"]
        if (a, b) in seen:
            err(f"duplicate carry-over {a}->{b}")
        seen.add((a, b))
        if items.get(a, {}).get("kind") != "task" or items.get(b, {}).get("kind") != "task":
            err(f"carry-over {a}->{b}: bad ids"); continue
        if k not in KINDS:
            err(f"carry-over {a}->{b}: kind {k}")
        da, db = doc_of(a), doc_of(b)
        if da["unit"] != db["unit"]:
            err(f"carry-over {a}->{b} across units")
        if db["planned_period"] <= da["planned_period"]:
            err(f"carry-over {a}->{b} not forward")
        co_from.add(a)

    # gaps
    expected = set()
    for u, files in units.items():
        for f in files[:-1]:
            for iid, it in items.items():
                if it["file"] == f and it["kind"] == "task" and iid not in ft_tasks and iid not in co_from:
                    expected.add(iid)
    gaps = g["gaps"]
    if len(gaps) != len(set(gaps)):
        err("duplicate gap")
    if set(gaps) != expected:
        err(f"gaps differ: extra {sorted(set(gaps) - expected)}, missing {sorted(expected - set(gaps))}")

    # decoys
    linked = {(l["task"], l["result"]) for l in g["follow_through"]} | \
             {(l["from"], l["to"]) for l in g["carry_over"]}
    for p in g.get("cross_unit_decoys", []):
        a, b = p
        if a not in items or b not in items:
            err(f"decoy {p}: unknown id"); continue
        if doc_of(a)["unit"] == doc_of(b)["unit"]:
            err(f"decoy {p}: same unit")
        if (a, b) in linked or (b, a) in linked:
            err(f"decoy {p} is linked")
    if len(units) > 1 and not g.get("cross_unit_decoys"):
        err("two units but no decoys")
    return report()


def report():
    if ERR:
        for e in ERR:
            print("ERROR:", e)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
