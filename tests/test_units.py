"""Administrative units: a header's unit -> its official 2025 code and province.

The registry is the vietnam-provinces package (its data ships in the wheel).
"""

from __future__ import annotations

import os

import pytest
from typer.testing import CliRunner

from ingest.normalize import normalize
from ingest.pipeline import parse_text
from ingest.units import province_of, resolve_unit
from tests.helpers import SEEDS
from vanban.cli import app


@pytest.fixture(autouse=True)
def _restore_environment():  # noqa: ANN202
    """The CLI writes its --limit/--province to the environment (for its worker processes): undo it after each test."""
    saved = dict(os.environ)
    yield
    os.environ.clear()
    os.environ.update(saved)


def test_the_registry_is_the_2025_one_and_offline() -> None:
    from vietnam_provinces import Province, Ward

    assert len(list(Province.iter_all())) == 34
    assert len(list(Ward.iter_all())) == 3321


# unit, province hint, status, code, province of the unit
CASES = [
    ("phường Tân Hưng", None, "ambiguous", None, None),  # in Hải Phòng and in Ho Chi Minh City
    ("phường Tân Hưng", "thành phố Hải Phòng", "registered", "10537", "Thành phố Hải Phòng"),
    ("phường Tân Hưng", "TP. Hồ Chí Minh", "registered", "27475", "Thành phố Hồ Chí Minh"),
    ("phường Tân Hưng", "79", "registered", "27475", "Thành phố Hồ Chí Minh"),  # a province code
    ("phường Đồ Sơn", None, "registered", "11455", "Thành phố Hải Phòng"),  # one of its name: no hint needed
    ("PHƯỜNG ĐỒ SƠN", None, "registered", "11455", "Thành phố Hải Phòng"),
    ("phường Đồ Sơn", "Lâm Đồng", "unknown", None, None),  # not in that province
    ("xã Đồ Sơn", None, "unknown", None, None),  # the level is part of the name
    ("tỉnh Lâm Đồng", None, "registered", "68", "Lâm Đồng"),
    ("thành phố Huế", None, "registered", "46", "Thành phố Huế"),
    ("thành phố Đà Lạt", None, "unknown", None, None),  # a provincial city dissolved in 2025
    ("huyện Đức Trọng", None, "unknown", None, None),  # no districts since July 2025
]


@pytest.mark.parametrize(("unit", "hint", "status", "code", "province"), CASES)
def test_resolve_unit(unit: str, hint: str | None, status: str, code: str | None, province: str | None) -> None:
    r = resolve_unit(unit, hint)
    assert r is not None and r.status == status
    assert (r.ref.code if r.ref else None, r.ref.province if r.ref else None) == (code, province)


def test_no_unit_no_resolution() -> None:
    assert resolve_unit(None) is None
    assert province_of("Narnia") is None


@pytest.mark.parametrize(
    ("city", "code"),
    [("THÀNH PHỐ HẢI PHÒNG", "10537"), ("THÀNH PHỐ HỒ CHÍ MINH", "27475")],
)
def test_header_upper_line_chooses_the_ward(city: str, code: str) -> None:
    raw = (f"ĐẢNG BỘ {city}      ĐẢNG CỘNG SẢN VIỆT NAM\nĐẢNG ỦY PHƯỜNG TÂN HƯNG\n*\n"
           "Số 12-TB/ĐU      Tân Hưng, ngày 30 tháng 6 năm 2026\nTHÔNG BÁO\nKẾT LUẬN CỦA BAN THƯỜNG VỤ ĐẢNG ỦY\n")
    h = parse_text(normalize(raw)).header
    assert (h.unit, h.unit_code, h.unit_status) == ("phường Tân Hưng", code, "registered")
    assert h.province == f"thành phố {city.split(' ', 2)[2].title()}"


def test_headerless_seed_needs_the_province_option() -> None:
    text = (SEEDS / "000_af8ae71dad894608.txt").read_text(encoding="utf-8")
    assert (parse_text(text).header.unit_status, parse_text(text).header.unit_code) == ("ambiguous", None)
    h = parse_text(text, province="Hải Phòng").header
    assert (h.unit, h.unit_code, h.unit_status) == ("phường Tân Hưng", "10537", "registered")


def test_ids_do_not_change_with_the_code() -> None:
    # the code is an extra field: the unit as written, and every id built from it, stay the same
    from graph.records import document_id

    text = (SEEDS / "000_af8ae71dad894608.txt").read_text(encoding="utf-8")
    assert document_id(parse_text(text)) == document_id(parse_text(text, province="Hải Phòng"))


def test_cli_province(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    monkeypatch.delenv("VANBAN_PROVINCE", raising=False)
    runner = CliRunner()
    seed = str(SEEDS / "000_af8ae71dad894608.txt")
    r = runner.invoke(app, ["parse", seed, "--province", "Hải Phòng"])
    assert r.exit_code == 0 and '"unit_code": "10537"' in r.output
    r = runner.invoke(app, ["parse", seed, "--province", "Narnia"])
    assert r.exit_code == 1
    assert "unknown province 'Narnia'" in r.output
