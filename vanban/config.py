"""Where the store is: command-line options first, then the environment, then defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass


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
