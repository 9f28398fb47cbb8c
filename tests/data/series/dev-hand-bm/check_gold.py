#!/usr/bin/env python3
"""Check gold.json of this folder against the documents beside it. Prints OK or the errors."""
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def err(msg):
    errors.append(msg)


FNAME = re.compile(r"^([a-z0-9-]+)_(\d{4}-\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
HEAD_MARK = re.compile(r"^(?:[IVX]+\.|\d+\.|[a-dđ]\)|\*)\s")


def load():
    path = os.path.join(HERE, "gold.json")
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err("gold.json has a BOM")
    return json.loads(raw.decode("utf-8"))


def check_form(g):
    need = {"documents": list, "tasks": list, "results": list, "follow_through": list,
            "carry_over": list, "gaps": list, "cross_unit_decoys": list}
    for k, t in need.items():
        if not isinstance(g.get(k), t):
            err("gold.json: key %s missing or not a %s" % (k, t.__name__))
    extra = set(g) - set(need)
    if extra:
        err("gold.json: unexpected keys %s" % sorted(extra))
    for d in g.get("documents", []):
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err("document keys: %s" % d)
    for kind in ("tasks", "results"):
        for it in g.get(kind, []):
            if set(it) != {"id", "file", "period", "text"}:
                err("%s item keys: %s" % (kind, it))
    for l in g.get("follow_through", []):
        if set(l) != {"task", "result", "status"}:
            err("follow_through keys: %s" % l)
    for l in g.get("carry_over", []):
        if set(l) != {"from", "to", "kind"}:
            err("carry_over keys: %s" % l)
    for p in g.get("cross_unit_decoys", []):
        if not (isinstance(p, list) and len(p) == 2):
            err("decoy not a pair: %s" % p)


def read_doc(fname):
    raw = open(os.path.join(HERE, fname), "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err("%s: BOM" % fname)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err("%s: not UTF-8 (%s)" % (fname, e))
        return ""
    if "\r" in text:
        err("%s: CR line ends" % fname)
    if unicodedata.normalize("NFC", text) != text:
        err("%s: not NFC" % fname)
    return text


def classify_heading(line):
    """Return 'res', 'lim', 'task', 'none' for a section heading, 'keep' for a field heading, None for prose."""
    s = line.strip()
    is_head = bool(HEAD_MARK.match(s)) or (s.upper() == s and any(c.isalpha() for c in s) and len(s) < 120)
    low = s.lower()
    if low.startswith("nơi nhận"):
        return "none"
    if not is_head:
        return None
    if "kiến nghị" in low or "đề xuất" in low:
        return "none"
    if "kết quả" in low:
        return "res"
    if "hạn chế" in low or "tồn tại" in low:
        return "lim"
    if "nhiệm vụ" in low or "phương hướng" in low:
        return "task"
    return "keep"  # a field heading ("1. Lĩnh vực kinh tế"): the section goes on


def bullets_by_section(text):
    """Yield (section, kind, content, line) for each line of the document."""
    section = "none"
    out = []
    for line in text.split("\n"):
        s = line.strip()
        if not s:
            continue
        if s.startswith("- ") or s.startswith("+ "):
            out.append((section, "bullet", s[2:].strip(), s))
            continue
        c = classify_heading(s)
        if c is not None:
            if c != "keep":
                section = c
            out.append((section, "heading", s, s))
        else:
            out.append((section, "prose", s, s))
    return out


def internal_sentence_break(t):
    body = t.rstrip()
    for i in range(len(body) - 2):
        if body[i] in ".!?" and body[i + 1] == " " and body[i + 2].isupper():
            return True
    return False


def main():
    g = load()
    check_form(g)
    docs = {d["file"]: d for d in g["documents"]}
    on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if sorted(docs) != on_disk:
        err("documents in gold.json %s != .txt files %s" % (sorted(docs), on_disk))

    texts = {}
    for f, d in docs.items():
        m = FNAME.match(f)
        if not m:
            err("bad file name %s" % f)
            continue
        if m.group(2) != d["planned_period"]:
            err("%s: file month != planned_period %s" % (f, d["planned_period"]))
        if not d["reported_months"]:
            err("%s: no reported months" % f)
        for rm in d["reported_months"]:
            if not MONTH.match(rm) or rm >= d["planned_period"]:
                err("%s: reported month %s not before planned %s" % (f, rm, d["planned_period"]))
        if not MONTH.match(d["planned_period"]):
            err("%s: bad planned_period" % f)
        if not d["unit"].strip():
            err("%s: empty unit" % f)
        texts[f] = read_doc(f) if os.path.exists(os.path.join(HERE, f)) else ""

    # unit slugs consistent
    slug_unit = {}
    for f, d in docs.items():
        m = FNAME.match(f)
        if m:
            slug_unit.setdefault(m.group(1), set()).add(d["unit"])
    for s, us in slug_unit.items():
        if len(us) != 1:
            err("slug %s has several units %s" % (s, us))

    items = {}
    for kind in ("tasks", "results"):
        for it in g[kind]:
            if it["id"] in items:
                err("duplicate id %s" % it["id"])
            items[it["id"]] = dict(it, kind=kind[:-1])

    # exact, unique, non-overlapping; periods
    spans = {}
    for iid, it in items.items():
        f = it["file"]
        if f not in docs:
            err("%s: unknown file %s" % (iid, f))
            continue
        t, txt = it["text"], texts[f]
        if not t.strip() or t != t.strip():
            err("%s: empty or untrimmed text" % iid)
        n = txt.count(t)
        if n != 1:
            err("%s: text found %d times in %s" % (iid, n, f))
            continue
        if internal_sentence_break(t):
            err("%s: more than one sentence: %s" % (iid, t))
        a = txt.index(t)
        spans.setdefault(f, []).append((a, a + len(t), iid))
        d = docs[f]
        if it["kind"] == "task" and it["period"] != d["planned_period"]:
            err("%s: task period %s != planned %s" % (iid, it["period"], d["planned_period"]))
        if it["kind"] == "result" and it["period"] not in d["reported_months"]:
            err("%s: result period %s not in reported %s" % (iid, it["period"], d["reported_months"]))
    for f, sp in spans.items():
        sp.sort()
        for (a1, b1, i1), (a2, b2, i2) in zip(sp, sp[1:]):
            if a2 < b1:
                err("%s: %s overlaps %s" % (f, i1, i2))

    # every bullet of results / tasks sections labelled, and in the right section
    by_text = {}
    for iid, it in items.items():
        by_text.setdefault((it["file"], it["text"]), iid)
    for f, txt in texts.items():
        seen = set()
        counts = {"task": 0, "result": 0}
        for section, kind, content, line in bullets_by_section(txt):
            if kind == "bullet":
                iid = by_text.get((f, content))
                if section in ("res", "task"):
                    want = "result" if section == "res" else "task"
                    if iid is None:
                        err("%s: unlabelled %s bullet: %s" % (f, want, line))
                    elif items[iid]["kind"] != want:
                        err("%s: %s labelled %s but lies in a %s section" % (f, iid, items[iid]["kind"], want))
                    else:
                        seen.add(iid)
                        counts[want] += 1
                elif iid is not None:
                    err("%s: %s lies outside any results/tasks section (%s)" % (f, iid, section))
            elif kind == "prose" and section in ("res", "task"):
                if not (content.endswith(":") or content.startswith("Trên đây") or content.startswith("Giao ")):
                    err("%s: prose sentence in a %s section not labelled: %s" % (f, section, content))
        for iid, it in items.items():
            if it["file"] == f and iid not in seen:
                err("%s: item %s is not a whole bullet of a %s section" % (f, iid, it["kind"]))
        if not 10 <= counts["task"] <= 18:
            err("%s: %d tasks (want 10-18)" % (f, counts["task"]))
        if not (10 <= counts["result"] <= 18 or counts["result"] == 0):
            err("%s: %d results (want 10-18 or 0)" % (f, counts["result"]))

    # links
    unit_docs = {}
    for f, d in docs.items():
        unit_docs.setdefault(d["unit"], []).append(d)
    for u in unit_docs:
        unit_docs[u].sort(key=lambda d: d["planned_period"])

    def doc_of(iid):
        return docs[items[iid]["file"]]

    linked = set()
    pairs = set()
    for l in g["follow_through"]:
        t, r = l["task"], l["result"]
        if t not in items or items[t]["kind"] != "task":
            err("follow_through: %s is not a task" % t)
            continue
        if r not in items or items[r]["kind"] != "result":
            err("follow_through: %s is not a result" % r)
            continue
        if l["status"] not in STATUSES:
            err("follow_through %s->%s: status %s" % (t, r, l["status"]))
        dt, dr = doc_of(t), doc_of(r)
        if dt["unit"] != dr["unit"]:
            err("follow_through %s->%s crosses units" % (t, r))
            continue
        later = [d for d in unit_docs[dt["unit"]] if d["planned_period"] > dt["planned_period"]
                 and items[t]["period"] in d["reported_months"]]
        if not later or later[0]["file"] != dr["file"]:
            err("follow_through %s->%s: result not in the first later document reporting on %s" % (t, r, items[t]["period"]))
        if (t, r) in pairs:
            err("duplicate follow_through %s->%s" % (t, r))
        pairs.add((t, r))
        linked.add(t)
    for l in g["carry_over"]:
        a, b = l["from"], l["to"]
        if a not in items or items[a]["kind"] != "task" or b not in items or items[b]["kind"] != "task":
            err("carry_over %s->%s: not two tasks" % (a, b))
            continue
        if l["kind"] not in KINDS:
            err("carry_over %s->%s: kind %s" % (a, b, l["kind"]))
        da, db = doc_of(a), doc_of(b)
        if da["unit"] != db["unit"]:
            err("carry_over %s->%s crosses units" % (a, b))
        if not da["planned_period"] < db["planned_period"]:
            err("carry_over %s->%s not forward in time" % (a, b))
        if (a, b) in pairs:
            err("duplicate carry_over %s->%s" % (a, b))
        pairs.add((a, b))
        linked.add(a)
    # a split must have at least two targets
    split_from = {}
    for l in g["carry_over"]:
        if l["kind"] == "split":
            split_from.setdefault(l["from"], []).append(l["to"])
    for a, tos in split_from.items():
        if len(tos) < 2:
            err("split %s has a single target" % a)

    # gaps: exactly the unlinked tasks of non-last documents
    last = {u: ds[-1]["file"] for u, ds in unit_docs.items()}
    want_gaps = sorted(iid for iid, it in items.items()
                       if it["kind"] == "task" and iid not in linked
                       and it["file"] != last[docs[it["file"]]["unit"]])
    if sorted(g["gaps"]) != want_gaps:
        err("gaps %s != unlinked tasks of non-last documents %s" % (sorted(g["gaps"]), want_gaps))
    for iid in g["gaps"]:
        if items.get(iid, {}).get("file") in last.values():
            err("gap %s is in a unit's last document" % iid)

    # decoys
    units = set(d["unit"] for d in docs.values())
    if len(units) >= 2 and len(g["cross_unit_decoys"]) < 12:
        err("only %d cross-unit decoys" % len(g["cross_unit_decoys"]))
    seen_pairs = set()
    for p in g["cross_unit_decoys"]:
        a, b = p
        if a not in items or b not in items:
            err("decoy %s: unknown id" % p)
            continue
        if doc_of(a)["unit"] == doc_of(b)["unit"]:
            err("decoy %s: same unit" % p)
        if (a, b) in pairs or (b, a) in pairs:
            err("decoy %s is linked" % p)
        if frozenset(p) in seen_pairs:
            err("duplicate decoy %s" % p)
        seen_pairs.add(frozenset(p))

    if errors:
        for e in errors:
            print("ERROR:", e)
        print("%d error(s)" % len(errors))
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
