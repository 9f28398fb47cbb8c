"""A real, throw-away Neo4j 5 server for the test run.

``start_neo4j()`` builds (once) and starts ``tools/neo4j-harness`` — a tiny Java launcher around
``org.neo4j.test:neo4j-harness`` 5.26 LTS — as a child JVM on a free loopback port and returns a
:class:`Neo4jServer` once Bolt answers.  The session fixture :func:`neo4j_server` wraps it for
pytest (``from tests.neo4j_server import neo4j_server  # noqa`` in ``tests/conftest.py``).

The embedded server runs with authentication disabled: it accepts any credentials, so
``server.user`` / ``server.password`` ("neo4j" / "neo4j-test") may be passed to any driver as is.

No JVM outlives the Python process that started it:

* ``stop()`` closes the launcher's stdin (it shuts Neo4j down cleanly on EOF), then escalates to
  SIGTERM and SIGKILL on the JVM's own process group;
* an ``atexit`` hook stops every server still running (failures, Ctrl-C);
* if Python dies hard (SIGKILL, segfault) the kernel closes the stdin pipe, and the launcher
  stops itself on that EOF.

Environment:

``NEO4J_URI`` (+ ``NEO4J_USER``, ``NEO4J_PASSWORD``)
    the fixture uses that external server instead of starting one.
``REQUIRE_NEO4J=1``
    a missing ``java``/``mvn`` or a failed build fails the tests instead of skipping them.
``NEO4J_HARNESS_NO_BUILD=1``
    never run Maven; the launcher must already be built (``make neo4j-harness``).
``NEO4J_HARNESS_JAVA_OPTS``
    JVM options replacing :data:`DEFAULT_JAVA_OPTS`.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shlex
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
HARNESS_DIR = REPO_ROOT / "tools" / "neo4j-harness"
POM = HARNESS_DIR / "pom.xml"
LAUNCHER_SOURCE = HARNESS_DIR / "src" / "main" / "java" / "vanban" / "Neo4jLauncher.java"
TARGET_DIR = HARNESS_DIR / "target"
LAUNCHER_CLASS_FILE = TARGET_DIR / "classes" / "vanban" / "Neo4jLauncher.class"
CLASSPATH_FILE = TARGET_DIR / "classpath.txt"
MAIN_CLASS = "vanban.Neo4jLauncher"

# The same command as the Makefile target `neo4j-harness` (see docs/neo4j.md).
BUILD_COMMAND = ["mvn", "-q", "-B", "-Dstyle.color=never", "-f", str(POM), "compile"]

# 2 cores: a small heap, serial GC and C1 only start faster and are plenty for test-sized graphs.
DEFAULT_JAVA_OPTS = ["-Xms128m", "-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"]

# What the launcher prints on stdout once Bolt accepts connections: "BOLT bolt://127.0.0.1:PORT".
READY_PREFIX = "BOLT "

# Auth is disabled in the launcher: any credentials are accepted. These are what we hand out.
EMBEDDED_USER = "neo4j"
EMBEDDED_PASSWORD = "neo4j-test"

_STOP_GRACE_SECONDS = 20.0


class Neo4jHarnessError(RuntimeError):
    """The launcher could not be built or did not come up (the message carries its log tail)."""


class Neo4jHarnessUnavailable(Neo4jHarnessError):
    """``java`` or ``mvn`` is missing, or Maven could not build the launcher."""


# --------------------------------------------------------------------------- build


def missing_tools(*, need_maven: bool | None = None) -> list[str]:
    """The command-line tools this machine lacks to run the launcher (``[]`` when all is there).

    ``mvn`` is only needed while the launcher is not built yet (``need_maven=None`` decides that).
    """
    if need_maven is None:
        need_maven = not harness_is_built()
    tools = ["java", "mvn"] if need_maven else ["java"]
    return [tool for tool in tools if shutil.which(tool) is None]


def _classpath_entries() -> list[str]:
    return [entry for entry in CLASSPATH_FILE.read_text().strip().split(os.pathsep) if entry]


def harness_is_built() -> bool:
    """True when target/ holds a launcher newer than its sources and every jar it names exists."""
    if not (LAUNCHER_CLASS_FILE.is_file() and CLASSPATH_FILE.is_file()):
        return False
    if LAUNCHER_CLASS_FILE.stat().st_mtime < LAUNCHER_SOURCE.stat().st_mtime:
        return False
    if CLASSPATH_FILE.stat().st_mtime < POM.stat().st_mtime:  # the pom rewrites it on every build
        return False
    entries = _classpath_entries()
    # ~/.m2 may have been wiped since the build: then Maven must fetch the jars again.
    return bool(entries) and all(os.path.exists(entry) for entry in entries)


@contextlib.contextmanager
def _build_lock() -> Iterator[None]:
    """Serialise builds across processes (pytest-xdist workers all start a server)."""
    TARGET_DIR.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock, builds are rare anyway
        yield
        return
    with open(TARGET_DIR / ".build.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def build_harness(*, force: bool = False, timeout: float = 1800) -> None:
    """Run Maven to compile the launcher and write its class path, unless that is already done.

    The first build downloads ~180 MB into ~/.m2; later ones reuse it.  Raises
    :class:`Neo4jHarnessUnavailable` with Maven's output when the build fails.
    """
    with _build_lock():
        if harness_is_built() and not force:
            return
        if shutil.which("mvn") is None:
            raise Neo4jHarnessUnavailable("mvn (Maven) is not on PATH: cannot build tools/neo4j-harness")
        try:
            result = subprocess.run(
                BUILD_COMMAND, cwd=REPO_ROOT, capture_output=True, text=True, timeout=timeout, check=False
            )
        except subprocess.TimeoutExpired as exc:
            raise Neo4jHarnessUnavailable(f"{shlex.join(BUILD_COMMAND)} timed out after {timeout:.0f} s") from exc
        if result.returncode != 0 or not harness_is_built():
            output = (result.stdout + result.stderr).replace("\x1b[0m", "").strip().splitlines()
            tail = "\n".join(output[-40:]) or f"(no output, and no up-to-date {CLASSPATH_FILE} afterwards)"
            raise Neo4jHarnessUnavailable(f"{shlex.join(BUILD_COMMAND)} failed (exit {result.returncode}):\n{tail}")


def launcher_command(*, port: int = 0, data_dir: Path | None = None, java_opts: list[str] | None = None) -> list[str]:
    """The ``java ...`` command line that starts the (built) launcher."""
    if java_opts is None:
        env_opts = os.environ.get("NEO4J_HARNESS_JAVA_OPTS")
        java_opts = shlex.split(env_opts) if env_opts else list(DEFAULT_JAVA_OPTS)
    classpath = os.pathsep.join([str(TARGET_DIR / "classes"), *_classpath_entries()])
    command = ["java", *java_opts, "-cp", classpath, MAIN_CLASS, "--port", str(port)]
    if data_dir is not None:
        command += ["--dir", str(data_dir)]
    return command


# --------------------------------------------------------------------------- server


_RUNNING: set[Neo4jServer] = set()
_RUNNING_LOCK = threading.Lock()


def _stop_all() -> None:
    with _RUNNING_LOCK:
        servers = list(_RUNNING)
    for server in servers:
        server.stop()


atexit.register(_stop_all)


@dataclass(eq=False)
class Neo4jServer:
    """A running Neo4j: the JVM this module started, or an external server (``process is None``)."""

    uri: str
    user: str
    password: str
    database: str = "neo4j"
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)
    work_dir: Path | None = field(default=None, repr=False)
    startup_seconds: float | None = None
    _output: deque[str] = field(default_factory=lambda: deque(maxlen=200), repr=False)

    @property
    def auth(self) -> tuple[str, str]:
        """``(user, password)`` for ``neo4j.GraphDatabase.driver(uri, auth=...)``."""
        return (self.user, self.password)

    @property
    def external(self) -> bool:
        """True when this server was not started here (``NEO4J_URI``); ``stop()`` leaves it alone."""
        return self.process is None and self.work_dir is None

    def driver(self, **config: Any) -> Any:
        """A new ``neo4j`` driver for this server (the caller closes it)."""
        from neo4j import GraphDatabase

        return GraphDatabase.driver(self.uri, auth=self.auth, **config)

    def log_tail(self, lines: int = 40) -> str:
        """The last lines the launcher wrote (stdout + stderr) and of Neo4j's own neo4j.log."""
        parts = list(self._output)[-lines:]
        if self.work_dir is not None:
            for log in sorted(self.work_dir.glob("**/neo4j.log")):
                with contextlib.suppress(OSError):
                    parts += log.read_text(errors="replace").splitlines()[-lines:]
        return "\n".join(parts)

    def stop(self) -> None:
        """Stop the JVM (EOF on stdin, then SIGTERM, then SIGKILL) and delete its data. Idempotent."""
        process, self.process = self.process, None
        if process is not None:
            _terminate(process)
        with _RUNNING_LOCK:
            _RUNNING.discard(self)
        if self.work_dir is not None:
            shutil.rmtree(self.work_dir, ignore_errors=True)

    def __enter__(self) -> Neo4jServer:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def _terminate(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None and process.stdin is not None:
        with contextlib.suppress(OSError):
            process.stdin.close()  # the launcher shuts Neo4j down cleanly on EOF
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=_STOP_GRACE_SECONDS)
    for sig, wait in ((signal.SIGTERM, 10.0), (signal.SIGKILL, 10.0)):
        if process.poll() is not None:
            break
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, sig)  # the JVM leads its own process group
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=wait)
    if process.stdin is not None:
        with contextlib.suppress(OSError):
            process.stdin.close()
    # stdout is closed by the _pump thread once it reads EOF.


def _pump(stream: Any, sink: deque[str], ready: list[str], ready_event: threading.Event) -> None:
    """Copy the launcher's output into ``sink`` (so its pipe never fills) and spot the ready line."""
    try:
        for raw in iter(stream.readline, b""):
            line = raw.decode("utf-8", errors="replace").rstrip("\n")
            sink.append(line)
            if line.startswith(READY_PREFIX) and not ready:
                ready.append(line[len(READY_PREFIX) :].strip())
                ready_event.set()
    finally:
        ready_event.set()  # EOF: the JVM is gone
        stream.close()


def start_neo4j(timeout: float = 180, *, build: bool | None = None, port: int = 0) -> Neo4jServer:
    """Start the embedded Neo4j on 127.0.0.1 and return it once the driver connects.

    ``port=0`` lets the OS choose a free port.  ``build=None`` builds the launcher if needed unless
    ``NEO4J_HARNESS_NO_BUILD=1``; ``build=False`` never runs Maven.  ``timeout`` bounds the start
    (not the build).  Use as a context manager or call ``stop()``.
    """
    if build is None:
        build = os.environ.get("NEO4J_HARNESS_NO_BUILD", "") not in ("1", "true", "yes")
    if shutil.which("java") is None:
        raise Neo4jHarnessUnavailable("java is not on PATH: cannot run tools/neo4j-harness")
    if build:
        build_harness()
    elif not harness_is_built():
        raise Neo4jHarnessUnavailable("tools/neo4j-harness is not built: run `make neo4j-harness`")

    work_dir = Path(tempfile.mkdtemp(prefix="vanban-neo4j-"))
    started = time.monotonic()
    process = subprocess.Popen(
        launcher_command(port=port, data_dir=work_dir),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        cwd=work_dir,
        start_new_session=True,  # own process group: Ctrl-C does not hit it, killpg reaches all of it
    )
    server = Neo4jServer(uri="", user=EMBEDDED_USER, password=EMBEDDED_PASSWORD, process=process, work_dir=work_dir)
    with _RUNNING_LOCK:
        _RUNNING.add(server)
    try:
        ready: list[str] = []
        ready_event = threading.Event()
        threading.Thread(
            target=_pump,
            args=(process.stdout, server._output, ready, ready_event),
            name="neo4j-launcher-output",
            daemon=True,
        ).start()
        ready_event.wait(timeout)
        if not ready:
            if ready_event.is_set():  # stdout hit EOF: give the JVM a moment to exit and report its code
                with contextlib.suppress(subprocess.TimeoutExpired):
                    process.wait(timeout=10)
            code = process.poll()
            state = f"exited with code {code}" if code is not None else f"timed out after {timeout:.0f} s"
            raise Neo4jHarnessError(f"Neo4j launcher {state} before printing its Bolt address:\n{server.log_tail()}")
        server.uri = ready[0]
        _wait_for_bolt(server, deadline=started + timeout)
        server.startup_seconds = time.monotonic() - started
        return server
    except BaseException:
        server.stop()
        raise


def _wait_for_bolt(server: Neo4jServer, *, deadline: float) -> None:
    from neo4j import GraphDatabase
    from neo4j.exceptions import DriverError, Neo4jError

    last_error: Exception | None = None
    while time.monotonic() < deadline:
        if server.process is not None and server.process.poll() is not None:
            raise Neo4jHarnessError(
                f"Neo4j launcher exited with code {server.process.returncode}:\n{server.log_tail()}"
            )
        try:
            with GraphDatabase.driver(server.uri, auth=server.auth) as driver:
                driver.verify_connectivity()
            return
        except (DriverError, Neo4jError, OSError) as exc:
            last_error = exc
            time.sleep(0.25)
    raise Neo4jHarnessError(f"Bolt at {server.uri} did not answer in time ({last_error!r}):\n{server.log_tail()}")


def external_neo4j() -> Neo4jServer | None:
    """The server named by ``NEO4J_URI`` / ``NEO4J_USER`` / ``NEO4J_PASSWORD``, if that is set."""
    uri = os.environ.get("NEO4J_URI", "").strip()
    if not uri:
        return None
    return Neo4jServer(
        uri=uri,
        user=os.environ.get("NEO4J_USER", "neo4j"),
        password=os.environ.get("NEO4J_PASSWORD", ""),
        database=os.environ.get("NEO4J_DATABASE", "neo4j"),
    )


# --------------------------------------------------------------------------- pytest


def _unavailable(message: str) -> None:
    """Skip, or fail when the run demands Neo4j (REQUIRE_NEO4J=1)."""
    if os.environ.get("REQUIRE_NEO4J", "") == "1":
        pytest.fail(f"{message} (REQUIRE_NEO4J=1, so this is an error, not a skip)", pytrace=False)
    pytest.skip(f"{message}; set NEO4J_URI to use an existing server")


@pytest.fixture(scope="session")
def neo4j_server() -> Iterator[Neo4jServer]:
    """A Neo4j 5 for the whole session: NEO4J_URI if set, else the embedded launcher.

    Skips when java/mvn are missing or the launcher cannot be built (fails instead under
    REQUIRE_NEO4J=1); a launcher that builds but does not start always fails.
    """
    external = external_neo4j()
    if external is not None:
        yield external
        return
    missing = missing_tools()
    if missing:
        _unavailable(f"Neo4j tests need {' and '.join(missing)} on PATH (tools/neo4j-harness)")
    try:
        server = start_neo4j()
    except Neo4jHarnessUnavailable as exc:
        _unavailable(f"cannot build the Neo4j launcher: {exc}")
        raise  # unreachable: skip/fail raise
    try:
        yield server
    finally:
        server.stop()


# The name the brief asked for; the fixture itself is called ``neo4j_server``.
neo4j_server_fixture = neo4j_server
