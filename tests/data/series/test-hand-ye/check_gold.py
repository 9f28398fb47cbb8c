#!/usr/bin/env python3
"""Check gold.json of the hand-ye series against its documents.  Prints OK or the errors."""
import json, os, re, sys, unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ERR = []


def err(msg):
    ERR.append(msg)


STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*_(\d{4}-\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-\d{2}$")

# Section boundaries of the two office layouts (start heading, end heading).
LAYOUTS = {
    "party": {"results": (r"^1\. NHỮNG VIỆC ĐÃ LÀM ĐƯỢC", r"^2\. "),
              "tasks": (r"^3\. VIỆC PHẢI LÀM", r"^4\. ")},
    "state": {"results": (r"^A\. SỐ LIỆU VÀ KẾT QUẢ", r"^B\. "),
              "tasks": (r"^C\. CHƯƠNG TRÌNH CÔNG TÁC", r"^D\. ")},
}
HEADING = re.compile(r"^(?:[a-zđ]\) \S|Mảng \d+\. \S)|:$")
MARKER = re.compile(r"^\s*(?:[-+–•]|\(\d+\)|\d+\))\s*")
LEFTOVER_OK = set(" \t.;,")


def fold(s):
    s = unicodedata.normalize("NFD", s.lower()).replace("đ", "d")
    return "".join(c for c in s if unicodedata.category(c) != "Mn")


def words(s):
    return set(re.findall(r"\w+", fold(s)))


def main():
    try:
        gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
    except Exception as e:
        print("cannot read gold.json:", e)
        return 1

    # ---- form
    for key, typ in [("documents", list), ("tasks", list), ("results", list),
                     ("follow_through", list), ("carry_over", list), ("gaps", list),
                     ("cross_unit_decoys", list)]:
        if not isinstance(gold.get(key), typ):
            err(f"gold.{key} missing or not a {typ.__name__}")
    if ERR:
        return report()
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err(f"document keys {sorted(d)}")
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            if set(it) != {"id", "file", "period", "text"}:
                err(f"{kind} item keys {sorted(it)}")
            elif not (isinstance(it["text"], str) and it["text"].strip()):
                err(f"{it['id']}: empty text")
    for l in gold["follow_through"]:
        if set(l) != {"task", "result", "status"}:
            err(f"follow_through keys {sorted(l)}")
    for l in gold["carry_over"]:
        if set(l) != {"from", "to", "kind"}:
            err(f"carry_over keys {sorted(l)}")
    for p in gold["cross_unit_decoys"]:
        if not (isinstance(p, list) and len(p) == 2):
            err(f"decoy not a pair: {p}")
    if ERR:
        return report()

    # ---- documents, file names, encoding
    docs = {}
    for d in gold["documents"]:
        f = d["file"]
        if f in docs:
            err(f"duplicate document {f}")
        docs[f] = d
        m = NAME.match(f)
        if not m:
            err(f"bad file name {f}")
            continue
        if m.group(1) != d["planned_period"]:
            err(f"{f}: name month != planned_period {d['planned_period']}")
        if not (d["reported_months"] and all(MONTH.match(x) for x in d["reported_months"])):
            err(f"{f}: bad reported_months")
        elif max(d["reported_months"]) >= d["planned_period"]:
            err(f"{f}: reported months not before planned period")
    on_disk = {x for x in os.listdir(HERE) if x.endswith(".txt")}
    if on_disk != set(docs):
        err(f"txt files on disk {sorted(on_disk ^ set(docs))} differ from gold documents")

    texts = {}
    for f in docs:
        raw = open(os.path.join(HERE, f), "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{f}: BOM")
        if b"\r" in raw:
            err(f"{f}: CR line end")
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            err(f"{f}: not UTF-8 ({e})")
            continue
        if unicodedata.normalize("NFC", t) != t:
            err(f"{f}: not NFC")
        if not t.endswith("\n"):
            err(f"{f}: no final newline")
        texts[f] = t

    # ---- items: ids, exact unique substrings, no overlap
    items = {}
    spans = defaultdict(list)
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            iid = it["id"]
            if iid in items:
                err(f"duplicate id {iid}")
            items[iid] = dict(it, kind=kind)
            f = it["file"]
            if f not in texts:
                err(f"{iid}: unknown file {f}")
                continue
            if unicodedata.normalize("NFC", it["text"]) != it["text"]:
                err(f"{iid}: text not NFC")
            t = texts[f]
            n = t.count(it["text"])
            if n != 1:
                err(f"{iid}: text occurs {n} times in {f}")
                continue
            a = t.index(it["text"])
            spans[f].append((a, a + len(it["text"]), iid))
            if it["text"] != it["text"].strip():
                err(f"{iid}: text has outer whitespace")
            if "\n" in it["text"]:
                err(f"{iid}: text spans lines")
            if re.search(r"[.!?]\s+[A-ZĐÀ-ỸÂĂÊÔƠƯ]", it["text"]):
                err(f"{iid}: text holds more than one sentence")
    for f, ss in spans.items():
        ss.sort()
        for (a1, b1, i1), (a2, b2, i2) in zip(ss, ss[1:]):
            if a2 < b1:
                err(f"{f}: {i1} overlaps {i2}")

    # ---- periods, id/unit/file agreement
    for iid, it in items.items():
        d = docs.get(it["file"])
        if not d:
            continue
        if it["kind"] == "tasks":
            if it["period"] != d["planned_period"]:
                err(f"{iid}: period {it['period']} != planned {d['planned_period']}")
        else:
            if it["period"] not in d["reported_months"]:
                err(f"{iid}: period {it['period']} not reported in {it['file']}")
        pre = iid.split("-")[0]
        if pre not in ("DK", "BM") or (pre == "DK") != it["file"].startswith("dong-khe_"):
            err(f"{iid}: prefix does not match its file")
        if ("-T" in iid) != (it["kind"] == "tasks"):
            err(f"{iid}: id letter does not match its kind")

    # ---- sections: every bullet / sentence labelled, items in the right section
    per_doc = defaultdict(lambda: {"tasks": 0, "results": 0})
    for iid, it in items.items():
        per_doc[it["file"]][it["kind"]] += 1
    for f, t in texts.items():
        layout = "party" if "ĐẢNG CỘNG SẢN VIỆT NAM" in t else "state"
        if layout == "state" and not ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in t and "Độc lập - Tự do - Hạnh phúc" in t):
            err(f"{f}: state header missing")
        if not re.search(r"^Số[: ]", t, re.M):
            err(f"{f}: no 'Số' line")
        if "Nơi nhận:" not in t:
            err(f"{f}: no 'Nơi nhận'")
        if not re.search(r"ngày \d{1,2} tháng \d{1,2} năm \d{4}", t):
            err(f"{f}: no place and date line")
        lines = t.split("\n")
        offs, o = [], 0
        for ln in lines:
            offs.append(o)
            o += len(ln) + 1
        fspans = spans.get(f, [])
        for kind, (start, end) in LAYOUTS[layout].items():
            si = next((i for i, ln in enumerate(lines) if re.match(start, ln)), None)
            if si is None:
                if kind == "results" and per_doc[f]["results"] == 0:
                    continue
                err(f"{f}: section {kind} not found")
                continue
            ei = next((i for i in range(si + 1, len(lines)) if re.match(end, lines[i])), None)
            if ei is None:
                err(f"{f}: end of section {kind} not found")
                continue
            sa, sb = offs[si + 1], offs[ei]
            for a, b, iid in fspans:
                inside = sa <= a and b <= sb
                if items[iid]["kind"] == kind and not inside:
                    err(f"{iid}: outside its {kind} section")
                if items[iid]["kind"] != kind and inside:
                    err(f"{iid}: inside the {kind} section")
            for i in range(si + 1, ei):
                ln = lines[i]
                if not ln.strip():
                    continue
                la, lb = offs[i], offs[i] + len(ln)
                cov = [(max(a, la) - la, min(b, lb) - la) for a, b, _ in fspans if a < lb and b > la]
                if not cov:
                    if not HEADING.search(ln):
                        err(f"{f}:{i + 1}: unlabelled line in {kind}: {ln[:60]!r}")
                    continue
                mask = [False] * len(ln)
                for a, b in cov:
                    for k in range(a, b):
                        mask[k] = True
                m = MARKER.match(ln)
                if m:
                    for k in range(m.end()):
                        mask[k] = True
                left = "".join(c for k, c in enumerate(ln) if not mask[k])
                if any(c not in LEFTOVER_OK for c in left):
                    err(f"{f}:{i + 1}: unlabelled text in {kind}: {left.strip()[:60]!r}")

    # ---- counts per document
    for f, d in docs.items():
        nt, nr = per_doc[f]["tasks"], per_doc[f]["results"]
        if not 10 <= nt <= 18:
            err(f"{f}: {nt} tasks (10-18 wanted)")
        if not (10 <= nr <= 18 or nr == 0):
            err(f"{f}: {nr} results (10-18 wanted)")

    # ---- links
    unit_docs = defaultdict(list)
    for f, d in docs.items():
        unit_docs[d["unit"]].append(d)
    for u in unit_docs:
        unit_docs[u].sort(key=lambda d: d["planned_period"])
        if len({d["planned_period"] for d in unit_docs[u]}) != len(unit_docs[u]):
            err(f"{u}: two documents plan the same month")
    for u, ds in unit_docs.items():
        if len({d["file"].split("_")[0] for d in ds}) != 1:
            err(f"{u}: documents with different slugs")

    def unit(iid):
        return docs[items[iid]["file"]]["unit"]

    def next_doc(d):
        ds = unit_docs[d["unit"]]
        i = ds.index(d)
        return ds[i + 1] if i + 1 < len(ds) else None

    def first_reporting(task):
        for d in unit_docs[unit(task["id"])]:
            if task["period"] in d["reported_months"]:
                return d
        return None

    ft_pairs, co_pairs = set(), set()
    linked = set()
    for l in gold["follow_through"]:
        t, r, s = l["task"], l["result"], l["status"]
        if t not in items or items[t]["kind"] != "tasks":
            err(f"follow_through: {t} is not a task")
            continue
        if r not in items or items[r]["kind"] != "results":
            err(f"follow_through: {r} is not a result")
            continue
        if s not in STATUSES:
            err(f"follow_through {t}->{r}: status {s}")
        if unit(t) != unit(r):
            err(f"follow_through {t}->{r}: across units")
        rd = docs[items[r]["file"]]
        if not (rd["planned_period"] > items[t]["period"] and items[r]["period"] >= items[t]["period"]):
            err(f"follow_through {t}->{r}: not forward in time")
        fr = first_reporting(items[t])
        if fr is not rd:
            err(f"follow_through {t}->{r}: not in the first document reporting on {items[t]['period']}")
        if (t, r) in ft_pairs:
            err(f"follow_through {t}->{r}: duplicate")
        ft_pairs.add((t, r))
        linked.add(t)
    for l in gold["carry_over"]:
        a, b, k = l["from"], l["to"], l["kind"]
        if a not in items or items[a]["kind"] != "tasks" or b not in items or items[b]["kind"] != "tasks":
            err(f"carry_over {a}->{b}: not two tasks")
            continue
        if k not in KINDS:
            err(f"carry_over {a}->{b}: kind {k}")
        if unit(a) != unit(b):
            err(f"carry_over {a}->{b}: across units")
        if not items[b]["period"] > items[a]["period"]:
            err(f"carry_over {a}->{b}: not forward in time")
        if next_doc(docs[items[a]["file"]]) is not docs[items[b]["file"]]:
            err(f"carry_over {a}->{b}: not into the unit's next document")
        if (a, b) in co_pairs:
            err(f"carry_over {a}->{b}: duplicate")
        co_pairs.add((a, b))
        linked.add(a)
    split_from = defaultdict(int)
    for l in gold["carry_over"]:
        if l["kind"] == "split":
            split_from[l["from"]] += 1
    for a, n in split_from.items():
        if n < 2:
            err(f"carry_over split from {a} has only one part")

    # ---- gaps
    expected = set()
    for iid, it in items.items():
        if it["kind"] == "tasks" and next_doc(docs[it["file"]]) is not None and iid not in linked:
            expected.add(iid)
    g = gold["gaps"]
    if len(g) != len(set(g)):
        err("duplicate gap ids")
    if set(g) != expected:
        err(f"gaps differ: missing {sorted(expected - set(g))}, extra {sorted(set(g) - expected)}")

    # ---- decoys
    units = {d["unit"] for d in docs.values()}
    if len(units) == 2 and len(gold["cross_unit_decoys"]) < 12:
        err(f"only {len(gold['cross_unit_decoys'])} decoys (12 wanted)")
    seen = set()
    for a, b in gold["cross_unit_decoys"]:
        if a not in items or b not in items:
            err(f"decoy {a},{b}: unknown id")
            continue
        if unit(a) == unit(b):
            err(f"decoy {a},{b}: same unit")
        if (a, b) in ft_pairs or (b, a) in ft_pairs or (a, b) in co_pairs or (b, a) in co_pairs:
            err(f"decoy {a},{b}: linked")
        if frozenset((a, b)) in seen:
            err(f"decoy {a},{b}: duplicate")
        seen.add(frozenset((a, b)))
        wa, wb = words(items[a]["text"]), words(items[b]["text"])
        sim = len(wa & wb) / min(len(wa), len(wb))
        if sim < 0.6:
            err(f"decoy {a},{b}: not near-identical (overlap {sim:.2f})")

    return report()


def report():
    if ERR:
        for e in ERR:
            print("ERROR:", e)
        print(f"{len(ERR)} error(s)")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
