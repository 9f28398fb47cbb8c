#!/usr/bin/env python3
"""Check gold.json of this folder against its documents and the annotation rules. Prints OK."""
import json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []
def err(msg): errors.append(msg)

H_RES = re.compile(r"^([IVX]+|\d+)\.\s+(đánh giá\s+)?(tình hình,\s*)?kết quả", re.I)
H_LIM = re.compile(r"^([IVX]+|\d+)\.\s+(những\s+)?hạn chế", re.I)
H_TASK = re.compile(r"^([IVX]+|\d+)\.\s+(phương hướng|nhiệm vụ)", re.I)
H_END = re.compile(r"^(([IVX]+|\d+)\.\s+tổ chức thực hiện|nơi nhận)", re.I)
MARKER = re.compile(r"^(\(\d+\)|\d+\)|[a-z]\)|\d+(\.\d+)*\.|[IVX]+\.|[-+•])\s*")
FILE_RE = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)_(\d{4}-\d{2})\.txt$")
MONTH_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")

def month_in(text, ym):
    m = int(ym[5:])
    return re.search(r"tháng\s+0?%d(\b|/)" % m, text, re.I) is not None

def main():
    g = json.load(open(os.path.join(HERE, "gold.json"), encoding="utf-8"))
    for k in ("documents", "tasks", "results", "follow_through", "carry_over", "gaps"):
        if k not in g: err("missing key " + k)
    docs = {d["file"]: d for d in g["documents"]}
    order = {}
    for d in g["documents"]:
        for k in ("file", "unit", "reported_months", "planned_period"):
            if k not in d: err("document lacks %s: %s" % (k, d))
        m = FILE_RE.match(d["file"])
        if not m: err("bad file name " + d["file"]); continue
        if m.group(2) != d["planned_period"]: err("file month != planned_period " + d["file"])
        for ym in d["reported_months"] + [d["planned_period"]]:
            if not MONTH_RE.match(ym): err("bad month %s in %s" % (ym, d["file"]))
        if any(ym >= d["planned_period"] for ym in d["reported_months"]):
            err("reported month not before planned " + d["file"])
    # unit ordering
    units = {}
    for d in g["documents"]:
        units.setdefault(d["unit"], []).append(d)
    for u, ds in units.items():
        ds.sort(key=lambda d: d["planned_period"])
        if len({d["planned_period"] for d in ds}) != len(ds): err("two docs plan same month in " + u)
        for i, d in enumerate(ds): order[d["file"]] = (u, i, len(ds))
    # txt files on disk == documents
    on_disk = sorted(f for f in os.listdir(HERE) if f.endswith(".txt"))
    if on_disk != sorted(docs): err("txt files on disk differ from documents: %s" % on_disk)

    items = {}
    for kind, lst in (("task", g["tasks"]), ("result", g["results"])):
        for it in lst:
            for k in ("id", "file", "period", "text"):
                if k not in it: err("%s lacks %s: %s" % (kind, k, it))
            if it["id"] in items: err("duplicate id " + it["id"])
            if it["file"] not in docs: err("unknown file for " + it["id"])
            items[it["id"]] = dict(it, kind=kind)

    texts = {}
    for f, d in docs.items():
        raw = open(os.path.join(HERE, f), "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"): err("BOM in " + f)
        if b"\r" in raw: err("CR in " + f)
        try: t = raw.decode("utf-8")
        except UnicodeDecodeError: err("not UTF-8 " + f); continue
        if unicodedata.normalize("NFC", t) != t: err("not NFC " + f)
        texts[f] = t
        if "ĐẢNG CỘNG SẢN VIỆT NAM" not in t or "Số " not in t or "Nơi nhận" not in t:
            err("header/closing missing in " + f)

    for f, t in texts.items():
        d = docs[f]
        mine = [it for it in items.values() if it["file"] == f]
        spans = []
        for it in mine:
            n = t.count(it["text"])
            if n != 1: err("%s text occurs %d times in %s" % (it["id"], n, f)); continue
            if it["text"] != it["text"].strip() or not it["text"]: err("untrimmed text " + it["id"])
            s = t.index(it["text"]); spans.append((s, s + len(it["text"]), it))
        spans.sort(key=lambda x: x[0])
        for a, b in zip(spans, spans[1:]):
            if b[0] < a[1]: err("overlap %s %s" % (a[2]["id"], b[2]["id"]))
        # sections
        lines = t.split("\n"); pos = 0; sec = None; bounds = []; heads = {}
        for ln in lines:
            s = ln.strip()
            new = None
            if H_RES.match(s): new = "result"
            elif H_LIM.match(s): new = "limitation"
            elif H_TASK.match(s): new = "task"
            elif H_END.match(s): new = "end"
            if new:
                bounds.append((pos, new)); heads.setdefault(new, s)
            pos += len(ln) + 1
        bounds.append((len(t), "end"))
        if [b[1] for b in bounds[:3]] not in (["result", "limitation", "task"],) and not (
                bounds[0][1] == "result"):
            err("section order odd in %s: %s" % (f, [b[1] for b in bounds]))
        for need in ("result", "task"):
            if need not in heads: err("no %s section in %s" % (need, f))
        # periods agree with headings
        if "task" in heads and not month_in(heads["task"], d["planned_period"]):
            err("tasks heading lacks planned month in " + f)
        if "result" in heads:
            for ym in d["reported_months"]:
                if not month_in(heads["result"], ym): err("results heading lacks %s in %s" % (ym, f))
        def section_of(off):
            cur = None
            for p, k in bounds:
                if p <= off: cur = k
                else: break
            return cur
        for s0, s1, it in spans:
            if section_of(s0) != it["kind"]: err("%s not in a %s section" % (it["id"], it["kind"]))
        # every sentence/bullet of result and task sections labelled
        for (p0, k), (p1, _) in zip(bounds, bounds[1:]):
            if k not in ("result", "task"): continue
            body = t[p0:p1]
            for s0, s1, it in sorted(spans, key=lambda x: -x[0]):
                if p0 <= s0 < p1:
                    body = body[:s0 - p0] + "\x00" + body[s1 - p0:]
            cur_month = d["reported_months"][0] if len(d["reported_months"]) == 1 else None
            for i, ln in enumerate(body.split("\n")):
                s = ln.strip()
                if i == 0 or not s: continue
                if "\x00" not in s:
                    if s.endswith(":") or (not re.search(r"[.!?;]$", s) and len(s) < 110):
                        m = re.search(r"tháng\s+0?(\d+)/(\d{4})", s, re.I)
                        if k == "result" and m: cur_month = "%s-%02d" % (m.group(2), int(m.group(1)))
                        continue
                    err("unlabelled line in %s section of %s: %r" % (k, f, s[:80])); continue
                r = MARKER.sub("", s, count=1)
                r = re.sub(r"^[^\x00.!?]*:\s*", "", r)
                if r.replace("\x00", "").strip():
                    err("unlabelled text in %s section of %s: %r" % (k, f, r.replace("\x00", "[ITEM]")[:120]))
            # result periods by sub-heading
            if k == "result":
                cm = d["reported_months"][0] if len(d["reported_months"]) == 1 else None
                off = p0
                for ln in t[p0:p1].split("\n"):
                    m = re.search(r"^\s*[a-z]\)\s*tháng\s+0?(\d+)/(\d{4})", ln, re.I)
                    if m: cm = "%s-%02d" % (m.group(2), int(m.group(1)))
                    for s0, s1, it in spans:
                        if off <= s0 < off + len(ln) + 1 and it["kind"] == "result":
                            if it["period"] != cm: err("%s period %s, section says %s" % (it["id"], it["period"], cm))
                    off += len(ln) + 1
        nt = sum(1 for it in mine if it["kind"] == "task")
        nr = sum(1 for it in mine if it["kind"] == "result")
        if not 10 <= nt <= 18: err("%s has %d tasks" % (f, nt))
        if not (10 <= nr <= 18 or nr == 0): err("%s has %d results" % (f, nr))
        for it in mine:
            if it["kind"] == "task" and it["period"] != d["planned_period"]: err("task period " + it["id"])
            if it["kind"] == "result" and it["period"] not in d["reported_months"]: err("result period " + it["id"])

    ft_t, co_t = set(), set()
    for l in g["follow_through"]:
        t, r = items.get(l["task"]), items.get(l["result"])
        if not t or not r or t["kind"] != "task" or r["kind"] != "result": err("bad ft %s" % l); continue
        if l["status"] not in ("done", "partial"): err("bad status %s" % l)
        if docs[t["file"]]["unit"] != docs[r["file"]]["unit"]: err("cross-unit ft %s" % l)
        if r["period"] != t["period"]: err("ft result does not report task month %s" % l)
        if docs[r["file"]]["planned_period"] <= docs[t["file"]]["planned_period"]: err("ft not forward %s" % l)
        first = min((d for d in g["documents"] if d["unit"] == docs[t["file"]]["unit"]
                     and t["period"] in d["reported_months"]), key=lambda d: d["planned_period"])
        if first["file"] != r["file"]: err("ft not to first reporting doc %s" % l)
        ft_t.add(l["task"])
    if len({(l["task"], l["result"]) for l in g["follow_through"]}) != len(g["follow_through"]): err("dup ft")
    for l in g["carry_over"]:
        a, b = items.get(l["from"]), items.get(l["to"])
        if not a or not b or a["kind"] != "task" or b["kind"] != "task": err("bad co %s" % l); continue
        if l["kind"] not in ("unfinished", "unfinished_reworded", "routine", "next_step", "split"): err("bad kind %s" % l)
        if docs[a["file"]]["unit"] != docs[b["file"]]["unit"]: err("cross-unit co %s" % l)
        if b["period"] <= a["period"]: err("co not forward %s" % l)
        co_t.add(l["from"])
    splits = {}
    for l in g["carry_over"]:
        if l["kind"] == "split": splits.setdefault(l["from"], []).append(l["to"])
    for k, v in splits.items():
        if len(v) < 2: err("split with one part " + k)
    expect = sorted(it["id"] for it in items.values() if it["kind"] == "task"
                    and order[it["file"]][1] < order[it["file"]][2] - 1
                    and it["id"] not in ft_t and it["id"] not in co_t)
    if sorted(g["gaps"]) != expect: err("gaps differ: gold %s expected %s" % (sorted(g["gaps"]), expect))
    linked = {(l["task"], l["result"]) for l in g["follow_through"]} | {(l["from"], l["to"]) for l in g["carry_over"]}
    for a, b in g.get("cross_unit_decoys", []):
        if a not in items or b not in items: err("unknown decoy id %s %s" % (a, b))
        if (a, b) in linked or (b, a) in linked: err("decoy linked %s %s" % (a, b))
    if errors:
        for e in errors: print("ERROR:", e)
        sys.exit(1)
    print("OK: %d documents, %d tasks, %d results, %d follow-through, %d carry-over, %d gaps, %d decoys"
          % (len(docs), len(g["tasks"]), len(g["results"]), len(g["follow_through"]),
             len(g["carry_over"]), len(g["gaps"]), len(g.get("cross_unit_decoys", []))))

main()
