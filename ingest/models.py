"""Domain objects passed between the stages of the ingest pipeline.

Every object is a frozen dataclass. Offsets (``start``/``end``) index into the
document's *normalised* text (see :func:`ingest.normalize.normalize`), so that
``text[start:end]`` is always the mention.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SCHEMA = "vanban.parse/1"

#: Item roles, as in CONTRACT.md.
ROLES = ("result", "limitation", "task", "assignment", "other")
#: Roles of a body mention, as in CONTRACT.md.
BODY_ROLES = ("lead", "partner", "mention")
#: Relation a citing sentence states (ELI vocabulary names).
RELATIONS = ("based_on", "applies", "amends", "repeals", "cites")


@dataclass(frozen=True)
class Source:
    path: str
    sha256: str
    format: str  # txt | docx | pdf | pdf-ocr
    encoding: str | None = None  # how bytes became text: utf-8, cp1258, tcvn3, vni, ...


@dataclass(frozen=True)
class RawText:
    """What a reader returns: text before normalisation, and how it was read."""

    text: str
    format: str
    encoding: str | None = None
    pages: int | None = None


@dataclass(frozen=True)
class Signer:
    name: str | None
    title: str | None
    authority: str | None  # T/M | T/L | KT. | Q. | TUQ. | None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Header:
    doc_type: str | None = None
    number: str | None = None
    symbol: str | None = None
    issuer: str | None = None
    unit: str | None = None
    place: str | None = None
    date: str | None = None
    title: str | None = None
    reported_period: str | None = None
    planned_period: str | None = None
    signer: Signer | None = None
    #: every month it reviews ("kết quả tháng 11 và tháng 12", "quý IV") and every month it plans;
    #: ``reported_period`` is the latest of the first, ``planned_period`` the earliest of the second
    reported_months: tuple[str, ...] = ()
    planned_months: tuple[str, ...] = ()
    #: where the unit came from when the header did not name it ("header", "issuer", "lead-in", "body", "option")
    unit_source: str | None = None
    recipients: tuple[str, ...] = ()
    #: spans of the document's own identity (its "Số" line, "Nơi nhận" block,
    #: "Kèm theo ... số" of its appendices): citations found there are not
    #: citations of another document.
    own_spans: tuple[tuple[int, int], ...] = ()
    #: where the body of the document starts and ends (after the title, before
    #: "Nơi nhận"/the signature), for the structure stage.
    body_start: int = 0
    body_end: int | None = None
    #: the Party/State level of the issuer: "tw", "tinh", "xa", ... (for scoping bodies)
    issuer_span: tuple[int, int] | None = None
    #: the province the header's upper line names, as written ("thành phố Hải Phòng")
    province: str | None = None
    #: the unit's official code in the 2025 registry (ward "10537", province "31"),
    #: when the registry knows it and can tell it apart (ingest.units)
    unit_code: str | None = None
    #: registered | ambiguous (same-named units, no province to choose) | unknown; None without a unit
    unit_status: str | None = None
    #: an appendix file's parent, as its first lines name it: "Quyết định số 12/QĐ-UBND ngày ... của ..."
    attached_to: str | None = None


@dataclass(frozen=True)
class Item:
    id: str
    path: str
    role: str
    period: str | None
    text: str
    start: int
    end: int
    #: the heading of the section the item sits in (for matching across months)
    section: str | None = None
    #: every month the item may speak of: its own ("Trong tháng 11, ...") or, when it says none,
    #: all the months its document reports (results, limitations) or plans (tasks)
    months: tuple[str, ...] = ()
    #: tasks: by when it must be done (:mod:`ingest.deadlines`), as precise as the text ("2026-08-20",
    #: "2026-08"); ``deadline_due`` the last day that is on time; ``deadline_source`` "text" (then
    #: ``deadline_start``/``deadline_end`` are its span in the document) or "default" (the planned month)
    deadline: str | None = None
    deadline_due: str | None = None
    deadline_source: str | None = None
    deadline_start: int | None = None
    deadline_end: int | None = None


def new_item(
    id: str, path: str, role: str, period: str | None, text: str, start: int, end: int, section: str | None, months: tuple[str, ...],
) -> Item:
    """``Item(id, path, role, period, text, start, end, section, months)``, without a deadline, made without the
    frozen ``__init__`` (one ``object.__setattr__`` a field: 3 µs an item, ≈ 110 items a notice): the same object.

    >>> a = new_item("i1", "1", "task", None, "Một.", 0, 4, "Nhiệm vụ", ("2026-03",))
    >>> a == Item("i1", "1", "task", None, "Một.", 0, 4, section="Nhiệm vụ", months=("2026-03",))
    True
    >>> import dataclasses; list(vars(a)) == [f.name for f in dataclasses.fields(Item)]
    True
    """
    obj = object.__new__(Item)
    obj.__dict__.update({
        "id": id, "path": path, "role": role, "period": period, "text": text, "start": start, "end": end, "section": section,
        "months": months, "deadline": None, "deadline_due": None, "deadline_source": None, "deadline_start": None, "deadline_end": None,
    })
    return obj


@dataclass(frozen=True)
class Citation:
    text: str
    start: int
    end: int
    doc_type: str | None
    number: str | None
    symbol: str | None
    year: int | None
    date: str | None
    issuer: str | None
    key: str
    kind: str = "numbered"  # numbered | short | named | anaphora
    relation: str = "cites"
    item: str | None = None
    #: the sentence the citation stands in (evidence), as offsets
    sentence_start: int | None = None
    sentence_end: int | None = None


@dataclass(frozen=True)
class BodyMention:
    text: str
    start: int
    end: int
    name: str
    body_id: str
    role: str = "mention"
    item: str | None = None
    level: str | None = None  # tw | tinh | xa | ...
    kind: str | None = None  # party | state | front | mass | upper


def new_body_mention(
    text: str, start: int, end: int, name: str, body_id: str, role: str, item: str | None, level: str | None, kind: str | None,
) -> BodyMention:
    """``BodyMention(text, start, end, name, body_id, role, item, level, kind)`` made without the frozen ``__init__``,
    as :func:`new_item` makes an item (≈ 80 mentions a notice): the same object.

    >>> a = new_body_mention("UBND phường", 5, 16, "Ủy ban nhân dân phường X", "ubnd@phuong-x", "lead", "i1", "xa", "state")
    >>> a == BodyMention("UBND phường", 5, 16, "Ủy ban nhân dân phường X", "ubnd@phuong-x", "lead", "i1", "xa", "state")
    True
    >>> import dataclasses; list(vars(a)) == [f.name for f in dataclasses.fields(BodyMention)]
    True
    """
    obj = object.__new__(BodyMention)
    obj.__dict__.update({
        "text": text, "start": start, "end": end, "name": name, "body_id": body_id, "role": role, "item": item, "level": level, "kind": kind,
    })
    return obj


@dataclass(frozen=True)
class PersonMention:
    text: str
    start: int
    end: int
    name: str
    title: str | None = None
    item: str | None = None


@dataclass(frozen=True)
class ThemeTag:
    id: str
    label: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class Metric:
    text: str
    start: int
    end: int
    value: float
    unit: str | None
    total: float | None = None
    item: str | None = None


def new_metric(text: str, start: int, end: int, value: float, unit: str | None, total: float | None, item: str | None) -> Metric:
    """``Metric(text, start, end, value, unit, total, item)`` made without the frozen ``__init__`` (:func:`new_item`).

    >>> a = new_metric("53 đảng viên", 4, 16, 53.0, "đảng viên", None, "i2")
    >>> a == Metric("53 đảng viên", 4, 16, 53.0, "đảng viên", None, "i2")
    True
    >>> import dataclasses; list(vars(a)) == [f.name for f in dataclasses.fields(Metric)]
    True
    """
    obj = object.__new__(Metric)
    obj.__dict__.update({"text": text, "start": start, "end": end, "value": value, "unit": unit, "total": total, "item": item})
    return obj


@dataclass(frozen=True)
class ParsedDocument:
    source: Source
    text: str
    header: Header
    items: tuple[Item, ...] = ()
    citations: tuple[Citation, ...] = ()
    bodies: tuple[BodyMention, ...] = ()
    themes: tuple[ThemeTag, ...] = ()
    people: tuple[PersonMention, ...] = ()
    metrics: tuple[Metric, ...] = ()
    warnings: tuple[str, ...] = field(default=())
