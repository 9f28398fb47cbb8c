#!/usr/bin/env python3
"""Check gold.json of the hand-PA series against its documents. Prints OK or the faults.

Reads gold.json, the .txt documents beside it and _src/sections.json (section
offsets, lead-ins and intra-unit decoys written by _src/build.py).
"""
import json, os, re, sys, unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ERR = []


def err(msg):
    ERR.append(msg)


def load():
    with open(os.path.join(HERE, "gold.json"), encoding="utf-8") as f:
        gold = json.load(f)
    with open(os.path.join(HERE, "_src", "sections.json"), encoding="utf-8") as f:
        sec = json.load(f)
    return gold, sec


# ----------------------------------------------------------------- form
def check_form(gold):
    need = {"documents": list, "tasks": list, "results": list, "follow_through": list,
            "carry_over": list, "gaps": list}
    for k, t in need.items():
        if not isinstance(gold.get(k), t):
            err("form: missing or bad key %r" % k)
    extra = set(gold) - set(need) - {"cross_unit_decoys"}
    if extra:
        err("form: unknown keys %s" % sorted(extra))
    shapes = {
        "documents": {"file", "unit", "reported_months", "planned_period"},
        "tasks": {"id", "file", "period", "text"},
        "results": {"id", "file", "period", "text"},
        "follow_through": {"task", "result", "status"},
        "carry_over": {"from", "to", "kind"},
    }
    for k, keys in shapes.items():
        for e in gold.get(k, []):
            if not isinstance(e, dict) or set(e) != keys:
                err("form: %s entry has keys %s, want %s" % (k, sorted(e) if isinstance(e, dict) else e, sorted(keys)))
    mon = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
    for d in gold.get("documents", []):
        if not (isinstance(d.get("reported_months"), list) and all(mon.match(m) for m in d["reported_months"])):
            err("form: bad reported_months in %s" % d.get("file"))
        if not mon.match(str(d.get("planned_period"))):
            err("form: bad planned_period in %s" % d.get("file"))
    for k in ("tasks", "results"):
        for e in gold.get(k, []):
            if not mon.match(str(e.get("period"))):
                err("form: bad period of %s" % e.get("id"))
    for g in gold.get("gaps", []):
        if not isinstance(g, str):
            err("form: gap %r not a string" % (g,))
    for p in gold.get("cross_unit_decoys", []):
        if not (isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p)):
            err("form: bad decoy pair %r" % (p,))


# ----------------------------------------------------------------- files
FNAME = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt$")


def check_files(gold):
    texts = {}
    listed = [d["file"] for d in gold["documents"]]
    if len(set(listed)) != len(listed):
        err("files: a document is listed twice")
    on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if sorted(listed) != on_disk:
        err("files: listed %s but folder has %s" % (sorted(listed), on_disk))
    for d in gold["documents"]:
        fn = d["file"]
        m = FNAME.match(fn)
        if not m:
            err("files: bad name %s" % fn)
        elif m.group(2) != d["planned_period"]:
            err("files: %s month differs from planned_period %s" % (fn, d["planned_period"]))
        try:
            raw = open(os.path.join(HERE, fn), "rb").read()
        except OSError as e:
            err("files: cannot read %s: %s" % (fn, e))
            continue
        if raw.startswith(b"\xef\xbb\xbf"):
            err("files: %s has a BOM" % fn)
        if b"\r" in raw:
            err("files: %s has CR line ends" % fn)
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            err("files: %s is not UTF-8: %s" % (fn, e))
            continue
        if unicodedata.normalize("NFC", t) != t:
            err("files: %s is not NFC" % fn)
        if not t.endswith("\n"):
            err("files: %s lacks a final newline" % fn)
        for bad in ("{{", "}}", "[[", "]]"):
            if bad in t:
                err("files: %s still holds a hand mark %r" % (fn, bad))
        texts[fn] = t
    return texts


# ----------------------------------------------------------------- items
def check_items(gold, texts):
    items = {}
    spans = defaultdict(list)
    for kind in ("tasks", "results"):
        for e in gold[kind]:
            iid = e["id"]
            if iid in items:
                err("items: duplicate id %s" % iid)
            items[iid] = dict(e, kind=kind[:-1])
            t = texts.get(e["file"])
            if t is None:
                err("items: %s in unknown file %s" % (iid, e["file"]))
                continue
            if not e["text"].strip():
                err("items: %s empty" % iid)
                continue
            n = t.count(e["text"])
            if n != 1:
                err("items: %s text found %d times in %s" % (iid, n, e["file"]))
                continue
            st = t.index(e["text"])
            spans[e["file"]].append((st, st + len(e["text"]), iid))
            items[iid]["start"] = st
            items[iid]["end"] = st + len(e["text"])
    for fn, sp in spans.items():
        sp.sort()
        for a, b in zip(sp, sp[1:]):
            if b[0] < a[1]:
                err("items: %s and %s overlap in %s" % (a[2], b[2], fn))
    return items


BOUND_AFTER = "”\"’)»"


def split_units(seg, base):
    """Split a section into its lines, bullets and sentences.
    Yields (start, end) offsets (in the file) of each unit, bullet marks and
    surrounding blanks excluded."""
    pos = 0
    for line in seg.split("\n"):
        lstart = pos
        pos += len(line) + 1
        i = re.match(r"^\s*(?:[-+•]\s+)?", line).end()
        cur, n, units = i, len(line), []
        while i < n:
            if line[i] in ".!?…":
                j = i + 1
                while j < n and line[j] in BOUND_AFTER:
                    j += 1
                k = j
                while k < n and line[k] == " ":
                    k += 1
                if k > j and k < n and (line[k].isupper() or line[k].isdigit() or line[k] in "“\"("):
                    units.append((cur, j))
                    cur = i = k
                    continue
            i += 1
        units.append((cur, n))
        for a, b in units:
            s = line[a:b]
            if not s.strip():
                continue
            a2 = a + (len(s) - len(s.lstrip()))
            b2 = b - (len(s) - len(s.rstrip()))
            yield (base + lstart + a2, base + lstart + b2)


def check_sections(gold, texts, items, sec):
    files = sec.get("files", {})
    by_file = defaultdict(list)
    for it in items.values():
        if "start" in it:
            by_file[it["file"]].append(it)
    for fn, t in texts.items():
        info = files.get(fn)
        if not info:
            err("sections: no section info for %s" % fn)
            continue
        kinds = [s["kind"] for s in info["sections"]]
        if kinds.count("TASK") != 1 or kinds.count("RES") > 1:
            err("sections: %s has sections %s" % (fn, kinds))
        leadins = info["leadins"]
        for li in leadins:
            if t.count(li) != 1:
                err("sections: lead-in not unique in %s: %r" % (fn, li[:50]))
        starts = {(it["start"], it["end"]): it for it in by_file[fn]}
        covered = set()
        for s in info["sections"]:
            want = "task" if s["kind"] == "TASK" else "result"
            seg = t[s["start"]:s["end"]]
            for a, b in split_units(seg, s["start"]):
                u = t[a:b]
                it = starts.get((a, b))
                if it is not None:
                    if it["kind"] != want:
                        err("sections: %s is a %s inside a %s section" % (it["id"], it["kind"], s["kind"]))
                    covered.add(it["id"])
                elif u in leadins:
                    pass
                else:
                    err("sections: unlabelled sentence in %s: %r" % (fn, u[:70]))
        for it in by_file[fn]:
            if it["id"] not in covered:
                err("sections: %s is not a whole sentence/bullet of a section of its kind in %s" % (it["id"], fn))


# ----------------------------------------------------------------- documents, periods, counts
def check_docs(gold, items):
    docs = {d["file"]: d for d in gold["documents"]}
    per_unit = defaultdict(list)
    for d in gold["documents"]:
        per_unit[d["unit"]].append(d)
        if any(m >= d["planned_period"] for m in d["reported_months"]):
            err("docs: %s reports a month not before its planned period" % d["file"])
        if sorted(d["reported_months"]) != d["reported_months"] or len(set(d["reported_months"])) != len(d["reported_months"]):
            err("docs: %s reported_months not sorted/unique" % d["file"])
    for u, ds in per_unit.items():
        ds.sort(key=lambda d: d["planned_period"])
        for a, b in zip(ds, ds[1:]):
            if a["planned_period"] == b["planned_period"]:
                err("docs: two documents of %s plan %s" % (u, a["planned_period"]))
            if a["planned_period"] not in b["reported_months"]:
                err("docs: %s does not report %s planned by %s" % (b["file"], a["planned_period"], a["file"]))
            if b["reported_months"] and b["reported_months"][0] != a["planned_period"]:
                err("docs: %s reports from %s, not from %s" % (b["file"], b["reported_months"][0], a["planned_period"]))
    cnt = defaultdict(lambda: [0, 0])
    months_seen = defaultdict(set)
    for it in items.values():
        d = docs.get(it["file"])
        if d is None:
            continue
        if it["kind"] == "task":
            cnt[it["file"]][0] += 1
            if it["period"] != d["planned_period"]:
                err("periods: task %s period %s, document plans %s" % (it["id"], it["period"], d["planned_period"]))
            if not it["id"].startswith("T"):
                err("ids: task id %s" % it["id"])
        else:
            cnt[it["file"]][1] += 1
            months_seen[it["file"]].add(it["period"])
            if it["period"] not in d["reported_months"]:
                err("periods: result %s period %s not reported by %s" % (it["id"], it["period"], it["file"]))
            if not it["id"].startswith("R"):
                err("ids: result id %s" % it["id"])
    for fn, d in docs.items():
        nt, nr = cnt[fn]
        if not 10 <= nt <= 18:
            err("counts: %s has %d tasks" % (fn, nt))
        if not (10 <= nr <= 18 or (nr == 0 and not d["reported_months"])):
            err("counts: %s has %d results" % (fn, nr))
        if nr and months_seen[fn] != set(d["reported_months"]):
            err("periods: %s reports %s but its results cover %s" % (fn, d["reported_months"], sorted(months_seen[fn])))
    return docs, per_unit


# ----------------------------------------------------------------- links
def check_links(gold, items, docs, per_unit, sec):
    unit = {iid: docs[it["file"]]["unit"] for iid, it in items.items() if it["file"] in docs}
    plan = {iid: docs[it["file"]]["planned_period"] for iid, it in items.items() if it["file"] in docs}
    linked = set()
    pairs = set()
    seen = set()
    for l in gold["follow_through"]:
        t, r, s = l["task"], l["result"], l["status"]
        key = ("ft", t, r)
        if key in seen:
            err("links: duplicate follow-through %s -> %s" % (t, r))
        seen.add(key)
        if items.get(t, {}).get("kind") != "task" or items.get(r, {}).get("kind") != "result":
            err("links: follow-through %s -> %s: not a task and a result" % (t, r))
            continue
        if s not in ("done", "partial"):
            err("links: status %r of %s -> %s" % (s, t, r))
        if unit[t] != unit[r]:
            err("links: %s -> %s crosses units" % (t, r))
        if plan[r] <= plan[t]:
            err("links: %s -> %s not forward in time" % (t, r))
        if items[r]["period"] < items[t]["period"]:
            err("links: result %s reports a month before task %s" % (r, t))
        first = [d for d in per_unit[unit[t]] if items[t]["period"] in d["reported_months"]]
        if not first or first[0]["file"] != items[r]["file"]:
            err("links: %s -> %s not in the first document reporting %s" % (t, r, items[t]["period"]))
        linked.add(t)
        pairs.add(frozenset((t, r)))
    kinds = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
    for l in gold["carry_over"]:
        a, b, k = l["from"], l["to"], l["kind"]
        key = ("co", a, b)
        if key in seen:
            err("links: duplicate carry-over %s -> %s" % (a, b))
        seen.add(key)
        if items.get(a, {}).get("kind") != "task" or items.get(b, {}).get("kind") != "task":
            err("links: carry-over %s -> %s: not two tasks" % (a, b))
            continue
        if k not in kinds:
            err("links: kind %r of %s -> %s" % (k, a, b))
        if unit[a] != unit[b]:
            err("links: %s -> %s crosses units" % (a, b))
        if plan[b] <= plan[a]:
            err("links: %s -> %s not forward in time" % (a, b))
        linked.add(a)
        pairs.add(frozenset((a, b)))
    # split: a split source has at least two targets
    split_src = defaultdict(int)
    for l in gold["carry_over"]:
        if l["kind"] == "split":
            split_src[l["from"]] += 1
    for a, n in split_src.items():
        if n < 2:
            err("links: split %s has only one part" % a)
    # gaps
    last = {u: max(d["planned_period"] for d in ds) for u, ds in per_unit.items()}
    want = sorted(iid for iid, it in items.items() if it["kind"] == "task"
                  and plan[iid] != last[unit[iid]] and iid not in linked)
    got = sorted(gold["gaps"])
    if len(set(got)) != len(got):
        err("gaps: duplicates")
    if want != got:
        err("gaps: want %s, gold has %s" % (want, got))
    # decoys
    for p in gold.get("cross_unit_decoys", []):
        a, b = p
        if a not in items or b not in items:
            err("decoys: unknown id in %s" % p)
            continue
        if unit[a] == unit[b]:
            err("decoys: %s is not a cross-unit pair" % p)
        if frozenset((a, b)) in pairs:
            err("decoys: %s is linked" % p)
    for p in sec.get("intra_unit_decoys", []):
        a, b = p
        if a not in items or b not in items:
            err("decoys: unknown id in intra-unit pair %s" % p)
            continue
        if frozenset((a, b)) in pairs:
            err("decoys: intra-unit near miss %s is linked" % p)
        if a in linked and a in gold["gaps"]:
            err("decoys: %s both linked and a gap" % a)


def main():
    gold, sec = load()
    check_form(gold)
    if ERR:
        print("\n".join(ERR)); sys.exit(1)
    texts = check_files(gold)
    items = check_items(gold, texts)
    check_sections(gold, texts, items, sec)
    docs, per_unit = check_docs(gold, items)
    check_links(gold, items, docs, per_unit, sec)
    if ERR:
        print("\n".join(ERR))
        print("%d fault(s)" % len(ERR))
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
