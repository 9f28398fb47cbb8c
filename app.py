"""vanban explorer: the router. Every page is one file in app_pages/ (see docs/explorer.md)."""

import streamlit as st

from app_pages import data
from vanban.security import gate

# An emoji favicon is drawn in place (a data: URL); a page's Material icon as favicon would be fetched from a CDN.
st.set_page_config(page_title="vanban: văn bản chỉ đạo", page_icon="📜", layout="wide")
gate(st)

pages = [
    st.Page("app_pages/overview.py", title="Tổng quan", icon=":material/dashboard:", default=True),
    st.Page("app_pages/lineage.py", title="Dòng chỉ đạo", icon=":material/account_tree:", url_path="dong-chi-dao"),
    st.Page("app_pages/follow_through.py", title="Theo dõi thực hiện", icon=":material/task_alt:", url_path="theo-doi"),
    st.Page("app_pages/document.py", title="Văn bản", icon=":material/description:", url_path="van-ban"),
    st.Page("app_pages/bodies.py", title="Đơn vị", icon=":material/groups:", url_path="don-vi"),
    st.Page("app_pages/themes.py", title="Chủ đề", icon=":material/grid_on:", url_path="chu-de"),
    st.Page("app_pages/queries.py", title="Truy vấn", icon=":material/terminal:", url_path="truy-van"),
]
page = st.navigation(pages)
data.sidebar()
page.run()
