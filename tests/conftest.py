"""Fixtures shared by the whole suite."""

from __future__ import annotations

from tests.neo4j_server import neo4j_server  # noqa: F401  (session fixture: a real Neo4j for the run)
