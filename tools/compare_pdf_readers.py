"""Compare PDF text extractors on Vietnamese: diacritics, reading order, paragraphs, speed.

    .venv/bin/python tools/compare_pdf_readers.py [--repeat 3]

Builds test PDFs from the two seed notices (tools/make_sample_files.py) in a
temporary folder, extracts their text with pdfplumber, pypdf, PyMuPDF and
pypdfium2 (each library's own plain-text call, and, where the library gives
word boxes, vanban's own layout step, ``ingest.readers.layout_pages``), and
prints a markdown table (docs/readers.md holds its output). The PDFs:

* ``seed003``, ``seed000``: reportlab, justified paragraphs with a first-line
  indent, a two-column header table, page numbers ("- 1 -", "Trang 1");
* ``nfd``: seed000 with decomposed diacritics ("e" + U+0302 + U+0323 for "ệ"),
  as some producers write them;
* ``mupdf``: seed003 laid out by another producer, MuPDF's HTML Story
  (HarfBuzz shaping, no page numbers, header lines as paragraphs);
* ``shuffled``: seed003 set line by line with a canvas, each page's lines
  drawn bottom to top and the header's right column first, so the content
  stream order is not the reading order.

Scores, against the text the PDF was made from (NFC, white space squashed):

* ``chars``: 1 - normalised Levenshtein distance over the whole document;
* ``vi words``: share of the source's words with a Vietnamese letter
  (non-ASCII) found, as a multiset, among the extracted words;
* ``order``: share of paragraphs (their first 30 characters) found in order
  (longest increasing run over the found ones);
* ``paras``: share of source paragraphs that come out as exactly one line of
  ``normalize(text)``: what the later stages need;
* ``ms/page``: best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import bisect
import logging
import re
import statistics
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import make_sample_files as samples  # noqa: E402 - a script beside this one (its folder is on the path)

from ingest.normalize import normalize  # noqa: E402
from ingest.readers import Word, layout_pages  # noqa: E402

SEEDS = ROOT / "tests" / "data" / "corpus" / "seeds"


# --- test PDFs ----------------------------------------------------------------------


def write_shuffled_pdf(header: tuple[list[str], list[str]], paragraphs: list[str], path: Path) -> Path:
    """A PDF whose content stream draws each page's lines bottom to top (see the module docstring)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    samples._register_fonts()
    size, leading = 12, 16.5
    left, right, top, bottom = 3 * cm, A4[0] - 2 * cm, A4[1] - 2 * cm, 2 * cm
    pages: list[list[tuple[float, float, str]]] = [[]]  # (x, y, text)
    y = top

    def put(x: float, text: str, step: float = leading) -> None:
        nonlocal y
        if y - step < bottom:
            pages.append([])
            y = top
        y -= step
        pages[-1].append((x, y, text))

    left_col, right_col = header
    y0 = y
    for i, text in enumerate(right_col):
        pages[-1].append((left + 8.5 * cm, y0 - (i + 1) * leading, text))
    for text in left_col:
        put(left + 0.5 * cm, text)
    y = min(y, y0 - len(right_col) * leading) - leading / 2
    for para in paragraphs:
        words, line, indent = para.split(), "", 1 * cm
        for word in words:
            trial = f"{line} {word}".strip()
            if line and stringWidth(trial, "DejaVu", size) > right - left - indent:
                put(left + indent, line)
                line, indent = word, 0
            else:
                line = trial
        put(left + indent, line)
        y -= leading / 3
    canvas = Canvas(str(path), pagesize=A4)
    for n, lines in enumerate(pages, 1):
        canvas.setFont("DejaVu", size - 2)
        canvas.drawCentredString(A4[0] / 2, 1.2 * cm, f"- {n} -")
        canvas.setFont("DejaVu", size)
        for x, yy, text in sorted(lines, key=lambda t: (t[1], -t[0])):  # bottom first, right column first
            canvas.drawString(x, yy, text)
        canvas.showPage()
    canvas.save()
    return path


def write_story_pdf(paragraphs: list[str], path: Path) -> Path:
    """The same text laid out by another producer: MuPDF's HTML Story (HarfBuzz shaping)."""
    from html import escape

    import pymupdf

    html = "".join(
        f"<p style='text-align:center;font-weight:bold'>{escape(p)}</p>"
        if samples._is_heading(p)
        else f"<p style='text-indent:1cm;text-align:justify'>{escape(p)}</p>"
        for p in paragraphs
    )
    css = "@font-face {font-family: dv; src: url(DejaVuSans.ttf);} * {font-family: dv; font-size: 12pt;}"
    story = pymupdf.Story(html=html, user_css=css, archive=pymupdf.Archive(str(Path(samples.FONT).parent)))
    writer = pymupdf.DocumentWriter(str(path))
    box = pymupdf.paper_rect("a4")
    more, n = True, 0
    while more:
        n += 1
        device = writer.begin_page(box)
        more, _ = story.place(box + (85, 57, -57, -70))
        story.draw(device)
        writer.end_page()
    writer.close()
    return path


def build_pdfs(folder: Path) -> dict[str, tuple[Path, list[str]]]:
    """name -> (pdf, source paragraphs including the header lines)."""
    out = {}
    for name, seed, numbers in (
        ("seed003", "003_283bb7c43c322961.txt", "- {n} -"),
        ("seed000", "000_af8ae71dad894608.txt", "Trang {n}"),
    ):
        header, paras = samples.split_document(normalize((SEEDS / seed).read_text(encoding="utf-8")))
        pdf = samples.write_pdf(paras, folder / f"{name}.pdf", header=header, page_numbers=numbers)
        out[name] = (pdf, [*header[0], *header[1], *paras])
    header, paras = samples.split_document(normalize((SEEDS / "000_af8ae71dad894608.txt").read_text(encoding="utf-8")))
    nfd = [unicodedata.normalize("NFD", p) for p in paras]
    out["nfd"] = (samples.write_pdf(nfd, folder / "nfd.pdf", header=header), [*header[0], *header[1], *paras])
    header, paras = samples.split_document(normalize((SEEDS / "003_283bb7c43c322961.txt").read_text(encoding="utf-8")))
    out["shuffled"] = (write_shuffled_pdf(header, paras, folder / "shuffled.pdf"), [*header[0], *header[1], *paras])
    out["mupdf"] = (
        write_story_pdf([*header[0], *header[1], *paras], folder / "mupdf.pdf"),
        [*header[0], *header[1], *paras],
    )
    return out


# --- extractors: path -> list of page texts -------------------------------------------


def pdfplumber_text(path: Path) -> list[str]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return [p.extract_text() or "" for p in pdf.pages]


def pdfplumber_layout(path: Path) -> list[str]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        pages = [
            [Word(w["text"], w["x0"], w["top"], w["x1"], w["bottom"]) for w in p.extract_words()] for p in pdf.pages
        ]
    return layout_pages(pages)


def pypdf_text(path: Path) -> list[str]:
    import pypdf

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # it complains about MuPDF's ToUnicode maps

    return [p.extract_text() or "" for p in pypdf.PdfReader(path).pages]


def pymupdf_text(path: Path) -> list[str]:
    import pymupdf

    with pymupdf.open(path) as doc:
        return [p.get_text() for p in doc]


def pymupdf_sorted(path: Path) -> list[str]:
    import pymupdf

    with pymupdf.open(path) as doc:
        return [p.get_text(sort=True) for p in doc]


def pymupdf_layout(path: Path) -> list[str]:
    import pymupdf

    with pymupdf.open(path) as doc:
        pages = [[Word(w[4], w[0], w[1], w[2], w[3]) for w in p.get_text("words")] for p in doc]
    return layout_pages(pages)


def pypdfium2_text(path: Path) -> list[str]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()


def pypdfium2_layout(path: Path) -> list[str]:
    """What ``ingest.readers.read_file`` does with a text PDF."""
    from ingest.readers import read_file

    return read_file(path, ocr=False).text.split("\f")


EXTRACTORS: dict[str, tuple[Callable[[Path], list[str]], str]] = {
    "pdfplumber 0.11 `extract_text`": (pdfplumber_text, "MIT"),
    "pdfplumber + vanban layout": (pdfplumber_layout, "MIT"),
    "pypdf `extract_text`": (pypdf_text, "BSD-3"),
    "PyMuPDF `get_text`": (pymupdf_text, "AGPL-3 / commercial"),
    "PyMuPDF `get_text(sort=True)`": (pymupdf_sorted, "AGPL-3 / commercial"),
    "PyMuPDF + vanban layout": (pymupdf_layout, "AGPL-3 / commercial"),
    "pypdfium2 `get_text_range`": (pypdfium2_text, "Apache-2 / BSD-3"),
    "pypdfium2 + vanban layout (**chosen**)": (pypdfium2_layout, "Apache-2 / BSD-3"),
}


# --- scores -------------------------------------------------------------------------


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def _lis(values: list[int]) -> int:
    tails: list[int] = []
    for v in values:
        i = bisect.bisect_left(tails, v)
        tails[i : i + 1] = [v]
    return len(tails)


def score(pages: list[str], source: list[str]) -> dict[str, float]:
    from rapidfuzz.distance import Levenshtein

    raw = "\n".join(pages)
    got, want = squash(raw), squash("\n".join(source))
    vi = [w for w in re.findall(r"[^\W\d_]+", want) if not w.isascii()]
    have = Counter(re.findall(r"[^\W\d_]+", got))
    found_vi = sum((Counter(vi) & have).values())
    keys = [squash(p)[:30] for p in source if len(p) >= 30]
    found, last = [], -1
    for k in keys:  # the next occurrence after the previous paragraph: starts repeat ("- Tiếp tục ...")
        pos = got.find(k, last + 1)
        pos = pos if pos >= 0 else got.find(k)
        if pos >= 0:
            found.append(pos)
            last = pos
    lines = set(normalize("\f".join(pages)).split("\n"))
    return {
        "chars": Levenshtein.normalized_similarity(got, want),
        "vi": found_vi / len(vi),
        "order": _lis(found) / len(keys),
        "paras": sum(normalize(p) in lines for p in source) / len(source),
        "nfd": sum(1 for c in raw if unicodedata.combining(c)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Compare PDF text extractors on Vietnamese documents.")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        pdfs = build_pdfs(Path(tmp))
        n_pages = {name: len(pypdfium2_text(p)) for name, (p, _) in pdfs.items()}
        print(f"Test PDFs: {', '.join(f'{k} ({v} pages)' for k, v in n_pages.items())}\n")
        print("| extractor | licence | chars | vi words | order | paras | combining marks left | ms/page |")
        print("|---|---|---|---|---|---|---|---|")
        for label, (fn, licence) in EXTRACTORS.items():
            rows = []
            times = []
            for name, (path, source) in pdfs.items():
                best = float("inf")
                for _ in range(args.repeat):
                    t = time.perf_counter()
                    pages = fn(path)
                    best = min(best, time.perf_counter() - t)
                times.append(1000 * best / n_pages[name])
                rows.append(score(pages, source))
            per_doc = {k: [r[k] for r in rows] for k in rows[0]}

            def cell(key: str, per_doc: dict[str, list[float]] = per_doc) -> str:
                vals = per_doc[key]
                return f"{min(vals):.3f}–{max(vals):.3f}" if min(vals) != max(vals) else f"{vals[0]:.3f}"

            nfd = int(sum(per_doc["nfd"]))
            print(
                f"| {label} | {licence} | {cell('chars')} | {cell('vi')} | {cell('order')} | {cell('paras')} "
                f"| {nfd} | {statistics.mean(times):.1f} |"
            )
        print("\nPer document (chars / vi words / order / paras):\n")
        print("| extractor | " + " | ".join(pdfs) + " |")
        print("|---|" + "---|" * len(pdfs))
        for label, (fn, _) in EXTRACTORS.items():
            cells = []
            for path, source in pdfs.values():
                s = score(fn(path), source)
                cells.append(f"{s['chars']:.3f} / {s['vi']:.3f} / {s['order']:.2f} / {s['paras']:.2f}")
            print(f"| {label} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
