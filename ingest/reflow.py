"""Text copied from a PDF into a .txt or a mail: lines broken at a fixed width, page furniture between pages.

A ward office often keeps a notice as the text it copied out of a PDF: every line
is cut at 70-100 characters in the middle of a sentence, and each page ends with
its number ("2", "- 3 -") and starts again with a running header ("ĐẢNG ỦY XÃ
KRÔNG RƠK - BC tháng 9/2026"). Read line by line, every fragment would be an item
of its own. :func:`reflow` recognises such a text and joins each wrapped line with
the next, and takes the page numbers and running headers out. Text whose lines are
whole paragraphs (the usual .txt, .docx and the PDF reader's own output) is returned
unchanged.
"""

from __future__ import annotations

import re
from collections import Counter

# a line that is only a page number: "2", "- 3 -", "Trang 3", "3/10"
_PAGE_NUMBER = re.compile(r"^(?:-[ ]*)?(?:[Tt]rang[ ]+)?\d{1,3}(?:[ ]*/[ ]*\d{1,3})?(?:[ ]*-)?$")
# a line that starts a new item or heading: "- ", "+ ", "a) ", "1. ", "1.2. ", "II. ", "A. ", "(1)"
# ("2.401 hồ sơ" and "16.420 học sinh", a figure wrapped to the start of a line, do not)
#: the glyph bullets of a word processor's list styles and of a clerk's typing ("▪ Đã làm được trong tháng 01:", "☐ Thu ngân
#: sách ...", "→ Duy trì ..."): a point of their own here, a level of their own in :mod:`ingest.structure`
BULLET_GLYPHS = "▪▫◦●○■□◼◻►▸▶➢➤➔➜→⇒❖◆◇♦✓✔☐☑"
# ("b- Kiểm tra ..." of a clerk's letters with a dash, "☐ Thu ngân sách ...", "→ Duy trì ...": hands ZC, VC, UD)
_STARTS_ITEM = re.compile(r"^(?:[-+•–—*" + BULLET_GLYPHS + r"]|[a-zđ][ ]*\)|[a-zđ]-[ ]|\(\w{1,3}\)"
                          r"|\d{1,2}(?:\.\d{1,2})*[.)](?!\d)|[IVXL]{1,5}[.)\-]|[A-H][.)][ ])")
# "ngày 14" / "- 15/8, sơ tán ...", "(27/7/1947" / "- 27/7/2026)": a range wrapped at its dash is not a bullet
_RANGE_GOES_ON = re.compile(r"^[-–][ ]*\d")
_TERMINAL = tuple(".:;!?…)\"”»")
#: the longest line width at which a text still reads as hard-wrapped (a paragraph per line is longer)
MAX_WIDTH = 110
#: a line at this share of the width or more was cut there (the next word did not fit)
_FULL = 0.7
#: ... and a numbered line (a heading's shape) at this share
_FULL_HEADING = 0.85
_NUMBERED = re.compile(r"(?:\d{1,2}(?:\.\d{1,2})*[.)]|[IVXL]{1,5}[.)]|[a-zđ]\)|\(\w{1,3}\))[ ]")
#: "3.", "12)": a figure that ends a sentence wrapped alone to the next line, not a point (which has words)
_ONLY_NUMBER = re.compile(r"\d{1,4}[.,;:)]?")


def _width(lines: list[str]) -> int:
    """The width the text was wrapped at: the 90th percentile of the lengths of its longer lines."""
    # a table's rows ("1 | Nội dung | Chủ trì | Thời gian") run as long as their cells: not the prose's width
    lengths = sorted(len(x) for x in lines if len(x) >= 30 and " | " not in x and "\t" not in x)
    return lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0


def is_hard_wrapped(lines: list[str]) -> bool:
    """Most lines near the wrap width stop in the middle of a sentence.

    >>> is_hard_wrapped(["Ban Thường vụ Đảng ủy xã báo cáo kết quả lãnh đạo thực hiện nhiệm vụ quý III và", "phương hướng."] * 6)
    True
    >>> is_hard_wrapped(["Tổ chức thành công Đại hội Chi bộ các tổ dân phố nhiệm kỳ 2025 - 2030 đúng quy định."] * 12)
    False
    """
    width = _width(lines)
    if not 40 <= width <= MAX_WIDTH:
        return False
    near = [k for k, x in enumerate(lines) if len(x) >= 0.75 * width]
    open_ended = [k for k in near if not lines[k].rstrip().endswith(_TERMINAL)]
    if len(near) >= 6 and len(open_ended) >= 0.5 * len(near):
        return True
    # a terse notice whose points are mostly one short line each: its few long points still run on to a next line in
    # lower case ("3. Đẩy mạnh cấp định danh điện tử mức 2 ..., ưu tiên" / "thôn Phja Đén."), which a text of one
    # paragraph a line never does
    # (a figure goes on too: "... theo Nghị quyết số" / "68-NQ/TW."; a table's cells "1", "x" on lines of their own do not)
    goes_on = [k for k in open_ended if k + 1 < len(lines) and not _STARTS_ITEM.match(lines[k + 1]) and (
        lines[k + 1][:1].islower() or lines[k + 1][:1].isdigit() and len(lines[k + 1].strip()) >= 8
        and not _PAGE_NUMBER.match(lines[k + 1].strip()))]
    return len(goes_on) >= 5 and len(goes_on) >= 0.5 * len(open_ended)


#: the document's own number in its header: "Số 58-TB/ĐU", "Số: 112/BC-UBND"
_OWN_NUMBER = re.compile(r"\bSố[ ]*:?[ ]*(\d+[-/][^\s,;]*[A-ZĐ][^\s,;]*)")
#: how many lines from the top the header's organ and number are looked for
_HEADER_LINES = 12


def _own_marks(lines: list[str]) -> tuple[list[str], list[str]]:
    """The document's own number and the upper-case names of its organ, from the lines of its header:
    what a running header repeats ("Thông báo số 58-TB/ĐU ngày 27/3/2026 của ...", "ĐẢNG ỦY PHƯỜNG X - THÔNG BÁO ...")."""
    head = [x.strip() for x in lines[:_HEADER_LINES] if x.strip()]
    numbers = [m.group(1) for x in head for m in _OWN_NUMBER.finditer(x)]
    organs = [x for x in head if len(x.split()) >= 3 and x == x.upper() and any(c.isalpha() for c in x)
              and not x.startswith(("ĐẢNG CỘNG SẢN", "CỘNG HÒA", "CỘNG HOÀ", "ĐỘC LẬP"))]
    return numbers, organs


def _furniture(lines: list[str]) -> set[int]:
    """Indexes of page numbers and of the running headers next to them (a line repeated by page, or one
    that names the document's own number or organ, as its header gives them)."""
    numbers = {k for k, x in enumerate(lines) if _PAGE_NUMBER.match(x.strip())}
    if not numbers:
        return set()
    counts = Counter(x.strip() for x in lines if x.strip())
    own_numbers, organs = _own_marks(lines)
    out = set(numbers)

    def nearest(k: int, step: int) -> int | None:
        j = k + step
        while 0 <= j < len(lines) and not lines[j].strip():
            j += step
        return j if 0 <= j < len(lines) and j not in numbers else None

    for k in numbers:
        after, before = nearest(k, 1), nearest(k, -1)
        for j, alone_ok in ((after, True), (before, False)):
            if j is None:
                continue
            text = lines[j].strip()
            if len(text) > 100 or _STARTS_ITEM.match(text) or text.endswith(_TERMINAL):
                continue
            # repeated on every page; or, after the number, a line alone before a blank (a two-page text)
            alone = alone_ok and (j + 1 >= len(lines) or not lines[j + 1].strip())
            # or a line that starts in capitals and names the document itself (a two-page text whose
            # page breaks inside a paragraph: the running header is the only line between its halves)
            names_itself = j >= _HEADER_LINES and text[:1].isupper() and (
                any(n in text for n in own_numbers) or any(o in text for o in organs))
            if counts[text] >= 2 or alone or names_itself:
                out.add(j)
    return out


_INLINE_POINT = re.compile(r"(\()?(\d{1,2}|[a-zđ])\)[ ]")


def _goes_on_inline(paragraph: str, line: str) -> bool:
    """Whether ``line`` opens the next of the points a paragraph numbers inside itself ("... sau: (1) ...; (2) ...;"):
    a wrapped line that starts on "(3) " after a paragraph holding "(2) " goes on with it.

    >>> _goes_on_inline("Tập trung: (1) thu ngân sách; (2) bầu cử; và", "(3) tuyển quân.")
    True
    >>> _goes_on_inline("1. Tập trung thu ngân sách.", "2) Bầu cử.")
    False
    """
    m = _INLINE_POINT.match(line)
    if m is None:
        return False
    label = m.group(2)
    if label.isdigit():
        before = str(int(label) - 1)
    elif label in "ađ":
        return False
    else:
        before = "d" if label == "e" else chr(ord(label) - 1)
    opening = "(" if m.group(1) else ""
    k = paragraph.find(f" {opening}{before}) ")
    return k > 0 and not paragraph.startswith(f"{opening}{before})")


def reflow(text: str) -> str:
    """Join the lines of a hard-wrapped text into paragraphs; drop its page numbers and running headers.

    >>> wrapped = ("Đến ngày 25/9, đã hoàn thành di dời 16 hộ còn lại về khu dân cư vượt lũ Mương Khai, nâng\\n"
    ...            "tổng số hộ di dời lên 37/37 hộ.\\n+ Đã gia cố 03 đoạn đê bao xung yếu với tổng chiều dài 640 m tại ấp\\n"
    ...            "Rạch Chanh; lực lượng ứng cứu được bố trí sẵn sàng.\\n") * 4
    >>> reflow(wrapped).split("\\n")[:2]
    ['Đến ngày 25/9, đã hoàn thành di dời 16 hộ còn lại về khu dân cư vượt lũ Mương Khai, nâng tổng số hộ di dời lên 37/37 hộ.', '+ Đã gia cố 03 đoạn đê bao xung yếu với tổng chiều dài 640 m tại ấp Rạch Chanh; lực lượng ứng cứu được bố trí sẵn sàng.']

    A figure wrapped to the start of a line is not a numbered point, a range wrapped at its dash ("ngày 14" /
    "- 15/8") is not a bullet, and a clause ending on ";" goes on in lower case:

    >>> wrapped = ("Chi ngân sách địa phương 7 tháng ước đạt 9.560 tỷ đồng, bằng 51,9% dự toán; thu nội địa ước\\n"
    ...            "2.401 tỷ đồng, tăng 9,8% so với cùng kỳ; các khoản chi thường xuyên bảo đảm đúng dự toán và\\n"
    ...            "kịp thời. Chủ động ứng phó cơn bão số 3 và đợt mưa lớn ngày 14\\n- 15/8, sơ tán 46 hộ. Chỉ đạo các\\n"
    ...            "trường học tổ chức Lễ khai giảng năm học 2026 - 2027 an toàn, tiết kiệm, đúng quy định;\\n"
    ...            "huy động 100% trẻ 6 tuổi vào lớp 1, bảo đảm đủ giáo viên, sách giáo khoa cho năm học mới.\\n") * 4
    >>> len(reflow(wrapped).split("\\n")[0].split(". "))  # one paragraph of three sentences
    3
    """
    lines = text.split("\n")
    if not is_hard_wrapped(lines):
        return text
    width = _width(lines)
    drop = _furniture(lines)
    kept: list[str] = []
    for k, line in enumerate(lines):
        if k in drop:
            # a page break inside a paragraph: the blank lines around the furniture go too
            while kept and not kept[-1].strip() and kept[-2:-1] and not kept[-2].rstrip().endswith(_TERMINAL):
                kept.pop()
            continue
        if not line.strip() and k - 1 in drop:
            continue
        kept.append(line)
    out: list[str] = []
    last = ""  # the last line as the text had it (``out[-1]`` may be several joined)
    for line in kept:
        prev = out[-1] if out else ""
        stripped = line.strip()
        joins = (
            stripped
            and len(prev) >= 0.6 * width
            # a line that goes on in capitals ("1. Về kết quả thực hiện nhiệm vụ tháng 02" / "Tháng 02 là tháng ...") was cut
            # only when it is near the width: the next word would not fit; a shorter one ends a heading or a paragraph
            # (a numbered line nearer still: "2. Về công tác chuẩn bị Tết Nguyên đán năm 2026" is a heading)
            and (not stripped[0].isupper() or len(last) >= (_FULL_HEADING if _NUMBERED.match(last) else _FULL) * width)
            # a clause ends on ";" or "," and the sentence goes on in lower case or on a figure: "... an toàn, tiết kiệm;" /
            # "huy động ...", "... tại 04 thôn An Lạc, Phú Mỹ;" / "02 thôn Mỹ Thạnh chưa ..."
            and (not prev.rstrip().endswith(_TERMINAL)
                 or (prev.rstrip().endswith((";", ",", ":")) and (stripped[0].islower() or stripped[0].isdigit())))
            # "... đạt chỉ tiêu 90% trong tháng" / "3." (a month wrapped alone, no point without words)
            and (not _STARTS_ITEM.match(stripped) or _RANGE_GOES_ON.match(stripped) and prev.rstrip()[-1:].isdigit()
                 or _ONLY_NUMBER.fullmatch(stripped) is not None)
            # a table's rows ("1 | Nội dung | Chủ trì", "| 2 | … |") are lines of their own
            and " | " not in prev and " | " not in stripped and not stripped.startswith("|")
            # an upper-case heading starts a paragraph; "2030 - 2035." (no letter) does not
            and not (stripped == stripped.upper() and any(c.isalpha() for c in stripped))
            # ... and ends one: "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 01 NĂM 2026" / "Tháng 01 năm 2026 diễn ra ..."
            and not (prev == prev.upper() and any(c.isalpha() for c in prev))
        )
        if not joins and stripped and len(last) >= _FULL * width and _goes_on_inline(prev, stripped):
            joins = True  # "...; (3) tập trung ...; (4)" / "(5) ra quân ...": a paragraph's own points, wrapped
        if joins:
            out[-1] = prev.rstrip() + " " + line.strip()
        else:
            out.append(line)
        last = line
    return "\n".join(out)
