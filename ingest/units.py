"""Stage 3b: a unit name -> its official code and province (the 2025 registry).

After the July 2025 reorganisation Vietnam has 34 provinces and 3,321 wards and
communes; 238 ward names are shared by several provinces (phường Tân Hưng is
in Hải Phòng and in Ho Chi Minh City). The registry is the maintained package
``vietnam-provinces`` (its data ships inside the wheel, nothing is fetched).

``resolve_unit(unit, province)`` finds the unit the header names among the
registry's units of the same level ("phường Tân Hưng" is not "xã Tân Hưng"),
and chooses among same-named ones by the province: the header's upper line
("ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG") or the ``--province`` option. A unit the
registry does not know (a pre-2025 district, "thị trấn", a typo) or cannot
tell apart without a province keeps no code and is flagged; the unit as
written stays what it was, and no id changes.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass

from ingest.normalize import fold
from ingest.vocabulary import UNIT_LEVEL_ABBREVIATIONS, UNIT_LEVELS

__all__ = ["UnitRef", "province_of", "registry_available", "resolve_unit"]


@dataclass(frozen=True)
class UnitRef:
    """A unit of the registry: official code and name, and its province."""

    code: str  # ward/commune code ("10537") or province code ("31")
    name: str  # "Phường Tân Hưng", "Thành phố Hải Phòng"
    province_code: str
    province: str


@dataclass(frozen=True)
class Resolution:
    """What the registry says of a header's unit.

    ``status``: ``registered`` (one unit: ``ref``), ``ambiguous`` (several
    units of that name and no province to choose: ``candidates``),
    ``unknown`` (the registry has none).
    """

    status: str
    ref: UnitRef | None = None
    candidates: tuple[UnitRef, ...] = ()


#: a unit level as the registry keys it (folded), from any way it is written: "tp." -> "thanh pho"
_UNIT_KEYS = {**{level: level for level in UNIT_LEVELS}, **UNIT_LEVEL_ABBREVIATIONS}
_UNIT = re.compile(r"^(?P<level>dac khu|thi tran|thanh pho|tp\.?|phuong|xa|tinh)\s+(?P<name>.+)$")


def _key(text: str) -> tuple[str, str] | None:
    """("phuong", "tan hung") from "phường Tân Hưng" / "Phường Tân Hưng"."""
    m = _UNIT.match(" ".join(fold(text).lower().replace("tp.", "tp. ").split()))
    if not m:
        return None
    return _UNIT_KEYS[m.group("level")], m.group("name").strip()


@functools.cache
def _registry() -> tuple[dict[tuple[str, str], list[UnitRef]], dict[str, UnitRef]]:
    from vietnam_provinces import Province, Ward

    provinces: dict[str, UnitRef] = {}
    by_code: dict[int, UnitRef] = {}
    for p in Province.iter_all():
        ref = UnitRef(str(int(p.code)), p.name, str(int(p.code)), p.name)
        by_code[int(p.code)] = ref
        key = _key(p.name)
        provinces[key[1] if key else fold(p.name).lower()] = ref
    wards: dict[tuple[str, str], list[UnitRef]] = defaultdict(list)
    for w in Ward.iter_all():
        key = _key(w.name)
        if key is None:
            continue
        province = by_code[int(w.province_code)]
        wards[key].append(UnitRef(f"{int(w.code):05d}", w.name, province.code, province.name))
    return dict(wards), provinces


@functools.cache
def registry_available() -> bool:
    """Whether the ``vietnam-provinces`` package is installed."""
    try:
        import vietnam_provinces  # noqa: F401
    except ImportError:
        return False
    return True


def province_of(text: str | None) -> UnitRef | None:
    """The province a name stands for: "thành phố Hải Phòng", "Hải Phòng", "TP. Hồ Chí Minh", "31".

    >>> province_of("ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG").code, province_of("Lâm Đồng").name
    ('31', 'Lâm Đồng')
    """
    if not text or not registry_available():
        return None
    _, provinces = _registry()
    t = text.strip()
    if t.isdigit():
        return next((p for p in provinces.values() if p.code == str(int(t))), None)
    f = " ".join(fold(t).lower().split())
    f = re.sub(r"^(?:dang bo|uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd|tinh uy|thanh uy)\s+", "", f)
    key = _key(f)
    name = key[1] if key and key[0] in ("tinh", "thanh pho") else f
    return provinces.get(name)


def cell_unit(cell: str, ward: str) -> str:
    """The unit of a Party cell of a ward: the cell within its ward (its own monthly series).

    >>> cell_unit("Chi bộ khu phố 3", "phường Tân Hưng")
    'Chi bộ khu phố 3, phường Tân Hưng'
    """
    return f"{cell.strip()}, {ward}"


def ward_of(unit: str) -> str:
    """The administrative unit a unit lies in: a Party cell's ward (:func:`cell_unit`), else the unit itself.

    >>> ward_of("Chi bộ khu phố 3, phường Tân Hưng"), ward_of("phường Tân Hưng")
    ('phường Tân Hưng', 'phường Tân Hưng')
    """
    return unit.rsplit(", ", 1)[-1] if is_cell(unit) else unit


def is_cell(name: str) -> bool:
    """Whether ``name`` is a Party cell's ("Chi bộ Khu phố 3", "CHI BỘ TỔ DÂN PHỐ SỐ 5")."""
    return fold(name).lower().startswith("chi bo ")


def resolve_unit(unit: str | None, province: str | None = None) -> Resolution | None:
    """Find ``unit`` ("phường Tân Hưng", "tỉnh Lâm Đồng") in the 2025 registry; None without a unit.

    ``province`` (a name or a code) chooses among same-named wards.

    >>> resolve_unit("phường Tân Hưng", "thành phố Hải Phòng").ref.code
    '10537'
    >>> resolve_unit("phường Tân Hưng").status
    'ambiguous'
    >>> resolve_unit("huyện Đức Trọng").status
    'unknown'
    >>> resolve_unit("Chi bộ khu phố 3, phường Tân Hưng", "thành phố Hải Phòng").ref.code
    '10537'
    """
    if not unit or not registry_available():
        return None
    key = _key(ward_of(unit))  # a Party cell's unit is found by its ward
    if key is None:
        return Resolution("unknown")
    level, name = key
    wards, provinces = _registry()
    if level in ("tinh", "thanh pho") and name in provinces:
        return Resolution("registered", provinces[name])
    candidates = tuple(wards.get((level, name), ()))
    if not candidates:
        return Resolution("unknown")
    hint = province_of(province)
    if hint is not None:
        candidates = tuple(c for c in candidates if c.province_code == hint.code)
        if not candidates:
            return Resolution("unknown")
    if len(candidates) == 1:
        return Resolution("registered", candidates[0])
    return Resolution("ambiguous", None, candidates)


#: a ward's or commune's organ named in a header: "ĐẢNG ỦY XÃ NÀ KHƯƠNG", "ỦY BAN NHÂN DÂN PHƯỜNG TÂN HƯNG"
_WARD_ORGAN = re.compile(
    r"(?:ĐẢNG ỦY|ĐẢNG UỶ|Đảng ủy|Đảng uỷ|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|Ủy ban nhân dân|UBND)\s+(?:XÃ|PHƯỜNG|ĐẶC KHU|xã|phường|đặc khu)"
    r"\s+(?P<name>[A-ZĐÀ-Ỹ][^\s,*]*(?:\s+[A-ZĐÀ-Ỹ][^\s,*]*){0,3})"
)


def ward_in_header(text: str, body_start: int, unit: str | None) -> str | None:
    """The ward a document's header names when the unit read is a province or a city above it.

    A header the reader got wrong reads "tỉnh Lào Cai" for a commune's notice whose organ line says "ĐẢNG ỦY XÃ NÀ
    KHƯƠNG": the notice would leave its commune's series without a word. ``None`` when the unit is a ward's already,
    or no ward's organ is named before the body.

    >>> ward_in_header("ĐẢNG BỘ TỈNH LÀO CAI   ĐẢNG ỦY XÃ NÀ KHƯƠNG   *   Số 17-NQ/ĐU\\nNGHỊ QUYẾT", 60, "tỉnh Lào Cai")
    'ĐẢNG ỦY XÃ NÀ KHƯƠNG'
    >>> ward_in_header("TỈNH ỦY LÀO CAI\\nSố 05-TB/TU\\nTHÔNG BÁO", 40, "tỉnh Lào Cai") is None
    True
    """
    if not unit or not unit.lower().startswith(("tỉnh", "thành phố")):
        return None
    m = _WARD_ORGAN.search(text, 0, max(0, body_start) or 600)
    return m.group(0) if m else None
