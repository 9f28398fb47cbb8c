#!/usr/bin/env python3
"""Check gold.json of the hand-te series against its documents. Prints OK or the problems."""
import json, os, re, sys, unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ERR = []


def err(msg):
    ERR.append(msg)


STATUSES = {"done", "partial"}
KINDS = {"unfinished", "unfinished_reworded", "routine", "next_step", "split"}
NAME = re.compile(r"^([a-z0-9-]+)_(\d{4}-\d{2})\.txt$")
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def ym(year, month):
    return "%04d-%02d" % (int(year), int(month))


def load_gold():
    with open(os.path.join(HERE, "gold.json"), encoding="utf-8") as f:
        return json.load(f)


# ------------------------------------------------------------------ form
def check_form(g):
    need = {"documents": list, "tasks": list, "results": list, "follow_through": list,
            "carry_over": list, "gaps": list}
    for k, t in need.items():
        if not isinstance(g.get(k), t):
            err("form: missing or wrong type for %s" % k)
    extra = set(g) - set(need) - {"cross_unit_decoys"}
    if extra:
        err("form: unknown keys %s" % sorted(extra))
    for d in g.get("documents", []):
        if set(d) != {"file", "unit", "reported_months", "planned_period"}:
            err("form: document keys %s" % sorted(d))
        if not isinstance(d.get("reported_months"), list) or not all(MONTH.match(m) for m in d.get("reported_months", [])):
            err("form: reported_months of %s" % d.get("file"))
        if not MONTH.match(str(d.get("planned_period"))):
            err("form: planned_period of %s" % d.get("file"))
    for key in ("tasks", "results"):
        for it in g.get(key, []):
            if set(it) != {"id", "file", "period", "text"}:
                err("form: %s item keys %s" % (key, sorted(it)))
            if not MONTH.match(str(it.get("period"))):
                err("form: period of %s" % it.get("id"))
            if not isinstance(it.get("text"), str) or not it["text"].strip():
                err("form: empty text %s" % it.get("id"))
    for l in g.get("follow_through", []):
        if set(l) != {"task", "result", "status"}:
            err("form: follow_through keys %s" % sorted(l))
        if l.get("status") not in STATUSES:
            err("status not allowed: %s" % l)
    for l in g.get("carry_over", []):
        if set(l) != {"from", "to", "kind"}:
            err("form: carry_over keys %s" % sorted(l))
        if l.get("kind") not in KINDS:
            err("kind not allowed: %s" % l)
    for p in g.get("cross_unit_decoys", []):
        if not (isinstance(p, list) and len(p) == 2):
            err("form: decoy pair %s" % p)


# ------------------------------------------------------------------ files
def read_doc(fname):
    path = os.path.join(HERE, fname)
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err("%s: BOM" % fname)
    if b"\r" in raw:
        err("%s: CR line ends" % fname)
    try:
        txt = raw.decode("utf-8")
    except UnicodeDecodeError:
        err("%s: not UTF-8" % fname)
        return ""
    if unicodedata.normalize("NFC", txt) != txt:
        err("%s: not NFC" % fname)
    if not txt.endswith("\n"):
        err("%s: no final newline" % fname)
    if "{{" in txt or "}}" in txt:
        err("%s: hand marks left" % fname)
    return txt


def title_months(fname, txt):
    """Reported months and planned month from the title line."""
    for line in txt.split("\n"):
        if re.search(r"kết quả công tác tháng", line, re.I):
            months = re.findall(r"tháng (\d{1,2})", line)
            year = re.search(r"năm (\d{4})", line)
            if not months or not year:
                break
            ms = [ym(year.group(1), m) for m in months]
            return ms[:-1], ms[-1]
    err("%s: no title with months" % fname)
    return [], None


def doc_date(fname, txt):
    m = re.search(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", txt)
    if not m:
        err("%s: no date" % fname)
        return None
    return "%s-%02d-%02d" % (m.group(3), int(m.group(2)), int(m.group(1)))


# ------------------------------------------------------------------ sections
def segments(fname, txt, reported, planned):
    """Yield (kind, month, abs_start, content) for every bullet/labelled paragraph of the
    results (R), limitations (L) and tasks (T) sections; headings and lead-ins are skipped."""
    segs = []
    year = planned[:4]
    offs, pos = [], 0
    lines = txt.split("\n")
    for line in lines:
        offs.append(pos)
        pos += len(line) + 1
    if "ĐẢNG CỘNG SẢN VIỆT NAM" in txt:            # layout of the Party office (phường Vân Trì)
        state = None
        for line, off in zip(lines, offs):
            s = line.strip()
            m = re.match(r"^I\. KẾT QUẢ .*THÁNG (\d{1,2})", s)
            if m:
                state = ("R", ym(year, m.group(1)))
                continue
            if re.match(r"^II\. HẠN CHẾ", s):
                state = ("L", None)
                continue
            m = re.match(r"^III\. NHIỆM VỤ .*THÁNG (\d{1,2})", s)
            if m:
                state = ("T", ym(year, m.group(1)))
                continue
            if s.startswith("Giao ") or s.startswith("Nơi nhận"):
                state = None
                continue
            if state is None or not s:
                continue
            if re.match(r"^\d+\. ", s) or s.endswith(":") or s.startswith("Nguyên nhân"):
                continue                               # heading, lead-in, causes
            m = re.match(r"^(- |\(\d+\) )", line)
            if not m:
                err("%s: unexpected paragraph in section %s: %r" % (fname, state[0], s[:60]))
                continue
            segs.append((state[0], state[1], off + m.end(), line[m.end():]))
    elif "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in txt:  # layout of the state office (xã Đông Lĩnh)
        for line, off in zip(lines, offs):
            m = re.match(r"^Đã thực hiện(?: tháng (\d{1,2}))?: ", line)
            if m:
                if m.group(1):
                    month = ym(year, m.group(1))
                elif len(reported) == 1:
                    month = reported[0]
                else:
                    err("%s: unlabelled month in a two-month report" % fname)
                    month = None
                segs.append(("R", month, off + m.end(), line[m.end():]))
                continue
            m = re.match(r"^Tồn tại: ", line)
            if m:
                segs.append(("L", None, off + m.end(), line[m.end():]))
                continue
            m = re.match(r"^Kế hoạch tháng (\d{1,2}): ", line)
            if m:
                segs.append(("T", ym(year, m.group(1)), off + m.end(), line[m.end():]))
    else:
        err("%s: unknown layout" % fname)
    return segs


def sentences(start, content):
    """Split a bullet/paragraph into sentences: a full stop followed by blanks and an
    upper-case letter or a digit ends a sentence. Returns (abs_start, abs_end) without the stop."""
    out, i = [], 0
    for m in re.finditer(r"\.\s+", content):
        nxt = content[m.end():m.end() + 1]
        if nxt and (nxt.isupper() or nxt.isdigit()):
            out.append((start + i, start + m.start()))
            i = m.end()
    rest = content[i:].rstrip()
    if rest.endswith("."):
        rest = rest[:-1]
    if rest:
        out.append((start + i, start + i + len(rest)))
    return out


# ------------------------------------------------------------------ main
def main():
    g = load_gold()
    check_form(g)
    if ERR:
        return
    docs = g["documents"]
    files = [d["file"] for d in docs]
    if len(set(files)) != len(files):
        err("duplicate documents")
    on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if sorted(files) != on_disk:
        err("documents in gold.json %s differ from .txt files %s" % (sorted(files), on_disk))

    doc_by_file = {d["file"]: d for d in docs}
    texts, slug_unit = {}, {}
    for d in docs:
        m = NAME.match(d["file"])
        if not m:
            err("bad file name %s" % d["file"])
            continue
        slug, month = m.groups()
        if month != d["planned_period"]:
            err("%s: planned_period %s differs from name" % (d["file"], d["planned_period"]))
        if slug_unit.setdefault(slug, d["unit"]) != d["unit"]:
            err("slug %s used for two units" % slug)
        txt = read_doc(d["file"])
        texts[d["file"]] = txt
        if d["unit"].lower() not in txt.lower():
            err("%s: unit name %r not in the text" % (d["file"], d["unit"]))
        rep, plan = title_months(d["file"], txt)
        if plan != d["planned_period"] or rep != d["reported_months"]:
            err("%s: title months %s/%s differ from gold %s/%s" % (d["file"], rep, plan, d["reported_months"], d["planned_period"]))
        date = doc_date(d["file"], txt)
        if date and not (d["reported_months"][-1] <= date[:7] < d["planned_period"]):
            err("%s: date %s not at the end of the reported period" % (d["file"], date))
        for r in d["reported_months"]:
            if r >= d["planned_period"]:
                err("%s: reported month %s not before planned period" % (d["file"], r))
    if len(set(slug_unit.values())) != len(slug_unit):
        err("one unit under two slugs")

    # units and their documents in time order
    unit_docs = defaultdict(list)
    for d in docs:
        unit_docs[d["unit"]].append(d)
    for u in unit_docs:
        unit_docs[u].sort(key=lambda d: d["planned_period"])
    last_doc = {u: ds[-1]["file"] for u, ds in unit_docs.items()}

    # items: exact, unique, non-overlapping substrings
    items = {}
    spans = defaultdict(list)
    for key, kind in (("tasks", "T"), ("results", "R")):
        for it in g[key]:
            if it["id"] in items:
                err("duplicate id %s" % it["id"])
            if it["file"] not in texts:
                err("%s: unknown file %s" % (it["id"], it["file"]))
                continue
            txt = texts[it["file"]]
            if unicodedata.normalize("NFC", it["text"]) != it["text"]:
                err("%s: text not NFC" % it["id"])
            n = txt.count(it["text"])
            if n != 1:
                err("%s: text found %d times in %s" % (it["id"], n, it["file"]))
                continue
            s = txt.index(it["text"])
            items[it["id"]] = dict(it, kind=kind, start=s, end=s + len(it["text"]),
                                   unit=doc_by_file[it["file"]]["unit"])
            spans[it["file"]].append((s, s + len(it["text"]), it["id"]))
    for f, sp in spans.items():
        sp.sort()
        for a, b in zip(sp, sp[1:]):
            if b[0] < a[1]:
                err("%s: %s overlaps %s" % (f, a[2], b[2]))

    # every sentence of the results and tasks sections is exactly one labelled item
    counts = {}
    for d in docs:
        f = d["file"]
        txt = texts.get(f, "")
        by_span = {(s, e): i for s, e, i in spans.get(f, [])}
        used = set()
        nt = nr = 0
        for kind, month, start, content in segments(f, txt, d["reported_months"], d["planned_period"]):
            for s, e in sentences(start, content):
                iid = by_span.get((s, e))
                if kind == "L":
                    if iid:
                        err("%s: %s labelled inside a limitation" % (f, iid))
                    continue
                if iid is None:
                    err("%s: unlabelled %s sentence: %r" % (f, kind, txt[s:e][:70]))
                    continue
                it = items[iid]
                used.add(iid)
                if it["kind"] != kind:
                    err("%s: %s is a %s but sits in a %s section" % (f, iid, it["kind"], kind))
                if it["period"] != month:
                    err("%s: %s period %s but section month %s" % (f, iid, it["period"], month))
                if kind == "T":
                    nt += 1
                    if it["period"] != d["planned_period"]:
                        err("%s: task %s period differs from planned period" % (f, iid))
                else:
                    nr += 1
                    if it["period"] not in d["reported_months"]:
                        err("%s: result %s period not a reported month" % (f, iid))
        for s, e, iid in spans.get(f, []):
            if iid not in used:
                err("%s: %s is not a whole sentence/bullet of a results or tasks section" % (f, iid))
        counts[f] = (nt, nr)
        if not 10 <= nt <= 18:
            err("%s: %d tasks (need 10-18)" % (f, nt))
        if not (10 <= nr <= 18 or nr == 0):
            err("%s: %d results (need 10-18)" % (f, nr))

    # links
    def doc_of(iid):
        return doc_by_file[items[iid]["file"]]

    linked = set()
    ft_pairs = set()
    for l in g["follow_through"]:
        t, r = l["task"], l["result"]
        if items.get(t, {}).get("kind") != "T" or items.get(r, {}).get("kind") != "R":
            err("follow_through %s -> %s: not task -> result" % (t, r))
            continue
        if (t, r) in ft_pairs:
            err("duplicate follow_through %s -> %s" % (t, r))
        ft_pairs.add((t, r))
        if items[t]["unit"] != items[r]["unit"]:
            err("follow_through %s -> %s crosses units" % (t, r))
            continue
        if items[r]["period"] != items[t]["period"]:
            err("follow_through %s -> %s: result reports %s, task planned for %s" % (t, r, items[r]["period"], items[t]["period"]))
        if doc_of(r)["planned_period"] <= doc_of(t)["planned_period"]:
            err("follow_through %s -> %s not forward in time" % (t, r))
        first = next((d["file"] for d in unit_docs[items[t]["unit"]] if items[t]["period"] in d["reported_months"]), None)
        if items[r]["file"] != first:
            err("follow_through %s -> %s: not in the first document reporting %s" % (t, r, items[t]["period"]))
        linked.add(t)
    co_pairs = set()
    for l in g["carry_over"]:
        a, b = l["from"], l["to"]
        if items.get(a, {}).get("kind") != "T" or items.get(b, {}).get("kind") != "T":
            err("carry_over %s -> %s: not task -> task" % (a, b))
            continue
        if (a, b) in co_pairs:
            err("duplicate carry_over %s -> %s" % (a, b))
        co_pairs.add((a, b))
        if items[a]["unit"] != items[b]["unit"]:
            err("carry_over %s -> %s crosses units" % (a, b))
            continue
        if items[b]["period"] <= items[a]["period"]:
            err("carry_over %s -> %s not forward in time" % (a, b))
        linked.add(a)

    # gaps: exactly the unlinked tasks of documents that are not their unit's last
    expect = set()
    for iid, it in items.items():
        if it["kind"] != "T":
            continue
        if it["file"] == last_doc[it["unit"]]:
            if iid in linked:
                err("task %s of a last document has an outgoing link" % iid)
            continue
        if iid not in linked:
            expect.add(iid)
    gaps = g["gaps"]
    if len(set(gaps)) != len(gaps):
        err("duplicate gaps")
    if set(gaps) != expect:
        err("gaps differ: missing %s, extra %s" % (sorted(expect - set(gaps)), sorted(set(gaps) - expect)))

    # decoys: two units, never linked
    decoys = g.get("cross_unit_decoys", [])
    all_links = ft_pairs | co_pairs
    seen = set()
    for a, b in decoys:
        if a not in items or b not in items:
            err("decoy with unknown id %s/%s" % (a, b))
            continue
        if items[a]["unit"] == items[b]["unit"]:
            err("decoy %s/%s within one unit" % (a, b))
        if (a, b) in all_links or (b, a) in all_links:
            err("decoy %s/%s is linked" % (a, b))
        key = frozenset((a, b))
        if key in seen:
            err("duplicate decoy %s/%s" % (a, b))
        seen.add(key)
    if len(unit_docs) == 2 and len(decoys) < 12:
        err("only %d cross-unit decoys (need 12)" % len(decoys))

    # summary
    if not ERR:
        ft = defaultdict(int)
        for l in g["follow_through"]:
            ft[l["status"]] += 1
        co = defaultdict(int)
        for l in g["carry_over"]:
            co[l["kind"]] += 1
        for f in sorted(counts):
            print("  %-22s tasks %2d results %2d" % (f, *counts[f]))
        print("documents %d, tasks %d, results %d" % (len(docs), len(g["tasks"]), len(g["results"])))
        print("follow_through %d %s" % (len(g["follow_through"]), dict(sorted(ft.items()))))
        print("carry_over %d %s" % (len(g["carry_over"]), dict(sorted(co.items()))))
        print("gaps %d, cross_unit_decoys %d" % (len(gaps), len(decoys)))


if __name__ == "__main__":
    main()
    if ERR:
        for e in ERR:
            print("ERROR:", e)
        sys.exit(1)
    print("OK")
