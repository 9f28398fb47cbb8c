"""Bodies: registry <-> examples, scoping, roles, golden seeds, people, speed."""

from __future__ import annotations

import re

import pytest

from ingest.bodies import extract_bodies
from ingest.body_registry import (
    _data,
    body_registry,
    body_types,
    document_scope,
    registry_matches,
)
from ingest.models import Header, Item, Signer
from ingest.normalize import fold, normalize
from ingest.people import extract_people, find_signer
from tests.golden_bodies import golden_files, load

WARD = Header(unit="phường Đồ Sơn", issuer="Ban Thường vụ Đảng ủy phường Đồ Sơn")

# --- the registry is data with examples, checked both ways ------------------------

ENTRIES = body_registry()


def test_registry_entries_are_well_formed():
    ids = [e["id"] for e in ENTRIES]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for e in ENTRIES:
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", e["id"]), e["id"]
        assert e["kind"] in {"party", "state", "front", "mass", "upper"}
        assert e["level"] in {"tw", "tinh", "xa", "co-so"}
        assert e["aliases"] and e["examples"], e["id"]
        # ward organs name their ward (a school its own name), city organs their city, central ones nothing
        assert ("{unit}" in e["name"] or "{proper}" in e["name"]) == (e["scope"] == "unit"), e["id"]
        if e["scope"] == "city":
            assert "{city" in e["name"] or "{tu}" in e["name"], e["id"]
        twin = e.get("city_twin")
        assert twin is None or twin in ids, e["id"]
    # the groups the issue names
    for needed in ("btv", "tt-dang-uy", "ubkt", "vpdu", "ban-xdd", "chi-bo-tdp", "hdnd", "tt-hdnd", "ubnd", "hcc",
                   "cong-an", "bchqs", "mttq", "doan-tn", "hoi-lhpn", "hoi-ccb", "hoi-nong-dan", "hoi-lhtn",
                   "thanh-uy", "btv-tu", "ubnd-tinh", "vp-ubnd-tinh", "bo-chinh-tri", "ban-bi-thu", "chinh-phu",
                   "thu-tuong", "bo", "so"):
        assert needed in ids, needed


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e["id"])
def test_every_example_is_matched_whole_as_its_entry(entry):
    for ex in entry["examples"]:
        text = normalize(ex)
        assert registry_matches(text) == [(entry["id"], 0, len(text))], ex


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.get("counter_examples")], ids=lambda e: e["id"])
def test_counter_examples_are_not_the_entry(entry):
    for ex in entry["counter_examples"]:
        assert entry["id"] not in [m[0] for m in registry_matches(normalize(ex))], ex


def _expand(alias: str) -> str:
    d = _data()
    alias = alias.replace("{tu}", d["placeholders"]["tu"][0]).replace("{city}", d["placeholders"]["city"][0])
    return alias.replace("{domain}", d["domains"][0][0])


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e["id"])
def test_every_alias_reaches_its_entry(entry):
    # no alias is shadowed by another entry's longer alias
    for alias in entry["aliases"]:
        text = _expand(alias) + (" Ngọc Xuyên" if entry.get("named") else "")
        found = registry_matches(normalize(text))
        assert found and found[0][0] == entry["id"], (alias, found)


@pytest.mark.parametrize(
    "text",
    [
        "Số -TB/ĐU",  # the document's own symbol
        "Kế hoạch số 12/KH-UBND",  # inside a symbol
        "DỰ THẢO",  # folds to "du" like "ĐU", but is a word
        "lực lượng công an và nhân dân",  # "Công an" must be capitalised
        "đại biểu HĐND các cấp",  # every level at once, not one body
        "Ngày thành lập Đoàn Thanh niên Cộng sản Hồ Chí Minh (26/3)",  # an anniversary
        "Phó Thủ tướng Lê Thành Long",  # a person
    ],
)
def test_not_a_body(text):
    assert registry_matches(normalize(text)) == []


# --- scope: a ward's bodies belong to that ward, never to another ----------------

SCOPE_CASES = [
    # (unit of the notice, text, mention, expected id, expected name)
    ("phường Đồ Sơn", "UBND phường tăng cường kiểm tra.", "UBND phường", "ubnd@phuong-do-son", "Ủy ban nhân dân phường Đồ Sơn"),
    ("phường Tân Hưng", "UBND phường tăng cường kiểm tra.", "UBND phường", "ubnd@phuong-tan-hung", "Ủy ban nhân dân phường Tân Hưng"),
    # another ward named in the text is another body
    ("phường Đồ Sơn", "Phối hợp với UBND phường Hải Sơn.", "UBND phường Hải Sơn", "ubnd@phuong-hai-son", "Ủy ban nhân dân phường Hải Sơn"),
    ("xã Tân Tiến", "Uỷ ban nhân dân xã chủ trì.", "Uỷ ban nhân dân xã", "ubnd@xa-tan-tien", "Ủy ban nhân dân xã Tân Tiến"),
    # "Uỷ"/"Ủy" and upper case are the same body
    ("phường Đồ Sơn", "ỦY BAN KIỂM TRA ĐẢNG UỶ", "ỦY BAN KIỂM TRA ĐẢNG UỶ", "ubkt@phuong-do-son", "Ủy ban Kiểm tra Đảng ủy phường Đồ Sơn"),
    ("phường Đồ Sơn", "Cấp ủy chi bộ tổ dân phố 8", "Cấp ủy chi bộ tổ dân phố 8", "chi-bo-tdp-8@phuong-do-son", "Chi bộ Tổ dân phố số 8 phường Đồ Sơn"),
    ("phường Đồ Sơn", "Chi bộ Tổ dân phố số 8", "Chi bộ Tổ dân phố số 8", "chi-bo-tdp-8@phuong-do-son", "Chi bộ Tổ dân phố số 8 phường Đồ Sơn"),
    # central bodies have no scope
    ("phường Đồ Sơn", "Nghị quyết của Bộ Chính trị", "Bộ Chính trị", "bo-chinh-tri", "Bộ Chính trị"),
    ("phường Đồ Sơn", "theo hướng dẫn của Bộ GD&ĐT", "Bộ GD&ĐT", "bo-giao-duc-va-dao-tao", "Bộ Giáo dục và Đào tạo"),
    # the city is not known from the header: the ward's own province-level unit, never guessed
    ("phường Đồ Sơn", "Nghị quyết của Thành uỷ", "Thành uỷ", "thanh-uy@cap-tinh-cua-phuong-do-son", "Thành ủy"),
    ("phường Đồ Sơn", "do UBND thành phố triển khai", "UBND thành phố", "ubnd-tinh@cap-tinh-cua-phuong-do-son", "Ủy ban nhân dân thành phố"),
    # a city named in the mention
    ("phường Đồ Sơn", "UBND thành phố Hải Phòng", "UBND thành phố Hải Phòng", "ubnd-tinh@thanh-pho-hai-phong", "Ủy ban nhân dân thành phố Hải Phòng"),
]


@pytest.mark.parametrize("unit,text,mention,body_id,name", SCOPE_CASES)
def test_scope(unit, text, mention, body_id, name):
    text = normalize(text)
    bodies = extract_bodies(text, Header(unit=unit), [])
    assert [(b.text, b.body_id, b.name) for b in bodies] == [(normalize(mention), body_id, name)]


def test_city_comes_from_the_issuer_block():
    text = normalize(
        "ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG\nĐẢNG ỦY PHƯỜNG ĐỒ SƠN\n*\nSố -TB/ĐU\n\nTHÔNG BÁO\nKẾT LUẬN\n\n"
        "Thực hiện Nghị quyết của Thành ủy và hướng dẫn của Sở Y tế."
    )
    assert document_scope(text, WARD).city == "thành phố Hải Phòng"
    got = {b.text: (b.body_id, b.name) for b in extract_bodies(text, WARD, [])}
    assert got["Thành ủy"] == ("thanh-uy@thanh-pho-hai-phong", "Thành ủy Hải Phòng")
    assert got["Sở Y tế"] == ("so-y-te@thanh-pho-hai-phong", "Sở Y tế thành phố Hải Phòng")
    assert got["ĐẢNG ỦY PHƯỜNG ĐỒ SƠN"] == ("dang-uy@phuong-do-son", "Đảng ủy phường Đồ Sơn")


def test_unknown_ward_is_never_shared_between_documents():
    a = extract_bodies("UBND phường chủ trì.", Header(), [])
    b = extract_bodies("UBND phường phối hợp.", Header(), [])
    assert a[0].body_id.startswith("ubnd@unscoped-") and b[0].body_id.startswith("ubnd@unscoped-")
    assert a[0].body_id != b[0].body_id


def test_no_ward_body_is_merged_across_two_wards():
    for p in golden_files():
        g = load(p)
        unit_slug = re.sub(r"[^a-z0-9]+", "-", fold(g.header.unit)).strip("-")
        for b in extract_bodies(g.text, g.header, g.items):
            if b.level in ("xa", "co-so"):
                assert b.body_id.endswith("@" + unit_slug), (b.text, b.body_id)


# --- roles -----------------------------------------------------------------------

ROLE_CASES = [
    # (item role, text with [[mention|role]])
    ("task", "Giao [[Ủy ban Kiểm tra Đảng ủy|lead]] chủ trì, phối hợp [[Ban Xây dựng Đảng|partner]] kiểm tra việc thực hiện."),
    ("task", "[[Công an phường|lead]] tăng cường tuần tra, kiểm soát."),  # a body as the subject
    ("task", "Chỉ đạo các [[chi, đảng bộ trực thuộc|lead]] tổ chức sinh hoạt chi bộ."),  # "Chỉ đạo X ..."
    ("task", "Tiếp tục chỉ đạo [[Trung tâm Phục vụ hành chính công|lead]] giải quyết hồ sơ đúng hạn."),
    ("task", "[[Công an phường|lead]] chủ trì, phối hợp với [[Ban Chỉ huy Quân sự phường|partner]] và các [[tổ dân phố|partner]] bảo đảm an ninh."),
    ("task", "[[Ban Chỉ huy Quân sự phường|lead]] phối hợp [[Công an phường|partner]] tổ chức Lễ giao nhận quân."),
    ("task", "Đề nghị [[Ủy ban MTTQ Việt Nam phường|lead]] và các [[tổ chức chính trị - xã hội|lead]] tăng cường giám sát."),
    ("task", "Đồng thời, [[UBND phường|lead]] rà soát các thủ tục hành chính."),
    ("task", "[[Ban Xây dựng Đảng|lead]] tham mưu [[Ban Thường vụ Đảng ủy|mention]] ban hành kế hoạch."),
    ("task", "[[Ban Thường vụ Đảng ủy|mention]] giao [[Văn phòng Đảng ủy|lead]] tổng hợp báo cáo."),  # the one who assigns
    ("task", "Thực hiện Nghị quyết của [[HĐND thành phố|mention]]; kịp thời báo cáo [[Thành ủy|mention]]."),
    ("task", "Triển khai các dự án do [[UBND thành phố|mention]] đầu tư."),
    ("task", "Đề nghị [[UBND thành phố|mention]] quan tâm hỗ trợ kinh phí."),  # a request upwards
    ("task", "Rà soát bộ máy; chỉ đạo lực lượng [[Công an phường|lead]] tăng cường phòng, chống tội phạm."),
    ("task", "[[Hội Cựu chiến binh|lead]], [[Hội Liên hiệp Phụ nữ|lead]], [[Đoàn Thanh niên phường|lead]] tổ chức các hoạt động."),
    ("task", "Tiếp tục đợt cao điểm (do [[Công an phường|lead]] chủ trì)."),
    ("task", "[[Hội đồng nhân dân phường|lead]] khóa II tổ chức kỳ họp thứ nhất."),
    ("task", "Tổ chức Đại hội [[Hội Liên hiệp Thanh niên Việt Nam phường|mention]]."),  # an object
    ("task", "Chương trình công tác của [[Đảng ủy|mention]] và [[Ủy ban Kiểm tra Đảng ủy phường|mention]]."),
    ("result", "[[UBND phường|mention]] đã giải quyết 3.096/3.114 hồ sơ."),  # results are not assigned
    ("limitation", "Công tác phối hợp giữa [[Công an phường|mention]] và các [[tổ dân phố|mention]] chưa chặt chẽ."),
    ("assignment", "Giao [[Ủy ban nhân dân phường|lead]] tổ chức thực hiện; [[Ủy ban Kiểm tra Đảng ủy|partner]] theo dõi, kiểm tra, đôn đốc việc thực hiện."),
    ("assignment", "[[Văn phòng Đảng ủy|partner]] giúp [[Ban Thường vụ Đảng ủy|mention]] theo dõi, đôn đốc."),
    ("assignment", "Các [[chi bộ, đảng bộ trực thuộc|lead]] chịu trách nhiệm tổ chức thực hiện Nghị quyết này."),
]


def _marked(s: str) -> tuple[str, list[tuple[str, str]]]:
    s = normalize(s)
    expected = [(m.group(1), m.group(2)) for m in re.finditer(r"\[\[(.+?)\|(\w+)\]\]", s)]
    return re.sub(r"\[\[(.+?)\|\w+\]\]", r"\1", s), expected


@pytest.mark.parametrize("role,marked", ROLE_CASES)
def test_roles(role, marked):
    text, expected = _marked(marked)
    item = Item("i1", "1", role, "2026-03", text, 0, len(text))
    got = [(b.text, b.role) for b in extract_bodies(text, WARD, [item])]
    assert got == expected
    assert all(b.item == "i1" for b in extract_bodies(text, WARD, [item]))


def test_heading_hands_its_bullets_to_the_body():
    text = normalize("Giao Ủy ban nhân dân phường:\n- Rà soát hồ sơ đất đai.\n- Kiểm tra trật tự xây dựng.")
    s1 = text.index("- Rà")
    s2 = text.index("- Kiểm")
    items = [Item("i1", "1.b1", "task", None, "", s1, s2 - 1), Item("i2", "1.b2", "task", None, "", s2, len(text))]
    leads = sorted((b.item, b.name) for b in extract_bodies(text, WARD, items) if b.role == "lead")
    assert leads == [("i1", "Ủy ban nhân dân phường Đồ Sơn"), ("i2", "Ủy ban nhân dân phường Đồ Sơn")]


def test_recipients_are_mentions_even_inside_an_item():
    text = normalize("Giao UBND phường tổ chức thực hiện.\n\nNơi nhận:\n- UBND phường,\n- Lưu VPĐU.")
    items = [Item("i1", "a1", "assignment", None, text, 0, len(text))]
    got = [(b.text, b.role, b.item) for b in extract_bodies(text, WARD, items)]
    assert got == [("UBND phường", "lead", "i1"), ("UBND phường", "mention", None), ("VPĐU", "mention", None)]


def test_closing_assignment_without_an_item():
    # when the structure stage leaves the closing paragraph out, it still assigns
    text = normalize("1. Nhiệm vụ\n- Rà soát hồ sơ.\n\nGiao Ủy ban nhân dân phường tổ chức thực hiện.")
    s = text.index("- Rà")
    items = [Item("i1", "1.b1", "task", None, "", s, s + len("- Rà soát hồ sơ."))]
    got = [(b.text, b.role, b.item) for b in extract_bodies(text, WARD, items)]
    assert got == [("Ủy ban nhân dân phường", "lead", None)]


@pytest.mark.parametrize("after_recipients", [False, True], ids=["table-in-the-body", "table-in-an-appendix"])
def test_the_cells_of_a_task_row_lead_it_and_work_with_it(after_recipients: bool) -> None:
    """Hand CO: "TT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian": the body of the third cell leads the
    row's task, those of the fourth work with it; in an appendix after "Nơi nhận" as in the body."""
    before = "Nơi nhận:\n- Lưu VPĐU.\n\nPHỤ LỤC: DANH MỤC NHIỆM VỤ\n" if after_recipients else "2. Nhiệm vụ tháng 02\n"
    table = ("TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành\n"
             "1 | Trao lệnh gọi nhập ngũ cho 38 công dân | Ban Chỉ huy Quân sự phường | Công an phường, Đoàn Thanh niên phường | 10/02\n"
             "2 | Xử lý dứt điểm 08 trường hợp lấn chiếm vỉa hè | Ủy ban nhân dân phường | Công an phường | Tháng 02\n")
    top = "THÔNG BÁO KẾT LUẬN\ncủa Ban Thường vụ Đảng ủy phường\n-----\n1. Kết quả tháng 01\n- Thu ngân sách đạt 10,8% dự toán.\n"
    text = normalize(top + before + table)
    items = []
    for k, line in enumerate(table.splitlines()[1:], 1):
        cell = line.split(" | ")[1]
        s = text.index(cell)
        items.append(Item(f"i{k}", f"r{k}", "task", None, cell, s, s + len(cell)))
    got = sorted((b.item, b.name, b.role) for b in extract_bodies(text, WARD, items) if b.item)
    assert got == [
        ("i1", "Ban Chỉ huy Quân sự phường Đồ Sơn", "lead"), ("i1", "Công an phường Đồ Sơn", "partner"),
        ("i1", "Đoàn Thanh niên Cộng sản Hồ Chí Minh phường Đồ Sơn", "partner"),
        ("i2", "Công an phường Đồ Sơn", "partner"), ("i2", "Ủy ban nhân dân phường Đồ Sơn", "lead"),
    ]


# --- golden files: the two seeds, annotated by hand --------------------------------


def _prf(pred: set, gold: set) -> tuple[float, float, float]:
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(gold) if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@pytest.mark.parametrize("path", golden_files(), ids=lambda p: p.stem)
def test_golden_bodies(path):
    g = load(path)
    pred = extract_bodies(g.text, g.header, g.items)
    for b in pred:
        assert g.text[b.start : b.end] == b.text
    got = {(b.start, b.end): (b.name, b.body_id, b.role, b.item) for b in pred}
    gold = {b["span"]: (b["name"], b["id"], b["role"], b["item"]) for b in g.bodies}
    # every annotated mention is found, with its canonical name, id, role and item
    p, r, _ = _prf(set(got), set(gold))
    assert r == 1.0, sorted(set(gold) - set(got))
    assert p >= 0.95, sorted(set(got) - set(gold))
    wrong = {sp: (got[sp], gold[sp]) for sp in gold if sp in got and got[sp] != gold[sp]}
    assert not wrong, wrong
    # the measure of the hidden checks: lead and partner bodies of tasks (and the closing assignment)
    task_items = {it.id for it in g.items if it.role in ("task", "assignment")}
    assigned = lambda d: {(v[3], v[1], v[2]) for v in d.values() if v[2] != "mention" and v[3] in task_items}  # noqa: E731
    assert _prf(assigned(got), assigned(gold))[2] >= 0.9


# --- people ----------------------------------------------------------------------


@pytest.mark.parametrize("path", golden_files(), ids=lambda p: p.stem)
def test_golden_signer(path):
    g = load(path)
    s = find_signer(g.text)
    assert (s.name, s.title, s.authority) == (g.signer["name"], g.signer["title"], g.signer["authority"])
    assert g.text[s.start : s.end] == s.name
    people = extract_people(g.text, g.header)
    assert [(p.name, p.title) for p in people] == [(g.signer["name"], g.signer["title"])]


PEOPLE_CASES = [
    # (text, [(name, title)])
    ("Phó Thủ tướng Chính phủ Lê Thành Long đã dự buổi làm việc.", [("Lê Thành Long", "Phó Thủ tướng Chính phủ")]),
    ("theo chỉ đạo của Tổng Bí thư Tô Lâm tại Thông báo số 75-TB/VPTW", [("Tô Lâm", "Tổng Bí thư")]),
    ("đồng chí Nguyễn Văn An, Phó Bí thư Đảng ủy", [("Nguyễn Văn An", "đồng chí")]),
    ("đồng chí Tổng Bí thư Tô Lâm", [("Tô Lâm", "Tổng Bí thư")]),  # "Tổng" is not the surname "Tống"
    ("học tập và làm theo tư tưởng Hồ Chí Minh", []),
    ("đồng chí Bí thư Đảng ủy phường chủ trì", []),  # a title without a name
]


@pytest.mark.parametrize("text,expected", PEOPLE_CASES)
def test_officials(text, expected):
    assert [(p.name, p.title) for p in extract_people(text, Header())] == expected


@pytest.mark.parametrize(
    "block,expected",
    [
        ("T/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nNguyễn Trường Thắng", ("Nguyễn Trường Thắng", "Bí thư", "T/M")),
        ("TM. CHÍNH PHỦ\nKT. THỦ TƯỚNG PHÓ THỦ TƯỚNG\nHồ Đức Phớc", ("Hồ Đức Phớc", "Phó Thủ tướng", "KT.")),
        ("TM. ỦY BAN NHÂN DÂN\nKT.CHỦ TỊCH PHÓ CHỦ TỊCH\nPhan Phong Phú", ("Phan Phong Phú", "Phó Chủ tịch", "KT.")),
        ("T/M BAN BÍ THƯ\nTrần Cẩm Tú", ("Trần Cẩm Tú", None, "T/M")),
    ],
)
def test_signer_blocks(block, expected):
    s = find_signer("Nơi nhận:\n- Như trên;\n- Lưu VT.\n\n" + block)
    assert (s.name, s.title, s.authority) == expected


def test_header_signer_is_used_when_given():
    text = "...\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nNguyễn Trường Thắng"
    k = text.index("Nguyễn")
    h = Header(signer=Signer("Nguyễn Trường Thắng", "BÍ THƯ", "T/M", k, len(text)))
    assert [(p.start, p.end, p.title) for p in extract_people(text, h)] == [(k, len(text), "Bí thư")]


def test_registry_loads_every_entry():
    assert set(body_types()) == {e["id"] for e in ENTRIES}
