"""A synthetic corpus of monthly ward notices, for benchmarks at city and country scale.

``generate_corpus(out_dir, notices, seed=7, months=12)`` writes ``notices``
plain-text notices of ``ceil(notices / months)`` units, one notice a month per
unit, in the genre of the seed notices: a Party header ("ĐẢNG BỘ THÀNH PHỐ ... /
ĐẢNG ỦY PHƯỜNG ... / Số 12-NQ/ĐU / ..., ngày .. tháng .. năm .."), a
Nghị quyết or a Thông báo kết luận of the Ban Thường vụ Đảng ủy, numbered
sections, results that answer last month's tasks, tasks carried over in other
words, limitations that come back, citations of real national directives
(57-NQ/TW, 71-NQ/TW, 154/2025/NĐ-CP, Đề án 06, 50-CT/TW ...), bodies assigned
as lead or partner, a closing "Giao các đồng chí ...", "Nơi nhận" and a
signature; 10-30 KB each.

**Everything local is fictional**: ward and commune names are built from
syllable lists, people's names from name lists, numbers at random. The
provinces and cities above them, and the national directives cited, are real.
The corpus folder gets a ``README.md`` saying so.

Deterministic: the same ``seed`` gives byte-identical files (each unit draws
from its own ``random.Random(f"{seed}:{unit}")``, so a unit does not depend on
the others). Streaming: files are written one by one; only one unit's state
(last month's tasks and limitations) is held in memory.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as d:
...     paths = generate_corpus(d, 3, seed=1, months=2)
...     [p.name for p in paths], all(10_240 <= p.stat().st_size <= 30_000 for p in paths)
(['u00000-2025-10.txt', 'u00000-2025-11.txt', 'u00001-2025-10.txt'], True)
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Unit", "generate_corpus", "iter_notices", "unit_of", "MIN_BYTES", "MAX_BYTES", "FIRST_PERIOD"]

#: size bounds of a notice, in UTF-8 bytes (10 KiB .. 30 kB)
MIN_BYTES = 10_240
MAX_BYTES = 30_000
#: the first month a unit's first notice reviews
FIRST_PERIOD = (2025, 10)

# --- fictional units ----------------------------------------------------------

# Syllables of ward and commune names ("Tân Hưng", "An Lạc", "Đông Hải"): the
# pairs are fictional combinations of real name syllables.
_FIRST = (
    "An", "Tân", "Hòa", "Phú", "Bình", "Thạnh", "Long", "Hưng", "Phước", "Thành", "Đông", "Tây", "Nam", "Bắc",
    "Trung", "Vĩnh", "Hải", "Sơn", "Mỹ", "Thịnh", "Quang", "Minh", "Đức", "Nghĩa", "Lộc", "Khánh", "Hồng",
    "Ngọc", "Kim", "Thái", "Hiệp", "Tiên", "Lạc", "Yên", "Hợp", "Xuân", "Hương", "Cát", "Gia", "Đại", "Phong",
    "Thủy", "Cẩm", "Quảng", "Tường", "Hoàng", "Văn", "Lam", "Thanh", "Kiến", "Đồng", "Việt", "Trường", "Liên",
    "Hà", "Thiện", "Vạn", "Tiến", "Bảo", "Châu", "Diên", "Đoàn", "Hạ", "Thượng",
)
_SECOND = (
    "Hưng", "Lạc", "Hải", "Sơn", "Hòa", "An", "Bình", "Phú", "Thịnh", "Lợi", "Thuận", "Phát", "Tiến", "Thành",
    "Long", "Xuyên", "Giang", "Lâm", "Điền", "Phong", "Trung", "Đông", "Hiệp", "Hội", "Khê", "Cường", "Mỹ",
    "Thọ", "Phúc", "Lộc", "Quý", "Minh", "Đức", "Dương", "Hà", "Tân", "Vinh", "Nguyên", "Lập", "Định", "Hợp",
    "Ninh", "Tường", "Yên", "Xá", "Kiều", "Trạch", "Đạt", "Cầu", "Châu", "Đình", "Bảo", "Quan", "Linh", "Tây",
    "Nam", "Bắc", "Khánh", "Thắng", "Đoài", "Thái", "Dũng", "Hạnh", "Tú",
)
# The real provinces and centrally governed cities (after the 2025 merger).
_PARENTS = (
    ("thành phố", "Hải Phòng"), ("thành phố", "Hà Nội"), ("thành phố", "Đà Nẵng"), ("thành phố", "Huế"),
    ("thành phố", "Cần Thơ"), ("thành phố", "Hồ Chí Minh"), ("tỉnh", "Quảng Ninh"), ("tỉnh", "Thái Nguyên"),
    ("tỉnh", "Lào Cai"), ("tỉnh", "Nghệ An"), ("tỉnh", "Thanh Hóa"), ("tỉnh", "Khánh Hòa"), ("tỉnh", "Lâm Đồng"),
    ("tỉnh", "Đồng Nai"), ("tỉnh", "An Giang"), ("tỉnh", "Vĩnh Long"), ("tỉnh", "Gia Lai"), ("tỉnh", "Đắk Lắk"),
    ("tỉnh", "Quảng Trị"), ("tỉnh", "Ninh Bình"), ("tỉnh", "Hưng Yên"), ("tỉnh", "Phú Thọ"), ("tỉnh", "Bắc Ninh"),
    ("tỉnh", "Tây Ninh"), ("tỉnh", "Đồng Tháp"), ("tỉnh", "Cà Mau"), ("tỉnh", "Tuyên Quang"), ("tỉnh", "Lai Châu"),
    ("tỉnh", "Điện Biên"), ("tỉnh", "Sơn La"), ("tỉnh", "Cao Bằng"), ("tỉnh", "Lạng Sơn"), ("tỉnh", "Hà Tĩnh"),
    ("tỉnh", "Quảng Ngãi"),
)
_SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi", "Đặng", "Ngô", "Dương", "Lý", "Phan", "Trịnh", "Đinh", "Lương", "Mai", "Tạ")
_MIDDLE = ("Văn", "Thị", "Đức", "Minh", "Quang", "Thanh", "Xuân", "Hữu", "Ngọc", "Trường", "Thu", "Hải", "Anh", "Kim")
_GIVEN = (
    "Thắng", "Hùng", "Dũng", "Hà", "Lan", "Hương", "Tuấn", "Long", "Sơn", "Bình", "Nam", "Hải", "Trang", "Hoa", "Phúc",
    "Thành", "Cường", "Hạnh", "Linh", "Quân", "Tùng", "Giang", "Hiếu", "Nga", "Khoa", "Vinh", "Yến", "Thủy",
)


@dataclass(frozen=True)
class Unit:
    """A fictional ward or commune of a real province."""

    index: int
    kind: str  # "phường" | "xã"
    name: str  # "An Lạc"
    parent_kind: str  # "thành phố" | "tỉnh"
    parent: str  # "Hải Phòng"
    secretary: str
    deputy: str
    office_chief: str
    #: the unit's usual form: "NQ" (Nghị quyết) or "TB" (Thông báo kết luận)
    form: str

    @property
    def unit(self) -> str:
        return f"{self.kind} {self.name}"


def _name_pairs(seed: int) -> list[tuple[str, str]]:
    pairs = [(a, b) for a in _FIRST for b in _SECOND if a != b]
    random.Random(f"names:{seed}").shuffle(pairs)
    return pairs


_PAIRS_CACHE: dict[int, list[tuple[str, str]]] = {}


def _unit_name(index: int, seed: int) -> tuple[str, str]:
    """(kind, name), distinct for every index: two syllables, then a third when those run out."""
    pairs = _PAIRS_CACHE.get(seed)
    if pairs is None:
        pairs = _PAIRS_CACHE[seed] = _name_pairs(seed)
    n = len(pairs)
    # kinds alternate inside a pair block, so "phường An Lạc" and "xã An Lạc" are both used before a third syllable
    block, kind_bit = divmod(index, 2)
    kind = "phường" if kind_bit == 0 else "xã"
    rounds, pos = divmod(block, n)
    a, b = pairs[pos]
    if rounds == 0:
        return kind, f"{a} {b}"
    return kind, f"{a} {b} {_SECOND[(rounds - 1) % len(_SECOND)]}" if rounds <= len(_SECOND) else f"{a} {b} {rounds}"


def _person(rng: random.Random) -> str:
    return f"{rng.choice(_SURNAMES)} {rng.choice(_MIDDLE)} {rng.choice(_GIVEN)}"


def unit_of(index: int, seed: int = 7) -> Unit:
    """The fictional unit number ``index`` of the corpus of ``seed``.

    >>> u = unit_of(0, 7); u.unit == unit_of(0, 7).unit, u.kind
    (True, 'phường')
    """
    rng = random.Random(f"unit:{seed}:{index}")
    kind, name = _unit_name(index, seed)
    parent_kind, parent = _PARENTS[rng.randrange(len(_PARENTS))]
    return Unit(index, kind, name, parent_kind, parent, _person(rng), _person(rng), _person(rng), "NQ" if rng.random() < 0.6 else "TB")


# --- real national directives ---------------------------------------------------

# Each: the ways notices cite it, from the full first mention to the short one.
_DIRECTIVES: dict[str, tuple[str, ...]] = {
    "57": (
        "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
        "Nghị quyết 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị",
        "Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị",
        "Nghị quyết số 57-NQ/TW của Bộ Chính trị",
        "Nghị quyết 57-NQ/TW",
    ),
    "71": (
        "Nghị quyết số 71-NQ/TW ngày 22/8/2025 của Bộ Chính trị về đột phá phát triển giáo dục và đào tạo",
        "Nghị quyết số 71-NQ/TW của Bộ Chính trị về đột phá phát triển giáo dục và đào tạo",
        "Nghị quyết 71-NQ/TW của Bộ Chính trị",
    ),
    "66": (
        "Nghị quyết số 66-NQ/TW ngày 30/4/2025 của Bộ Chính trị về đổi mới công tác xây dựng và thi hành pháp luật đáp ứng yêu cầu phát triển đất nước trong kỷ nguyên mới",
        "Nghị quyết số 66-NQ/TW của Bộ Chính trị",
    ),
    "68": (
        "Nghị quyết số 68-NQ/TW ngày 04/5/2025 của Bộ Chính trị về phát triển kinh tế tư nhân",
        "Nghị quyết 68-NQ/TW của Bộ Chính trị về phát triển kinh tế tư nhân",
        "Nghị quyết số 68-NQ/TW",
    ),
    "72": (
        "Nghị quyết số 72-NQ/TW ngày 09/9/2025 của Bộ Chính trị về một số giải pháp đột phá, tăng cường bảo vệ, chăm sóc và nâng cao sức khỏe Nhân dân",
        "Nghị quyết số 72-NQ/TW của Bộ Chính trị",
    ),
    "154": (
        "Nghị định số 154/2025/NĐ-CP ngày 15/6/2025 của Chính phủ quy định về tinh giản biên chế",
        "Nghị định số 154/2025/NĐ-CP ngày 15/6/2025 của Chính phủ",
        "Nghị định 154/2025/NĐ-CP",
    ),
    "06": (
        "Đề án 06 của Chính phủ",
        "Đề án 06/CP",
        "Đề án 06",
        "Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ phê duyệt Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia giai đoạn 2022 - 2025, tầm nhìn đến năm 2030",
    ),
    "05": (
        "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        "Chỉ thị 05-CT/TW của Bộ Chính trị",
        "Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 05-CT/TW",
    ),
    "18": (
        "Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng khóa XII",
        "Nghị quyết 18-NQ/TW",
    ),
    "tet": (
        "Chỉ thị số 50-CT/TW, ngày 22/12/2025 của Ban Bí thư và Chỉ thị số 36-CT/TTg, ngày 31/12/2025 của Thủ tướng Chính phủ về việc tổ chức Tết Nguyên đán Bính Ngọ 2026 vui tươi, lành mạnh, an toàn, tiết kiệm",
        "Chỉ thị số 50-CT/TW ngày 22/12/2025 của Ban Bí thư",
    ),
}

# --- bodies of a ward -----------------------------------------------------------

# id -> the ways a notice names it; "{k}" is "phường" or "xã".
_BODIES: dict[str, tuple[str, ...]] = {
    "ubnd": ("UBND {k}", "Ủy ban nhân dân {k}", "UBND {k}"),
    "hdnd": ("HĐND {k}", "Thường trực HĐND {k}", "Hội đồng nhân dân {k}"),
    "mttq": ("Ủy ban MTTQ Việt Nam {k}", "Ủy ban Mặt trận Tổ quốc Việt Nam {k}", "UBMTTQ {k}"),
    "ca": ("Công an {k}",),
    "qs": ("Ban Chỉ huy Quân sự {k}", "Ban CHQS {k}"),
    "ubkt": ("Ủy ban Kiểm tra Đảng ủy", "Ủy ban Kiểm tra Đảng ủy {k}", "UBKT Đảng ủy"),
    "vpdu": ("Văn phòng Đảng ủy", "Văn phòng Đảng ủy {k}"),
    "xdd": ("Ban Xây dựng Đảng Đảng ủy", "Ban Xây dựng Đảng"),
    "doan": ("Đoàn Thanh niên {k}", "Đoàn Thanh niên Cộng sản Hồ Chí Minh {k}"),
    "phunu": ("Hội Liên hiệp Phụ nữ {k}", "Hội LHPN {k}"),
    "ccb": ("Hội Cựu chiến binh {k}",),
    "nongdan": ("Hội Nông dân {k}",),
    "hcc": ("Trung tâm Phục vụ hành chính công {k}", "Trung tâm Phục vụ hành chính công"),
    "kt": ("Phòng Kinh tế, Hạ tầng và Đô thị", "Phòng Kinh tế"),
    "vhxh": ("Phòng Văn hóa - Xã hội", "Phòng Văn hóa - Xã hội {k}"),
    "yte": ("Trạm Y tế {k}",),
}


# --- topics: what tasks and results are about ----------------------------------------


@dataclass(frozen=True)
class Topic:
    id: str
    domain: str
    #: the object of a task, in two or three wordings
    objects: tuple[str, ...]
    #: clauses that add detail ("bảo đảm đúng tiến độ")
    details: tuple[str, ...]
    cites: tuple[str, ...] = ()
    lead: str | None = None
    partners: tuple[str, ...] = ()
    #: what a result reports: "{n}", "{p}" (percent), "{a}/{b}" are filled with numbers
    metrics: tuple[str, ...] = ()
    #: reviewed months (1-12) in which the topic comes up; () = any
    months: tuple[int, ...] = ()


_T = Topic
_TOPICS: tuple[Topic, ...] = (
    # -- Party building, the political system
    _T("nq14", "dang", ("công tác tuyên truyền, quán triệt Nghị quyết Đại hội XIV của Đảng", "việc học tập, quán triệt và triển khai Nghị quyết Đại hội XIV của Đảng"),
       ("đến toàn thể cán bộ, đảng viên và Nhân dân", "bằng nhiều hình thức phù hợp, nhất là trên nền tảng số", "gắn với xây dựng chương trình hành động của Đảng ủy"),
       lead="xdd", partners=("mttq",), metrics=("{p}% cán bộ, đảng viên tham gia học tập", "tổ chức {n} hội nghị quán triệt")),
    _T("hcm", "dang", ("việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "chuyên đề năm {y} về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"),
       ("gắn với nhiệm vụ chính trị của từng chi bộ", "lựa chọn, biểu dương các tập thể, cá nhân điển hình"),
       cites=("05",), lead="xdd", metrics=("biểu dương {n} tập thể, cá nhân điển hình",)),
    _T("sotay", "dang", ('ứng dụng "Sổ tay đảng viên điện tử"', 'việc cài đặt và sử dụng ứng dụng "Sổ tay đảng viên điện tử"'),
       ("trong sinh hoạt chi bộ và nghiệp vụ công tác đảng viên", "phấn đấu 100% đảng viên sử dụng thường xuyên"),
       cites=("57",), lead="vpdu", metrics=("{p}% đảng viên đã cài đặt và sử dụng ứng dụng",)),
    _T("ketnap", "dang", ("công tác phát triển đảng viên, kết nạp đảng viên mới", "công tác tạo nguồn, kết nạp đảng viên mới"),
       ("theo kế hoạch được giao năm {y}", "chú trọng quần chúng ưu tú là đoàn viên thanh niên, người lao động trong doanh nghiệp"),
       lead="xdd", metrics=("kết nạp {n} đảng viên mới", "đã lập hồ sơ đề nghị kết nạp {n} quần chúng ưu tú")),
    _T("dl40", "dang", ("việc cập nhật, chuẩn hóa dữ liệu đảng viên trên phần mềm cơ sở dữ liệu đảng viên 4.0", "công tác số hóa hồ sơ, dữ liệu tổ chức đảng và đảng viên"),
       ("bảo đảm đầy đủ, chính xác, kịp thời", "phục vụ công tác quản lý đảng viên"),
       cites=("57",), lead="vpdu", metrics=("cập nhật {n} hồ sơ đảng viên",)),
    _T("kiemtra", "dang", ("công tác kiểm tra, giám sát theo chương trình công tác năm của Đảng ủy và Ủy ban Kiểm tra Đảng ủy", "các cuộc kiểm tra, giám sát chuyên đề theo kế hoạch"),
       ("đối với {n} tổ chức đảng và {m} đảng viên", "tập trung vào những lĩnh vực nhạy cảm, dễ phát sinh sai phạm", "kịp thời phát hiện, chấn chỉnh những hạn chế, thiếu sót"),
       lead="ubkt", metrics=("kiểm tra {n} tổ chức đảng và {m} đảng viên", "giám sát chuyên đề {n} chi bộ")),
    _T("taisan", "dang", ("việc kê khai, công khai, xác minh tài sản, thu nhập", "công tác kiểm soát tài sản, thu nhập của người có chức vụ, quyền hạn"),
       ("đối với {n} đồng chí thuộc diện Ban Thường vụ Đảng ủy quản lý", "đúng quy trình, thời gian quy định"),
       lead="ubkt", metrics=("xác minh tài sản, thu nhập đối với {n} đồng chí",)),
    _T("tutuong", "dang", ("công tác nắm bắt tình hình tư tưởng của cán bộ, đảng viên và Nhân dân", "công tác nắm bắt, định hướng dư luận xã hội"),
       ("kịp thời tham mưu giải quyết những vấn đề mới phát sinh", "nhất là trước, trong và sau các sự kiện chính trị quan trọng"),
       lead="xdd", partners=("mttq",)),
    _T("bcd35", "dang", ("công tác bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch", "hoạt động của Ban Chỉ đạo 35 Đảng ủy"),
       ("đẩy mạnh lan tỏa thông tin chính thống, tích cực trên không gian mạng", "phát huy vai trò của lực lượng nòng cốt"),
       lead="xdd", partners=("doan", "ca")),
    _T("danvan", "dang", ('phong trào thi đua "Dân vận khéo"', 'việc xây dựng và nhân rộng các mô hình "Dân vận khéo"'),
       ("gắn với thực hiện dân chủ ở cơ sở", "biểu dương kịp thời các mô hình hiệu quả"),
       lead="mttq", partners=("phunu", "ccb", "doan"), metrics=("xây dựng {n} mô hình Dân vận khéo",)),
    _T("baucu", "dang", ("công tác chuẩn bị bầu cử đại biểu Quốc hội khóa XVI và đại biểu HĐND các cấp nhiệm kỳ 2026 - 2031", "các nội dung phục vụ cuộc bầu cử đại biểu Quốc hội khóa XVI và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2026 - 2031"),
       ("bảo đảm đúng luật, dân chủ, an toàn, tiết kiệm", "rà soát, lập danh sách cử tri trên địa bàn", "tổ chức hội nghị tiếp xúc cử tri cho các ứng cử viên"),
       lead="hdnd", partners=("ubnd", "mttq", "ca"), metrics=("lập danh sách {n} cử tri", "bố trí {m} khu vực bỏ phiếu"), months=(11, 12, 1, 2, 3)),
    _T("xeploai", "dang", ("việc đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên", "công tác đánh giá, xếp loại cán bộ lãnh đạo, quản lý theo quý"),
       ("bảo đảm thực chất, gắn với kết quả thực hiện nhiệm vụ", "theo hướng dẫn của Ban Tổ chức {tu}"),
       lead="xdd", metrics=("{p}% tổ chức đảng hoàn thành tốt nhiệm vụ",)),
    _T("quyhoach", "dang", ("công tác quy hoạch, đào tạo, bồi dưỡng cán bộ", "việc rà soát, bổ sung quy hoạch Ban Chấp hành, Ban Thường vụ Đảng ủy nhiệm kỳ 2025 - 2030"),
       ("bảo đảm cơ cấu, tiêu chuẩn theo quy định", "chú trọng cán bộ trẻ, cán bộ nữ"),
       lead="xdd", metrics=("cử {n} đồng chí tham gia lớp bồi dưỡng",)),
    _T("sinhhoat", "dang", ("việc nâng cao chất lượng sinh hoạt chi bộ", "sinh hoạt chi bộ định kỳ và sinh hoạt chuyên đề"),
       ("bám sát Hướng dẫn của Ban Tổ chức Trung ương", "đổi mới nội dung, hình thức sinh hoạt"),
       lead="xdd", metrics=("{p}% chi bộ sinh hoạt chuyên đề đúng quy định",)),
    _T("tiepxuc", "dang", ("hoạt động tiếp xúc cử tri, giám sát của Hội đồng nhân dân {k}", "chương trình giám sát chuyên đề của Thường trực HĐND {k}"),
       ("trước và sau kỳ họp", "tổng hợp đầy đủ ý kiến, kiến nghị của cử tri"),
       lead="hdnd", partners=("mttq",), metrics=("tiếp nhận {n} ý kiến, kiến nghị của cử tri",)),
    _T("doanthe", "dang", ("hoạt động của Mặt trận Tổ quốc và các tổ chức chính trị - xã hội", "công tác đoàn kết, tập hợp hội viên, đoàn viên"),
       ("hướng về cơ sở, địa bàn dân cư", "tổ chức các phong trào thi đua yêu nước"),
       lead="mttq", partners=("doan", "phunu", "ccb", "nongdan"), metrics=("kết nạp mới {n} hội viên",)),
    _T("cuocvandong", "dang", ('cuộc vận động "Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh"', 'cuộc vận động "Người Việt Nam ưu tiên dùng hàng Việt Nam"'),
       ("gắn với xây dựng khu dân cư kiểu mẫu", "tuyên truyền sâu rộng trong các tầng lớp Nhân dân"),
       lead="mttq", metrics=("{n} khu dân cư đăng ký xây dựng khu dân cư kiểu mẫu",)),
    _T("thamnhung", "dang", ("công tác phòng, chống tham nhũng, lãng phí, tiêu cực", "việc thực hiện các quy định về phòng, chống tham nhũng, lãng phí"),
       ("gắn với thực hành tiết kiệm", "kịp thời cụ thể hóa các văn bản chỉ đạo của Ban Nội chính {tu}"),
       lead="ubkt", partners=("ca",)),
    _T("donthu", "dang", ("công tác tiếp công dân, tiếp nhận và giải quyết đơn thư khiếu nại, tố cáo", "việc duy trì lịch tiếp công dân định kỳ và đột xuất"),
       ("không để đơn thư tồn đọng, kéo dài", "giải quyết dứt điểm ngay từ cơ sở"),
       lead="ubnd", partners=("ubkt", "mttq"), metrics=("tiếp nhận {b} đơn, đã giải quyết {a}/{b} đơn",)),
    _T("tinhgon", "dang", ("việc sắp xếp, kiện toàn tổ chức bộ máy của hệ thống chính trị", "việc kiện toàn tổ chức bộ máy, vị trí việc làm của các cơ quan, đơn vị"),
       ("bảo đảm tinh gọn, hoạt động hiệu lực, hiệu quả", "thực hiện chế độ, chính sách đối với cán bộ, công chức dôi dư"),
       cites=("18", "154"), lead="xdd", partners=("ubnd",), metrics=("giải quyết chế độ cho {n} trường hợp",)),
    # -- economy, budget
    _T("thuns", "kinhte", ("công tác thu ngân sách nhà nước trên địa bàn", "các giải pháp tăng thu, chống thất thu ngân sách"),
       ("phấn đấu hoàn thành và vượt dự toán được giao", "rà soát, nắm chắc các nguồn thu"),
       lead="ubnd", partners=("kt",), metrics=("thu ngân sách đạt {p}% dự toán", "thu được {n} tỷ đồng, đạt {p}% kế hoạch")),
    _T("thue", "kinhte", ("việc lập bộ thuế sử dụng đất phi nông nghiệp năm {y}", "công tác lập và hoàn thiện sổ bộ thuế năm {y}"),
       ("bảo đảm đầy đủ, chính xác, kịp thời", "phối hợp với cơ quan thuế quản lý"),
       lead="kt", metrics=("hoàn thành {p}% sổ bộ thuế",)),
    _T("dautucong", "kinhte", ("giải ngân vốn đầu tư công năm {y}", "tiến độ các dự án đầu tư công trên địa bàn"),
       ("bảo đảm tiến độ, chất lượng công trình", "kiên quyết xử lý các nhà thầu chậm tiến độ"),
       lead="ubnd", partners=("kt",), metrics=("giải ngân đạt {p}% kế hoạch vốn", "khởi công {n} công trình")),
    _T("ktn", "kinhte", ("các giải pháp hỗ trợ doanh nghiệp, hộ kinh doanh phát triển", "việc hỗ trợ phát triển kinh tế tư nhân trên địa bàn"),
       ("tháo gỡ khó khăn, vướng mắc cho doanh nghiệp", "tạo môi trường đầu tư, kinh doanh thuận lợi"),
       cites=("68",), lead="ubnd", partners=("kt",), metrics=("cấp mới {n} giấy chứng nhận đăng ký hộ kinh doanh",)),
    _T("quyettoan", "kinhte", ("công tác quyết toán ngân sách năm 2025", "việc thẩm định quyết toán ngân sách năm 2025 của các đơn vị dự toán"),
       ("bảo đảm đúng quy định của Luật Ngân sách nhà nước", "đối chiếu số liệu thu chi tại Kho bạc Nhà nước"),
       lead="kt", metrics=("thẩm định quyết toán {n} đơn vị dự toán",), months=(12, 1, 2, 3, 4)),
    _T("thitruong", "kinhte", ("công tác bình ổn thị trường, bảo đảm an toàn vệ sinh thực phẩm", "việc kiểm tra an toàn thực phẩm tại các chợ, cơ sở kinh doanh"),
       ("nhất là các mặt hàng thiết yếu", "xử lý nghiêm các vi phạm"),
       lead="kt", partners=("yte", "ca"), metrics=("kiểm tra {n} cơ sở, xử lý {m} trường hợp vi phạm",)),
    _T("buonlau", "kinhte", ("công tác chống buôn lậu, gian lận thương mại và hàng giả", "việc đấu tranh phòng, chống buôn lậu, hàng cấm, vi phạm sở hữu trí tuệ"),
       ("trên địa bàn, nhất là các tuyến đường trọng điểm", "phối hợp chặt chẽ với các lực lượng chức năng"),
       lead="ca", partners=("kt",), metrics=("phát hiện, xử lý {n} vụ vi phạm",)),
    _T("nongnghiep", "kinhte", ("sản xuất nông nghiệp, chăm sóc cây trồng vụ Xuân", "kế hoạch sản xuất nông nghiệp, nuôi trồng và khai thác thủy sản"),
       ("phòng, chống dịch bệnh cho cây trồng, vật nuôi", "chủ động ứng phó với diễn biến thời tiết"),
       lead="kt", partners=("nongdan",), metrics=("gieo cấy {n} ha, đạt {p}% kế hoạch",)),
    _T("dieutra", "kinhte", ("công tác tổng điều tra kinh tế năm {y}", "việc thu thập thông tin tổng điều tra kinh tế trên địa bàn"),
       ("bảo đảm đúng phương án, đúng tiến độ", "không bỏ sót đơn vị điều tra"),
       lead="ubnd", metrics=("hoàn thành thu thập {p}% phiếu điều tra",)),
    _T("daugia", "kinhte", ("công tác đấu giá quyền sử dụng đất", "việc rà soát các vị trí đất xen kẹt, lập phương án đấu giá quyền sử dụng đất"),
       ("tăng thu ngân sách cho địa phương", "bảo đảm công khai, minh bạch"),
       lead="ubnd", partners=("kt",), metrics=("đấu giá thành công {n} lô đất",)),
    # -- urban management, land, environment
    _T("xaydung", "dothi", ("công tác quản lý trật tự xây dựng", "việc kiểm tra, xử lý vi phạm trật tự xây dựng"),
       ("kịp thời phát hiện, ngăn chặn và xử lý nghiêm các trường hợp xây dựng trái phép", "không để phát sinh vi phạm mới, phức tạp kéo dài"),
       lead="kt", partners=("ca",), metrics=("kiểm tra {n} công trình, xử lý {m} trường hợp vi phạm", "cấp {n} giấy phép xây dựng")),
    _T("vahe", "dothi", ("việc lập lại trật tự lòng đường, vỉa hè", "công tác xử lý lấn chiếm lòng đường, vỉa hè để kinh doanh, buôn bán"),
       ("trên các tuyến đường trọng điểm, khu vực chợ", "tạo diện mạo đô thị khang trang, văn minh"),
       lead="ca", partners=("kt",), metrics=("xử lý {n} trường hợp lấn chiếm",)),
    _T("gcn", "dothi", ("việc cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất", "công tác đăng ký đất đai, cấp giấy chứng nhận lần đầu"),
       ("bảo đảm đúng quy định", "giải quyết dứt điểm các hồ sơ tồn đọng"),
       lead="kt", metrics=("cấp {n} giấy chứng nhận quyền sử dụng đất", "tiếp nhận {b} hồ sơ, giải quyết {a}/{b} hồ sơ")),
    _T("gpmb", "dothi", ("công tác giải phóng mặt bằng các dự án trọng điểm", "việc bồi thường, hỗ trợ, tái định cư và bàn giao mặt bằng các dự án"),
       ("trên địa bàn {k}", "làm tốt công tác tuyên truyền, vận động các hộ dân"),
       lead="ubnd", partners=("mttq", "kt"), metrics=("bàn giao {p}% diện tích mặt bằng", "chi trả tiền bồi thường cho {n} hộ")),
    _T("rac", "dothi", ("công tác vệ sinh môi trường, thu gom và xử lý rác thải", "việc phân loại rác thải sinh hoạt tại nguồn"),
       ("không để tồn đọng rác thải", "bảo đảm cảnh quan môi trường xanh - sạch - đẹp"),
       lead="kt", partners=("phunu", "doan"), metrics=("ra quân tổng vệ sinh {n} lượt",)),
    _T("chinhtrang", "dothi", ("việc chỉnh trang đô thị, cải tạo hệ thống chiếu sáng công cộng", "công tác duy tu, sửa chữa hạ tầng giao thông, thoát nước"),
       ("tại các tuyến đường, khu dân cư", "huy động nguồn lực xã hội hóa"),
       lead="kt", metrics=("cải tạo {n} tuyến đường",)),
    _T("thientai", "dothi", ("công tác phòng, chống thiên tai và tìm kiếm cứu nạn", "phương án phòng, chống lụt bão, ứng phó thiên tai năm {y}"),
       ("theo phương châm bốn tại chỗ", "kiểm tra, đánh giá chất lượng đê, kè, cống"),
       lead="qs", partners=("ubnd", "ca"), months=(4, 5, 6, 7, 8, 9, 10)),
    _T("trongcay", "dothi", ('Lễ phát động "Tết trồng cây đời đời nhớ ơn Bác Hồ"', "phong trào trồng cây xanh trên địa bàn"),
       ("gắn với xây dựng cảnh quan đô thị", "phân công chăm sóc cây sau trồng"),
       lead="ubnd", partners=("doan",), metrics=("trồng mới {n} cây xanh",), months=(12, 1, 2)),
    # -- culture, society
    _T("ansinh", "vhxh", ("công tác an sinh xã hội, chăm lo đời sống người có công", "việc giải quyết chế độ, chính sách cho người có công và đối tượng bảo trợ xã hội"),
       ("bảo đảm kịp thời, đúng đối tượng", "không để người dân nào bị bỏ lại phía sau"),
       lead="vhxh", partners=("mttq",), metrics=("giải quyết {n} hồ sơ người có công", "trao {n} suất quà cho các đối tượng chính sách")),
    _T("tinhgian", "vhxh", ("việc giải quyết chế độ cho các đối tượng hưởng chính sách tinh giản biên chế", "chế độ, chính sách đối với cán bộ, công chức nghỉ việc theo chính sách tinh giản biên chế"),
       ("bảo đảm đúng đối tượng, đúng quy định", "công khai, minh bạch"),
       cites=("154",), lead="ubnd", partners=("vpdu",), metrics=("giải quyết chế độ cho {n} trường hợp",)),
    _T("giaoduc", "vhxh", ("kế hoạch xây dựng trường học đạt chuẩn Quốc gia năm {y}", "các nhiệm vụ đột phá phát triển giáo dục và đào tạo"),
       ("nâng cao chất lượng dạy và học", "tăng cường cơ sở vật chất cho các trường"),
       cites=("71",), lead="vhxh", metrics=("{n} trường được công nhận đạt chuẩn Quốc gia",)),
    _T("phudong", "vhxh", ("Hội khỏe Phù Đổng cấp cơ sở", "phong trào thể dục thể thao quần chúng"),
       ("lựa chọn vận động viên tham gia giải cấp {tp}", "thu hút đông đảo học sinh, Nhân dân tham gia"),
       lead="vhxh", partners=("doan",), metrics=("thu hút {n} vận động viên tham gia",)),
    _T("yte", "vhxh", ("công tác chăm sóc sức khỏe Nhân dân, phòng, chống dịch bệnh", "việc tiêm chủng mở rộng và phòng, chống sốt xuất huyết"),
       ("không để dịch bệnh lây lan", "nâng cao chất lượng khám, chữa bệnh ban đầu"),
       cites=("72",), lead="yte", metrics=("tiêm chủng đạt {p}% kế hoạch", "khám sàng lọc cho {n} người")),
    _T("bhyt", "vhxh", ("việc phát triển đối tượng tham gia bảo hiểm y tế, bảo hiểm xã hội tự nguyện", "công tác bảo hiểm y tế toàn dân"),
       ("phấn đấu đạt chỉ tiêu được giao", "tuyên truyền, vận động người dân tham gia"),
       lead="vhxh", partners=("phunu",), metrics=("tỷ lệ bao phủ bảo hiểm y tế đạt {p}%",)),
    _T("lehoi", "vhxh", ("công tác quản lý lễ hội, bảo tồn, phát huy giá trị di tích lịch sử, văn hóa", "hoạt động văn hóa, văn nghệ mừng Đảng, mừng Xuân"),
       ("bảo đảm văn minh, tiết kiệm, an toàn", "hướng dẫn hoạt động lễ hội theo quy định"),
       lead="vhxh", partners=("ca",), metrics=("tổ chức {n} chương trình văn hóa, văn nghệ",)),
    _T("vanhoa", "vhxh", ('phong trào "Toàn dân đoàn kết xây dựng đời sống văn hóa"', "việc xây dựng gia đình văn hóa, tổ dân phố văn hóa"),
       ("gắn với thực hiện nếp sống văn minh", "bình xét khách quan, thực chất"),
       lead="vhxh", partners=("mttq",), metrics=("{p}% hộ gia đình đạt danh hiệu gia đình văn hóa",)),
    _T("giamngheo", "vhxh", ("công tác giảm nghèo bền vững", "việc hỗ trợ hộ nghèo, hộ cận nghèo"),
       ("rà soát, cập nhật danh sách hộ nghèo, cận nghèo", "huy động nguồn lực xã hội hóa"),
       lead="vhxh", partners=("mttq", "phunu"), metrics=("hỗ trợ {n} hộ nghèo, cận nghèo",)),
    _T("vieclam", "vhxh", ("công tác giải quyết việc làm, đào tạo nghề cho người lao động", "việc kết nối cung - cầu lao động"),
       ("nhất là lao động nữ, thanh niên", "gắn với nhu cầu của doanh nghiệp"),
       lead="vhxh", partners=("doan",), metrics=("giải quyết việc làm cho {n} lao động",)),
    _T("tet", "vhxh", ("công tác chăm lo Tết Nguyên đán Bính Ngọ năm 2026", "việc tổ chức Tết Nguyên đán Bính Ngọ vui tươi, lành mạnh, an toàn, tiết kiệm"),
       ("bảo đảm mọi người, mọi nhà đều có Tết", "thăm, tặng quà các gia đình chính sách, hộ nghèo"),
       cites=("tet",), lead="ubnd", partners=("mttq",), metrics=("trao {n} suất quà Tết",), months=(12, 1, 2)),
    # -- administrative reform, digital transformation
    _T("tthc", "cchc", ("công tác tiếp nhận, giải quyết thủ tục hành chính tại Trung tâm Phục vụ hành chính công", "việc giải quyết hồ sơ thủ tục hành chính cho tổ chức, công dân"),
       ("bảo đảm đúng hạn, không để hồ sơ quá hạn", "niêm yết công khai đầy đủ các thủ tục hành chính"),
       lead="hcc", metrics=("tiếp nhận {b} hồ sơ, đã giải quyết {a}/{b} hồ sơ", "{p}% hồ sơ được giải quyết đúng hạn")),
    _T("dvc", "cchc", ("việc cung cấp dịch vụ công trực tuyến toàn trình", "tỷ lệ hồ sơ nộp trực tuyến qua Cổng dịch vụ công quốc gia"),
       ("hướng dẫn người dân sử dụng tài khoản định danh điện tử", "tăng tỷ lệ thanh toán trực tuyến"),
       cites=("06",), lead="hcc", partners=("ca",), metrics=("{p}% hồ sơ được tiếp nhận trực tuyến",)),
    _T("cds", "cchc", ("các nhiệm vụ chuyển đổi số, phát triển khoa học, công nghệ và đổi mới sáng tạo", 'phong trào "Bình dân học vụ số"'),
       ("phù hợp với điều kiện thực tiễn của địa phương", "nâng cao kỹ năng số cho cán bộ và Nhân dân"),
       cites=("57",), lead="ubnd", partners=("doan",), metrics=("{n} lượt người tham gia Bình dân học vụ số",)),
    _T("sohoa", "cchc", ("việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "công tác số hóa dữ liệu hộ tịch"),
       ("bảo đảm dữ liệu đúng, đủ, sạch, sống", "phục vụ khai thác, tái sử dụng dữ liệu"),
       cites=("57", "06"), lead="hcc", metrics=("số hóa {n} hồ sơ",)),
    _T("2cap", "cchc", ("việc vận hành mô hình chính quyền địa phương 2 cấp", "các giải pháp bảo đảm bộ máy chính quyền địa phương 2 cấp vận hành thông suốt"),
       ("phục vụ người dân, doanh nghiệp ngày càng tốt hơn", "kịp thời tháo gỡ khó khăn, vướng mắc phát sinh"),
       lead="ubnd", partners=("vpdu",)),
    _T("vbdt", "cchc", ("việc sử dụng văn bản điện tử, chữ ký số trong chỉ đạo, điều hành", "hệ thống quản lý văn bản và điều hành"),
       ("phấn đấu 100% văn bản được trao đổi dưới dạng điện tử", "bảo đảm an toàn thông tin"),
       cites=("57",), lead="vpdu", metrics=("{p}% văn bản được ký số",)),
    _T("dancu", "cchc", ("việc khai thác, sử dụng cơ sở dữ liệu quốc gia về dân cư", "các tiện ích của ứng dụng VNeID"),
       ("làm sạch dữ liệu dân cư", "phục vụ giải quyết thủ tục hành chính"),
       cites=("06",), lead="ca", metrics=("kích hoạt {n} tài khoản định danh điện tử mức độ 2",)),
    _T("kyluat", "cchc", ("kỷ luật, kỷ cương hành chính, văn hóa công sở", "việc kiểm tra công vụ, chấn chỉnh lề lối làm việc"),
       ("nâng cao tinh thần trách nhiệm của cán bộ, công chức", "gắn với trách nhiệm người đứng đầu"),
       lead="ubnd", partners=("vpdu",)),
    _T("phapluat", "cchc", ("công tác xây dựng, thi hành pháp luật và phổ biến, giáo dục pháp luật", "kế hoạch theo dõi thi hành pháp luật năm {y}"),
       ("bảo đảm văn bản ban hành đúng thẩm quyền", "đổi mới hình thức tuyên truyền pháp luật"),
       cites=("66",), lead="ubnd", partners=("mttq",)),
    # -- defence, security
    _T("tuyenquan", "qpan", ("công tác tuyển chọn và gọi công dân nhập ngũ năm {y}", "việc chuẩn bị Lễ giao nhận quân năm {y}"),
       ("bảo đảm đủ chỉ tiêu, chất lượng", "làm tốt công tác hậu phương quân đội"),
       lead="qs", partners=("ca", "doan"), metrics=("giao {n} tân binh, đạt {p}% chỉ tiêu",), months=(11, 12, 1, 2)),
    _T("trucsd", "qpan", ("chế độ trực sẵn sàng chiến đấu", "công tác quốc phòng địa phương"),
       ("bảo đảm quân số, phương tiện", "xử lý kịp thời các tình huống phát sinh"),
       lead="qs"),
    _T("toipham", "qpan", ("các biện pháp đấu tranh phòng, chống tội phạm và tệ nạn xã hội", "kế hoạch cao điểm tấn công, trấn áp tội phạm, bảo đảm an ninh, trật tự"),
       ("nhất là tội phạm trộm cắp tài sản, lừa đảo trên không gian mạng", "giữ vững an ninh chính trị, trật tự an toàn xã hội"),
       lead="ca", partners=("qs", "mttq"), metrics=("phát hiện, bắt giữ {n} vụ, {m} đối tượng",)),
    _T("matuy", "qpan", ('việc xây dựng {unit} không ma túy', "công tác phòng, chống ma túy trên địa bàn"),
       ("quản lý chặt chẽ người sử dụng trái phép chất ma túy", "phát huy vai trò của gia đình, cộng đồng"),
       lead="ca", partners=("doan", "mttq"), metrics=("lập hồ sơ quản lý {n} đối tượng",)),
    _T("pccc", "qpan", ("công tác phòng cháy, chữa cháy và cứu nạn, cứu hộ", "việc tuyên truyền, kiểm tra an toàn phòng cháy, chữa cháy tại các hộ gia đình, cơ sở kinh doanh"),
       ("nhất là nhà ở kết hợp sản xuất, kinh doanh", "xây dựng mô hình tổ liên gia an toàn phòng cháy, chữa cháy"),
       lead="ca", metrics=("kiểm tra {n} cơ sở", "thành lập {n} tổ liên gia an toàn phòng cháy, chữa cháy")),
    _T("giaothong", "qpan", ("công tác bảo đảm trật tự an toàn giao thông", "việc tuần tra, kiểm soát, xử lý vi phạm trật tự an toàn giao thông"),
       ("kiềm chế tai nạn giao thông trên cả ba tiêu chí", "nhất là trong các dịp lễ, Tết"),
       lead="ca", metrics=("lập biên bản xử lý {n} trường hợp vi phạm",)),
    _T("cutru", "qpan", ("công tác quản lý cư trú, quản lý địa bàn", "việc quản lý ngành, nghề kinh doanh có điều kiện về an ninh, trật tự"),
       ("gắn với làm sạch dữ liệu dân cư", "kịp thời phát hiện các trường hợp vi phạm"),
       cites=("06",), lead="ca"),
    _T("dqtv", "qpan", ("công tác huấn luyện dân quân tự vệ năm {y}", "việc xây dựng lực lượng dân quân vững mạnh, rộng khắp"),
       ("bảo đảm đúng nội dung, chương trình", "an toàn tuyệt đối về người và vũ khí"),
       lead="qs", metrics=("huấn luyện cho {n} đồng chí dân quân",)),
    _T("anninhcs", "qpan", ("hoạt động của lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở", "phong trào toàn dân bảo vệ an ninh Tổ quốc"),
       ("nhân rộng các mô hình tự quản về an ninh, trật tự", "kịp thời khen thưởng các tập thể, cá nhân có thành tích"),
       lead="ca", partners=("mttq",), metrics=("duy trì {n} mô hình tự quản",)),
)
_TOPIC_BY_ID = {t.id: t for t in _TOPICS}

_DOMAINS = ("dang", "kinhte", "dothi", "vhxh", "cchc", "qpan")
# section headings of the tasks part, in two or three wordings each
_DOMAIN_HEADINGS = {
    "dang": ("Về công tác xây dựng Đảng và hệ thống chính trị", "Về công tác xây dựng Đảng, hệ thống chính trị và vận động Nhân dân", "Công tác xây dựng Đảng, Mặt trận Tổ quốc và các đoàn thể"),
    "kinhte": ("Về kinh tế - ngân sách", "Về phát triển kinh tế, thu chi ngân sách"),
    "dothi": ("Công tác quản lý đô thị, quản lý đất đai, môi trường", "Về quản lý đất đai, trật tự xây dựng và môi trường"),
    "vhxh": ("Về văn hóa - xã hội", "Lĩnh vực văn hóa, giáo dục, y tế và an sinh xã hội"),
    "cchc": ("Về cải cách hành chính, chuyển đổi số", "Cải cách hành chính, chuyển đổi số, vận hành chính quyền địa phương 2 cấp"),
    "qpan": ("Về đảm bảo quốc phòng - an ninh", "Quốc phòng, an ninh, trật tự an toàn xã hội"),
}
# the results part groups domains more coarsely
_RESULT_GROUPS = (
    (("dang",), ("Công tác xây dựng Đảng, Mặt trận Tổ quốc và các đoàn thể", "Công tác Đảng, Mặt trận Tổ quốc", "Về công tác xây dựng Đảng và hệ thống chính trị")),
    (("kinhte", "dothi", "vhxh", "cchc"), ("Công tác chính quyền", "Về phát triển kinh tế - xã hội", "Lãnh đạo thực hiện nhiệm vụ phát triển kinh tế - xã hội")),
    (("qpan",), ("Quốc phòng - an ninh", "Về quốc phòng, an ninh, trật tự an toàn xã hội")),
)

_TASK_VERBS = (
    "Triển khai thực hiện", "Tập trung chỉ đạo", "Lãnh đạo, chỉ đạo thực hiện tốt", "Đẩy mạnh", "Tăng cường", "Thực hiện tốt",
    "Chỉ đạo thực hiện", "Xây dựng kế hoạch triển khai", "Nâng cao hiệu quả", "Quan tâm chỉ đạo", "Tổ chức thực hiện",
)
_CARRY_VERBS = (
    "Tiếp tục triển khai", "Tiếp tục thực hiện", "Tiếp tục chỉ đạo", "Khẩn trương hoàn thành", "Quyết liệt thực hiện",
    "Tiếp tục đẩy mạnh", "Tập trung hoàn thành dứt điểm",
)
_DONE_VERBS = (
    "Đã triển khai thực hiện tốt", "Hoàn thành", "Tổ chức thực hiện có hiệu quả", "Lãnh đạo, chỉ đạo thực hiện tốt",
    "Triển khai đồng bộ, đạt kết quả tích cực", "Đã tổ chức thành công", "Thực hiện hoàn thành",
)
_PARTIAL_VERBS = (
    "Bước đầu triển khai", "Đang tiếp tục triển khai", "Đã triển khai nhưng tiến độ còn chậm", "Tiếp tục thực hiện",
    "Đang hoàn thiện các nội dung về",
)
_DONE_TAILS = (
    "Kết quả cơ bản đạt yêu cầu đề ra.",
    "Các cơ quan, đơn vị đã phối hợp chặt chẽ, bảo đảm đúng tiến độ.",
    "Được cán bộ, đảng viên và Nhân dân đồng tình, hưởng ứng.",
)
_PARTIAL_TAILS = (
    "Tuy nhiên, kết quả còn chưa đồng đều, chưa đạt yêu cầu đề ra.",
    "Một số nội dung chưa hoàn thành, tiếp tục triển khai trong tháng tới.",
    "Tiến độ còn chậm so với kế hoạch.",
)
_FILLERS = (
    "Phấn đấu hoàn thành trước ngày {d}/{pm:02d}/{py}.",
    "Định kỳ báo cáo kết quả về Ban Thường vụ Đảng ủy.",
    "Gắn trách nhiệm của người đứng đầu với kết quả thực hiện.",
    "Kịp thời tháo gỡ những khó khăn, vướng mắc phát sinh.",
    "Tăng cường kiểm tra, đôn đốc, kịp thời chấn chỉnh những hạn chế.",
    "Bảo đảm đúng tiến độ, chất lượng và hiệu quả.",
    "Chủ động tham mưu các giải pháp phù hợp với tình hình thực tế của địa phương.",
)
_GENERIC_RESULTS = (
    "Tổ chức thành công Hội nghị Ban Chấp hành Đảng bộ {k} mở rộng, đánh giá kết quả thực hiện nhiệm vụ tháng {r} và triển khai nhiệm vụ tháng {p}.",
    "Tình hình an ninh chính trị, trật tự an toàn xã hội trên địa bàn cơ bản ổn định, không để xảy ra các tình huống đột xuất, bất ngờ.",
    "Các cơ quan tham mưu, giúp việc Đảng ủy đã chủ động tham mưu ban hành các văn bản lãnh đạo, chỉ đạo kịp thời, sát với thực tiễn.",
    "Trao Huy hiệu Đảng cho {n} đảng viên; thăm hỏi, động viên các đảng viên cao tuổi Đảng, đảng viên có hoàn cảnh khó khăn.",
    "Nắm bắt tâm tư, nguyện vọng của cán bộ, đảng viên và Nhân dân trên địa bàn, phục vụ hiệu quả công tác lãnh đạo, chỉ đạo của Ban Thường vụ Đảng ủy.",
)

# limitations: id -> wordings (a recurring limitation takes another wording)
_LIMITS: dict[str, tuple[str, ...]] = {
    "vneid": (
        "Hệ thống VNeID và phần mềm một cửa của {tp} đôi khi vẫn còn lỗi, không đăng nhập được, ảnh hưởng trực tiếp đến việc tiếp nhận và giải quyết TTHC của tổ chức và công dân",
        "Hệ thống phần mềm một cửa, VNeID, Cổng dịch vụ công quốc gia nhiều lúc bị quá tải dẫn đến việc đăng nhập bị chậm, ảnh hưởng đến thời gian thực hiện TTHC của người dân",
    ),
    "sotay": (
        "Tỷ lệ đảng viên cài đặt và sử dụng ứng dụng Sổ tay đảng viên điện tử còn thấp",
        "Việc sử dụng ứng dụng Sổ tay đảng viên điện tử ở một số chi bộ chưa thường xuyên, hiệu quả chưa cao",
    ),
    "vahe": (
        "Tình trạng lấn chiếm lòng đường, vỉa hè để kinh doanh buôn bán nhỏ lẻ tại một số tuyến đường, khu vực chợ còn diễn ra",
        "Vẫn còn hiện tượng lấn chiếm vỉa hè, lòng đường, dừng đỗ xe không đúng nơi quy định tại một số tuyến đường",
    ),
    "tiendo": (
        "Tiến độ giải quyết một số nhiệm vụ chuyên môn của các cơ quan, đơn vị còn chậm so với yêu cầu",
        "Một số nhiệm vụ được giao còn chậm tiến độ, chưa hoàn thành đúng thời hạn",
    ),
    "phoihop": (
        "Công tác phối hợp giữa một số bộ phận chuyên môn và các {tdp} trong thực hiện nhiệm vụ đôi khi chưa kịp thời, chưa đồng bộ",
        "Sự phối hợp giữa các cơ quan, đơn vị với các {tdp} có lúc còn thiếu chặt chẽ",
    ),
    "tuyentruyen": (
        "Công tác tuyên truyền, vận động Nhân dân trong một số lĩnh vực hiệu quả chưa đồng đều",
        "Hình thức tuyên truyền ở một số chi bộ còn đơn điệu, chưa thu hút được Nhân dân",
    ),
    "thuns": (
        "Thu ngân sách một số khoản còn đạt thấp so với dự toán, nhất là thu tiền sử dụng đất",
        "Kết quả thu ngân sách từ tiền sử dụng đất còn thấp, chưa đạt tiến độ dự toán",
    ),
    "gpmb": (
        "Công tác giải phóng mặt bằng một số dự án còn vướng mắc, kéo dài",
        "Việc bàn giao mặt bằng một số dự án còn chậm do vướng mắc về giá đất bồi thường",
    ),
    "xaydung": (
        "Vi phạm trật tự xây dựng vẫn còn phát sinh, việc xử lý chưa dứt điểm",
        "Việc xử lý các công trình vi phạm trật tự xây dựng còn chậm, chưa kiên quyết",
    ),
    "rac": (
        "Tình trạng đổ rác thải không đúng nơi quy định tại một số khu vực còn xảy ra",
        "Ý thức giữ gìn vệ sinh môi trường của một bộ phận Nhân dân chưa cao, còn tình trạng vứt rác bừa bãi",
    ),
    "nhansu": (
        "Đội ngũ cán bộ, công chức còn thiếu so với vị trí việc làm, một số đồng chí còn lúng túng khi thực hiện nhiệm vụ mới",
        "Số lượng công chức còn thiếu, một số vị trí phải kiêm nhiệm nên áp lực công việc lớn",
    ),
    "hatang": (
        "Trang thiết bị, hạ tầng công nghệ thông tin phục vụ chuyển đổi số còn thiếu, chưa đồng bộ",
        "Hạ tầng số, máy móc, thiết bị phục vụ công việc còn thiếu và xuống cấp",
    ),
    "dvc": (
        "Tỷ lệ hồ sơ dịch vụ công trực tuyến toàn trình còn thấp",
        "Người dân còn chưa quen với việc nộp hồ sơ trực tuyến, tỷ lệ thanh toán trực tuyến chưa cao",
    ),
    "chibo": (
        "Chất lượng sinh hoạt chi bộ ở một số chi bộ chưa cao, nội dung sinh hoạt chưa phong phú",
        "Nội dung sinh hoạt của một số chi bộ còn chung chung, chưa đi vào chiều sâu",
    ),
    "toipham": (
        "Tình hình tội phạm, tệ nạn xã hội, nhất là ma túy, trộm cắp tài sản còn diễn biến phức tạp",
        "Tội phạm lừa đảo chiếm đoạt tài sản trên không gian mạng còn tiềm ẩn phức tạp",
    ),
    "giaothong": (
        "Ý thức chấp hành quy định về trật tự an toàn giao thông của một bộ phận người dân chưa nghiêm",
        "Vẫn còn tình trạng vi phạm trật tự an toàn giao thông, nhất là thanh thiếu niên điều khiển xe khi chưa đủ tuổi",
    ),
    "donthu": (
        "Một số đơn thư còn tồn đọng, giải quyết chưa dứt điểm",
        "Việc giải quyết một số vụ việc khiếu nại về đất đai còn kéo dài",
    ),
    "bhyt": (
        "Tỷ lệ người dân tham gia bảo hiểm y tế chưa đạt chỉ tiêu đề ra",
        "Việc phát triển đối tượng tham gia bảo hiểm xã hội tự nguyện còn gặp nhiều khó khăn",
    ),
}


# --- per-unit state ------------------------------------------------------------


@dataclass
class _Planned:
    topic: str
    wording: int


@dataclass
class _UnitState:
    tasks: list[_Planned] = field(default_factory=list)
    limits: list[tuple[str, int]] = field(default_factory=list)
    #: running number of the unit's notices in a year (the "Số 12-NQ/ĐU")
    numbers: dict[int, int] = field(default_factory=dict)
    #: last notice's identity: (number, symbol, date dd/mm/yyyy) or None
    previous: tuple[str, str, str] | None = None


def _period(k: int) -> tuple[int, int]:
    y, m = FIRST_PERIOD
    m0 = m - 1 + k
    return y + m0 // 12, m0 % 12 + 1


def _month_word(rng: random.Random, m: int) -> str:
    return f"{m:02d}" if rng.random() < 0.6 else str(m)


class _Ctx(dict):  # type: ignore[type-arg]
    """format_map context: a missing key stays as written."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _fill(text: str, ctx: _Ctx, rng: random.Random) -> str:
    if "{" not in text:
        return text
    b = rng.randint(120, 3900)
    ctx.update(n=rng.randint(2, 60), m=rng.randint(1, 25), p=rng.randint(62, 100), b=b, a=b - rng.randint(0, b // 40))
    return text.format_map(ctx)


def _body(rng: random.Random, body: str, ctx: _Ctx) -> str:
    return rng.choice(_BODIES[body]).format_map(ctx)


def _cite(rng: random.Random, key: str, first: bool) -> str:
    forms = _DIRECTIVES[key]
    return forms[0] if first and rng.random() < 0.7 else rng.choice(forms)


def _task_text(rng: random.Random, topic: Topic, wording: int, carried: bool, ctx: _Ctx, cited: set[str]) -> str:
    verb = rng.choice(_CARRY_VERBS if carried else _TASK_VERBS)
    obj = topic.objects[wording % len(topic.objects)]
    if not verb.startswith("Tiếp tục") and carried and rng.random() < 0.3:
        verb = "Tiếp tục " + verb[0].lower() + verb[1:]
    parts = [f"{verb} {obj}"]
    details = list(topic.details)
    rng.shuffle(details)
    first = details[0]
    parts.append(", " + first)
    for d in details[1 : 1 + rng.randint(0, 2)]:
        parts.append("; " + d)
    sentence = "".join(parts)
    if topic.cites and rng.random() < 0.55:
        key = rng.choice(topic.cites)
        sentence += f" theo {_cite(rng, key, key not in cited)}"
        cited.add(key)
    sentences = [sentence + "."]
    if topic.lead and rng.random() < 0.65:
        lead = _body(rng, topic.lead, ctx)
        partners = [_body(rng, b, ctx) for b in topic.partners if rng.random() < 0.6]
        if partners and rng.random() < 0.5:
            sentences.append(f"Giao {lead} chủ trì, phối hợp với {', '.join(partners)} tổ chức thực hiện.")
        elif partners:
            sentences.insert(0, f"{lead} chủ trì, phối hợp với {' và '.join(partners)}:")
            sentences[1] = sentences[1][0].lower() + sentences[1][1:]
        else:
            sentences.append(f"Giao {lead} chịu trách nhiệm tham mưu, tổ chức thực hiện.")
    if rng.random() < 0.35:
        sentences.append(rng.choice(_FILLERS))
    text = " ".join(sentences)
    return _fill(text, ctx, rng)


def _result_text(rng: random.Random, topic: Topic, wording: int, outcome: str, ctx: _Ctx, cited: set[str]) -> str:
    obj = topic.objects[(wording + rng.randint(0, 1)) % len(topic.objects)]
    verb = rng.choice(_DONE_VERBS if outcome == "done" else _PARTIAL_VERBS)
    # "Đã tổ chức thành công việc ..." reads wrong: drop the object's "việc"/"công tác" now and then
    sentence = f"{verb} {obj}"
    if topic.metrics:
        sentence += ", " + rng.choice(topic.metrics)
    if topic.cites and rng.random() < 0.3:
        key = rng.choice(topic.cites)
        sentence += f" theo tinh thần {_cite(rng, key, key not in cited)}"
        cited.add(key)
    if rng.random() < 0.5:
        sentence += ", " + rng.choice(topic.details)
    sentences = [sentence + "."]
    if outcome == "partial":
        sentences.append(rng.choice(_PARTIAL_TAILS))
    elif rng.random() < 0.3:
        sentences.append(rng.choice(_DONE_TAILS))
    return _fill(" ".join(sentences), ctx, rng)


def _season_ok(topic: Topic, month: int) -> bool:
    return not topic.months or month in topic.months


# --- one notice ----------------------------------------------------------------


def _header(rng: random.Random, unit: Unit, form: str, number: str | None, date: str) -> list[str]:
    up_parent = f"ĐẢNG BỘ {unit.parent_kind.upper()} {unit.parent.upper()}"
    up_unit = f"ĐẢNG ỦY {unit.kind.upper()} {unit.name.upper()}"
    sym = "NQ/ĐU" if form == "NQ" else "TB/ĐU"
    so = f"Số {number}-{sym}" if number else f"Số -{sym}"
    if rng.random() < 0.3:
        so = so.replace("Số ", "Số: ", 1)
    place = f"{unit.name}, {date}"
    r = rng.random()
    if r < 0.05:  # header lost in extraction: the title comes first (the first seed)
        return ["", ""]
    if r < 0.13:  # only the number and the date survived (the second seed)
        return ["", "", "*", so, "", place, ""]
    if r < 0.30:  # two columns of the PDF on one line
        return [f"{up_parent}{' ' * rng.randint(6, 14)}ĐẢNG CỘNG SẢN VIỆT NAM", up_unit, "*", f"{so}{' ' * rng.randint(8, 20)}{place}", ""]
    return [up_parent, up_unit, "*", so, "ĐẢNG CỘNG SẢN VIỆT NAM", place, ""]


def _title(rng: random.Random, form: str, r: tuple[int, int], p: tuple[int, int]) -> list[str]:
    (ry, rm), (py, pm) = r, p
    rw, pw = _month_word(rng, rm), _month_word(rng, pm)
    if form == "NQ":
        head = ["NGHỊ QUYẾT", "CỦA BAN THƯỜNG VỤ ĐẢNG ỦY"]
        sub = rng.choice((
            f"về kết quả công tác tháng {rw} và nhiệm vụ trọng tâm tháng {pw}/{py}",
            f"về kết quả thực hiện nhiệm vụ tháng {rw}/{ry} và phương hướng, nhiệm vụ tháng {pw}/{py}",
            f"về kết quả công tác tháng {rw} năm {ry}, nhiệm vụ trọng tâm tháng {pw} năm {py}",
        ))
    else:
        head = ["THÔNG BÁO", "KẾT LUẬN CỦA BAN THƯỜNG VỤ ĐẢNG ỦY"]
        sub = rng.choice((
            f"về kết quả thực hiện nhiệm vụ tháng {rw}, phương hướng\nnhiệm vụ trọng tâm tháng {pw} năm {py}",
            f"về tình hình, kết quả thực hiện nhiệm vụ tháng {rw}/{ry}\nvà nhiệm vụ trọng tâm tháng {pw}/{py}",
            f"về kết quả công tác tháng {rw} và nhiệm vụ trọng tâm tháng {pw}/{py}",
        ))
    return [*head, *sub.split("\n"), ""]


def _roman(i: int) -> str:
    return ("I", "II", "III", "IV", "V")[i]


@dataclass
class _Doc:
    lines: list[str]
    size: int = 0

    def add(self, *lines: str) -> None:
        for line in lines:
            self.lines.append(line)
            self.size += len(line.encode("utf-8")) + 1


def _notice(rng: random.Random, unit: Unit, k: int, state: _UnitState) -> str:
    r = _period(k)
    p = _period(k + 1)
    (ry, rm), (py, pm) = r, p
    form = unit.form if rng.random() < 0.85 else ("TB" if unit.form == "NQ" else "NQ")
    tp_word = unit.parent_kind
    ctx = _Ctx(
        k=unit.kind, K=unit.kind.capitalize(), unit=unit.unit, name=unit.name, tp=tp_word,
        tu="Thành ủy" if tp_word == "thành phố" else "Tỉnh ủy", tdp="tổ dân phố" if unit.kind == "phường" else "thôn",
        y=py, ry=ry, r=_month_word(rng, rm), p=_month_word(rng, pm), py=py, pm=pm, d=rng.randint(10, 28),
    )
    # issue date: the last days of the reviewed month or the first days of the planned one
    if rng.random() < 0.6:
        dy, dm, dd = ry, rm, rng.randint(24, 28)
    else:
        dy, dm, dd = py, pm, rng.randint(1, 5)
    year_no = state.numbers.get(dy, 0) + 1
    state.numbers[dy] = year_no
    number = None if rng.random() < 0.1 else f"{year_no + (0 if form == 'NQ' else 20):02d}"
    date = f"ngày tháng {dm:02d} năm {dy}" if rng.random() < 0.08 else f"ngày {dd:02d} tháng {dm:02d} năm {dy}"
    target = rng.randint(11_000, 28_500)
    cited: set[str] = set()

    doc = _Doc([])
    doc.add(*_header(rng, unit, form, number, date), *_title(rng, form, r, p))
    nq = form == "NQ"
    if nq and rng.random() < 0.7:
        doc.add(
            f"Căn cứ Quy chế làm việc của Ban Chấp hành Đảng bộ {unit.unit}, nhiệm kỳ 2025 - 2030; Ban Thường vụ Đảng ủy "
            f"{unit.kind} đánh giá kết quả công tác tháng {ctx['r']} và triển khai một số nhiệm vụ trọng tâm tháng {ctx['p']}/{py} như sau:",
            "",
        )
    else:
        meet = f"{min(dd, 28):02d}/{dm:02d}/{dy}"
        doc.add(
            f"Thực hiện Quy chế làm việc, ngày {meet} Ban Thường vụ Đảng ủy {unit.unit} họp đánh giá tình hình, kết quả thực hiện "
            f"nhiệm vụ công tác tháng {ctx['r']}, phương hướng nhiệm vụ trọng tâm tháng {ctx['p']} năm {py}.",
            "",
            "Sau khi nghe báo cáo, xem xét và thảo luận, Ban Thường vụ Đảng ủy kết luận:",
            "",
        )

    # ---- part one: results of the reviewed month, answering last month's tasks
    prev = state.tasks or [
        _Planned(t.id, rng.randrange(3)) for t in rng.sample(_TOPICS, 14) if _season_ok(t, rm)
    ]
    outcomes: dict[str, str] = {}
    for t in prev:
        x = rng.random()
        outcomes[t.topic] = "done" if x < 0.55 else "partial" if x < 0.75 else "carried" if x < 0.87 else "silent"
    results_by_domain: dict[str, list[str]] = {d: [] for d in _DOMAINS}
    if state.previous and rng.random() < 0.8:
        num, sym, when = state.previous
        results_by_domain["dang"].append(
            f"Thường trực Đảng ủy, Ban Thường vụ Đảng ủy tập trung lãnh đạo, chỉ đạo triển khai kịp thời các nhiệm vụ tại "
            f"{'Nghị quyết' if sym.startswith('NQ') else 'Thông báo'} số {num}-{sym} ngày {when} của Ban Thường vụ Đảng ủy "
            f"về nhiệm vụ trọng tâm tháng {ctx['r']}, đảm bảo hệ thống chính trị được vận hành thông suốt."
        )
    for t in prev:
        o = outcomes[t.topic]
        if o in ("done", "partial"):
            topic = _TOPIC_BY_ID[t.topic]
            results_by_domain[topic.domain].append(_result_text(rng, topic, t.wording, o, ctx, cited))
    for g in rng.sample(_GENERIC_RESULTS, 2):
        results_by_domain[rng.choice(("dang", "qpan"))].append(_fill(g, ctx, rng))

    res_style = rng.choice(("groups", "enum", "dash"))
    part1 = f"{_roman(0)}. ĐÁNH GIÁ KẾT QUẢ CÔNG TÁC THÁNG {_month_word(rng, rm)}" if nq else f"1. Kết quả thực hiện nhiệm vụ tháng {_month_word(rng, rm)} năm {ry}"
    doc.add(part1, "")
    if res_style == "groups" and nq:
        for gi, (domains, headings) in enumerate(_RESULT_GROUPS, 1):
            paras = [x for d in domains for x in results_by_domain[d]]
            if not paras:
                continue
            doc.add(f"{gi}. {rng.choice(headings)}", "")
            # several results share one paragraph, as in the seeds
            i = 0
            while i < len(paras):
                j = i + rng.randint(1, 3)
                doc.add(" ".join(paras[i:j]), "")
                i = j
        n_groups = len(_RESULT_GROUPS)
    else:
        all_results = [x for d in _DOMAINS for x in results_by_domain[d]]
        for i, para in enumerate(all_results, 1):
            doc.add(f"({i}) {para}" if res_style == "enum" else f"- {para}", "")
        n_groups = 0

    # ---- limitations: last month's, some again in other words, and new ones
    limits: list[tuple[str, int]] = []
    for lid, w in state.limits:
        if rng.random() < 0.4:
            limits.append((lid, (w + 1) % len(_LIMITS[lid])))
    fresh = [x for x in _LIMITS if x not in {lid for lid, _ in limits}]
    for lid in rng.sample(fresh, rng.randint(2, 4)):
        limits.append((lid, rng.randrange(len(_LIMITS[lid]))))
    lim_texts = [_LIMITS[lid][w].format_map(ctx) for lid, w in limits]
    if nq and n_groups and rng.random() < 0.5:
        doc.add(f"{n_groups + 1}. Hạn chế, tồn tại: " + ". ".join(lim_texts) + ".", "")
    else:
        doc.add("Tuy nhiên bên cạnh kết quả đạt được còn một số khó khăn, tồn tại, hạn chế:", "")
        for lim in lim_texts:
            doc.add(f"- {lim}.", "")
    state.limits = limits

    # ---- closing (built now so its size counts), written after the tasks
    closing = _closing(rng, unit, form, ctx)
    closing_size = sum(len(x.encode("utf-8")) + 1 for x in closing)

    # ---- part two: tasks of the planned month
    part2 = f"{_roman(1)}. NHIỆM VỤ TRỌNG TÂM THÁNG {_month_word(rng, pm)}" if nq else f"2. Nhiệm vụ trọng tâm tháng {_month_word(rng, pm)} năm {py}"
    intro = (
        "Ban Thường vụ Đảng ủy yêu cầu các cơ quan tham mưu, giúp việc Đảng ủy, HĐND, UBND, UBMTTQ và các chi, đảng bộ trực thuộc, "
        f"các đoàn thể chính trị - xã hội của {unit.kind} tập trung chỉ đạo, tổ chức thực hiện tốt một số nhiệm vụ trọng tâm sau:"
    )
    planned: list[tuple[_Planned, bool]] = []
    for t in prev:
        topic = _TOPIC_BY_ID[t.topic]
        o = outcomes[t.topic]
        again = o == "carried" or (o == "partial" and rng.random() < 0.6) or (o == "done" and rng.random() < 0.15)
        if again and _season_ok(topic, pm):
            # carried over in other words: another wording of the object, a "Tiếp tục ..." verb
            planned.append((_Planned(t.topic, (t.wording + rng.randint(0, 1)) % len(topic.objects)), True))
    pool = [t for t in _TOPICS if _season_ok(t, pm) and t.id not in {x.topic for x, _ in planned}]
    rng.shuffle(pool)
    texts: list[tuple[str, str]] = []  # (domain, text)
    budget = target - doc.size - closing_size - len(part2) - len(intro) - 200
    used = 0
    for pl, carried in planned:
        topic = _TOPIC_BY_ID[pl.topic]
        text = _task_text(rng, topic, pl.wording, carried, ctx, cited)
        texts.append((topic.domain, text))
        used += len(text.encode("utf-8")) + 12
    new_planned = [pl for pl, _ in planned]
    while (used < budget or len(texts) < 6) and pool:
        topic = pool.pop()
        pl = _Planned(topic.id, rng.randrange(len(topic.objects)))
        text = _task_text(rng, topic, pl.wording, False, ctx, cited)
        texts.append((topic.domain, text))
        new_planned.append(pl)
        used += len(text.encode("utf-8")) + 12
    # never above the ceiling: drop the last tasks
    ceiling = MAX_BYTES - 400 - doc.size - closing_size - len(part2.encode()) - len(intro.encode())
    while used > ceiling and len(texts) > 3:
        _, dropped = texts.pop()
        new_planned.pop()
        used -= len(dropped.encode("utf-8")) + 12
    state.tasks = new_planned

    doc.add(part2, "")
    if rng.random() < 0.7:
        doc.add(intro, "")
    _tasks_section(rng, doc, texts, nq, 2 if not nq else 0)
    doc.add(*closing)
    while doc.size < MIN_BYTES:  # a short month: one more standing task before the closing
        topic = rng.choice(_TOPICS)
        extra = _task_text(rng, topic, 0, False, ctx, cited)
        doc.lines[-len(closing):-len(closing)] = [f"- {extra}", ""]
        doc.size += len(extra.encode("utf-8")) + 4
    state.previous = (number, "NQ/ĐU" if nq else "TB/ĐU", f"{dd:02d}/{dm:02d}/{dy}") if number else None
    return _noise(rng, "\n".join(doc.lines) + "\n")


def _tasks_section(rng: random.Random, doc: _Doc, texts: Sequence[tuple[str, str]], nq: bool, top: int) -> None:
    """Tasks grouped by domain, in one of the genre's numbering styles."""
    by_domain: dict[str, list[str]] = {}
    for d, t in texts:
        by_domain.setdefault(d, []).append(t)
    domains = [d for d in _DOMAINS if d in by_domain]
    style = rng.choice(("dotted", "dash", "letters", "deep") if nq else ("dash", "deep", "dotted"))
    prefix = f"{top}." if top else ""
    if style == "deep":
        # 2.1. Party; 2.2. socio-economic with 2.2.1., 2.2.2. ... (the second seed)
        dang, rest = [d for d in domains if d == "dang"], [d for d in domains if d != "dang"]
        n = 0
        if dang:
            n += 1
            doc.add(f"{prefix}{n}. {rng.choice(_DOMAIN_HEADINGS['dang'])}", "")
            for t in by_domain["dang"]:
                doc.add(f"- {t}", "")
        if rest:
            n += 1
            doc.add(f"{prefix}{n}. Về phát triển kinh tế - xã hội, đảm bảo quốc phòng - an ninh", "")
            for j, d in enumerate(rest, 1):
                doc.add(f"{prefix}{n}.{j}. {rng.choice(_DOMAIN_HEADINGS[d])}", "")
                items = by_domain[d]
                if rng.random() < 0.4:  # one long paragraph, as written
                    doc.add(" ".join(items), "")
                else:
                    for t in items:
                        doc.add(f"- {t}", "")
        return
    for i, d in enumerate(domains, 1):
        doc.add(f"{prefix}{i}. {rng.choice(_DOMAIN_HEADINGS[d])}", "")
        for j, t in enumerate(by_domain[d], 1):
            if style == "dotted":
                doc.add(f"{prefix}{i}.{j}. {t}", "")
            elif style == "letters":
                doc.add(f"{'abcdefghiklmnopqrstuvxy'[(j - 1) % 23]}) {t}", "")
            else:
                doc.add(f"- {t}", "")


def _closing(rng: random.Random, unit: Unit, form: str, ctx: _Ctx) -> list[str]:
    k, tu = unit.kind, ctx["tu"]
    tdp = ctx["tdp"]
    out: list[str] = []
    if form == "TB" and rng.random() < 0.7:
        out += [
            f"Ban Thường vụ Đảng ủy, Hội đồng nhân dân, Ủy ban nhân dân {k}, Ban Xây dựng Đảng Đảng ủy, Ủy ban Kiểm tra Đảng ủy, "
            f"Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội {k}, các đảng bộ, chi bộ trực thuộc Đảng ủy chịu trách nhiệm "
            "tổ chức thực hiện Thông báo này.",
            "",
        ]
    if rng.random() < 0.5:
        out += [
            f"Giao các đồng chí Ủy viên BTV Đảng ủy, ủy viên BCH đảng bộ, Thường trực HĐND, UBND, các đồng chí bí thư chi bộ {tdp}; "
            f"bí thư chi, đảng bộ các cơ quan, đơn vị tổ chức thực hiện. Ủy ban Kiểm tra, Văn phòng Đảng ủy {k} thường xuyên kiểm tra, "
            f"đôn đốc việc thực hiện {'Nghị quyết' if form == 'NQ' else 'Thông báo'}, tổng hợp báo cáo Ban Thường vụ Đảng ủy.",
            "",
        ]
    else:
        out += [
            "Giao các đồng chí Ủy viên Ban Thường vụ Đảng ủy tăng cường nắm bắt tình hình cơ sở; kịp thời chỉ đạo, hướng dẫn các chi, "
            "đảng bộ trực thuộc triển khai thực hiện các nhiệm vụ chính trị của địa phương. Văn phòng Đảng ủy theo dõi, tổng hợp, "
            "báo cáo Ban Thường vụ Đảng ủy kết quả thực hiện.",
            "",
        ]
    recipients = [
        f"- Thường trực {tu}, (để b/c)",
        f"- Văn phòng {tu}, (để b/c)",
        "- Thường trực Đảng ủy,",
        f"- BTV Đảng ủy, BCH đảng bộ {k},",
        f"- TT HĐND, lãnh đạo UBND {k},",
        f"- Ủy ban MTTQ VN {k},",
        f"- Các cơ quan tham mưu giúp việc ĐU {k},",
        "- Các tổ chức đảng trực thuộc;",
    ]
    keep = [x for x in recipients if rng.random() < 0.75] or recipients[:2]
    out += ["Nơi nhận:", "", *keep, "- Lưu VPĐU.", ""]
    r = rng.random()
    if form == "TB" and r < 0.5:
        sig = ["T/L BAN THƯỜNG VỤ", "CHÁNH VĂN PHÒNG"], unit.office_chief
    elif r < 0.8:
        sig = ["T/M BAN THƯỜNG VỤ", "BÍ THƯ"], unit.secretary
    else:
        sig = ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"], unit.deputy
    lines, name = sig
    if rng.random() < 0.5:  # bold markers a converter left (the seeds)
        lines = [f"**{lines[0]}", f"{lines[1]}**"]
    out += [*lines, "", name]
    return out


# OCR-like slips the seeds carry ("Công dịch vụ công" for "Cổng")
_SLIPS = (("Cổng dịch vụ công", "Công dịch vụ công"), ("chủ trương", "chủ chương"), ("Nhân dân", "nhân dân"))


def _noise(rng: random.Random, text: str) -> str:
    """What PDF extraction leaves: a paragraph broken by a page end, "Uỷ/Ủy" mixed, a slip."""
    if rng.random() < 0.5:
        for _ in range(rng.randint(1, 3)):
            # a page ended mid-paragraph: a blank line between two words of a long line
            at = rng.randrange(len(text) // 4, len(text) * 3 // 4)
            eol = text.find("\n", at)
            sp = text.find(" ", at, eol if eol >= 0 else None)
            if sp > 0 and eol - sp > 40:
                text = text[:sp] + "\n\n" + text[sp + 1 :]
    if rng.random() < 0.3:
        text = text.replace("Ủy ban", "Uỷ ban", rng.randint(1, 4))
    if rng.random() < 0.1:
        a, b = rng.choice(_SLIPS)
        text = text.replace(a, b, 1)
    return text


# --- the corpus ----------------------------------------------------------------


def iter_notices(unit_index: int, months: int, seed: int = 7) -> Iterator[tuple[str, str]]:
    """``(file name, text)`` of one unit's notices, month by month.

    >>> names = [n for n, _ in iter_notices(3, 2)]; names
    ['u00003-2025-10.txt', 'u00003-2025-11.txt']
    """
    unit = unit_of(unit_index, seed)
    rng = random.Random(f"{seed}:{unit_index}")
    state = _UnitState()
    for k in range(months):
        y, m = _period(k)
        yield f"u{unit_index:05d}-{y}-{m:02d}.txt", _notice(rng, unit, k, state)


def _write_unit(args: tuple[str, int, int, int]) -> list[str]:
    out_dir, unit_index, count, seed = args
    names = []
    for name, text in iter_notices(unit_index, count, seed):
        (Path(out_dir) / name).write_text(text, encoding="utf-8")
        names.append(name)
    return names


_README = """# Synthetic notices (vanban.synth)

{notices} notices of {units} units, {months} months each, seed {seed}.

Generated by `vanban.synth.generate_corpus` for benchmarks. **Fictional**: the
ward and commune names, the people, the numbers and the events are made up
(names are built from syllable lists). The provinces above the units and the
national directives cited (57-NQ/TW, 71-NQ/TW, 154/2025/NĐ-CP, Đề án 06 ...)
are real. Do not cite these files as documents.
"""


def generate_corpus(out_dir: str | Path, notices: int, seed: int = 7, months: int = 12, workers: int = 1) -> list[Path]:
    """Write ``notices`` synthetic notices into ``out_dir``; return their paths, unit by unit, month by month.

    ``ceil(notices / months)`` units get ``months`` notices each (the last one
    fewer). ``workers > 1`` writes units in parallel processes; the files are
    the same either way.
    """
    if notices < 0 or months < 1:
        raise ValueError(f"notices must be >= 0 and months >= 1 (got {notices}, {months})")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    units = math.ceil(notices / months) if notices else 0
    jobs = [(str(out), u, min(months, notices - u * months), seed) for u in range(units)]
    (out / "README.md").write_text(_README.format(notices=notices, units=units, months=months, seed=seed), encoding="utf-8")
    paths: list[Path] = []
    if workers > 1 and units > 1:
        with ProcessPoolExecutor(workers) as pool:
            for names in pool.map(_write_unit, jobs, chunksize=max(1, min(64, units // (workers * 4) or 1))):
                paths += [out / n for n in names]
    else:
        for job in jobs:
            paths += [out / n for n in _write_unit(job)]
    return paths
