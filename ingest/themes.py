"""Stage: themes — what each item is about, from a SKOS-ready scheme.

Input: the normalised text and its items. Output: one
:class:`~ingest.models.ThemeTag` per theme, with the ids of the items it
covers. The scheme is data (``ingest/data/themes.json``: id, prefLabel,
altLabels, accent-free hiddenLabels, broader, keywords, examples).

Matching is on whole words of :func:`ingest.normalize.fold` (accents, case and
tone placement ignored), except one-syllable keywords ("bão", "đê", "quà",
"thuế"), which match with their accents: folded, they collide with other
words ("báo", "để", "qua", "thuê").

Every item gets at least one theme: an item whose own text matches nothing
takes the themes of its section heading (the innermost heading that matches);
failing that, the fallback theme ``general-direction`` ("Lãnh đạo, chỉ đạo
chung"), which has no keywords of its own.
"""

from __future__ import annotations

import bisect
import functools
import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import ahocorasick
import regex

from ingest.models import Item, ThemeTag
from ingest.normalize import fold, unify_tone_placement
from ingest.prefilter import phrase_automaton, phrase_hits, re_agrees, re_twin, share_scan

DATA = Path(__file__).parent / "data" / "themes.json"
FALLBACK = "general-direction"


@functools.cache
def _data() -> dict:
    with DATA.open(encoding="utf-8") as f:
        return json.load(f)


def theme_scheme() -> list[dict]:
    """The entries of ``ingest/data/themes.json`` (a fresh copy), for SKOS export and the explorer.

    >>> any(t["id"] == "elections" and t["prefLabel"] == "Bầu cử" for t in theme_scheme())
    True
    """
    return json.loads(json.dumps(_data()["themes"]))


def scheme_info() -> dict:
    """The scheme itself (id, prefLabel, lang)."""
    return dict(_data()["scheme"])


def _exact_form(text: str) -> str:
    """Lower-case NFC with the classic tone placement: the accent-sensitive key."""
    return unify_tone_placement(unicodedata.normalize("NFC", text)).lower()


def _is_one_syllable(keyword: str) -> bool:
    return len(keyword.split()) == 1 and not keyword.isupper()


def _kw_re(keyword: str, folded: bool) -> str:
    """A keyword as a regex: spaces, commas and dashes flexible.

    "an ninh, trật tự" -> an\\s+ninh\\s*,\\s*trat\\s+tu
    """
    key = fold(unify_tone_placement(keyword)) if folded else _exact_form(keyword)
    out = []
    for tok in re.split(r"(\s*[-–]\s*|\s*,\s*|\s+)", key.strip()):
        s = tok.strip()
        if not tok:
            continue
        if s in ("-", "–"):
            out.append(r"\s*[-–]\s*")
        elif s == ",":
            out.append(r"\s*,\s*")
        elif not s:
            out.append(r"\s+")
        else:
            out.append(re.escape(s))
    return "".join(out)


@dataclass(frozen=True)
class _Matcher:
    themes: tuple[frozenset[str], ...]  # per group index: the themes that phrase counts for
    hides: tuple[frozenset[str], ...]  # per group index: the themes that phrase excludes
    #: the literal prefilter: first word of a phrase -> a regex of the phrases that start with it
    #: (groups named k<index>, longest first); a word no phrase starts with costs one dict lookup
    by_first: dict[str, regex.Pattern[str]]
    #: the first words folded (the prefilter's words)
    folded_firsts: frozenset[str] = frozenset()
    #: the two-word prefilter: first word -> what the text must start with after it and the
    #: spaces that follow (the second words, "," or a dash), or None when a phrase is that word alone
    nexts: dict[str, tuple[str, ...] | None] = field(default_factory=dict)
    #: ``by_first`` compiled by ``re`` (:func:`ingest.prefilter.re_twin`), for a text :func:`ingest.prefilter.re_agrees` accepts
    by_first_re: dict[str, re.Pattern[str]] = field(default_factory=dict)
    #: the several-word prefilter: first word -> the words after it in each of its phrases (:func:`_head`)
    heads: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)


def _parts(key: str) -> list[str]:
    """The elements of a keyword's regex (:func:`_kw_re`): its words, and " ", "," or "-" for each separator."""
    out = []
    for tok in re.split(r"(\s*[-–]\s*|\s*,\s*|\s+)", key.strip()):
        s = tok.strip()
        if not tok:
            continue
        out.append("-" if s in ("-", "–") else s if s == "," else " " if not s else s)
    return out


def _next_of(key: str) -> tuple[str, ...] | None:
    """What the text holds after a keyword's first word and the spaces after it; None when nothing is required.

    >>> _next_of("an ninh, trat tu"), _next_of("phong, chong chay no"), _next_of("covid - 19"), _next_of("vneid")
    (('ninh',), (',',), ('-', '–'), None)
    """
    parts = _parts(key)
    if len(parts) < 2 or parts[0] in (" ", ",", "-"):
        return None
    if parts[1] == ",":
        return (",",)
    if parts[1] == "-":
        return ("-", "–")
    if parts[1] == " " and len(parts) > 2 and parts[2] not in (" ", ",", "-"):
        return (parts[2],)
    return None


def _head(key: str) -> tuple[str, ...]:
    """The words of a keyword, up to one the text can never hold whole (a character of no word in it).

    The separated text the prefilter scans (:func:`ingest.prefilter.separated`) has one space or more wherever
    the keyword's pattern has spaces, a comma or a dash between two words: only the words tell keywords apart there.

    >>> _head("an ninh, trat tu"), _head("phong, chong chay no"), _head("covid - 19")
    (('an', 'ninh', 'trat', 'tu'), ('phong', 'chong', 'chay', 'no'), ('covid', '19'))
    """
    out: list[str] = []
    for part in _parts(key):
        if part in (" ", ",", "-"):
            continue
        if not re.fullmatch(r"[\w&]+", part):
            break
        out.append(part)
    return tuple(out)


def _build(phrases: dict[str, set[str]], folded: bool, hides: dict[str, set[str]] | None = None) -> _Matcher | None:
    if not phrases:
        return None
    hides = hides or {}
    keys = sorted(phrases, key=lambda k: -len(k))
    groups: dict[str, list[str]] = {}
    nexts: dict[str, tuple[str, ...] | None] = {}
    heads: dict[str, list[tuple[str, ...]]] = {}
    for i, k in enumerate(keys):
        key = (fold(unify_tone_placement(k)) if folded else _exact_form(k)).strip()
        first = re.split(r"[\s,–-]+", key)[0]
        groups.setdefault(first, []).append(f"(?P<k{i}>{_kw_re(k, folded)})")
        nx = _next_of(key) if _parts(key)[:1] == [first] else None
        heads.setdefault(first, []).append(_head(key)[1:])
        if first not in nexts:
            nexts[first] = nx
        elif nexts[first] is not None:
            nexts[first] = None if nx is None else tuple(dict.fromkeys((*(nexts[first] or ()), *nx)))
    by_first = {w: regex.compile(r"(?:" + "|".join(alts) + r")(?![\w&])") for w, alts in groups.items()}
    return _Matcher(
        tuple(frozenset(phrases[k]) for k in keys), tuple(frozenset(hides.get(k, ())) for k in keys), by_first, frozenset(map(fold, by_first)),
        nexts, {w: re_twin(p.pattern) for w, p in by_first.items()}, {w: tuple(h) for w, h in heads.items()},
    )


def _norm_key(phrase: str) -> str:
    """Folded phrase with one spelling of spaces, commas and dashes (a lookup key)."""
    k = fold(unify_tone_placement(phrase))
    k = re.sub(r"\s*([,–-])\s*", lambda m: ", " if m.group(1) == "," else " - ", k)
    return re.sub(r"\s+", " ", k).strip()


def _inner(key: str, table: dict[str, set[str]]) -> set[str]:
    """Themes of every keyword that is a run of words inside ``key``.

    "an ninh, quốc phòng" -> the themes of "an ninh" and of "quốc phòng" too.
    """
    toks = re.findall(r"[^\s,]+|,", key.replace(" - ", " -- "))
    out: set[str] = set()
    for i in range(len(toks)):
        for j in range(i + 1, len(toks) + 1):
            sub = " ".join(toks[i:j]).replace(" ,", ",").replace("--", "-")
            out |= table.get(sub, set())
    return out


@functools.cache
def _matchers() -> tuple[_Matcher | None, _Matcher | None]:
    """(folded matcher, accent-sensitive matcher).

    Each phrase maps to the themes it counts for: its own, and those of the
    keywords inside it (the longest match at a place wins, so "an ninh, quốc
    phòng" must also count for "quốc phòng"). An ``exclude`` phrase of a theme
    counts for the other themes whose keywords it contains, never for that
    theme: as the longer match it hides the keyword inside it ("môi trường
    thuận lợi" hides "môi trường").
    """
    themes = _data()["themes"]
    folded_kw: dict[str, set[str]] = {}
    exact_kw: dict[str, set[str]] = {}
    for t in themes:
        for k in t["keywords"]:
            if _is_one_syllable(k):
                exact_kw.setdefault(_exact_form(k), set()).add(t["id"])
            else:
                folded_kw.setdefault(_norm_key(k), set()).add(t["id"])
    table = {k: set(v) for k, v in folded_kw.items()}
    for k in folded_kw:
        folded_kw[k] |= _inner(k, table)
    hides: dict[str, set[str]] = {}
    for t in themes:
        for x in t.get("exclude", ()):
            key = _norm_key(x)
            hides.setdefault(key, set()).add(t["id"])
            folded_kw[key] = (folded_kw.get(key, set()) | _inner(key, table)) - hides[key]
    return _build(folded_kw, True, hides), _build(exact_kw, False)


_WORD = re.compile(r"(?<![\w&])[\w&]+")


def _first_words() -> set[str]:
    """Folded first words of every keyword, for the literal prefilter."""
    folded_m, exact_m = _matchers()
    return {*(folded_m.folded_firsts if folded_m else ()), *(exact_m.folded_firsts if exact_m else ())}


@share_scan  # (one scan of a notice for the bodies, themes and people: ingest.prefilter)
@functools.cache
def _scanner() -> ahocorasick.Automaton:
    """The themes' own literal prefilter (:func:`ingest.prefilter.phrase_automaton`): each first word of
    a keyword with the words that follow it in each keyword; an accent-sensitive keyword's word alone."""
    folded_m, exact_m = _matchers()
    words: dict[str, tuple[tuple[str, ...], ...] | None] = {}
    if folded_m:
        for w, nx in folded_m.nexts.items():
            # (a phrase of that word alone: anything may follow it)
            words[w] = folded_m.heads[w] if nx is not None else None
    for w in exact_m.folded_firsts if exact_m else ():
        words[w] = None
    return phrase_automaton(words)


def match_themes(text: str) -> dict[str, list[tuple[int, int]]]:
    """Theme id -> spans of its keywords in ``text``.

    >>> sorted(match_themes("Tiếp tục tuyên truyền về phòng, chống cháy nổ"))
    ['propaganda-mobilisation', 'security-order']
    >>> sorted(match_themes("Kiểm tra, đánh giá chất lượng đê, kè, cống; báo cáo kết quả"))
    ['disaster-prevention']
    """
    found: list[tuple[int, int, frozenset[str]]] = []
    hidden: list[tuple[int, int, frozenset[str]]] = []
    folded_m, exact_m = _matchers()
    folded = fold(text)
    # a keyword starts at a word equal to its first word: the literal prefilter
    # (ingest.prefilter: one Aho–Corasick scan of the folded text) gives those words,
    # and the keyword patterns run there only. The same matches as
    # finditer(overlapped=True): "xác minh tài sản, thu nhập" holds "xác minh tài
    # sản" and "tài sản, thu nhập"
    # and a phrase of several words only where the words after its first word are its next ones
    # (the several-word prefilter: "cong" starts 40 keywords, and a notice says "công" 60 times;
    # "to chuc thuc hien" starts a few, and a notice ends ten sentences with "tổ chức thực hiện.")
    hits = phrase_hits(folded, _scanner())
    for matcher in (folded_m, exact_m):
        if matcher is None:
            continue
        exact = matcher is exact_m
        if exact:
            # the accented matcher: only at the words an accented keyword starts with, folded
            # (the accent-sensitive text is made only for a text that has one)
            hits = [h for h in hits if h[1] in matcher.folded_firsts]
            if not hits:
                continue
        key = _exact_form(text) if exact else folded
        if len(key) != len(text):  # offsets must stay valid
            continue
        # the same patterns run by ``re`` (half the cost of a call) where the text has no character the two read apart
        by_first: dict[str, Any] = matcher.by_first_re if re_agrees(key) else matcher.by_first
        # (no look at the words after a hit's first word before its regex runs: the several-word prefilter has
        # read them already, and of the hits it leaves two in three match)
        for start, w in hits:
            if exact:
                # the word as written at the same place (folding and lower-casing keep
                # every character's length and its being a word character)
                w = key[start : start + len(w)]
            pattern = by_first.get(w)
            if pattern is None:
                continue  # no keyword starts with this word: no regex runs here
            m = pattern.match(key, start)
            if m is None:
                continue
            g = int(m.lastgroup[1:])
            ms, me = m.span()
            found.append((ms, me, matcher.themes[g]))
            if matcher.hides[g]:
                hidden.append((ms, me, matcher.hides[g]))
    out: dict[str, list[tuple[int, int]]] = {}
    for s, e, tids in found:
        # the hidden phrases around this match (mostly none: then no theme is looked up in them)
        around = [h for hs, he, h in hidden if hs <= s and e <= he] if hidden else None
        for tid in tids:
            if around and any(tid in h for h in around):
                continue  # "Bộ Nông nghiệp và Môi trường" is not about the environment
            out.setdefault(tid, []).append((s, e))
    return out


@functools.lru_cache(maxsize=4096)
def _heading_themes(heading: str) -> frozenset[str]:
    return frozenset(match_themes(heading))


def tag_themes(text: str, items: Sequence[Item]) -> list[ThemeTag]:
    """One :class:`ThemeTag` per theme, with the items it covers (scheme order).

    Every item gets at least one theme (see the module docstring).

    >>> from ingest.models import Item
    >>> t = "Tổ chức tốt Lễ giao nhận quân năm 2026. Thực hiện các nhiệm vụ khác."
    >>> items = [Item("i1", "1", "task", None, t[:39], 0, 39), Item("i2", "2", "task", None, t[40:], 40, len(t))]
    >>> [(tag.id, tag.items) for tag in tag_themes(t, items)]
    [('general-direction', ('i2',)), ('military-defence', ('i1',))]
    """
    by_theme: dict[str, list[str]] = {}
    # one pass over the whole text, then each item takes the keywords inside its span
    hits = sorted((s, e, tid) for tid, spans in match_themes(text).items() for s, e in spans)
    starts = [h[0] for h in hits]
    for it in items:
        if 0 <= it.start < it.end <= len(text):
            lo = bisect.bisect_left(starts, it.start)
            found = {tid for s, e, tid in hits[lo : bisect.bisect_left(starts, it.end)] if e <= it.end}
        else:
            found = set(match_themes(it.text))
        # the section heading, innermost first: "Nhiệm vụ tháng 3 / Về công tác xây dựng Đảng"
        for heading in reversed((it.section or "").split(" / ")):
            if found:
                break
            found = set(_heading_themes(heading))
        if not found:
            found = {FALLBACK}
        for tid in found:
            by_theme.setdefault(tid, []).append(it.id)
    labels = {t["id"]: t["prefLabel"] for t in _data()["themes"]}
    order = {t["id"]: i for i, t in enumerate(_data()["themes"])}
    return [ThemeTag(tid, labels[tid], tuple(ids)) for tid, ids in sorted(by_theme.items(), key=lambda kv: order[kv[0]])]
