"""Stage 8: :class:`~ingest.models.ParsedDocument` -> store rows.

:func:`to_records` is the one function that builds the rows a store writes
(nodes by label, relationships by ``(type, from label, to label)``, each with
the columns of :mod:`graph.schema`). The stores only decide *how* to write
them (create, merge, ``COPY``); :func:`merge_node` says how a shared node
(a Directive cited by many documents, a Body named in many) combines what
two documents say about it.

Document identity (:func:`document_id`) — the key that makes re-ingesting
a file a no-op and a revised file a replacement. Two files are one document
only when nothing doubts it; when in doubt they stay two (a wrong merge loses
a document silently, a wrong split shows as a duplicate):

* **numbered, year known** ("Số 02-NQ/ĐU" dated 2025, "154/2025/NĐ-CP"): its
  citation key (type, number, symbol, year — what other documents cite it by),
  its scope (the unit it governs, else its issuer) and its issuer:
  ``<key>@<folded scope>/<issuer>``. Local numbering restarts for every Party
  committee and People's Committee, so "02-NQ/ĐU" of phường Tân Hưng and of
  phường Đồ Sơn are two documents; a revised file (same number, symbol,
  issuer and year, new content) keeps the id and replaces the stored one. The
  full date is left out on purpose: a revision that fills in the day ("ngày
  tháng 03" -> "ngày 05 tháng 03") is the same document.
* **anything less** — a blank number ("Số: /BC-UBND", "Số -TB/ĐU": drafts,
  crawled copies), a number that is not one (OCR's "4J", which used to stop
  the batch with an error), a number without a year: the natural key of a
  periodic notice — type, symbol, scope, the month it plans or reviews (else
  its date), a short hash of its folded title (two notices of one month on
  different subjects stay two) and a short hash of the file's name and its
  folder's name: ``<type>-<symbol>@<scope>/<month>/<hash>.<file>``. An office
  folder holds the draft, the signed copy and the cover note of one decision
  side by side, all without a number and with one title; each file is its own
  document (three drafts of one report are three), and a revised file (same
  name) still replaces its document.
* **nothing to go by** (no type, no scope, no date): the file's sha256. The
  full path is never used: moving a folder must not duplicate the corpus.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from graph import schema
from ingest.citation_resolver import citation_key as _citation_key
from ingest.citation_resolver import scope_key
from ingest.models import BodyMention, ParsedDocument
from ingest.normalize import fold
from ingest.vocabulary import id_slug

Row = dict[str, Any]
RelKey = tuple[str, str, str]  # (type, from label, to label)


@dataclass(frozen=True)
class Records:
    """What one document writes: its own nodes and edges, and the shared nodes it touches."""

    document_id: str
    nodes: dict[str, list[Row]] = field(default_factory=dict)
    rels: dict[RelKey, list[Row]] = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        return self.nodes["Document"][0]["content_hash"]

    def shared_keys(self) -> dict[str, set[str]]:
        """Keys of the shared nodes this document points to, by label."""
        out: dict[str, set[str]] = {}
        for label, rows in self.nodes.items():
            table = schema.node(label)
            if not table.owned:
                out[label] = {r[table.key] for r in rows}
        return out

    def count(self, what: str) -> int:
        """Rows of a node label or of a relationship type (all its pairs)."""
        if what in self.nodes:
            return len(self.nodes[what])
        return sum(len(rows) for (t, _, _), rows in self.rels.items() if t == what)


def citation_key(doc_type: str | None, number: str | None, symbol: str | None, year: int | None) -> str:
    """The citation key of a document, as every citation of it computes it."""
    return _citation_key(doc_type, number, symbol, year)


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date and re.match(r"\d{4}", date) else None


def own_key(doc: ParsedDocument) -> str | None:
    """The document's own citation key, when it has a number; else None.

    A number that is not one ("4J": OCR noise in "Số: 4J/QĐ-UBND") gives no key
    rather than an error: the document is then told apart by its content.

    >>> from ingest.models import Header, ParsedDocument, Source
    >>> own_key(ParsedDocument(Source("a.txt", "0" * 64, "txt"), "", Header(number="4J", symbol="QĐ-UBND")))
    """
    h = doc.header
    if not h.number or not h.symbol or not h.number.strip().isdigit():
        return None
    key = citation_key(h.doc_type, h.number, h.symbol, _year(h.date))
    # a ward's own numbering is unique only within the ward: the same scoping as its citations get
    return scope_key(key, h.symbol, None, h.unit)


def issuer_body(doc: ParsedDocument) -> tuple[str, str, BodyMention | None] | None:
    """``(body id, name, mention)`` of the issuer in the header, or None when it has none.

    The registry's id when the body extractor found the issuer in its span
    ("Ban Thường vụ Đảng ủy" -> ``btv@phuong-do-son``), else an id from the name.
    """
    h = doc.header
    if not h.issuer:
        return None
    span = h.issuer_span or (None, None)
    found = next((b for b in doc.bodies if span[0] is not None and span[0] <= b.start < b.end <= span[1]), None)
    if found:
        return found.body_id, found.name, found
    return body_id(h.issuer), h.issuer, None


def _has_year(key: str) -> bool:
    # "NQ:2-NQ/ĐU:2025@phuong-do-son", "NĐ:154/NĐ-CP:2025": the year closes the key (before its scope)
    return re.search(r":\d{4}(?:@|$)", key) is not None


def document_id(doc: ParsedDocument) -> str:
    """The stable id of a document (module docstring: why these parts).

    >>> from dataclasses import replace
    >>> from ingest.models import Header, ParsedDocument, Source
    >>> src = Source("a.txt", "ab" * 32, "txt")
    >>> h = Header(doc_type="Nghị quyết", number="02", symbol="NQ/ĐU", issuer="Đảng ủy phường Đồ Sơn",
    ...            unit="phường Đồ Sơn", date="2026-03-05")
    >>> document_id(ParsedDocument(src, "", h))
    'NQ:2-NQ/ĐU:2026@phuong-do-son/dang-uy-phuong-do-son'
    >>> draft = Header(doc_type="Thông báo kết luận", symbol="TB/ĐU", unit="phường Đồ Sơn", date="2026-03",
    ...                planned_period="2026-03", title="về kết quả tháng 2")
    >>> document_id(ParsedDocument(src, "", draft))
    'thong-bao-ket-luan-tb/du@phuong-do-son/2026-03/407c68ed.54fae4'
    >>> document_id(ParsedDocument(src, "", replace(draft, number="4J")))  # OCR noise: no number
    'thong-bao-ket-luan-tb/du@phuong-do-son/2026-03/407c68ed.54fae4'
    >>> document_id(ParsedDocument(src, "", Header()))
    'sha256:abababababababab'
    """
    h = doc.header
    scope = id_slug(h.unit or h.issuer)
    key = own_key(doc)
    if key and _has_year(key):
        base = key if "@" in key or not scope else f"{key}@{scope}"
        issuer = issuer_body(doc)
        if issuer is None:
            return base
        # the body id without the scope the id already carries: "btv@phuong-do-son" -> "btv"
        who = issuer[0].removeprefix("body:").removesuffix(f"@{scope}")
        return f"{base}/{who}"
    month = h.planned_period or h.reported_period or h.date
    if (h.doc_type or h.symbol) and scope and month:
        title = hashlib.sha256(" ".join(fold(h.title or "").split()).encode()).hexdigest()[:8]
        return f"{id_slug(h.doc_type)}-{id_slug(h.symbol)}@{scope}/{month}/{title}.{_file_tag(doc.source.path)}"
    return f"sha256:{doc.source.sha256[:16]}"


def _file_tag(path: str) -> str:
    """A short hash of a file's name and its folder's name (not the whole path: a moved tree keeps its ids).

    >>> _file_tag("/a/Tờ trình 320/Dự thảo QĐ.doc") == _file_tag("/b/c/Tờ trình 320/Dự thảo QĐ.doc")
    True
    """
    p = PurePath(path)
    return hashlib.sha256(fold(f"{p.parent.name}/{p.name}").encode()).hexdigest()[:6]


def item_id(document: str, local_id: str) -> str:
    """The node id of an item: ``document_id#i12``."""
    return f"{document}#{local_id}"


def item_scope(unit: str | None, doc_type: str | None, reported: Iterable[str | None],
               planned: Iterable[str | None], role: str) -> str:
    """The part of an item's identity that a re-parse or a revision keeps: unit, the document's
    months and type, the item's role; a short hash (items of one scope can be compared in a revision).

    >>> a = item_scope("phường An Lạc", "Thông báo kết luận", ["2025-10"], ["2025-11"], "task")
    >>> a == item_scope("Phuong An Lac", "Thông báo kết luận", ["2025-10", None], ["2025-11"], "task"), len(a)
    (True, 12)
    """
    raw = "|".join((fold(unit or "").lower(), ",".join(sorted(m for m in reported if m)),
                    ",".join(sorted(m for m in planned if m)), fold(doc_type or "").lower(), role))
    return hashlib.sha256(raw.encode()).hexdigest()[:12]


_WORD = re.compile(r"\w+")


def text_words(text: str, folded: str | None = None) -> list[str]:
    """The item's words folded, lower case, punctuation gone: what its identity and a fuzzy match compare.
    ``folded``: ``fold(text)`` where the caller has it already."""
    return _WORD.findall((fold(text) if folded is None else folded).lower())


def stable_key(scope: str, text: str, folded: str | None = None) -> str:
    """``<scope>:<hash of the folded words>``: the same item in a re-parsed or replaced file gets the same key.

    Accents, case, punctuation and spacing do not change it (a re-typed file), the path and
    the position in the document do not either (an item inserted above it). ``folded``: ``fold(text)``.
    """
    return f"{scope}:{hashlib.sha256(' '.join(text_words(text, folded)).encode()).hexdigest()[:16]}"


def _unique(key: str, seen: dict[str, int]) -> str:
    # the same sentence twice in one document ("Thực hiện tốt công tác ..."): the second is key~2
    seen[key] = seen.get(key, 0) + 1
    return key if seen[key] == 1 else f"{key}~{seen[key]}"


def body_id(name: str) -> str:
    """Id of a body known only by its name (an issuer or recipient the body extractor did not see)."""
    return "body:" + id_slug(name)


def person_id(name: str) -> str:
    return "person:" + id_slug(name)


def unit_id(name: str) -> str:
    return id_slug(name)


def directive_label(doc_type: str | None, number: str | None, symbol: str | None) -> str:
    """How a directive is shown: 'Nghị quyết số 57-NQ/TW', 'Nghị định số 154/2025/NĐ-CP'.

    >>> directive_label("Nghị quyết", "57", "NQ/TW"), directive_label("Nghị định", "154", "2025/NĐ-CP")
    ('Nghị quyết số 57-NQ/TW', 'Nghị định số 154/2025/NĐ-CP')
    """
    if not number:
        return " ".join(x for x in (doc_type, symbol) if x) or "?"
    # Party numbering "57-NQ/TW" (symbol "NQ/TW"); State numbering "154/2025/NĐ-CP", "36/CT-TTg"
    sep = "-" if symbol and "-" not in symbol and not symbol[:1].isdigit() else "/"
    code = f"{number}{sep}{symbol}" if symbol else number
    return f"{doc_type} số {code}" if doc_type else code


# "- Lưu VPĐU", "Như trên", "(để b/c)": not a body
_NOT_RECIPIENT = re.compile(r"^(?:luu\b|nhu tren\b|nhu dieu\b|cac dong chi\b)", re.I)


def _clean_recipient(r: str) -> str:
    r = re.sub(r"\((?:de|đe|để)[^)]*\)", "", r, flags=re.I)
    return r.strip(" -+;,.:\t")


def _content_hash(nodes: dict[str, list[Row]], rels: dict[RelKey, list[Row]]) -> str:
    payload = {"n": nodes, "r": {"|".join(k): v for k, v in sorted(rels.items())}}
    return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()


def to_records(doc: ParsedDocument) -> Records:
    """Every row one document writes: its nodes (own and shared) and its edges with evidence."""
    h = doc.header
    did = document_id(doc)
    key = own_key(doc)
    text = doc.text
    nodes: dict[str, dict[str, Row]] = {t.label: {} for t in schema.NODES if t.label not in schema.DETACHED}
    rels: dict[RelKey, list[Row]] = {}

    def add_node(label: str, row: Row) -> str:
        table = schema.node(label)
        full = {c: row.get(c) for c in table.columns}
        k = str(full[table.key])
        same = nodes[label]
        old = same.get(k)
        # the first mention as it is (merge_node(label, None, full) would copy it); a second one merged
        same[k] = full if old is None else merge_node(label, old, full)
        return k

    def add_rel(type_: str, a: tuple[str, str], b: tuple[str, str], **props: Any) -> None:
        table = schema.rel(type_)
        if (a[0], b[0]) not in table.pairs:
            raise ValueError(f"{type_} does not join {a[0]} to {b[0]}; it joins {table.pairs}")
        row: Row = {"from": a[1], "to": b[1]}
        for c in table.columns:
            row[c] = props.get(c)
        rels.setdefault((type_, a[0], b[0]), []).append(row)

    def span_text(s: int | None, e: int | None) -> str | None:
        return text[s:e] if s is not None and e is not None else None

    doc_node = ("Document", did)
    year = _year(h.date)
    add_node(
        "Document",
        {
            "id": did,
            "key": key,
            "doc_type": h.doc_type,
            "number": h.number,
            "symbol": h.symbol,
            "issuer": h.issuer,
            "unit": h.unit,
            "place": h.place,
            "date": h.date,
            "year": year,
            "title": h.title,
            "reported_period": h.reported_period,
            "planned_period": h.planned_period,
            "reported_months": ",".join(h.reported_months) or None,
            "planned_months": ",".join(h.planned_months) or None,
            "signer": h.signer.name if h.signer else None,
            "source": doc.source.path,
            "sha256": doc.source.sha256,
            "format": doc.source.format,
            "encoding": doc.source.encoding,
            "text": text,
            "folded": fold(" ".join(x for x in (h.doc_type, directive_label(None, h.number, h.symbol), h.title, h.issuer, h.unit) if x)),
        },
    )
    if key:
        label = directive_label(h.doc_type, h.number, h.symbol)
        add_node(
            "Directive",
            {
                "key": key, "doc_type": h.doc_type, "number": h.number, "symbol": h.symbol, "year": year,
                "date": h.date, "issuer": h.issuer, "label": label,
                # its key too: "154/2025" finds Nghị định 154/2025/NĐ-CP, whose label leaves the year out
                "folded": fold(" ".join(x for x in (label, h.issuer, h.title, key) if x)),
                "ingested": True, "ingested_document": did,
            },
        )
        add_rel("REALIZED_BY", ("Directive", key), doc_node)

    # -- items, months
    item_ids = {}
    scope = {role: item_scope(h.unit, h.doc_type, h.reported_months or [h.reported_period], h.planned_months or [h.planned_period], role)
             for role in {it.role for it in doc.items}}
    seen_keys: dict[str, int] = {}
    for n, it in enumerate(doc.items):
        iid = item_ids[it.id] = item_id(did, it.id)
        folded = fold(it.text)
        add_node(
            "Item",
            {
                "id": iid, "document": did, "local_id": it.id, "ord": n, "path": it.path, "role": it.role,
                "period": it.period, "months": ",".join(it.months) or None, "section": it.section, "text": it.text, "span_start": it.start,
                "span_end": it.end, "folded": folded,
                "stable_key": _unique(stable_key(scope[it.role], it.text, folded), seen_keys),
                "deadline": it.deadline, "deadline_due": it.deadline_due, "deadline_source": it.deadline_source,
                "deadline_start": it.deadline_start, "deadline_end": it.deadline_end,
            },
        )
        add_rel("HAS_ITEM", doc_node, ("Item", iid), ord=n)
        if it.period:
            add_rel("FOR_MONTH", ("Item", iid), ("Month", add_node("Month", {"id": it.period})))
    for kind, month in (("reported", h.reported_period), ("planned", h.planned_period)):
        if month:
            add_rel("FOR_MONTH", doc_node, ("Month", add_node("Month", {"id": month})), kind=kind)

    # -- unit, issuer, signer, recipients
    if h.unit:
        uid = add_node("Unit", {"id": unit_id(h.unit), "name": h.unit, "folded": fold(h.unit)})
        add_rel("PART_OF", doc_node, ("Unit", uid))
    issuer_of = issuer_body(doc)
    if issuer_of:
        bid, name, issuer = issuer_of
        span = h.issuer_span or (None, None)
        add_node("Body", {"id": bid, "name": name, "folded": fold(h.issuer or name),
                          "level": issuer.level if issuer else None, "kind": issuer.kind if issuer else None})
        add_rel("ISSUED_BY", doc_node, ("Body", bid), text=h.issuer, span_start=span[0], span_end=span[1])
    if h.signer and h.signer.name:
        pid = add_node("Person", {"id": person_id(h.signer.name), "name": h.signer.name, "folded": fold(h.signer.name)})
        add_rel("SIGNED_BY", doc_node, ("Person", pid), title=h.signer.title, authority=h.signer.authority,
                text=span_text(h.signer.start, h.signer.end) or h.signer.name,
                span_start=h.signer.start, span_end=h.signer.end)
    for n, r in enumerate(h.recipients):
        name = _clean_recipient(r)
        if name and not _NOT_RECIPIENT.match(fold(name)):
            bid = add_node("Body", {"id": body_id(name), "name": name, "folded": fold(name)})
            add_rel("ADDRESSED_TO", doc_node, ("Body", bid), text=r, ord=n)

    # -- citations: every occurrence is an edge; the document's own number is not a citation
    for n, c in enumerate(doc.citations):
        if c.key == key:
            continue
        label = directive_label(c.doc_type, c.number, c.symbol) if c.number else c.text
        add_node(
            "Directive",
            {
                "key": c.key, "doc_type": c.doc_type, "number": c.number, "symbol": c.symbol, "year": c.year,
                "date": c.date, "issuer": c.issuer, "label": label,
                "folded": fold(" ".join(x for x in (label, c.issuer, c.key) if x)), "ingested": False,
            },
        )
        add_rel(
            "CITES", doc_node, ("Directive", c.key), relation=c.relation, kind=c.kind, text=c.text,
            span_start=c.start, span_end=c.end, item=item_ids.get(c.item) if c.item else None,
            evidence=span_text(c.sentence_start, c.sentence_end) or c.text,
            evidence_start=c.sentence_start if c.sentence_start is not None else c.start,
            evidence_end=c.sentence_end if c.sentence_end is not None else c.end, ord=n,
        )

    # -- bodies: assigned (lead/partner of an item) or mentioned
    for m in doc.bodies:
        bid = add_node("Body", {"id": m.body_id, "name": m.name, "level": m.level, "kind": m.kind, "folded": fold(m.name)})
        mid = item_ids.get(m.item) if m.item else None
        if m.role in ("lead", "partner") and mid:
            add_rel("ASSIGNED_TO", ("Item", mid), ("Body", bid), role=m.role, text=m.text, span_start=m.start, span_end=m.end)
        else:
            add_rel("MENTIONS", doc_node, ("Body", bid), text=m.text, span_start=m.start, span_end=m.end, item=mid)
    for p in doc.people:
        pid = add_node("Person", {"id": person_id(p.name), "name": p.name, "folded": fold(p.name)})
        add_rel("MENTIONS", doc_node, ("Person", pid), text=p.text, span_start=p.start, span_end=p.end,
                item=item_ids.get(p.item) if p.item else None)

    # -- themes
    for t in doc.themes:
        tid = add_node("Theme", {"id": t.id, "label": t.label, "folded": fold(t.label)})
        add_rel("ABOUT", doc_node, ("Theme", tid))
        for local in dict.fromkeys(t.items):
            if local in item_ids:
                add_rel("ABOUT", ("Item", item_ids[local]), ("Theme", tid))

    out_nodes = {label: list(rows.values()) for label, rows in nodes.items() if rows}
    out_nodes["Document"][0]["content_hash"] = _content_hash(out_nodes, rels)
    return Records(did, out_nodes, rels)


def merge_node(label: str, old: Row | None, new: Row) -> Row:
    """What a shared node holds when a second mention of it arrives.

    A Directive's own header (``ingested`` true) wins over what citations of it
    say; otherwise the first non-null value stays (a later citation that omits
    the date does not erase it).

    >>> merge_node("Directive", {"key": "k", "date": "2024-12-22", "issuer": None, "ingested": False},
    ...            {"key": "k", "date": None, "issuer": "Bộ Chính trị", "ingested": False})
    {'key': 'k', 'date': '2024-12-22', 'issuer': 'Bộ Chính trị', 'ingested': False}
    """
    if old is None:
        return dict(new)
    if label == "Directive" and new.get("ingested"):
        return {k: new[k] if new.get(k) is not None else old.get(k) for k in new}
    out = {k: old.get(k) if old.get(k) is not None else new.get(k) for k in new}
    if label == "Directive":
        out["ingested"] = bool(old.get("ingested")) or bool(new.get("ingested"))
    return out


def merge_all(records: Iterable[Records]) -> tuple[dict[str, dict[str, Row]], dict[RelKey, list[Row]]]:
    """Nodes and edges of many documents, deduplicated as sequential upserts would leave them.

    A later document with the same id replaces an earlier one (its edges too);
    shared nodes are merged with :func:`merge_node`. Used by the bulk ``COPY`` path.
    """
    latest: dict[str, Records] = {}
    for r in records:
        latest.pop(r.document_id, None)
        latest[r.document_id] = r
    nodes: dict[str, dict[str, Row]] = {}
    rels: dict[RelKey, list[Row]] = {}
    for r in latest.values():
        for label, rows in r.nodes.items():
            table = schema.node(label)
            bucket = nodes.setdefault(label, {})
            for row in rows:
                k = row[table.key]
                bucket[k] = merge_node(label, bucket.get(k), row)
        for k, rows in r.rels.items():
            rels.setdefault(k, []).extend(rows)
    return nodes, rels
