"""Bodies, the role grammar: which body mentioned in a clause or heading is assigned a
task (``lead``), works with it (``partner``) or is only named (``mention``); and the
closing assignment of a document ("Giao các đồng chí ... tổ chức thực hiện").

The rules are the named patterns below, on folded text; the bodies themselves come
from :mod:`ingest.body_registry`.
"""

from __future__ import annotations

import re
from typing import Any

import regex

from ingest.body_registry import SP, WB_R, RawMention
from ingest.models import Item
from ingest.normalize import fold
from ingest.prefilter import re_agrees, re_twin

# A clause ends at a ". ; : ! ?" before a space (or the end), or at a line break: "[.;:!?](?=\s|$)|\n" written as one
# class first, so that a search skips to those characters rather than trying both options at every place
_CLAUSE_END = re.compile(r"[.;:!?\n](?:(?<=\n)|(?=\s|$))")

# Bullets and numbering at the start of a clause: "- ", "+ ", "(1) ", "1.1. ", "a) ", "2.2.1."
_MARKER = regex.compile(r"\s*(?:[-+•*]\s*|\(\d+\)\s*|\d+(?:\.\d+)*\.?\s+|[a-zđ]\)\s*|[ivx]+\.\s+)*")

# Discourse openers before a subject: "Đồng thời, UBND phường ...", "Trong đó, Công an phường ..."
_OPENER = regex.compile(
    r"\s*(?:(?:dong" + SP + r"thoi|trong" + SP + r"do|ngoai" + SP + r"ra|ben" + SP + r"canh" + SP + r"do|theo" + SP + r"do"
    r"|tren" + SP + r"co" + SP + r"so" + SP + r"do)\s*,\s*)?"
)

# Words that may stand before or between the bodies of a list:
#   "Giao [các đồng chí Ủy viên] BTV Đảng ủy, [ủy viên] BCH đảng bộ, ..."
#   "chỉ đạo [lực lượng] Công an phường tăng cường ..."
_FILLER_WORDS = (
    r"cac|nhung|toan" + SP + r"the|tap" + SP + r"the|dong" + SP + r"chi|uy" + SP + r"vien|pho" + SP + r"bi" + SP + r"thu"
    r"|bi" + SP + r"thu|lanh" + SP + r"dao|luc" + SP + r"luong|can" + SP + r"bo|pho" + SP + r"chu" + SP + r"tich"
    r"|chu" + SP + r"tich|thanh" + SP + r"vien|cap" + SP + r"uy|ban" + SP + r"chi" + SP + r"dao|moi"
)
_FILLERS = regex.compile(r"(?:(?:" + _FILLER_WORDS + r")" + WB_R + r"\s*)*")
# Between two bodies of one list: "," "và" "cùng" "; " plus fillers
_GAP = regex.compile(r"\s*(?:,|;|va|cung|voi|hoac)?\s*(?:(?:" + _FILLER_WORDS + r")" + WB_R + r"\s*)*")

# Adverbs before a verb: "Tiếp tục chỉ đạo", "Kịp thời chỉ đạo, hướng dẫn"
_ADVERBS = r"(?:(?:tiep" + SP + r"tuc|tap" + SP + r"trung|kip" + SP + r"thoi|thuong" + SP + r"xuyen|dong" + SP + r"thoi,?|tang" + SP + r"cuong|day" + SP + r"manh)" + SP + r")*"

# A verb that hands the task to the bodies after it:
#   "Giao Ủy ban Kiểm tra ...", "Chỉ đạo các chi, đảng bộ trực thuộc ...",
#   "Lãnh đạo, chỉ đạo UBND ...", "chỉ đạo, hướng dẫn các chi, đảng bộ ..."
_ASSIGN_VERB = (
    r"(?P<verb>giao(?:" + SP + r"cho)?|(?:lanh" + SP + r"dao\s*,?\s*)?chi" + SP + r"dao|yeu" + SP + r"cau|de" + SP + r"nghi|phan" + SP + r"cong|huy" + SP + r"dong)"
    r"(?:\s*(?:,|va)\s*(?:huong" + SP + r"dan|don" + SP + r"doc|chi" + SP + r"dao|giao))*" + WB_R + r"\s+"
)
_ASSIGN_AT_START = regex.compile(_ADVERBS + _ASSIGN_VERB)
# The same verb after a subject: "Ban Thường vụ Đảng ủy| giao Văn phòng Đảng ủy ..."
_ASSIGN_AFTER_SUBJECT = regex.compile(r"\s*" + _ADVERBS + _ASSIGN_VERB)
# The same verb after a comma inside a clause: "..., chỉ đạo lực lượng Công an phường tăng cường"
# ("va" a word of its own: not after a word character, as ``\bva`` reads it, but each option opening on its
# letter, so that a search skips to the commas and the v's rather than trying every place of the clause)
_ASSIGN_INSIDE = regex.compile(r"(?:,|v(?<!\wv)a)\s+" + _ADVERBS + _ASSIGN_VERB)

# Before a body that heads a list of tasks: "Đối với| Công an phường:", "Giao| UBND phường:"
_FOR_BODY = regex.compile(r"(?:doi" + SP + r"voi|giao|de" + SP + r"nghi|yeu" + SP + r"cau)" + SP)

# "X chủ trì", "X (làm) đầu mối": the lead
_CHAIRS = regex.compile(r"\s*,?\s*(?:chu" + SP + r"tri|lam" + SP + r"dau" + SP + r"moi|la" + SP + r"co" + SP + r"quan" + SP + r"chu" + SP + r"tri)" + WB_R)
# "phối hợp (chặt chẽ) (với|cùng) Y": partners
_COOPERATE = regex.compile(
    r"(?:phoi" + SP + r"hop|cung" + SP + r"voi)(?:" + SP + r"chat" + SP + r"che)?(?:" + SP + r"(?:voi|cung))?" + WB_R + r"\s*"
)

# After a subject list, words showing it is not the subject:
#   "UBND| của ...", "Đảng ủy| về ...", "Quốc hội| năm ..."
_NOT_A_PREDICATE = regex.compile(
    r"\s*(?:cua|ve|tai|trong|theo(?!" + SP + r"doi)|doi" + SP + r"voi|nam|den|tu|o|nhu|la|quy|thang|ngay|so)" + WB_R
    + r"|\s*(?:$|[.;:)])"
)

# In the closing assignment, a predicate of oversight makes a partner:
#   "Ủy ban Kiểm tra, Văn phòng Đảng ủy phường thường xuyên kiểm tra, đôn đốc việc thực hiện"
#   "... chịu trách nhiệm giúp Đảng ủy theo dõi, kiểm tra, đôn đốc"
_OVERSIGHT = regex.compile(r"\b(?:theo" + SP + r"doi|don" + SP + r"doc|giup" + SP + r"(?!viec)|giam" + SP + r"sat" + SP + r"viec)")
_EXECUTE = regex.compile(r"^\s*(?:\S+\s+){0,4}?(?:to" + SP + r"chuc|trien" + SP + r"khai)" + SP + r"thuc" + SP + r"hien")


class _Grammar:
    """The patterns of the role grammar above, as one object: compiled by ``regex`` (``twin`` false: the
    module's own), or the same sources by ``re`` (:func:`ingest.prefilter.re_twin`: half the cost of a
    call), for a text :func:`ingest.prefilter.re_agrees` accepts (``clause_roles`` makes ≈ 300 calls a notice)."""

    def __init__(self, twin: bool) -> None:
        def c(p: regex.Pattern[str]) -> Any:
            return re_twin(p.pattern) if twin else p

        self.marker = c(_MARKER)
        self.opener = c(_OPENER)
        self.fillers = c(_FILLERS)
        self.gap = c(_GAP)
        self.assign_at_start = c(_ASSIGN_AT_START)
        self.assign_after_subject = c(_ASSIGN_AFTER_SUBJECT)
        self.assign_inside = c(_ASSIGN_INSIDE)
        self.for_body = c(_FOR_BODY)
        self.chairs = c(_CHAIRS)
        self.cooperate = c(_COOPERATE)
        self.not_a_predicate = c(_NOT_A_PREDICATE)
        self.oversight = c(_OVERSIGHT)
        self.execute = c(_EXECUTE)


#: the grammar by whether the text agrees (``_GRAMMARS[re_agrees(folded)]``)
_GRAMMARS = (_Grammar(False), _Grammar(True))

# "Nơi nhận:" — the recipients block
RECIPIENTS = regex.compile(r"(?m)^[ *]*noi" + SP + r"nhan\s*:?")

CLOSING = regex.compile(
    r"(?:to" + SP + r"chuc|trien" + SP + r"khai)" + SP + r"thuc" + SP + r"hien"
    r"|theo" + SP + r"doi\s*,\s*kiem" + SP + r"tra|kiem" + SP + r"tra\s*,\s*don" + SP + r"doc|^\s*giao" + SP + r"cac" + SP + r"dong" + SP + r"chi"
)


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    s = start
    for m in _CLAUSE_END.finditer(text, start, end):
        if m.start() > s:
            out.append((s, m.start()))
        s = m.end()
    if s < end:
        out.append((s, end))
    return out


def _body_list(folded: str, ms: list[RawMention], pos: int, end: int, g: _Grammar) -> tuple[list[RawMention], int]:
    """The bodies listed from ``pos`` on: "X, Y và các Z" (gaps of commas and fillers)."""
    found: list[RawMention] = []

    def next_at(a: int, b: int) -> RawMention | None:
        # a mention starting between a and b (the span of fillers/commas); "các trường học" keeps its "các"
        return next((m for m in ms if a <= m.start <= b and m.start < end), None)

    m = next_at(pos, g.fillers.match(folded, pos).end())
    while m is not None:
        found.append(m)
        gm = g.gap.match(folded, m.end, end)
        m = next_at(m.end, gm.end() if gm else m.end)
    return found, (found[-1].end if found else pos)


def _assign(mentions: list[RawMention], role: str, roles: dict[int, str]) -> None:
    for m in mentions:
        old = roles.get(id(m))
        if old == "lead" and role == "partner":
            continue
        roles[id(m)] = role


def clause_roles(text: str, folded: str, s: int, e: int, ms: list[RawMention], assignment: bool, issuer_level: str | None) -> dict[int, str]:
    """lead/partner for the mentions of one clause (keyed by id())."""
    roles: dict[int, str] = {}
    if not ms:
        return roles
    g = _GRAMMARS[re_agrees(folded)]
    pos = g.marker.match(folded, s, e).end()
    pos = g.opener.match(folded, pos, e).end()

    def closing_role(lst_end: int) -> str:
        if not assignment:
            return "lead"
        rest = folded[lst_end:e]
        if g.execute.match(rest):
            return "lead"
        return "partner" if g.oversight.search(rest) else "lead"

    def upper(m: RawMention) -> bool:
        order = {"tw": 0, "tinh": 1, "xa": 2, "co-so": 3}
        return issuer_level is not None and order.get(m.bt.level, 2) < order.get(issuer_level, 2)

    # 0. "UBND phường: ...", "Đối với Công an phường: ..." — the bodies before a colon own the rest
    if e < len(folded) and folded[e] == ":":
        h = g.for_body.match(folded, pos, e)
        lst, lend = _body_list(folded, ms, h.end() if h else pos, e, g)
        if lst and not folded[lend:e].strip():
            for m in lst:
                roles[id(m)] = "lead"
            return roles
    # 1. "Giao/Chỉ đạo/Đề nghị X ..." at the start of the clause
    a = g.assign_at_start.match(folded, pos, e)
    if a:
        lst, lend = _body_list(folded, ms, a.end(), e, g)
        verb = fold(a.group("verb"))
        for m in lst:
            if verb.startswith(("de nghi", "yeu cau")) and upper(m):
                continue  # a request to a higher level is not an assignment
            roles[id(m)] = closing_role(lend)
    else:
        # 2. a subject list: "Hội đồng nhân dân phường tiếp tục ...", "Công an phường tăng cường ..."
        lst, lend = _body_list(folded, ms, pos, e, g)
        if lst and not g.not_a_predicate.match(folded, lend, e):
            v = g.assign_after_subject.match(folded, lend, e)
            if v and fold(v.group("verb")).startswith(("giao", "yeu cau", "de nghi", "phan cong")):
                # "Ban Thường vụ yêu cầu X ...": X leads, the one asking does not
                lst2, lend2 = _body_list(folded, ms, v.end(), e, g)
                for m in lst2:
                    roles[id(m)] = closing_role(lend2)
            else:
                for m in lst:
                    if not upper(m) or assignment:
                        roles[id(m)] = closing_role(lend)
                if v:
                    lst2, lend2 = _body_list(folded, ms, v.end(), e, g)
                    for m in lst2:
                        roles[id(m)] = closing_role(lend2)
    # 3. "..., chỉ đạo lực lượng Công an phường tăng cường ..." inside the clause
    for a in g.assign_inside.finditer(folded, pos, e):
        lst, lend = _body_list(folded, ms, a.end(), e, g)
        if lst and not g.not_a_predicate.match(folded, lend, e):
            for m in lst:
                roles.setdefault(id(m), closing_role(lend))
    # 4. "X chủ trì": lead, wherever it stands ("do X chủ trì", "Giao X chủ trì, ...")
    for m in ms:
        if g.chairs.match(folded, m.end, e):
            roles[id(m)] = "lead"
    # 5. "phối hợp (với) Y, Z": partners
    for c in g.cooperate.finditer(folded, pos, e):
        lst, _ = _body_list(folded, ms, c.end(), e, g)
        _assign(lst, "partner", roles)
    return roles


# A heading that hands what follows to bodies is short: "Giao UBND phường:",
# "4.10. Phòng Văn hóa - Xã hội phường chủ trì, phối hợp với Công an phường:";
# the long lead-in "Ban Thường vụ Đảng ủy yêu cầu các cơ quan ..., HĐND, UBND ...
# tập trung chỉ đạo, tổ chức thực hiện tốt một số nhiệm vụ trọng tâm sau:" is not.
HEADING_MAX = 160


#: a point's own marker before its text ("- ", "– ", "+ ", "a) "): the bodies of the heading above the point lead it, as
#: they lead an unmarked paragraph under it ("1. Đối với Ủy ban nhân dân phường:" / "- Vận động ...", hand MC)
_POINT_MARK = re.compile(r"[ \t]*(?:[-–—+•*▪]|[a-zđ]\))[ \t]*")


def heading_roles(
    text: str, folded: str, item: Item, ms: list[RawMention], issuer_level: str | None
) -> list[tuple[RawMention, str]]:
    """Bodies (and roles) of a heading that hands the item under it to them.

    * inline: "4.10. Phòng Văn hóa - Xã hội phường chủ trì, phối hợp với Công an
      phường: nâng cao ..." when the item starts after the colon, or is a later clause or point
      of that line's list ("Giao Công an xã: X; Y; Z");
    * a line above: "Giao Ủy ban nhân dân phường:\n- Chỉ đạo ...\n- Rà soát ...",
      reached over sibling bullets only.
    """
    line_start = text.rfind("\n", 0, item.start) + 1

    def roles_of(hs: int, he: int) -> list[tuple[RawMention, str]]:
        colon = text.rfind(":", hs, he)
        if colon < 0 or text[colon + 1 : he].strip() or colon - hs > HEADING_MAX:
            return []
        hm = [m for m in ms if hs <= m.start < colon]
        roles = clause_roles(text, folded, hs, colon, hm, False, issuer_level)
        return [(m, roles[id(m)]) for m in hm if id(m) in roles]

    prefix = text[line_start : item.start]
    if prefix.strip() and not _POINT_MARK.fullmatch(prefix):
        if prefix.rstrip().endswith(":"):
            return roles_of(line_start, item.start)
        # a later clause or point of a body's list ("Giao Ủy ban nhân dân xã: X; Y; Z", "…: (1) X; (2) Y"): the lead-in's bodies
        colon = text.find(":", line_start, min(item.start, line_start + HEADING_MAX + 1))
        if colon > 0 and prefix.rstrip().endswith(";"):
            return roles_of(line_start, colon + 1)
        return []
    steps = 0
    while line_start > 0 and steps < 40:
        prev_end = line_start - 1
        prev_start = text.rfind("\n", 0, prev_end) + 1
        line = text[prev_start:prev_end].strip()
        if not line:
            line_start = prev_start
            steps += 1
            continue
        if line.endswith(":"):
            return roles_of(prev_start, prev_end)
        if not _POINT_MARK.match(line):
            return []
        line_start = prev_start
        steps += 1
    return []


