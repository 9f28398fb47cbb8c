"""One vocabulary (ingest/vocabulary.py): the tables exist once, and every stage reads them from there."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from ingest import vocabulary as V
from ingest.header import parse_header
from ingest.normalize import fold, normalize
from ingest.pipeline import parse_text

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("ingest", "graph", "app_pages", "vanban", "tools")
VOCABULARY = ROOT / "ingest" / "vocabulary.py"

#: names only ingest/vocabulary.py may define (a module may import them, never assign them)
OWNED = {
    "DOC_TYPES", "SYMBOL_TYPES", "HEADER_TYPES", "CITED_TYPES", "SHORT_TYPES", "_SHORT_TYPES",
    "VERDICTS", "REVIEW_VERDICTS", "VERDICT_LABELS", "VERDICT_COLORS", "VERDICT_FILLS",
    "LEVELS", "_LEVELS", "UNIT_LEVELS", "BODY_LEVELS", "ISSUER_LEVELS", "_SYMBOL_LEVEL", "_ISSUER_LEVEL",
    "slug", "_slug", "id_slug", "split_sentences", "Sentences", "_Sentences", "sentence_end_re",
    "item_at", "_item_at", "_innermost",
}


def _project_files() -> list[Path]:
    files = [ROOT / "app.py"]
    for pkg in PACKAGES:
        files += sorted((ROOT / pkg).rglob("*.py"))
    return [f for f in files if f != VOCABULARY]


def _module_level_definitions(tree: ast.Module) -> list[tuple[str, ast.AST]]:
    """(name, value) of every module-level assignment, function and class."""
    out: list[tuple[str, ast.AST]] = []
    for node in tree.body:
        if isinstance(node, ast.Assign):
            out += [(t.id, node.value) for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            out.append((node.target.id, node.value))
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            out.append((node.name, node))
    return out


def _strings(node: ast.AST) -> set[str]:
    """The string constants of a table (a pattern's f-string is a pattern, not a table: left out)."""
    if isinstance(node, ast.JoinedStr):
        return set()
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    return set().union(*(_strings(child) for child in ast.iter_child_nodes(node)))


#: a module-level table holding this many of a vocabulary's words is a copy of it
_VOCABULARIES = {
    "verdicts": set(V.VERDICTS),
    "document types": {t.name for t in V.DOC_TYPES} | {fold(t.name) for t in V.DOC_TYPES},
    "unit levels": set(V.UNIT_LEVELS) | set(V.UNIT_LEVELS.values()),
    "body levels": set(V.BODY_LEVELS) - {"xa", "tinh"},
}
_AT_LEAST = {"verdicts": 3, "document types": 4, "unit levels": 5, "body levels": 2}


def _copies(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for name, value in _module_level_definitions(tree):
        if name in OWNED:
            found.append(f"{name} (defined here; import it from ingest.vocabulary)")
        if isinstance(value, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        words = _strings(value)
        for vocab, known in _VOCABULARIES.items():
            if len(words & known) >= _AT_LEAST[vocab]:
                found.append(f"{name} holds {sorted(words & known)}: a copy of the {vocab}")
    return found


@pytest.mark.parametrize("path", _project_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_keeps_its_own_copy_of_the_vocabulary(path: Path) -> None:
    assert _copies(path) == []


@pytest.mark.parametrize(
    ("source", "copy"),
    [
        ('VERDICTS = ("done", "partial", "carried_over", "silent", "pending")', "VERDICTS"),
        ('_MINE = {"done": "x", "partial": "y", "silent": "z"}', "verdicts"),
        ('TYPES: dict[str, str] = {"nghi quyet": "Nghị quyết", "chi thi": "Chỉ thị", "ke hoach": "Kế hoạch"}', "document types"),
        ("def slug(text):\n    return text", "slug"),
        ('LEVELS = ("tw", "tinh", "xa", "co-so")', "LEVELS"),
        ('_W = ("phuong", "xa", "thi tran", "dac khu", "tinh")', "unit levels"),
    ],
)
def test_the_scan_finds_a_copy(tmp_path: Path, source: str, copy: str) -> None:
    f = tmp_path / "m.py"
    f.write_text(source + "\n", encoding="utf-8")
    assert any(copy in c for c in _copies(f)), _copies(f)


def test_the_scan_leaves_an_import_alone(tmp_path: Path) -> None:
    f = tmp_path / "m.py"
    f.write_text("from ingest.vocabulary import VERDICTS, slug\nLABEL = VERDICTS[0]\n", encoding="utf-8")
    assert _copies(f) == []


# --- the tables, read from the data files ---------------------------------------------------


@pytest.mark.parametrize(
    ("line", "doc_type"),
    [
        ("NGHỊ QUYẾT", "Nghị quyết"),
        ("THÔNG BÁO KẾT LUẬN", "Thông báo kết luận"),  # a header type of its own; a citation names it a Thông báo
        ("THÔNG TƯ LIÊN TỊCH", "Thông tư liên tịch"),
        ("BIÊN BẢN", "Biên bản"),
        ("KẾ HOẠCH", "Kế hoạch"),
        ("GIẤY PHÉP", "Giấy phép"),
    ],
)
def test_a_header_type_line_reads_the_type_of_the_data_file(line: str, doc_type: str) -> None:
    text = normalize(f"ĐẢNG ỦY PHƯỜNG ĐỒ SƠN\n\nSố 12-NQ/ĐU\n\n{line}\nvề công tác tháng 3 năm 2026\n\nNội dung.\n")
    assert parse_header(text).doc_type == doc_type


@pytest.mark.parametrize(
    ("symbol", "doc_type"),
    [("TB/ĐU", "Thông báo"), ("QĐi/TW", "Quy định"), ("QĐ-UBND", "Quyết định"), ("L-CTN", "Lệnh"), ("CTr/ĐU", "Chương trình")],
)
def test_a_header_without_type_line_takes_the_type_of_its_symbol(symbol: str, doc_type: str) -> None:
    text = normalize(f"ĐẢNG ỦY PHƯỜNG ĐỒ SƠN\n\nSố 12-{symbol}\n\nĐồ Sơn, ngày 02 tháng 3 năm 2026\n\nNội dung tháng 3.\n")
    assert parse_header(text).doc_type == doc_type


def test_a_cited_type_and_a_header_only_type_keep_apart() -> None:
    cited = {t.name for t in V.CITED_TYPES}
    assert "Thông báo kết luận" not in cited and "Biên bản" not in cited
    assert {"Nghị quyết", "Luật", "Hiến pháp"} <= cited
    assert "hien phap" not in V.HEADER_TYPES  # never a header's type line
    # every type has a name of its own, and the header reads every type that has a code of its own
    assert len({t.name for t in V.DOC_TYPES}) == len(V.DOC_TYPES)


@pytest.mark.parametrize(
    ("doc_type", "short"), [("Nghị quyết", "NQ"), ("Thông báo kết luận", "TB"), ("Thông báo", "TB"), ("Giải trình", "Giải trình")]
)
def test_short_type(doc_type: str, short: str) -> None:
    assert V.short_type(doc_type) == short


def test_verdicts_in_the_contracts_order_with_a_label_each() -> None:
    assert V.VERDICTS == ("done", "partial", "carried_over", "silent", "pending")
    assert V.REVIEW_VERDICTS == ("done", "partial", "carried_over", "silent")
    assert set(V.VERDICT_LABELS) == set(V.VERDICT_COLORS) == set(V.VERDICT_FILLS) == set(V.VERDICTS)


def test_every_body_of_the_registry_has_a_known_level() -> None:
    levels = {b["level"] for b in V.data("bodies")["bodies"]}
    assert levels == set(V.BODY_LEVELS)


@pytest.mark.parametrize(
    ("text", "slug", "id_slug"),
    [
        ("phường Tân Hưng", "phuong-tan-hung", "phuong-tan-hung"),
        ("NQ/ĐU", "nq-du", "nq/du"),
        ("  Luật Tổ chức chính quyền địa phương (sửa đổi) ", "luat-to-chuc-chinh-quyen-dia-phuong-sua-doi",
         "luat-to-chuc-chinh-quyen-dia-phuong-sua-doi"),
        (None, "", ""),
    ],
)
def test_the_two_slugs_differ_only_on_a_slash(text: str | None, slug: str, id_slug: str) -> None:
    assert (V.slug(text), V.id_slug(text)) == (slug, id_slug)


# --- which item holds a span: the same answer for every stage ----------------------------------

SEED = ROOT / "tests" / "data" / "corpus" / "seeds" / "003_283bb7c43c322961.txt"


def test_every_mention_is_in_the_item_that_holds_it() -> None:
    doc = parse_text(SEED.read_text(encoding="utf-8"))
    items = doc.items

    def holder(start: int, end: int) -> str | None:
        held = [it.id for it in items if it.start <= start and end <= it.end and start < it.end]
        return held[0] if len(held) == 1 else None

    assert items and all(a.end <= b.start for a, b in zip(items, items[1:], strict=False))
    assert [c.item for c in doc.citations] == [holder(c.start, c.end) for c in doc.citations]
    assert [b.item for b in doc.bodies if b.role == "mention"] == [holder(b.start, b.start + 1) for b in doc.bodies if b.role == "mention"]
    assert [m.item for m in doc.metrics] == [holder(m.start, m.start + 1) for m in doc.metrics]
    assert any(c.item for c in doc.citations) and any(m.item for m in doc.metrics)


def test_a_person_named_in_an_item_is_in_that_item() -> None:
    doc = parse_text((ROOT / "tests" / "data" / "corpus" / "real" / "hd-45-btctw-2025.txt").read_text(encoding="utf-8"))
    held = [next((it.id for it in doc.items if it.start <= p.start < it.end), None) for p in doc.people]
    assert [p.item for p in doc.people] == held
    assert sum(1 for h in held if h) >= len(held) - 1  # all but the signer
