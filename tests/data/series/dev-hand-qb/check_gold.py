#!/usr/bin/env python3
"""Check gold.json of this folder against its documents. Prints OK or the problems."""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
FILE_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*_(\d{4}-\d{2})\.txt$")
MONTH_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
ID_RE = re.compile(r"^[A-Za-z0-9-]+$")
ROMAN_RE = re.compile(r"^(I|II|III|IV|V|VI|VII)\.\s+(.+)$")
SUBHEAD_RE = re.compile(r"^(\d+|[a-zđ])[\.\)]\s+\S")
MARKER_RE = re.compile(r"^(\(\d+\)\s+|-\s+|\+\s+|\d+\.\d+\.\s+)")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
TASK_MIN, TASK_MAX, RES_MIN, RES_MAX = 10, 18, 10, 18

errors = []


def err(msg):
    errors.append(msg)


def load():
    path = os.path.join(HERE, "gold.json")
    with open(path, "rb") as f:
        raw = f.read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err("gold.json has a BOM")
    return json.loads(raw.decode("utf-8"))


def check_form(g):
    need = {"documents": list, "tasks": list, "results": list, "follow_through": list,
            "carry_over": list, "gaps": list}
    for k, t in need.items():
        if not isinstance(g.get(k), t):
            err(f"form: '{k}' missing or not a {t.__name__}")
    if "cross_unit_decoys" in g and not isinstance(g["cross_unit_decoys"], list):
        err("form: cross_unit_decoys not a list")
    extra = set(g) - set(need) - {"cross_unit_decoys"}
    if extra:
        err(f"form: unknown keys {sorted(extra)}")
    for d in g.get("documents", []):
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err(f"form: document keys {sorted(d)}")
        if not isinstance(d.get("reported_months"), list):
            err(f"form: reported_months of {d.get('file')} not a list")
        for m in d.get("reported_months", []) + [d.get("planned_period")]:
            if not isinstance(m, str) or not MONTH_RE.match(m):
                err(f"form: bad month {m!r} in {d.get('file')}")
    for key in ("tasks", "results"):
        for it in g.get(key, []):
            if set(it) != {"id", "file", "period", "text"}:
                err(f"form: {key} item keys {sorted(it)}")
            if not ID_RE.match(str(it.get("id", ""))):
                err(f"form: bad id {it.get('id')!r}")
            if not isinstance(it.get("text"), str) or not it["text"].strip():
                err(f"form: empty text for {it.get('id')}")
            if not MONTH_RE.match(str(it.get("period", ""))):
                err(f"form: bad period for {it.get('id')}")
    for l in g.get("follow_through", []):
        if set(l) != {"task", "result", "status"}:
            err(f"form: follow_through keys {sorted(l)}")
    for l in g.get("carry_over", []):
        if set(l) != {"from", "to", "kind"}:
            err(f"form: carry_over keys {sorted(l)}")
    for p in g.get("cross_unit_decoys", []):
        if not (isinstance(p, list) and len(p) == 2):
            err(f"form: decoy pair {p!r}")


def read_doc(fname):
    path = os.path.join(HERE, fname)
    if not os.path.isfile(path):
        err(f"{fname}: missing")
        return None
    with open(path, "rb") as f:
        raw = f.read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err(f"{fname}: BOM")
    if b"\r" in raw:
        err(f"{fname}: CR line ends")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err(f"{fname}: not UTF-8 ({e})")
        return None
    if unicodedata.normalize("NFC", text) != text:
        err(f"{fname}: not NFC")
    return text


def sections(text):
    """Return list of (kind, start, end) char ranges: results / limits / tasks."""
    out = []
    pos = 0
    cur = None
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        s = line.strip()
        m = ROMAN_RE.match(s)
        if m:
            title = m.group(2).upper()
            if "KẾT QUẢ" in title:
                kind = "results"
            elif "HẠN CHẾ" in title or "TỒN TẠI" in title:
                kind = "limits"
            elif "NHIỆM VỤ" in title or "PHƯƠNG HƯỚNG" in title:
                kind = "tasks"
            else:
                kind = "other"
            if cur:
                out.append(tuple(cur))
            cur = [kind, end + 1, None]
            cur[2] = cur[1]
            continue
        if s.startswith("Trên đây") or s.startswith("Nơi nhận"):
            if cur:
                out.append(tuple(cur))
                cur = None
            continue
        if cur:
            cur[2] = end
    if cur:
        out.append(tuple(cur))
    return out


def main():
    g = load()
    check_form(g)
    if errors:
        return finish()

    docs = {d["file"]: d for d in g["documents"]}
    if len(docs) != len(g["documents"]):
        err("duplicate document files")
    texts = {}
    for fname, d in docs.items():
        m = FILE_RE.match(fname)
        if not m:
            err(f"{fname}: bad file name")
        elif m.group(1) != d["planned_period"]:
            err(f"{fname}: name month != planned_period {d['planned_period']}")
        if d["reported_months"] and max(d["reported_months"]) >= d["planned_period"]:
            err(f"{fname}: reported month not before planned period")
        t = read_doc(fname)
        if t is not None:
            texts[fname] = t
    on_disk = {f for f in os.listdir(HERE) if f.endswith(".txt")}
    if on_disk != set(docs):
        err(f"txt files on disk {sorted(on_disk ^ set(docs))} differ from documents")

    items = {}
    for kind, key in (("task", "tasks"), ("result", "results")):
        for it in g[key]:
            if it["id"] in items:
                err(f"duplicate id {it['id']}")
            items[it["id"]] = (kind, it)
    # exact unique substrings, no overlaps
    spans = {f: [] for f in docs}
    for iid, (kind, it) in items.items():
        f = it["file"]
        if f not in docs:
            err(f"{iid}: unknown file {f}")
            continue
        t = texts.get(f)
        if t is None:
            continue
        if unicodedata.normalize("NFC", it["text"]) != it["text"]:
            err(f"{iid}: text not NFC")
        n = t.count(it["text"])
        if n != 1:
            err(f"{iid}: text found {n} times in {f}")
            continue
        a = t.index(it["text"])
        spans[f].append((a, a + len(it["text"]), iid, kind))
        d = docs[f]
        if kind == "task" and it["period"] != d["planned_period"]:
            err(f"{iid}: period {it['period']} != planned {d['planned_period']}")
        if kind == "result" and it["period"] not in d["reported_months"]:
            err(f"{iid}: period {it['period']} not reported by {f}")
    for f, sp in spans.items():
        sp.sort()
        for (a1, b1, i1, _), (a2, b2, i2, _) in zip(sp, sp[1:]):
            if a2 < b1:
                err(f"{f}: items {i1} and {i2} overlap")

    # coverage of sections
    for f, t in texts.items():
        secs = sections(t)
        kinds = [s[0] for s in secs]
        if "tasks" not in kinds:
            err(f"{f}: no tasks section")
        sp = spans[f]
        # each item inside a section of its kind
        for a, b, iid, kind in sp:
            want = "tasks" if kind == "task" else "results"
            if not any(k == want and s <= a and b <= e for k, s, e in secs):
                err(f"{iid}: not inside a {want} section of {f}")
        covered = bytearray(len(t))
        for a, b, iid, kind in sp:
            for i in range(a, b):
                covered[i] = 1
        for k, s, e in secs:
            if k not in ("results", "tasks"):
                continue
            pos = s
            for line in t[s:e].split("\n"):
                ls, le = pos, pos + len(line)
                pos = le + 1
                st = line.strip()
                if not st:
                    continue
                if SUBHEAD_RE.match(st) and not MARKER_RE.match(st) and st[-1] not in ".;:":
                    continue  # heading
                if st.endswith(":"):
                    continue  # lead-in
                if k == "tasks" and st.startswith("Giao "):
                    continue  # assignment of the document
                if st.startswith("Nguyên nhân"):
                    continue
                mk = MARKER_RE.match(line.lstrip())
                off = ls + (len(line) - len(line.lstrip())) + (mk.end() if mk else 0)
                bad = [i for i in range(off, le) if not covered[i] and not t[i].isspace()]
                if bad:
                    err(f"{f}: unlabelled text in {k} section: {t[bad[0]:le][:70]!r}")
        # counts
        nt = sum(1 for x in sp if x[3] == "task")
        nr = sum(1 for x in sp if x[3] == "result")
        if not TASK_MIN <= nt <= TASK_MAX:
            err(f"{f}: {nt} tasks")
        if nr and not RES_MIN <= nr <= RES_MAX:
            err(f"{f}: {nr} results")
        if not nr and docs[f]["reported_months"]:
            err(f"{f}: reports months but has no results")

    # links
    def doc_of(iid):
        return docs[items[iid][1]["file"]]

    unit_docs = {}
    for d in g["documents"]:
        unit_docs.setdefault(d["unit"], []).append(d)
    for u in unit_docs:
        unit_docs[u].sort(key=lambda d: d["planned_period"])
    ft_pairs, co_pairs = set(), set()
    linked = set()
    for l in g["follow_through"]:
        t, r, s = l["task"], l["result"], l["status"]
        if items.get(t, ("",))[0] != "task" or items.get(r, ("",))[0] != "result":
            err(f"follow_through {t}->{r}: unknown ids")
            continue
        if (t, r) in ft_pairs:
            err(f"follow_through {t}->{r}: duplicate")
        ft_pairs.add((t, r))
        if s not in STATUSES:
            err(f"follow_through {t}->{r}: status {s}")
        dt, dr = doc_of(t), doc_of(r)
        if dt["unit"] != dr["unit"]:
            err(f"follow_through {t}->{r}: across units")
        if dr["planned_period"] <= dt["planned_period"]:
            err(f"follow_through {t}->{r}: not forward")
        tp = items[t][1]["period"]
        if items[r][1]["period"] < tp:
            err(f"follow_through {t}->{r}: result period before task period")
        if tp not in dr["reported_months"]:
            err(f"follow_through {t}->{r}: result doc does not report {tp}")
        first = next((d for d in unit_docs[dt["unit"]] if tp in d["reported_months"]
                      and d["planned_period"] > dt["planned_period"]), None)
        if first is not dr:
            err(f"follow_through {t}->{r}: not in the first document reporting {tp}")
        linked.add(t)
    for l in g["carry_over"]:
        a, b, k = l["from"], l["to"], l["kind"]
        if items.get(a, ("",))[0] != "task" or items.get(b, ("",))[0] != "task":
            err(f"carry_over {a}->{b}: unknown ids")
            continue
        if (a, b) in co_pairs:
            err(f"carry_over {a}->{b}: duplicate")
        co_pairs.add((a, b))
        if k not in KINDS:
            err(f"carry_over {a}->{b}: kind {k}")
        da, db = doc_of(a), doc_of(b)
        if da["unit"] != db["unit"]:
            err(f"carry_over {a}->{b}: across units")
        if db["planned_period"] <= da["planned_period"]:
            err(f"carry_over {a}->{b}: not forward")
        linked.add(a)
    # split kind comes in pairs from the same task
    splits = {}
    for l in g["carry_over"]:
        if l["kind"] == "split":
            splits.setdefault(l["from"], []).append(l["to"])
    for a, tos in splits.items():
        if len(tos) < 2:
            err(f"carry_over split from {a} has only one target")

    # gaps: exactly the unlinked tasks of non-last documents
    last = {u: ds[-1]["file"] for u, ds in unit_docs.items()}
    expect = set()
    for iid, (kind, it) in items.items():
        if kind != "task":
            continue
        d = docs[it["file"]]
        if it["file"] != last[d["unit"]] and iid not in linked:
            expect.add(iid)
    gaps = g["gaps"]
    if len(set(gaps)) != len(gaps):
        err("duplicate gap ids")
    if set(gaps) != expect:
        err(f"gaps differ: missing {sorted(expect - set(gaps))}, extra {sorted(set(gaps) - expect)}")

    # decoys never linked, and across units
    for p in g.get("cross_unit_decoys", []):
        a, b = p
        if a not in items or b not in items:
            err(f"decoy {p}: unknown ids")
            continue
        if doc_of(a)["unit"] == doc_of(b)["unit"]:
            err(f"decoy {p}: same unit")
        for x, y in ((a, b), (b, a)):
            if (x, y) in ft_pairs or (x, y) in co_pairs:
                err(f"decoy {p}: linked")
    if len(unit_docs) < 2 and g.get("cross_unit_decoys"):
        err("decoys given but only one unit")
    return finish()


def finish():
    if errors:
        for e in errors:
            print("ERROR:", e)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
