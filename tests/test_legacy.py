"""Legacy encodings (TCVN3, VNI, Windows-1258): tables, detection, round trips on real text."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from ingest.legacy import (
    _tcvn3_decode_table,
    detect_legacy,
    encode_legacy,
    is_syllable,
    tcvn3_to_unicode,
    unicode_to_tcvn3,
    unicode_to_vni,
    vni_to_unicode,
)
from ingest.readers import decode_text
from tests.helpers import corpus_path

FILES = sorted(corpus_path().glob("*/*.txt"))


def _paragraphs() -> list[str]:
    """20 real paragraphs (40+ characters), spread over the seeds and the real documents."""
    paras: list[str] = []
    for f in FILES:
        text = unicodedata.normalize("NFC", f.read_text(encoding="utf-8")).replace("**", "")
        paras += [p.strip() for p in text.split("\n") if len(p.strip()) >= 40]
    step = max(1, len(paras) // 20)
    return paras[::step][:20]


PARAGRAPHS = _paragraphs()


def _lower_toned_capitals(s: str) -> str:
    """What TCVN3 can keep of ``s``: it has no toned capitals outside words in capitals."""
    return s.lower()


# --- the tables -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("legacy", "unicode"),
    [
        # the national motto, as an ABC (.VnTime) file shows it in a Western font
        ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
        # ư is the soft-hyphen byte 0xAD, ơ is ¬, đ is ®
        ("Th\u00adêng trùc §¶ng uû, ®¬n vÞ", "Thường trực Đảng uỷ, đơn vị"),
        # a heading typed in a .VnTimeH font: capitals come back on the whole line
        ("NGHÞ QUYÕT CñA BAN TH¦êNG Vô", "NGHỊ QUYẾT CỦA BAN THƯỜNG VỤ"),
        # a sentence start stays as typed: "Hé" may be "Hộ" or "HỘ", the next word says "Hộ"
        ("Hé kinh doanh", "Hộ kinh doanh"),
        # digits, ASCII and punctuation pass through
        ("Sè 02-NQ/§U, ngµy 17/12/2025", "Số 02-NQ/ĐU, ngày 17/12/2025"),
    ],
)
def test_tcvn3_examples(legacy: str, unicode: str) -> None:
    assert tcvn3_to_unicode(legacy) == unicode


@pytest.mark.parametrize(
    ("legacy", "unicode"),
    [
        ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
        # ư = ö, ơ = ô, đ = ñ; "ươ" is "öô"
        ("Thöôøng tröïc Ñaûng uûy, ñôn vò", "Thường trực Đảng ủy, đơn vị"),
        # capitals take capital marks: Ậ = AÄ, Ị = Ò, Ư = Ö
        ("NGHÒ QUYEÁT CUÛA BAN THÖÔØNG VUÏ", "NGHỊ QUYẾT CỦA BAN THƯỜNG VỤ"),
        # ă and its tones: aê aé aè aú aü aë
        ("naêm, baéc, baèng, phaúng, haün, laëng", "năm, bắc, bằng, phẳng, hẵn, lặng"),
        # the one-byte i and ỵ forms
        (
            "ít, kì, chæ, nghó, vò, Quyù, kyõ, thuyû, vaø ñoä, tyû, Myõ, Kyø, yù, î",
            "ít, kì, chỉ, nghĩ, vị, Quý, kỹ, thuỷ, và độ, tỷ, Mỹ, Kỳ, ý, ỵ",
        ),
    ],
)
def test_vni_examples(legacy: str, unicode: str) -> None:
    assert vni_to_unicode(legacy) == unicode


@pytest.mark.skipif(shutil.which("iconv") is None, reason="needs glibc iconv")
def test_tcvn3_table_agrees_with_glibc() -> None:
    """Every byte of our table decodes as glibc's TCVN5712-1 converter decodes it."""
    table = _tcvn3_decode_table()
    codes = sorted(table)
    proc = subprocess.run(["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=bytes(codes), capture_output=True)
    if proc.returncode != 0:
        pytest.skip("this iconv has no TCVN5712-1")
    theirs = unicodedata.normalize("NFC", proc.stdout.decode("utf-8"))
    ours = "".join(table[c] for c in codes)
    assert theirs == ours


def test_tables_cover_every_vietnamese_letter() -> None:
    letters = "aăâeêioôơuưyđ"
    tones = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
    every = {unicodedata.normalize("NFC", b + t) for b in letters for t in (tones if b != "đ" else [""])}
    every |= {c.upper() for c in every}
    for ch in sorted(every):
        assert vni_to_unicode(unicode_to_vni(ch)) == ch, ch
        assert all(ord(c) < 256 for c in unicode_to_tcvn3(ch)), ch  # one byte each
        assert tcvn3_to_unicode(unicode_to_tcvn3(ch)).lower() == ch.lower(), ch


# --- syllables ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "valid"),
    [
        ("nghiêng", True),  # ngh before i
        ("quyết", True),  # qu + yêt
        ("Quỳnh", True),  # the u of qu is the medial of uynh
        ("giữa", True),  # gi + ưa
        ("gì", True),  # g + i, spelt without a second i
        ("thuở", True),  # uơ
        ("khuếch", True),
        ("ĐƯỜNG", True),  # capitals
        ("hòa", True),
        ("hoà", True),  # either tone placement
        ("kết", True),  # k before ê
        ("cết", False),  # c never before ê
        ("kan", False),  # k never before a
        ("ghà", False),  # gh only before e, ê, i
        ("bàc", False),  # -c takes only sắc or nặng
        ("Céng", False),  # TCVN3 mojibake of "Cộng"
        ("hoµ", False),  # µ is no Vietnamese letter
        ("Coäng", False),  # VNI mojibake
        ("UBND", False),  # an abbreviation
        ("café", False),  # -fé: f is no Vietnamese onset
    ],
)
def test_is_syllable(word: str, valid: bool) -> None:
    assert is_syllable(word) is valid


# --- detection and round trips on real text -----------------------------------


@pytest.mark.parametrize("para", PARAGRAPHS, ids=lambda p: p[:30])
def test_vni_round_trip_and_detection(para: str) -> None:
    legacy = unicode_to_vni(para)
    assert legacy != para
    assert vni_to_unicode(legacy) == para
    assert detect_legacy(legacy) == "vni"
    assert decode_text(legacy.encode("cp1252")) == (para, "vni")
    # the same text saved as UTF-8 by a program that showed it in a VNI font
    assert decode_text(legacy.encode("utf-8")) == (para, "vni")


@pytest.mark.parametrize("para", PARAGRAPHS, ids=lambda p: p[:30])
def test_tcvn3_round_trip_and_detection(para: str) -> None:
    legacy = unicode_to_tcvn3(para)
    assert legacy != para
    assert tcvn3_to_unicode(legacy).lower() == _lower_toned_capitals(para) or "¹" in para
    assert detect_legacy(legacy) == "tcvn3"
    text, encoding = decode_text(encode_legacy(para, "tcvn3"))
    assert encoding == "tcvn3"
    assert text.lower() == tcvn3_to_unicode(legacy).lower()
    text, encoding = decode_text(legacy.encode("utf-8"))
    assert encoding == "tcvn3"


@pytest.mark.parametrize("para", PARAGRAPHS, ids=lambda p: p[:30])
def test_cp1258_paragraphs_are_not_mistaken_for_legacy(para: str) -> None:
    data = encode_legacy(para, "cp1258")
    assert decode_text(data) == (para, "cp1258")


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_real_utf8_files_are_not_misdetected(path: Path) -> None:
    data = path.read_bytes()
    text, encoding = decode_text(data)
    assert encoding == "utf-8"
    assert text == data.decode("utf-8")
    assert detect_legacy(text) is None


def test_all_caps_heading_round_trips_exactly() -> None:
    heading = "ĐẢNG BỘ PHƯỜNG ĐỒ SƠN - CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert tcvn3_to_unicode(unicode_to_tcvn3(heading)) == heading


def test_every_corpus_word_round_trips() -> None:
    """All the distinct words of the corpus: exact through VNI, up to case through TCVN3."""
    words: set[str] = set()
    for f in FILES:
        words |= set(re.findall(r"[^\W\d_]+", unicodedata.normalize("NFC", f.read_text(encoding="utf-8"))))
    assert len(words) > 2000
    for w in sorted(words):
        assert vni_to_unicode(unicode_to_vni(w)) == w, w
        if not any(c in w for c in "¹²³ªº"):
            assert tcvn3_to_unicode(unicode_to_tcvn3(w)).lower() == w.lower(), w


@pytest.mark.parametrize(
    "text",
    [
        "Plain ASCII text, nothing to convert.",
        "Un café, s'il vous plaît; à bientôt, déjà vu.",  # French: Latin-1 letters, not Vietnamese
        "Ủy ban nhân dân phường Đồ Sơn",
        "mét",  # a valid Vietnamese word and a valid TCVN3 one ("một"): leave it
        "",
    ],
)
def test_detect_legacy_leaves_other_text(text: str) -> None:
    assert detect_legacy(text) is None


def test_encode_legacy_names_its_choices() -> None:
    with pytest.raises(ValueError, match="use tcvn3, vni or cp1258"):
        encode_legacy("x", "viscii")
