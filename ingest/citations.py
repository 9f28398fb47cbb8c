"""Stage: citations. Normalised text -> references to other documents.

``extract_citations(text)`` finds every mention of a specific existing
document (ANNOTATION.md, "Citations"):

* **numbered** — a number and symbol, in either numbering: Party
  ``57-NQ/TW``, state ``154/2025/NĐ-CP``; with or without a type word and
  "số"; a list member without its own type word ("... và số 160/TB-VPCP");
  a bare number sharing the next one's symbol ("Kết luận số 187, 188-KL/TW");
* **short** — a type word and a bare number: "Nghị quyết 57", "Đề án 06";
* **named** — a law, the constitution, a Party congress or plenum resolution.

How it works, eyecite-style: find anchors (a number with its symbol; a short
form; a name), then look left for the type word (``head``) and right for the
date and the issuer (``tail``); then share a list's trailing issuer, drop the
document's own number, read the relation the sentence states, and give each
mention a ``key`` from normalised fields (see :func:`citation_key`).

The finding is :mod:`ingest.citation_finder`, the keys :mod:`ingest.citation_resolver`;
this module runs the stage.

Anaphora ("Nghị quyết trên", "Chỉ thị này") are not citations; they are
resolved separately by :func:`resolve_anaphora`.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from ingest import patterns as P
from ingest.citation_finder import (
    find_named,
    find_numbered,
    find_short,
    is_own,
    own_designations,
    prefilter,
    relations,
    share_list_issuers,
    without_overlaps,
)
from ingest.citation_resolver import assign_keys, doc_type_of_word, scope_key
from ingest.models import Citation
from ingest.normalize import fold
from ingest.vocabulary import Sentences as _Sentences

__all__ = ["extract_citations", "resolve_anaphora", "scope_key"]


def extract_citations(
    text: str,
    own_spans: Sequence[tuple[int, int]] = (),
    own_id: tuple[str | None, str | None] | None = None,
) -> list[Citation]:
    """Normalised text -> the citations of other documents in it, in text order.

    ``own_spans``: spans of the document's own identity (its "Số" line, "Nơi
    nhận", its own appendix headings); mentions inside them are dropped.
    ``own_id``: the document's own (number, symbol); mentions of it are dropped.
    Mentions in the "Số:" line at the top and in "(Kèm theo Quyết định số ...)"
    appendix lines are recognised as the document's own even without them.
    Returned citations have ``item=None``, ``sentence_start``/``sentence_end``,
    ``kind``, ``relation`` and ``key`` set.

    >>> [c.key for c in extract_citations("thực hiện Chỉ thị số 50-CT/TW, ngày 22/12/2025 của Ban Bí thư và NQ 57")]
    ['CT:50-CT/TW:2025', 'NQ:57-NQ/TW:2024']
    """
    if not text or not prefilter(text):
        return []
    folded = fold(text)
    numbered = find_numbered(text)
    named = without_overlaps(find_named(text, folded), numbered)
    taken = sorted(numbered + named, key=lambda m: m.start)
    short = without_overlaps(find_short(text), taken)
    mentions = sorted(taken + short, key=lambda m: (m.start, -m.end))
    own = own_designations(text, mentions, own_id)
    spans = sorted(own_spans)
    kept = []
    for men in mentions:
        if is_own(men, own):
            continue
        if any(s <= men.start < e for s, e in spans):
            continue
        kept.append(men)
    mentions = kept
    share_list_issuers(text, mentions)
    sents = _Sentences(text)
    relations(folded, mentions, sents)
    assign_keys(text, mentions)
    out = []
    for men in mentions:
        ss, se = sents.bounds(men.start)
        se = max(se, men.end)
        out.append(
            Citation(
                text=text[men.start : men.end],
                start=men.start,
                end=men.end,
                doc_type=men.doc_type,
                number=men.number,
                symbol=men.sym.symbol if men.sym else None,
                year=men.year,
                date=men.date,
                issuer=men.issuer,
                key=men.key,
                kind=men.kind,
                relation=men.relation,
                item=None,
                sentence_start=ss,
                sentence_end=se,
            )
        )
    return out


# --- anaphora ------------------------------------------------------------------------------


def _own_type(text: str) -> str | None:
    m = P.compiled(P.OWN_TYPE_LINE).search(text, 0, min(len(text), 3000))
    if m:
        return doc_type_of_word(m.group("t"))
    if P.compiled(P.SUBJECT_LINE).search(text[:1500]):
        return "Công văn"
    return None


def resolve_anaphora(text: str, citations: Sequence[Citation]) -> list[tuple[int, int, str | None]]:
    """Anaphora ("Nghị quyết trên", "Chỉ thị này", "Kế hoạch nêu trên") -> their antecedent's key.

    The antecedent is the most recent group of citations (one sentence) before
    the anaphor, within 1500 characters: resolved when exactly one directive of
    the anaphor's type stands in it; left ``None`` when another reference
    stands between, when two candidates compete, and for "X này" where X is the
    document's own type (it names the document itself).

    >>> t = "Thực hiện Chỉ thị số 05-CT/TU ngày 08/01/2026. Chỉ thị trên yêu cầu ..."
    >>> resolve_anaphora(t, extract_citations(t))
    [(47, 59, 'CT:5-CT/TU:2026')]
    """
    out: list[tuple[int, int, str | None]] = []
    cits = sorted(citations, key=lambda c: c.start)
    starts = [c.start for c in cits]
    own_type = _own_type(text)
    sents = _Sentences(text)
    for m in P.anaphora_re().finditer(text):
        s, e = m.start(), m.end()
        if any(c.start <= s < c.end for c in cits):
            continue
        t = doc_type_of_word(m.group("type"))
        det = fold(m.group("det"))
        key: str | None = None
        i = bisect.bisect_left(starts, s) - 1
        while i >= 0 and cits[i].end > s:
            i -= 1
        if det == "nay" and t == own_type:
            key = None
        elif i >= 0 and s - cits[i].end <= 1500:
            last = cits[i]
            ls, le = sents.bounds(last.start)
            group = [c for c in cits[: i + 1] if c.start >= ls]
            keys = {c.key for c in group if c.doc_type == t}
            if len(keys) == 1:
                key = next(iter(keys))
        out.append((s, e, key))
    return out


