"""Named queries: ``queries/NAME.cypher`` files, their headers, their parameters.

Every file opens with a header the explorer builds its widgets from::

    // name: citing_documents
    // description: Notices that cite a directive, with the sentence.
    // param key: string — citation key of the directive
    // param unit: string? — only documents of this unit (optional)

Types: ``string``, ``int``, ``float``, ``bool``, ``month`` (``YYYY-MM``),
``folded`` (a string folded with :func:`ingest.normalize.fold` before it is
bound, for accent-insensitive search), ``strings`` (a list of strings; on the
command line comma-separated: ``-p verdicts=done,partial``) and ``words`` (the
folded words of a text, a list: ``"Chuyển đổi số"`` is bound as
``['chuyen', 'doi', 'so']``, written ``all(w IN $text WHERE i.folded CONTAINS w)``).
An empty list binds null, as an absent parameter does. A trailing ``?`` makes the parameter
optional: it is bound to null when not given, and the query is written
``WHERE $unit IS NULL OR d.unit = $unit``. ``= VALUE`` gives a default
(``// param limit: int = 20 — ...``): LadybugDB takes only a parameter or a
literal after LIMIT, so ``LIMIT coalesce($limit, 20)`` is not an option.

Where the two engines cannot agree on one text, a dialect file sits beside
the common one: ``NAME.ladybug.cypher`` or ``NAME.neo4j.cypher``; each
backend takes its own when there is one, else ``NAME.cypher``.
"""

from __future__ import annotations

import functools
import importlib.resources
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ingest.normalize import fold
from vanban.errors import QueryNotFound, QueryParameterError

TYPES = ("string", "int", "float", "bool", "month", "folded", "strings", "words")
DIALECTS = ("ladybug", "neo4j")

#: the engine type of each parameter type (LadybugDB names, for typing nulls).
ENGINE_TYPES = {"string": "STRING", "month": "STRING", "folded": "STRING", "int": "INT64", "float": "DOUBLE", "bool": "BOOLEAN",
                "strings": "STRING[]", "words": "STRING[]"}


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    optional: bool
    doc: str
    #: value bound when the parameter is not given (``// param limit: int = 20 — ...``)
    default: str | None = None

    @property
    def required(self) -> bool:
        return not self.optional


@dataclass(frozen=True)
class Query:
    name: str
    description: str
    params: tuple[Param, ...]
    #: dialect ("" for the common file) -> text
    texts: dict[str, str]

    def text(self, dialect: str) -> str:
        """The text for ``dialect``: its own file when there is one, else the common one."""
        return self.texts.get(dialect) or self.texts[""]

    @property
    def types(self) -> dict[str, str]:
        return {p.name: ENGINE_TYPES[p.type] for p in self.params}


def queries_dir() -> Path:
    """``$VANBAN_QUERIES``, else the installed package ``vanban.queries`` (the repository's ``queries/``).

    >>> sorted(p.name for p in queries_dir().glob("documents.cypher"))
    ['documents.cypher']
    """
    env = os.environ.get("VANBAN_QUERIES")
    if env:
        return Path(env)
    return Path(str(importlib.resources.files("vanban.queries")))


# "// param unit: string? — only this unit"   (an en/em dash or a hyphen before the meaning)
_HEADER_RE = re.compile(r"^//\s*(?P<field>name|description|param)\b\s*(?P<rest>.*)$")
_PARAM_RE = re.compile(
    r"""
    ^(?P<name>[A-Za-z_]\w*)\s*:\s*     # unit:
    (?P<type>[a-z]+)(?P<opt>\?)?       # string?
    (?:\s*=\s*(?P<default>[^\s—–]+))?  # = 20
    \s*(?:[—–-]\s*(?P<doc>.*))?$       # — only this unit
    """,
    re.X,
)
# $name outside string literals and comments
_USED_RE = re.compile(r"\$([A-Za-z_]\w*)")
_STRIP_RE = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|//[^\n]*|/\*.*?\*/", re.S)


def parse_header(text: str, path: str = "<query>") -> tuple[str, str, tuple[Param, ...]]:
    """``(name, description, params)`` from a query file's leading ``//`` lines.

    >>> parse_header("// name: q\\n// description: d\\n// param unit: string? — a unit\\nRETURN 1")
    ('q', 'd', (Param(name='unit', type='string', optional=True, doc='a unit', default=None),))
    """
    name = description = None
    params: list[Param] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        m = _HEADER_RE.match(line)
        if not m:
            if line.startswith("//"):
                continue
            break
        field, rest = m.group("field"), m.group("rest").lstrip(":").strip()
        if field == "name":
            name = rest
        elif field == "description":
            description = rest
        else:
            p = _PARAM_RE.match(rest)
            if not p:
                raise ValueError(f"{path}: bad param line {line!r}; expected '// param NAME: TYPE[?] — meaning'")
            if p.group("type") not in TYPES:
                raise ValueError(f"{path}: param {p.group('name')}: type {p.group('type')!r} is not one of {', '.join(TYPES)}")
            param = Param(p.group("name"), p.group("type"), bool(p.group("opt") or p.group("default")),
                          (p.group("doc") or "").strip(), p.group("default"))
            if param.default is not None:
                convert(param, param.default)  # a bad default fails at load time
            params.append(param)
    if not name or description is None:
        raise ValueError(f"{path}: a query file opens with '// name:' and '// description:' lines")
    return name, description, tuple(params)


def used_params(text: str) -> set[str]:
    """Parameters a query text uses (not counting strings and comments).

    >>> sorted(used_params("MATCH (d) WHERE d.unit = $unit // $not_this\\nRETURN '$nor_this', $k"))
    ['k', 'unit']
    """
    return set(_USED_RE.findall(_STRIP_RE.sub(" ", text)))


def load(directory: Path | None = None) -> dict[str, Query]:
    """Every query of the directory, by name. Raises ``ValueError`` on a malformed file."""
    directory = directory or queries_dir()
    files: dict[str, dict[str, Path]] = {}
    for p in sorted(directory.glob("*.cypher")):
        stem, _, dialect = p.name[: -len(".cypher")].partition(".")
        if dialect and dialect not in DIALECTS:
            raise ValueError(f"{p}: dialect {dialect!r} is not one of {', '.join(DIALECTS)}")
        files.setdefault(stem, {})[dialect] = p
    out = {}
    for stem, by_dialect in files.items():
        if "" not in by_dialect:
            missing = set(DIALECTS) - set(by_dialect)
            if missing:
                raise ValueError(f"{stem}: no {stem}.cypher and no file for {', '.join(sorted(missing))}")
        texts = {d: p.read_text(encoding="utf-8") for d, p in by_dialect.items()}
        headers = {d: parse_header(t, str(by_dialect[d])) for d, t in texts.items()}
        first = next(iter(headers.values()))
        for d, h in headers.items():
            if h[0] != stem:
                raise ValueError(f"{by_dialect[d]}: '// name: {h[0]}' differs from the file name {stem}")
            if h[2] != first[2]:
                raise ValueError(f"{by_dialect[d]}: its params differ from the other dialect's")
        out[stem] = Query(stem, first[1], first[2], texts)
    return out


@functools.cache
def _cached(directory: str) -> dict[str, Query]:
    return load(Path(directory))


def get(name: str) -> Query:
    """The named query; :class:`QueryNotFound` lists the names there are."""
    all_ = _cached(str(queries_dir()))
    try:
        return all_[name]
    except KeyError:
        raise QueryNotFound(f"no query {name!r}; queries: {', '.join(sorted(all_))}") from None


def load_queries() -> dict[str, Query]:
    """Every query of :func:`queries_dir`, by name (read once)."""
    return dict(_cached(str(queries_dir())))


def names() -> list[str]:
    return sorted(_cached(str(queries_dir())))


_MONTH_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_NON_WORD_RE = re.compile(r"[^0-9a-z]+")


def convert(param: Param, value: Any) -> Any:
    """A value (from the command line: a string) as the declared type.

    >>> convert(Param("n", "int", False, ""), "12"), convert(Param("q", "folded", False, ""), "Đồ Sơn")
    (12, 'do son')
    >>> convert(Param("v", "strings", True, ""), "done, partial"), convert(Param("w", "words", True, ""), "Chuyển đổi-số")
    (['done', 'partial'], ['chuyen', 'doi', 'so'])
    """
    if value is None:
        return None
    t = param.type
    if t in ("strings", "words"):
        if isinstance(value, str):
            parts = value.split(",") if t == "strings" else [value]
        elif isinstance(value, list | tuple | set | frozenset):
            parts = [str(v) for v in value if v is not None]
        else:
            raise QueryParameterError(f"parameter {param.name}: {value!r} is not a list of strings")
        if t == "words":
            out = [w for part in parts for w in _NON_WORD_RE.sub(" ", fold(part)).split()]
        else:
            out = list(dict.fromkeys(x.strip() for x in parts if x.strip()))
        return out or None  # an empty list is no filter
    try:
        if t == "int":
            if isinstance(value, bool):
                raise ValueError
            return int(value)
        if t == "float":
            return float(value)
        if t == "bool":
            if isinstance(value, bool):
                return value
            s = str(value).strip().lower()
            if s in ("true", "1", "yes"):
                return True
            if s in ("false", "0", "no"):
                return False
            raise ValueError
        s = str(value)
        if t == "month":
            s = s.strip()
            if not _MONTH_RE.match(s):
                raise ValueError
        if t == "folded":
            s = " ".join(fold(s).split())
        return s
    except ValueError:
        raise QueryParameterError(f"parameter {param.name}: {value!r} is not a {t}") from None


def bind(query: Query, params: dict[str, Any]) -> dict[str, Any]:
    """Declared parameters, converted, optional ones null when absent; unknown or missing raise."""
    declared = {p.name: p for p in query.params}
    unknown = sorted(set(params) - set(declared))
    if unknown:
        allowed = ", ".join(f"{p.name} ({p.type}{'?' if p.optional else ''})" for p in query.params) or "none"
        raise QueryParameterError(f"{query.name}: unknown parameter {', '.join(unknown)}; it takes {allowed}")
    out = {}
    for p in query.params:
        v = convert(p, params.get(p.name))
        if v is None and p.default is not None:
            v = convert(p, p.default)
        if v is None and not p.optional:
            raise QueryParameterError(f"{query.name}: parameter {p.name} ({p.type}) is required — {p.doc}")
        out[p.name] = v
    return out


def prepare(name: str, params: dict[str, Any], dialect: str) -> tuple[str, dict[str, Any]]:
    """``(text, bound params)`` for running query ``name`` on ``dialect``."""
    q = get(name)
    return q.text(dialect), bind(q, params)


_LIMIT_RE = re.compile(r"\b(LIMIT|SKIP|UNION)\b", re.I)
_RETURN_RE = re.compile(r"\bRETURN\b", re.I)


def paged_text(text: str, skip: int, limit: int) -> str | None:
    """``text`` with ``SKIP skip LIMIT limit`` after its final clause, or ``None`` when it cannot take them
    (a ``UNION``, or its own ``SKIP``/``LIMIT`` after the last ``RETURN``: such a query is bounded already).

    The explorer's console shows a named query a page at a time this way, so a query whose rows grow with
    the store is never read whole to draw its first page.

    >>> paged_text("MATCH (d) RETURN d.id AS id ORDER BY id;", 100, 50).splitlines()
    ['MATCH (d) RETURN d.id AS id ORDER BY id', 'SKIP 100 LIMIT 50']
    >>> paged_text("MATCH (d) RETURN d LIMIT $limit", 0, 50) is None
    True
    """
    body = _STRIP_RE.sub(lambda m: m.group(0) if m.group(0)[0] in "'\"" else " ", text).rstrip().rstrip(";").rstrip()
    last = list(_RETURN_RE.finditer(body))
    if not last or "UNION" in body.upper() or _LIMIT_RE.search(body[last[-1].end():]):
        return None
    return f"{body}\nSKIP {int(skip)} LIMIT {int(limit)}"


def parse_cli_params(pairs: list[str]) -> dict[str, str]:
    """``["key=57", "unit=phường Đồ Sơn"]`` -> dict (``-p key=value`` options).

    >>> parse_cli_params(["unit=phường Đồ Sơn", "k=a=b"])
    {'unit': 'phường Đồ Sơn', 'k': 'a=b'}
    """
    out = {}
    for pair in pairs:
        k, sep, v = pair.partition("=")
        if not sep or not k.strip():
            raise QueryParameterError(f"parameter {pair!r}: write it as key=value")
        out[k.strip()] = v
    return out
