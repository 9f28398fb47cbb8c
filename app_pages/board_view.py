"""The follow-through board as pure functions of query rows: the frame, carry-over chains, filters, the grid and chain HTML, the CSV and XLSX exports.

Pure functions of query rows, no Streamlit here: tested without a browser (``tests/test_app.py``).
"""

from __future__ import annotations

import csv
import html
import io
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd

from app_pages.screen import UNRATED, matches, month_label, plain_list, shorten
from graph.report import deadline_label
from graph.status import OPEN_OVERDUE, STATUS_COLORS, TaskStatus
from graph.status import STATUS_LABELS as OFFICIAL_LABELS
from ingest.vocabulary import VERDICT_COLORS as VERDICT_COLORS
from ingest.vocabulary import VERDICT_FILLS as VERDICT_FILLS
from ingest.vocabulary import VERDICT_LABELS as VERDICT_LABELS
from ingest.vocabulary import VERDICTS

# -- the follow-through board -----------------------------------------------------

#: above this many units the board shows one unit at a time
BOARD_ALL_UNITS = 12
#: the official statuses the board marks in red (quá hạn)
OVERDUE_STATUSES = ("open_overdue", "done_late")

BOARD_COLUMNS = {  # column -> heading in the exports
    "unit": "Đơn vị",
    "period": "Tháng",
    "path": "Mục",
    "task": "Nhiệm vụ",
    "verdict_label": "Kết luận",
    "verdict_origin": "Nguồn kết luận",
    "score": "Điểm tự động",
    "deadline_label": "Thời hạn",
    "status_label": "Tình trạng theo thời hạn",
    "leads": "Chủ trì",
    "partners": "Phối hợp",
    "themes": "Chủ đề",
    "directives": "Văn bản chỉ đạo",
    "result": "Kết quả được báo cáo",
    "next_period": "Chuyển sang tháng",
    "next_task": "Nhiệm vụ tháng sau",
    "chain": "Chuỗi chuyển tiếp",
    "document": "Văn bản",
}

#: who set a verdict or made a link: an inspector, or the linker
ORIGIN_LABELS = {"human": "Người duyệt", "computed": "Tự động"}
ORIGIN_ICONS = {"human": "✔ người duyệt", "computed": "⚙ tự động"}
#: the review log's columns, with their headings in the exports
LOG_COLUMNS = {
    "at": "Thời điểm", "reviewer": "Người duyệt", "unit": "Đơn vị", "action": "Quyết định", "kind": "Loại liên kết",
    "verdict": "Kết luận đặt", "note": "Ghi chú", "task": "Nhiệm vụ", "target": "Mục được liên kết",
    "computed_score": "Điểm tự động khi đó", "computed_verdict": "Kết luận tự động khi đó", "status": "Tình trạng",
}
ACTION_LABELS = {"confirm": "Xác nhận", "reject": "Bác bỏ", "link": "Liên kết lại", "verdict": "Đặt kết luận"}
STATUS_LABELS = {"attached": "còn nguyên", "reattached": "gắn lại (mục đã sửa)", "orphaned": "mồ côi (mục không còn)"}


def carry_chains(links: Iterable[Mapping[str, Any]], periods: Mapping[str, str | None]) -> dict[str, str]:
    """Chains of CARRIED_OVER links: item id -> chain name ``C1``, ``C2``... (oldest first).

    >>> carry_chains([{"link": "carried_over", "from_item": "a", "to_item": "b"},
    ...               {"link": "carried_over", "from_item": "b", "to_item": "c"},
    ...               {"link": "carried_over", "from_item": "x", "to_item": "y"}],
    ...              {"a": "2025-09", "b": "2025-10", "c": "2025-11", "x": "2025-08", "y": "2025-09"})
    {'x': 'C1', 'y': 'C1', 'a': 'C2', 'b': 'C2', 'c': 'C2'}
    """
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for link in links:
        if link.get("link") != "carried_over":
            continue
        a, b = find(link["from_item"]), find(link["to_item"])
        if a != b:
            parent[b] = a
    groups: dict[str, list[str]] = defaultdict(list)
    for x in list(parent):
        groups[find(x)].append(x)
    ordered = sorted(
        (sorted(g, key=lambda i: (periods.get(i) or "", i)) for g in groups.values() if len(g) > 1),
        key=lambda g: (periods.get(g[0]) or "", g[0]),
    )
    return {i: f"C{n}" for n, g in enumerate(ordered, 1) for i in g}


def board_frame(tasks: Sequence[Mapping[str, Any]], links: Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    """Rows of ``board_tasks`` and ``board_links`` -> one row per task, ready to filter, draw and export.

    Columns: those of :data:`BOARD_COLUMNS` plus ``item``, ``verdict``,
    ``directive_keys`` (list), ``evidence`` (list of ``(kind, text, extra)``).
    """
    out_links: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for link in links:
        out_links[link["from_item"]].append(link)
    periods = {t["item"]: t.get("period") for t in tasks}
    periods.update({link["to_item"]: link.get("to_period") for link in links})
    chains = carry_chains(links, periods)
    rows = []
    for t in tasks:
        mine = out_links.get(t["item"], [])
        followed = sorted((x for x in mine if x.get("link") == "followed_by"), key=lambda x: -(x.get("score") or 0))
        carried = sorted((x for x in mine if x.get("link") == "carried_over"), key=lambda x: (x.get("to_period") or ""))
        verdict = t.get("verdict")
        if verdict not in VERDICT_LABELS:
            verdict = followed[0].get("verdict") if followed and followed[0].get("verdict") in VERDICT_LABELS else None
        evidence: list[tuple[str, str, str]] = []
        link_rows = [
            {"link": x.get("link"), "to_item": x.get("to_item"), "to_text": x.get("to_text") or "", "score": x.get("score"),
             "source": x.get("source") or "computed", "to_period": x.get("to_period")}
            for x in (*followed, *carried)
        ]
        first = followed[0] if followed else (carried[0] if carried else None)
        origin = t.get("verdict_source") or "computed"
        for f in followed:
            evidence.append(("result", f.get("to_text") or "", f.get("evidence") or ""))
        for c in carried:
            evidence.append(("carried_over", c.get("to_text") or "", month_label(c.get("to_period"))))
        rows.append(
            {
                "item": t["item"],
                "document": t.get("document"),
                "unit": t.get("unit") or "",
                "period": t.get("period") or "",
                "path": t.get("path") or "",
                "task": t.get("task") or "",
                "verdict": verdict,
                "verdict_label": VERDICT_LABELS.get(verdict, UNRATED) if verdict else UNRATED,
                "verdict_origin": ORIGIN_LABELS.get(origin, origin) if verdict else "",
                "verdict_source": origin,
                "score": "" if first is None or first.get("score") is None else f"{first['score']:.2f}",
                "links": link_rows,
                "status": None,  # the official status and the deadline: with_status
                "status_label": "",
                "deadline_label": "",
                "leads": ", ".join(plain_list(t.get("leads"))),
                "partners": ", ".join(plain_list(t.get("partners"))),
                "themes": ", ".join(plain_list(t.get("themes"))),
                "directives": ", ".join(plain_list(t.get("directives"))),
                "directive_keys": plain_list(t.get("directive_keys")),
                "result": followed[0].get("to_text") if followed else None,
                "next_period": carried[0].get("to_period") if carried else None,
                "next_task": carried[0].get("to_text") if carried else None,
                "chain": chains.get(t["item"], ""),
                "evidence": evidence,
            }
        )
    cols = ["item", "verdict", "verdict_source", "status", "links", "directive_keys", "evidence", *BOARD_COLUMNS]
    # dtype=object: pandas 3 would turn the None of a text column into NaN
    return pd.DataFrame(rows, columns=list(dict.fromkeys(cols)), dtype=object)


def with_status(df: pd.DataFrame, statuses: Iterable[TaskStatus]) -> pd.DataFrame:
    """The board with each task's deadline and official status (:mod:`graph.status`) beside its verdict.

    A task without a status (set by a document issued after the as-of day) keeps empty cells.
    """
    by_item = {s.item: s for s in statuses}
    out = df.copy()
    if out.empty:
        return out
    out["status"] = [by_item[i].status if i in by_item else None for i in out["item"]]
    out["status_label"] = [by_item[i].status_label if i in by_item else "" for i in out["item"]]
    out["deadline_label"] = [deadline_label(by_item[i]) if i in by_item else "" for i in out["item"]]
    return out


def filter_board(
    df: pd.DataFrame,
    *,
    units: Sequence[str] = (),
    bodies: Sequence[str] = (),
    themes: Sequence[str] = (),
    verdicts: Sequence[str] = (),
    directives: Sequence[str] = (),
    text: str = "",
    statuses: Sequence[str] = (),
) -> pd.DataFrame:
    """The board's rows that pass every filter given (an empty filter passes everything).

    ``bodies`` match leads or partners; ``directives`` are citation keys;
    ``verdicts`` may include ``None`` for tasks not yet rated; ``text`` ignores accents;
    ``statuses`` are official statuses (``open_overdue``: chưa hoàn thành, quá hạn).
    """
    if df.empty:
        return df
    keep = pd.Series(True, index=df.index)
    if units:
        keep &= df["unit"].isin(units)
    if bodies:
        keep &= df.apply(lambda r: any(b in _split(r["leads"]) + _split(r["partners"]) for b in bodies), axis=1)
    if themes:
        keep &= df["themes"].map(lambda v: any(t in _split(v) for t in themes))
    if verdicts:
        keep &= df["verdict"].map(lambda v: v in verdicts)
    if directives:
        keep &= df["directive_keys"].map(lambda ks: any(k in ks for k in directives))
    if text.strip():
        keep &= df.apply(lambda r: matches(text, r["task"], r["result"], r["next_task"]), axis=1)
    if statuses:
        keep &= df["status"].map(lambda v: v in statuses)
    return df[keep]


def _split(value: str | None) -> list[str]:
    return [x.strip() for x in (value or "").split(", ") if x.strip()]


def board_grid_html(df: pd.DataFrame, max_chars: int = 110) -> str:
    """Unit × month: every task a chip coloured by its verdict (escaped HTML)."""
    if df.empty:
        return '<p class="vb-empty">Không có nhiệm vụ nào khớp bộ lọc.</p>'
    months = sorted({p for p in df["period"] if isinstance(p, str) and p})
    if any(not (isinstance(p, str) and p) for p in df["period"]):
        months.append("")  # tasks whose month the parser could not tell: a last column
    units = sorted(set(df["unit"]))
    cell: dict[tuple[str, str], list[Mapping[str, Any]]] = defaultdict(list)
    for r in df.to_dict("records"):
        cell[(r["unit"], r["period"])].append(r)
    th = "padding:6px;border-bottom:2px solid #999;text-align:left;white-space:nowrap"
    head = f'<th style="{th}">Đơn vị</th>' + "".join(
        f'<th style="{th}">{"Tháng " + html.escape(month_label(m)) if m else "Chưa rõ tháng"}</th>' for m in months
    )
    body = []
    for u in units:
        tds = [f'<th style="padding:6px;vertical-align:top;text-align:left">{html.escape(u)}</th>']
        for m in months:
            chips = "".join(_chip(r, max_chars) for r in cell.get((u, m), []))
            tds.append(f'<td style="padding:4px;vertical-align:top;min-width:220px">{chips}</td>')
        body.append("<tr>" + "".join(tds) + "</tr>")
    return (
        '<div style="overflow-x:auto"><table class="vb-board" style="border-collapse:collapse;font-size:13px">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


def _chip(r: Mapping[str, Any], max_chars: int) -> str:
    v = r.get("verdict")
    color = VERDICT_COLORS.get(v, "#9e9e9e")
    fill = "#" + VERDICT_FILLS.get(v, "FFFFFF")
    chain = f' <b style="color:#1565c0">⟶ {html.escape(r["chain"])}</b>' if r.get("chain") else ""
    label = html.escape(r.get("verdict_label") or UNRATED)
    title = html.escape(f"{r.get('path') or ''} {r.get('task') or ''}".strip())
    # an inspector's hand: on the verdict or on one of the links
    human = r.get("verdict_source") == "human" or any(x.get("source") == "human" for x in r.get("links") or ())
    origin = "human" if human else "computed"
    mark = ' <span class="vb-human" title="Đã được người duyệt xác nhận hoặc sửa">✔</span>' if human else ""
    status = r.get("status")
    # quá hạn in red: not done past its deadline (a red frame), or done after it (a tag)
    late = ""
    outline = ""
    if status in OVERDUE_STATUSES:
        late = (f' <span class="vb-late" style="color:white;background:{STATUS_COLORS[status]};border-radius:8px;'
                f'padding:0 6px;font-size:11px">{html.escape(OFFICIAL_LABELS[status])}</span>')
    if status == OPEN_OVERDUE:
        outline = f"outline:2px solid {STATUS_COLORS[status]};"
    deadline = f'<br><span style="color:#555;font-size:11px">Hạn: {html.escape(r["deadline_label"])}</span>' if r.get("deadline_label") else ""
    return (
        f'<div class="vb-task" data-verdict="{html.escape(v or "")}" data-origin="{origin}" data-status="{html.escape(status or "")}" '
        f'title="{title}" style="border-left:5px solid {color};background:{fill};{outline}margin:3px 0;padding:3px 6px;border-radius:3px">'
        f'<span style="font-weight:600;color:{color}">{label}</span>{mark}{late}{chain}<br>'
        f"{html.escape(shorten(r.get('task'), max_chars))}{deadline}</div>"
    )


def chains_html(df: pd.DataFrame) -> str:
    """Each carry-over chain as one line across the months, a dot per month it was planned."""
    chained = df[df["chain"] != ""] if not df.empty else df
    if chained.empty:
        return '<p class="vb-empty">Không có nhiệm vụ nào bị chuyển sang tháng sau.</p>'
    months = sorted({p for p in (*df["period"], *chained["next_period"]) if isinstance(p, str) and p})
    rows = []
    for name, g in sorted(chained.groupby("chain"), key=lambda kv: int(kv[0][1:])):
        g = g.sort_values("period")
        at = {r["period"]: r for r in g.to_dict("records")}
        first, last = min(at), max(at)
        tds = []
        for m in months:
            inside = first <= m <= last
            left = "border-top:3px solid #1565c0" if inside and m != first else ""
            right = "border-top:3px solid #1565c0" if inside and m != last else ""
            if m in at:
                r = at[m]
                color = VERDICT_COLORS.get(r["verdict"], "#9e9e9e")
                dot = (
                    f'<span class="vb-dot" title="{html.escape(r["verdict_label"])}: {html.escape(r["task"])}" '
                    f'style="display:inline-block;width:16px;height:16px;border-radius:50%;background:{color};'
                    f'position:relative;top:-9px;border:2px solid white"></span>'
                )
            else:
                dot = ""
            tds.append(
                '<td style="padding:0;text-align:center;min-width:90px;height:26px">'
                f'<div style="display:flex;height:100%"><div style="flex:1;{left};margin-top:12px"></div>'
                f'<div style="flex:1;{right};margin-top:12px"></div></div>'
                f'<div style="margin-top:-26px">{dot}</div></td>'
            )
        first_task = at[first]
        label = f"{name} · {first_task['unit']}: {shorten(first_task['task'], 70)}"
        rows.append(
            f'<tr class="vb-chain" data-chain="{html.escape(name)}"><th style="text-align:left;font-weight:normal;'
            f'padding:4px 8px;font-size:13px;max-width:420px">{html.escape(label)}</th>{"".join(tds)}</tr>'
        )
    head = '<th style="text-align:left;padding:4px 8px">Chuỗi</th>' + "".join(
        f'<th style="padding:4px;font-size:13px">{html.escape(month_label(m))}</th>' for m in months
    )
    return (
        '<div style="overflow-x:auto"><table class="vb-chains" style="border-collapse:collapse">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def board_export_frame(df: pd.DataFrame) -> pd.DataFrame:
    """The board with Vietnamese headings, months as MM/YYYY: what the inspection committee gets."""
    out = df[list(BOARD_COLUMNS)].copy()
    for col in ("period", "next_period"):
        out[col] = out[col].map(lambda p: month_label(p) if isinstance(p, str) else "")
    return out.rename(columns=BOARD_COLUMNS).fillna("")


# A cell that starts with one of these is a formula to Excel and LibreOffice:
# "- Tiếp tục ..." (a bullet) would show #NAME?, "=HYPERLINK(...)" would run.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def board_csv(df: pd.DataFrame) -> bytes:
    """The board as CSV, UTF-8 with a byte-order mark (so Excel reads the accents), no formulas.

    >>> board_csv(pd.DataFrame([{c: "" for c in BOARD_COLUMNS} | {"task": "- Làm", "unit": "phường A"}]))[:3]
    b'\\xef\\xbb\\xbf'
    """
    return frame_csv(board_export_frame(df))


def frame_csv(frame: pd.DataFrame) -> bytes:
    """A frame as CSV, UTF-8 with a byte-order mark, every cell made safe from formulas."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(frame.columns)
    for row in frame.itertuples(index=False):
        w.writerow([_csv_cell(v) for v in row])
    return buf.getvalue().encode("utf-8-sig")


def rows_csv(rows: Sequence[Mapping[str, Any]]) -> bytes:
    """Query rows as CSV (UTF-8 with a byte-order mark), lists as JSON, no formulas."""
    import json

    columns: list[str] = []
    for r in rows:
        for k in r:
            if k not in columns:
                columns.append(k)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(columns)
    for r in rows:
        out = []
        for c in columns:
            v = r.get(c)
            if isinstance(v, list | dict):
                v = json.dumps(v, ensure_ascii=False, default=str)
            out.append(_csv_cell("" if v is None else v))
        w.writerow(out)
    return buf.getvalue().encode("utf-8-sig")


def log_export_frame(log: Sequence[Mapping[str, Any]]) -> pd.DataFrame:
    """The review log with Vietnamese headings and labels: what is exported beside the board."""
    rows = []
    for r in log:
        row = {c: r.get(c) for c in LOG_COLUMNS}
        row["action"] = ACTION_LABELS.get(str(row["action"]), row["action"])
        row["status"] = STATUS_LABELS.get(str(row["status"]), row["status"])
        for c in ("verdict", "computed_verdict"):
            row[c] = VERDICT_LABELS.get(str(row[c]), row[c])
        score = row["computed_score"]
        row["computed_score"] = "" if score is None else f"{float(score):.2f}"
        rows.append(row)
    return pd.DataFrame(rows, columns=list(LOG_COLUMNS), dtype=object).rename(columns=LOG_COLUMNS).fillna("")


def log_csv(log: Sequence[Mapping[str, Any]]) -> bytes:
    """The review log as CSV (UTF-8 with a byte-order mark, no formulas)."""
    return frame_csv(log_export_frame(log))


def board_xlsx(df: pd.DataFrame, log: Sequence[Mapping[str, Any]] | None = None) -> bytes:
    """The board as an Excel workbook: one sheet of tasks coloured by verdict, one of counts per unit and month,
    and, when ``log`` is given, the inspectors' decisions (who, when, what, the note).

    Every cell is written as text, so a task starting with "=" or "-" stays text.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    frame = board_export_frame(df)
    wb = Workbook()
    ws = wb.active
    ws.title = "Theo dõi thực hiện"
    ws.append(list(frame.columns))
    for c in ws[1]:
        c.font = Font(bold=True)
    verdict_col = list(frame.columns).index(BOARD_COLUMNS["verdict_label"]) + 1
    for i, (row, verdict) in enumerate(zip(frame.itertuples(index=False), df["verdict"], strict=True), start=2):
        for j, v in enumerate(row, start=1):
            cell = ws.cell(row=i, column=j)
            cell.value = "" if v is None else str(v)
            cell.data_type = "s"  # never a formula
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        if verdict in VERDICT_FILLS:
            ws.cell(row=i, column=verdict_col).fill = PatternFill("solid", fgColor=VERDICT_FILLS[verdict])
    widths = {"Nhiệm vụ": 70, "Kết quả được báo cáo": 60, "Nhiệm vụ tháng sau": 60, "Văn bản": 40}
    for j, name in enumerate(frame.columns, start=1):
        ws.column_dimensions[get_column_letter(j)].width = widths.get(name, 18)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions

    summary = wb.create_sheet("Tổng hợp")
    summary.append(["Đơn vị", "Tháng", *[VERDICT_LABELS[v] for v in VERDICTS], UNRATED, "Tổng"])
    for c in summary[1]:
        c.font = Font(bold=True)
    for (unit, period), g in sorted(df.groupby(["unit", "period"]), key=lambda kv: kv[0]) if not df.empty else []:
        counts = [int((g["verdict"] == v).sum()) for v in VERDICTS]
        summary.append([unit, month_label(period), *counts, int(g["verdict"].isna().sum()), len(g)])
    if log is not None:
        sheet = wb.create_sheet("Nhật ký duyệt")
        frame = log_export_frame(log)
        sheet.append(list(frame.columns))
        for c in sheet[1]:
            c.font = Font(bold=True)
        for i, row in enumerate(frame.itertuples(index=False), start=2):
            for j, v in enumerate(row, start=1):
                cell = sheet.cell(row=i, column=j)
                cell.value = "" if v is None else str(v)
                cell.data_type = "s"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
