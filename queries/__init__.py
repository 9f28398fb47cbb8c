"""The named queries, one question per ``NAME.cypher`` file in this folder.

The folder is installed as the package ``vanban.queries`` (``pyproject.toml``:
``package-dir``), so an installed vanban finds its queries with
``importlib.resources`` wherever it is installed; see :func:`graph.queries.queries_dir`.
"""
