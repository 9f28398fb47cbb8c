"""The whole ingest pipeline: file -> text -> structure -> mentions -> ParsedDocument.

``parse_file(path)`` runs every stage in order; ``to_json(doc)`` is the one place
the ``vanban.parse/1`` JSON is built.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from ingest.bodies import extract_bodies
from ingest.citations import extract_citations, scope_key
from ingest.deadlines import task_deadline
from ingest.header import parse_header
from ingest.limits import Limits
from ingest.metrics import extract_metrics
from ingest.models import SCHEMA, Citation, Header, Item, ParsedDocument, RawText, Source
from ingest.normalize import fold, normalize
from ingest.people import extract_people
from ingest.periods import Periods, shift_month
from ingest.readers import PageProgress, read_file
from ingest.structure import parse_items
from ingest.themes import tag_themes
from ingest.units import resolve_unit
from ingest.vocabulary import item_at


def _item_id(item: Item | None) -> str | None:
    return item.id if item else None


def resolve_header_unit(header: Header, province: str | None = None) -> Header:
    """The header with its unit's official code (:mod:`ingest.units`): by the province
    given (``--province``, ``$VANBAN_PROVINCE``), else the one its upper line names."""
    province = province or os.environ.get("VANBAN_PROVINCE") or header.province
    res = resolve_unit(header.unit, province)
    if res is None:
        return header
    return replace(header, unit_code=res.ref.code if res.ref else None, unit_status=res.status)


def reported_from_items(header: Header, items: Sequence[Item]) -> Header:
    """A header that names no reported month takes the months its results are under ("Kết quả tháng 7").

    The title of a resolution often names only the month it plans ("về lãnh đạo thực hiện nhiệm vụ
    tháng 8"); the month it reports is in a heading of the body. Months at or after the first planned
    month are not reports; a document that plans no month is left as it is.
    """
    if header.reported_months or not header.planned_months:
        return header  # a document that plans no month is not a monthly notice: its results' dates say nothing
    first_plan = min(header.planned_months)
    months = sorted({m for it in items if it.role in {"result", "limitation"} for m in it.months if m < first_plan})
    if not months:
        return header
    return replace(header, reported_months=tuple(months), reported_period=header.reported_period or months[-1])


def _replace(obj: Any, **changes: Any) -> Any:
    """``dataclasses.replace`` for the models (dataclasses of plain fields, every one in ``__init__``, no
    ``__post_init__``), without its field walk and without the frozen ``__init__`` (one ``object.__setattr__``
    a field): the copy's ``__dict__`` is the original's with ``changes``, as that ``__init__`` would make it."""
    out = object.__new__(type(obj))
    d = out.__dict__
    d.update(obj.__dict__)
    d.update(changes)
    return out


def reported_before_planned(header: Header, items: Sequence[Item]) -> Header:
    """A notice that plans a month, reports results and names no month reported reports the month before it.

    A clerk heads the results "I. KẾT QUẢ ĐẠT ĐƯỢC" or "I. TÌNH HÌNH CHUNG" under a title that names only the month
    planned ("về lãnh đạo thực hiện nhiệm vụ tháng 3"). Only when the notice is dated in the month before the one it
    plans or in that month (a plan written months ahead reports nothing by this).
    """
    if header.reported_months or not header.planned_months or not header.date or not any(it.role == "result" for it in items):
        return header
    first = min(header.planned_months)
    before = shift_month(first, -1)
    if header.date[:7] not in (before, first):
        return header
    return replace(header, reported_months=(before,), reported_period=before)


def planned_after_reported(header: Header, items: Sequence[Item]) -> Header:
    """A notice that reports a month, gives tasks and names no month planned plans the next one.

    A meeting's conclusions ("Thông báo ý kiến chỉ đạo ... tại hội nghị Ban Thường vụ tháng 02", "Kết luận của Chủ tịch
    ... tại cuộc họp giao ban tháng 02") name the month of the meeting, which they review, and give the work of the
    month after it without naming it. Only when the notice is dated in the month it reports or the next one (a report
    written months later plans nothing by this).
    """
    if header.planned_months or not header.reported_months or not header.date or not any(it.role == "task" for it in items):
        return header
    last = max(header.reported_months)
    nxt = shift_month(last, 1)
    if header.date[:7] not in (last, nxt):
        return header
    return replace(header, planned_months=(nxt,), planned_period=nxt)


def with_deadlines(items: Sequence[Item], header: Header, text: str | None = None) -> list[Item]:
    """Tasks with their deadline (:func:`ingest.deadlines.task_deadline`), spans moved into the document.

    ``text``: the document the items' spans point into (its fold is sliced rather than each task folded).
    """
    periods = Periods(header.reported_months, header.planned_months)
    folded = fold(text) if text is not None else None
    out = []
    for it in items:
        if it.role == "task":
            f = folded[it.start : it.end] if folded is not None and text is not None and text[it.start : it.end] == it.text else None
            d = task_deadline(it.text, periods, header.date, it.months, f)
        else:
            d = None
        if d is not None:
            start = it.start + d.start if d.start is not None else None
            end = it.start + d.end if d.end is not None else None
            it = _replace(it, deadline=d.value, deadline_due=d.due, deadline_source=d.source, deadline_start=start, deadline_end=end)
        out.append(it)
    return out


def parse_text(
    raw: RawText | str, *, path: str = "<text>", sha256: str | None = None, unit: str | None = None, province: str | None = None,
) -> ParsedDocument:
    """Parse already-read text (a :class:`RawText` or a plain string).

    ``unit`` ("phường Tân Hưng") overrides the unit read from the document, for
    a notice whose header does not say it (``vanban ingest --unit``);
    ``province`` chooses among wards of the same name in different provinces.
    """
    if isinstance(raw, str):
        raw = RawText(text=raw, format="txt", encoding="utf-8")
    text = normalize(raw.text)
    if sha256 is None:
        sha256 = hashlib.sha256(raw.text.encode("utf-8")).hexdigest()
    return _parse_normalised(text, Source(path=path, sha256=sha256, format=raw.format, encoding=raw.encoding), unit, province)


def with_unit(doc: ParsedDocument, unit: str, unit_source: str = "option") -> ParsedDocument:
    """``doc`` parsed again under ``unit`` from its normalised text: what ``parse_text(..., unit=unit)`` of its
    file gives, without reading (or recognising) the file again; ``unit_source`` says where the unit came from.
    """
    return _parse_normalised(doc.text, doc.source, unit, None, unit_source)


def _parse_normalised(
    text: str, source: Source, unit: str | None, province: str | None, unit_source: str = "option",
) -> ParsedDocument:
    """Every stage after normalisation, on normalised ``text``."""
    header = parse_header(text)
    if unit:
        header = replace(header, unit=normalize(unit).strip(), unit_source=unit_source)
    elif header.unit:
        header = replace(header, unit_source=header.unit_source or "document")
    header = resolve_header_unit(header, province)
    items = parse_items(text, header)
    header = reported_from_items(header, items)
    inferred = planned_after_reported(reported_before_planned(header, items), items)
    if inferred is not header:
        header = inferred
        # the items' months (and the work given in a meeting's conclusions) by the months inferred
        items = parse_items(text, header)
    items = with_deadlines(items, header, text)
    own_id = (header.number, header.symbol) if header.symbol else None
    citations: list[Citation] = [
        _replace(c, item=_item_id(item_at(items, c.start, c.end)), key=scope_key(c.key, c.symbol, c.issuer, header.unit))
        for c in extract_citations(text, own_spans=header.own_spans, own_id=own_id)
    ]
    bodies = extract_bodies(text, header, items)
    themes = tag_themes(text, items)
    people = extract_people(text, header, items)
    metrics = extract_metrics(text, items)
    return ParsedDocument(
        source=source,
        text=text,
        header=header,
        items=tuple(items),
        citations=tuple(citations),
        bodies=tuple(bodies),
        themes=tuple(themes),
        people=tuple(people),
        metrics=tuple(metrics),
    )


#: a short notice that reaches every stage (header, items, deadlines, citations, bodies, themes,
#: people): parsing it compiles their patterns (:func:`warm_up`)
_WARM_TEXT = """ĐẢNG BỘ TỈNH TUYÊN QUANG
ĐẢNG ỦY PHƯỜNG AN LẠC
*
Số: 12-TB/ĐU
ĐẢNG CỘNG SẢN VIỆT NAM
An Lạc, ngày 26 tháng 11 năm 2025

THÔNG BÁO
KẾT LUẬN CỦA BAN THƯỜNG VỤ ĐẢNG ỦY
về kết quả công tác tháng 11 và nhiệm vụ trọng tâm tháng 12/2025

Thực hiện Quy chế làm việc, ngày 26/11/2025 Ban Thường vụ Đảng ủy phường An Lạc họp, kết luận:

1. Kết quả thực hiện nhiệm vụ tháng 11 năm 2025

(1) Đã tổ chức quán triệt Nghị quyết Đại hội XIV của Đảng và Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, 24 hội nghị.

(2) Hoàn thành kế hoạch cao điểm tấn công, trấn áp tội phạm, bảo đảm an ninh, trật tự, an toàn giao thông; thu ngân sách đạt 76% dự toán.

- Việc sử dụng Sổ tay đảng viên điện tử ở một số chi bộ chưa thường xuyên, hiệu quả chưa cao.

2. Nhiệm vụ trọng tâm tháng 12 năm 2025

2.1. Giao Ủy ban nhân dân phường chủ trì, phối hợp với Công an phường, Ủy ban Mặt trận Tổ quốc Việt Nam phường thực hiện Đề án 06 của Chính phủ, Luật Đất đai năm 2024 và Kế hoạch 15 của Thành ủy; hoàn thành trước ngày 20/12/2025.

2.2. Văn phòng Đảng ủy, Tổ dân phố số 8 tuyên truyền phòng, chống cháy nổ, chuyển đổi số, phát triển kinh tế - xã hội trong quý I năm 2026; đồng chí Nguyễn Văn An, Phó Bí thư Đảng ủy theo dõi, đôn đốc.

Giao các đồng chí Ủy viên Ban Thường vụ Đảng ủy theo dõi, kiểm tra, đôn đốc tổ chức thực hiện.

Nơi nhận:
- Ban Thường vụ Thành ủy,
- Các chi, đảng bộ trực thuộc,
- Lưu VPĐU.

T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ

Nguyễn Văn An
"""

_warmed = False


def warm_up() -> None:
    """Parse a short notice once in this process, so that every stage's patterns are compiled.

    The ``regex`` module compiles the theme and body alias patterns in Python (≈ 0.45 s on the
    first notice): called in a parent before it forks a pool of parsers, it is paid once and
    shared by every worker, not paid again by each. Parsing has no state of its own beyond
    such caches, so what follows parses the same.
    """
    global _warmed
    if not _warmed:
        parse_text(_WARM_TEXT, path="<warm-up>")
        _warmed = True


def parse_file(
    path: str | Path, *, ocr: bool = True, unit: str | None = None, limits: Limits | None = None, on_page: PageProgress | None = None,
    province: str | None = None,
) -> ParsedDocument:
    """Read and parse one file. Raises :class:`vanban.errors.ParseError` on bad input.

    ``limits`` caps what the file may cost (default: :meth:`Limits.from_env`);
    ``on_page(done, total)`` reports OCR progress on a scanned PDF.
    """
    p = Path(path)
    raw = read_file(p, ocr=ocr, limits=limits, on_page=on_page)
    sha = hashlib.sha256(p.read_bytes()).hexdigest()
    return parse_text(raw, path=str(p), sha256=sha, unit=unit, province=province)


def to_json(doc: ParsedDocument) -> dict[str, Any]:
    """The ``vanban.parse/1`` object of CONTRACT.md (plus a few documented extra keys)."""
    h = doc.header
    return {
        "schema": SCHEMA,
        "source": {"path": doc.source.path, "sha256": doc.source.sha256, "format": doc.source.format, "encoding": doc.source.encoding},
        "text": doc.text,
        "header": {
            "doc_type": h.doc_type,
            "number": h.number,
            "symbol": h.symbol,
            "issuer": h.issuer,
            "unit": h.unit,
            "unit_source": h.unit_source,
            "place": h.place,
            "date": h.date,
            "title": h.title,
            "reported_period": h.reported_period,
            "planned_period": h.planned_period,
            "reported_months": list(h.reported_months),
            "planned_months": list(h.planned_months),
            "signer": None if h.signer is None else {"name": h.signer.name, "title": h.signer.title, "authority": h.signer.authority},
            "recipients": list(h.recipients),
            "province": h.province,
            "unit_code": h.unit_code,
            "unit_status": h.unit_status,
            "attached_to": h.attached_to,
        },
        "items": [
            {"id": i.id, "path": i.path, "role": i.role, "period": i.period, "text": i.text, "span": [i.start, i.end], "section": i.section,
             "months": list(i.months), "deadline": i.deadline, "deadline_source": i.deadline_source, "deadline_due": i.deadline_due,
             "deadline_span": None if i.deadline_start is None else [i.deadline_start, i.deadline_end]}
            for i in doc.items
        ],
        "citations": [
            {
                "text": c.text,
                "span": [c.start, c.end],
                "item": c.item,
                "doc_type": c.doc_type,
                "number": c.number,
                "symbol": c.symbol,
                "year": c.year,
                "date": c.date,
                "issuer": c.issuer,
                "key": c.key,
                "kind": c.kind,
                "relation": c.relation,
            }
            for c in doc.citations
        ],
        "bodies": [
            {"text": b.text, "span": [b.start, b.end], "name": b.name, "id": b.body_id, "item": b.item, "role": b.role}
            for b in doc.bodies
        ],
        "themes": [{"id": t.id, "label": t.label, "items": list(t.items)} for t in doc.themes],
        "people": [{"text": p.text, "span": [p.start, p.end], "name": p.name, "title": p.title, "item": p.item} for p in doc.people],
        "metrics": [
            {"text": m.text, "span": [m.start, m.end], "value": m.value, "unit": m.unit, "total": m.total, "item": m.item}
            for m in doc.metrics
        ],
    }
