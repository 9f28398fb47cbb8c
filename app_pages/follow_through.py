"""Theo dõi thực hiện: every task, unit by month, with its verdict and the sentences behind it."""

import html

import streamlit as st

from app_pages import board, board_view, data, document_view, paging, review_panel, screen
from graph.report import write_report
from graph.status import STATUS_COLORS, STATUS_LABELS, STATUSES, newest_dates, summarize, task_statuses

st.title("Theo dõi thực hiện")
st.caption(
    "Mỗi nhiệm vụ đề ra cho một tháng và kết luận về việc thực hiện: hoàn thành, thực hiện một phần, "
    "chuyển sang tháng sau, không được báo cáo lại, hoặc chưa đến kỳ báo cáo. Chọn một nhiệm vụ để xem căn cứ."
)

reviewer = review_panel.signin()

n_units = paging.unit_count()
if not n_units:
    st.info("Chưa có nhiệm vụ nào trong kho dữ liệu.")
    st.stop()
# a big store: one ward at a time (the official statuses are computed per scope, in Python)
big = n_units > board_view.BOARD_ALL_UNITS


def _rows(name: str, **params: object) -> list[dict]:
    return data.rows_or_stop(name, **params)


with st.container(border=True):
    f1, f2, f3 = st.columns(3)
    with f1:  # a page of units, and a filter box on a store of more than PICK_LIMIT units
        units_known = paging.unit_options("ft_scope", n_units)
    scope: str | None
    if big:
        scope = f1.selectbox("Phường, xã", units_known, key="ft_scope")
    else:
        scope = f1.selectbox("Phường, xã", [None, *units_known], key="ft_scope", format_func=lambda u: u or "Tất cả")
    # what the widgets offer: the scope's bodies, themes and directives (aggregated in Cypher, never the tasks)
    options = _rows("board_options", unit=scope)
    by_kind: dict[str, dict[str, str]] = {"body": {}, "theme": {}, "directive": {}, "month": {}}
    for o in options:
        by_kind[o["kind"]][o["value"]] = o["label"] or o["value"]
    bodies = f2.multiselect("Cơ quan chủ trì, phối hợp", sorted(by_kind["body"]), key="ft_bodies", placeholder="Tất cả")
    themes = f3.multiselect("Chủ đề", sorted(by_kind["theme"]), key="ft_themes", placeholder="Tất cả")
    f4, f5, f6 = st.columns(3)
    verdicts = f4.multiselect("Kết luận", list(screen.VERDICTS), format_func=lambda v: screen.VERDICT_LABELS[v], key="ft_verdicts",
                              placeholder="Tất cả")
    directive_names = by_kind["directive"]
    directives = f5.multiselect("Văn bản chỉ đạo", sorted(directive_names, key=lambda k: directive_names[k]),
                                format_func=lambda k: directive_names[k], key="ft_directives", placeholder="Tất cả")
    text = f6.text_input("Tìm trong nội dung nhiệm vụ", key="ft_text", placeholder="không dấu cũng được")
    f7, f8, f9, f10 = st.columns(4)
    months = sorted(by_kind["month"])
    from_period = f7.selectbox("Từ tháng", [None, *months], key="ft_from", format_func=lambda m: screen.month_label(m) if m else "—")
    to_period = f8.selectbox("Đến tháng", [None, *months], key="ft_to", format_func=lambda m: screen.month_label(m) if m else "—")
    as_of = f9.date_input("Tính đến ngày", value=None, key="ft_as_of", format="DD/MM/YYYY",
                          help="Để trống: ngày của văn bản mới nhất của mỗi đơn vị.")
    statuses = f10.multiselect("Tình trạng theo thời hạn", list(STATUSES), format_func=lambda k: STATUS_LABELS[k],
                               key="ft_statuses", placeholder="Tất cả")

# the official status of every task of the scope (hoàn thành đúng hạn / quá hạn, chưa hoàn thành trong hạn / quá hạn)
official = task_statuses(_rows("task_status", unit=scope), as_of, newest_dates(_rows("documents", unit=scope)))
status_of = {s.item: s for s in official}
filters = board.BoardFilters(unit=scope, from_period=from_period, to_period=to_period, verdicts=tuple(verdicts),
                             bodies=tuple(bodies), themes=tuple(themes), directives=tuple(directives), text=text,
                             items=tuple(s.item for s in official if s.status in statuses) if statuses else None,
                             ).resolve(data.rows_or_stop)
counts = board.counts(data.rows_or_stop, filters)
if not counts.total and not filters.params().keys() - {"unit"}:
    st.info("Chưa có nhiệm vụ nào trong kho dữ liệu.")
    st.stop()
# the report counts what the filters match: every filter given, the ids (not the rows) of the matching tasks
matching = None if filters.params().keys() <= {"unit"} else {r["item"] for r in _rows("board_items", **filters.params())}
report = summarize([s for s in official if matching is None or s.item in matching])

badges = []
for v in screen.VERDICTS:
    n = counts.by_verdict.get(v, 0)
    badges.append(
        f'<span class="vb-count" data-verdict="{v}" style="display:inline-block;margin:2px 8px 2px 0;padding:3px 10px;'
        f'border-radius:12px;background:#{screen.VERDICT_FILLS[v]};border:1px solid {screen.VERDICT_COLORS[v]}">'
        f"{html.escape(screen.VERDICT_LABELS[v])}: <b>{n}</b></span>"
    )
st.html(f'<div style="font-size:14px">Tổng số: <b>{counts.total}</b> nhiệm vụ &nbsp; {"".join(badges)}</div>')
status_badges = [
    f'<span class="vb-status-count" data-status="{k}" style="display:inline-block;margin:2px 8px 2px 0;padding:3px 10px;'
    f'border-radius:12px;border:2px solid {STATUS_COLORS[k]}">{html.escape(STATUS_LABELS[k])}: <b>{report.totals.get(k)}</b></span>'
    for k in STATUSES
]
st.html(f'<div style="font-size:14px">Theo thời hạn: {"".join(status_badges)}</div>')

# one page of tasks, its links, the chains named over the scope
n_pages = board.pages(counts.total)
if st.session_state.get("ft_page", 1) > n_pages:
    st.session_state["ft_page"] = 1
p1, p2 = st.columns([1, 3])
page_no = p1.number_input(f"Trang (trên {n_pages})", min_value=1, max_value=n_pages, step=1, key="ft_page")
first = (page_no - 1) * board.PAGE_SIZE
p2.caption(f"Nhiệm vụ {min(first + 1, counts.total)}–{min(first + board.PAGE_SIZE, counts.total)} trong {counts.total}; "
           "bảng Excel và CSV tải về gồm mọi nhiệm vụ khớp bộ lọc.")
chains = board.chain_links(data.rows_or_stop, scope)


def _with_status(df):
    return board_view.with_status(df, official)


shown = _with_status(board.page_frame(data.rows_or_stop, filters, page_no - 1, board.PAGE_SIZE, chains))

review_log = data.review_log(scope)
d1, d2, d3, d4, d5 = st.columns(5)
# the board's exports hold every task the filters match, read a page at a time when the button is clicked
d1.download_button("Tải bảng Excel (XLSX)",
                   lambda: board_view.board_xlsx(_with_status(board.all_frame(data.rows_or_stop, filters, chains=chains)), review_log),
                   file_name="theo-doi-thuc-hien.xlsx", on_click="ignore",
                   mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", icon=":material/download:")
d2.download_button("Tải bảng CSV", lambda: board.export_csv(data.rows_or_stop, filters, chains=chains, status=_with_status),
                   file_name="theo-doi-thuc-hien.csv", mime="text/csv", on_click="ignore", icon=":material/download:")
d3.download_button("Tải nhật ký duyệt (CSV)", board_view.log_csv(review_log), file_name="nhat-ky-duyet.csv", mime="text/csv",
                   icon=":material/download:")
# the reports are written when a button is clicked, not on every rerun (a workbook takes ~0.5 s)
d4.download_button("Tải báo cáo (XLSX)", lambda: write_report(report, "xlsx"), file_name="bao-cao-theo-doi-don-doc.xlsx",
                   mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", icon=":material/summarize:",
                   on_click="ignore")
d5.download_button("Tải báo cáo (DOCX)", lambda: write_report(report, "docx"), file_name="bao-cao-theo-doi-don-doc.docx",
                   mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document", icon=":material/description:",
                   on_click="ignore")

tab_grid, tab_chains, tab_list, tab_log = st.tabs(["Bảng đơn vị × tháng", "Chuỗi chuyển tiếp", "Danh sách nhiệm vụ",
                                                  "Nhật ký duyệt"])
with tab_grid:
    st.html(board_view.board_grid_html(shown))
with tab_chains:
    st.caption("Mỗi dòng là một nhiệm vụ được chuyển từ tháng này sang tháng sau; mỗi chấm là một tháng nó được đề ra, "
               "màu theo kết luận.")
    st.html(board_view.chains_html(shown))
with tab_list:
    table = shown[["unit", "period", "path", "verdict_label", "verdict_origin", "score", "deadline_label", "status_label", "task",
                   "leads", "partners", "themes", "chain"]].copy()
    table["period"] = table["period"].map(screen.month_label)
    table.columns = ["Đơn vị", "Tháng", "Mục", "Kết luận", "Nguồn kết luận", "Điểm tự động", "Thời hạn", "Tình trạng", "Nhiệm vụ",
                     "Chủ trì", "Phối hợp",
                     "Chủ đề", "Chuỗi"]
    event = st.dataframe(table, hide_index=True, on_select="rerun", selection_mode="single-row", key="ft_table")
    picked = event.selection.rows if event and hasattr(event, "selection") else []
    if picked:
        st.session_state["ft_task"] = shown.iloc[picked[0]]["item"]
with tab_log:
    st.caption("Mỗi quyết định của người duyệt: ai, lúc nào, quyết định gì, ghi chú. Quyết định được giữ khi nạp lại "
               "hay thay văn bản đã sửa; mục không còn thì quyết định hiện là mồ côi.")
    if review_log:
        st.dataframe(board_view.log_export_frame(review_log), hide_index=True, key="ft_log")
    else:
        st.info("Chưa có quyết định nào của người duyệt.")

# -- one task and the sentences behind its verdict ------------------------------------
st.subheader("Căn cứ của kết luận")
items = list(shown["item"])
if not items:
    st.stop()
by_item = {r["item"]: r for r in shown.to_dict("records")}
wanted = st.query_params.get("task")
if wanted and wanted not in by_item:  # a link to a task on another page (or outside the filters): read that one task
    one = board.page_frame(data.rows_or_stop, board.BoardFilters(unit=scope, items=(wanted,)), 0, 1, chains)
    by_item.update({r["item"]: r for r in _with_status(one).to_dict("records")})
    items = list(by_item)
if st.session_state.get("ft_task") not in by_item:
    st.session_state.pop("ft_task", None)
if wanted in by_item and "ft_task" not in st.session_state:
    st.session_state["ft_task"] = wanted
item = st.selectbox(
    "Nhiệm vụ",
    items,
    format_func=lambda i: f"{by_item[i]['unit']} · {screen.month_label(by_item[i]['period'])} · "
    f"{screen.shorten(by_item[i]['task'], 110)}",
    key="ft_task",
)
t = by_item[item]
color = screen.VERDICT_COLORS.get(t["verdict"], "#9e9e9e")
st.html(
    f'<div class="vb-verdict" data-verdict="{html.escape(t["verdict"] or "")}" style="font-size:15px">'
    f'<span class="vb-verdict-label" style="display:inline-block;padding:3px 12px;border-radius:12px;color:white;background:{color}">'
    f'{html.escape(t["verdict_label"])}</span> <span class="vb-verdict-origin" data-origin="{html.escape(t["verdict_source"])}">'
    f'{html.escape(board_view.ORIGIN_ICONS.get(t["verdict_source"], ""))}</span> &nbsp; {html.escape(t["unit"])}, nhiệm vụ tháng '
    f'{html.escape(screen.month_label(t["period"]))}{" · chuỗi " + html.escape(t["chain"]) if t["chain"] else ""}</div>'
)
if t["deadline_label"]:
    st.caption(f"Thời hạn: {screen.md_escape(t['deadline_label'])} · Tình trạng: {screen.md_escape(t['status_label'])}")
st.markdown("**Nhiệm vụ đề ra**")
st.html(document_view.evidence_html(t["task"]))
if t["leads"] or t["partners"]:
    st.caption(f"Chủ trì: {screen.md_escape(t['leads'] or '—')} · Phối hợp: {screen.md_escape(t['partners'] or '—')}")
results = [e for e in t["evidence"] if e[0] == "result"]
carried = [e for e in t["evidence"] if e[0] == "carried_over"]
if results:
    st.markdown("**Kết quả được báo cáo ở tháng sau**")
    for _, sentence, why in results:
        st.html(document_view.evidence_html(sentence))
        if why and why != sentence:
            st.caption(f"Căn cứ so khớp: {screen.md_escape(why)}")
if carried:
    st.markdown("**Nhiệm vụ được đề ra lại**")
    for _, sentence, month in carried:
        st.caption(f"Tháng {screen.md_escape(month)}")
        st.html(document_view.evidence_html(sentence))
if not results and not carried:
    st.info(
        {
            "silent": "Các văn bản sau của đơn vị không nhắc lại nhiệm vụ này: không có kết quả, không được đề ra lại.",
            "pending": "Chưa có văn bản nào của đơn vị báo cáo kết quả tháng này.",
        }.get(t["verdict"], "Chưa có câu nào trong các văn bản sau trả lời nhiệm vụ này.")
    )
if t["links"]:
    st.markdown("**Liên kết hiện hành** (người duyệt hoặc tự động, với điểm tự động)")
    st.html(review_panel.links_html(t["links"]))
if reviewer:
    with st.container(border=True):
        review_panel.controls(t, reviewer)
st.page_link("app_pages/document.py", label="Mở văn bản đề ra nhiệm vụ", query_params={"doc": t["document"]},
             icon=":material/description:")
st.query_params["task"] = item
