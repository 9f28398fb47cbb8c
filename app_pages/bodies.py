"""Đơn vị: the bodies (committees, offices, organisations), what each leads or supports, month by month."""

import pandas as pd
import streamlit as st

from app_pages import board_view, data, paging, screen

st.title("Đơn vị")
st.caption("Các cơ quan, tổ chức được giao nhiệm vụ: số nhiệm vụ chủ trì và phối hợp theo từng tháng.")

n_units = paging.unit_count()
units = paging.unit_options("bodies_unit", n_units)
# bodies belong to their ward: on a big store every ward's bodies together would be a table that grows with
# the store, so the page shows one ward at a time, as the board does
big = n_units > board_view.BOARD_ALL_UNITS
unit = st.selectbox("Phường, xã", units if big else ["Tất cả", *units], key="bodies_unit")
rows = data.rows_or_stop("body_tasks_by_month", unit=None if unit == "Tất cả" else unit)
if not rows:
    st.info("Chưa có nhiệm vụ nào được giao cho cơ quan, tổ chức nào.")
    st.stop()

frame = pd.DataFrame(rows)
frame["Tháng"] = frame["period"].map(screen.month_label)
months = sorted({p for p in frame["period"] if isinstance(p, str) and p})


def pivot(column: str) -> pd.DataFrame:
    p = frame.pivot_table(index="body", columns="period", values=column, aggfunc="sum", fill_value=0)
    p = p.reindex(columns=months, fill_value=0)
    p.columns = [screen.month_label(m) for m in p.columns]
    p["Tổng"] = p.sum(axis=1)
    return p.sort_values("Tổng", ascending=False).rename_axis("Cơ quan, tổ chức")


tab_lead, tab_partner = st.tabs(["Chủ trì", "Phối hợp"])
with tab_lead:
    st.dataframe(pivot("lead"))
with tab_partner:
    st.dataframe(pivot("partner"))

st.subheader("Nhiệm vụ của một cơ quan")
names = frame.groupby("body_id")["body"].first().to_dict()
totals = frame.groupby("body_id")["tasks"].sum().sort_values(ascending=False)
order = list(totals.index)
wanted = st.query_params.get("body")
if wanted in names and "bodies_body" not in st.session_state:
    st.session_state["bodies_body"] = wanted
body = st.selectbox("Cơ quan, tổ chức", order, format_func=lambda b: f"{names[b]} ({totals[b]} nhiệm vụ)",
                    key="bodies_body")
st.query_params["body"] = body
tasks = data.rows_or_stop("tasks_by_body", body=body)
if unit != "Tất cả":
    tasks = [t for t in tasks if t.get("unit") == unit]
st.dataframe(
    pd.DataFrame(
        {
            "Tháng": [screen.month_label(t.get("period")) for t in tasks],
            "Đơn vị": [t.get("unit") or "" for t in tasks],
            "Vai trò": [screen.BODY_ROLE_LABELS.get(t.get("role"), t.get("role")) for t in tasks],
            "Nhiệm vụ": [t.get("task") or "" for t in tasks],
        }
    ),
    hide_index=True,
)
