#!/usr/bin/env python3
"""Check gold.json of this folder against the .txt documents beside it. Prints OK or the errors."""
import json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ERR = []
def err(msg): ERR.append(msg)

STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
FNAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
# within-unit near-identical pairs (hand list): these must never be linked
WITHIN_UNIT_DECOYS = [("T04-5", "R06-11"), ("T04-7", "R06-12"),
                      ("T06-13", "R07-10"), ("T07-12", "R08-14")]

HEAD = re.compile(r"^(?:[IVX]+|\d+)\.\s+\S")
BULLET = re.compile(r"^(?:\(\d+\)|[-+•–]|\d+\)|[a-zđ]\))\s+")
TERM = re.compile(r"[.;!?…][\"”’)]*$")
SENT_BREAK = re.compile(r"[.!?…][\"”’)]*\s+\S")


def fold(s):
    return unicodedata.normalize("NFC", s).casefold()


def sections(text):
    """Return {'results': (a, b), 'tasks': (a, b)} as character spans, found by headings."""
    lines = text.split("\n")
    offs, o = [], 0
    for ln in lines:
        offs.append(o); o += len(ln) + 1
    r0 = lim = t0 = t1 = None
    for i, ln in enumerate(lines):
        s = fold(ln.strip())
        if r0 is None and HEAD.match(ln.strip()) and re.match(r"^(?:[ivx]+|\d+)\.\s+kết quả", s):
            r0 = i
        elif r0 is not None and lim is None and (
                (HEAD.match(ln.strip()) and "hạn chế" in s) or s.startswith("tuy nhiên")):
            lim = i
        elif lim is not None and t0 is None and HEAD.match(ln.strip()) and (
                "nhiệm vụ trọng tâm" in s or "phương hướng" in s):
            t0 = i
        elif t0 is not None and t1 is None and (
                s.startswith("giao ") or s.startswith("ban thường vụ đảng ủy giao") or s.startswith("nơi nhận")):
            t1 = i
    if None in (r0, lim, t0, t1):
        return None, lines, offs
    return {"results": (r0, lim), "tasks": (t0, t1)}, lines, offs


def main():
    try:
        gold = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
    except Exception as e:
        print("cannot read gold.json:", e); sys.exit(1)
    # ---- form
    for k, typ in [("documents", list), ("tasks", list), ("results", list),
                   ("follow_through", list), ("carry_over", list), ("gaps", list)]:
        if not isinstance(gold.get(k), typ):
            err(f"gold.{k} missing or not a {typ.__name__}")
    if ERR:
        print("\n".join(ERR)); sys.exit(1)
    decoys = gold.get("cross_unit_decoys", [])
    docs = {}
    for d in gold["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err(f"document keys {sorted(d)}")
            continue
        if d["file"] in docs:
            err(f"document listed twice {d['file']}")
        docs[d["file"]] = d
        m = FNAME.match(d["file"])
        if not m:
            err(f"bad file name {d['file']}")
        elif m.group(2) != d["planned_period"]:
            err(f"{d['file']}: name month != planned_period {d['planned_period']}")
        if not MONTH.match(d["planned_period"]) or not d["reported_months"] or \
                not all(MONTH.match(x) for x in d["reported_months"]):
            err(f"{d['file']}: bad months")
        elif not all(x < d["planned_period"] for x in d["reported_months"]):
            err(f"{d['file']}: a reported month is not before the planned period")
    on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if on_disk != sorted(docs):
        err(f"txt files on disk {on_disk} != documents {sorted(docs)}")
    items = {}
    for kind in ("tasks", "results"):
        for it in gold[kind]:
            if set(it) != {"id", "file", "period", "text"}:
                err(f"{kind} item keys {sorted(it)}"); continue
            if it["id"] in items:
                err(f"duplicate id {it['id']}")
            if it["file"] not in docs:
                err(f"{it['id']}: unknown file {it['file']}"); continue
            items[it["id"]] = dict(it, kind=kind[:-1])
    # ---- files: bytes, NFC, substrings, overlaps, coverage
    texts = {}
    for f in docs:
        raw = open(os.path.join(HERE, f), "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"): err(f"{f}: BOM")
        if b"\r" in raw: err(f"{f}: CR line ends")
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError:
            err(f"{f}: not UTF-8"); continue
        if unicodedata.normalize("NFC", t) != t: err(f"{f}: not NFC")
        texts[f] = t
    spans = {f: [] for f in docs}
    for iid, it in items.items():
        t = texts.get(it["file"], "")
        if unicodedata.normalize("NFC", it["text"]) != it["text"]:
            err(f"{iid}: text not NFC")
        n = t.count(it["text"])
        if n != 1:
            err(f"{iid}: text occurs {n} times in {it['file']}"); continue
        if "\n" in it["text"] or it["text"] != it["text"].strip():
            err(f"{iid}: text spans lines or has outer spaces")
        if SENT_BREAK.search(it["text"]):
            err(f"{iid}: text holds more than one sentence")
        a = t.index(it["text"])
        it["span"] = (a, a + len(it["text"]))
        spans[it["file"]].append((a, a + len(it["text"]), iid))
    for f, sp in spans.items():
        sp.sort()
        for x, y in zip(sp, sp[1:]):
            if y[0] < x[1]:
                err(f"{f}: {x[2]} overlaps {y[2]}")
    for f, t in texts.items():
        sec, lines, offs = sections(t)
        if sec is None:
            err(f"{f}: cannot find results / limitations / tasks / closing"); continue
        d = docs[f]
        for name, (l0, l1) in sec.items():
            kind = name[:-1]
            a, b = offs[l0], offs[l1]
            # items of this kind lie inside the section, none of the other kind
            for iid, it in items.items():
                if it["file"] != f or "span" not in it: continue
                inside = a <= it["span"][0] and it["span"][1] <= b
                if it["kind"] == kind and not inside:
                    err(f"{iid}: outside the {name} section")
                if it["kind"] != kind and inside:
                    err(f"{iid}: a {it['kind']} inside the {name} section")
            covered = set()
            for s0, s1, iid in spans[f]:
                if items[iid]["kind"] == kind:
                    covered.update(range(s0, s1))
            # heading month checks
            head = fold(lines[l0])
            if kind == "task":
                mo = int(d["planned_period"][5:])
                if not re.search(rf"tháng 0?{mo}\b", head):
                    err(f"{f}: tasks heading does not name month {mo}")
            else:
                for rm in d["reported_months"]:
                    if not re.search(rf"tháng 0?{int(rm[5:])}\b", head):
                        err(f"{f}: results heading does not name month {rm}")
            sub_period = None
            for li in range(l0 + 1, l1):
                raw_ln = lines[li]; ln = raw_ln.strip()
                if not ln: continue
                body = BULLET.sub("", ln, count=1)
                if body.endswith(":"):
                    continue  # lead-in
                if not TERM.search(body):
                    if HEAD.match(ln):
                        m = re.match(r"^\d+\.\s+tháng (\d{1,2})/(\d{4})$", fold(ln))
                        if m:
                            sub_period = f"{m.group(2)}-{int(m.group(1)):02d}"
                        continue  # heading
                    err(f"{f}:{li+1}: line in {name} is neither heading, lead-in nor sentence: {ln[:60]}")
                    continue
                start = offs[li] + raw_ln.index(body)
                for k in range(start, offs[li] + len(raw_ln)):
                    if t[k].isalnum() and k not in covered:
                        err(f"{f}:{li+1}: unlabelled {name} text: {t[k:k+50]!r}")
                        break
                if kind == "result" and sub_period:
                    for s0, s1, iid in spans[f]:
                        if items[iid]["kind"] == "result" and offs[li] <= s0 < offs[li] + len(raw_ln) \
                                and items[iid]["period"] != sub_period:
                            err(f"{iid}: period {items[iid]['period']} but under heading {sub_period}")
        # counts and periods
        nt = sum(1 for it in items.values() if it["file"] == f and it["kind"] == "task")
        nr = sum(1 for it in items.values() if it["file"] == f and it["kind"] == "result")
        if not 10 <= nt <= 18: err(f"{f}: {nt} tasks")
        if not (10 <= nr <= 18 or nr == 0): err(f"{f}: {nr} results")
        for it in items.values():
            if it["file"] != f: continue
            if it["kind"] == "task" and it["period"] != d["planned_period"]:
                err(f"{it['id']}: period {it['period']} != planned {d['planned_period']}")
            if it["kind"] == "result" and it["period"] not in d["reported_months"]:
                err(f"{it['id']}: period {it['period']} not reported by {f}")
        for rm in d["reported_months"]:
            if nr and not any(it["file"] == f and it["kind"] == "result" and it["period"] == rm
                              for it in items.values()):
                err(f"{f}: no result for reported month {rm}")
    # ---- units: order, coverage of months (skipped month reported by the next document)
    by_unit = {}
    for d in docs.values():
        by_unit.setdefault(d["unit"], []).append(d)
    for u, ds in by_unit.items():
        ds.sort(key=lambda d: d["planned_period"])
        for p, q in zip(ds, ds[1:]):
            if p["planned_period"] not in q["reported_months"]:
                err(f"{q['file']} does not report {p['planned_period']}")
            if max(q["reported_months"]) != prev_month(q["planned_period"]):
                err(f"{q['file']}: last reported month is not the month before its plan")
            months = month_range(p["planned_period"], q["planned_period"])
            if sorted(q["reported_months"]) != months:
                err(f"{q['file']}: reported {q['reported_months']} != {months}")
    last_of_unit = {u: ds[-1]["file"] for u, ds in by_unit.items()}
    # ---- links
    def doc(iid): return docs[items[iid]["file"]]
    def first_reporting(unit, month):
        c = [d for d in by_unit[unit] if month in d["reported_months"]]
        return min(c, key=lambda d: d["planned_period"])["file"] if c else None
    linked = set(); pairs = set()
    for x in gold["follow_through"]:
        if set(x) != {"task", "result", "status"}: err(f"follow_through keys {sorted(x)}"); continue
        t, r = x["task"], x["result"]
        if items.get(t, {}).get("kind") != "task" or items.get(r, {}).get("kind") != "result":
            err(f"follow_through {t}->{r}: bad ids"); continue
        if x["status"] not in STATUSES: err(f"{t}->{r}: status {x['status']}")
        if (t, r) in pairs: err(f"{t}->{r} twice")
        pairs.add((t, r)); linked.add(t)
        if doc(t)["unit"] != doc(r)["unit"]: err(f"{t}->{r}: across units")
        if not doc(r)["planned_period"] > doc(t)["planned_period"]: err(f"{t}->{r}: not forward")
        if items[r]["period"] < items[t]["period"]: err(f"{t}->{r}: result reports an earlier month")
        if items[r]["file"] != first_reporting(doc(t)["unit"], items[t]["period"]):
            err(f"{t}->{r}: result not in the first document reporting {items[t]['period']}")
    cpairs = set()
    for x in gold["carry_over"]:
        if set(x) != {"from", "to", "kind"}: err(f"carry_over keys {sorted(x)}"); continue
        a, b = x["from"], x["to"]
        if items.get(a, {}).get("kind") != "task" or items.get(b, {}).get("kind") != "task":
            err(f"carry_over {a}->{b}: bad ids"); continue
        if x["kind"] not in KINDS: err(f"{a}->{b}: kind {x['kind']}")
        if (a, b) in cpairs: err(f"{a}->{b} twice")
        cpairs.add((a, b)); linked.add(a)
        if doc(a)["unit"] != doc(b)["unit"]: err(f"{a}->{b}: across units")
        if not doc(b)["planned_period"] > doc(a)["planned_period"]: err(f"{a}->{b}: not forward")
    # ---- gaps
    want = sorted(i for i, it in items.items() if it["kind"] == "task" and i not in linked
                  and it["file"] != last_of_unit[doc(i)["unit"]])
    if sorted(gold["gaps"]) != want or len(set(gold["gaps"])) != len(gold["gaps"]):
        err(f"gaps {sorted(gold['gaps'])} != unlinked tasks of non-last documents {want}")
    # ---- decoys
    for pr in decoys:
        if len(pr) != 2 or not all(p in items for p in pr):
            err(f"bad decoy {pr}"); continue
        if doc(pr[0])["unit"] == doc(pr[1])["unit"]: err(f"decoy {pr} within one unit")
        if tuple(pr) in pairs or tuple(pr[::-1]) in pairs or tuple(pr) in cpairs or tuple(pr[::-1]) in cpairs:
            err(f"decoy {pr} linked")
    for t, r in WITHIN_UNIT_DECOYS:
        if t not in items or r not in items: err(f"within-unit decoy {t},{r}: unknown id")
        elif (t, r) in pairs: err(f"within-unit decoy {t}->{r} linked")
    if ERR:
        print("\n".join(ERR)); print(f"{len(ERR)} error(s)"); sys.exit(1)
    nt = sum(1 for i in items.values() if i["kind"] == "task")
    print(f"OK: {len(docs)} documents, {nt} tasks, {len(items)-nt} results, "
          f"{len(pairs)} follow-through, {len(cpairs)} carry-over, {len(gold['gaps'])} gaps, "
          f"{len(decoys)} cross-unit decoys")


def prev_month(m):
    y, mo = int(m[:4]), int(m[5:])
    y, mo = (y - 1, 12) if mo == 1 else (y, mo - 1)
    return f"{y:04d}-{mo:02d}"


def month_range(a, b):
    """months from a (inclusive) to b (exclusive)"""
    out = []
    while a < b:
        out.append(a)
        y, mo = int(a[:4]), int(a[5:])
        y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
        a = f"{y:04d}-{mo:02d}"
    return out


if __name__ == "__main__":
    main()
