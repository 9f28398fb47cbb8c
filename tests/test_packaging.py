"""vanban as a package: every third-party import is a declared dependency, every data file
the code reads ships in the wheel, and the named queries are found through the installed
package (``make wheel-smoke`` installs the built wheel and runs every verb)."""

from __future__ import annotations

import ast
import fnmatch
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

from graph.queries import load_queries, queries_dir
from tests.helpers import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]
PACKAGES: list[str] = SETUPTOOLS["packages"]
MODULES: list[str] = SETUPTOOLS.get("py-modules", [])
PACKAGE_DIR: dict[str, str] = SETUPTOOLS.get("package-dir", {})


def _folder(package: str) -> Path:
    """Where a package's files are in the checkout (``package-dir`` maps ``vanban.queries`` to ``queries/``)."""
    return ROOT / PACKAGE_DIR.get(package, package.replace(".", "/"))


def _shipped_sources() -> list[Path]:
    files = [ROOT / f"{m}.py" for m in MODULES]
    for package in PACKAGES:
        files += sorted(_folder(package).glob("*.py"))
    return files


def _top_level_imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def _declared() -> set[str]:
    """Distribution names of ``[project] dependencies``, normalised (PEP 503)."""
    return {re.split(r"[<>=!~;\[ ]", d, maxsplit=1)[0].lower().replace("_", "-") for d in PYPROJECT["project"]["dependencies"]}


def test_every_third_party_import_is_a_declared_dependency() -> None:
    ours = {p.split(".")[0] for p in PACKAGES} | set(MODULES)
    dists = importlib.metadata.packages_distributions()
    undeclared = {}
    for path in _shipped_sources():
        for name in _top_level_imports(path) - ours - set(sys.stdlib_module_names) - {"__future__"}:
            providers = {d.lower().replace("_", "-") for d in dists.get(name, [name])}
            if not providers & _declared():
                undeclared.setdefault(name, []).append(str(path.relative_to(ROOT)))
    assert not undeclared, f"imported but not in [project] dependencies: {undeclared}"


def test_every_data_file_of_a_package_is_package_data() -> None:
    """A file beside the code that is not Python must match a package-data pattern, or the wheel lacks it."""
    patterns: dict[str, list[str]] = SETUPTOOLS.get("package-data", {})
    missing = []
    for package in PACKAGES:
        folder = _folder(package)
        for path in folder.rglob("*"):
            rel = path.relative_to(folder)
            if not path.is_file() or path.suffix in (".py", ".pyc") or "__pycache__" in rel.parts:
                continue
            if any(rel.parts[0] == sub.name for sub in folder.iterdir() if sub.is_dir() and (sub / "__init__.py").exists()):
                continue  # belongs to a subpackage, checked on its own
            if not any(fnmatch.fnmatch(str(rel), pat) for pat in patterns.get(package, [])):
                missing.append(str(path.relative_to(ROOT)))
    assert not missing, f"not package data, so not in the wheel: {missing}"


def test_queries_come_from_the_installed_package(monkeypatch) -> None:
    import vanban.queries

    monkeypatch.delenv("VANBAN_QUERIES", raising=False)
    assert queries_dir() == Path(vanban.queries.__file__).parent == ROOT / "queries"
    files = sorted(p.stem for p in queries_dir().glob("*.cypher") if p.stem.count(".") == 0)
    assert sorted(load_queries()) == files and len(files) >= 8


def test_the_package_folders_exist() -> None:
    for package in PACKAGES:
        assert (_folder(package) / "__init__.py").is_file(), package
    for module in MODULES:
        assert (ROOT / f"{module}.py").is_file(), module
