"""Precision and recall of ``ingest.citations`` against the hand-annotated documents.

Gold files: ``tests/data/citations/<doc>.json`` (one per document, annotated by
reading it; see that folder's README). Run ``python tests/eval_citations.py``
to print the table that docs/citations.md reports; ``tests/test_citations.py``
asserts the thresholds. ``python tests/eval_citations.py --write-strings``
regenerates the inline-span table ``strings.json`` from the gold files.

Two ways to match a found citation with a gold one (one to one, in text order):

* ``exact``: the same span;
* ``overlap``: overlapping spans (and, for numbered ones, the same number).

Field accuracy is measured on the numbered citations matched by overlap.
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE / "data" / "citations"
FIELDS = ("doc_type", "number", "symbol", "year", "date", "issuer")

sys.path.insert(0, str(HERE.parent))

from ingest.citations import extract_citations  # noqa: E402
from ingest.normalize import normalize  # noqa: E402
from tests.helpers import corpus_path  # noqa: E402


def gold_files() -> list[Path]:
    return sorted(p for p in GOLD.glob("*.json") if p.name != "strings.json")


def load(path: Path) -> tuple[str, list[dict]]:
    """The normalised text of the gold file's document and its gold citations."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    # "tests/data/office/...": a file of this repository; else one of the test corpus (tests/data/corpus)
    src = HERE.parent / doc["file"] if doc["file"].startswith("tests/") else corpus_path(doc["file"])
    text = normalize(src.read_text(encoding="utf-8"))
    for g in doc["citations"]:
        s, e = g["span"]
        assert text[s:e] == g["text"], f"{path.name}: span {s}-{e} is {text[s:e]!r}, not {g['text']!r}"
    return text, doc["citations"]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    field_hits: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    field_total: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.field_total += other.field_total
        for k in FIELDS:
            self.field_hits[k] += other.field_hits[k]
        self.misses += other.misses


def _match(gold: list[dict], found: list[dict], mode: str) -> list[tuple[int, int]]:
    pairs, used = [], set()
    for gi, g in enumerate(gold):
        gs, ge = g["span"]
        for fi, f in enumerate(found):
            if fi in used:
                continue
            fs, fe = f["span"]
            if mode == "exact":
                ok = (gs, ge) == (fs, fe)
            else:
                ok = (
                    fs < ge
                    and gs < fe
                    and (g["kind"] != "numbered" or str(int(g["number"])) == str(int(f["number"] or -1)))
                )
            if ok:
                pairs.append((gi, fi))
                used.add(fi)
                break
    return pairs


def score_document(path: Path, mode: str = "overlap", kinds: tuple[str, ...] = ("numbered",)) -> Score:
    text, gold_all = load(path)
    found_all = [
        {"span": [c.start, c.end], "kind": c.kind, **{k: getattr(c, k) for k in FIELDS}, "text": c.text}
        for c in extract_citations(text)
    ]
    gold = [g for g in gold_all if g["kind"] in kinds]
    found = [f for f in found_all if f["kind"] in kinds]
    pairs = _match(gold, found, mode)
    sc = Score(tp=len(pairs), fp=len(found) - len(pairs), fn=len(gold) - len(pairs))
    matched_g = {gi for gi, _ in pairs}
    matched_f = {fi for _, fi in pairs}
    sc.misses += [f"{path.stem}: missed {g['text']!r}" for i, g in enumerate(gold) if i not in matched_g]
    sc.misses += [f"{path.stem}: spurious {f['text']!r}" for i, f in enumerate(found) if i not in matched_f]
    for gi, fi in pairs:
        g, f = gold[gi], found[fi]
        if g["kind"] != "numbered":
            continue
        sc.field_total += 1
        for k in FIELDS:
            gv, fv = g[k], f[k]
            if k == "number" and gv is not None and fv is not None:
                gv, fv = str(gv), str(fv)
            if gv == fv:
                sc.field_hits[k] += 1
            else:
                sc.misses.append(f"{path.stem}: {k} of {g['text']!r}: gold {g[k]!r}, found {f[k]!r}")
    return sc


def evaluate(mode: str = "overlap", kinds: tuple[str, ...] = ("numbered",)) -> dict[str, Score]:
    out = {p.stem: score_document(p, mode, kinds) for p in gold_files()}
    total = Score()
    for s in out.values():
        total.add(s)
    out["TOTAL"] = total
    return out


def speed_ms(path: Path, repeat: int = 20) -> float:
    text = normalize(path.read_text(encoding="utf-8"))
    extract_citations(text)  # patterns compiled once
    t0 = time.perf_counter()
    for _ in range(repeat):
        extract_citations(text)
    return (time.perf_counter() - t0) / repeat * 1000


def write_strings(path: Path = GOLD / "strings.json") -> int:
    """Cut the inline-span table (strings.json) from the gold files: for each gold
    citation, the text around it on its line (about 90 characters each side, at
    word boundaries, never cutting another gold citation, widened to the list
    member whose issuer it shares), every gold citation inside marked [[...]]."""
    cases, seen = [], set()
    for gold_path in gold_files():
        doc = json.loads(gold_path.read_text(encoding="utf-8"))
        text, gold = load(gold_path)
        for g in gold:
            s, e = g["span"]
            ls = text.rfind("\n", 0, s) + 1
            le = text.find("\n", e)
            le = len(text) if le < 0 else le
            a, b = max(ls, s - 90), min(le, e + 90)
            while a > ls and not text[a - 1].isspace():
                a -= 1
            while b < le and not text[b].isspace():
                b += 1
            changed = True
            while changed:
                changed = False
                for h in gold:
                    hs, he = h["span"]
                    if hs < a < he:
                        a, changed = he, True
                    if hs < b < he:
                        b, changed = hs, True
                for h in [h for h in gold if a <= h["span"][0] and h["span"][1] <= b]:
                    if h["issuer"] and h["issuer"] not in h["text"]:
                        later = [x for x in gold if x["span"][0] >= h["span"][1] and h["issuer"] in x["text"]]
                        if later and later[0]["span"][1] > b:
                            b, changed = later[0]["span"][1], True
            inside = [h for h in gold if a <= h["span"][0] and h["span"][1] <= b]
            parts, pos = [], a
            for h in inside:
                hs, he = h["span"]
                parts += [text[pos:hs], "[[" + text[hs:he] + "]]"]
                pos = he
            parts.append(text[pos:b])
            marked = "".join(parts).strip()
            if marked in seen:
                continue
            seen.add(marked)
            keys = ("kind", "doc_type", "number", "symbol", "year", "date", "issuer")
            cases.append({"text": marked, "source": doc["file"], "expect": [{k: h[k] for k in keys} for h in inside]})
    rows = ",\n".join(json.dumps(c, ensure_ascii=False) for c in cases)
    path.write_text("[\n" + rows + "\n]\n", encoding="utf-8")
    return len(cases)


def main() -> None:
    if "--write-strings" in sys.argv:
        print(f"{write_strings()} fragments written")
        return
    for kinds, label in ((("numbered",), "numbered"), (("numbered", "short", "named"), "all kinds")):
        for mode in ("exact", "overlap"):
            res = evaluate(mode, kinds)
            t = res["TOTAL"]
            print(f"{label:9} {mode:7}  P={t.precision:.3f}  R={t.recall:.3f}  (tp={t.tp} fp={t.fp} fn={t.fn})")
    res = evaluate("overlap", ("numbered",))
    print("\nper document (numbered, overlap):")
    for name, s in res.items():
        print(f"  {name:32} tp={s.tp:3} fp={s.fp:2} fn={s.fn:2}  P={s.precision:.3f} R={s.recall:.3f}")
    t = res["TOTAL"]
    print(
        "\nfields on matched numbered citations:", ", ".join(f"{k} {t.field_hits[k]}/{t.field_total}" for k in FIELDS)
    )
    allres = evaluate("exact", ("numbered", "short", "named"))["TOTAL"]
    if allres.misses or t.misses:
        print("\ndifferences:")
        for m in sorted(set(t.misses + allres.misses)):
            print("  ", m)
    big = corpus_path("real/bc-duthao-dang-uy-cp-nq57-2025.txt")
    print(
        f"\nspeed: {speed_ms(big):.1f} ms per call on {big.name} ({big.stat().st_size // 1024} KB), patterns compiled"
    )


if __name__ == "__main__":
    main()
