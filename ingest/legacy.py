"""Legacy Vietnamese encodings: TCVN3 (ABC) and VNI-Windows, to Unicode.

Older government files were typed in fonts that carry Vietnamese letters on
the code points of Western (Windows-1252) letters:

* **TCVN3** (TCVN 5712:1993 "VN3", the ``.VnTime``/``.VnArial`` "ABC" fonts):
  one byte per letter, lower-case toned letters only; upper-case text used the
  ``.VnTimeH`` fonts, which draw the same bytes as capitals.
  ``"Céng hoµ x· héi chñ nghÜa ViÖt Nam"`` is "Cộng hoà xã hội chủ nghĩa Việt Nam".
* **VNI-Windows** (``VNI-Times`` ...): a base letter followed by one mark byte.
  ``"Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam"`` is "Cộng hòa xã hội chủ nghĩa Việt Nam".

Such text reaches us as bytes (a .txt saved from those fonts) or already
decoded, as Western letters (mojibake) inside UTF-8 text, a .docx or a PDF.
:func:`detect_legacy` tells which by counting how many words become valid
Vietnamese syllables (:func:`is_syllable`) after conversion.

The tables below are written from the encodings' definitions; the TCVN3 one is
checked against glibc's ``TCVN5712-1`` converter in the tests.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata

__all__ = [
    "detect_legacy",
    "encode_legacy",
    "is_syllable",
    "syllable_score",
    "tcvn3_to_unicode",
    "unicode_to_tcvn3",
    "unicode_to_vni",
    "vni_to_unicode",
]

# The five tone marks, in the column order of the tables below.
_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
_TONES = (_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT)
_TONE_SET = frozenset(_TONES)


def _toned(base: str, tone: str) -> str:
    return unicodedata.normalize("NFC", base + tone)


# --- TCVN3 -------------------------------------------------------------------

# One row per vowel: the byte of the bare letter (None: it is ASCII), then its
# byte with each tone, in the order  `  ´  ?  ~  .  (huyền sắc hỏi ngã nặng).
#   "héi" -> h, 0xE9 (ộ), i -> "hội"
_TCVN3_GRID: tuple[tuple[str, int | None, int, int, int, int, int], ...] = (
    # base  bare  huyền sắc  hỏi   ngã   nặng
    ("a", None, 0xB5, 0xB8, 0xB6, 0xB7, 0xB9),
    ("ă", 0xA8, 0xBB, 0xBE, 0xBC, 0xBD, 0xC6),
    ("â", 0xA9, 0xC7, 0xCA, 0xC8, 0xC9, 0xCB),
    ("e", None, 0xCC, 0xD0, 0xCE, 0xCF, 0xD1),
    ("ê", 0xAA, 0xD2, 0xD5, 0xD3, 0xD4, 0xD6),
    ("i", None, 0xD7, 0xDD, 0xD8, 0xDC, 0xDE),
    ("o", None, 0xDF, 0xE3, 0xE1, 0xE2, 0xE4),
    ("ô", 0xAB, 0xE5, 0xE8, 0xE6, 0xE7, 0xE9),
    ("ơ", 0xAC, 0xEA, 0xED, 0xEB, 0xEC, 0xEE),
    ("u", None, 0xEF, 0xF3, 0xF1, 0xF2, 0xF4),
    ("ư", 0xAD, 0xF5, 0xF8, 0xF6, 0xF7, 0xF9),
    ("y", None, 0xFA, 0xFD, 0xFB, 0xFC, 0xFE),
)
# đ and the seven capitals VN3 has ("§¶NG" is "ĐẢNG" in a .VnTimeH font).
_TCVN3_OTHERS = {0xAE: "đ", 0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ"}
# Capitals that only the full TCVN 5712 "VN1" table has, on bytes VN3 leaves
# unused; decoded so that a VN1 file reads right, never produced.
_TCVN1_CAPITALS = {
    0xAF: "Ằ", 0xBA: "Ẳ", 0xBF: "Ẵ", 0xC0: "Ắ", 0xC1: "Ầ", 0xC2: "Ẩ", 0xC3: "Ẫ", 0xC4: "Ấ",
    0xC5: "Ề", 0xCD: "Ể", 0xD9: "Ễ", 0xDA: "Ế", 0xDB: "Ồ", 0xE0: "Ổ", 0xF0: "Ỗ", 0xFF: "Ố",
}


@functools.cache
def _tcvn3_decode_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for base, bare, *toned in _TCVN3_GRID:
        if bare is not None:
            table[bare] = base
        for code, tone in zip(toned, _TONES, strict=True):
            table[code] = _toned(base, tone)
    table.update(_TCVN3_OTHERS)
    table.update(_TCVN1_CAPITALS)
    # keys are the characters the bytes show as in Windows-1252/Latin-1
    return {code: ch for code, ch in table.items()}


@functools.cache
def _tcvn3_encode_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code, ch in _tcvn3_decode_table().items():
        if code in _TCVN1_CAPITALS:
            continue
        table[ord(ch)] = chr(code)
        up = ch.upper()
        # VN3 has no toned capitals: "Ủy" is written with the byte of "ủ"
        if len(up) == 1 and ord(up) not in table and up not in _TCVN3_OTHERS.values():
            table.setdefault(ord(up), chr(code))
    for code, ch in _TCVN3_OTHERS.items():
        table[ord(ch)] = chr(code)
    return table


_WORD = re.compile(r"[^\W\d_]+")
# a word of TCVN3 text: letters and the Latin-1 signs that stand for letters ("x·" is "xã")
_TCVN3_WORD = re.compile(r"(?:[^\W\d_]|[\u00a1-\u00ff])+")


def _restore_capitals(line: str, table: dict[int, str]) -> str:
    """Convert one mixed-case line word by word, upper-casing capital words.

    A word is in capitals when the letters it kept have two capitals and no
    small letter ("CéNG"); a word that cannot tell ("Hé", "§å") follows a
    neighbour in capitals: "Phã BÝ TH¦" -> "Phó BÍ THƯ".
    """
    matches = list(_TCVN3_WORD.finditer(line))
    kinds = []
    for m in matches:
        kept = [c for c, o in zip(m.group(0), m.group(0).translate(table), strict=True) if c == o and c.isalpha()]
        if any(c.islower() for c in kept):
            kinds.append("lower")
        elif sum(c.isupper() for c in kept) >= 2:
            # "TB" in "Sè -TB/§U" is an abbreviation, not a word in capitals
            kinds.append("caps" if len(kept) < len(m.group(0)) else "abbrev")
        else:
            kinds.append("unsure")
    out, pos = [], 0
    for i, m in enumerate(matches):
        word = m.group(0).translate(table)
        near = kinds[i - 1 : i] + kinds[i + 1 : i + 2]
        if kinds[i] in ("caps", "abbrev") or (kinds[i] == "unsure" and "caps" in near and any(c.isupper() for c in word)):
            word = word.upper()
        out.append(line[pos : m.start()].translate(table))
        out.append(word)
        pos = m.end()
    out.append(line[pos:].translate(table))
    return "".join(out)


def tcvn3_to_unicode(s: str) -> str:
    """Convert TCVN3 (ABC) text, seen as Latin-1/Windows-1252 characters, to Unicode.

    VN3 has no toned capitals (the ``.VnTimeH`` font draws capitals from the
    lower-case bytes), so capitals are restored where the text shows it wants
    them: on a line whose other letters are all capitals, and in a word in
    capitals (see :func:`_restore_capitals`). "Hé kinh" stays "Hộ kinh": a
    capital there begins a sentence as often as it begins a heading.

    >>> tcvn3_to_unicode("Céng hoµ x· héi chñ nghÜa ViÖt Nam")
    'Cộng hoà xã hội chủ nghĩa Việt Nam'
    >>> tcvn3_to_unicode("§¶NG Bé PH¦êNG §å S¬N\\nPhã BÝ TH¦, tr¸ch nhiÖm")
    'ĐẢNG BỘ PHƯỜNG ĐỒ SƠN\\nPhó BÍ THƯ, trách nhiệm'
    """
    table = _tcvn3_decode_table()
    lines = []
    for line in s.split("\n"):
        out = line.translate(table)
        if out != line:
            letters = [c for c in line if c.isascii() and c.isalpha()]
            if len(letters) >= 3 and all(c.isupper() for c in letters):
                out = out.upper()
            else:
                out = _restore_capitals(line, table)
        lines.append(out)
    return "\n".join(lines)


def unicode_to_tcvn3(s: str) -> str:
    """Unicode text in TCVN3, as the Latin-1 characters of its bytes (toned capitals become lower-case).

    >>> unicode_to_tcvn3("Cộng hoà xã hội chủ nghĩa Việt Nam")
    'Céng hoµ x· héi chñ nghÜa ViÖt Nam'
    """
    return unicodedata.normalize("NFC", s).translate(_tcvn3_encode_table())


# --- VNI-Windows ---------------------------------------------------------------

# VNI writes a toned or shaped vowel as the base letter and one mark byte, shown
# here as its Windows-1252 letter (the upper-case letter after a capital):
#   "eä" -> "ệ" (e + circumflex and dot), "aø" -> "à", "oâ" -> "ô", "aê" -> "ă"
_VNI_TONE_MARKS = ("ø", "ù", "û", "õ", "ï")  # huyền sắc hỏi ngã nặng
_VNI_CIRCUMFLEX = ("â", ("à", "á", "å", "ã", "ä"))  # â ê ô, then with each tone
_VNI_BREVE = ("ê", ("è", "é", "ú", "ü", "ë"))  # ă, then with each tone
# Letters VNI writes as one byte: ơ, ư, đ, the toned i, and ỵ.
_VNI_SINGLE = {"ô": "ơ", "ö": "ư", "ñ": "đ", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ", "ì": "ì", "í": "í"}


@functools.cache
def _vni_encode_map() -> dict[str, str]:
    """Every Vietnamese letter (both cases) -> its VNI spelling."""
    enc: dict[str, str] = {}
    for single, letter in _VNI_SINGLE.items():
        enc[letter] = single
    for base in "aeouy":
        for tone, mark in zip(_TONES, _VNI_TONE_MARKS, strict=True):
            enc.setdefault(_toned(base, tone), base + mark)
    for shaped, single in (("ơ", "ô"), ("ư", "ö")):
        for tone, mark in zip(_TONES, _VNI_TONE_MARKS, strict=True):
            enc[_toned(shaped, tone)] = single + mark
    for base, shaped in (("a", "â"), ("e", "ê"), ("o", "ô")):
        bare, toned = _VNI_CIRCUMFLEX
        enc[shaped] = base + bare
        for tone, mark in zip(_TONES, toned, strict=True):
            enc[_toned(shaped, tone)] = base + mark
    bare, toned = _VNI_BREVE
    enc["ă"] = "a" + bare
    for tone, mark in zip(_TONES, toned, strict=True):
        enc[_toned("ă", tone)] = "a" + mark
    out = dict(enc)
    for letter, spelling in enc.items():
        out[letter.upper()] = spelling.upper()
    return out


@functools.cache
def _vni_decode() -> tuple[re.Pattern[str], dict[str, str]]:
    dec: dict[str, str] = {}
    for letter, spelling in _vni_encode_map().items():
        if spelling == letter:
            continue
        dec[spelling] = letter
        if len(spelling) == 2:
            # a capital followed by a lower-case mark, as some converters leave it
            dec.setdefault(spelling[0] + spelling[1].lower(), letter)
            dec.setdefault(spelling[0] + spelling[1].upper(), letter)
    keys = sorted(dec, key=len, reverse=True)  # "oâ" before "o"... and before "ô"
    return re.compile("|".join(map(re.escape, keys))), dec


def vni_to_unicode(s: str) -> str:
    """Convert VNI-Windows text, seen as Windows-1252 characters, to Unicode.

    >>> vni_to_unicode("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam")
    'Cộng hòa xã hội chủ nghĩa Việt Nam'
    >>> vni_to_unicode("ÑAÛNG COÄNG SAÛN VIEÄT NAM - Ñöôøng")
    'ĐẢNG CỘNG SẢN VIỆT NAM - Đường'
    """
    pattern, dec = _vni_decode()
    return pattern.sub(lambda m: dec[m.group(0)], s)


def unicode_to_vni(s: str) -> str:
    """Unicode text in VNI-Windows, as the Windows-1252 characters of its bytes.

    >>> unicode_to_vni("Cộng hòa xã hội chủ nghĩa Việt Nam")
    'Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam'
    """
    enc = _vni_encode_map()
    return "".join(enc.get(c, c) for c in unicodedata.normalize("NFC", s))


def encode_legacy(s: str, encoding: str) -> bytes:
    """Bytes of ``s`` in ``tcvn3``, ``vni`` or ``cp1258`` (for tests and sample files).

    Windows-1258 has few precomposed letters: the others are a base letter and
    a combining tone mark, as Windows writes them.

    >>> encode_legacy("Việt", "cp1258")
    b'Vi\\xea\\xf2t'
    """
    if encoding == "tcvn3":
        return unicode_to_tcvn3(s).encode("cp1252", errors="replace")
    if encoding == "vni":
        return unicode_to_vni(s).encode("cp1252", errors="replace")
    if encoding == "cp1258":
        out = bytearray()
        for ch in unicodedata.normalize("NFC", s):
            try:
                out += ch.encode("cp1258")
            except UnicodeEncodeError:
                d = unicodedata.normalize("NFD", ch)
                tone = "".join(c for c in d if c in _TONE_SET)
                base = unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONE_SET))
                out += (base + tone).encode("cp1258", errors="replace")
        return bytes(out)
    raise ValueError(f"unknown legacy encoding {encoding!r}: use tcvn3, vni or cp1258")


# --- Vietnamese syllables ----------------------------------------------------

# Onsets, longest first: "nghiêm" is ngh + iêm, not ng + hiêm.
_ONSETS = (
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
)
# Rhymes without tone (vowel nucleus, with its medial and final sound).
_RHYMES = frozenset(
    """
    a ac ach ai am an ang anh ao ap at au ay
    ăc ăm ăn ăng ăp ăt
    âc âm ân âng âp ât âu ây
    e ec em en eng eo ep et
    ê êch êm ên ênh êp êt êu
    i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
    y yêm yên yêng yêt yêu
    o oc oi om on ong op ot ooc oong
    ô ôc ôi ôm ôn ông ôp ôt
    ơ ơi ơm ơn ơp ơt
    u ua uc ui um un ung up ut uôc uôi uôm uôn uông uôp uôt
    ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu
    oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt
    oe oen oeo oet
    uân uâng uât uây uê uêch uênh uy uych uya uyên uyêt uyn uynh uyp uyt uyu uơ
    """.split()
)
_STOP_CODAS = ("c", "ch", "p", "t")
_FRONT = "eêiy"  # "k", "gh", "ngh" before these; "c", "g", "ng" before the others


@functools.cache
def is_syllable(word: str) -> bool:
    """Whether ``word`` is a well-formed Vietnamese syllable (any case, NFC or not).

    Onset + rhyme from the tables above, at most one tone, a stop ending
    (-c -ch -p -t) only with sắc or nặng, and the spelling rules for c/k, g/gh,
    ng/ngh.

    >>> [is_syllable(w) for w in ("Nghĩa", "quyết", "giữa", "Céng", "hoµ", "ViÖt", "bàc")]
    [True, True, True, False, False, False, False]
    """
    d = unicodedata.normalize("NFD", word.lower())
    tones = [c for c in d if c in _TONE_SET]
    if len(tones) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONE_SET))
    for onset in _ONSETS:
        if not bare.startswith(onset):
            continue
        rhyme = bare[len(onset):]
        # "quỳnh": the u of "qu" is the medial of the rhyme "uynh"
        if rhyme not in _RHYMES and not (onset == "qu" and "u" + rhyme in _RHYMES):
            continue
        if not rhyme:
            continue
        if rhyme.endswith(_STOP_CODAS) and tones and tones[0] not in (_ACUTE, _DOT):
            continue
        front = rhyme[0] in _FRONT
        if (onset in ("c", "g", "ng") and front and not (onset == "g" and rhyme[0] == "i")) or (
            onset in ("k", "gh", "ngh") and not front
        ):
            continue
        return True
    return False


def syllable_score(text: str) -> int:
    """Valid minus invalid Vietnamese syllables among the words of ``text``.

    Words without a vowel of Vietnamese (numbers, "UBND") count against every
    candidate decoding alike, so only differences between scores matter.

    >>> syllable_score("Cộng hòa xã hội"), syllable_score("Céng hoµ x· héi")
    (4, -4)
    """
    score = 0
    for m in _WORD.finditer(unicodedata.normalize("NFC", text)):
        score += 1 if is_syllable(m.group(0)) else -1
    return score


# Every character a TCVN3 or VNI mojibake needs at least one of.
_LEGACY_CHARS = re.compile(r"[\u00a1-\u00ff]")


_VIET_ONLY = re.compile(r"[\u1ea0-\u1ef9ăĂơƠưƯđĐ]")
_NOT_VIET_LATIN1 = re.compile(r"[\u00a1-\u00bf\u00c4-\u00c7\u00cb\u00ce-\u00d1\u00d6-\u00d8\u00db\u00dc\u00de\u00df\u00e4-\u00e7\u00eb\u00ee-\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff]")
#: the same characters as Latin-1 bytes (:func:`_count_not_viet`)
_NOT_VIET_BYTES = bytes(b for b in range(256) if _NOT_VIET_LATIN1.match(chr(b)))


def _count_not_viet(text: str) -> int:
    """``len(_NOT_VIET_LATIN1.findall(text))``: the text's Latin-1 characters as bytes (each its own code point, every
    other character left out), less those left once these are deleted (half the cost of the regex's scan)."""
    latin1 = text.encode("latin-1", "ignore")
    return len(latin1) - len(latin1.translate(None, _NOT_VIET_BYTES))


def detect_legacy(text: str) -> str | None:
    """``'tcvn3'`` or ``'vni'`` if ``text`` is such text seen as Western letters, else None.

    A conversion is chosen when it turns clearly more words into valid
    syllables (:func:`syllable_score`) than the text has as it stands: at least
    2, and at least a quarter of the words that carry a non-ASCII letter.

    >>> detect_legacy("Céng hoµ x· héi chñ nghÜa ViÖt Nam")
    'tcvn3'
    >>> detect_legacy("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam")
    'vni'
    >>> detect_legacy("Cộng hòa xã hội chủ nghĩa Việt Nam") is None
    True
    """
    if not _LEGACY_CHARS.search(text):
        return None
    text = unicodedata.normalize("NFC", text)
    # Real Vietnamese Unicode is full of letters no legacy mojibake can produce
    # ("ạ ầ ệ ở ữ ỹ", ă, ơ, ư, đ) and has few Latin-1 symbols ("µ ¸ ¶ ø ñ"): skip the
    # costly trial conversions (39 ms on a 20 KB notice) when the text says so clearly.
    # (the Vietnamese letters counted only up to the number that decides: a notice has thousands)
    need = max(20, 20 * _count_not_viet(text))
    if sum(1 for _ in itertools.islice(_VIET_ONLY.finditer(text), need)) >= need:
        return None
    words = [m.group(0) for m in _WORD.finditer(text)]
    marked = sum(1 for w in words if not w.isascii())
    base = syllable_score(text)
    best, best_gain = None, 0
    for name, convert in (("tcvn3", tcvn3_to_unicode), ("vni", vni_to_unicode)):
        gain = syllable_score(convert(text)) - base
        if gain > best_gain:
            best, best_gain = name, gain
    if best is not None and best_gain >= max(2, marked / 4):
        return best
    return None
