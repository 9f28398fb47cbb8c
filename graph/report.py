"""The inspection committee's report, as a workbook (XLSX) and as a Vietnamese document (DOCX).

Both are written from one :class:`graph.status.Report`, so they hold the same
numbers as each other and as the follow-through board:

* the counts per unit and period, in the official form (tổng số; hoàn thành
  đúng hạn, quá hạn; chưa hoàn thành trong hạn, quá hạn; with percentages),
  and a total;
* the counts per responsible body (the lead, "cơ quan chủ trì");
* the list of tasks not done past their deadline, and of those done late,
  each with its deadline, the document that set it and the sentences behind
  its status.

Every cell of the workbook is text or a number, never a formula: a task that
starts with "=" or "-" stays text.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from graph.status import (
    NO_DEADLINE_LABEL,
    STATUS_COLORS,
    STATUS_LABELS,
    STATUSES,
    VERDICT_LABELS,
    Counts,
    Report,
    TaskStatus,
    form_sentence,
    percent,
)

TITLE = "Báo cáo kết quả theo dõi, đôn đốc việc thực hiện nhiệm vụ"
#: the columns of the tables per unit and period, per body
COUNT_HEADINGS = ["Tổng số nhiệm vụ", *[f"{STATUS_LABELS[s]} ({x})" for s in STATUSES for x in ("số", "%")]]
#: the same, one column per status ("số (tỷ lệ)"), in the document
DOCX_HEADINGS = ["Tổng số nhiệm vụ", *[f"{STATUS_LABELS[s]}, số (tỷ lệ)" for s in STATUSES]]
#: light fills of the status colours, for spreadsheet cells
STATUS_FILLS = {"done_on_time": "C8E6C9", "done_late": "FFE0B2", "open_in_time": "BBDEFB", "open_overdue": "FFCDD2"}
TASK_HEADINGS = ["Đơn vị", "Tháng", "Mục", "Nhiệm vụ", "Thời hạn", "Nguồn thời hạn", "Tình trạng", "Kết luận của vanban",
                 "Cơ quan chủ trì", "Kết quả", "Ngày của kết quả", "Văn bản giao", "Căn cứ"]


def date_label(iso: str | None) -> str:
    """'15/09/2026', '09/2026' (as precise as the date).

    >>> date_label("2026-09-15"), date_label("2026-09"), date_label(None)
    ('15/09/2026', '09/2026', '')
    """
    if not iso:
        return ""
    if len(iso) == 10:
        return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}"
    if len(iso) == 7:
        return f"{iso[5:7]}/{iso[:4]}"
    return iso


def deadline_label(t: TaskStatus) -> str:
    """'15/09/2026 (“trước ngày 15/9”)', '09/2026 (tháng được giao)'."""
    if not t.deadline:
        return NO_DEADLINE_LABEL
    if t.deadline_source == "default":
        return f"{date_label(t.deadline)} (tháng được giao)"
    return f"{date_label(t.deadline)} (“{t.deadline_text}”)" if t.deadline_text else date_label(t.deadline)


def count_cells(c: Counts) -> list[int | str]:
    out: list[int | str] = [c.total]
    for s in STATUSES:
        out += [c.get(s), percent(c.share(s))]
    return out


def count_pairs(c: Counts) -> list[int | str]:
    """The total, then "số (tỷ lệ)" per status: '2 (50%)', for the document's narrower tables."""
    return [c.total, *[f"{c.get(s)} ({percent(c.share(s))})" for s in STATUSES]]


def as_of_label(report: Report) -> str:
    """'28/10/2026', or one date per unit when they differ."""
    days = sorted(set(report.as_of.values()))
    if len(days) == 1:
        return date_label(days[0])
    return "; ".join(f"{u}: {date_label(d)}" for u, d in sorted(report.as_of.items()))


def evidence_text(t: TaskStatus) -> str:
    """What an inspector reads to check a status: the results, the task planned again, or why there is none."""
    if t.evidence:
        return "\n".join(t.evidence)
    return {
        "silent": "Các văn bản sau của đơn vị không báo cáo kết quả nhiệm vụ này.",
        "pending": "Chưa có văn bản nào của đơn vị báo cáo kết quả tháng này.",
        "carried_over": "Được đề ra lại ở tháng sau, chưa có kết quả.",
    }.get(t.verdict or "", "Chưa có kết quả được báo cáo.")


def task_cells(t: TaskStatus) -> list[str]:
    """One row of the task list, as text."""
    return [
        t.unit, date_label(t.period), t.path, t.task, deadline_label(t),
        {"text": "nêu trong nhiệm vụ", "default": "tháng được giao"}.get(t.deadline_source or "", ""),
        t.status_label, VERDICT_LABELS.get(t.verdict or "", ""), ", ".join(t.leads), t.result or "",
        f"{date_label(t.result_date)} ({t.result_basis_label})" if t.result_date else "", t.document_label, evidence_text(t),
    ]


# -- XLSX ---------------------------------------------------------------------------------


def report_xlsx(report: Report) -> bytes:
    """The report as a workbook: "Tổng hợp" (per unit and period), "Theo cơ quan chủ trì", "Quá hạn", "Nhiệm vụ"."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    bold = Font(bold=True)

    def put(ws, row: Sequence[object], r: int, *, head: bool = False) -> None:
        for j, v in enumerate(row, start=1):
            cell = ws.cell(row=r, column=j)
            if isinstance(v, int):
                cell.value = v
            else:
                cell.value = "" if v is None else str(v)
                cell.data_type = "s"  # never a formula
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if head:
                cell.font = bold

    def widths(ws, sizes: Sequence[int]) -> None:
        for j, w in enumerate(sizes, start=1):
            ws.column_dimensions[get_column_letter(j)].width = w

    ws = wb.active
    ws.title = "Tổng hợp"
    put(ws, [TITLE], 1, head=True)
    put(ws, [f"Tính đến ngày: {as_of_label(report)}"], 2)
    put(ws, [form_sentence(report.totals)], 3)
    put(ws, ["Đơn vị", "Tháng", *COUNT_HEADINGS], 5, head=True)
    r = 6
    for unit, period, c in report.by_period:
        put(ws, [unit, date_label(period), *count_cells(c)], r)
        r += 1
    put(ws, ["Tổng cộng", "", *count_cells(report.totals)], r, head=True)
    widths(ws, [30, 10, 12, *([14, 9] * len(STATUSES))])

    wb_body = wb.create_sheet("Theo cơ quan chủ trì")
    put(wb_body, ["Cơ quan chủ trì", *COUNT_HEADINGS], 1, head=True)
    for r, (body, c) in enumerate(report.by_body, start=2):
        put(wb_body, [body, *count_cells(c)], r)
    widths(wb_body, [45, 12, *([14, 9] * len(STATUSES))])

    for title, tasks in (("Quá hạn", report.overdue + report.late), ("Nhiệm vụ", report.tasks)):
        sheet = wb.create_sheet(title)
        put(sheet, TASK_HEADINGS, 1, head=True)
        status_col = TASK_HEADINGS.index("Tình trạng") + 1
        for r, t in enumerate(tasks, start=2):
            put(sheet, task_cells(t), r)
            if t.status in STATUS_FILLS:
                sheet.cell(row=r, column=status_col).fill = PatternFill("solid", fgColor=STATUS_FILLS[t.status])
        widths(sheet, [24, 9, 8, 60, 24, 14, 22, 18, 30, 50, 12, 30, 60])
        sheet.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# -- DOCX ---------------------------------------------------------------------------------


def report_docx(report: Report) -> bytes:
    """The report as a Vietnamese document: the summary sentence, the two tables, the overdue and late lists."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt, RGBColor

    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2))
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)

    def centered(text: str, *, bold: bool = False, size: int = 13) -> None:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(text)
        run.bold = bold
        run.font.size = Pt(size)

    def table(headings: Sequence[str], rows: Sequence[Sequence[object]], total: Sequence[object] | None = None) -> None:
        tb = doc.add_table(rows=1, cols=len(headings))
        tb.style = "Table Grid"
        for cell, h in zip(tb.rows[0].cells, headings, strict=True):
            run = cell.paragraphs[0].add_run(h)
            run.bold = True
            run.font.size = Pt(11)
        for row in [*rows, *([total] if total else [])]:
            cells = tb.add_row().cells
            for cell, v in zip(cells, row, strict=True):
                cell.paragraphs[0].add_run(str(v)).font.size = Pt(11)
        if total:
            for cell in tb.rows[-1].cells:
                for run in cell.paragraphs[0].runs:
                    run.bold = True

    centered(TITLE.upper(), bold=True, size=14)
    units = ", ".join(report.units) or "—"
    centered(f"Đơn vị: {units}", size=13)
    centered(f"(Tính đến ngày {as_of_label(report)})", size=13)

    doc.add_paragraph().add_run("I. TỔNG HỢP KẾT QUẢ").bold = True
    doc.add_paragraph(form_sentence(report.totals))
    doc.add_paragraph(
        "Nhiệm vụ được tính theo thời hạn nêu trong văn bản giao; nhiệm vụ không nêu thời hạn tính đến hết tháng được giao. "
        "Nhiệm vụ hoàn thành quá hạn là nhiệm vụ có kết quả được báo cáo sau thời hạn."
    )
    doc.add_paragraph().add_run("1. Theo đơn vị và tháng").bold = True
    table(["Đơn vị", "Tháng", *DOCX_HEADINGS],
          [[u, date_label(p), *count_pairs(c)] for u, p, c in report.by_period],
          ["Tổng cộng", "", *count_pairs(report.totals)])
    doc.add_paragraph().add_run("2. Theo cơ quan chủ trì").bold = True
    doc.add_paragraph("Nhiệm vụ có nhiều cơ quan chủ trì được tính cho mỗi cơ quan.")
    table(["Cơ quan chủ trì", *DOCX_HEADINGS], [[b, *count_pairs(c)] for b, c in report.by_body])

    for heading, tasks, empty in (
        ("II. DANH SÁCH NHIỆM VỤ CHƯA HOÀN THÀNH, QUÁ HẠN", report.overdue, "Không có nhiệm vụ nào chưa hoàn thành quá hạn."),
        ("III. DANH SÁCH NHIỆM VỤ HOÀN THÀNH QUÁ HẠN", report.late, "Không có nhiệm vụ nào hoàn thành quá hạn."),
    ):
        doc.add_paragraph().add_run(heading).bold = True
        if not tasks:
            doc.add_paragraph(empty)
        for n, t in enumerate(tasks, start=1):
            p = doc.add_paragraph()
            p.add_run(f"{n}. {t.unit}, tháng {date_label(t.period)}: ").bold = True
            p.add_run(t.task)
            doc.add_paragraph(f"Thời hạn: {deadline_label(t)}. Văn bản giao: {t.document_label}.")
            status = doc.add_paragraph()
            run = status.add_run(f"Tình trạng: {t.status_label}")
            run.font.color.rgb = RGBColor.from_string(STATUS_COLORS[t.status].lstrip("#")) if t.status else None
            status.add_run(f" (kết luận của vanban: {VERDICT_LABELS.get(t.verdict or '', '—')}).")
            if t.status in ("done_on_time", "done_late") and t.result_date:
                doc.add_paragraph(f"Hoàn thành: {date_label(t.result_date)} ({t.result_basis_label}).")
            if t.leads:
                doc.add_paragraph(f"Cơ quan chủ trì: {', '.join(t.leads)}.")
            doc.add_paragraph(f"Căn cứ: {evidence_text(t)}")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


#: the formats :func:`write_report` knows
REPORT_FORMATS = ("xlsx", "docx")


def write_report(report: Report, fmt: str) -> bytes:
    """The report in ``fmt`` (``xlsx`` or ``docx``); a ``ValueError`` names the valid formats."""
    if fmt == "xlsx":
        return report_xlsx(report)
    if fmt == "docx":
        return report_docx(report)
    raise ValueError(f"unknown report format {fmt!r}; choose one of: {', '.join(REPORT_FORMATS)}")
