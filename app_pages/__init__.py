"""The explorer's pages (one file each), their data access (data.py) and what they draw (screen.py, document_view.py, board_view.py, lineage_view.py, rows_graph.py: pure functions, no Streamlit)."""
