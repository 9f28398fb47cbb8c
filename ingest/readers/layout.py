"""A page's words with their boxes -> its text in reading order, one paragraph per line
(the PDF text layer and OCR alike)."""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Word:
    """A word on a page and its box, ``top`` < ``bottom`` (y grows downwards), in any unit."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True)
class _Line:
    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def height(self) -> float:
        return statistics.median(w.bottom - w.top for w in self.words)


def _group_lines(words: Iterable[Word]) -> list[_Line]:
    """Words -> lines, top to bottom, each left to right (a word joins a line it overlaps by half its height)."""
    lines: list[list[Word]] = []
    for w in sorted(words, key=lambda w: ((w.top + w.bottom) / 2, w.x0)):
        mid = (w.top + w.bottom) / 2
        for line in reversed(lines[-3:]):
            top = statistics.median(x.top for x in line)
            bottom = statistics.median(x.bottom for x in line)
            if top <= mid <= bottom:
                line.append(w)
                break
        else:
            lines.append([w])
    return [_Line(tuple(sorted(line, key=lambda w: w.x0))) for line in lines]


def _split_columns(line: _Line, left: float, right: float) -> list[_Line]:
    """Split a line at a wide gap near the middle of the text block.

    The header of a notice sets two columns side by side on the same lines:
    "ĐẢNG BỘ PHƯỜNG ĐỒ SƠN      ĐẢNG CỘNG SẢN VIỆT NAM". A tab after a list
    number ("1.      Kết quả") sits near the margin and is not a split.
    """
    width = max(right - left, 1.0)
    h = line.height
    parts: list[list[Word]] = [[line.words[0]]]
    for prev, w in zip(line.words, line.words[1:], strict=False):
        gap = w.x0 - prev.x1
        middle = (w.x0 + prev.x1) / 2
        if gap > 1.5 * h and left + 0.2 * width < middle < left + 0.8 * width:
            parts.append([w])
        else:
            parts[-1].append(w)
    return [_Line(tuple(p)) for p in parts]


_LIST_MARK = re.compile(r"^(?:[-+•–*]|\(?\d{1,3}[.)]|\(?[a-zđ][.)]|[IVXLC]{1,6}\.)(?:\s|$)")
_TERMINAL = (".", ":", ";", "!", "?", "…")


def _reading_order(lines: list[_Line], left: float, right: float) -> list[tuple[_Line, bool]]:
    """Lines in reading order; ``True`` marks a line set in a column (never joined to others).

    A run of lines split into two columns (the header block) is read column by
    column: the left column top to bottom, then the right one, as a .docx
    header table reads cell by cell. The run ends at a line that crosses the
    gap between the columns.
    """
    out: list[tuple[_Line, bool]] = []
    i = 0
    while i < len(lines):
        parts = _split_columns(lines[i], left, right)
        if len(parts) < 2:
            out.append((lines[i], False))
            i += 1
            continue
        if len(parts) > 2:  # a table row: cell by cell
            out.extend((p, True) for p in parts)
            i += 1
            continue
        split = (parts[0].x1 + parts[1].x0) / 2
        columns: tuple[list[_Line], list[_Line]] = ([parts[0]], [parts[1]])
        i += 1
        while i < len(lines):
            nxt = _split_columns(lines[i], left, right)
            if any(p.x0 < split < p.x1 for p in nxt) or len(nxt) > 2:
                break
            for p in nxt:
                columns[0 if p.x1 <= split else 1].append(p)
            i += 1
        out.extend((p, True) for p in columns[0])
        out.extend((p, True) for p in columns[1])
    return out


def _paragraphs(lines: list[_Line], left: float, right: float) -> list[tuple[list[_Line], bool]]:
    """Join wrapped lines back into paragraphs: ``(lines, set in a column)`` each.

    Line B continues the paragraph of line A when A was full (B's first word
    would not have fitted at its end), B starts at the left margin (a first
    line is indented or stands apart), the spacing is the usual one and the
    type the same size. "vào ngày\\n- Tổ chức" after a full line still breaks:
    a list mark after closing punctuation starts an item.
    """
    ordered = _reading_order(lines, left, right)
    body = [ln for ln, col in ordered if not col]
    pitches = [b.top - a.top for a, b in zip(body, body[1:], strict=False) if 0 < b.top - a.top < 3 * a.height]
    pitch = statistics.median(pitches) if pitches else None
    paragraphs: list[tuple[list[_Line], bool]] = []
    for line, col in ordered:
        if paragraphs and not col and not paragraphs[-1][1] and _continues(paragraphs[-1][0][-1], line, left, right):
            a = paragraphs[-1][0][-1]
            h = max(a.height, 1e-6)
            spacing = line.top - a.top
            if spacing > 0 and line.top - a.bottom <= h and (pitch is None or spacing <= 1.3 * pitch):
                paragraphs[-1][0].append(line)
                continue
        paragraphs.append(([line], col))
    return paragraphs


def _continues(a: _Line, b: _Line, left: float, right: float) -> bool:
    """Whether line ``b`` can continue the paragraph whose last line is ``a`` (spacing aside)."""
    h = max(a.height, 1e-6)
    if abs(b.height - a.height) > 0.35 * max(h, b.height):  # OCR boxes grow with diacritics
        return False
    if b.x0 > left + 0.8 * h:
        return False
    first = b.words[0]
    if right - a.x1 > (first.x1 - first.x0) + 0.6 * h:
        return False
    return not (a.text.endswith(_TERMINAL) and _LIST_MARK.match(b.text))


def _furniture(para: tuple[list[_Line], bool], left: float, right: float) -> bool:
    """A lone short line off the left margin: a page number, a running header or footer."""
    lines, col = para
    if col or len(lines) != 1:
        return col
    line = lines[0]
    return line.x0 > left + 0.8 * line.height and line.x1 < right - 2 * line.height


def _join_across_pages(pages: list[list[tuple[list[_Line], bool]]], left: float, right: float) -> None:
    """Move a paragraph's continuation from the top of the next page to its start.

    "... các trường\\n5\\f Mầm non trên địa bàn": the last full line of one page
    and the first line of the next, at the margin, are one paragraph, whatever
    the case of the word that continues it. The page number and any running
    header stay where they are, for normalize to drop.
    """
    for k in range(len(pages) - 1):
        this, nxt = pages[k], pages[k + 1]
        i = len(this) - 1
        while i >= 0 and _furniture(this[i], left, right):
            i -= 1
        j = 0
        while j < len(nxt) and _furniture(nxt[j], left, right):
            j += 1
        if i < 0 or j >= len(nxt) or this[i][1] or nxt[j][1]:
            continue
        if _continues(this[i][0][-1], nxt[j][0][0], left, right):
            this[i][0].extend(nxt.pop(j)[0])


def layout_pages(pages: Sequence[Sequence[Word]]) -> list[str]:
    """Each page's words -> its text, one paragraph per line, in reading order.

    The margins are the document's: the most common line start (continuation
    lines start there) and the right end of the longest lines. A paragraph
    that runs over a page break is joined on the page where it starts.
    """
    page_lines = [_group_lines(words) for words in pages]
    starts = Counter(round(ln.x0) for lines in page_lines for ln in lines)
    ends = sorted(ln.x1 for lines in page_lines for ln in lines)
    if not ends:
        return ["" for _ in pages]
    left = min(x for x, n in starts.items() if n == max(starts.values()))
    right = ends[int(0.95 * (len(ends) - 1))]
    paragraphs = [_paragraphs(lines, left, right) for lines in page_lines]
    _join_across_pages(paragraphs, left, right)
    return ["\n".join(_join_lines(p) for p, _ in paras) for paras in paragraphs]


def _join_lines(lines: list[_Line]) -> str:
    """One paragraph's lines as one line of text.

    A line that ends inside a word broken after "/" or "-" ("154/2025/" +
    "NĐ-CP", "2026-" + "2031") is joined without a space; a dash standing
    alone ("kinh tế -" + "xã hội") keeps its spaces.
    """
    out = lines[0].text
    for line in lines[1:]:
        last = out.rsplit(" ", 1)[-1]
        glue = "" if len(last) > 1 and last.endswith(("/", "-")) else " "
        out += glue + line.text
    return out


