"""How the project's modules find each other: by import statements, in one direction.

* no cycle among the project's modules (every ``import``, at the top of a module or
  inside a function, is an edge: an import inside a function only hides a cycle);
* no module finds project code by name at run time (``importlib.import_module``,
  ``__import__``, ``importlib.util``, ``getattr`` on an imported module):
  ``importlib.resources`` (package data) and ``importlib.metadata`` (versions) are fine.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("ingest", "graph", "app_pages", "vanban")


def _modules(root: Path) -> dict[str, Path]:
    out = {}
    for pkg in PACKAGES:
        for f in sorted((root / pkg).rglob("*.py")):
            parts = f.relative_to(root).with_suffix("").parts
            out[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = f
    if (root / "app.py").exists():
        out["app"] = root / "app.py"
    return out


def _resolve(name: str, modules: dict[str, Path]) -> str | None:
    """The project module an imported name lives in ("graph.store.open_store" -> "graph.store")."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def _package_of(module: str, path: Path) -> str:
    return module if path.name == "__init__.py" else module.rpartition(".")[0]


def import_graph(root: Path) -> dict[str, set[str]]:
    """Module -> the project modules it imports (anywhere in it)."""
    modules = _modules(root)
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for module, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    pkg = _package_of(module, path).split(".")
                    base = ".".join([*pkg[: len(pkg) - node.level + 1], *([base] if base else [])])
                names = [f"{base}.{a.name}" for a in node.names]
            for name in names:
                target = _resolve(name, modules)
                if target and target != module:
                    graph[module].add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            v, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[v] = min(low[v], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                if len(comp) > 1:
                    found.append(sorted(comp))
    return found


def test_no_import_cycle_among_the_project_modules() -> None:
    graph = import_graph(ROOT)
    assert len(graph) > 50 and "graph.backends" in graph["vanban.cli"] | graph["app_pages.data"]
    assert cycles(graph) == []


def test_the_backends_import_the_base_never_the_reverse() -> None:
    graph = import_graph(ROOT)
    assert {"graph.embedded", "graph.neo4j_store"} <= graph["graph.backends"]
    assert "graph.store" in graph["graph.embedded"] and "graph.store" in graph["graph.neo4j_store"]
    assert not graph["graph.store"] & {"graph.embedded", "graph.neo4j_store", "graph.backends"}


def _write(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        f = tmp_path / name
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("files", "cycle"),
    [
        ({"graph/a.py": "from graph.b import x\n", "graph/b.py": "def f():\n    from graph import a\n"}, ["graph.a", "graph.b"]),
        ({"graph/a.py": "from . import b\n", "graph/b.py": "import graph.c\n", "graph/c.py": "from .a import f\n"},
         ["graph.a", "graph.b", "graph.c"]),
        ({"graph/a.py": "from graph import b\n", "graph/b.py": "import json\n"}, None),
    ],
)
def test_the_cycle_check_finds_a_cycle(tmp_path: Path, files: dict[str, str], cycle: list[str] | None) -> None:
    found = cycles(import_graph(_write(tmp_path, files)))
    assert found == ([cycle] if cycle else [])


# --- nothing found by name -----------------------------------------------------------------

_ALLOWED_IMPORTLIB = {"importlib.resources", "importlib.metadata"}


def lookups_by_name(path: Path, modules: dict[str, Path]) -> list[str]:
    """Each place ``path`` finds code by a name at run time, as "line: what"."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    imported_modules: set[str] = set()  # local names bound to a project module
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name.split(".")[0] == "importlib" and a.name not in _ALLOWED_IMPORTLIB:
                    out.append(f"{node.lineno}: import {a.name}")
                if a.name in modules:
                    imported_modules.add(a.asname or a.name.split(".")[0])
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module.split(".")[0] == "importlib" and node.module not in _ALLOWED_IMPORTLIB:
                out.append(f"{node.lineno}: from {node.module} import ...")
            for a in node.names:
                if f"{node.module}.{a.name}" in modules:
                    imported_modules.add(a.asname or a.name)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id == "__import__":
                out.append(f"{node.lineno}: __import__")
            first = node.args[0] if node.args else None
            if node.func.id in ("getattr", "hasattr") and isinstance(first, ast.Name) and first.id in imported_modules:
                out.append(f"{node.lineno}: {node.func.id}({first.id}, ...)")
        elif isinstance(node, ast.Attribute) and node.attr in ("import_module", "spec_from_file_location"):
            out.append(f"{node.lineno}: .{node.attr}")
    return out


@pytest.mark.parametrize("path", sorted(_modules(ROOT).values()), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_finds_project_code_by_name(path: Path) -> None:
    assert lookups_by_name(path, _modules(ROOT)) == []


@pytest.mark.parametrize(
    "source",
    [
        "import importlib\nstore = importlib.import_module('graph.embedded')\n",
        "from importlib import import_module\n",
        "from graph import linking\nrun = getattr(linking, 'relink_units')\n",
        "import graph.linking\nok = hasattr(graph, 'linking')\n",
        "mod = __import__('graph.linking')\n",
    ],
)
def test_the_name_check_finds_a_lookup(tmp_path: Path, source: str) -> None:
    f = _write(tmp_path, {"m.py": source}) / "m.py"
    assert lookups_by_name(f, _modules(ROOT)) != []


def test_the_name_check_allows_package_data_and_versions_not_getattr(tmp_path: Path) -> None:
    source = "import importlib.resources\nfrom importlib.metadata import version\nfrom graph import schema\nn = getattr(schema, '__doc__')\n"
    f = _write(tmp_path, {"m.py": source}) / "m.py"
    assert lookups_by_name(f, _modules(ROOT)) == ["4: getattr(schema, ...)"]
