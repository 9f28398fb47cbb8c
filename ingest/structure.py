"""Stage 3b: normalised text + header -> numbered structure -> items with roles.

The body of a notice is an outline: "I." / "A." parts, "1." sections, "1.1." and
"2.2.1." sub-sections, "(1)" and "a)" points, "-" and "+" bullets, and unmarked
paragraphs that continue whatever came last. Headings carry the role of what is
under them ("ĐÁNH GIÁ KẾT QUẢ ..." -> result, "Hạn chế, tồn tại" -> limitation,
"NHIỆM VỤ TRỌNG TÂM THÁNG 02" -> task); a lead-in that ends with a colon
("Tuy nhiên ... còn một số khó khăn, tồn tại, hạn chế:") switches the role of
the bullets after it.

**How a long bullet is cut.** Every *sentence* of a content paragraph is one
item (ANNOTATION.md: "every sentence or bullet"). A sentence ends at ".", "!",
"?" or "…" followed by a capital letter; abbreviations ("TP.", "KT.", "ThS.")
and numbers ("3.114", "03/02/2026") do not end one. Semicolons do not cut: in
"Rà soát ...; thực hiện ...; tiếp nhận ..." the clauses share one verb frame
and one responsible body, and notices repeat them as a unit month after month.

**Paths.** An item's ``path`` is its place in the outline: "II.1.1" (part II,
point 1.1), "2.2.1" (a compound number replaces its parents), "(3)", "a",
"b2" (second "-" bullet), "p1" (first "+" bullet); a paragraph of several
sentences adds ".s1", ".s2", ...; the closing assignment paragraphs are
"close.s1", ...
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ingest import sentence_role
from ingest.header import is_portal_article
from ingest.models import Header, Item, new_item
from ingest.normalize import fold
from ingest.periods import (
    ASIDE,
    LEADING_SYMBOLS,
    MONTH_TOKEN,
    Periods,
    fill_years,
    item_months,
    month_number,
    months_in,
)
from ingest.reflow import BULLET_GLYPHS
from ingest.vocabulary import split_sentences

# --- markers ---------------------------------------------------------------------

# "II. NHIỆM VỤ ...", "I- QUAN ĐIỂM", "IV) ..."
_ROMAN = re.compile(r"^(?!V/[vV]\b)(?P<label>[IVXL]{1,5})[ ]*[.\-–)/][ ]*(?=\S)")  # (not "V/v ...", "về việc": a subject line)
# "A. BÁO CÁO KẾT QUẢ", "B- ...", "C – GIAO VIỆC THÁNG 3" (hand ND: a dash between spaces)
# ("A/ VIỆC ĐÃ LÀM TRONG THÁNG 3/2026", hand XB: a slash for the full stop)
_UPPER_ALPHA = re.compile(r"^(?P<label>[A-H])(?:[ ]*[.\-)/]|[ ]+[–—])[ ]+(?=[A-ZĐ])")
# "Phần I", "PHẦN THỨ NHẤT"; "Mục 1. Kết quả tháng 4 và tháng 5" (hand ND: a part numbered, its full stop written)
# ("PHẦN MỘT – SỔ VIỆC THÁNG 02/2026", hand SA: a part numbered in words)
# ("MỘT – NHỮNG VIỆC ĐÃ LÀM ĐƯỢC TRONG THÁNG 02/2026", hand YC: the number in words, in capitals, without "Phần")
_PART = re.compile(r"^(?:(?:Phần|PHẦN)[ ]+(?P<label>[IVX]+|\d{1,2}(?=[ ]*[.:\-–])|thứ [a-zà-ỹ]+|THỨ [A-ZÀ-Ỹ]+"
                   r"|(?:MỘT|HAI|BA|BỐN|NĂM|SÁU|BẢY|Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|một|hai|ba|bốn|năm|sáu|bảy)(?=[ ]*(?:[.:\-–]|$)))"
                   r"|(?P<word>MỘT|HAI|BA|BỐN|NĂM|SÁU|BẢY)(?=[ ]*[.:\-–—][ ]*[A-ZĐÀ-Ỹ]{2,}[ ][A-ZĐÀ-Ỹ]{2,}))"
                   r"\b[ ]*[.:\-–—]?[ ]*", re.U)
# an office's own word for its parts (or for the groups inside them): "Mục 1. Kết quả tháng 4 và tháng 5" (hand ND), "MẢNG 1.
# BIỂN, NGHỀ CÁ, DU LỊCH" (hand QA: a word in capitals, the number, the title in capitals; not "ĐIỀU 1.", an article),
# "Mảng việc thứ hai - Chính quyền" (hand QA's second clerk), "Nhóm 1. Xây dựng Đảng" (hand QC, inside a "PHẦN THỨ BA"),
# "MỤC A – TÌNH HÌNH, KẾT QUẢ THÁNG 7/2026" (hand VC), "Khối 3: ...", "Lĩnh vực thứ nhất.", "KHỐI I – KINH TẾ BIỂN" (hand RD), "KHỐI A. NỘI CHÍNH" (hand UD) — a level just below the outline's part it first stands in, or the outermost
_AREA = re.compile(
    r"^(?:(?:Mục|MỤC)[ ]+(?P<section>\d{1,2}|[IVX]+|[A-H](?=[ ]*[.:\-–][ ]*[A-ZĐÀ-Ỹ]))[ ]*[.:\-–]"
    r"|(?!ĐIỀU\b)[A-ZĐ][A-ZĐÀ-Ỹ]{1,9}[ ]+(?P<block>\d{1,2})\.(?=[ ]+[A-ZĐÀ-Ỹ]{2})"
    r"|(?:Mảng|MẢNG|Khối|KHỐI|Nhóm|NHÓM|Lĩnh vực|LĨNH VỰC)(?:[ ]+(?:việc|VIỆC|công tác|CÔNG TÁC))?[ ]+"
    r"(?P<area>thứ [a-zà-ỹ]+|THỨ [A-ZÀ-Ỹ]+|\d{1,2}|[IVX]{1,4}(?=[ ]*[.:\-–][ ]*[A-ZĐÀ-Ỹ])|[A-H](?=[ ]*[.:\-–][ ]*[A-ZĐÀ-Ỹ]))"
    r"[ ]*[.:\-–])[ ]*", re.U)
# the points of a lettered part: "A1. Khối nội chính" (hand TD), "A.2. Việc giao tháng 6/2026" (hand UD)
# ("A-I. Việc tháng 4/2026", hand XA; "C-II. Việc thường xuyên", hand SC: a letter's parts in Roman numbers)
_UPPER_NUMBER = re.compile(r"^(?P<label>[A-H](?:\.?\d{1,2}|-[IVX]{1,4}))\.[ ]*(?=[A-ZĐÀ-Ỹ])")
# "Điều 5. Tổ chức thực hiện"
_ARTICLE = re.compile(r"^(?:Điều|ĐIỀU)[ ]+(?P<label>\d{1,3}[a-z]?)[ ]*[.:][ ]*")
# "2.2.1. Về kinh tế", "1.1 Tích cực" (each part at most 2 digits: "3.114 hồ sơ" is a number)
_COMPOUND = re.compile(r"^(?P<label>\d{1,2}(?:\.\d{1,2}){1,4})\.?[ ]+(?=\S)")
# "1. Công tác Đảng", "2) ...", "1/ Về kinh tế" (not "1/2 số hộ", not "15/8"); "2, Hạn chế, tồn tại" as a scan's OCR
# reads it (hand MA: a comma for the full stop, before a capital)
_DECIMAL = re.compile(r"^(?P<label>\d{1,2})(?:[ ]*(?:[.)]|/(?=[ ]))[ ]*(?=[^\d\s])|,[ ]+(?=[A-ZĐÀ-Ỹ]))")
# "(1) Thường trực Đảng ủy ..."
#: (a scan's OCR: "(l0)", "(1l)" for 10 and 11; "(l)" for 1: :func:`_ocr_ones`)
_PAREN = re.compile(r"^\((?P<label>\d{1,2}|[a-zđ]|l\d|\dl)\)[ ]*")
# "a) Đẩy mạnh ...", "- a) Tại Trung ương:", "a. Về kinh tế" (a capital after the full stop: no sentence starts "a. ")
_ALPHA = re.compile(r"^(?:[-–][ ]*)?(?P<label>[a-zđ])[ ]*(?:\)[ ]*|-[ ]+|\.[ ]+(?=[A-ZĐÀ-Ỹ]))")
# "Một là, về kết quả ...", "Hai là, ...", "Thứ nhất, ..." (lower case: "Thứ Hai" is a weekday)
_ORDINAL = re.compile(
    r"^(?:(?P<label>Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười)[ ]+là|Thứ[ ]+(?P<nth>nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười))"
    r"[ ]*[,:][ ]*(?=\S)"
)
_ORDINAL_NUMBERS = {
    w: str(n) for n, ws in enumerate(
        (("Một", "nhất"), ("Hai", "hai"), ("Ba", "ba"), ("Bốn", "tư"), ("Năm", "năm"), ("Sáu", "sáu"), ("Bảy", "bảy"),
         ("Tám", "tám"), ("Chín", "chín"), ("Mười", "mười")), 1) for w in ws
}
# "- Tập trung ...", "• ...", "– ..."
_DASH = re.compile(r"^[-–—−•*][ ]*(?=\S)")  # (U+2212, the minus sign, typed for a dash: hand XB)
# "+ Tổ chức ..."
_PLUS = re.compile(r"^\+[ ]*(?=\S)")
#: the glyph bullets of a word processor's list styles ("▪ Đã làm được trong tháng 01:", "► ...", "❖ ..."): a level of
#: their own, over the "-" and "+" points under them (hand JD)
_BULLET = re.compile("^[" + BULLET_GLYPHS + "]\\ufe0f?[ ]*(?=\\S)")
#: a banner over a block of the document: "═══ KHỐI 1. KINH TẾ - NGÂN SÁCH - ĐÔ THỊ" (hand JD): the outermost level
_BANNER_GLYPHS = "═=━─~"
#: ("━━ PHẦN MỘT: THÁNG BA ĐÃ LÀM ĐƯỢC ━━", hand VC: two glyphs each side)
_BANNER = re.compile("^[" + _BANNER_GLYPHS + "]{2,}[ ]*(?=[^" + _BANNER_GLYPHS + "\\s])")

_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("banner", _BANNER),
    ("part", _PART),
    ("area", _AREA),
    ("article", _ARTICLE),
    ("roman", _ROMAN),
    ("upper", _UPPER_ALPHA),
    ("uppernum", _UPPER_NUMBER),
    ("compound", _COMPOUND),
    ("decimal", _DECIMAL),
    ("ordinal", _ORDINAL),
    ("paren", _PAREN),
    ("alpha", _ALPHA),
    ("bullet", _BULLET),
    ("dash", _DASH),
    ("plus", _PLUS),
)

# --- section roles -------------------------------------------------------------------

#: The first of these keywords in a heading decides its role ("Kết quả thực hiện
#: nhiệm vụ tháng 02" is a result heading although it says "nhiệm vụ").
_ROLE_KEYS: tuple[tuple[str, str], ...] = (
    ("han che", "limitation"),
    ("ton tai", "limitation"),
    ("khuyet diem", "limitation"),
    ("yeu kem", "limitation"),
    ("bat cap", "limitation"),
    ("kho khan", "limitation"),
    ("vuong mac", "limitation"),
    ("con vuong", "limitation"),  # "▪ Còn vướng:" (hand JD)
    ("chua lam duoc", "limitation"),  # "Phần thứ hai / ĐIỀU CHƯA LÀM ĐƯỢC" (hand PD)
    ("chua dat", "limitation"),  # "Mục 2. Những điểm chưa đạt" (hand ND)
    ("chua duoc", "limitation"),  # "B/ VIỆC CÒN CHƯA ĐƯỢC" (hand XB)
    ("con cham", "limitation"),  # "b) Chỗ còn chậm" (hand RD)
    ("diem nghen", "limitation"),  # "E. ĐIỂM NGHẼN CẦN THÁO GỠ" (hand UD)
    ("can chan chinh", "limitation"),  # "◼ ĐIỂM CẦN CHẤN CHỈNH" (hand TA)
    ("nguyen nhan", "other"),
    ("bai hoc kinh nghiem", "other"),
    ("ket qua", "result"),
    ("danh gia", "result"),
    ("tinh hinh", "result"),
    ("da dat duoc", "result"),
    ("da lam duoc", "result"),  # "▪ Đã làm được trong tháng 02:" (hand JD)
    # a briefing's review of the month: "A – ĐIỂM LẠI CÔNG VIỆC THÁNG 02" (hand ND), "VIỆC ĐÃ LÀM TRONG THÁNG 02/2026" (hand PD)
    ("diem lai", "result"),
    ("viec da lam", "result"),
    ("da lam", "result"),  # "ĐÃ LÀM" over a group's points (hand YB)
    ("da thuc hien", "result"),  # "Đã thực hiện: Phun thuốc ..." opening a field's paragraph (hand TE)
    # "Phần thứ nhất / KIỂM ĐIỂM VIỆC ĐÃ GIAO" (hand TD): the review of the work given
    ("kiem diem viec", "result"),
    ("kiem diem cong viec", "result"),
    # a clerk's abbreviations in a chat group's summary (hand RA): "📌 KQ T1/2026:", "🎯 NV trọng tâm T2/2026:"
    ("kq ", "result"),
    ("nv ", "task"),
    ("nhiem vu", "task"),
    ("phuong huong", "task"),
    ("giai phap", "task"),
    ("ke hoach cong tac", "task"),
    # "III. KẾ HOẠCH THÁNG 02 NĂM 2026" of a "Báo cáo kết quả ... và kế hoạch tháng ...": in a heading only
    # (a lead-in "... báo cáo kết quả tháng 01 và kế hoạch tháng 02 như sau:" announces both, results first)
    ("ke hoach thang", "task"),
    ("ke hoach quy", "task"),
    # "III. KẾ HOẠCH THỰC HIỆN NHIỆM VỤ THÁNG 3/2026" (hand KB): the plan's own title, where "nhiệm vụ" comes too late in
    # it to open a part under a lead-in that announced the results first
    ("ke hoach thuc hien nhiem vu", "task"),
    ("chuong trinh cong tac", "task"),  # "IV. CHƯƠNG TRÌNH CÔNG TÁC THÁNG 6/2026": the month's programme
    ("lich cong tac", "task"),
    # "3. Dự kiến công việc tháng 3/2026:", "III. DỰ KIẾN CÔNG VIỆC THÁNG 7" of a clerk's e-mail (hand PC)
    ("du kien cong viec", "task"),
    # "II. Ý KIẾN CHỈ ĐẠO", "II. KẾT LUẬN, CHỈ ĐẠO" of a meeting's notice: the work it gives (in a heading only)
    ("y kien chi dao", "task"),
    ("ket luan, chi dao", "task"),
    # "3. KẾT LUẬN CỦA ĐỒNG CHÍ CHỦ TRÌ" of a meeting's minutes (hand LB): the work the chair gives (in a heading only)
    ("ket luan cua dong chi chu tri", "task"),
    ("ket luan cua chu tri", "task"),
    # "▪ Giao thực hiện trong tháng 3:" (hand JD): the work given for the month (in a heading only)
    ("giao thuc hien", "task"),
    # the work a briefing gives: "C – GIAO VIỆC THÁNG 3" (hand ND), "BẢNG GIAO VIỆC THÁNG 3/2026" (hand PD)
    ("giao viec", "task"),
    ("viec giao", "task"),  # "A.2. Việc giao tháng 6/2026" (hand UD)
    ("trong tam", "task"),
    # a clerk's other names for the plan: "II. NHỮNG VIỆC CẦN LÀM TRONG THÁNG 3", "II. MỘT SỐ CÔNG VIỆC CẦN TẬP
    # TRUNG TRONG THÁNG 7", "II. CHƯƠNG TRÌNH HÀNH ĐỘNG THÁNG 4", "III. ĐỊNH HƯỚNG THÁNG 5" (the last two in a heading only:
    # "Kết quả thực hiện Chương trình hành động số 12-CTr/ĐU:" announces results)
    ("viec can lam", "task"),
    ("viec phai lam", "task"),  # "C. VIỆC PHẢI LÀM TRONG THÁNG 3/2026" (hand VB)
    ("can tap trung", "task"),
    ("chuong trinh hanh dong", "task"),
    ("dinh huong", "task"),
    # a field's results, then "Thời gian tới:" / "Tháng tới:" over its work ahead
    ("thoi gian toi", "task"),
    ("thang toi", "task"),
    ("to chuc thuc hien", "assignment"),
    ("yeu cau chung", "assignment"),  # "D – YÊU CẦU CHUNG" after the work given (hand ND): how to carry it out
    ("thi hanh", "assignment"),
    ("kien nghi", "other"),
    ("de xuat", "other"),
    ("muc dich", "other"),
    ("quan diem", "other"),
    ("muc tieu", "other"),
)

#: the markers of an outline's parts (a banner, "PHẦN", an office's own "MẢNG 1.", "I.", "A.")
_OUTLINE_KINDS = frozenset({"banner", "part", "area", "roman", "upper"})
#: ... and every marker of a part rather than a point ("Điều 5.", "A.1.")
_PART_KINDS = _OUTLINE_KINDS | {"article", "uppernum"}

#: the roles of work reported, work left short and work to do (a part a heading or a lead-in opens)
_KNOWN_ROLES = frozenset({"task", "result", "limitation"})

#: keys that give a role in a heading, not in a lead-in sentence
_HEADING_ONLY = frozenset({"ke hoach thang", "ke hoach quy", "ke hoach thuc hien nhiem vu", "y kien chi dao", "ket luan, chi dao", "ket luan cua dong chi chu tri", "ket luan cua chu tri", "giao thuc hien", "chuong trinh hanh dong", "dinh huong"})

#: the points a lead-in announces (folded): "các nội dung sau", "một số việc sau", "những nhiệm vụ trọng tâm như sau"
_POINTS_AFTER = r"(?:cac|mot so|nhung) (?:noi dung|nhiem vu|cong viec|viec|van de)(?: trong tam| chu yeu| cu the)? (?:nhu )?sau"
_DECIDES = re.compile(
    # "Chủ tịch Ủy ban nhân dân phường giao:", "Đồng ý chủ trương ..., giao:": the work given follows
    # ("ngoại giao", "bàn giao", "chuyển giao" are no giving)
    r"[\w,] (?:thong nhat|yeu cau|(?<!ngoai )(?<!ban )(?<!chuyen )(?<!ky )(?<!bang )giao|de nghi)"
    r"(?:(?: (?:nhu sau|cac noi dung sau|mot so noi dung sau))?[ ]*:?"
    # "Tháng 5, Thường trực Đảng ủy yêu cầu tập trung:", "... yêu cầu tập trung làm tốt một số nội dung sau:"
    r"|(?: (?:tap trung|thuc hien|lam tot|quan tam|chu trong|chi dao))+(?: [a-z]+){0,6}[ ]*:?)[ ]*$")
#: a lead-in asking bodies to carry out the points after it, its addressees between (hand OC): "Chủ tịch Ủy ban nhân dân xã
#: đề nghị các đơn vị thực hiện một số nội dung sau:", "... yêu cầu các ban, ngành, đoàn thể tập trung làm tốt những việc sau:"
#: (read only where no keyword names a role: "nhiệm vụ" would, so the points' words of :data:`_POINTS_AFTER` serve)
_ASKS_FOR_POINTS = re.compile(
    r"\b(?:de nghi|yeu cau|giao|chi dao)\b(?: [^ ]+){0,12}? (?:thuc hien|trien khai|tap trung|lam tot|quan tam)"
    r"(?: [^ ]+){0,4}? " + _POINTS_AFTER + r"[ ]*:[ ]*$")
_CLOSING = re.compile(
    r"""^(?:(?:(?:thuong[ ]truc|ban[ ]thuong[ ]vu|ban[ ]chap[ ]hanh)[^,.:;]{0,30}[ ])?giao[ ](?:cac[ ]dong[ ]chi|cac[ ]co[ ]quan|cho)
        # "Giao Văn phòng Đảng ủy theo dõi, đôn đốc ...": the office, the inspection committee or the standing
        # committee given the follow-up; "Giao Văn phòng Đảng ủy chuẩn bị nội dung sơ kết quý I" is a task
        |(?:(?:thuong[ ]truc|ban[ ]thuong[ ]vu|ban[ ]chap[ ]hanh)[^,.:;]{0,30}[ ])?giao[ ](?:van[ ]phong|uy[ ]ban[ ]kiem[ ]tra|thuong[ ]truc)
            .*\b(?:theo[ ]doi|don[ ]doc|tong[ ]hop|(?:to[ ]chuc|chi[ ]dao|trien[ ]khai)[ ]thuc[ ]hien|thuc[ ]hien[ ](?:nghi[ ]quyet|thong[ ]bao|ket[ ]luan))
        |tren[ ]day[ ]la[ ](?:bao[ ]cao|ket[ ]qua|thong[ ]bao|noi[ ]dung|(?:y[ ]kien[ ])?ket[ ]luan|nghi[ ]quyet)
        # a meeting's minutes (hand LB): "Giao ... căn cứ nội dung kết luận tổ chức thực hiện", "Cuộc họp kết thúc lúc ..."
        |.*\bcan[ ]cu[ ](?:noi[ ]dung[ ])?(?:ket[ ]luan|thong[ ]bao|nghi[ ]quyet)(?:[ ]nay)?[ ](?:de[ ])?(?:to[ ]chuc|trien[ ]khai)[ ]thuc[ ]hien
        |cuoc[ ]hop[ ]ket[ ]thuc[ ](?:luc|vao)
        |van[ ]phong[ ](?:dang[ ]uy|ubnd|uy[ ]ban[ ]nhan[ ]dan)[^,.:;]{0,20}[ ]theo[ ]doi,?[ ](?:tong[ ]hop|don[ ]doc|bao[ ]cao)
        |.*chiu[ ]trach[ ]nhiem[ ](?:to[ ]chuc[ ]thuc[ ]hien|giup|theo[ ]doi|trien[ ]khai|huong[ ]dan)
        |.*(?:to[ ]chuc|trien[ ]khai)[ ]thuc[ ]hien[ ](?:nghi[ ]quyet|thong[ ]bao|ket[ ]luan|chi[ ]thi|ke[ ]hoach|quyet[ ]dinh)[ ]nay
        |(?:nghi[ ]quyet|thong[ ]bao|ket[ ]luan|quyet[ ]dinh|chi[ ]thi)[ ]nay[ ](?:co[ ]hieu[ ]luc|duoc[ ]pho[ ]bien|pho[ ]bien)
        # "Văn phòng HĐND và UBND phường thông báo để các phòng, ban, đơn vị ... biết, thực hiện", "Ban Thường vụ Đảng ủy
        # thông báo ý kiến chỉ đạo của đồng chí Bí thư để các chi bộ ... biết, thực hiện"
        |[^.;:]{0,60}\bthong[ ]bao\b[^.;:]{0,120}\bde[ ][^.;:]{0,200}\bbiet\b
        )""",
    re.X,
)
_LIMITATION_SENTENCE = re.compile(
    r"^(?:(?:tuy nhien|tuy vay|ben canh (?:do|ket qua)|song|nhung|mat khac)\b.*\b(?:con|chua)\b"
    # "Hạn chế: …", "Tồn tại, hạn chế: …" opening a paragraph of results
    r"|(?:han che|ton tai|khuyet diem|kho khan|vuong mac|yeu kem|bat cap)\b[^:.]{0,40}:"
    # "Hạn chế là việc lấn chiếm lòng lề đường ... còn tái diễn." (a prose notice)
    r"|(?:han che|ton tai|khuyet diem|diem yeu)(?: lon)?(?: nhat)? la\b)"
)
#: folded, "song" and "nhung" are also "Sông ...", "Sống ...", "Những ..." (a river, living, "those"): the limitation's
#: "Song, ..." and "Nhưng ..." are these words as written
_BUT_AS_WRITTEN = ("song", "nhưng")


def _limitation_sentence(sentence: str, folded: str) -> bool:
    """Whether a sentence among the results reports a limitation: "Tuy nhiên, ... còn ...", "Hạn chế: ...".

    >>> _limitation_sentence("Song, tiến độ giải ngân còn chậm.", "song, tien do giai ngan con cham.")
    True
    >>> s = "Những người ứng cử đã tiếp xúc cử tri tại 11/14 bản; 3 bản chưa tổ chức được do mưa rét."
    >>> _limitation_sentence(s, fold(s))
    False
    """
    if _LIMITATION_SENTENCE.match(folded) is None:
        return False
    first = folded.split(None, 1)[0].strip(",") if folded.strip() else ""
    return first not in ("song", "nhung") or sentence.split(None, 1)[0].strip(",").lower() in _BUT_AS_WRITTEN
#: "nhiệm vụ" as the complement of results: "kết quả thực hiện nhiệm vụ", "đã nỗ lực hoàn thành các nhiệm vụ
#: tháng 10" (done: what follows is what was done; "phấn đấu hoàn thành các nhiệm vụ sau:" plans)
_RESULT_OF_TASKS = re.compile(r"\b(?:(?:ket qua|tinh hinh)(?: \w+){0,3}|da(?: \w+){0,3} (?:hoan thanh|thuc hien)(?: \w+){0,2}) nhiem vu\b")
#: "… triển khai cơ bản đầy đủ các nhiệm vụ đề ra; nổi bật là:": the tasks set before, what was done with them follows
_TASKS_SET = re.compile(r"[ ]+(?:da[ ]+)?(?:de ra|duoc giao)\b")
#: "… các nhiệm vụ trọng tâm của tháng cuối năm được triển khai đồng bộ, cụ thể:": the tasks said done, results follow
_TASKS_DONE = re.compile(r"\b(?:duoc trien khai|duoc thuc hien|da duoc|da trien khai|da thuc hien|da hoan thanh|dat (?:duoc|ket qua))\b")
_MONTH = re.compile(r"thang[ ]*(" + MONTH_TOKEN + r")(?:[ ]*/[ ]*(\d{4})|[ ]+nam[ ]+(\d{4}))?")


#: How a heading that ends with a full stop starts (folded).
_HEADING_WORDS = (
    "ve ", "cong tac", "linh vuc", "ket qua", "nhiem vu", "phuong huong", "han che", "ton tai", "tinh hinh", "danh gia",
    "doi tuong", "pham vi", "muc tieu", "giai phap", "to chuc thuc hien", "kinh te", "van hoa", "quoc phong",
    "xay dung dang", "cai cach", "chuyen doi so", "an ninh", "quan ly",
)


#: a lead-in's clause of purpose (folded): "... để theo dõi, đôn đốc và báo cáo kết quả"
_PURPOSE = re.compile(r"\bde (?:theo doi|don doc|bao cao|tong hop|danh gia|kiem tra)\b")


def _role_of_heading(text: str, lead_in: bool = False) -> str | None:
    """The role of the section a heading (or a lead-in sentence ending with ":") opens.

    In a lead-in, "mục tiêu" or "quan điểm" is a reason, not the section's subject: "Trên cơ sở
    mục tiêu cả năm, ... tập trung thực hiện các nhiệm vụ trọng tâm sau:" opens tasks.

    >>> _role_of_heading("Kết quả thực hiện nhiệm vụ tháng 02")
    'result'
    >>> _role_of_heading("Trên cơ sở mục tiêu cả năm, yêu cầu thực hiện tốt các nhiệm vụ trọng tâm sau:", lead_in=True)
    'task'
    >>> _role_of_heading("MỤC TIÊU, NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM THÁNG 6 NĂM 2026")
    'task'
    >>> _role_of_heading("Nhìn chung, các nhiệm vụ trọng tâm của tháng cuối năm được triển khai đồng bộ, cụ thể:", lead_in=True)
    'result'
    >>> _role_of_heading("KẾ HOẠCH THÁNG 02 NĂM 2026"), _role_of_heading("Kết quả thực hiện kế hoạch tháng 01")
    ('task', 'result')
    >>> _role_of_heading("Ủy ban nhân dân xã báo cáo kết quả thực hiện nhiệm vụ tháng 01 và kế hoạch tháng 02 như sau:", lead_in=True)
    'result'
    >>> _role_of_heading("Chủ tịch Ủy ban nhân dân phường giao:", lead_in=True), _role_of_heading("Đồng ý chủ trương, giao:", lead_in=True)
    ('task', 'task')
    >>> _role_of_heading("Ý KIẾN CHỈ ĐẠO"), _role_of_heading("KẾT LUẬN, CHỈ ĐẠO"), _role_of_heading("Công tác lãnh đạo, chỉ đạo")
    ('task', 'task', None)
    >>> _role_of_heading("Chủ tịch UBND xã giao việc tháng 02 như sau (nơi chủ trì báo cáo kết quả cuối tháng):", lead_in=True)
    'task'
    >>> _role_of_heading("UBND phường giao các nhiệm vụ tháng 03/2026, đánh mã số để theo dõi và báo cáo kết quả như sau:", lead_in=True)
    'task'
    """
    f = fold(text)
    if lead_in and "(" in f:
        # an aside in brackets is not what the sentence announces: "Chủ tịch UBND xã giao việc tháng 02 như sau (nơi chủ
        # trì báo cáo kết quả tại phiên giao ban cuối tháng):" opens tasks (hand ND)
        f = ASIDE.sub(" ", f)
    if lead_in:
        # nor is what the points are for: "... giao các nhiệm vụ trọng tâm tháng 03/2026, đánh mã số để theo dõi, đôn đốc và
        # báo cáo kết quả như sau:" opens tasks (hand SB)
        purpose = _PURPOSE.search(f)
        if purpose is not None:
            f = f[: purpose.start()]
    hits = [(f.find(k), role) for k, role in _ROLE_KEYS if k in f and not (lead_in and k in _HEADING_ONLY)]
    if lead_in and any(role != "other" for _, role in hits):
        hits = [h for h in hits if h[1] != "other"]
    elif any(role == "task" for _, role in hits):
        # "MỤC TIÊU, NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM THÁNG 6": aims named with the tasks are the plan's, not a part of their own
        hits = [h for h in hits if h[1] != "other" or not f.startswith(("muc tieu", "muc dich", "quan diem"), h[0])]
    if not hits:
        # "2. Thường trực Đảng ủy thống nhất:", "Ban Thường vụ yêu cầu:" open the decisions: tasks
        return "task" if _DECIDES.search(f) or _ASKS_FOR_POINTS.search(f) else None
    if lead_in:
        # a sentence's last keyword is what it announces: "Trong tháng 8, ... đã bám sát nhiệm vụ, đạt
        # một số kết quả:" opens results; "Trên cơ sở kết quả đạt được, ... thực hiện các nhiệm vụ sau:"
        # opens tasks; "nhiệm vụ" inside "kết quả thực hiện nhiệm vụ" is the results' complement
        last = []
        for pos, role in hits:
            k = next(k for k, r in _ROLE_KEYS if r == role and f.find(k) == pos)
            at = f.rfind(k)
            if (k == "nhiem vu" and (any(m.end() == at + len(k) for m in _RESULT_OF_TASKS.finditer(f))
                                     or _TASKS_SET.match(f, at + len(k)))) or (
                    k in {"nhiem vu", "trong tam"} and _TASKS_DONE.search(f, at + len(k))):
                last.append((at, "result"))  # what was done with the tasks: results follow
                continue
            last.append((at, role))
        return max(last)[1] if last else min(hits)[1]
    return min(hits)[1]


#: how far into a heading (folded characters) the keyword of a new part stands ("Những hạn chế", "Dự kiến nhiệm vụ")
_PART_KEYWORD_AT = 14


#: a heading among the results that sorts the tasks of the plan by what became of them (folded): "Những nhiệm vụ đã hoàn
#: thành", "Những nhiệm vụ đang triển khai, hoàn thành một phần", "Những nhiệm vụ chưa thực hiện"
_TASKS_BY_STATE = re.compile(
    r"\bnhiem vu\b[^.;:]{0,20}?\b(?:da hoan thanh|da thuc hien|dang trien khai|dang thuc hien|hoan thanh mot phan|chua thuc hien|"
    r"chua hoan thanh|chua trien khai)\b")


#: a heading that names the tasks as the things it goes through (folded): "Các nhiệm vụ có mã số", "Những nhiệm vụ đã giao"
_THE_TASKS = re.compile(r"(?:cac|nhung) nhiem vu\b")
#: ... unless it names the work ahead: a month, "tới", "sắp tới", "tiếp theo", "tháng sau" (folded)
_AHEAD_WORDS = re.compile(r"\b(?:thang|quy|toi|tiep theo|sau)\b")


def _inner_field(heading: str, role: str, above: Sequence[str | None], lead_in: bool = False) -> bool:
    """Whether a heading inside a part of another role only names a field of work: "2. Lãnh đạo thực hiện
    nhiệm vụ phát triển kinh tế - xã hội" under "I. ĐÁNH GIÁ KẾT QUẢ ..." is a field of the results, where
    "2. Nhiệm vụ tháng 01" or "3. Những hạn chế" open a part of their own (their keyword comes first).

    >>> _inner_field("Lãnh đạo thực hiện nhiệm vụ phát triển kinh tế - xã hội", "task", [None, "result"])
    True
    >>> _inner_field("Những hạn chế, tồn tại", "limitation", [None, "result"])
    False
    >>> [_inner_field(h, "task", [None, "result"]) for h in ("Những nhiệm vụ đã hoàn thành", "Những nhiệm vụ chưa thực hiện")]
    [True, True]
    >>> _inner_field("Nhóm nhiệm vụ bầu cử, quốc phòng, an ninh", "task", [None, "result"])
    True
    >>> _inner_field("Các nhiệm vụ có mã số", "task", [None, "result"]), _inner_field("Các nhiệm vụ tháng 6", "task", [None, "result"])
    (True, False)

    ``lead_in``: the heading is a lead-in sentence ("1. Trong tháng 8, ... đạt một số kết quả:"), whose role stands unless it
    sorts the tasks by their state ("Những nhiệm vụ đang triển khai, hoàn thành một phần:").
    """
    outer = next((r for r in reversed(above) if r), None)
    if outer not in _KNOWN_ROLES or outer == role:
        return False
    f = fold(heading)
    f = f[3:] if f.startswith("ve ") else f
    by_state = _TASKS_BY_STATE.search(f) is not None
    if outer == "result" and role == "task" and by_state:
        return True  # "1. Những nhiệm vụ đã hoàn thành:", "3. Những nhiệm vụ chưa thực hiện:" sort the month's results
    if lead_in and not by_state:
        return False
    if f.startswith(("nhom ", "khoi ", "mang ")):
        return True  # "1. Nhóm nhiệm vụ bầu cử, quốc phòng, an ninh" under "I. KẾT QUẢ THỰC HIỆN ..." (hand QB): a group of them
    if outer == "result" and role == "task" and _THE_TASKS.match(f) and not _AHEAD_WORDS.search(f):
        return True  # "1. Các nhiệm vụ có mã số" under "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 5" (hand SB): what became of them
    first = min((f.find(k) for k, r in _ROLE_KEYS if r == role and k in f), default=0)
    return first > _PART_KEYWORD_AT


def _month_of(text: str, header: Header, role: str) -> str | None:
    m = _MONTH.search(fold(text))
    if not m:
        return None
    month = month_number(m.group(1))
    if month is None:
        return None
    year = m.group(2) or m.group(3)
    if year is None:
        ref = header.planned_period if role in {"task", "assignment"} else header.reported_period
        ref = ref or header.planned_period or header.reported_period or header.date
        if not ref:
            return None
        year = ref[:4]
        if ref[5:7] and abs(int(ref[5:7]) - month) > 6:
            year = str(int(year) + (1 if month < int(ref[5:7]) else -1))
    return f"{year}-{month:02d}"


def _bare_heading(line: str, nxt: str | None) -> str | None:
    """The role an unnumbered heading announces, or None: a short capitalised line of its own, without
    closing punctuation, followed by text, whose words name a part of a report ("Kết quả tháng 7",
    "Tình hình, kết quả tháng 8", "Nhiệm vụ tháng 8", "Hạn chế, tồn tại").

    >>> _bare_heading("Nhiệm vụ tháng 8", "Đảng ủy phường yêu cầu ...")
    'task'
    >>> _bare_heading("Kết quả tháng 7", "Trong tháng, ...")
    'result'
    >>> _bare_heading("Trong tháng, phường đã hoàn thành nhiệm vụ", "...") is None
    True
    """
    s = line.strip()
    # an upper-case heading may be longer: "KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 4 VÀ THÁNG 5"
    upper = s == s.upper()
    words = len(s.split()) if s.endswith(".") and len(s) <= 60 and not s.endswith("..") else 0
    if words and (words <= 3 or (words <= 8 and _NAMES_MONTH.search(s))):
        # "Kết quả tháng 3 và tháng 4.", "Còn vướng.", "Giao việc tháng 6." (hand QA's second clerk): a heading with its
        # full stop (not "Tình hình an ninh ổn định.", a sentence)
        s = s[:-1]
    if nxt is None or not s or not s[0].isupper() or s[-1] in ".;:,!?" or len(s) > (120 if upper else 80) \
            or len(s.split()) > (16 if upper else 10):
        return None
    low = s.lower()
    low = low[3:] if low.startswith("về ") else low  # "Về kết quả tháng 9"
    # "Những mặt còn hạn chế", "Một số tồn tại, hạn chế", "Những việc cần làm trong tháng 3"
    low = _DETERMINER.sub("", low, count=1)
    # the heading opens on its keyword, accents included ("Phường Hương Phong" is not "Phương hướng")
    if not low.startswith(_BARE_HEADING_WORDS):
        return None
    role = _role_of_heading(s)
    return role if role in _KNOWN_ROLES else None


def _field_title(line: str) -> bool:
    """A short capitalised line without closing punctuation: a field's or a body's name over the points under it
    ("Kinh tế - xã hội", "Xây dựng Đảng", "UBND xã", "Ủy ban MTTQ và các đoàn thể").

    >>> _field_title("Kinh tế - xã hội"), _field_title("Thu ngân sách đạt 77% dự toán."), _field_title("Đối với các chi bộ:")
    (True, False, False)
    >>> _field_title("[Biển, kinh tế, ngân sách]"), _field_title("» Phòng Văn hóa - Xã hội")
    (True, True)
    """
    s = line.strip()
    if s[:1] == "[" and s[-1:] == "]":
        s = s[1:-1].strip()  # "[Biển, kinh tế, ngân sách]" over the numbered results of the field (hand VC)
    elif s and not s[0].isalnum() and s[0] not in "“\"'|":
        s = LEADING_SYMBOLS.sub("", s)  # "» Phòng Kinh tế, Hạ tầng và Đô thị" over the boxes of its tasks (hand VC)
    return bool(s) and s[0].isupper() and s[-1] not in ".;:,!?…" and len(s.split()) <= 12 and len(s) <= 80


#: a line that opens on a month (folded): "thang 02 lam", "thang 5/2026:"
_MONTH_LED = re.compile(r"^\W*thang[ ]+\d{1,2}\b")
_NAMES_MONTH = re.compile(r"\b(?:tháng|THÁNG)[ ]+\d{1,2}\b")
_BARE_HEADING_WORDS = (
    "kết quả", "tình hình", "đánh giá", "nhiệm vụ", "phương hướng", "hạn chế", "tồn tại", "khó khăn", "giải pháp",
    "việc cần làm", "công việc cần", "còn vướng", "vướng mắc", "giao việc", "việc đã làm", "đã làm được",
    # a department's three rows under each group of its work: "ĐÃ LÀM" / "CHƯA ĐẠT" / "THÁNG 02 LÀM" (hand YB)
    "đã làm", "chưa đạt", "việc chưa",
)
_DETERMINER = re.compile(r"^(?:những|một số|các)\s+(?:mặt\s+(?:còn\s+)?)?")


def _leadin_role(lead: str, folded: str | None = None) -> str | None:
    """The role a lead-in announces: "limitation" when it names one ("Tuy nhiên, bên cạnh kết quả đạt được còn ... hạn
    chế:"), else :func:`_role_of_heading` of it as a lead-in. ``folded``: ``fold(lead)`` when the caller has it."""
    f = fold(lead) if folded is None else folded
    return "limitation" if any(k in f for k, r in _ROLE_KEYS if r == "limitation") else _role_of_heading(lead, lead_in=True)


def _inline_leadin(line: str) -> tuple[int, str] | None:
    """Where a paragraph's content starts after its own lead-in, and the role the lead-in announces; or None.

    >>> _inline_leadin("Trong tháng 9, phường đạt được một số kết quả: (1) thu ngân sách đạt 1,2 tỷ đồng; (2) ...")
    (47, 'result')
    >>> _inline_leadin("Tuy nhiên, còn một số hạn chế: tiến độ giải phóng mặt bằng còn chậm.")
    (31, 'limitation')
    >>> _inline_leadin("Công an phường: duy trì làm sạch dữ liệu dân cư theo Đề án 06.") is None
    True
    """
    colon = line.find(": ", 0, 300)
    if colon < 0 or len(line) - colon < 24:
        return None
    spans = split_sentences(line[: colon + 1], 0)
    lead = line[spans[-1][0] : colon + 1] if spans else line[: colon + 1]
    if len(lead.split()) < 4:
        return None
    role = _leadin_role(lead)
    if role not in {"result", "task", "limitation", "other"}:
        return None
    return colon + 2, role


#: a paragraph's own short label before its colon: "Đã thực hiện: Phun thuốc ...", "Tồn tại: Tiến độ ... chậm", "Kế hoạch
#: tháng 4: Khởi công ..." (hand TE: a field's results, limitations and plan each a paragraph under its label)
_PERIOD_WORDS = ("thang ", "quy ", "nam 20", "tu ngay", "tu thang")
_PARAGRAPH_LABEL = re.compile(r"^(?P<label>[A-ZĐÀ-Ỹ][^:;.,()]{1,40}?)[ ]*:[ ]+(?=\S)")


def _paragraph_label(line: str) -> tuple[int, str] | None:
    """Where a paragraph's content starts after its short label (five words at most) and the part of the report the label
    names (result, task, limitation); None for any other paragraph ("Công an phường: duy trì ...": a body, no part).

    >>> _paragraph_label("Kế hoạch tháng 4: Khởi công tuyến đường Đồng Cao - Bãi Sậy trước ngày 10/4.")
    (18, 'task')
    >>> _paragraph_label("Đã thực hiện: Thu ngân sách quý I được 4,49 tỷ đồng."), _paragraph_label("Phòng Kinh tế: lắp camera.")
    ((14, 'result'), None)
    >>> _paragraph_label("Đảng ủy phường yêu cầu: Một là, Ban Tổ chức Đảng ủy ...") is None
    True
    """
    m = _PARAGRAPH_LABEL.match(line)
    if m is None or len(m.group("label").split()) > 5 or line.rstrip()[-1:] not in ".;!?…)":
        return None  # (not a headline: "Nhìn lại hai tháng sau bầu cử: Đảng bộ phường ... đặt mục tiêu cho tháng 6", hand GA)
    if len(line) - m.end() < 80 and fold(line[m.end() : m.end() + 12]).startswith(_PERIOD_WORDS):
        return None  # (not "Kỳ đánh giá: tháng 5/2026 - Kỳ triển khai: tháng 6/2026", hand TA: a period, no content)
    label = fold(m.group("label"))
    if not any(k in label for k, _ in _ROLE_KEYS):
        return None  # (not "Đảng ủy phường yêu cầu: Một là, ...", a lead-in: the words of a part name it)
    role = _role_of_heading(m.group("label"))
    return (m.end(), role) if role in _KNOWN_ROLES else None


_OPENING_MONTH = re.compile(r"^(?:trong |qua |ket qua )?thang[ ]+(" + MONTH_TOKEN + ")")


def _role_of_opening(body: str, header: Header) -> str | None:
    """The role of an untitled section from the month it opens on, or None.

    "Tháng 9, tình hình ... ổn định" reports September in a notice that reports September;
    "Tháng 10, tập trung ..." plans October in a notice that plans it.
    """
    m = _OPENING_MONTH.match(fold(body.strip()))
    month = month_number(m.group(1)) if m else None
    if month is None:
        return None
    if any(int(ym[5:7]) == month for ym in header.reported_months or ()):
        return "result"
    if any(int(ym[5:7]) == month for ym in header.planned_months or ()):
        return "task"
    return None


def _role_of_heading_months(heading: str, header: Header) -> str | None:
    """The role of a heading that names no role but names months: "VIỆC ĐÃ LÀM TRONG THÁNG 02/2026" in a notice that
    reports February gives results, "BẢNG GIAO VIỆC THÁNG 3/2026" in one that plans March gives tasks, whatever the
    office's words for them (hand PD); None when its months are not all the document's reported or all its planned ones.

    >>> h = Header(reported_months=("2026-02",), planned_months=("2026-03",))
    >>> _role_of_heading_months("ĐIỂM QUA THÁNG 02/2026", h), _role_of_heading_months("BẢNG PHÂN VIỆC THÁNG 3", h)
    ('result', 'task')
    >>> _role_of_heading_months("CÔNG TÁC BẦU CỬ", h), _role_of_heading_months("SO SÁNH THÁNG 02 VÀ THÁNG 3", h)
    (None, None)
    >>> _role_of_heading_months("ĐỀ NGHỊ TRONG THÁNG 4 NĂM 2026", Header(reported_months=("2026-03",)))
    'task'
    """
    if len(heading.split()) > 14 or "th" not in heading.lower():
        return None
    named = {m for sp in months_in(heading, years=False, ranges=True) for _, m in sp.months}
    if not named:
        return None
    reported = {int(ym[5:7]) for ym in header.reported_months or ()}
    planned = {int(ym[5:7]) for ym in header.planned_months or ()}
    if not planned and header.reported_months:
        # a notice that names no month planned: the month or two after the last one reported ("3. ĐỀ NGHỊ TRONG THÁNG 4 NĂM
        # 2026" of a council's conclusions on March, hand SC)
        last = int(max(header.reported_months)[5:7])
        planned = {last % 12 + 1, (last + 1) % 12 + 1}
    if not reported and header.planned_months:
        # a notice that names no month reported: the month or two before the first one planned ("I. SƠ LƯỢC THÁNG 5/2026" of a
        # resolution "về lãnh đạo thực hiện nhiệm vụ tháng 6")
        first = int(min(header.planned_months)[5:7])
        reported = {(first - 2) % 12 + 1, (first - 3) % 12 + 1}
    if named <= planned and not named & reported:
        return "task"
    if named <= reported and not named & planned:
        return "result"
    return None


@functools.lru_cache(maxsize=1024)
def _section_months(heading: str, ref_month: str | None, planned: bool) -> tuple[str, ...]:
    """The months a section heading names, years filled from ``ref_month`` (one heading serves many items)."""
    ref = (int(ref_month[:4]), int(ref_month[5:7])) if ref_month and len(ref_month) >= 7 else None
    return tuple(sorted({m for sp in months_in(heading, years=False, ranges=True) for m in fill_years(sp.months, ref, after=planned)}))


@functools.lru_cache(maxsize=1024)
def _section_own(heading: str, ref_month: str | None, planned: bool, doc_months: tuple[str, ...]) -> tuple[str, ...]:
    """The months a section's heading pins its items to, or (): "1. Kết quả tháng 11" pins them;
    "I. Kết quả tháng 10 và 11" does not (once per heading and document, not once per item)."""
    section = _section_months(heading, ref_month, planned)
    if doc_months:
        section = tuple(m for m in section if m in doc_months)
    return section if section and (len(section) == 1 or not doc_months) else ()


#: the imperatives of a plan (folded): "Phấn đấu ...", "Tiếp tục ..."
_PLAN_VERBS = (r"(?:phan dau|tiep tuc|tang cuong|tap trung|chuan bi|khan truong|day nhanh|day manh|chu dong|kien quyet|"
               r"quyet liet|sam le|som)")


#: a sentence of a field's results that turns to the field's next month (folded): "Trong tháng tới, ...", "Thời gian tới,
#: yêu cầu ...", "Tháng 12, ..." / "Trong tháng 12, ..." when December is the month planned and not a month reported, or
#: "Trong tháng 3 tiếp tục ..." (without the comma, before a plan's verb)
_AHEAD = re.compile(
    r"(?:trong )?(?:thoi gian toi|thang toi|thang sau|thang ke tiep)\b|(?:trong )?thang (" + MONTH_TOKEN
    + r")(?:[/-](\d{4}))?(?:[ ]+nam[ ]+(\d{4}))?(?:[ ]*,|[ ]+(?=" + _PLAN_VERBS + r"\b))")


def _looks_ahead(folded: str, start: int, planned: Sequence[str], reported: Sequence[str]) -> bool:
    """Whether the sentence at ``start`` turns from the results to the next month's tasks (:data:`_AHEAD`)."""
    m = _AHEAD.match(folded, start)
    if m is None:
        return False
    if m.group(1) is None:
        return True
    month = month_number(m.group(1))
    planned_m = {int(p[5:7]) for p in planned}
    return month in planned_m and month not in {int(p[5:7]) for p in reported}


#: how a sentence of work still to do opens (folded): the imperative of a plan ("Phấn đấu ...", "Tiếp tục ...")
_TO_DO = re.compile(_PLAN_VERBS + r"\b")
#: "đã" (done), folded; "được" alone is a passive, of work to do as well ("... được cấp tài khoản")
_DONE_WORD = re.compile(r"\bda\b")
#: a target, not a figure reached: "đạt tối thiểu 27% dự toán", "ít nhất 90%"
_TARGET = re.compile(r"\b(?:dat )?(?:toi thieu|it nhat)\b|^khong de\b")
#: ... that no result opens on ("Tăng cường tuần tra ..." and "Tập trung chỉ đạo ..." report work done as well)
_STRONG_TO_DO = re.compile(r"(?:phan dau|khan truong|sam le)\b")
_TO_DO_AFTER_SUBJECT = re.compile(r"(?:[^,.;:]{3,60}?[ ])(?:tiep tuc|tang cuong|phan dau|tap trung|chuan bi|khan truong|day nhanh|day manh)\b")
#: a day written "ngày 05/3/2026", "trước 15/3", "sáng 05/3" (folded; not "12/12 thôn"): group 1 the day, 2 the month, 3 the year
_A_DAY = re.compile(r"\b(?:ngay|truoc|den|tu|sang|chieu|toi)[ ]+(\d{1,2})/(\d{1,2})(?:/(\d{4}))?\b(?!/)")


#: a heading of the limitations, the difficulties (the keys of their role) or their causes (folded)
_SHORTFALLS = re.compile(r"\b(?:" + "|".join(k for k, role in _ROLE_KEYS if role == "limitation") + r"|nguyen nhan)\b")


@functools.lru_cache(maxsize=4096)
def _section_says(pattern: re.Pattern[str], section: str) -> bool:
    """Whether the headings of a section ("II. KIẾN NGHỊ, ĐỀ XUẤT / ...") hold ``pattern``, folded; each section once
    (a document asks it for every paragraph, and notices of one office repeat their headings)."""
    return pattern.search(fold(section)) is not None


def _still_to_do(folded_sentence: str, planned: Sequence[str], date: str | None, strong: bool = False) -> bool:
    """Whether a sentence of a field's paragraph that mixes what was done with what to do is work still to do: it names a
    target ("đạt tối thiểu 27%"), opens on a plan's imperative (``strong``: only on one that no result opens on,
    "Phấn đấu ..."; else also "Tiếp tục ...", "Tăng cường ...", after the body's name too), or names a day of the month
    planned after the notice's date; and it says nothing was done ("đã").

    >>> _still_to_do("to chuc le giao nhan quan ngay 05/3/2026 trang trong.", ["2026-03"], "2026-02-26")
    True
    >>> _still_to_do("ngay 07/02/2026, ban chi huy quan su phuong trao du 33/33 lenh goi nhap ngu.", ["2026-03"], "2026-02-26")
    False
    >>> _still_to_do("da to chuc le ket nap dang vien cho 02 quan chung uu tu.", ["2026-03"], "2026-02-26")
    False
    """
    f = folded_sentence
    if _DONE_WORD.search(f):
        return False
    if _TARGET.search(f) or (_STRONG_TO_DO if strong else _TO_DO).match(f):
        return True
    # the body first, then the plan's verb: "Công an phường tiếp tục thực hiện Đề án 06" (no figure reached in it)
    if not strong and _TO_DO_AFTER_SUBJECT.match(f) and not re.search(r"\d", f):
        return True
    if not date or len(date) < 10 or not planned:
        return False
    months = {int(p[5:7]) for p in planned}
    for m in _A_DAY.finditer(f):
        day, month = int(m.group(1)), int(m.group(2))
        year = m.group(3)
        if month in months and 1 <= day <= 31 and (year is None or year == date[:4] or int(year) == int(date[:4]) + 1) \
                and f"{int(year or date[:4]):04d}-{month:02d}-{day:02d}" > date:
            return True
    return False


def _item_period(
    sentence: str, month_src: str | None, header: Header, role: str, periods: Periods | None = None, folded: str | None = None,
) -> tuple[str | None, tuple[str, ...]]:
    """``(period, months)`` of an item: its own month, its section's, else its document's.

    A result of a two-month report that says "Trong tháng 11, ..." (or sits under
    "1. Kết quả tháng 11") belongs to November; one that says nothing may speak
    of either month: its ``months`` are both, its ``period`` the latest.
    """
    if role in {"result", "limitation"}:
        doc_months, default = header.reported_months, header.reported_period
    elif role in {"task", "assignment"}:
        doc_months, default = header.planned_months, header.planned_period
    else:
        return None, ()
    if periods is None:
        periods = Periods(header.reported_months, header.planned_months)
    own = item_months(sentence, periods, role, folded)
    if not own and month_src:
        own = _section_own(month_src, default or header.date, role in {"task", "assignment"}, doc_months)
    if own:
        return (own[-1] if role in {"result", "limitation"} else own[0]), own
    if not doc_months and default:
        doc_months = (default,)
    return default, tuple(doc_months)


# a row of a plain-text table (a Word table pasted as text): "1 | cell | cell", "STT | ...", "| cell | |"
#: or a Markdown table's: "| 1 | cell | cell |", "| TT | Nội dung |", "|---|---|"
_TABLE_ROW = re.compile(r"^(?:\|[ ]*(?=\d{1,3}\.?[ ]*\||STT|TT))?(?:(?P<n>\d{1,3})\.?|STT|TT|)[ ]*\|[ ]*(?P<cell>[^|]*[^|\s])?[ ]*\|")
# "Ủy ban nhân dân phường: ...", "Công an phường: ...", "Các chi bộ: ..." — a line addressed to a body
_ADDRESSED = re.compile(r"^(?P<to>[A-ZĐÀ-Ỹ][^:;.,]{2,80}):[ ]+\S")
#: what an addressee starts with (matched lower-cased, with accents: folded, "phòng" would be "phóng" too): a body,
#: after "Giao", "Đối với", "Các", "Đồng chí"; not a result's label that names its task ("Hội nghị sơ kết 6 tháng:",
#: "Phòng chống sốt xuất huyết:", "Ban hành quy chế:"), nor a label with a body further in ("Sinh hoạt chi bộ tháng 3:",
#: "Nhà Đại đoàn kết ấp Rạch Gừa:", "Vệ sinh môi trường:")
_BODY_WORDS = re.compile(
    r"(?:(?:giao|đối với|yêu cầu)[ ]+)?(?:(?:các|đồng chí|đ/c)[ ]+)?"
    r"(?:ủy ban|uỷ ban|ubnd|ubmttq|ubkt|hđnd|hội đồng|công an|ban(?![ ]+hành)|hội(?![ ]+(?:nghị|thi|thảo|diễn|chợ|trại|viên))|đoàn(?![ ]+(?:kết|kiểm|công tác|giám sát))|"
    r"mặt trận|mttq|chi bộ|chi hội|chi đoàn|đảng ủy|đảng uỷ|đảng bộ|cấp ủy|cấp uỷ|văn phòng|thường trực|trạm|trường(?![ ]+hợp)|"
    r"phòng(?![ ]*,?[ ]+(?:chống|cháy|ngừa|tránh|dịch|thủ|không))|trung tâm|ban chỉ huy|cơ quan|sở|tổ dân phố|thôn|ấp|khu phố|"
    r"bí thư|chủ tịch|công chức|cán bộ|lãnh đạo(?=[ ]+(?:ủy ban|uỷ ban|ubnd|đảng ủy|đảng uỷ|các|phường|xã|hđnd|mttq))|tổ trưởng|trưởng)\b"
)


#: a sentence that gives a body work: "Giao Ủy ban nhân dân phường ...", "Đề nghị Ủy ban MTTQ phường ...", "Yêu cầu Công
#: an phường ...", "Giao các chi bộ ..."
_GIVES = re.compile(r"(?:Giao|Đề nghị|Yêu cầu)[ ]+(?:cho[ ]+)?(?=[A-ZĐÀ-Ỹ]|các[ ])")
#: a section of requests to the level above (its "Đề nghị Ủy ban nhân dân tỉnh ..." are no tasks of the unit), folded
_ASKS_ABOVE = re.compile(r"\b(?:kien nghi|de xuat|de nghi)\b")
#: the members' remarks in a meeting's minutes ("2. Ý kiến tham gia của các đồng chí dự họp", hand LB): what each said,
#: neither the month's results nor the work given (the chair's conclusion gives it)
_REMARKS = re.compile(r"\by kien (?:tham gia|thao luan|phat bieu|dong gop)\b")
#: a meeting's procedure in its minutes (hand LB): "Đồng chí chủ trì thông qua chương trình cuộc họp gồm: đánh giá ...;
#: thống nhất nhiệm vụ trọng tâm tháng 01", "Hội nghị nhất trí với chương trình": the agenda, not the work it gives
_PROCEDURE = re.compile(
    r"\b(?:(?:dong chi )?chu tri (?:cuoc hop |hoi nghi )?(?:thong qua|neu|quan triet) (?:chuong trinh|muc dich|noi dung cuoc hop)"
    r"|(?:hoi nghi|cuoc hop) (?:da )?(?:nhat tri|thong nhat|thong qua) (?:voi )?chuong trinh)\b")
#: the chair's words quoted among the work he gives (folded): "Đồng chí Bí thư nhấn mạnh: “Bầu cử là ...”" (hand PA)
_QUOTES_THE_CHAIR = re.compile(r"\b(?:nhan manh|khang dinh|luu y|phat bieu)[ ]*:[ ]*[“\"]")
#: where an article turns to the chair's conclusion (folded): "Phát biểu kết luận, ...", "Kết luận phiên họp, ...", "... yêu cầu
#: trong tháng 4 cần tập trung ..."
_CONCLUDES = re.compile(r"\b(?:phat bieu ket luan|ket luan (?:phien hop|hoi nghi|cuoc hop)|(?:yeu cau|de nghi) trong thang \d)")
#: the office given the follow-up, as an article says it (folded): "Đồng chí Bí thư giao Văn phòng Đảng ủy theo dõi, đôn đốc"
_FOLLOW_UP = re.compile(r"\bgiao van phong\b[^.;]{0,40}\b(?:theo doi|don doc|tong hop)\b")
#: who chaired and attended a meeting, as an article says it (folded): "... chủ trì hội nghị; cùng dự có ..."
_ATTENDANCE = re.compile(r"\b(?:chu tri hoi nghi|chu tri cuoc hop|cung du co|tham du co|du hoi nghi co)\b")
#: an article's sentence that introduces the report it retells (folded)
_INTRODUCES = ("theo bao cao", "bao cao cho biet", "bao cao neu ro")
#: a meeting's chair weighing the month before the work he gives, under the conclusion's heading (hand LB): "Đồng chí Hà
#: Văn Thịnh, Bí thư Đảng ủy xã, đánh giá cao tinh thần trách nhiệm của tập thể ..." (the praise, not a task)
_CHAIR_PRAISES = re.compile(r"(?:(?:phat bieu ket luan|ket luan [^,.;]{0,30}), )?dong chi [^.;:]{0,120}?(?:danh gia cao|ghi nhan|bieu duong|hoan nghenh|khen ngoi)\b")
#: a lead-in that closes on a full stop: "Ban Thường vụ Đảng ủy thống nhất kết luận, yêu cầu tập trung lãnh đạo thực hiện
#: các nội dung sau." (hand LB)
_ANNOUNCES_POINTS = re.compile(r"(?:\b" + _POINTS_AFTER + r"|\bnhu sau)[ ]*[.:]?[ ]*$")
#: a meeting's particulars in its minutes ("I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN", hand LB): when, where and who, neither
#: the month's results nor the work given
_PARTICULARS = re.compile(r"\b(?:thoi gian,? dia diem|dia diem,? thanh phan|thanh phan (?:tham du|du hop|tham gia|cuoc hop|hoi nghi))\b")


def gives_work(sentence: str) -> bool:
    """Whether a sentence gives a body work, as a meeting's conclusions do: "Giao Ủy ban nhân dân phường ...".

    >>> gives_work("Giao Ủy ban nhân dân phường xử lý dứt điểm lấn chiếm vỉa hè tại phố Chợ Mới.")
    True
    >>> gives_work("Đề nghị Đội Quản lý điện lực phối hợp di dời 17 cột điện."), gives_work("Yêu cầu các chi bộ sinh hoạt đúng kỳ.")
    (True, True)
    >>> gives_work("Giao nhận quân an toàn, đúng luật."), gives_work("Đề nghị khen thưởng 05 tập thể.")
    (False, False)
    """
    m = _GIVES.match(sentence)
    if m is None:
        return False
    rest = sentence[m.end():].lower()
    return _BODY_WORDS.match(rest) is not None or rest.startswith(("đội ", "tổ công tác", "các "))


def addressee(sentence: str) -> int:
    """Where the task begins after the body a line is addressed to ("Công an phường: ..."); 0 when none.

    >>> addressee("Công an phường: duy trì làm sạch dữ liệu dân cư.")
    16
    >>> addressee("Thực hiện nhiệm vụ sửa đổi, bổ sung pháp luật về: khoa học, công nghệ.")
    0

    A result that opens with its task's name is not addressed to anyone, though the name holds a body's word:

    >>> addressee("Hội nghị sơ kết 6 tháng đầu năm: Đã hoàn thành, tổ chức ngày 10/7/2026.")
    0
    >>> addressee("Sinh hoạt chi bộ tháng 3: 28/28 chi bộ sinh hoạt đúng kỳ.")
    0
    >>> addressee("Các chi bộ khu dân cư: tổ chức sinh hoạt chuyên đề.")
    23
    """
    m = _ADDRESSED.match(sentence)
    if not m or len(m.group("to").split()) > 10 or not _BODY_WORDS.match(m.group("to").lower()):
        return 0
    return m.end() - 1


#: an inline point: "(1) ", "1) ", "a) " at the start of a sentence or after ":", ";", "," or "."
_INLINE_POINT = re.compile(r"(?:(?<=^)|(?<=[:;,.] ))(?:\((?P<pn>\d{1,2})\)|(?P<n>\d{1,2})\)|(?P<a>[a-zđ])\))[ ]")
_LETTERS = "abcdđeghiklmnopqrstuvxy"
_UNITS = ("mot", "hai", "ba", "bon", "nam", "sau", "bay", "tam", "chin")
#: "thứ nhất, ...; thứ hai, ..." and "Một là, ...; Hai là, ..." (folded), up to the fifteenth
_ORDINAL = re.compile(r"(?:(?<=^)|(?<=[:;,.] ))(?:thu (?P<thu>muoi (?:mot|hai|ba|bon|tu|lam|nam)|muoi|nhat|hai|ba|tu|nam|sau|bay|tam|chin)"
                      r"|(?P<la>muoi (?:mot|hai|ba|bon|lam)|muoi|mot|hai|ba|bon|nam|sau|bay|tam|chin) la),")


def _ordinal_value(word: str) -> int:
    """1 for "nhat"/"mot", 4 for "tu"/"bon", 15 for "muoi lam"."""
    word = {"nhat": "mot", "tu": "bon", "lam": "nam"}.get(word, word)
    if word.startswith("muoi"):
        rest = word[5:]
        return 10 + (_ordinal_value(rest) if rest else 0)
    return _UNITS.index(word) + 1


#: a lead-in that gives what follows to a body: "Đảng ủy giao Ủy ban nhân dân xã: ", "Đối với Công an xã: "
#: (the body's name in capitals: "Lễ giao nhận quân: ..." gives nothing to anyone)
_GIVEN_TO = re.compile(r"^[^:;.\n]{0,80}\b(?:[Gg]iao|[Đđ]ối với|[Yy]êu cầu)[ ]+(?:cho[ ]+)?(?P<first>\w)[^:;.\n]{2,90}:[ ]+")
#: the least number of clauses a body's list must have to be read as that many tasks
ADDRESSED_CLAUSES = 3


def addressed_clauses(sentence: str) -> list[int]:
    """Where the clauses of a body's list of tasks begin, after its first: "Giao Ủy ban nhân dân xã: X; Y; Z."

    A notice that gives each body its tasks in one paragraph separates them by semicolons; three or
    more clauses after the body's lead-in are as many tasks, as bullets would be (two are one task of
    two parts, as the annotation rules count a sentence). A semicolon inside brackets or quotes
    cuts nothing. The lead-in stays with the first clause.

    >>> t = "Giao Công an xã: giữ vững an ninh trật tự; hoàn thiện hồ sơ bản không ma túy; đăng ký tạm trú cho 45 lao động."
    >>> [t[a:b] for a, b in zip([0, *addressed_clauses(t)], [*addressed_clauses(t), len(t)])]
    ['Giao Công an xã: giữ vững an ninh trật tự; ', 'hoàn thiện hồ sơ bản không ma túy; ', 'đăng ký tạm trú cho 45 lao động.']
    >>> addressed_clauses("Giao Công an xã: giữ vững an ninh trật tự; hoàn thiện hồ sơ bản không ma túy.")
    []
    >>> addressed_clauses("Tổ chức Lễ giao nhận quân: an toàn; tiết kiệm; đúng luật.")
    []
    >>> len(addressed_clauses("Công an phường: tuần tra ban đêm; xử lý 12 điểm lấn chiếm vỉa hè; cấp 300 căn cước."))
    2
    """
    if ":" not in sentence:
        return []  # (both lead-ins end with a colon)
    m = _GIVEN_TO.match(sentence)
    lead = m.end() if m and m.group("first").isupper() else addressee(sentence)
    if not lead:
        return []
    cuts: list[int] = []
    depth = 0
    quoted = False
    for k in range(lead, len(sentence)):
        c = sentence[k]
        if c in "([":
            depth += 1
        elif c in ")]":
            depth = max(0, depth - 1)
        elif c in "\"“”":
            quoted = not quoted if c == '"' else c == "“"
        elif c == ";" and not depth and not quoted:
            nxt = k + 1
            while nxt < len(sentence) and sentence[nxt] == " ":
                nxt += 1
            if nxt < len(sentence) and nxt > k + 1:
                cuts.append(nxt)
    return cuts if len(cuts) + 1 >= ADDRESSED_CLAUSES else []


def inline_points(sentence: str, folded: str | None = None) -> list[int]:
    """Where the inline points of a sentence begin, after its first: "... kết quả: (1) X; (2) Y; (3) Z".

    A notice typed from the minutes numbers its points inside one paragraph, "(1) ...; (2) ...",
    "1) ...; 2) ...", "a) ..., b) ...", "thứ nhất, ...; thứ hai, ..." or "Một là, ...; Hai là, ...";
    each point is an item of its own, as a bullet is. A marker counts only in a run of one style
    numbered one after another, at the start or after a punctuation mark (a run may go on from the
    paragraph before: "Về an ninh: (9) ...; (10) ..."): "tổ dân phố số 1; số 2" and a lone "(2)" are
    not points, nor points that list things rather than say what was done. What stands before the
    first point (the lead-in) stays with it.

    ``folded``: ``fold(sentence)`` when the caller has it.

    >>> t = "Phường đạt một số kết quả: (1) thu ngân sách đạt 86% dự toán; (2) khám tuyển 64/70 công dân; (3) số hóa 92% hồ sơ."
    >>> [t[a:b] for a, b in zip([0, *inline_points(t)], [*inline_points(t), len(t)])]
    ['Phường đạt một số kết quả: (1) thu ngân sách đạt 86% dự toán; ', '(2) khám tuyển 64/70 công dân; ', '(3) số hóa 92% hồ sơ.']
    >>> inline_points("Hoàn thành tuyến số 2) và số 3) trước ngày 20/4.")
    []
    >>> inline_points("Các giấy tờ tích hợp trên VNeID: (1) Giấy khai sinh; (2) Giấy phép lái xe; (3) Căn cước công dân.")
    []
    >>> inline_points("Giao UBND phường: a) rà soát hộ nghèo; b) cấp thẻ bảo hiểm y tế; đ) kiểm tra.")
    [39]
    >>> t = "Đảng ủy yêu cầu: Một là, kết nạp 05 quần chúng ưu tú; Hai là, kiểm tra Chi bộ khu phố 3; Ba là, số hóa hồ sơ đảng viên."
    >>> [t[a:b] for a, b in zip([0, *inline_points(t)], [*inline_points(t), len(t)])]
    ['Đảng ủy yêu cầu: Một là, kết nạp 05 quần chúng ưu tú; ', 'Hai là, kiểm tra Chi bộ khu phố 3; ', 'Ba là, số hóa hồ sơ đảng viên.']
    >>> t = "Tập trung: thứ nhất, thu ngân sách đạt 75% dự toán; thứ hai, lắp đặt 86 cột đèn chiếu sáng trên đường Trần Phú."
    >>> inline_points(t)
    [52]
    >>> inline_points("gieo cấy 580 ha lúa vụ Mùa bảo đảm khung thời vụ; thứ bảy, hoàn thành đăng ký nghĩa vụ quân sự lần đầu; "
    ...               "thứ tám, xây dựng kế hoạch hoàn thiện 04 tiêu chí nông thôn mới.")
    [50, 104]
    """
    markers: list[tuple[str, int, int]] = []  # (style, start, value)
    if ")" in sentence:
        for m in _INLINE_POINT.finditer(sentence):
            style = next(k for k in ("pn", "n", "a") if m.group(k) is not None)
            markers.append((style, m.start(), int(m.group(style)) if style != "a" else _LETTERS.find(m.group(style)) + 1))
    if "là," in sentence or "thứ " in sentence or "Thứ " in sentence:
        for m in _ORDINAL.finditer(folded if folded is not None else fold(sentence)):
            style = "thu" if m.group("thu") else "la"
            markers.append((style, m.start(), _ordinal_value(m.group(style))))
        markers.sort(key=lambda x: x[1])
    if not markers:
        return []  # (most sentences: no marker, no run)
    runs: dict[str, list[tuple[int, int]]] = {}
    for style, start, value in markers:
        run = runs.setdefault(style, [])
        if not run or value == run[-1][1] + 1:
            run.append((start, value))
    cuts = []
    for style, run in runs.items():
        if len(run) < 2 and not (style in {"thu", "la"} and run[0][1] > 1):
            continue  # one "(2)" is no run; one "thứ tư, ..." goes on from the "Thứ ba, ..." that opens its paragraph
        ends = [a for a, _ in run[1:]] + [len(sentence)]
        words = [len(sentence[a:b].split()) - 1 for (a, _), b in zip(run, ends, strict=True)]
        if min(words) >= 3 and sum(words) >= 4.5 * len(words):
            cuts += [a for a, _ in run[1:]]  # points are clauses: "(1) Giấy khai sinh; (2) Giấy phép lái xe" lists things
            if run[0][1] > 1 and run[0][0] > 0 and not sentence[: run[0][0]].rstrip().endswith(":"):
                # a run that goes on from the point before ("Thứ sáu, X; thứ bảy, Y", the paragraph's own marker
                # read apart): what stands before it is that point, not a lead-in
                cuts.append(run[0][0])
    return sorted(cuts)


_UIDS = itertools.count()


@dataclass
class _Node:
    kind: str
    label: str
    heading: str | None = None
    role: str | None = None
    month_text: str | None = None
    count: dict[str, int] = field(default_factory=dict)
    uid: int = field(default_factory=lambda: next(_UIDS))
    #: whether ``month_text`` names a month (read once: a heading serves every item under it)
    has_month: bool | None = None
    #: a lead-in or an unnumbered heading that opens a part of the document (outside any part with a role):
    #: every point after it is its child, whatever its marker
    opens: bool = False
    #: a lead-in that starts its own paragraph's content ("... đạt một số kết quả: (1) ...; (2) ...")
    inline: bool = False
    #: a paragraph's own label ("Đã thực hiện tháng 4:", :func:`_paragraph_label`)
    labelled: bool = False


_RULE_LINE = re.compile(r"[-_=*~. ]{3,}")
_RULE_CHARS = frozenset("-_=*~. ")
_COMPOUND_LABEL = re.compile(r"\d{1,2}(?:\.\d{1,2})*")
_INLINE_HEAD = re.compile(r"^(?P<head>[^:]{3,80}):[ ]*\S")
#: a result that names the task it answers by its number ("Nhiệm vụ 17: ...", "Nhiệm vụ số 5 và số 6: ..."), folded: no heading
_TASK_NAMED = re.compile(r"nhiem vu(?:[ ]+so)?[ ]+\d{1,3}(?:[ ]*(?:,|va)[ ]*(?:so[ ]+)?\d{1,3})*(?:[ ]*\([^()]*\))?$"
                         # "NV 03.01 và NV 03.02 – Bầu cử đại biểu Quốc hội": the codes an office keeps (hand SB), its title
                         r"|nv[ ]*[-.]?[ ]*\d{1,2}[./-]\d{1,3}(?:[ ]*(?:,|va)[ ]*nv[ ]*[-.]?[ ]*\d{1,2}[./-]\d{1,3})*"
                         r"(?:[ ]*\([^()]*\))?(?:[ ]*[-–:].*)?$")
_INLINE_HEAD_REST = re.compile(r"^(?P<head>[^:]{3,80}):[ ]*(?P<rest>\S.*)$")


def _names_a_task(head: str) -> bool:
    """Whether the words before a line's colon name a task of the plan by its number: "Nhiệm vụ 17", "Nhiệm vụ số 5 và số 6",
    "Nhiệm vụ 22 (Đề án 06)" (a result saying which task it answers, not a title).

    >>> _names_a_task("Nhiệm vụ 22 (Đề án 06)"), _names_a_task("Nhiệm vụ tháng 7")
    (True, False)
    >>> _names_a_task("NV 03.05 – Đề án 06"), _names_a_task("NV 05.10 (kỷ niệm Ngày sinh Bác)"), _names_a_task("NV trọng tâm T2/2026")
    (True, True, False)
    """
    return _TASK_NAMED.match(fold(head).strip()) is not None

#: the depth of ordinal points in a document that numbers "1." first: below "1.2.3.4." (13), above "(1)"
_ORDINAL_UNDER_NUMBERS = 19.0

#: letters under a number: between its points and "(1)"
_UPPER_UNDER_NUMBERS = 15.0
_RANKS: dict[str, float] = {"close": 0, "banner": 0.5, "part": 1, "area": 1.5, "article": 2, "roman": 3, "upper": 4, "uppernum": 5, "ordinal": 9, "decimal": 10, "subdecimal": 10.5, "paren": 20, "alpha": 21, "leadin": 25, "bullet": 24, "dash": 30, "plus": 31}
#: glyph bullets under "-" or "+" points (a document whose first of these is a dash): their points, below them
_BULLET_UNDER_DASH = 32.0
#: glyph bullets met before any "(1)", "a)", "-" or "+" point: the parts those points are in ("▪ Nhiệm vụ tháng 6:" over
#: "(1) ...", hand JD)
_BULLET_OVER_POINTS = 19.0


def _ocr_ones(marks: list[tuple[str, str, int] | None], text: str, paragraphs: Sequence[tuple[int, int]]) -> list[tuple[str, str, int] | None]:
    """A letter l that a scan's OCR read for the figure 1 (hand MA): "l. Kết quả thực hiện nhiệm vụ tháng 12" is the
    first number, "(l) Ngày 08/01/2026, ..." the first point — unless the letters before it run "i", "k" (then "l." and
    "(l)" are the letter).

    >>> _ocr_ones([("alpha", "l", 3), ("decimal", "2", 3)], "l. Kết quả\\n2. Hạn chế", [(0, 10), (11, 21)])[0]
    ('decimal', '1', 3)
    >>> _ocr_ones([("alpha", "k", 3), ("alpha", "l", 3)], "k. Một\\nl. Hai", [(0, 6), (7, 13)])[1]
    ('alpha', 'l', 3)
    """
    out = list(marks)
    last_letter: dict[str, str] = {}
    for i, mk in enumerate(marks):
        if mk is None:
            continue
        line = text[paragraphs[i][0] : paragraphs[i][1]]
        kind = "paren" if mk[0] == "paren" else "alpha" if mk[0] == "alpha" else None
        if kind is None:
            continue
        if mk[1] == "l" and last_letter.get(kind) != "k":
            after = next((m for m in marks[i + 1 :] if m is not None and m[0] in {"decimal", "alpha"}), None)
            if kind == "alpha" and (line.startswith("l.") or after == ("decimal", "2", after[2] if after else 0)):
                out[i] = ("decimal", "1", mk[2])  # ("l) Tập trung ..." then "2) ...")
            elif kind == "paren":
                out[i] = ("paren", "1", mk[2])
        if mk[1].isalpha():
            last_letter[kind] = mk[1]
    return out


def _nested_restarts(
    marks: list[tuple[str, str, int] | None], text: str, paragraphs: Sequence[tuple[int, int]],
) -> list[tuple[str, str, int] | None]:
    """Points numbered again from 1 under a numbered heading ("3. Nhiệm vụ trọng tâm tháng 6" then "1. Giao ...",
    "2. Đề nghị ...") are its children, not its siblings: they become ``subdecimal`` while they count on
    (1, 2, 3 ...); the first number that breaks the count is the outline's own again.

    ``marks``: the marker of each paragraph (``text[start:end]`` of ``paragraphs``).

    >>> t = "3. Nhiệm vụ tháng 6\\n1. Giao ...\\n2. Đề nghị ...\\n4. Tổ chức thực hiện"
    >>> m = _nested_restarts([("decimal", "3", 3), ("decimal", "1", 3), ("decimal", "2", 3), ("decimal", "4", 3)],
    ...                      t, [(0, 19), (20, 31), (32, 46), (47, 67)])
    >>> [k for k, _, _ in m]
    ['decimal', 'subdecimal', 'subdecimal', 'decimal']
    """
    out = list(marks)

    def first_point(i: int) -> int:
        """The paragraph after ``i`` that opens the points: past a lead-in ("... các nhiệm vụ sau:") and a field
        title ("- Về công tác xây dựng Đảng:") between the heading and its "1." (at most three of them)."""
        k = i + 1
        while k < len(out) and k - i <= 3:
            mk = out[k]
            line = text[paragraphs[k][0] : paragraphs[k][1]].rstrip()
            if mk is None and (line.endswith(":") or k == i + 1):
                # (the chair's words under "3. KẾT LUẬN CỦA ĐỒNG CHÍ CHỦ TRÌ", before "Nhiệm vụ trọng tâm tháng 02:")
                k += 1
            elif mk is not None and mk[0] in {"dash", "alpha", "paren"} and (
                    (line.endswith(":") and len(line) < 120) or _field_title(line[mk[2] :])):
                k += 1  # "- Về công tác xây dựng Đảng:", "a) Công tác xây dựng Đảng, hệ thống chính trị"
            else:
                break
        return k

    i = 0
    while i < len(out) - 1:
        head = out[i]
        k = first_point(i) if head and head[0] == "decimal" else i + 1
        nxt = out[k] if k < len(out) else None
        if (head and nxt and head[0] == "decimal" and nxt[0] == "decimal" and nxt[1] == "1" and head[1] not in {"0", "1"}
                and not text[paragraphs[i][0] : paragraphs[i][1]].rstrip().endswith((".", ";"))):
            last = 0
            j = k
            while j < len(out):
                mk = out[j]
                if mk is not None and mk[0] == "decimal":
                    if int(mk[1]) != last + 1:
                        break
                    last += 1
                    out[j] = ("subdecimal", mk[1], mk[2])
                elif mk is not None and _RANKS.get(mk[0], 50) < _RANKS["decimal"]:
                    break  # a higher level of the outline ends the points
                j += 1
            i = j
            continue
        i += 1
    return out


def _rank_of(kind: str, label: str, ranks: dict[str, float] = _RANKS) -> float:
    """Depth of a marker kind: I. > A. > 1. > 1.1. > (1) > a) > lead-in > - > +."""
    if kind == "compound":
        return 10 + label.count(".")
    if kind == "uppernum" and "-" in label:
        return ranks["uppernum"] - 0.5  # "C-I. Việc có mốc thời gian" over "C.1. ...", "C.2. ..." (hand SC)
    return ranks.get(kind, 50)


def _document_ranks(lines: Iterable[str]) -> dict[str, float]:
    """The depths of this document's markers: "I." and "A." rank in the order the document uses them.

    A Party report may be cut "A. KẾT QUẢ ... / I. Lĩnh vực kinh tế / 1. ..." as well as
    "I. KẾT QUẢ ... / A. ... / 1. ...": whichever of the two comes first is the outer level, so
    "I. Lĩnh vực kinh tế" under "A. KẾT QUẢ" stays a part of the results.

    >>> ranks = _document_ranks(["A. KẾT QUẢ", "I. Lĩnh vực kinh tế", "B. NHIỆM VỤ"])
    >>> ranks["upper"] < ranks["roman"]
    True
    >>> _document_ranks(["I. KẾT QUẢ", "A. Kinh tế"]) == _RANKS
    True
    """
    return _ranks_of(_marker(line) for line in lines)


def _ranks_of(marks: Iterable[tuple[str, str, int] | None]) -> dict[str, float]:
    """:func:`_document_ranks` from the lines' markers (each line's marker read once).

    Ordinal points ("Thứ nhất, ...", "Một là, ...") are an outer level ("Một là, về kết quả" / "1. ...") unless
    the document numbers with "1." first: "3. Phương hướng, nhiệm vụ tháng 10" then "Thứ nhất, ...", "Thứ hai,
    ..." are the heading's points, below every numbered level and above "(1)".

    >>> r = _ranks_of([("decimal", "3", 3), ("ordinal", "1", 10)])
    >>> r["decimal"] < r["ordinal"] < r["paren"]
    True
    >>> r = _ranks_of([("ordinal", "1", 8), ("decimal", "1", 3)])
    >>> r["ordinal"] < r["decimal"]
    True

    Letters met first under a number ("1. Kết quả tháng 3/2026" then "A. LĨNH VỰC KINH TẾ") are below the numbers:

    >>> r = _ranks_of([("part", "I", 6), ("decimal", "1", 3), ("upper", "A", 3), ("plus", "", 2)])
    >>> r["decimal"] < r["upper"] < r["plus"]
    True

    Letters and numbers in brackets rank in the order the document first uses them ("(1) ...: a) ..., b) ..." or "a) Giao
    việc tháng 02" over "(1) ..."):

    >>> _ranks_of([("paren", "1", 4), ("alpha", "a", 2)])["paren"] < _ranks_of([("alpha", "a", 4), ("paren", "1", 4)])["paren"]
    True
    """
    ranks = _RANKS
    first_outline: str | None = None
    first_number: str | None = None
    first_point: str | None = None
    first_lettered: str | None = None
    upper_under_number = False
    # the outline's kinds met before the first of an office's own parts ("PHẦN THỨ BA" then "Nhóm 1."): it sits below them
    above_area: set[str] = set()
    area_met = False
    for mk in marks:
        if not mk:
            continue
        if not area_met:
            if mk[0] == "area":
                area_met = True
            elif mk[0] in {"banner", "part", "roman", "upper"}:
                above_area.add(mk[0])
        if first_point is None and mk[0] in {"bullet", "dash", "plus", "paren", "alpha"}:
            first_point = mk[0]
        if first_lettered is None and mk[0] in {"paren", "alpha"}:
            first_lettered = mk[0]
        if first_outline is None and mk[0] in {"roman", "upper"}:
            first_outline = mk[0]
            # "PHẦN I / 1. Kết quả tháng 3/2026 / A. LĨNH VỰC KINH TẾ / + ...": letters under a number are its fields
            upper_under_number = mk[0] == "upper" and first_number in {"decimal", "compound"}
        if first_number is None and mk[0] in {"decimal", "compound", "ordinal"}:
            first_number = mk[0]
        if first_outline is not None and first_number is not None and first_point is not None and first_lettered and area_met:
            break
    if upper_under_number:
        ranks = {**ranks, "upper": _UPPER_UNDER_NUMBERS}
    elif first_outline == "upper":
        ranks = {**ranks, "upper": _RANKS["roman"], "roman": _RANKS["upper"]}
    if first_number in {"decimal", "compound"}:
        ranks = {**ranks, "ordinal": _ORDINAL_UNDER_NUMBERS}
    if first_point in {"dash", "plus", "paren", "alpha"} and first_point != "bullet":
        ranks = {**ranks, "bullet": _BULLET_UNDER_DASH if first_point in {"dash", "plus"} else _RANKS["bullet"]}
    elif first_point == "bullet":
        ranks = {**ranks, "bullet": _BULLET_OVER_POINTS}
    if first_lettered == "alpha":
        # "a) Việc đã làm tháng 01/2026" ... "c) Giao việc tháng 02/2026" over "(1) ...", "(2) ..." (hand RD): the letters
        # a document uses first are its outer level, the numbers in brackets their points
        ranks = {**ranks, "alpha": _RANKS["paren"], "paren": _RANKS["alpha"]}
    if area_met and above_area:
        ranks = {**ranks, "area": max(ranks[k] for k in above_area) + 0.5}
    return ranks


#: the characters each marker's pattern can start with (None: a decimal digit, ``\d``)
_MARKER_FIRSTS: dict[str, str | None] = {
    "part": "PMHBNS", "area": "ABCDEFGHIJKLMNOPQRSTUVWXYZĐÂĂÊÔƠƯÁÀẢÃẠ", "article": "Đ", "roman": "IVXL", "upper": "ABCDEFGH", "uppernum": "ABCDEFGH", "compound": None, "decimal": None,
    "ordinal": "MHBNSTC", "paren": "(", "alpha": "-–abcdefghijklmnopqrstuvwxyzđ", "dash": "-–—−•*", "plus": "+",
    "bullet": BULLET_GLYPHS, "banner": _BANNER_GLYPHS,
}


@functools.lru_cache(maxsize=512)
def _markers_for(first: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The markers a line starting with ``first`` can open with, in ``_MARKERS``' order (the first match wins)."""
    return tuple(
        (kind, pat) for kind, pat in _MARKERS
        if (first.isdecimal() if _MARKER_FIRSTS[kind] is None else first in (_MARKER_FIRSTS[kind] or ""))
    )


def _marker(line: str) -> tuple[str, str, int] | None:
    if not line:
        return None
    # only the patterns that can match a line's first character (most lines are "- ..." or "+ ...")
    for kind, pat in _markers_for(line[0]):
        m = pat.match(line)
        if m:
            groups = m.groupdict()
            label = (groups.get("label") or groups.get("nth") or groups.get("section") or groups.get("block") or groups.get("area")
                     or groups.get("word") or "")
            if kind == "ordinal":
                label = _ORDINAL_NUMBERS[label]
            elif kind == "paren" and len(label) == 2 and "l" in label:
                label = label.replace("l", "1")
            return kind, label, m.end()
    return None


def _bracketed_note(line: str) -> bool:
    """A line that is one note in brackets: "(Phó Chủ tịch UBND phường theo dõi)", "(có phụ lục kèm theo)".

    >>> _bracketed_note("(Chủ tịch UBND phường trực tiếp theo dõi)"), _bracketed_note("(1) Thu ngân sách ... (đạt 90%)")
    (True, False)
    """
    s = line.strip()
    return len(s) < 200 and s.startswith("(") and s.endswith(")") and s.find(")") == len(s) - 1 and s.count("(") == 1


def _running_text(line: str) -> bool:
    """A paragraph of prose: long, closed by a full stop."""
    s = line.strip()
    return len(s) > 100 and s.endswith(".")


def _is_heading(kind: str, body: str, next_line: str | None, next_kind: str | None, depth_next_deeper: bool) -> bool:
    """A marked line is a heading when it is short, reads like a title and has children."""
    stripped = body.strip()
    if not stripped:
        return True
    if kind in {"dash", "plus", "paren", "alpha"}:
        # "a) Các chi bộ:" and "b) UBND xã" over "- ..." points name who the points are given to
        # "b) Kinh tế - xã hội" between "4." and "5." of points numbered on through the fields is the field's title
        # "b) Quản lý đô thị, đất đai, xây dựng" over paragraphs of running text is the sub-field's title
        # "d) Công tác dân vận" over "(15) ..." of points numbered on through the fields too (a point outranks a letter)
        return next_line is not None and ((stripped.endswith(":") and len(stripped) < 200) or (_field_title(stripped) and (
            depth_next_deeper or (next_kind is not None and next_kind != kind and next_kind in {"decimal", "subdecimal", "compound"})
            or (kind == "alpha" and next_kind == "paren")
            or (kind in {"paren", "alpha"} and next_kind is None and _running_text(next_line) and len(stripped.split()) <= 8))))
    if kind in {"part", "area", "roman", "upper"} and len(stripped) < 220:
        return True
    upper = stripped == stripped.upper() and any(c.isalpha() for c in stripped)
    if upper and len(stripped) < 220:
        return True
    if next_line is None:
        return False
    if len(stripped) > 170:
        return False
    hm = _INLINE_HEAD.match(stripped)
    if hm and _names_a_task(hm.group("head")):
        return False  # "Nhiệm vụ 22 (Đề án 06): tỷ lệ ... đạt 80,3%." answers task 22: a result
    sentences = split_sentences(stripped, 0)
    if len(sentences) > 1:
        return False
    if stripped.endswith(":"):
        return True
    if stripped.endswith((".", ";")):
        # "2.2.2. Công tác quản lý đô thị, ... triển khai thực hiện các dự án." is a heading;
        # "4. Nghị quyết này có hiệu lực từ ngày 28 tháng 11 năm 2025." is content.
        if not (fold(stripped).startswith(_HEADING_WORDS) and len(stripped.split()) <= 24):
            return False
    return next_kind is None or depth_next_deeper


#: a field named before its paragraph's colon (folded): "Về quốc phòng, an ninh", "Đối với Công an xã", "Lĩnh vực văn hóa"
_FIELD_LABEL = re.compile(r"(?:ve|doi voi|linh vuc|cong tac)\b")

#: a table's caption (folded): "Bảng 1. ...", "Biểu 2: ...", "Phụ biểu 01 - ..."
_CAPTION = re.compile(r"(?:bang|bieu|phu bieu)[ ]+(?:so[ ]+)?\d{1,2}[ ]*[.:–-][ ]")
#: what a caption opens with (the literal check before :data:`_CAPTION`, at every paragraph)
_CAPTION_FIRST = ("bang", "bieu", "phu bieu")


def _opens_caption(folded: str, pos: int) -> bool:
    """Whether a table's caption opens at ``pos`` of the folded text (:data:`_CAPTION`, tried only after its first word)."""
    return folded.startswith(_CAPTION_FIRST, pos) and _CAPTION.match(folded, pos) is not None

#: the head of a follow-up table's column that judges each row's result: "Đánh giá", "Tình trạng", "Mức độ hoàn thành"
_JUDGEMENT_CELL = re.compile(r"(?:danh gia|tinh trang|muc do hoan thanh|ket qua danh gia|tien do)\b")

#: an appendix's title line: "PHỤ LỤC", "Phụ lục 1:", "PHỤ LỤC: DANH MỤC NHIỆM VỤ TRỌNG TÂM THÁNG 02 NĂM 2026" (folded)
_APPENDIX_TITLE = re.compile(r"(?m)^[ \t]*phu luc\b")
#: a sentence of the body that sends its reader to the appendix for the tasks (folded): "... các nhiệm vụ trọng tâm
#: tháng 02 theo Phụ lục kèm theo Thông báo này" ("Chi tiết tại Phụ lục 1" after a figure is a detail, not the plan)
#: (or a programme in brackets: "UBND xã xây dựng chương trình công tác tháng 01/2026 (có phụ lục kèm theo)", hand MB)
_TO_APPENDIX = r"[^.;]*?\b(?:theo|tai|o|nhu|co|xem)[ ]+(?:cac[ ]+)?phu luc\b[^.;]{0,12}\b(?:kem theo|dinh kem)\b"
#: what names the plan, in the sentence that points to the appendix and in the appendix's title
_PLAN_WORDS = ("nhiem vu", "chuong trinh cong tac", "ke hoach cong tac", "lich cong tac")
_POINTS_TO_APPENDIX = re.compile(r"\b(?:" + "|".join(_PLAN_WORDS) + r")\b" + _TO_APPENDIX)
#: ... or for the results: "(kết quả cụ thể tại Phụ lục kèm theo)"
_RESULTS_IN_APPENDIX = re.compile(r"\bket qua\b" + _TO_APPENDIX)


#: a table's row that titles a group of its rows: "I | CÔNG TÁC BẦU CỬ", "B | KINH TẾ - ĐÔ THỊ |  |"
_GROUP_ROW = re.compile(r"^\|?[ ]*(?:[IVXL]{1,5}|[A-H])\.?[ ]*\|[ ]*[^|]*[A-ZĐÀ-Ỹ]")
#: ... as a Word table pasted with tabs gives it, its one tab a space ("I QUỐC PHÒNG - AN NINH"), before a numbered row
_GROUP_ROW_UNBARRED = re.compile(r"^(?:[IVXL]{1,5}|[A-H])[ ]+[A-ZĐÀ-Ỹ][^|]*$")
#: a column of next month's work in a tracking table (folded): "Nhiệm vụ tháng 02/2026", "Phương hướng tháng tới"
_PLAN_COLUMN = re.compile(r"(?:nhiem vu|ke hoach|phuong huong|du kien)\b.*\b(?:thang|toi|tiep theo)\b")


def _tracking_columns(cells: Sequence[str], cols: Sequence[str], result_cell: int | None) -> list[tuple[int, str, str]]:
    """The columns of a tracking table that hold items of their own: ``(index, role, month text)`` for each "Kết quả
    ... tháng M" column and the "Nhiệm vụ tháng M+1" column after them; none unless the table has both.

    >>> row = "STT | Nội dung công việc | Kết quả tháng 3/2026 | Kết quả tháng 4/2026 | Tồn tại | Nhiệm vụ tháng 5/2026 | Chủ trì"
    >>> cells = row.split("|")
    >>> _tracking_columns(cells, [fold(c).strip() for c in cells], 2)
    [(2, 'result', 'Kết quả tháng 3/2026'), (3, 'result', 'Kết quả tháng 4/2026'), (5, 'task', 'Nhiệm vụ tháng 5/2026')]
    >>> cells = "TT | Nhiệm vụ theo Thông báo số 34-TB/ĐU | Kết quả thực hiện | Ghi chú".split("|")
    >>> _tracking_columns(cells, [fold(c).strip() for c in cells], 2)
    []
    """
    if result_cell is None:
        return []
    results = [k for k, c in enumerate(cols) if k >= result_cell and "ket qua" in c]
    plans = [k for k, c in enumerate(cols) if k > results[-1] and _PLAN_COLUMN.match(c)]
    if not plans:
        return []
    return [(k, "result", cells[k].strip()) for k in results] + [(plans[0], "task", cells[plans[0]].strip())]


#: a paragraph's opening month, in a lead-in that opens it (folded): "Tháng 02/2026, trọng tâm là tổ chức Tết ..., kết quả:"
_PARAGRAPH_MONTH = re.compile(r"(?P<month>(?:trong )?thang \d{1,2}(?:/\d{4}| nam \d{4})?)[ ]*,[^.:;\n]{0,160}:")
#: the path of a table's row ("PL.r3", "III.r12")
_ROW_PATH = re.compile(r"(?:^|\.)r\d+$")


def _appendix_of(text: str, folded: str, start: int, end: int) -> tuple[int, str] | None:
    """Where an appendix that holds the notice's tasks or results starts, after the body, and which ("task" or
    "result"); None when there is none.

    Only when the body sends its reader there ("... nhiệm vụ trọng tâm tháng 02 theo Phụ lục kèm theo Thông báo
    này", "kết quả cụ thể tại Phụ lục kèm theo") and the appendix's title (its first two lines) names them
    ("DANH MỤC NHIỆM VỤ ...", "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ THÁNG 12"): an annex of figures, a form or the list
    of a decision's annexes is neither.
    """
    if end >= len(text) or _APPENDIX_TITLE.search(folded, end) is None:
        return None  # (no appendix title after the body, checked first: the two searches below cost ten times more)
    tasks = _POINTS_TO_APPENDIX.search(folded, start, end) is not None
    results = _RESULTS_IN_APPENDIX.search(folded, start, end) is not None
    if not (tasks or results):
        return None  # (a sentence pointing to the tasks must also stand among the tasks: :func:`parse_items` checks)
    for m in _APPENDIX_TITLE.finditer(folded, end):
        title_end = folded.find("\n", folded.find("\n", m.end()) + 1)
        title = folded[m.start() : title_end if title_end > 0 else len(folded)]
        at = m.start() + (len(text[m.start():]) - len(text[m.start():].lstrip(" \t")))
        if results and "ket qua" in title:
            return at, "result"
        if tasks and any(w in title for w in _PLAN_WORDS):
            return at, "task"
    return None


def parse_items(text: str, header: Header) -> list[Item]:
    """Items of the document body, in reading order.

    Input: normalised text and its :class:`Header` (``body_start``/``body_end``,
    periods). Output: :class:`Item` objects whose ``text == text[start:end]``.
    """
    start = header.body_start
    end = header.body_end if header.body_end is not None else len(text)
    if end <= start:
        start, end = 0, len(text)

    paragraphs: list[tuple[int, int]] = []
    article = is_portal_article(text)  # a portal's article on the meeting, not the notice itself (hand PA)
    # the document folded once: fold() keeps every character's place, so a slice of it is the fold of the slice
    folded = fold(text)
    # the tasks (or results) set out in an appendix after the signature ("... các nhiệm vụ trọng tâm tháng 02 theo Phụ
    # lục kèm theo Thông báo này" / "PHỤ LỤC: DANH MỤC NHIỆM VỤ TRỌNG TÂM THÁNG 02"): read as a part of the body
    found_appendix = _appendix_of(text, folded, start, end)
    appendix, appendix_role = found_appendix if found_appendix else (None, None)
    for a, b in ((start, end), (appendix, len(text))) if appendix is not None else ((start, end),):
        pos = a
        for line in text[a:b].split("\n"):
            s = pos + (len(line) - len(line.lstrip()))
            e = pos + len(line.rstrip())
            # (a rule is only its characters: a line that opens on another is none, without the regex)
            if e > s and not (text[s] in _RULE_CHARS and _RULE_LINE.fullmatch(text, s, e)):
                paragraphs.append((s, e))
            pos += len(line) + 1

    # each paragraph's marker, read once (the loop looks one paragraph ahead)
    marks = [_marker(text[ps:pe]) for ps, pe in paragraphs]
    if any(mk is not None and mk[1] == "l" for mk in marks):
        marks = _ocr_ones(marks, text, paragraphs)
    ranks = _ranks_of(marks)
    marks = _nested_restarts(marks, text, paragraphs)
    periods = Periods(header.reported_months, header.planned_months)

    def depth(kind: str, label: str) -> float:  # this document's depths
        return _rank_of(kind, label, ranks)

    items: list[Item] = []
    stack: list[_Node] = [_Node("root", "")]
    closing = False
    sentence_counter: dict[int, int] = {}

    def path_of() -> str:
        parts: list[str] = []
        for node in stack[1:]:
            if node.kind in {"leadin"}:
                continue
            if node.kind == "compound":
                # "2.2.1" replaces "2" and "2.2" above it
                while parts and _COMPOUND_LABEL.fullmatch(parts[-1]) and node.label.startswith(parts[-1] + "."):
                    parts.pop()
            if node.kind == "dash":
                parts.append(f"b{node.label}")
            elif node.kind == "plus":
                parts.append(f"p{node.label}")
            elif node.kind == "paren":
                parts.append(f"({node.label})")
            elif node.kind == "article":
                parts.append(f"Điều {node.label}")
            else:
                parts.append(node.label)
        return ".".join(parts)

    def current_role() -> str:
        for node in reversed(stack):
            if node.role:
                return node.role
        return "other"

    def node_depth(k: int) -> float:
        """The depth of ``stack[k]``: a lead-in or an unnumbered heading that opens a part sits just below what
        holds it, so the points that follow it, whatever their marker ("(1)", "a)", "1."), are its children; a
        marker of its parent's level or above closes it. A lead-in inside a part ("I. ĐÁNH GIÁ KẾT QUẢ ..." then
        "Hội nghị thống nhất đánh giá ..., cụ thể:") holds only the bullets under it."""
        node = stack[k]
        if node.kind == "leadin" and node.opens:
            return (node_depth(k - 1) if k > 1 else 0) + 0.5
        return depth(node.kind, node.label)

    def close_to_leadin(keep_part: bool = False) -> None:
        """Close the points a lead-in or an unnumbered heading ends: "(4) ..." then "Tuy nhiên ... hạn chế:".
        ``keep_part``: not the unnumbered heading of a part ("KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 5") itself."""
        while len(stack) > 1 and (depth(stack[-1].kind, stack[-1].label) >= depth("leadin", "") or stack[-1].heading is None):
            if keep_part and stack[-1].kind == "leadin" and stack[-1].heading and stack[-1].role in _KNOWN_ROLES:
                break
            stack.pop()

    def current_month_source() -> str | None:
        for node in reversed(stack):
            if node.month_text:
                if node.has_month is None:
                    node.has_month = _MONTH.search(fold(node.month_text)) is not None
                if node.has_month:
                    return node.month_text
        return None

    def section_text() -> str | None:
        heads = [n.heading for n in stack[1:] if n.heading]
        return " / ".join(heads) if heads else None

    def points_to_appendix(s: int, e: int, role: str) -> bool:
        """Whether ``text[s:e]``, of ``role``, in the body, sends its reader to the appendix found after it."""
        if appendix is None or s >= appendix:
            return False
        if appendix_role == "task":
            return role == "task" and _POINTS_TO_APPENDIX.search(folded, s, e) is not None
        return _RESULTS_IN_APPENDIX.search(folded, s, e) is not None

    def emit(
        spans: list[tuple[int, int]], role: str, path: str, node_key: int, n_sentences: int, month_src: str | None, section: str | None,
        gives: bool = False, mixed: bool = False,
    ) -> None:
        if role == "result" and spans:
            # a paragraph of results whose lead-in opens on its month ("Tháng 02/2026, trọng tâm là tổ chức Tết ..., kết quả:
            # ... Tết Nguyên đán diễn ra ...", hand OC): each of its sentences reports that month
            om = _PARAGRAPH_MONTH.match(folded, text.rfind("\n", 0, spans[0][0]) + 1)  # (its line's start: a lead-in may precede)
            if om is not None:
                month_src = text[om.start("month") : om.end("month")]
        limits = False  # "Tuy nhiên, vẫn còn một số hạn chế: A chưa ... B còn ..." holds limitations to its end
        ahead = False  # "... Trong tháng tới, X. Y." after a field's results: the rest of its paragraph is its tasks
        # a field's paragraph of what was done and what to do, one sentence each: the sentences read together
        # (ingest.sentence_role: the learned model, a plan's strong words and days after the notice's for certain)
        # (a limitation among them is none of the work to do: "Tồn tại: ... còn ngập cục bộ khi mưa lớn")
        to_do = sentence_role.decode(
            0.99 if _still_to_do(folded[ss:se], header.planned_months, header.date, strong=True)
            else 0.01 if _limitation_sentence(text[ss:se], folded[ss:se])
            else sentence_role.task_probability(folded[ss:se], header.date, header.planned_months, header.reported_months)
            for ss, se in spans
        ) if mixed else []
        for j, (ss, se) in enumerate(spans):
            sentence_counter[node_key] = sentence_counter.get(node_key, 0) + 1
            idx = sentence_counter[node_key]
            sentence = text[ss:se]
            r = role
            if gives and r in ("result", "other") and not sentence.rstrip().endswith(":") and gives_work(sentence):
                r = "task"  # a meeting's conclusion on an item of its agenda: "Giao Ủy ban nhân dân phường ..."
            elif r in ("result", "limitation") and (ahead or _looks_ahead(folded, ss, header.planned_months, header.reported_months)):
                r = "task"
                ahead = True
            elif mixed and r == "result" and to_do[j]:
                r = "task"  # a field's paragraph of what was done and what to do, one sentence each
            elif r == "result" and (limits or _limitation_sentence(sentence, folded[ss:se])):
                r = "limitation"
                limits = True
            if article and r == "result" and folded.startswith(_INTRODUCES, ss):
                r = "other"  # "Theo báo cáo, tháng 2 có kỳ nghỉ Tết ...": the article introduces the report it retells
            if r == "task" and (_ANNOUNCES_POINTS.search(folded, ss, se) or _CHAIR_PRAISES.match(folded, ss, se)
                                or _QUOTES_THE_CHAIR.search(folded, ss, se) or _FOLLOW_UP.search(folded, ss, se)):
                r = "other"  # the chair's words over the work he gives, the lead-in to it
            if to_appendix and points_to_appendix(ss, se, r):
                r = "other"  # "... theo Phụ lục kèm theo": the tasks (the results) are the appendix's
            period, months = _item_period(sentence, month_src, header, r, periods, folded[ss : min(se, ss + 160)])
            p = path if (n_sentences <= 1 and idx == 1 and node_key not in multi) else f"{path}.s{idx}" if path else f"s{idx}"
            # each point numbered inside the sentence is an item; a task addressed to a body with two clauses
            # ("Công an phường: X; Y") is one bullet, one item, as the annotation rules count items; a body
            # given a list of three or more ("Giao Ủy ban nhân dân xã: X; Y; Z; W.") has a task per clause
            cuts = inline_points(sentence, folded[ss:se])
            if not cuts and r == "task":
                cuts = addressed_clauses(sentence)
            # (most sentences hold one point: the whole sentence, without the cut-up)
            points = [(ss + a, ss + len(sentence[:b].rstrip())) for a, b in zip([0, *cuts], [*cuts, len(sentence)], strict=True)] \
                if cuts else [(ss, ss + len(sentence.rstrip()))]
            for c, (cs, ce) in enumerate(points, 1):
                items.append(new_item(f"i{len(items) + 1}", p if len(points) == 1 else f"{p}.c{c}", r, period, text[cs:ce], cs, ce, section, months))

    multi: set[int] = set()
    # nodes that get more than one sentence (over all their paragraphs) number their sentences
    pre_counts: dict[int, int] = {}

    # First pass decides headings and node identity, second pass emits; done in one
    # loop with look-ahead on the next paragraph.
    plan: list[tuple[int, int, str, str, int, bool, str | None, str | None]] = []
    # (start, end, role, path, node_key, is_heading, month source, section)

    # whether the body sends its reader to the appendix (a sentence among the tasks for the tasks, any for the
    # results): then the appendix holds them
    to_appendix = False

    def add(s: int, e: int, role: str, path: str, key: int, is_head: bool = False) -> None:
        nonlocal to_appendix
        if not to_appendix and points_to_appendix(s, e, role):
            to_appendix = True
        section = section_text()
        plan.append((s, e, role, path, key, is_head, current_month_source(), section))
        if role == "other" and not is_head and section is not None and all(n.role is None for n in stack):
            roleless.add(section)  # a part whose heading names no role, nor any heading above it

    #: the parts whose headings (and the headings above them) name no role: :func:`_roles_of_unnamed_parts`
    roleless: set[str] = set()
    in_table = False
    #: the paragraph of the last lead-in that opened a role ("Phương hướng tháng 12:")
    leadin_at = -2
    result_cell: int | None = None  # the "Kết quả" column of the table being read
    judged = False  # ... followed by a column that judges it ("Đánh giá")
    whole_row = False  # a table of indicators: a row's item is the whole row
    #: a tracking table's columns of results, one a month, and of next month's work ("STT | Nội dung công việc | Kết quả
    #: thực hiện tháng 01/2026 | Tồn tại, vướng mắc | Nhiệm vụ tháng 02/2026 | Đơn vị chủ trì", hand NA): each non-empty
    #: cell of them is an item of its own, a result of its column's month or a task
    tracked: list[tuple[int, str, str]] = []
    titled: set[int] = set()  # paragraphs read as the title of the part marker above them
    for i, (ps, pe) in enumerate(paragraphs):
        if i in titled:
            continue
        if ps == appendix:
            if not to_appendix:
                break  # an appendix the results refer to ("Chi tiết tại Phụ lục 1"), not the plan: as before, no items
            # the appendix starts afresh: the body's closing and its sections are behind; its title is the
            # heading of the tasks or results (and names their month): "PHỤ LỤC" may have it on the next line
            closing = False
            in_table = False
            result_cell = None
            del stack[1:]
            title_lines = [i]
            for k in range(i + 1, min(i + 3, len(paragraphs))):
                line_k = text[paragraphs[k][0] : paragraphs[k][1]]
                if not (folded.startswith("(kem theo", paragraphs[k][0]) or (line_k == line_k.upper() and "|" not in line_k)):
                    break
                title_lines.append(k)
            title = " ".join(text[paragraphs[k][0]:paragraphs[k][1]] for k in title_lines)
            stack.append(_Node("appendix", "PL", heading=title, role=appendix_role, month_text=title))
            for k in title_lines:
                titled.add(k)  # "(Kèm theo Thông báo số 112-TB/ĐU ...)", "KẾT QUẢ THỰC HIỆN ... THÁNG 12": the title's lines
                add(*paragraphs[k], "other", "PL", stack[-1].uid, True)
            continue
        line = text[ps:pe]
        nxt = text[paragraphs[i + 1][0] : paragraphs[i + 1][1]] if i + 1 < len(paragraphs) else None
        nk = marks[i + 1] if i + 1 < len(paragraphs) else None
        row = _TABLE_ROW.match(line) if "|" in line else None  # (a row has its bar: most paragraphs have none)
        header_row = row is not None and line.lstrip(" |").startswith(("STT", "TT"))
        if row and not closing and (row.group("n") or header_row or (in_table and line.startswith("|"))):
            # a row of a plain-text table: "1 | Nội dung nhiệm vụ | Đơn vị chủ trì | Thời gian"; the item is
            # the content cell; the header row and a cell's second line ("| tiếp theo | |") are not items
            in_table = True
            if header_row:
                # a follow-up table: "TT | Nhiệm vụ theo Thông báo số 34-TB/ĐU | Kết quả thực hiện | Ghi chú"; a row's
                # item runs from its content cell through its result cell (what became of the task, in its words)
                cols = [fold(c).strip() for c in line.split("|")]
                whole_row = False
                result_cell = next((k for k, c in enumerate(cols) if k > 1 and "ket qua" in c), None)
                tracked = _tracking_columns(line.split("|"), cols, result_cell)
                # ... and through the judgement right after it ("| Đánh giá": "Hoàn thành", "Đang thực hiện", "Chưa
                # thực hiện"), which says what the result's words may leave open
                judged = result_cell is not None and result_cell + 1 < len(cols) and _JUDGEMENT_CELL.match(cols[result_cell + 1]) is not None
                if result_cell is None and any(c.startswith(("thuc hien", "th ", "uoc")) for c in cols[2:]) \
                        and any(c.startswith(("ty le", "so sanh", "dat")) for c in cols[2:]):
                    # a table of indicators: "TT | Chỉ tiêu | Kế hoạch tháng | Thực hiện | Tỷ lệ (%)": a row's item is the
                    # indicator with its figures, the whole row (a target of the plan is answered by them)
                    result_cell, judged, whole_row = len(cols) - 1, False, True
                elif result_cell is None and any(c.startswith("chi tieu") for c in cols[1:3]) \
                        and all(c.startswith(("ke hoach", "muc tieu", "du kien")) for c in cols[3:] if c) and any(cols[3:]):
                    # a plan's table of targets: "TT | Chỉ tiêu | Kế hoạch tháng 3" (hand KB): a row's item is the
                    # indicator with its target, which tells one month's row from the next month's
                    result_cell, judged, whole_row = len(cols) - 1, False, True
            if row.group("n") and row.group("cell") and tracked:
                cell = _Node("row", row.group("n"))
                cells = line.split("|")
                at = ps
                for k, c in enumerate(cells):
                    column = next((t for t in tracked if t[0] == k), None)
                    if column is not None and c.strip():
                        cs = at + len(c) - len(c.lstrip())
                        role_k, month_k = column[1], column[2]
                        plan.append((cs, cs + len(c.strip()), role_k, f"{path_of()}.r{row.group('n')}{'.t' if role_k == 'task' else '.k' + str(k)}".lstrip("."),
                                     cell.uid, False, month_k, section_text()))
                    at += len(c) + 1
                continue
            if row.group("n") and row.group("cell"):
                cell = _Node("row", row.group("n"))
                end = ps + row.end("cell")
                if result_cell is not None:
                    cells = line.split("|")
                    last = result_cell + 1 if judged and len(cells) > result_cell + 1 and cells[result_cell + 1].strip() else result_cell
                    if whole_row:
                        last = max((k for k, c in enumerate(cells) if c.strip()), default=0)
                    if len(cells) > last and cells[last].strip():
                        end = ps + sum(len(c) + 1 for c in cells[:last]) + len(cells[last].rstrip())
                add(ps + row.start("cell"), end, current_role(), f"{path_of()}.r{row.group('n')}".lstrip("."), cell.uid)
            else:
                add(ps, pe, "other", path_of(), stack[-1].uid, False)
            continue
        if in_table and ("|" in line and _GROUP_ROW.match(line) or _GROUP_ROW_UNBARRED.match(line) and line.isupper() and nxt is not None
                         and (m_next := _TABLE_ROW.match(nxt)) is not None and m_next.group("n")):
            # "I | CÔNG TÁC BẦU CỬ", "B | KINH TẾ": a table's row of a group of its rows, not the table's end
            add(ps, pe, "other", path_of(), stack[-1].uid, False)
            continue
        in_table = False
        result_cell = None
        tracked = []
        if _opens_caption(folded, ps) and len(line) < 300 and not line.rstrip().endswith(";"):
            # "Bảng 1. Kết quả thực hiện các nhiệm vụ theo Thông báo số 26-TB/ĐU ...": a table's caption, not an item
            add(ps, pe, "other", path_of(), stack[-1].uid, False)
            continue
        mk = marks[i]
        f = folded[ps:pe]
        star = 0
        if mk is not None and mk[0] == "dash" and line.startswith("*") and nk is not None and nk[0] in {"dash", "plus"} \
                and _bare_heading(line[mk[2]:], nxt):
            # "* Tồn tại, hạn chế" over "- ..." points: a part's heading under a star, as if unmarked
            star, mk = mk[2], None

        if mk is None:
            # "Ban Thường vụ Tỉnh ủy giao các cơ quan, đơn vị, địa phương thực hiện các nhiệm vụ sau:" announces the tasks;
            # so does "Ban Thường vụ Đảng ủy thống nhất giao các cơ quan, đơn vị tập trung thực hiện:" right under the
            # heading of the tasks, before the points it announces (a closing comes after the tasks)
            announces = line.rstrip().endswith(":") and (
                _leadin_role(line, f) == "task" and "nhiem vu" in f
                or current_role() == "task" and bool(plan) and plan[-1][5] and nk is not None)
            if not closing and not announces and current_role() in {"task", "result", "limitation", "other"} and _CLOSING.match(f) \
                    and (i > len(paragraphs) // 3):
                closing = True
                del stack[1:]
                stack.append(_Node("close", "close", role="assignment"))
            if closing:
                add(ps, pe, "assignment", "close", stack[-1].uid, False)
                continue
            if line.rstrip().endswith(":") and len(line) < 400:
                # a lead-in: "Tuy nhiên ... còn một số khó khăn, tồn tại, hạn chế:"; its last sentence is what
                # announces the points ("Ngày 28/9, ... nghe báo cáo ... nhiệm vụ tháng 10. Thường trực Đảng ủy
                # kết luận như sau:" announces no role of its own)
                spans = split_sentences(line, 0)
                if len(spans) > 1:
                    line, f = line[spans[-1][0] :], f[spans[-1][0] :]
                # "Sau khi nghe báo cáo tình hình ..., đồng chí Bí thư kết luận như sau:" announces conclusions of
                # every kind: what was heard is not what follows; "... kết luận nhiệm vụ tháng 6 như sau:" is
                concluded = f.rfind("ket luan")
                if concluded >= 0:
                    line, f = line[concluded + 8 :], f[concluded + 8 :]
                role = _leadin_role(line, f)
                if role == "limitation" and not any(entry[2] in _KNOWN_ROLES for entry in plan):
                    # the meeting's opening, before any of the month's work: "... phần soi lại tháng 3 chia việc đã về đích,
                    # việc còn dở dang và điểm còn vướng, cụ thể như sau:" (hand ZB), "... mỗi nhóm ba mục ĐÃ LÀM - CHƯA ĐẠT -
                    # THÁNG 02 LÀM, như sau:" (hand YB) lays out the parts; no notice opens on its shortfalls
                    role = None
                if role is None and len(line.split()) <= 10:
                    # "Đã làm (tháng 01):", "Tháng 02 làm:" (hand QA): a short lead-in that names only the months reported,
                    # or only the months planned, whatever its words
                    role = _role_of_heading_months(line.strip().rstrip(":"), header)
                if role is None and current_role() == "other" and header.planned_months and gives_work(line):
                    role = "task"  # a meeting's conclusion on an item of its agenda: "Giao các chi bộ:" over its points
                if role is None and leadin_at == i - 1 and stack[-1].kind == "leadin" and stack[-1].role:
                    # "Phương hướng tháng 12:" then "Thường trực Đảng ủy yêu cầu tập trung làm tốt một số nội dung sau:":
                    # the second lead-in announces the points the first one opened
                    add(ps, pe, "other", path_of(), stack[-1].uid, False)
                    leadin_at = i
                    continue
                # it closes the points before it: "(4) ..." then "Tuy nhiên ... hạn chế:" belongs to section "1."; a field's
                # name under an unnumbered heading ("KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 5" / "Kinh tế, đô thị:", a Word list
                # whose numbers were lost in the copy) is a part of that heading's part, not the end of it
                if role in _KNOWN_ROLES and len(line.split()) <= 8:
                    # "📌 KQ T1/2026:" ... "🎯 NV trọng tâm T2/2026:" (hand RA): a short lead-in of another role ends the part an
                    # earlier one opened, whatever fields ("▪ QP - AN:") stand open inside it
                    opened = next((j for j in range(len(stack) - 1, 0, -1) if stack[j].kind == "leadin" and stack[j].opens
                                   and stack[j].role in _KNOWN_ROLES), None)
                    if opened is not None and stack[opened].role != role:
                        # (not the office's part it stands in: "Sẽ làm trong tháng 3:" inside "MẢNG 1. KINH TẾ" under the
                        # report's opening "... báo cáo kết quả ... như sau:" ends the results of that part only, hand ZB)
                        inner = [j for j in range(opened + 1, len(stack)) if stack[j].kind in _PART_KINDS]
                        del stack[inner[-1] + 1 if inner else opened :]
                close_to_leadin(keep_part=role is None and len(line.split()) <= 12)
                if role:
                    leadin_at = i
                if role:
                    stack.append(_Node("leadin", "", role=role, opens=current_role() == "other"))
                add(ps, pe, "other", path_of(), stack[-1].uid, False)
                continue
            if _bracketed_note(line):
                # "(Phó Chủ tịch UBND phường Đinh Văn Lực theo dõi)" under a block's banner (hand JD), "(có phụ lục kèm
                # theo)": a note in brackets on a line of its own, neither work done nor work given
                add(ps, pe, "other", path_of(), stack[-1].uid, False)
                continue
            bare = _bare_heading(line[star:], nxt)
            if bare is None and nk is not None and _MONTH_LED.match(f) and line == line.upper() and len(line.split()) <= 6:
                # "THÁNG 02 LÀM" over its points (hand YB): a short line in capitals that opens on the month it names, of
                # the role its month has in the notice
                bare = _role_of_heading_months(line.strip().rstrip(":"), header)
            if bare:
                # an unnumbered heading on a line of its own: "Kết quả tháng 7", "Nhiệm vụ tháng 8"
                close_to_leadin()
                stack.append(_Node("leadin", "", heading=line[star:].strip(), role=bare, month_text=line[star:].strip(), opens=True))
                add(ps, pe, "heading", path_of(), stack[-1].uid, True)
                continue
            if nk is not None and _field_title(line):
                # "Kinh tế - xã hội" over "+ ..." points: the field they belong to, not an item of its own
                close_to_leadin()
                add(ps, pe, "heading", path_of(), stack[-1].uid, True)
                continue
            if (line.count(" | ") >= 2 or line.count("\t") >= 2) and not any(c.isdigit() for c in line):
                # the header row of a table pasted from Word ("Chỉ tiêu | Kế hoạch năm | Thực hiện tháng | Tỷ lệ")
                add(ps, pe, "other", path_of(), stack[-1].uid, False)
                continue
            own_label = _paragraph_label(line) if ": " in line[:48] else None
            if own_label is not None and (own_label[1] != current_role() or stack[-1].labelled):
                # "Đã thực hiện tháng 4: ...", "Tồn tại: ...", "Kế hoạch tháng 6: ..." in turn under a field's heading: each
                # paragraph (and any after it, up to the next label or heading) is of the part and the months its label names
                close_to_leadin()
                label_text = line[: own_label[0]].strip().rstrip(":").strip()
                stack.append(_Node("leadin", "", heading=label_text, role=own_label[1], month_text=label_text, opens=current_role() == "other",
                                   inline=True, labelled=True))
                add(ps, ps + own_label[0], "other", path_of(), stack[-1].uid, False)
                add(ps + own_label[0], pe, own_label[1], path_of(), stack[-1].uid, False)
                continue
            month_lead = current_role() == "result" and _PARAGRAPH_MONTH.match(f) is not None
            lead = _inline_leadin(line) if current_role() == "other" or stack[-1].inline or month_lead else None
            if lead is not None and lead[1] == current_role() and month_lead:
                # "Tháng 02/2026, trọng tâm là tổ chức Tết ..., kết quả: Ngày 27/02/2026, ..." among the results (hand OC): the
                # month's lead-in is no result, what follows it is
                add(ps, ps + lead[0], "other", path_of(), stack[-1].uid, False)
                add(ps + lead[0], pe, current_role(), path_of(), stack[-1].uid, False)
                continue
            if lead is not None and lead[1] == current_role():
                lead = None  # "Các Chương trình mục tiêu quốc gia: ..." outside any part: a sentence, not a lead-in
            if lead is not None:
                # a notice in prose, no headings: "Trong tháng 9, ... đạt được một số kết quả: (1) ...; (2) ...",
                # "Tuy nhiên, còn một số hạn chế: ...", "Đồng chí Bí thư yêu cầu ... các nhiệm vụ sau: (1) ..."
                at, role = lead
                close_to_leadin()
                stack.append(_Node("leadin", "", role=role, opens=current_role() == "other", inline=True))
                add(ps, ps + at, "other", path_of(), stack[-1].uid, False)
                add(ps + at, pe, role, path_of(), stack[-1].uid, False)
                continue
            add(ps, pe, current_role(), path_of(), stack[-1].uid, False)
            continue

        kind, label, body_at = mk
        if kind == "dash" and line[0] in "*•" and nk is not None and nk[0] in {"dash", "plus"} and nxt and nxt[0] not in "*•":
            head = line[body_at:].strip()
            role = _role_of_heading(head) if head.endswith(":") and len(head.split()) <= 12 else None
            if role in _KNOWN_ROLES:
                # "* Kết quả:" / "* Nhiệm vụ tháng tới:" over "- ..." points inside a field ("1. Công tác chính trị
                # tư tưởng"): a report written field by field, each with its results and its tasks; the points
                # under it are its children, as under a lead-in
                close_to_leadin()
                stack.append(_Node("leadin", "", heading=head.rstrip(":").strip(), role=role, month_text=head))
                add(ps, pe, "heading", path_of(), stack[-1].uid, True)
                continue
            if _field_title(head):
                # "* UBND xã" over "- ..." points: the body the points are given to, not an item of its own
                add(ps, pe, "heading", path_of(), stack[-1].uid, True)
                continue
        if closing and kind in {"dash", "plus"}:
            add(ps, pe, "assignment", "close", stack[-1].uid, False)
            continue
        closing = False if kind not in {"dash", "plus"} else closing
        # pop every level at or below this marker's rank; a sibling keeps the bullet count
        rank = depth(kind, label)
        count: dict[str, int] = {}
        while len(stack) > 1 and node_depth(len(stack) - 1) >= rank:
            prev = stack.pop()
            if prev.kind == kind and depth(prev.kind, prev.label) == rank:
                count = dict(prev.count)
        if kind in {"dash", "plus"}:
            n = count.get(kind, 0) + 1
            count[kind] = n
            label = str(n)
        node = _Node(kind, label, count=count)
        stack.append(node)

        body = line[body_at:]
        if kind in {"part", "area"} and not body.strip() and nxt is not None and nk is None and len(nxt) < 200 and not nxt.rstrip().endswith("."):
            # "Phần thứ nhất" on a line of its own, its title on the next: "KẾT QUẢ THỰC HIỆN NHIỆM VỤ QUÝ II"
            titled.add(i + 1)
            node.heading = nxt.strip().rstrip(":").strip()
            node.role = _role_of_heading(node.heading)
            if node.role is None and current_role() == "other":
                node.role = _role_of_heading_months(node.heading, header)
            node.month_text = node.heading
            add(ps, paragraphs[i + 1][1], "heading", path_of(), node.uid, True)
            continue
        deeper = False
        if nk is not None:
            deeper = depth(nk[0], nk[1]) > rank
        heading = _is_heading(kind, body, nxt, nk[0] if nk else None, deeper)
        part = _bare_heading(body, nxt) if not heading and nk is not None and nk[0] == kind and not deeper else None
        if part:
            # "20. Phương hướng, nhiệm vụ tháng 7 năm 2026" then "21. Tập trung thu ngân sách ...": a clerk who numbers the
            # whole report straight through numbers a part's title with its points; the title opens the part as an
            # unnumbered one does, and the points after it are the part's
            stack.pop()
            close_to_leadin()
            stack.append(_Node("leadin", "", heading=body.strip(), role=part, month_text=body.strip(), opens=True))
            add(ps, pe, "heading", path_of(), stack[-1].uid, True)
            continue
        hm = _INLINE_HEAD.match(body.strip()) if ":" in body else None  # (a head ends on its colon: most bodies have none)
        if not heading and hm and _role_of_heading(hm.group("head")) and len(hm.group("head").split()) <= 8 \
                and not _names_a_task(hm.group("head")):
            heading = True  # "3. Hạn chế, tồn tại: Tỷ lệ đảng viên ... còn thấp."
        elif not heading and hm and current_role() == "other" and header.planned_months and kind not in {"dash", "plus"} \
                and _FIELD_LABEL.match(fold(hm.group("head"))) and len(hm.group("head").split()) <= 10:
            # "1. Về quốc phòng, an ninh: Tết Nguyên đán diễn ra an toàn; ... Tổ chức lễ giao nhận quân ngày 05/3": a field's
            # paragraph of a notice in no part of its own, its name first — the field's section, as under a heading
            heading = True
        if heading:
            head_text = body.strip()
            # "3. Hạn chế, tồn tại: Tỷ lệ đảng viên ..." (heading and content on one line)
            inline = None
            m = _INLINE_HEAD_REST.match(head_text)
            rest = m.group("rest") if m else ""
            if m and len(rest) > 20 and not (rest.isupper() and kind in _OUTLINE_KINDS):
                # (not "KHỐI A. NỘI CHÍNH: QUỐC PHÒNG - AN NINH - TRẬT TỰ", hand UD: a title in two parts)
                head_text = m.group("head")
                inline = ps + body_at + (len(body) - len(body.lstrip())) + m.start("rest")
            node.heading = head_text.rstrip(":").strip()
            # "1. Trong tháng 8, ... đạt một số kết quả:" is a numbered lead-in sentence, not a title
            sentence = inline is None and head_text.endswith(":") and len(head_text.split()) > 8
            node.role = _role_of_heading(node.heading, lead_in=sentence)
            if node.role and _inner_field(node.heading, node.role, [n.role for n in stack[:-1]], lead_in=sentence):
                node.role = None  # "2. Lãnh đạo thực hiện nhiệm vụ phát triển kinh tế" inside the results
            elif node.role is None and not sentence and current_role() == "other":
                node.role = _role_of_heading_months(node.heading, header)
            elif node.role is None and not sentence and current_role() == "task" and kind in _OUTLINE_KINDS \
                    and _role_of_heading_months(node.heading, header) == "result":
                # "I. NHÌN LẠI THÁNG 3/2026" under "... đã thảo luận và thống nhất như sau:" (hand XC): a part of the outline
                # that names only months reported reviews them, whatever the lead-in above it announced
                node.role = "result"
            node.month_text = node.heading
            add(ps, pe, "heading", path_of(), node.uid, True)
            if inline is not None:
                add(inline, pe, current_role(), path_of(), node.uid, False)
            continue
        if current_role() == "other":
            # an untitled section that opens on a month: "1. Tháng 9, tình hình ... ổn định. Bão số 5 ..."
            # reports that month when the document reports it, plans it when the document plans it
            node.role = _role_of_opening(body, header)
        # content line: the marker is part of the item text? No: the item starts after it.
        content_start = ps + body_at
        add(content_start, pe, current_role(), path_of(), node.uid, False)

    if plan and article:
        # a web portal's article on the meeting (hand PA): its prose before the conclusion's work is the month's results, as
        # the report the article retells gave them — not its lead (the first paragraph), who attended, its subheads, a
        # lead-in ending on its colon or a sentence that only introduces ("Theo báo cáo, ...")
        first_task = next((k for k, entry in enumerate(plan) if entry[2] == "task"
                           or (k > 0 and _CONCLUDES.search(folded, entry[0], entry[1]) is not None)), len(plan))
        for k in range(first_task, len(plan)):
            # the conclusion on: the work the chair gives (the chair's praise, a quote and the office's follow-up are none:
            # emit tells them)
            entry = plan[k]
            if entry[2] in ("other", "result") and not entry[5] and text[entry[0] : entry[1]].rstrip().endswith((".", ";", "”")):
                plan[k] = (entry[0], entry[1], "task", *entry[3:])
        for k in range(1, first_task):
            entry = plan[k]
            line_k = text[entry[0] : entry[1]].rstrip()
            if entry[2] != "other" or entry[5] or line_k.endswith(":") or not line_k.endswith((".", ";", "”", ")")) \
                    or _ATTENDANCE.search(folded, entry[0], entry[1]):
                continue
            plan[k] = (entry[0], entry[1], "result", *entry[3:])

    # count sentences per node to decide on ".sN" suffixes (each paragraph split once)
    sentences: list[list[tuple[int, int]]] = []
    for s, e, _role, _path, key, is_head, _m, _sec in plan:
        if is_head:
            sentences.append([])
            continue
        # a table's row is one item, however many sentences its cell holds (hand MB: "Xử lý dứt điểm 02 vị trí sạt mái ...
        # Tổ chức diễn tập phòng thủ dân sự ..." in one row of the month's programme)
        spans = [(s, e)] if _ROW_PATH.search(_path) and text[s:e].strip() else split_sentences(text[s:e], s)
        sentences.append(spans)
        pre_counts[key] = pre_counts.get(key, 0) + len(spans)
    multi.update(k for k, n in pre_counts.items() if n > 1)

    # a meeting's conclusions on each item of its agenda ("2. Về tiến độ dự án ...": what was done, then "Giao Ủy ban nhân
    # dân phường ...", "Đề nghị Ủy ban MTTQ phường ...", "Yêu cầu Công an phường ..."): a sentence that gives a body work
    # is a task, among the results or in a section of no role; in such a section, what comes before its first such
    # sentence is the assessment of the month, its results (not in an article of a legal text, nor among requests to
    # the level above: "Kiến nghị, đề xuất: Đề nghị Ủy ban nhân dân tỉnh ..."), in a notice that plans a month (a
    # Government Office's conclusion on a programme, "Yêu cầu các Bộ, cơ quan ...", plans none: its agreements are no
    # results of a month)
    directing: dict[str, int] = {}
    may_give: list[bool] = []
    def above(section: str) -> bool:
        """Whether a section asks the level above (its work is not the unit's) or holds the members' remarks."""
        return _section_says(_ASKS_ABOVE, section) or _section_says(_REMARKS, section) or _section_says(_PARTICULARS, section)

    def weighs_shortfalls(section: str) -> bool:
        """Whether a section is (inside) the limitations, their causes or the difficulties: "HẠN CHẾ, TỒN TẠI /
        Nguyên nhân" (its sentences are not the work done nor the work to do, whatever words they use)."""
        return _section_says(_SHORTFALLS, section)

    for k, ((_s, _e, role, path, _key, is_head, _m, section), spans) in enumerate(zip(plan, sentences, strict=True)):
        ok = (bool(header.planned_months) and not is_head and role in ("result", "other") and section is not None
              and "Điều " not in path and not above(section) and not _opens_caption(folded, _s) and not _bracketed_note(text[_s:_e]))
        may_give.append(ok)
        if ok and section is not None and role == "other" and section not in directing and any(
                (gives_work(text[a:b]) or _looks_ahead(folded, a, header.planned_months, header.reported_months)
                 or _still_to_do(folded[a:b], header.planned_months, header.date)
                 or (sentence_role.task_probability(folded[a:b], header.date, header.planned_months, header.reported_months)
                     >= sentence_role.TURNS_TO_WORK and not weighs_shortfalls(section)))
                and not text[a:b].rstrip().endswith(":") and _PROCEDURE.search(folded, a, b) is None for a, b in spans):
            # (or turns to the next month: "1. Đối với Công an xã:" what it did, then "Tháng 01/2026, tăng cường ...")
            directing[section] = k
        elif (not is_head and role == "task" and section is not None and section not in directing and header.planned_months
              and k > 0 and plan[k - 1][2] == "other" and plan[k - 1][7] == section and not above(section)):
            # "Chủ tịch Ủy ban nhân dân phường giao:" then its points, in a section of no role: what stands before
            # the lead-in is the assessment
            directing[section] = k - 1
    for k, ((s, e, role, path, key, is_head, month_src, section), spans) in enumerate(zip(plan, sentences, strict=True)):
        if not is_head:
            # (the paragraph that turns to the work given is read as results too: its sentences before the turn are)
            mixed = False
            if role == "other" and section is not None and k <= directing.get(section, -1) and not text[s:e].rstrip().endswith(":") \
                    and "|" not in text[s:e] and "\t" not in text[s:e] and not _opens_caption(folded, s) and not _bracketed_note(text[s:e]):
                role = "result"  # (not a lead-in, nor a row of a table)
                mixed = True
            emit(spans, role, path, key, pre_counts.get(key, 1), month_src, section, may_give[k], mixed)
    if items and not article and (header.planned_months or header.reported_months) \
            and len(header.planned_months or ()) <= 3 and len(header.reported_months or ()) <= 3:
        # (a monthly notice's months: a decision's or a plan's span of years is no month of work reported or planned)
        items = _roles_by_sentence(items, folded, header, periods)
        if roleless:
            items = _roles_of_unnamed_parts(items, roleless, folded, header, periods)
    return items


#: the fewest sentences a notice's body holds for its roles to be read sentence by sentence (:func:`_roles_by_sentence`)
_FALLBACK_MIN_ITEMS = 6
#: ... and when fewer than one in this many of its sentences got a role from its parts' words (one task found by its
#: date in a part named in words not known leaves the rest of the notice unread)
_FALLBACK_KNOWN_SHARE = 6


def _roles_of_unnamed_parts(items: list[Item], roleless: set[str], folded: str, header: Header, periods: Periods) -> list[Item]:
    """The roles in a part whose heading names none, after a part that does: "◇ KẾT QUẢ" then "◇ HƯỚNG TỚI", "A. KẾT QUẢ THÁNG
    5/2026" then "B. SẮP TỚI" — each sentence of the unnamed part read along it by its own words (:func:`sentence_role.decode`,
    as :func:`_roles_by_sentence` reads a notice none of whose parts is named), a sentence already read as work to do
    standing for it. Only where the notice names one of the two and not the other, and only after the results named (or
    before the work named): what stands before the results is the meeting's opening, what follows both a discussion, a vote
    or the reasons, none of the month's work."""
    named = {it.role for it in items if it.section not in roleless}
    if "task" not in named and "result" in named:
        # the results named, the work to do not: the unnamed parts after the first result ("B. SẮP TỚI")
        after = next(k for k, it in enumerate(items) if it.role == "result" and it.section not in roleless)
        before = len(items)
    elif "result" not in named and "task" in named:
        # the work to do named, what was done not: the unnamed parts before the first task ("I. ĐIỂM QUA THÁNG 5")
        after = -1
        before = next(k for k, it in enumerate(items) if it.role == "task" and it.section not in roleless)
    else:
        return items  # (both named: an unnamed part is a discussion, a vote, the reasons, not the month's work)
    sections: dict[str, list[int]] = {}
    for k, it in enumerate(items):
        if after < k < before and it.section in roleless and it.role in {"other", "result", "task"} \
                and not it.text.rstrip().endswith(":") and len(it.text.split()) > 3 and it.text != it.text.upper():
            sections.setdefault(it.section, []).append(k)
    out = list(items)
    for ks in sections.values():
        if len(ks) >= 2:
            _decode_section(items, out, ks, folded, header, periods, anchor_results=False)
    return out


def _roles_by_sentence(items: list[Item], folded: str, header: Header, periods: Periods) -> list[Item]:
    """The roles of a notice none of whose parts this reader knows by its words — (nearly) every item read "other", where the
    notice reports or plans a month (its headings in an office's own words, hands ND, PD and QA before their words were
    taught): each sentence's own words decide, read along the section it stands in (:func:`ingest.sentence_role.decode`,
    the model learned on the development series), a limitation's words making it one. A heading-like line (in capitals,
    a lead-in closing on its colon, three words or fewer) and the meeting's opening before any part stay "other".
    """
    known = sum(1 for it in items if it.role in _KNOWN_ROLES)
    if known * _FALLBACK_KNOWN_SHARE >= len(items):
        return items  # (most notices: their parts known, no sentence needs reading alone)
    body = [k for k, it in enumerate(items)
            if not it.text.rstrip().endswith(":") and len(it.text.split()) > 3 and it.text != it.text.upper()]
    if len(body) < _FALLBACK_MIN_ITEMS or known * _FALLBACK_KNOWN_SHARE >= len(body):
        return items
    body = [k for k in body if items[k].role in {"other", "task", "result"}]
    first_part = next((k for k in body if items[k].section is not None), None)
    out = list(items)
    sections: dict[str | None, list[int]] = {}
    for k in body:
        if items[k].section is None and first_part is not None and k < first_part:
            continue  # the opening before the first part: who met, when, on what
        sections.setdefault(items[k].section, []).append(k)
    for ks in sections.values():
        _decode_section(items, out, ks, folded, header, periods, anchor_results=True)
    return out


def _decode_section(items: list[Item], out: list[Item], ks: list[int], folded: str, header: Header, periods: Periods,
                    anchor_results: bool) -> None:
    """The roles of the sentences ``ks`` of one section read along it by their own words (:func:`sentence_role.decode`),
    written into ``out``. A sentence that got its role already stands for it (a result only when ``anchor_results``: a
    part of no name may hold results the meeting's rule gave it), and its neighbours lean its way; one that turns to the
    month ahead, "Tháng tới, ...", or says what is still to do is work to do, as in a field's mixed paragraph; a
    limitation's words make one. With ``anchor_results``, only the sentences read "other" change."""
    to_do = sentence_role.decode(
        0.99 if items[k].role == "task"
        or _looks_ahead(folded, items[k].start, header.planned_months, header.reported_months)
        or _still_to_do(folded[items[k].start : items[k].end], header.planned_months, header.date, strong=True)
        else 0.01 if anchor_results and items[k].role == "result"
        else sentence_role.task_probability(folded[items[k].start : items[k].end], header.date, header.planned_months,
                                            header.reported_months) for k in ks)
    for k, task in zip(ks, to_do, strict=True):
        it = items[k]
        if anchor_results and it.role != "other":
            continue
        f = folded[it.start : it.end]
        role = "limitation" if _limitation_sentence(it.text, f) else "task" if task else "result"
        if role != it.role:
            period, months = _item_period(it.text, None, header, role, periods, f[:160])
            out[k] = new_item(it.id, it.path, role, period, it.text, it.start, it.end, it.section, months)
