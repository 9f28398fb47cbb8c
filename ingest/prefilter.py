"""One pass of literal prefiltering over the folded text, for themes and bodies.

A theme keyword ("an ninh, trật tự") or a body alias ("Ủy ban Kiểm tra") can
only start at a word of the text equal to its first word, folded ("an", "uy").
Themes and bodies used to walk every word of the document in Python (three
times: themes on the folded and on the accented text, bodies once) and look
each up; here one Aho–Corasick automaton (``pyahocorasick``) holds every such
first word, and one scan of the folded text returns the words that can start
something, with their offsets, in text order. Each stage then runs its
regular expressions only there.

Words: a run of ``[\\w&]`` (as the theme matcher reads them). The scan runs on
the folded text with every other character made a space, each word of the
automaton written `` word ``: a hit is a whole word, never part of one. The
body matcher reads words as ``\\w+`` ("&" splits them): it uses these hits
only when the text has no "&" (see :func:`ingest.body_registry.find_mentions`).

Bodies and people now each scan their own two-word automaton
(:func:`pair_automaton`: a first word with the words that may follow it) over
the one separated text (:func:`pair_hits`), themes a several-word one
(:func:`phrase_automaton`: a first word with each keyword's words after it,
:func:`phrase_hits`); :func:`word_hits` serves the stages that
:func:`register` their first words (none in the parser today).

Why ``pyahocorasick``: on the notices of the test corpus and the series, the
scan (separators included) costs less than walking the words with ``re``
(see ``tools/measure_prefilter.py``, figures in the README);
``ahocorasick-rs`` is as exact and a little slower through its index lists, and
one regex alternation of the same words is slower than the walk it replaces.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, TypeVar

import ahocorasick

#: a character that is not part of a word (the theme matcher's words: ``[\w&]+``)
_SEP = re.compile(r"[^\w&]")
#: a word character above Latin-1: the byte path below cannot keep it whole
_WIDE_WORD = re.compile(r"[^\W\x00-\xff]")
#: any character above Latin-1 (a folded notice has none, or a few quotes and dashes)
_ABOVE_LATIN1 = re.compile(r"[^\x00-\xff]")
#: Latin-1 byte -> itself when a word character (or "&"), else a space
_SEP_BYTES = bytes(b if re.match(r"[\w&]", chr(b)) else 0x20 for b in range(256))

#: who contributes first words: a function returning them, by name
_SOURCES: dict[str, Callable[[], Iterable[str]]] = {}


def register(name: str, words: Callable[[], Iterable[str]]) -> None:
    """Add a stage's first words (folded) to the automaton (built once, on first use)."""
    global _last
    _SOURCES[name] = words
    _automaton.cache_clear()
    _last = ("", [])


def unregister(name: str) -> None:
    global _last
    _SOURCES.pop(name, None)
    _automaton.cache_clear()
    _last = ("", [])


@functools.cache
def _automaton() -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    for source in _SOURCES.values():
        for w in source():
            if w and not _SEP.search(w):  # a "word" with a separator in it is never one word of the text
                auto.add_word(f" {w} ", w)
    if len(auto) == 0:
        auto.add_word(" \x00 ", "\x00")  # an automaton needs a word
    auto.make_automaton()
    return auto


def _has_wide(folded: str) -> bool:
    """``_WIDE_WORD.search(folded) is not None``, asked only at the characters above Latin-1: a search for a
    plain range skips ahead where one for "a word character, but not these" reads the class of every character
    (0.03 ms for a notice, not 0.12)."""
    return any(_WIDE_WORD.match(folded, m.start()) for m in _ABOVE_LATIN1.finditer(folded))


def separated(folded: str) -> str:
    """``folded`` with every character that is not a word character made a space (same length).

    >>> separated("ubnd, ht&xh - “x”")
    'ubnd  ht&xh    x '
    """
    return _separated(folded, _has_wide(folded))


def _separated(folded: str, wide: bool) -> str:
    if wide:
        return _SEP.sub(" ", folded)
    # Latin-1 text (a folded Vietnamese text is, but for its quotes and dashes, which
    # become "?" and then spaces): one bytes.translate instead of a regex per separator
    return folded.encode("latin-1", "replace").translate(_SEP_BYTES).decode("latin-1")


#: the last long text scanned and its hits (one tuple: replaced whole, never half-written)
_last: tuple[str, list[tuple[int, str]]] = ("", [])
#: the last long text separated and padded (the word scan and the pair scans read the same
#: string), and whether it has a word character above Latin-1
_last_padded: tuple[str, str, bool] = ("", "", False)


def _padded_wide(folded: str) -> tuple[str, bool]:
    global _last_padded
    last = _last_padded
    if folded is last[0]:
        return last[1], last[2]
    wide = _has_wide(folded)
    out = f" {_separated(folded, wide)} "
    if len(folded) > 1000:
        _last_padded = (folded, out, wide)
    return out, wide


def _padded(folded: str) -> str:
    """`` {separated(folded)} ``: a word of the text is then always `` word `` (the last long text's kept)."""
    return _padded_wide(folded)[0]


def has_wide_word(folded: str) -> bool:
    """Whether ``folded`` has a word character above Latin-1 (known from its scan when it was scanned).

    >>> has_wide_word("uy ban “x” – y"), has_wide_word("tiếng")
    (False, True)
    """
    return _padded_wide(folded)[1]


def word_hits(folded: str) -> list[tuple[int, str]]:
    """(offset, word) of every word of ``folded`` that a registered stage's phrase can start with, in text order.

    The last text's hits are kept: themes and bodies scan the same document.

    >>> register("doctest", lambda: ["uy", "an", "ban"])
    >>> [h for h in word_hits("uy ban an ninh, an-uy; ban bang") if h[1] in ("uy", "an", "ban")]
    [(0, 'uy'), (3, 'ban'), (7, 'an'), (16, 'an'), (19, 'uy'), (23, 'ban')]
    >>> unregister("doctest")
    """
    global _last
    last = _last
    if folded is last[0]:
        return last[1]
    hits = [(end - len(w) - 1, w) for end, w in _automaton().iter(_padded(folded))]
    if len(folded) > 1000:
        _last = (folded, hits)
    return hits


def pair_automaton(words: Mapping[str, Iterable[str] | None]) -> ahocorasick.Automaton:
    """The two-word prefilter: an automaton of each first word and the words that may follow it.

    ``words`` maps a first word (folded) to the words a phrase may have after it,
    or None when anything may follow (a phrase of one word, a comma or a dash
    after it). The automaton holds `` first next`` for each (a prefix: the
    phrase's regex decides the rest), `` first  `` for a first word followed by
    several separators (", ", "  ": the caller's regex decides), and `` first ``
    alone where anything may follow. Scanned with :func:`pair_hits`.
    """
    auto = ahocorasick.Automaton()
    for w, nexts in words.items():
        if not w or _SEP.search(w):
            continue  # never one word of the text
        nx = None if nexts is None else sorted(set(nexts))
        if nx is not None and (not nx or any(not n or _SEP.search(n) for n in nx)):
            nx = None  # a next word with a separator in it: the first word alone
        if nx is None:
            auto.add_word(f" {w} ", (w, len(w) + 2))
            continue
        # "quyen" covers "quyenx": one key per place, so one hit per word of the text
        for n in (n for n in nx if not any(m != n and n.startswith(m) for m in nx)):
            auto.add_word(f" {w} {n}", (w, len(w) + len(n) + 2))
        auto.add_word(f" {w}  ", (w, len(w) + 3))
    if len(auto) == 0:
        auto.add_word(" \x00 ", ("\x00", 3))
    auto.make_automaton()
    return auto


def matches_from_starts(pattern: Any, starts: Any, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Any]:
    """The matches of ``pattern.finditer(text, pos, endpos)`` (a ``re`` or ``regex`` pattern that never matches empty),
    ``pattern`` tried only where a search for ``starts`` finds a place it can open at: ``starts`` matches at the start
    of every match of ``pattern`` (the places skipped are places it cannot match at). A pattern that opens on a
    look-behind, a named group or an alternation gives the engine no first character to skip to, so ``finditer``
    tries it at every place of the text; a search for a plain ``starts`` skips to the few that matter.

    >>> [m.group() for m in matches_from_starts(re.compile(r"(?<![a-z])ab+"), re.compile("ab"), "xab ab abb", 1)]
    ['ab', 'abb']
    """
    end = len(text) if endpos is None else endpos
    while (c := starts.search(text, pos, end)) is not None:
        m = pattern.match(text, c.start(), end)
        if m is None:
            pos = c.start() + 1
            continue
        yield m
        pos = max(m.end(), c.start() + 1)  # (an empty match would otherwise be found again and again)


def pair_hits(folded: str, auto: ahocorasick.Automaton) -> list[tuple[int, str]]:
    """(offset, first word) of every place of ``folded`` where :func:`pair_automaton`'s ``auto`` has a key, in text order.

    >>> a = pair_automaton({"an": ["ninh", "toan"], "uy": None})
    >>> pair_hits("an ninh, an sinh, an  toan; uy ban, an", a)
    [(0, 'an'), (18, 'an'), (28, 'uy')]
    """
    if len(folded) > 1000:
        shared = _shared_hits(folded, auto)
        if shared is not None:
            return shared
    # a key ends further right than every key of an earlier word: the hits come in text order
    return [(end - n + 1, w) for end, (w, n) in auto.iter(_padded(folded))]


_Build = TypeVar("_Build", bound=Callable[[], Any])

#: the functions that build the automata of the stages that scan a whole notice (bodies, themes, people), in the order
#: they were registered (:func:`share_scan`)
_SHARED: list[Callable[[], Any]] = []


def share_scan(build: _Build) -> _Build:
    """Register ``build`` (a cached function returning a :func:`pair_automaton` or a :func:`phrase_automaton`): a long
    text is then scanned once for the keys of every automaton registered (:func:`_shared_hits`), not once for each."""
    _SHARED.append(build)
    _joint.cache_clear()
    return build


@functools.cache
def _joint() -> tuple[tuple[ahocorasick.Automaton, ...], ahocorasick.Automaton]:
    """The registered automata and one automaton of all their keys: a key's value is ``((k, value), ...)``, its value in
    each automaton ``k`` that has it."""
    members = tuple(build() for build in _SHARED)
    keys: dict[str, list[tuple[int, Any]]] = {}
    for k, auto in enumerate(members):
        for key, value in auto.items():
            keys.setdefault(key, []).append((k, value))
    joint = ahocorasick.Automaton()
    for key, values in keys.items():
        joint.add_word(key, tuple(values))
    if len(joint) == 0:
        joint.add_word(" \x00 ", ())
    joint.make_automaton()
    return members, joint


#: the last long text scanned with the joint automaton, and each registered automaton's hits in it
_last_shared: tuple[str, tuple[list[tuple[int, str]], ...]] = ("", ())


def _shared_hits(folded: str, auto: ahocorasick.Automaton) -> list[tuple[int, str]] | None:
    """``pair_hits(folded, auto)`` read from one scan of ``folded`` for every registered automaton (the last long
    text's kept); None when ``auto`` is not one of them.

    At each place the joint automaton gives the keys that end there from the longest to the shortest, as each
    automaton alone does for its own: each one's hits, taken in the joint scan's order, are its own scan's."""
    global _last_shared
    members, joint = _joint()
    k = next((k for k, m in enumerate(members) if m is auto), None)
    if k is None:
        return None
    last = _last_shared
    if folded is not last[0]:
        lists: tuple[list[tuple[int, str]], ...] = tuple([] for _ in members)
        appends = [hits.append for hits in lists]
        for end, values in joint.iter(_padded(folded)):
            for j, (w, n) in values:
                appends[j]((end - n + 1, w))
        last = _last_shared = (folded, lists)
    return list(last[1][k])


def phrase_automaton(words: Mapping[str, Iterable[Sequence[str]] | None]) -> ahocorasick.Automaton:
    """The prefilter of :func:`pair_automaton` read on past the second word: a first word with each phrase's words after it.

    ``words`` maps a first word (folded) to the words each of its phrases has after it, or None when anything may
    follow. Between two words a phrase's regex has spaces, a comma or a dash, which the separated text scanned
    (:func:`separated`) has as one space or more: the automaton holds `` first w2 ... wk`` for each phrase (a prefix:
    the regex decides the rest) with one or two spaces after its first word ("phong, chong" is ``phong  chong``),
    `` first   `` for three or more there, `` first w2 ... wj  `` for several separators after a later word (the
    caller's regex decides), and `` first `` alone where anything may follow. Its hits are :func:`pair_automaton`'s
    with those removed where a later word of every phrase is missing ("tổ chức thực hiện." where the phrases go on:
    "tổ chức thực hiện nghị quyết"; "đào, chỉ đạo" where they go on "đào tạo"). Scanned with :func:`phrase_hits`.
    """
    auto = ahocorasick.Automaton()
    for w, phrases in words.items():
        if not w or _SEP.search(w):
            continue  # never one word of the text
        heads = None if phrases is None else {tuple(p) for p in phrases}
        if heads is not None and (not heads or any(not p or any(not n or _SEP.search(n) for n in p) for p in heads)):
            heads = None  # a next word with a separator in it: the first word alone
        if heads is None:
            auto.add_word(f" {w} ", (w, len(w) + 2))
            continue
        keys = {f" {w}   "}
        for gap in (" ", "  "):
            keys |= {f" {w}{gap}" + " ".join(p) for p in heads}
            keys |= {f" {w}{gap}" + " ".join(p[:j]) + "  " for p in heads for j in range(1, len(p))}
        # "an ninh" covers "an ninh trat" and "an ninh  ": one key per place, so one hit per word of the text
        for k in keys:
            if not any(o != k and k.startswith(o) for o in keys):
                auto.add_word(k, (w, len(k)))
    if len(auto) == 0:
        auto.add_word(" \x00 ", ("\x00", 3))
    auto.make_automaton()
    return auto


def phrase_hits(folded: str, auto: ahocorasick.Automaton) -> list[tuple[int, str]]:
    """(offset, first word) of every place of ``folded`` where :func:`phrase_automaton`'s ``auto`` has a key, in text order.

    >>> a = phrase_automaton({"an": [["ninh", "trat"], ["toan"]], "uy": None})
    >>> phrase_hits("an ninh trat tu, an ninh thu, an sinh, an, toan; an, sinh; uy ban, an", a)
    [(0, 'an'), (39, 'an'), (59, 'uy')]
    """
    # keys of different lengths: a later word's hit may end before an earlier one's
    return sorted(pair_hits(folded, auto))


# --- the same pattern run by ``re`` -------------------------------------------------------

#: the highest character :func:`re_agrees` has checked: above it a text keeps the ``regex`` patterns
_TWIN_RANGE = 0x3000


@functools.cache
def _disagreeing() -> re.Pattern[str]:
    """A character on which ``re`` and ``regex`` read ``\\w``, ``\\s`` or ``\\d`` differently, or one above
    ``_TWIN_RANGE`` (not checked). Below it they differ on 0x1c–0x1f (``str.isspace``), "²", "½"
    (``str.isalnum``), the combining marks and the joiners (``regex``'s Unicode ``\\w``): each is
    found by asking both engines, once (≈ 50k small matches, a few ms before the pool forks)."""
    import regex

    pairs = [(re.compile(p), regex.compile(p)) for p in (r"\w", r"\s", r"\d")]
    bad = [c for c in range(_TWIN_RANGE) if any((a.match(chr(c)) is None) != (b.match(chr(c)) is None) for a, b in pairs)]
    ranges: list[list[int]] = []
    for c in bad:
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    cls = "".join(f"\\U{a:08x}" if a == b else f"\\U{a:08x}-\\U{b:08x}" for a, b in ranges)
    return re.compile(f"[{cls}\\U{_TWIN_RANGE:08x}-\\U0010ffff]")


@functools.cache
def _disagreeing_array() -> tuple[Any, Any]:
    """numpy and a table of ``_TWIN_RANGE`` booleans: whether :func:`_disagreeing` matches each character."""
    import numpy as np

    pat = _disagreeing()
    return np, np.array([pat.match(chr(c)) is not None for c in range(_TWIN_RANGE)], dtype=bool)


def _agrees_long(text: str) -> bool:
    """:func:`re_agrees` of a long text as one array lookup (a regex search over a 20 KB notice costs 0.1 ms)."""
    np, bad = _disagreeing_array()
    try:
        codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    except UnicodeEncodeError:  # a lone surrogate
        return _disagreeing().search(text) is None
    return not (codes.size and (int(codes.max()) >= _TWIN_RANGE or bool(bad[codes].any())))


#: the last long text checked and the answer
_last_agrees: tuple[str, bool] = ("", False)


def re_agrees(text: str) -> bool:
    """Whether a pattern of :func:`re_twin` finds in ``text`` exactly what its ``regex`` original finds:
    ``text`` has no character the two engines read differently (the last long text's answer kept).

    >>> re_agrees("uy ban nhan dan phuong, “x” – y"), re_agrees("ủy ban"), re_agrees("x²"), re_agrees("a\\u0301")
    (True, True, False, False)
    """
    global _last_agrees
    last = _last_agrees
    if text is last[0]:
        return last[1]
    out = _agrees_long(text) if len(text) >= 256 else _disagreeing().search(text) is None
    if len(text) > 1000:
        _last_agrees = (text, out)
    return out


def re_twin(source: str) -> re.Pattern[str]:
    """``source``, a pattern the ``regex`` module compiled (version 0, no flags but Unicode), compiled by ``re``.

    ``re`` matches a small pattern in about half the time of ``regex`` (the call's own cost). The two
    read a pattern of literals, classes, groups, alternations, lookaheads, ``\\w``, ``\\s`` and ``\\n``
    alike, but for ``\\w`` and ``\\s`` on the characters :func:`re_agrees` looks for: a caller uses the
    twin only on a text it accepts, the original elsewhere.
    """
    return re.compile(source)
