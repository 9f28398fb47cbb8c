"""The test-run Neo4j (tests/neo4j_server.py) is a real Neo4j 5 that stores, enforces and stops.

Uses the session fixture ``neo4j_server`` (imported in tests/conftest.py).  Everything a test
writes lives under a label unique to this run and is deleted afterwards, so the tests are also
safe against an external server given by NEO4J_URI.
"""

from __future__ import annotations

import socket
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from tests.neo4j_server import Neo4jServer, missing_tools, start_neo4j

pytestmark = pytest.mark.neo4j


@pytest.fixture
def driver(neo4j_server: Neo4jServer) -> Iterator[Any]:
    with neo4j_server.driver() as drv:
        yield drv


@pytest.fixture
def label(driver: Any) -> Iterator[str]:
    """A label no one else uses; its nodes and constraint are removed after the test."""
    name = f"VanbanTest_{uuid.uuid4().hex[:12]}"
    yield name
    driver.execute_query(f"MATCH (n:{name}) DETACH DELETE n")
    driver.execute_query(f"DROP CONSTRAINT {name}_id IF EXISTS")


def test_return_1(driver: Any, neo4j_server: Neo4jServer) -> None:
    records, _, _ = driver.execute_query("RETURN 1 AS one", database_=neo4j_server.database)
    assert [r["one"] for r in records] == [1]


def test_server_is_neo4j_5(driver: Any) -> None:
    records, _, _ = driver.execute_query("CALL dbms.components() YIELD name, versions RETURN name, versions")
    kernel = {r["name"]: r["versions"] for r in records}
    assert kernel["Neo4j Kernel"][0].startswith("5.")


# Values a directive node really carries: Vietnamese text (NFC, with đ/ư/ơ and tone marks),
# a symbol with slashes and a dash, integer years, a list of themes, spans.
NODE_VALUES = [
    ("title", "Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ"),  # NFC + tones
    ("symbol", "154/2025/NĐ-CP"),  # state numbering with Đ
    ("year", 2025),
    ("themes", ["chuyển đổi số", "Đề án 06"]),
    ("span", [17, 31]),
]


@pytest.mark.parametrize(("key", "value"), NODE_VALUES, ids=[key for key, _ in NODE_VALUES])
def test_node_round_trip(driver: Any, label: str, key: str, value: object) -> None:
    driver.execute_query(f"CREATE (:{label} {{id: $id, value: $value}})", id=key, value=value)
    records, _, _ = driver.execute_query(f"MATCH (n:{label} {{id: $id}}) RETURN n.value AS value", id=key)
    assert [r["value"] for r in records] == [value]


def test_relationship_round_trip(driver: Any, label: str) -> None:
    driver.execute_query(
        f"CREATE (:{label} {{id: 'tb-12'}})-[:CITES {{start: 5, end: 16}}]->(:{label} {{id: '57-NQ/TW'}})"
    )
    records, _, _ = driver.execute_query(
        f"MATCH (a:{label})-[c:CITES]->(b:{label}) RETURN a.id AS a, b.id AS b, c.start AS s, c.end AS e"
    )
    assert [(r["a"], r["b"], r["s"], r["e"]) for r in records] == [("tb-12", "57-NQ/TW", 5, 16)]


def test_unique_constraint_is_created_and_enforced(driver: Any, label: str) -> None:
    from neo4j.exceptions import ConstraintError

    create = f"CREATE CONSTRAINT {label}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
    driver.execute_query(create)
    driver.execute_query(create)  # IF NOT EXISTS: a second run is a no-op, not an error
    records, _, _ = driver.execute_query(
        "SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties WHERE name = $name "
        "RETURN type, labelsOrTypes, properties",
        name=f"{label}_id",
    )
    assert [(r["type"], r["labelsOrTypes"], r["properties"]) for r in records] == [("UNIQUENESS", [label], ["id"])]

    driver.execute_query(f"CREATE (:{label} {{id: '57-NQ/TW'}})")
    with pytest.raises(ConstraintError):
        driver.execute_query(f"CREATE (:{label} {{id: '57-NQ/TW'}})")
    records, _, _ = driver.execute_query(f"MATCH (n:{label}) RETURN count(n) AS n")
    assert records[0]["n"] == 1


def _port_open(uri: str) -> bool:
    host, port = uri.rsplit("/", 1)[-1].rsplit(":", 1)
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex((host, int(port))) == 0


def test_stop_ends_the_jvm_and_removes_its_data(neo4j_server: Neo4jServer) -> None:
    if neo4j_server.external:
        pytest.skip("NEO4J_URI is set: the embedded launcher is not in use")
    if missing_tools():
        pytest.skip("java/mvn missing")
    with start_neo4j() as server:
        process, work_dir = server.process, server.work_dir
        assert process is not None and work_dir is not None
        assert process.poll() is None and work_dir.is_dir() and _port_open(server.uri)
    assert process.poll() is not None
    assert not work_dir.exists()
    assert not _port_open(server.uri)
    assert neo4j_server.process is not None and neo4j_server.process.poll() is None  # the session one lives on
