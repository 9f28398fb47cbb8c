"""Where the store is: command-line options first, then the environment, then defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class StoreConfig:
    db: str
    neo4j_uri: str | None
    user: str | None
    password: str | None


def store_config(db: str | None = None, neo4j: str | None = None, user: str | None = None, password: str | None = None) -> StoreConfig:
    """``--db`` (default ``$VANBAN_DB``, else ``./vanban.db``) or ``--neo4j`` / ``$NEO4J_URI``."""
    return StoreConfig(
        db=db or os.environ.get("VANBAN_DB") or "./vanban.db",
        neo4j_uri=neo4j or os.environ.get("NEO4J_URI") or None,
        user=user or os.environ.get("NEO4J_USER") or ("neo4j" if (neo4j or os.environ.get("NEO4J_URI")) else None),
        password=password or os.environ.get("NEO4J_PASSWORD") or None,
    )


#: an ad-hoc console query's limits unless an option or the environment says otherwise (graph.console)
DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_ROWS = 10_000


@dataclass(frozen=True)
class ConsoleLimits:
    """How long an ad-hoc console query may run (seconds) and how many rows it may return."""

    timeout: float
    max_rows: int


def console_limits(timeout: float | None = None, max_rows: int | None = None) -> ConsoleLimits:
    """Options first, then ``$VANBAN_CONSOLE_TIMEOUT`` / ``$VANBAN_CONSOLE_MAX_ROWS``, else 10 s and 10,000 rows.

    >>> console_limits(timeout=3)
    ConsoleLimits(timeout=3.0, max_rows=10000)
    """
    def pick(given: Any, env: str, default: Any, kind: type, low: float) -> Any:
        raw = given if given is not None else os.environ.get(env) or default
        try:
            value = kind(raw)
            if value < low:
                raise ValueError
        except (TypeError, ValueError):
            where = "" if given is not None else f" (${env})"
            raise ValueError(f"console limit{where}: {raw!r} is not a {kind.__name__} of at least {low:g}") from None
        return value

    return ConsoleLimits(
        timeout=pick(timeout, "VANBAN_CONSOLE_TIMEOUT", DEFAULT_TIMEOUT, float, 0.1),
        max_rows=pick(max_rows, "VANBAN_CONSOLE_MAX_ROWS", DEFAULT_MAX_ROWS, int, 1),
    )
