#!/usr/bin/env python3
"""Check gold.json of the hand-eo series against its documents. Prints OK or the problems."""
import json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


FT_STATUS = {"done", "partial"}
CO_KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
FNAME = re.compile(r"^[a-z0-9-]+_(\d{4}-\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")

RES_START = re.compile(r"^I\.\s+KẾT QUẢ")
LIM_START = re.compile(r"^(\d+\.\s*|\*\s*)?Hạn chế")
TASK_START = re.compile(r"^II\.\s+NHIỆM VỤ")
TASK_END = re.compile(r"^(Giao |Ban Thường vụ Đảng ủy xã giao|Nơi nhận)")
BULLET = re.compile(r"^\s*(-|\+|•|\(\d+\)|\d+\.|[a-zđ]\))\s*")


def main():
    try:
        raw = open(os.path.join(HERE, "gold.json"), "rb").read()
        gold = json.loads(raw.decode("utf-8"))
    except Exception as e:  # noqa
        print("FAIL: cannot read gold.json:", e)
        sys.exit(1)

    # ---- form
    for key, typ in (("documents", list), ("tasks", list), ("results", list),
                     ("follow_through", list), ("carry_over", list), ("gaps", list)):
        if not isinstance(gold.get(key), typ):
            err(f"gold.json: '{key}' missing or not a list")
    decoys = gold.get("cross_unit_decoys", [])
    if not isinstance(decoys, list):
        err("cross_unit_decoys not a list")
    if errors:
        report()
    docs = {}
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err(f"document fields: {d}")
            continue
        if d["file"] in docs:
            err(f"duplicate document {d['file']}")
        docs[d["file"]] = d
    items = {}
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            if set(it) != {"id", "file", "period", "text"}:
                err(f"{kind} item fields: {it}")
                continue
            if it["id"] in items:
                err(f"duplicate id {it['id']}")
            if kind == "tasks" and not it["id"].startswith("T"):
                err(f"task id should start with T: {it['id']}")
            if kind == "results" and not it["id"].startswith("R"):
                err(f"result id should start with R: {it['id']}")
            it = dict(it, kind=kind[:-1])
            items[it["id"]] = it
            if it["file"] not in docs:
                err(f"{it['id']}: unknown file {it['file']}")
            if not MONTH.match(it["period"]):
                err(f"{it['id']}: bad period {it['period']}")
    if errors:
        report()

    # ---- file names, documents, periods
    on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if on_disk != sorted(docs):
        err(f"documents on disk {on_disk} != gold documents {sorted(docs)}")
    texts = {}
    for f, d in docs.items():
        m = FNAME.match(f)
        if not m:
            err(f"bad file name {f}")
            continue
        if m.group(1) != d["planned_period"]:
            err(f"{f}: planned_period {d['planned_period']} != month in name")
        if not d["reported_months"] and False:
            pass
        for rm in d["reported_months"]:
            if not MONTH.match(rm) or rm >= d["planned_period"]:
                err(f"{f}: reported month {rm} not before planned {d['planned_period']}")
        path = os.path.join(HERE, f)
        if not os.path.exists(path):
            err(f"missing file {f}")
            continue
        b = open(path, "rb").read()
        if b.startswith(b"\xef\xbb\xbf"):
            err(f"{f}: BOM")
        if b"\r" in b:
            err(f"{f}: CR in line ends")
        try:
            t = b.decode("utf-8")
        except UnicodeDecodeError:
            err(f"{f}: not UTF-8")
            continue
        if unicodedata.normalize("NFC", t) != t:
            err(f"{f}: not NFC")
        if "{{" in t or "}}" in t:
            err(f"{f}: hand marks left")
        texts[f] = t

    for it in items.values():
        d = docs.get(it["file"])
        if not d:
            continue
        if it["kind"] == "task" and it["period"] != d["planned_period"]:
            err(f"{it['id']}: period {it['period']} != planned {d['planned_period']}")
        if it["kind"] == "result" and it["period"] not in d["reported_months"]:
            err(f"{it['id']}: period {it['period']} not in reported {d['reported_months']}")
        if unicodedata.normalize("NFC", it["text"]) != it["text"]:
            err(f"{it['id']}: text not NFC")

    # ---- exact unique substrings, no overlaps; sections fully labelled
    for f, t in texts.items():
        its = [i for i in items.values() if i["file"] == f]
        spans = []
        for i in its:
            n = t.count(i["text"])
            if n != 1:
                err(f"{i['id']}: text occurs {n} times in {f}")
                continue
            a = t.index(i["text"])
            spans.append((a, a + len(i["text"]), i))
            if "\n" in i["text"]:
                err(f"{i['id']}: text spans lines")
            if i["text"] != i["text"].strip():
                err(f"{i['id']}: text has outer spaces")
        spans.sort(key=lambda x: x[0])
        for (a1, b1, i1), (a2, b2, i2) in zip(spans, spans[1:]):
            if a2 < b1:
                err(f"{f}: {i1['id']} overlaps {i2['id']}")

        # sections by lines
        lines = t.split("\n")
        offs, o = [], 0
        for ln in lines:
            offs.append(o)
            o += len(ln) + 1
        section = None
        seen = {"results": False, "tasks": False}
        covered = set()
        for ln, off in zip(lines, offs):
            s = ln.strip()
            if RES_START.match(s):
                section = "results"; seen["results"] = True
                if "THÁNG" in s.upper().split("NGÀY")[0] and "THÁNG" in s.upper():
                    err(f"{f}: results heading names a month: {s}")
                continue
            if TASK_START.match(s):
                section = "tasks"; seen["tasks"] = True
                if "THÁNG" in s.upper():
                    err(f"{f}: tasks heading names a month: {s}")
                continue
            if section == "results" and LIM_START.match(s):
                section = None
                continue
            if section == "tasks" and TASK_END.match(s) and not s.endswith(":"):
                section = None
                continue
            if section is None or not s:
                continue
            if s.endswith(":"):           # lead-in
                continue
            if not s.endswith((".", ";", ".)", "./.")):   # heading
                continue
            kind = "result" if section == "results" else "task"
            rest = ln
            for a, b, i in spans:
                if a >= off and b <= off + len(ln):
                    if i["kind"] != kind:
                        err(f"{i['id']}: a {i['kind']} inside the {section} section of {f}")
                    covered.add(i["id"])
                    rest = rest.replace(i["text"], " ", 1)
            rest = BULLET.sub("", rest)
            if re.search(r"\w", rest):
                err(f"{f}: unlabelled text in {section} section: {rest.strip()[:80]!r}")
        for a, b, i in spans:
            if i["id"] not in covered:
                err(f"{i['id']}: not inside the {i['kind']}s section of {f}")
        if not seen["tasks"]:
            err(f"{f}: no tasks section found")
        nt = sum(1 for i in its if i["kind"] == "task")
        nr = sum(1 for i in its if i["kind"] == "result")
        if not 10 <= nt <= 18:
            err(f"{f}: {nt} tasks (need 10-18)")
        if not (10 <= nr <= 18 or (nr == 0 and not seen["results"])):
            err(f"{f}: {nr} results (need 10-18)")
        if nr and not docs[f]["reported_months"]:
            err(f"{f}: results but no reported months")

    # ---- links
    def doc_of(iid):
        return docs[items[iid]["file"]]

    ft_tasks, co_from = set(), set()
    linked_pairs = set()
    seen_ft = set()
    for l in gold["follow_through"]:
        t, r, st = l.get("task"), l.get("result"), l.get("status")
        if t not in items or items[t]["kind"] != "task":
            err(f"follow_through: bad task {t}"); continue
        if r not in items or items[r]["kind"] != "result":
            err(f"follow_through: bad result {r}"); continue
        if st not in FT_STATUS:
            err(f"follow_through {t}->{r}: status {st}")
        if (t, r) in seen_ft:
            err(f"duplicate follow_through {t}->{r}")
        seen_ft.add((t, r))
        dt, dr = doc_of(t), doc_of(r)
        if dt["unit"] != dr["unit"]:
            err(f"follow_through {t}->{r} crosses units")
        if dr["planned_period"] <= dt["planned_period"]:
            err(f"follow_through {t}->{r} not forward in time")
        if items[t]["period"] not in dr["reported_months"]:
            err(f"follow_through {t}->{r}: result document does not report {items[t]['period']}")
        if items[r]["period"] < items[t]["period"]:
            err(f"follow_through {t}->{r}: result period before task period")
        # first later document of the unit that reports the month
        first = min((d for d in docs.values() if d["unit"] == dt["unit"]
                     and items[t]["period"] in d["reported_months"]),
                    key=lambda d: d["planned_period"])
        if first is not dr:
            err(f"follow_through {t}->{r}: not in the first document reporting {items[t]['period']}")
        ft_tasks.add(t)
        linked_pairs.add(frozenset((t, r)))
    seen_co = set()
    for l in gold["carry_over"]:
        a, b, k = l.get("from"), l.get("to"), l.get("kind")
        if a not in items or items[a]["kind"] != "task" or b not in items or items[b]["kind"] != "task":
            err(f"carry_over: bad ids {a}->{b}"); continue
        if k not in CO_KINDS:
            err(f"carry_over {a}->{b}: kind {k}")
        if (a, b) in seen_co:
            err(f"duplicate carry_over {a}->{b}")
        seen_co.add((a, b))
        da, db = doc_of(a), doc_of(b)
        if da["unit"] != db["unit"]:
            err(f"carry_over {a}->{b} crosses units")
        if db["planned_period"] <= da["planned_period"]:
            err(f"carry_over {a}->{b} not forward in time")
        co_from.add(a)
        linked_pairs.add(frozenset((a, b)))
    # split: a 'split' source must have at least two split targets
    splits = {}
    for l in gold["carry_over"]:
        if l.get("kind") == "split":
            splits.setdefault(l["from"], []).append(l["to"])
    for a, tos in splits.items():
        if len(tos) < 2:
            err(f"split {a} has a single target")

    # ---- gaps
    last = {}
    for d in docs.values():
        if d["unit"] not in last or d["planned_period"] > last[d["unit"]]:
            last[d["unit"]] = d["planned_period"]
    expected = sorted(
        (i["id"] for i in items.values() if i["kind"] == "task"
         and i["id"] not in ft_tasks and i["id"] not in co_from
         and doc_of(i["id"])["planned_period"] != last[doc_of(i["id"])["unit"]]),
        key=lambda x: (x.split("-")[0], int(x.split("-")[1])))
    got = gold["gaps"]
    if len(set(got)) != len(got):
        err("duplicate gap ids")
    if sorted(set(got)) != sorted(expected):
        err(f"gaps {sorted(got)} != unlinked tasks of non-last documents {expected}")

    # ---- decoys
    units = {d["unit"] for d in docs.values()}
    if len(units) < 2 and decoys:
        err("cross_unit_decoys given but only one unit")
    for p in decoys:
        if not (isinstance(p, list) and len(p) == 2 and all(x in items for x in p)):
            err(f"bad decoy pair {p}"); continue
        if doc_of(p[0])["unit"] == doc_of(p[1])["unit"]:
            err(f"decoy pair {p} within one unit")
        if frozenset(p) in linked_pairs:
            err(f"decoy pair {p} is linked")

    report()


def report():
    if errors:
        for e in errors:
            print("FAIL:", e)
        sys.exit(1)
    print("OK")
    sys.exit(0)


if __name__ == "__main__":
    main()
