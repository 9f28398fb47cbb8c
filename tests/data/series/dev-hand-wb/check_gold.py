#!/usr/bin/env python3
"""Check gold.json of the hand-WB series against its documents.  Prints OK or the errors.

Checks: the form; file names; UTF-8, NFC, \\n, no BOM; every item text an exact unique
substring of its file and no two items overlapping; every bullet / sentence of the
results and tasks sections labelled by exactly one item of the right kind (headings and
lead-ins skipped), and no item outside those sections; 10-18 tasks and 10-18 results per
document; periods agree with the documents (file name, title/section headings, date);
links within one unit and forward in time (a follow-through result is in the first later
document that reports the task's month); allowed statuses and kinds; gaps exactly the
tasks with neither link in a document that is not its unit's last; decoys are pairs of
existing items of the two units that are never linked.
"""
import json, os, re, sys, unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


def month_re(m):
    return r"(?:tháng|THÁNG)\s+0?%d(?!\d)" % m


def load():
    with open(os.path.join(HERE, "gold.json"), encoding="utf-8") as f:
        return json.load(f)


# ---------- section parsing, one parser per office layout --------------------------
def lines_with_offsets(text):
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def core_span(start, s):
    """span of s (at absolute start) without surrounding blanks and final . or ;"""
    a, b = 0, len(s)
    while a < b and s[a].isspace():
        a += 1
    while b > a and s[b - 1].isspace():
        b -= 1
    while b > a and s[b - 1] in ".;":
        b -= 1
    while b > a and s[b - 1].isspace():
        b -= 1
    return (start + a, start + b)


def sentences(start, line):
    spans, last = [], 0
    for m in re.finditer(r"(?<=[.!?])\s+", line):
        spans.append(core_span(start + last, line[last:m.start()]))
        last = m.end()
    if line[last:].strip():
        spans.append(core_span(start + last, line[last:]))
    return spans


def parse_A(text, fname):
    """Đảng ủy phường Trúc Lâm: PHẦN MỘT results ('+ ' bullets under 'Mảng ...' /
    'Tháng ...' headings), PHẦN HAI limitations, PHẦN BA tasks ('(n) ' bullets under
    lead-ins ending with ':'), closing 'Thường trực Đảng ủy yêu cầu ...'."""
    chunks = {"R": [], "T": []}
    heads = {}
    sec = None
    for off, line in lines_with_offsets(text):
        s = line.strip()
        if s.startswith("PHẦN MỘT"):
            sec = "R"; heads["R"] = s; continue
        if s.startswith("PHẦN HAI"):
            sec = None; continue
        if s.startswith("PHẦN BA"):
            sec = "T"; heads["T"] = s; continue
        if s.startswith("Thường trực Đảng ủy yêu cầu") or s.startswith("Nơi nhận"):
            sec = None; continue
        if sec is None or not s:
            continue
        if sec == "R":
            if line.startswith("+ "):
                chunks["R"].append(core_span(off + 2, line[2:]))
            elif s[-1] in ".;" or s.startswith(("-", "–", "(")):
                err(f"{fname}: unexpected line in results section: {s[:60]}")
            # else: heading (Mảng ..., Tháng ...)
        else:
            m = re.match(r"\(\d+\) ", line)
            if m:
                chunks["T"].append(core_span(off + m.end(), line[m.end():]))
            elif s.endswith(":"):
                pass  # lead-in (đầu mối)
            else:
                err(f"{fname}: unexpected line in tasks section: {s[:60]}")
    return chunks, heads


def parse_B(text, fname):
    """Ủy ban nhân dân xã Phù Vân: Mục 1 results (paragraphs of sentences under
    'n.n. ...' headings), Mục 2 limitations, Mục 3 tasks ('– ' bullets under 10-day
    lead-ins ending with ':'), Mục 4 kiến nghị (not tasks)."""
    chunks = {"R": [], "T": []}
    heads = {}
    sec = None
    for off, line in lines_with_offsets(text):
        s = line.strip()
        if s.startswith("Mục 1."):
            sec = "R"; heads["R"] = s; continue
        if s.startswith("Mục 2."):
            sec = None; continue
        if s.startswith("Mục 3."):
            sec = "T"; heads["T"] = s; continue
        if s.startswith("Mục 4.") or s.startswith("Trên đây"):
            sec = None; continue
        if sec is None or not s:
            continue
        if sec == "R":
            if re.match(r"\d+\.\d+\. ", s) and not s.endswith("."):
                continue  # heading
            if s.endswith(":"):
                continue  # lead-in
            chunks["R"].extend(sentences(off, line))
        else:
            if line.startswith("– "):
                chunks["T"].append(core_span(off + 2, line[2:]))
            elif s.endswith(":"):
                pass  # lead-in (10-day window)
            else:
                err(f"{fname}: unexpected line in tasks section: {s[:60]}")
    return chunks, heads


def main():
    g = load()
    # ---------- form ----------
    for k in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
        if k not in g or not isinstance(g[k], list):
            err(f"gold.json: missing list '{k}'")
    if errors:
        return
    docs = {}
    for d in g["documents"]:
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err(f"document keys: {d}")
            continue
        if d["file"] in docs:
            err(f"duplicate document {d['file']}")
        docs[d["file"]] = d
    items = {}
    for kind, key in (("T", "tasks"), ("R", "results")):
        for it in g[key]:
            if set(it) != {"id", "file", "period", "text"}:
                err(f"{key} keys: {it}")
                continue
            if it["id"] in items:
                err(f"duplicate id {it['id']}")
            if not re.fullmatch(r"[AB]-%s\d\d-\d\d" % kind, it["id"]):
                err(f"bad id {it['id']} for {key}")
            if it["file"] not in docs:
                err(f"{it['id']}: unknown file {it['file']}")
            if not re.fullmatch(r"\d{4}-\d\d", it["period"]):
                err(f"{it['id']}: bad period")
            items[it["id"]] = dict(it, kind=kind)
    if errors:
        return

    # ---------- files ----------
    present = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if present != sorted(docs):
        err(f"txt files on disk {present} differ from documents {sorted(docs)}")
    texts = {}
    for fname, d in docs.items():
        m = re.fullmatch(r"([a-z0-9-]+)_(\d{4}-\d\d)\.txt", fname)
        if not m:
            err(f"bad file name {fname}")
            continue
        if m.group(2) != d["planned_period"]:
            err(f"{fname}: name month != planned_period")
        with open(os.path.join(HERE, fname), "rb") as f:
            raw = f.read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err(f"{fname}: BOM")
        if b"\r" in raw:
            err(f"{fname}: CR line ends")
        try:
            t = raw.decode("utf-8")
        except UnicodeDecodeError:
            err(f"{fname}: not UTF-8")
            continue
        if unicodedata.normalize("NFC", t) != t:
            err(f"{fname}: not NFC")
        if not t.endswith("\n"):
            err(f"{fname}: no final newline")
        texts[fname] = t

    # ---------- unit consistency ----------
    slug_unit = {}
    for fname, d in docs.items():
        slug = fname.split("_")[0]
        if slug_unit.setdefault(slug, d["unit"]) != d["unit"]:
            err(f"{fname}: slug used by two units")
    unit_prefix = {}
    for it in items.values():
        u = docs[it["file"]]["unit"]
        if unit_prefix.setdefault(it["id"][0], u) != u:
            err(f"{it['id']}: id prefix used by two units")

    # ---------- spans: exact, unique, non-overlapping ----------
    spans = {}
    byfile = defaultdict(list)
    for iid, it in items.items():
        t = texts.get(it["file"])
        if t is None:
            continue
        if unicodedata.normalize("NFC", it["text"]) != it["text"]:
            err(f"{iid}: text not NFC")
        if not it["text"].strip() or it["text"] != it["text"].strip():
            err(f"{iid}: empty or padded text")
        n = t.count(it["text"])
        if n != 1:
            err(f"{iid}: text occurs {n} times in {it['file']}")
            continue
        a = t.index(it["text"])
        spans[iid] = (a, a + len(it["text"]))
        byfile[it["file"]].append((a, a + len(it["text"]), iid))
    for fname, lst in byfile.items():
        lst.sort()
        for (a1, b1, i1), (a2, b2, i2) in zip(lst, lst[1:]):
            if a2 < b1:
                err(f"{fname}: {i1} overlaps {i2}")

    # ---------- every bullet / sentence labelled ----------
    for fname, t in texts.items():
        d = docs[fname]
        if "PHẦN MỘT" in t:
            chunks, heads = parse_A(t, fname)
        elif "Mục 1." in t:
            chunks, heads = parse_B(t, fname)
        else:
            err(f"{fname}: unknown layout")
            continue
        for kind in ("R", "T"):
            want = {s: None for s in chunks[kind]}
            have = {spans[i]: i for i in spans
                    if items[i]["file"] == fname and items[i]["kind"] == kind}
            for s in want:
                if s not in have:
                    err(f"{fname}: unlabelled {'result' if kind == 'R' else 'task'} "
                        f"chunk: {t[s[0]:s[1]][:70]!r}")
            for s, i in have.items():
                if s not in want:
                    err(f"{fname}: {i} is not exactly one bullet/sentence of its section")
        # periods agree with headings
        if "T" in heads:
            pm = int(d["planned_period"][5:])
            if not re.search(month_re(pm), heads["T"]):
                err(f"{fname}: tasks heading does not name month {pm}")
        else:
            err(f"{fname}: no tasks section")
        if "R" in heads:
            for rm in d["reported_months"]:
                if not re.search(month_re(int(rm[5:])), heads["R"]):
                    err(f"{fname}: results heading does not name month {rm}")
        # date of issue: the month before the planned period, the last reported month
        m = re.search(r"ngày (\d\d?) tháng (\d\d?) năm (\d{4})", t)
        if not m:
            err(f"{fname}: no date line")
        else:
            issued = "%s-%02d" % (m.group(3), int(m.group(2)))
            y, mo = map(int, d["planned_period"].split("-"))
            prev = "%04d-%02d" % ((y, mo - 1) if mo > 1 else (y - 1, 12))
            if issued != prev:
                err(f"{fname}: issued {issued}, expected {prev}")
            if max(d["reported_months"]) != issued:
                err(f"{fname}: last reported month != month of issue")
        nt = sum(1 for i in items.values() if i["file"] == fname and i["kind"] == "T")
        nr = sum(1 for i in items.values() if i["file"] == fname and i["kind"] == "R")
        if not 10 <= nt <= 18:
            err(f"{fname}: {nt} tasks")
        if not (10 <= nr <= 18 or (nr == 0 and not d["reported_months"])):
            err(f"{fname}: {nr} results")
    for it in items.values():
        d = docs[it["file"]]
        if it["kind"] == "T" and it["period"] != d["planned_period"]:
            err(f"{it['id']}: period != planned period of its file")
        if it["kind"] == "R" and it["period"] not in d["reported_months"]:
            err(f"{it['id']}: period not reported by its file")

    # ---------- links ----------
    unit_docs = defaultdict(list)
    for d in g["documents"]:
        unit_docs[d["unit"]].append(d)
    for u in unit_docs:
        unit_docs[u].sort(key=lambda d: d["planned_period"])
    order = {d["file"]: k for u in unit_docs for k, d in enumerate(unit_docs[u])}
    unit_of = lambda i: docs[items[i]["file"]]["unit"]

    ft_pairs, co_pairs = set(), set()
    for l in g["follow_through"]:
        if set(l) != {"task", "result", "status"}:
            err(f"follow_through keys: {l}"); continue
        t, r = l["task"], l["result"]
        if items.get(t, {}).get("kind") != "T" or items.get(r, {}).get("kind") != "R":
            err(f"follow_through {t}->{r}: not task->result"); continue
        if l["status"] not in ("done", "partial"):
            err(f"follow_through {t}->{r}: status {l['status']}")
        if unit_of(t) != unit_of(r):
            err(f"follow_through {t}->{r}: across units")
        if items[r]["period"] != items[t]["period"]:
            err(f"follow_through {t}->{r}: result reports another month")
        later = [d for d in unit_docs[unit_of(t)]
                 if order[d["file"]] > order[items[t]["file"]]
                 and items[t]["period"] in d["reported_months"]]
        if not later or later[0]["file"] != items[r]["file"]:
            err(f"follow_through {t}->{r}: not in the first later document reporting the month")
        if (t, r) in ft_pairs:
            err(f"duplicate follow_through {t}->{r}")
        ft_pairs.add((t, r))
    for l in g["carry_over"]:
        if set(l) != {"from", "to", "kind"}:
            err(f"carry_over keys: {l}"); continue
        a, b = l["from"], l["to"]
        if items.get(a, {}).get("kind") != "T" or items.get(b, {}).get("kind") != "T":
            err(f"carry_over {a}->{b}: not task->task"); continue
        if l["kind"] not in ("unfinished", "unfinished_reworded", "routine", "next_step", "split"):
            err(f"carry_over {a}->{b}: kind {l['kind']}")
        if unit_of(a) != unit_of(b):
            err(f"carry_over {a}->{b}: across units")
        if not (items[b]["period"] > items[a]["period"]
                and order[items[b]["file"]] > order[items[a]["file"]]):
            err(f"carry_over {a}->{b}: not forward in time")
        if (a, b) in co_pairs:
            err(f"duplicate carry_over {a}->{b}")
        co_pairs.add((a, b))
    splits = defaultdict(int)
    for l in g["carry_over"]:
        if l.get("kind") == "split":
            splits[l["from"]] += 1
    for a, n in splits.items():
        if n < 2:
            err(f"split {a} has only one part")

    # ---------- gaps ----------
    linked = {t for t, _ in ft_pairs} | {a for a, _ in co_pairs}
    last = {u: ds[-1]["file"] for u, ds in unit_docs.items()}
    expected = {i for i, it in items.items()
                if it["kind"] == "T" and it["file"] != last[unit_of(i)] and i not in linked}
    gaps = g["gaps"]
    if len(set(gaps)) != len(gaps):
        err("duplicate gap ids")
    if set(gaps) != expected:
        err(f"gaps differ: extra {sorted(set(gaps) - expected)}, missing {sorted(expected - set(gaps))}")

    # ---------- decoys ----------
    dec = g.get("cross_unit_decoys", [])
    if len(unit_docs) == 2 and not dec:
        err("two units but no cross_unit_decoys")
    allpairs = ft_pairs | co_pairs
    seen = set()
    for p in dec:
        if not (isinstance(p, list) and len(p) == 2 and all(x in items for x in p)):
            err(f"bad decoy {p}"); continue
        x, y = p
        if unit_of(x) == unit_of(y):
            err(f"decoy {p}: same unit")
        if (x, y) in allpairs or (y, x) in allpairs:
            err(f"decoy {p}: linked")
        if frozenset(p) in seen:
            err(f"duplicate decoy {p}")
        seen.add(frozenset(p))


if __name__ == "__main__":
    main()
    if errors:
        for e in errors:
            print("ERROR:", e)
        print(f"{len(errors)} error(s)")
        sys.exit(1)
    print("OK")
