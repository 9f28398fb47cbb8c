#!/usr/bin/env python3
"""Check gold.json of the hand-cf series against its documents. Prints OK or the problems."""
import json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ERR = []


def err(msg):
    ERR.append(msg)


def load():
    with open(os.path.join(HERE, "gold.json"), encoding="utf-8") as f:
        return json.load(f)


ROMAN = re.compile(r"^(I|II|III|IV|V|VI)\.\s+(.*)$")


def section_kind(title):
    t = title.upper()
    if "HẠN CHẾ" in t:
        return "limit"
    if t.startswith("KẾT QUẢ") or t.startswith("ĐÁNH GIÁ"):
        return "result"
    if "NHIỆM VỤ" in t or "PHƯƠNG HƯỚNG" in t:
        return "task"
    return "other"


def units_of(text):
    """Yield (kind, unit_text) for every bullet/sentence in results and tasks sections."""
    kind = None
    for line in text.split("\n"):
        s = line.strip()
        if not s:
            continue
        m = ROMAN.match(s)
        if m:
            kind = section_kind(m.group(2))
            continue
        if s.startswith("Nơi nhận"):
            kind = None
        if kind not in ("result", "task"):
            continue
        if s.startswith("- "):
            yield kind, s[2:].strip()
            continue
        if s.endswith(":"):
            continue  # lead-in
        if not s.endswith((".", ";")):
            continue  # sub-heading
        s = re.sub(r"^\(\d+\)\s*", "", s)
        for sent in re.split(r"(?<=[.!?])\s+", s):
            if sent:
                yield kind, sent


def main():
    g = load()
    for key in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps",
                "cross_unit_decoys"):
        if key not in g:
            err(f"missing key {key}")
    if ERR:
        return
    docs = {}
    for d in g["documents"]:
        for k in ("file", "unit", "reported_months", "planned_period"):
            if k not in d:
                err(f"document lacks {k}: {d}")
        fn = d["file"]
        m = re.fullmatch(r"([a-z0-9-]+)_(\d{4}-\d{2})\.txt", fn)
        if not m:
            err(f"bad file name {fn}")
        elif m.group(2) != d["planned_period"]:
            err(f"{fn}: name month != planned_period")
        for r in d["reported_months"]:
            if not r < d["planned_period"]:
                err(f"{fn}: reported month {r} not before planned")
        raw = open(os.path.join(HERE, fn), "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{fn}: BOM")
        if b"\r" in raw:
            err(f"{fn}: CR line ends")
        try:
            txt = raw.decode("utf-8")
        except UnicodeDecodeError:
            err(f"{fn}: not UTF-8")
            continue
        if unicodedata.normalize("NFC", txt) != txt:
            err(f"{fn}: not NFC")
        if "{{" in txt or "}}" in txt:
            err(f"{fn}: leftover marks")
        docs[fn] = dict(d, text=txt)
    txts = set(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if txts != set(docs):
        err(f"txt files {sorted(txts)} != documents {sorted(docs)}")

    items = {}
    for kind, rows in (("task", g["tasks"]), ("result", g["results"])):
        for it in rows:
            for k in ("id", "file", "period", "text"):
                if k not in it:
                    err(f"{kind} lacks {k}: {it}")
            if it["id"] in items:
                err(f"duplicate id {it['id']}")
            if it["file"] not in docs:
                err(f"{it['id']}: unknown file")
                continue
            items[it["id"]] = dict(it, kind=kind)

    # substrings, uniqueness, overlaps
    spans = {}
    for iid, it in items.items():
        txt = docs[it["file"]]["text"]
        n = txt.count(it["text"])
        if n != 1:
            err(f"{iid}: text occurs {n} times in {it['file']}")
            continue
        a = txt.index(it["text"])
        spans.setdefault(it["file"], []).append((a, a + len(it["text"]), iid))
    for fn, sp in spans.items():
        sp.sort()
        for (a1, b1, i1), (a2, b2, i2) in zip(sp, sp[1:]):
            if a2 < b1:
                err(f"{fn}: {i1} overlaps {i2}")

    # every sentence/bullet labelled, nothing extra
    for fn, d in docs.items():
        labelled = {(it["kind"], it["text"]) for it in items.values() if it["file"] == fn}
        found = list(units_of(d["text"]))
        fset = set(found)
        if len(found) != len(fset):
            err(f"{fn}: repeated unit text")
        for u in fset - labelled:
            err(f"{fn}: unlabelled {u[0]}: {u[1][:70]}")
        for u in labelled - fset:
            err(f"{fn}: label not a whole {u[0]} unit: {u[1][:70]}")
        nt = sum(1 for k, _ in labelled if k == "task")
        nr = sum(1 for k, _ in labelled if k == "result")
        if not 10 <= nt <= 12:
            err(f"{fn}: {nt} tasks (want 10-12)")
        if not 10 <= nr <= 12:
            err(f"{fn}: {nr} results (want 10-12)")

    # periods
    for iid, it in items.items():
        d = docs[it["file"]]
        if it["kind"] == "task" and it["period"] != d["planned_period"]:
            err(f"{iid}: period {it['period']} != planned {d['planned_period']}")
        if it["kind"] == "result" and it["period"] not in d["reported_months"]:
            err(f"{iid}: period {it['period']} not reported by {it['file']}")

    def unit(i):
        return docs[items[i]["file"]]["unit"]

    def dplan(i):
        return docs[items[i]["file"]]["planned_period"]

    linked = set()
    pairs = set()
    for l in g["follow_through"]:
        t, r, s = l.get("task"), l.get("result"), l.get("status")
        if t not in items or items[t]["kind"] != "task":
            err(f"follow_through: bad task {t}"); continue
        if r not in items or items[r]["kind"] != "result":
            err(f"follow_through: bad result {r}"); continue
        if s not in ("done", "partial"):
            err(f"follow_through {t}->{r}: status {s}")
        if unit(t) != unit(r):
            err(f"follow_through {t}->{r}: crosses units")
        if not (dplan(r) > dplan(t) and items[r]["period"] >= items[t]["period"]):
            err(f"follow_through {t}->{r}: not forward in time")
        if (t, r) in pairs:
            err(f"duplicate link {t}->{r}")
        pairs.add((t, r)); linked.add(t)
    kinds = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
    for l in g["carry_over"]:
        a, b, k = l.get("from"), l.get("to"), l.get("kind")
        if a not in items or items[a]["kind"] != "task" or b not in items or items[b]["kind"] != "task":
            err(f"carry_over: bad ids {a}->{b}"); continue
        if k not in kinds:
            err(f"carry_over {a}->{b}: kind {k}")
        if unit(a) != unit(b):
            err(f"carry_over {a}->{b}: crosses units")
        if not items[b]["period"] > items[a]["period"]:
            err(f"carry_over {a}->{b}: not forward in time")
        if (a, b) in pairs:
            err(f"duplicate link {a}->{b}")
        pairs.add((a, b)); linked.add(a)

    # gaps
    last = {}
    for fn, d in docs.items():
        if d["unit"] not in last or d["planned_period"] > last[d["unit"]]:
            last[d["unit"]] = d["planned_period"]
    want = {i for i, it in items.items() if it["kind"] == "task"
            and dplan(i) != last[unit(i)] and i not in linked}
    have = set(g["gaps"])
    if len(have) != len(g["gaps"]):
        err("duplicate gap ids")
    if have != want:
        err(f"gaps differ: missing {sorted(want - have)}, extra {sorted(have - want)}")

    # decoys
    seen = set()
    for p in g["cross_unit_decoys"]:
        if len(p) != 2 or any(x not in items for x in p):
            err(f"decoy bad ids {p}"); continue
        a, b = p
        if unit(a) == unit(b):
            err(f"decoy {p}: same unit")
        if (a, b) in pairs or (b, a) in pairs:
            err(f"decoy {p}: linked")
        key = frozenset(p)
        if key in seen:
            err(f"decoy {p}: duplicate")
        seen.add(key)
    if len(seen) < 10:
        err(f"only {len(seen)} decoys (want >= 10)")
    units = {d["unit"] for d in docs.values()}
    if len(units) != 3 or len(docs) != 7:
        err(f"want 3 units / 7 documents, have {len(units)} / {len(docs)}")


if __name__ == "__main__":
    main()
    if ERR:
        print("\n".join(ERR))
        sys.exit(1)
    print("OK")
