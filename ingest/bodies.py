"""Stage: bodies — which organs a notice names, scoped to their ward or city,
and which of them each task is assigned to.

Input: the normalised text, its :class:`~ingest.models.Header` and its
:class:`~ingest.models.Item` list. Output: :class:`~ingest.models.BodyMention`
objects, one per mention, with

* ``name``: the canonical scoped name ("UBND phường" in a notice of phường Tân
  Hưng -> "Ủy ban nhân dân phường Tân Hưng");
* ``body_id``: a stable id, ``<registry id>@<scope slug>`` ("ubnd@phuong-tan-hung");
  a central body has no scope ("bo-chinh-tri"); a body whose ward or city is
  not known gets a scope no other document can share, so that two wards'
  bodies are never merged;
* ``role``: ``lead`` / ``partner`` when the mention is assigned a task (or the
  closing assignment of the document), ``mention`` otherwise.

The registry, the scope and the mentions are :mod:`ingest.body_registry` (the
vocabulary is data, ``ingest/data/bodies.json``); the rules for roles are
:mod:`ingest.body_roles`; this module runs the stage. Matching runs on :func:`ingest.normalize.fold` (same
length as the text), so accents, case and tone placement do not matter.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from ingest.body_registry import BodyType, RawMention, body_types, document_scope, find_mentions, resolve_mention
from ingest.body_roles import CLOSING, RECIPIENTS, clause_roles, clauses, heading_roles
from ingest.models import BodyMention, Header, Item, new_body_mention
from ingest.normalize import fold
from ingest.vocabulary import item_at

log = logging.getLogger(__name__)

__all__ = ["extract_bodies"]


def extract_bodies(text: str, header: Header, items: Sequence[Item]) -> list[BodyMention]:
    """Every mention of a body, with its scoped name, id, item and role.

    Roles (only in ``task`` and ``assignment`` items; elsewhere ``mention``):

    * ``lead``: the subject of a clause ("Công an phường tăng cường ..."), the
      object of "Giao / Chỉ đạo / Yêu cầu / Đề nghị X ...", "X chủ trì", the
      bodies of a short heading "Giao Ủy ban nhân dân phường:" for each item
      under it (one more mention per item, with the heading's span);
    * ``partner``: "phối hợp (với) Y"; in the closing assignment, bodies whose
      predicate is oversight ("theo dõi, kiểm tra, đôn đốc", "giúp Đảng ủy");
    * recipients ("Nơi nhận") and everything else: ``mention``.

    >>> from ingest.models import Header, Item
    >>> t = "1. Giao Ủy ban Kiểm tra Đảng ủy chủ trì, phối hợp Ban Xây dựng Đảng kiểm tra."
    >>> it = Item("i1", "1", "task", "2026-03", t, 0, len(t))
    >>> [(b.name, b.role) for b in extract_bodies(t, Header(unit="phường Đồ Sơn"), [it])]
    [('Ủy ban Kiểm tra Đảng ủy phường Đồ Sơn', 'lead'), ('Ban Xây dựng Đảng Đảng ủy phường Đồ Sơn', 'partner')]
    """
    folded = fold(text)
    scope = document_scope(text, header)
    types = body_types()
    raws = find_mentions(text, folded)
    # a notice names the same bodies again and again: each one resolved once (resolve_mention
    # reads the registry entry, what was read around the mention and the scope, nothing else)
    resolved: dict[tuple[str | None, ...], tuple[BodyType, str | None, str, str, str]] = {}
    for r in raws:
        key = (r.bt.id, r.ward_word, r.ward_name, r.city_word, r.city_name, r.tu, r.domain, r.n, r.proper)
        done = resolved.get(key)
        if done is None:
            resolve_mention(r, scope, types)
            resolved[key] = (r.bt, r.tu, r.level, r.name, r.body_id)
        else:
            r.bt, r.tu, r.level, r.name, r.body_id = done

    # the last "Nơi nhận:" opens the recipients block; an appendix of tasks after the signature is body again
    starts = _recipient_starts(folded)
    recipients_from = starts[-1] if starts else len(text)
    appendix_from = min((it.start for it in items if it.start > recipients_from), default=len(text) + 1)

    def in_body(pos: int) -> bool:
        return pos < recipients_from or pos >= appendix_from

    issuer_level = scope.unit_level
    items = list(items)
    # the item that holds each mention (item_at's answer): the mentions come in text order and the
    # items are sorted and disjoint, so one walk over both finds them all
    j, n_items, last = 0, len(items), -1
    for r in raws:
        if r.start < last:  # never, as find_mentions reads the text left to right; item_at then
            it = item_at(items, r.start) if in_body(r.start) else None
            r.item = it.id if it else None
            continue
        last = r.start
        while j < n_items and items[j].end <= r.start:
            j += 1
        r.item = items[j].id if in_body(r.start) and j < n_items and items[j].start <= r.start else None

    roles: dict[int, str] = {}
    # per item; an "other" item after the last task that reads like the
    # closing assignment ("... chịu trách nhiệm tổ chức thực hiện") is one
    last_task = max((it.end for it in items if it.role == "task"), default=None)

    def role_of(it: Item) -> str:
        if (
            it.role == "other"
            and last_task is not None
            and it.start >= last_task
            and CLOSING.search(folded, it.start, min(it.end, recipients_from))
        ):
            return "assignment"
        return it.role

    # each item's mentions, in text order (grouped once, not looked for item by item)
    by_item: dict[str | None, list[RawMention]] = {}
    for r in raws:
        by_item.setdefault(r.item, []).append(r)
    for it in items:
        ms = by_item.get(it.id)
        if not ms:
            continue  # no body in the item: none of its clauses has a role to give
        role = role_of(it)
        if role not in ("task", "assignment") or not in_body(it.start):
            continue
        for cs, ce in clauses(text, it.start, it.end if it.start >= appendix_from else min(it.end, recipients_from)):
            cms = [m for m in ms if cs <= m.start < ce]
            roles.update(clause_roles(text, folded, cs, ce, cms, role == "assignment", issuer_level))
    # a task that is a table's row: the bodies of its "chủ trì" / "phối hợp" cells lead it / work with it
    for r, (row_role, row_item) in _row_roles(text, folded, items, raws):
        r.item = r.item or row_item
        roles[id(r)] = row_role
    # the closing assignment when no item covers it
    covered = [(it.start, it.end) for it in items]
    task_ends = [it.end for it in items if it.role == "task"]
    body_mid = (header.body_start + (header.body_end or recipients_from)) // 2
    floor = max(task_ends) if task_ends else body_mid
    covered = [(s, e) for s, e in covered if e > floor]
    for ps, pe in _paragraphs(text, floor, recipients_from):
        if any(s <= ps < e for s, e in covered):
            continue
        if not CLOSING.search(folded, ps, pe):
            continue
        ms = [r for r in raws if ps <= r.start < pe]
        for cs, ce in clauses(text, ps, pe):
            cms = [m for m in ms if cs <= m.start < ce]
            roles.update(clause_roles(text, folded, cs, ce, cms, True, issuer_level))

    out: list[BodyMention] = []
    for r in raws:
        role = roles.get(id(r), "mention") if in_body(r.start) else "mention"
        out.append(new_body_mention(text[r.start : r.end], r.start, r.end, r.name, r.body_id, role, r.item, r.level, r.bt.kind))
    # a heading's bodies lead (or partner) each item under it: one mention per item, the heading's span
    led = {b.item for b in out if b.role == "lead"}
    for it in items:
        if it.role != "task" or it.id in led:
            continue
        for h, role in heading_roles(text, folded, it, raws, issuer_level):
            if h.item == it.id:
                continue  # inside the item: already counted
            out.append(new_body_mention(text[h.start : h.end], h.start, h.end, h.name, h.body_id, role, it.id, h.level, h.bt.kind))
    out.sort(key=lambda b: (b.start, b.item or ""))
    return out


def _recipient_starts(folded: str) -> list[int]:
    """Where each match of ``RECIPIENTS.finditer(folded)`` starts, read only at the lines that start with "noi".

    A match starts a line (its ``^``) and its "noi" follows only spaces and stars there: the few lines where a
    "noi" stands so are the only places to try (a search of the whole notice tried every place of it, 0.1 ms).
    Tried in text order, none before the end of the last match, as ``finditer`` does.
    """
    out: list[int] = []
    done = tried = -1
    at = folded.find("noi")
    while at >= 0:
        line = folded.rfind("\n", 0, at) + 1
        if line != tried and line >= done and not folded[line:at].strip(" *"):
            tried = line
            m = RECIPIENTS.match(folded, line)
            if m is not None:
                out.append(m.start())
                done = m.end()
        at = folded.find("noi", at + 3)
    return out


#: what a table's column heading says its bodies do with the row's task (folded): lead it, or work with it
_LEAD_COLUMN = re.compile(r"\b(?:chu tri|thuc hien|don vi|co quan|phu trach)\b")
_PARTNER_COLUMN = re.compile(r"\bphoi hop\b")


def _row_roles(text: str, folded: str, items: Sequence[Item], raws: Sequence[RawMention]) -> list[tuple[RawMention, tuple[str, str]]]:
    """``(mention, (role, item id))`` for the bodies in the cells of a task's table row: "1 | Trao lệnh gọi nhập ngũ |
    Ban Chỉ huy Quân sự xã | Công an xã | 10/02/2026" under "TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời
    gian": the first leads the task, the second works with it. The columns are named by the table's header row (the
    nearest line above that starts with "TT" or "STT"); the content cell is the item's own."""
    out: list[tuple[RawMention, tuple[str, str]]] = []
    if "|" not in text:
        return out  # no table: most notices (bodies run on every one)
    by_line: dict[int, list[RawMention]] = {}
    for r in raws:
        by_line.setdefault(text.rfind("\n", 0, r.start) + 1, []).append(r)
    for it in items:
        if it.role != "task":
            continue
        line_start = text.rfind("\n", 0, it.start) + 1
        line_end = text.find("\n", it.end)
        line_end = len(text) if line_end < 0 else line_end
        if "|" not in text[it.end:line_end] or not by_line.get(line_start):
            continue
        head = _header_row(text, folded, line_start)
        if head is None:
            continue
        # the cells of the row, by their spans
        cells, pos = [], line_start
        for cell in text[line_start:line_end].split("|"):
            cells.append((pos, pos + len(cell)))
            pos += len(cell) + 1
        found: dict[str, tuple[RawMention, str]] = {}  # one role per body and row: leading it wins
        for r in by_line[line_start]:
            if it.start <= r.start < it.end:
                continue  # in the content cell: the item's own clauses gave its role
            k = next((k for k, (a, b) in enumerate(cells) if a <= r.start < b), None)
            if k is None or k >= len(head):
                continue
            role = "partner" if _PARTNER_COLUMN.search(head[k]) else "lead" if _LEAD_COLUMN.search(head[k]) else None
            if role and (r.body_id not in found or role == "lead" and found[r.body_id][1] == "partner"):
                found[r.body_id] = (r, role)
        out.extend((r, (role, it.id)) for r, role in found.values())
    return out


def _header_row(text: str, folded: str, line_start: int) -> list[str] | None:
    """The folded cells of the header row of the table whose row starts at ``line_start``; None when none is above."""
    pos = line_start
    for _ in range(60):
        if pos <= 0:
            return None
        prev = text.rfind("\n", 0, pos - 1) + 1
        line = folded[prev : pos - 1].strip()
        if "|" not in line:
            return None  # the table ended before a header row
        if line.lstrip("| ").startswith(("tt ", "stt ", "tt|", "stt|")):
            return line.split("|")
        pos = prev
    return None


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    for m in re.finditer(r"[^\n]+", text[start:end]):
        out.append((start + m.start(), start + m.end()))
    return out
