"""Fictional ParsedDocuments for the graph tests: built by hand, so the store
suite does not depend on how well the extractors do.

Text is assembled from pieces; a piece written ``[[...]]`` is a mention whose
span is recorded, so ``text[start:end]`` is always the mention.

The little corpus (:func:`corpus`):

* ``ct05`` — Chỉ thị số 05-CT/TU (2026) of the Ban Thường vụ Thành ủy, which
  cites Nghị quyết số 57-NQ/TW (based_on);
* ``dh_feb`` — Thông báo kết luận of phường Đông Hải, number left blank,
  reviewing 2026-01 and planning 2026-02: a result, a limitation, two tasks
  (one led by UBND phường with Công an phường as partner); cites 57-NQ/TW
  and 05-CT/TU;
* ``dh_mar`` — the same ward's next notice (reviews 2026-02, plans 2026-03);
* ``ts_02`` — Nghị quyết số 02-NQ/ĐU of phường Tây Sơn, citing 05-CT/TU.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace

from graph.records import citation_key
from ingest.models import BodyMention, Citation, Header, Item, ParsedDocument, Signer, Source, ThemeTag

_MARK = re.compile(r"\[\[(.+?)\]\]", re.S)


def spans(template: str) -> tuple[str, list[tuple[str, int, int]]]:
    """``"a [[b]] c"`` -> ``("a b c", [("b", 2, 3)])``."""
    out, marks, pos = [], [], 0
    length = 0
    for m in _MARK.finditer(template):
        before = template[pos : m.start()]
        out.append(before)
        length += len(before)
        marks.append((m.group(1), length, length + len(m.group(1))))
        out.append(m.group(1))
        length += len(m.group(1))
        pos = m.end()
    out.append(template[pos:])
    return "".join(out), marks


KEY_57 = citation_key("Nghị quyết", "57", "NQ/TW", 2024)
KEY_05 = citation_key("Chỉ thị", "05", "CT/TU", 2026)
KEY_02 = citation_key("Nghị quyết", "02", "NQ/ĐU", 2026)


def _cite(marks, i, doc_type, number, symbol, year, key, text, relation="cites", issuer=None, item=None):
    mention, s, e = marks[i]
    # the sentence around the mention: from the previous line break to the next full stop
    sent_s = text.rfind("\n", 0, s) + 1
    sent_e = text.find(".", e) + 1 or len(text)
    return Citation(mention, s, e, doc_type, number, symbol, year, None, issuer, key, "numbered", relation, item, sent_s, sent_e)


def ct05() -> ParsedDocument:
    text, m = spans(
        "THÀNH ỦY HẢI PHÒNG\nSố 05-CT/TU\nHải Phòng, ngày 08 tháng 01 năm 2026\nCHỈ THỊ\nvề tổ chức Tết Bính Ngọ 2026\n"
        "Thực hiện [[Nghị quyết số 57-NQ/TW]] của Bộ Chính trị về đột phá phát triển khoa học, công nghệ.\n"
        "1. Các cấp ủy tổ chức Tết an toàn, tiết kiệm.\n"
    )
    header = Header(doc_type="Chỉ thị", number="05", symbol="CT/TU", issuer="Ban Thường vụ Thành ủy",
                    unit="thành phố Hải Phòng", place="Hải Phòng", date="2026-01-08", title="về tổ chức Tết Bính Ngọ 2026")
    i1 = text.index("1. Các cấp")
    items = (Item("i1", "1", "task", "2026-01", text[i1:len(text) - 1], i1, len(text) - 1),)
    cites = (_cite(m, 0, "Nghị quyết", "57", "NQ/TW", None, KEY_57, text, relation="based_on"),)
    return ParsedDocument(_src("ct05.txt", text), text, header, items, cites)


def dh_feb() -> ParsedDocument:
    text, m = spans(
        "ĐẢNG ỦY PHƯỜNG ĐÔNG HẢI\nSố -TB/ĐU\nĐông Hải, ngày tháng 02 năm 2026\nTHÔNG BÁO KẾT LUẬN\n"
        "về kết quả tháng 01, nhiệm vụ tháng 02 năm 2026\n"
        "1. Kết quả tháng 01\n"
        "Hoàn thành cấp 300 tài khoản định danh điện tử theo [[Nghị quyết 57-NQ/TW]] của Bộ Chính trị.\n"
        "2. Hạn chế\n"
        "Tỷ lệ đảng viên cài sổ tay đảng viên điện tử còn thấp.\n"
        "3. Nhiệm vụ tháng 02\n"
        "Triển khai [[Chỉ thị số 05-CT/TU]] về tổ chức Tết; giao [[UBND phường]] chủ trì, [[Công an phường]] phối hợp.\n"
        "Đẩy mạnh chuyển đổi số, cấp tài khoản định danh điện tử cho người dân.\n"
    )
    header = Header(doc_type="Thông báo kết luận", number=None, symbol="TB/ĐU",
                    issuer="Ban Thường vụ Đảng ủy phường Đông Hải", unit="phường Đông Hải", place="Đông Hải",
                    date="2026-02", title="về kết quả tháng 01, nhiệm vụ tháng 02 năm 2026",
                    reported_period="2026-01", planned_period="2026-02",
                    signer=Signer("Trần Văn An", "PHÓ BÍ THƯ", "T/M"),
                    recipients=("Thường trực Thành ủy", "Lưu VPĐU"))
    items = _lines_as_items(text, [("Hoàn thành", "1", "result", "2026-01"), ("Tỷ lệ", "2", "limitation", "2026-01"),
                                   ("Triển khai", "3.1", "task", "2026-02"), ("Đẩy mạnh", "3.2", "task", "2026-02")])
    cites = (
        _cite(m, 0, "Nghị quyết", "57", "NQ/TW", None, KEY_57, text, issuer="Bộ Chính trị", item="i1"),
        _cite(m, 1, "Chỉ thị", "05", "CT/TU", None, KEY_05, text, relation="applies", item="i3"),
    )
    bodies = (
        BodyMention(m[2][0], m[2][1], m[2][2], "Ủy ban nhân dân phường Đông Hải", "ubnd-phuong-dong-hai", "lead", "i3", "xa", "state"),
        BodyMention(m[3][0], m[3][1], m[3][2], "Công an phường Đông Hải", "ca-phuong-dong-hai", "partner", "i3", "xa", "state"),
    )
    themes = (ThemeTag("chuyen-doi-so", "Chuyển đổi số", ("i1", "i4")), ThemeTag("xay-dung-dang", "Xây dựng Đảng", ("i2",)))
    return ParsedDocument(_src("dh_feb.txt", text), text, header, items, cites, bodies, themes)


def dh_mar() -> ParsedDocument:
    text, m = spans(
        "ĐẢNG ỦY PHƯỜNG ĐÔNG HẢI\nSố -TB/ĐU\nĐông Hải, ngày tháng 03 năm 2026\nTHÔNG BÁO KẾT LUẬN\n"
        "về kết quả tháng 02, nhiệm vụ tháng 03 năm 2026\n"
        "1. Kết quả tháng 02\n"
        "Tổ chức Tết an toàn theo [[Chỉ thị số 05-CT/TU]]; [[UBND phường]] hoàn thành.\n"
        "2. Hạn chế\n"
        "Số đảng viên dùng sổ tay điện tử vẫn thấp.\n"
        "3. Nhiệm vụ tháng 03\n"
        "Tiếp tục cấp tài khoản định danh điện tử cho người dân.\n"
    )
    header = Header(doc_type="Thông báo kết luận", symbol="TB/ĐU", issuer="Ban Thường vụ Đảng ủy phường Đông Hải",
                    unit="phường Đông Hải", date="2026-03", title="về kết quả tháng 02, nhiệm vụ tháng 03 năm 2026",
                    reported_period="2026-02", planned_period="2026-03")
    items = _lines_as_items(text, [("Tổ chức Tết", "1", "result", "2026-02"), ("Số đảng viên", "2", "limitation", "2026-02"),
                                   ("Tiếp tục", "3", "task", "2026-03")])
    cites = (_cite(m, 0, "Chỉ thị", "05", "CT/TU", None, KEY_05, text, item="i1"),)
    bodies = (BodyMention(m[1][0], m[1][1], m[1][2], "Ủy ban nhân dân phường Đông Hải", "ubnd-phuong-dong-hai", "mention", "i1"),)
    themes = (ThemeTag("chuyen-doi-so", "Chuyển đổi số", ("i3",)),)
    return ParsedDocument(_src("dh_mar.txt", text), text, header, items, cites, bodies, themes)


def ts_02() -> ParsedDocument:
    text, m = spans(
        "ĐẢNG ỦY PHƯỜNG TÂY SƠN\nSố 02-NQ/ĐU\nTây Sơn, ngày 05 tháng 02 năm 2026\nNGHỊ QUYẾT\nvề nhiệm vụ tháng 02 năm 2026\n"
        "1. Quán triệt [[Chỉ thị số 05-CT/TU]] ngày 08/01/2026; [[Ủy ban nhân dân phường]] chủ trì.\n"
    )
    header = Header(doc_type="Nghị quyết", number="02", symbol="NQ/ĐU", issuer="Ban Thường vụ Đảng ủy phường Tây Sơn",
                    unit="phường Tây Sơn", date="2026-02-05", title="về nhiệm vụ tháng 02 năm 2026", planned_period="2026-02")
    items = _lines_as_items(text, [("1. Quán triệt", "1", "task", "2026-02")])
    cites = (_cite(m, 0, "Chỉ thị", "05", "CT/TU", 2026, KEY_05, text, item="i1"),)
    bodies = (BodyMention(m[1][0], m[1][1], m[1][2], "Ủy ban nhân dân phường Tây Sơn", "ubnd-phuong-tay-son", "lead", "i1"),)
    return ParsedDocument(_src("ts_02.txt", text), text, header, items, cites, bodies)


def corpus() -> list[ParsedDocument]:
    return [ct05(), dh_feb(), dh_mar(), ts_02()]


def numbered(doc: ParsedDocument, number: str) -> ParsedDocument:
    """The document once it got its number ("Số -TB/ĐU" -> "Số 15-TB/ĐU"): a revision of it keeps its id."""
    text = doc.text.replace("Số -", f"Số {number}-", 1)
    return replace(doc, source=_src(doc.source.path, text), text=text, header=replace(doc.header, number=number))


def revised(doc: ParsedDocument) -> ParsedDocument:
    """The same document (same number, issuer, month) with new content: its last item and citation dropped."""
    text = doc.text + "Bổ sung.\n"
    return replace(doc, source=_src(doc.source.path, text), text=text, items=doc.items[:-1],
                   citations=doc.citations[:-1], bodies=tuple(b for b in doc.bodies if b.item != doc.items[-1].id))


def _lines_as_items(text: str, specs: list[tuple[str, str, str, str]]) -> tuple[Item, ...]:
    out = []
    for n, (prefix, path, role, period) in enumerate(specs, 1):
        s = text.index(prefix)
        e = text.index("\n", s)
        out.append(Item(f"i{n}", path, role, period, text[s:e], s, e))
    return tuple(out)


def _src(name: str, text: str) -> Source:
    return Source(f"/corpus/{name}", hashlib.sha256(text.encode()).hexdigest(), "txt", "utf-8")
