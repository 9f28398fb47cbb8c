"""The store backends, all of them, and ``open_store``: the one place that imports a concrete backend.

Each backend module (:mod:`graph.embedded`, :mod:`graph.neo4j_store`) imports the
base (:mod:`graph.store`) and registers its class there (``register_backend``);
importing this module imports them, so the registry is complete here, and
nothing finds a backend by its name at run time. Neither engine is loaded by the
import: LadybugDB and the Neo4j driver are imported when a store is opened.

>>> sorted(BACKENDS), backend_class("ladybug").supports_copy, backend_class("neo4j").supports_copy
(['ladybug', 'neo4j'], True, False)
"""

from __future__ import annotations

import os
import re

import graph.embedded  # noqa: F401 - registers "ladybug"
import graph.neo4j_store  # noqa: F401 - registers "neo4j"
from graph.store import BACKENDS, CypherStore, Store
from vanban.errors import StoreError

__all__ = ["BACKENDS", "backend_class", "open_store"]


def backend_class(name: str) -> type[CypherStore]:
    """The store class registered as ``name``; a ``KeyError`` lists the registered names."""
    try:
        return BACKENDS[name].cls
    except KeyError:
        raise KeyError(f"no store backend {name!r}; registered: {', '.join(sorted(BACKENDS))}") from None


def _backend_for(address: str) -> str:
    m = re.match(r"^([a-z][a-z0-9+]*)://", address)
    scheme = m.group(1) if m else None
    for b in BACKENDS.values():
        if (scheme in b.schemes) if scheme else not b.schemes:
            return b.name
    known = sorted(s for b in BACKENDS.values() for s in b.schemes)
    raise StoreError(f"{address}: no store backend for {scheme or 'a path'}; known URI schemes: {', '.join(known)}")


def open_store(
    db: str | None = None,
    neo4j_uri: str | None = None,
    user: str | None = None,
    password: str | None = None,
    read_only: bool = False,
) -> Store:
    """Open the store the options name: Neo4j when a URI is given (or ``NEO4J_URI`` is set), else the embedded file.

    ``db`` may itself be a ``bolt://`` or ``neo4j://`` URI. The embedded path
    defaults to ``$VANBAN_DB``, else ``./vanban.db``. The backend is the one
    registered for the address's URI scheme (:func:`graph.store.register_backend`).
    """
    uri = neo4j_uri
    if uri is None and db and re.match(r"^[a-z][a-z0-9+]*://", db):
        uri, db = db, None
    if uri is None and db is None:
        uri = os.environ.get("NEO4J_URI") or None
    address = uri or db or os.environ.get("VANBAN_DB") or "vanban.db"
    cls = backend_class(_backend_for(address))
    return cls.from_address(
        address,
        user=user if user is not None else os.environ.get("NEO4J_USER"),
        password=password if password is not None else os.environ.get("NEO4J_PASSWORD"),
        read_only=read_only,
    )
