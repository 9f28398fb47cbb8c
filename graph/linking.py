"""Month to month: follow-through, carry-over, recurring limitations, silence.

For each unit, its documents are ordered by period. A task planned for month M
is linked

* to the results a later document of the same unit reports for M
  (``FOLLOWED_BY``, verdict ``done`` or ``partial``),
* to the same task planned again for a later month (``CARRIED_OVER``),

and otherwise is ``silent`` (a later document reports on M and says nothing)
or ``pending`` (no later document reports on M yet). A limitation that comes
back later is linked to its return (``RECURS``); a document that cites the
previous one ("kết quả thực hiện Nghị quyết số 18-NQ/ĐU") is linked to it
(``FOLLOWS_UP``). Nothing links across units.

Matching is Vietnamese-aware: syllables folded (no accents, one tone placement),
the genre's stop phrases removed ("tiếp tục", "tập trung", "triển khai thực
hiện"), syllable pairs weighed above single syllables, weights by rarity in the
unit, plus shared bodies, directives, themes and numbers. Every link keeps its
score and both sentences. The thresholds are chosen on the labelled demo corpus
(``samples/demo/labels.json``); ``tests/test_linking.py`` measures them.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ingest.models import ParsedDocument
from ingest.normalize import fold

#: Score at or above which a result answers a task.
FOLLOW_THRESHOLD = 0.34
#: Score at or above which a later task is the same task planned again.
CARRY_THRESHOLD = 0.50
#: How many later plans a carried-over task is looked for in, and the extra score asked per month skipped.
CARRY_HORIZON = 3
CARRY_STEP = 0.05
#: How much lower a carry-over may score when the match is mutual.
MUTUAL_DISCOUNT = 0.15
#: How much a task's result counts when looking for the task planned again.
RESULT_WEIGHT = 1.0
#: Score at or above which a later limitation is the same limitation returning.
RECUR_THRESHOLD = 0.20
#: A second answer is kept when it scores within this fraction of the best one.
SECOND_BEST = 0.85

VERDICTS = ("done", "partial", "carried_over", "silent", "pending")

# Syllables and phrases that every task of the genre uses ("tiếp tục triển khai
# thực hiện tốt công tác ..."): they say how, not what.
_STOP_PHRASES = (
    "tiep tuc", "tap trung", "trien khai thuc hien", "trien khai", "thuc hien", "to chuc thuc hien", "lanh dao chi dao",
    "lanh dao", "chi dao", "dong bo", "hieu qua", "kip thoi", "nghiem tuc", "day manh", "tang cuong", "dam bao", "bao dam",
    "tren dia ban", "dia ban", "theo quy dinh", "quy dinh", "cong tac", "nhiem vu", "ket qua", "tot", "cac", "cua", "va",
    "voi", "cho", "trong", "tai", "theo", "de", "da", "duoc", "nhung", "mot so", "mot", "so", "nam", "thang", "phuong", "xa",
    "nhan dan", "can bo", "dang vien", "ve", "viec", "tu", "den", "co", "la", "nay", "do", "khi", "nham", "tiep", "hoan thanh",
    "thanh cong", "dat", "huong", "ra", "len", "vao", "tren", "duoi", "cung", "nhu", "sau", "truoc", "dang", "chua", "con",
    "phan dau", "het", "to chuc", "xay dung", "hoan thien", "phoi hop", "chuan bi", "kip", "nghiem", "thuong xuyen",
)
_NUMBER = re.compile(r"\d+(?:[./]\d+)*")


@dataclass(frozen=True)
class LinkItem:
    """What the linker needs of an item."""

    id: str
    doc_id: str
    role: str
    period: str | None
    text: str
    section: str | None = None
    bodies: frozenset[str] = frozenset()
    citations: frozenset[str] = frozenset()
    themes: frozenset[str] = frozenset()


@dataclass(frozen=True)
class LinkDoc:
    id: str
    unit: str | None
    reported_period: str | None
    planned_period: str | None
    date: str | None
    items: tuple[LinkItem, ...]
    cites: frozenset[str] = frozenset()
    own_key: str | None = None


@dataclass(frozen=True)
class Link:
    kind: str  # FOLLOWED_BY | CARRIED_OVER | RECURS | FOLLOWS_UP
    source: str
    target: str
    score: float
    verdict: str | None = None
    source_text: str | None = None
    target_text: str | None = None


@dataclass
class LinkResult:
    links: list[Link] = field(default_factory=list)
    verdicts: dict[str, str] = field(default_factory=dict)


@functools.cache
def _stop_re() -> re.Pattern[str]:
    phrases = sorted(_STOP_PHRASES, key=lambda p: -len(p))
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b")


def content_tokens(text: str) -> tuple[list[str], list[str]]:
    """(syllables, syllable pairs) of ``text`` without the genre's stop phrases.

    >>> content_tokens("Tiếp tục triển khai thực hiện tốt công tác bầu cử đại biểu Quốc hội")[1]
    ['bau cu', 'cu dai', 'dai bieu', 'bieu quoc', 'quoc hoi']
    """
    f = fold(text)
    f = _NUMBER.sub(" ", f)
    f = _stop_re().sub(" | ", f)
    syll: list[str] = []
    pairs: list[str] = []
    for chunk in re.split(r"[|,;:.()\"“”'!?\-–/]+", f):
        words = [w for w in re.findall(r"[a-z]+", chunk) if len(w) > 1 or w in {"y"}]
        syll.extend(words)
        pairs.extend(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))
    return syll, pairs


def _numbers(text: str) -> set[str]:
    return {n for n in _NUMBER.findall(text) if len(n) >= 2 and n not in {"2025", "2026", "2024", "2027"}}


class _Scorer:
    """Similarity of two items, weighted by how rare their words are in the unit."""

    def __init__(self, items: Iterable[LinkItem]) -> None:
        self.features: dict[str, frozenset[str]] = {}
        self.numbers: dict[str, set[str]] = {}
        self.sections: dict[str, str | None] = {}
        df: Counter[str] = Counter()
        items = list(items)
        for it in items:
            syll, pairs = content_tokens(it.text)
            feats = frozenset(["1:" + x for x in syll] + ["2:" + x for x in pairs])
            self.features[it.id] = feats
            self.numbers[it.id] = _numbers(it.text)
            self.sections[it.id] = fold(it.section) if it.section else None
            df.update(feats)
        n = max(1, len(items))
        self.idf = {t: math.log((n + 1) / (d + 0.5)) * (2.0 if t.startswith("2:") else 1.0) for t, d in df.items()}
        # each item's total weight, once (the score is asked tens of thousands of times per unit)
        self.total = {i: sum(self.idf[t] for t in f) for i, f in self.features.items()}

    def score(self, a: LinkItem, b: LinkItem) -> float:
        fa, fb = self.features[a.id], self.features[b.id]
        shared = fa & fb
        if not shared:
            return 0.0
        idf = self.idf
        wa, wb, ws = self.total[a.id], self.total[b.id], sum(idf[t] for t in shared)
        overlap = ws / max(1e-9, min(wa, wb))
        cosine = ws / max(1e-9, math.sqrt(wa * wb))
        s = 0.45 * overlap + 0.55 * cosine
        bonus = 0.0
        if a.bodies & b.bodies:
            bonus += 0.04
        if a.citations & b.citations:
            bonus += 0.10
        if a.themes and b.themes:
            common = len(a.themes & b.themes)
            bonus += 0.06 * common / len(a.themes | b.themes)
            if not common:
                bonus -= 0.05
        if self.numbers[a.id] & self.numbers[b.id]:
            bonus += 0.05
        sa = self.sections[a.id]
        if sa is not None and sa == self.sections[b.id]:
            bonus += 0.03
        return max(0.0, min(1.0, s + bonus))


# Matched on the lower-cased text WITH its accents: folded, "Đảng cho" would read as "đang chờ".
_NOT_YET = re.compile(
    r"\bchưa\b|\bcòn\s+\d|\bvẫn còn\b|\bđang\s+(?:triển khai|thực hiện|xây dựng|hoàn thiện|chuẩn bị|tiến hành|chờ|dự thảo)"
    r"|bước đầu|chuyển sang|\blùi\b|một phần|còn chậm|tiếp tục (?:triển khai|thực hiện|hoàn thiện)"
)
_COMPLETE = re.compile(r"hoan thanh|thanh cong|\bvuot\b|100\s*%|dung (?:tien do|ke hoach)")
_RATIO = re.compile(r"(?<![/\d])(\d+(?:[.,]\d+)?)\s*/\s*(\d+(?:[.,]\d+)?)(?![/\d])")
_PERCENT = re.compile(r"(\d+(?:,\d+)?)\s*%")


def _num(s: str) -> float:
    return float(s.replace(".", "").replace(",", "."))


def verdict_of_result(text: str) -> str:
    """``partial`` when a result reports progress short of completion, else ``done``.

    Words that say "not yet" win ("chưa", "còn 06 hộ", "đang chờ", "bước đầu");
    then words of completion ("hoàn thành", "thành công", "vượt"); then the
    figures: a share below its total ("27/31", "đạt 69,2%") is partial.

    >>> verdict_of_result("Tỷ lệ cài đặt Sổ tay đảng viên điện tử đạt 69,2%.")
    'partial'
    >>> verdict_of_result("Thu ngân sách năm 2025 ước đạt 101,3% dự toán.")
    'done'
    >>> verdict_of_result("Có 27/31 chi bộ đã tổ chức sinh hoạt chuyên đề.")
    'partial'
    >>> verdict_of_result("Tổ chức thành công Đại hội Hội Liên hiệp thanh niên phường.")
    'done'
    """
    f = fold(text)
    if _NOT_YET.search(text.lower()):
        return "partial"
    for m in _RATIO.finditer(f):
        before = f[max(0, m.start() - 6) : m.start()]
        if "ngay" in before or "dot" in before:
            continue  # "ngày 15/3", "đợt 03/02" are dates
        a, b = _num(m.group(1)), _num(m.group(2))
        if 0 < b and a < b:
            return "partial"
    if _COMPLETE.search(f):
        return "done"
    for m in _PERCENT.finditer(f):
        if _num(m.group(1)) < 100:
            return "partial"
    return "done"


def _doc_order(d: LinkDoc) -> tuple[str, str]:
    return (d.planned_period or _next_month(d.reported_period) or (d.date or "")[:7] or "9999", d.id)


def _next_month(period: str | None) -> str | None:
    if not period or len(period) < 7:
        return None
    y, m = int(period[:4]), int(period[5:7])
    return f"{y + (m == 12)}-{(m % 12) + 1:02d}"


def link_unit(docs: Sequence[LinkDoc]) -> LinkResult:
    """Links between the documents of ONE unit (the caller groups by unit)."""
    docs = sorted(docs, key=_doc_order)
    result = LinkResult()
    all_items = [it for d in docs for it in d.items]
    scorer = _Scorer(all_items)
    doc_index = {d.id: k for k, d in enumerate(docs)}

    # FOLLOWS_UP: a later document citing an earlier one of the same unit
    keys = {d.own_key: d for d in docs if d.own_key}
    for d in docs:
        for key in d.cites:
            prev = keys.get(key)
            if prev is not None and prev.id != d.id and doc_index[prev.id] < doc_index[d.id]:
                result.links.append(Link("FOLLOWS_UP", d.id, prev.id, 1.0))

    for k, d in enumerate(docs):
        later = docs[k + 1 :]
        for task in (it for it in d.items if it.role == "task"):
            month = task.period or d.planned_period
            # results reported for that month in later documents; the first document that reports on it
            answered: list[tuple[float, LinkItem]] = []
            reports = [ld for ld in later if ld.reported_period == month] if month else []
            for ld in reports[:1]:
                for r in ld.items:
                    if r.role in {"result", "limitation"} and (r.period == month or r.period is None):
                        s = scorer.score(task, r)
                        if s >= FOLLOW_THRESHOLD and r.role == "result":
                            answered.append((s, r))
            answered.sort(key=lambda x: -x[0])
            kept = [x for x in answered if x[0] >= answered[0][0] * SECOND_BEST][:2] if answered else []
            verdict = None
            for s, r in kept:
                v = verdict_of_result(r.text)
                result.links.append(Link("FOLLOWED_BY", task.id, r.id, round(s, 4), v, task.text, r.text))
                verdict = "done" if (verdict == "done" or v == "done") else "partial"
            # the same task planned again later: the first later document with a match
            carried = None
            looked = 0
            for ld in later:
                if month and ld.planned_period and ld.planned_period <= month:
                    continue
                # what is left of a task is often worded like its result ("còn 06 hộ chưa chấp hành"
                # -> "Xử lý dứt điểm 06 hộ ..."), so the result speaks for the task too
                best = max(
                    ((max([scorer.score(task, t)] + [RESULT_WEIGHT * scorer.score(r, t) for _, r in kept]), t) for t in ld.items if t.role == "task"),
                    default=(0.0, None), key=lambda x: x[0],
                )
                # the next plan needs less evidence than one two or three months on; a weaker
                # match counts when it is mutual (no other task of this plan matches it better)
                need = CARRY_THRESHOLD + CARRY_STEP * looked
                if best[1] is not None and best[0] >= need - MUTUAL_DISCOUNT:
                    target = best[1]
                    rival = max((scorer.score(o, target) for o in d.items if o.role == "task" and o.id != task.id), default=0.0)
                    if best[0] >= need or best[0] > rival:
                        carried = best
                        break
                looked += 1
                if looked >= CARRY_HORIZON:
                    break
            if carried is not None:
                s, t = carried
                result.links.append(Link("CARRIED_OVER", task.id, t.id, round(s, 4), None, task.text, t.text))
            if verdict is None:
                if carried is not None:
                    verdict = "carried_over"
                elif reports or any(ld.reported_period and month and ld.reported_period > month for ld in later):
                    verdict = "silent"
                else:
                    verdict = "pending"
            result.verdicts[task.id] = verdict

        for lim in (it for it in d.items if it.role == "limitation"):
            for ld in later:
                best = max(((scorer.score(lim, t), t) for t in ld.items if t.role == "limitation"), default=(0.0, None), key=lambda x: x[0])
                if best[1] is not None and best[0] >= RECUR_THRESHOLD:
                    result.links.append(Link("RECURS", lim.id, best[1].id, round(best[0], 4), None, lim.text, best[1].text))
                    break
    return result


def link_documents(docs: Sequence[LinkDoc]) -> LinkResult:
    """Links for documents of any number of units; never across units."""
    by_unit: dict[str | None, list[LinkDoc]] = defaultdict(list)
    for d in docs:
        by_unit[d.unit].append(d)
    out = LinkResult()
    for unit, group in by_unit.items():
        if unit is None:
            continue  # a document whose unit is unknown cannot be placed in a series
        r = link_unit(group)
        out.links.extend(r.links)
        out.verdicts.update(r.verdicts)
    return out


def linkdoc_from_parsed(doc: ParsedDocument, doc_id: str) -> LinkDoc:
    """A :class:`LinkDoc` straight from a parse (the store builds the same from its rows)."""
    bodies: dict[str, set[str]] = defaultdict(set)
    for b in doc.bodies:
        if b.item and b.role in {"lead", "partner"}:
            bodies[b.item].add(b.body_id)
    cites: dict[str, set[str]] = defaultdict(set)
    for c in doc.citations:
        if c.item:
            cites[c.item].add(c.key)
    themes: dict[str, set[str]] = defaultdict(set)
    for t in doc.themes:
        for i in t.items:
            themes[i].add(t.id)
    h = doc.header
    items = tuple(
        LinkItem(
            id=f"{doc_id}#{it.id}", doc_id=doc_id, role=it.role, period=it.period, text=it.text, section=it.section,
            bodies=frozenset(bodies[it.id]), citations=frozenset(cites[it.id]), themes=frozenset(themes[it.id]),
        )
        for it in doc.items
    )
    from graph.records import own_key as document_key

    own_key = document_key(doc)
    return LinkDoc(
        id=doc_id, unit=h.unit, reported_period=h.reported_period, planned_period=h.planned_period, date=h.date,
        items=items, cites=frozenset(c.key for c in doc.citations), own_key=own_key,
    )


def _store_docs(store: Any, unit: str) -> list[LinkDoc]:
    """The unit's documents and items as the linker sees them, read through named queries."""
    features = {r["item"]: r for r in store.query("unit_link_features", {"unit": unit})}
    docs: dict[str, dict[str, Any]] = {}
    for r in store.query("unit_items", {"unit": unit}):
        d = docs.setdefault(r["document"], {"row": r, "items": []})
        f = features.get(r["item"], {})
        d["items"].append(
            LinkItem(
                id=r["item"], doc_id=r["document"], role=r["role"], period=r["period"], text=r["text"], section=r["section"],
                bodies=frozenset(x for x in f.get("bodies") or () if x),
                citations=frozenset(x for x in f.get("citations") or () if x),
                themes=frozenset(x for x in f.get("themes") or () if x),
            )
        )
    doc_keys = {f["document"]: f.get("document_key") for f in features.values()}
    out = []
    for doc_id, d in docs.items():
        row = d["row"]
        cites = frozenset(k for it in d["items"] for k in it.citations)
        out.append(
            LinkDoc(
                id=doc_id, unit=unit, reported_period=row["reported_period"], planned_period=row["planned_period"],
                date=row["date"], items=tuple(d["items"]), cites=cites | _doc_level_cites(store, doc_id), own_key=doc_keys.get(doc_id),
            )
        )
    return out


def _doc_level_cites(store: Any, doc_id: str) -> frozenset[str]:
    # citations outside any item (the title, the preamble) also say which notice a document follows up
    rows = store.query("document_citations", {"document": doc_id})
    return frozenset(r["key"] for r in rows if r.get("key"))


def link_rows(result: LinkResult) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Links in the shape of :meth:`graph.store.Store.replace_links`."""
    rows = []
    for lk in result.links:
        row: dict[str, Any] = {"type": lk.kind, "from": lk.source, "to": lk.target, "score": lk.score}
        if lk.kind == "FOLLOWED_BY":
            row["verdict"] = lk.verdict
            row["evidence"] = f"{lk.source_text} → {lk.target_text}"
        rows.append(row)
    return rows, dict(result.verdicts)


def relink_units(store: Any, units: Sequence[str]) -> dict[str, int]:
    """Recompute and store the month-to-month links of ``units``, one transaction per unit."""
    written = {}
    for unit in units:
        result = link_unit(_store_docs(store, unit))
        rows, verdicts = link_rows(result)
        written[unit] = store.replace_links(unit, rows, verdicts)
    return written
