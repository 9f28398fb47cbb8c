"""The explorer's pages (one file each), their data access (data.py) and what they draw (views.py)."""
