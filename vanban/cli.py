"""The ``vanban`` command line. The only place errors become messages and exit codes."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from vanban.config import console_limits, store_config
from vanban.errors import ParseError, VanbanError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="vanban: a knowledge graph of Vietnamese Party and local-government directives.",
)

DbOpt = Annotated[str | None, typer.Option("--db", help="Embedded store path (default $VANBAN_DB, else ./vanban.db).")]
Neo4jOpt = Annotated[str | None, typer.Option("--neo4j", help="Neo4j Bolt URI instead of the embedded store (or $NEO4J_URI).")]
UserOpt = Annotated[str | None, typer.Option("--user", help="Neo4j user (or $NEO4J_USER).")]
PasswordOpt = Annotated[str | None, typer.Option("--password", help="Neo4j password (or $NEO4J_PASSWORD).")]
ParamOpt = Annotated[list[str] | None, typer.Option("-p", "--param", help="A query parameter, key=value (repeatable).")]
FormatOpt = Annotated[str, typer.Option("--format", help="Output format: json, table or csv.")]
LimitOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--limit",
        help="A cap on one input file, NAME=VALUE (repeatable): file_mb, chars, pages, ocr_pages, docx_mb, docx_ratio, "
        "convert_s; defaults and VANBAN_MAX_* variables in the README.",
    ),
]

FORMATS = ("json", "table", "csv")


def _fail(message: str, code: int = 1) -> None:
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(code)


def _parse_params(params: list[str] | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for p in params or []:
        if "=" not in p:
            _fail(f"parameter {p!r} is not key=value")
        k, v = p.split("=", 1)
        out[k.strip()] = v
    return out


def _limits(options: list[str] | None) -> Any:
    """The input caps: ``--limit`` options over ``VANBAN_MAX_*`` variables over the defaults.

    They are written back to the environment so that parser processes see them.
    """
    from ingest.limits import LimitError, Limits

    try:
        limits = Limits.from_env().with_options(options or [])
    except LimitError as e:
        _fail(str(e))
    os.environ.update(limits.to_env())
    return limits


ProvinceOpt = Annotated[
    str | None,
    typer.Option("--province", help="The province of the documents' wards (a name or a code, e.g. 'Hải Phòng', 31): chooses among same-named wards."),
]


def _province(name: str | None) -> str | None:
    """Check ``--province`` against the registry; worker processes read it from $VANBAN_PROVINCE."""
    if not name:
        return None
    from ingest.units import province_of, registry_available

    if registry_available() and province_of(name) is None:
        _fail(f"unknown province {name!r}: give a province of the 2025 registry by name or code (e.g. 'Hải Phòng', 'Lâm Đồng', 31)")
    os.environ["VANBAN_PROVINCE"] = name
    return name


def _log_progress(show: bool) -> None:
    """OCR page progress ("scan.pdf: OCR page 3/40") on stderr."""
    import logging

    log = logging.getLogger("ingest.readers")
    if show and not log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        log.propagate = False


def _open(db: str | None, neo4j: str | None, user: str | None, password: str | None, read_only: bool) -> Any:
    from graph.backends import open_store

    cfg = store_config(db, neo4j, user, password)
    return open_store(db=cfg.db, neo4j_uri=cfg.neo4j_uri, user=cfg.user, password=cfg.password, read_only=read_only)


def _emit_rows(rows: list[dict[str, Any]], fmt: str) -> None:
    if fmt not in FORMATS:
        _fail(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    if fmt == "json":
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
        return
    columns: list[str] = []
    for r in rows:
        for k in r:
            if k not in columns:
                columns.append(k)
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow({k: (json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v) for k, v in r.items()})
        typer.echo(buf.getvalue(), nl=False)
        return
    from tabulate import tabulate

    def cell(v: Any) -> str:
        s = "" if v is None else str(v)
        return s if len(s) <= 80 else s[:77] + "..."

    typer.echo(tabulate([[cell(r.get(c)) for c in columns] for r in rows], headers=columns, tablefmt="simple"))
    typer.echo(f"({len(rows)} rows)")


def _read_and_emit(read: Callable[[Any], list[dict[str, Any]]], fmt: str, db: str | None, neo4j: str | None, user: str | None, password: str | None) -> None:
    """Open the store read-only, run ``read`` on it, print the rows in ``fmt``."""
    if fmt not in FORMATS:
        _fail(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    try:
        store = _open(db, neo4j, user, password, read_only=True)
        try:
            rows = read(store)
        finally:
            store.close()
    except VanbanError as e:
        _fail(str(e))
    _emit_rows(rows, fmt)


@app.command()
def parse(
    file: Annotated[Path, typer.Argument(help="A .txt, .docx, .doc or .pdf document.")],
    ocr: Annotated[bool, typer.Option("--ocr/--no-ocr", help="OCR scanned PDFs with tesseract when they have no text layer.")] = True,
    limit: LimitOpt = None,
    progress: Annotated[bool, typer.Option("--progress/--no-progress", help="Report OCR progress page by page on stderr.")] = True,
    province: ProvinceOpt = None,
) -> None:
    """Read one document and print its parse as one JSON object (schema vanban.parse/1)."""
    from ingest.pipeline import parse_file, to_json

    limits = _limits(limit)
    _log_progress(progress)
    try:
        doc = parse_file(file, ocr=ocr, limits=limits, province=_province(province))
    except ParseError as e:
        _fail(f"{e.path}: {e.reason}")
    except VanbanError as e:
        _fail(f"{file}: {e}")
    typer.echo(json.dumps(to_json(doc), ensure_ascii=False, indent=1))


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files and folders to ingest (folders are walked for .txt, .docx, .doc, .pdf).")],
    db: DbOpt = None,
    neo4j: Neo4jOpt = None,
    user: UserOpt = None,
    password: PasswordOpt = None,
    link: Annotated[bool, typer.Option("--link/--no-link", help="Recompute month-to-month links of the touched units.")] = True,
    progress: Annotated[bool, typer.Option("--progress/--no-progress", help="Show a progress bar (and OCR pages).")] = True,
    limit: LimitOpt = None,
    province: ProvinceOpt = None,
    batch: Annotated[int | None, typer.Option("--batch", min=1, help="Documents written per transaction, at least (a batch grows while the one before is still being written; each batch is kept if a later one fails or the run is killed).")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log each stored batch and each linked unit on stderr.")] = False,
    unit: Annotated[str | None, typer.Option("--unit", help="File documents whose header names no unit under this one (e.g. \"phường Tân Hưng\").")] = None,
) -> None:
    """Parse files and folders into the store, each document whole or not at all; repairs what an interrupted run left."""
    import logging

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from graph.loader import BATCH, collect_files, ingest_paths, recovery_lines, replacement_lines
    from ingest.worddoc import batch_convert

    limits = _limits(limit)
    _province(province)
    show = progress and sys.stderr.isatty()
    _log_progress(show)
    if verbose:
        log = logging.getLogger("graph.loader")
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
    try:
        store = _open(db, neo4j, user, password, read_only=False)
    except VanbanError as e:
        _fail(str(e))
    try:
        files, skipped, not_read = collect_files(paths)
        for s in skipped:
            typer.echo(f"skipped: {s} (not .txt, .docx, .doc or .pdf)", err=True)
        with Progress(
            TextColumn("[bold]{task.fields[stage]}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), TextColumn("{task.description}"),
            disable=not show, transient=True,
        ) as bar:
            n_doc = sum(1 for f in files if f.suffix.lower() == ".doc")
            convert = bar.add_task("", total=n_doc, stage=".doc → .docx", visible=n_doc > 0)

            def on_batch(done: int, total: int) -> None:
                bar.update(convert, completed=done, total=total)

            # Word 97–2003 files: converted by LibreOffice in batches first (≈0.4 s a file instead of ≈2)
            with batch_convert(files, timeout=limits.convert_s, max_bytes=limits.file_bytes, on_batch=on_batch):
                bar.update(convert, visible=False)
                task = bar.add_task("", total=len(files), stage="ingest")

                def on_progress(path: str, ok: bool) -> None:
                    bar.update(task, advance=1, description=Path(path).name[:40])

                summary = ingest_paths(store, files, on_progress=on_progress, link=link, batch=batch or BATCH, unit=unit)
    except VanbanError as e:
        _fail(str(e))
    finally:
        store.close()
    failures = [*not_read, *summary.failures]  # missing and non-regular paths, then what the batch could not store
    for path, reason in failures:
        typer.echo(f"Error: {path}: {reason}", err=True)
    for line in recovery_lines(summary.recovery) + replacement_lines(summary.results):
        typer.echo(line)
    for path, unit_cited, key in summary.unit_from_cited:  # filed under a unit its header does not name: said so
        typer.echo(f"Note: {path}: no unit in its header; filed under {unit_cited}, the unit of the notice it cites ({key})", err=True)
    for path, unit_signed, name in summary.unit_from_signer:
        typer.echo(f"Note: {path}: no unit in its header; filed under {unit_signed}, the unit of the notices {name} signed", err=True)
    for path in summary.no_unit:  # never dropped from its series in silence
        typer.echo(f"Warning: {path}: no administrative unit read from it; not linked month to month (give it with --unit)", err=True)
    for path, unit_read, organ in summary.unit_doubt:  # a notice filed under its province would leave its series
        typer.echo(f"Warning: {path}: unit read as {unit_read}, but its header names {organ!r}; check it (give it with --unit)", err=True)
    for path, tier in summary.above_ward:  # named too: a ward's notice whose header read as a province's would show here
        typer.echo(f"Note: {path}: a directive from above the ward ({tier}), in no ward's monthly series", err=True)
    typer.echo(
        f"ingested {summary.documents} documents ({summary.unchanged} unchanged, {summary.replaced} replaced): "
        f"{summary.items} items, {summary.citations} citations, {summary.bodies} body mentions; "
        f"{len(failures)} failed, {len(skipped)} skipped"
    )
    if failures:
        raise typer.Exit(1)


@app.command()
def query(
    name: Annotated[str, typer.Argument(help="A named query: queries/NAME.cypher (see `vanban query --list`).")] = "",
    param: ParamOpt = None,
    fmt: FormatOpt = "table",
    db: DbOpt = None,
    neo4j: Neo4jOpt = None,
    user: UserOpt = None,
    password: PasswordOpt = None,
    list_: Annotated[bool, typer.Option("--list", help="List the named queries and their parameters.")] = False,
) -> None:
    """Run the named query queries/NAME.cypher."""
    from graph.queries import load_queries

    if list_ or not name:
        for q in load_queries().values():
            params = ", ".join(f"{p.name}{'' if p.required else '?'}" for p in q.params)
            typer.echo(f"{q.name}({params}): {q.description}")
        return
    _read_and_emit(lambda store: store.query(name, _parse_params(param)), fmt, db, neo4j, user, password)


@app.command()
def cypher(
    text: Annotated[str, typer.Argument(help="A read-only Cypher query.")] = "",
    param: ParamOpt = None,
    fmt: FormatOpt = "table",
    db: DbOpt = None,
    neo4j: Neo4jOpt = None,
    user: UserOpt = None,
    password: PasswordOpt = None,
    timeout: Annotated[float | None, typer.Option("--timeout", help="Seconds the query may run before it is stopped (default $VANBAN_CONSOLE_TIMEOUT, else 10).")] = None,
    max_rows: Annotated[int | None, typer.Option("--max-rows", help="Rows returned at most; the rest is not fetched (default $VANBAN_CONSOLE_MAX_ROWS, else 10000).")] = None,
    allowed: Annotated[bool, typer.Option("--allowed", help="List the clauses and functions the console accepts, and exit.")] = False,
) -> None:
    """Run an ad-hoc Cypher query, read-only, in its own process, with a time limit and a row cap."""
    from graph import console, guard

    if allowed:
        typer.echo("clauses: " + ", ".join(guard.CLAUSES))
        typer.echo("functions: " + ", ".join(sorted(guard.FUNCTIONS)))
        return
    if not text.strip():
        _fail("give a query: vanban cypher \"MATCH (d:Document) RETURN count(*) AS n\"")
    if fmt not in FORMATS:
        _fail(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    try:
        limits = console_limits(timeout, max_rows)
    except ValueError as e:
        _fail(str(e))
    try:
        result = console.run(store_config(db, neo4j, user, password), text, _parse_params(param),
                             timeout=limits.timeout, max_rows=limits.max_rows)
    except VanbanError as e:
        _fail(str(e))
    _emit_rows(result.rows, fmt)
    if result.truncated:
        typer.echo(f"note: stopped after {limits.max_rows} rows (--max-rows); the query has more", err=True)


@app.command()
def export(
    out: Annotated[Path, typer.Argument(help="Output file (ttl, jsonld, graphml) or folder (csv).")],
    fmt: Annotated[str, typer.Option("--format", help="ttl, jsonld, graphml or csv.")] = "ttl",
    db: DbOpt = None,
    neo4j: Neo4jOpt = None,
    user: UserOpt = None,
    password: PasswordOpt = None,
) -> None:
    """Write the whole graph as RDF (Turtle, JSON-LD), GraphML or CSV."""
    from graph.export import EXPORT_FORMATS, export_graph

    if fmt not in EXPORT_FORMATS:
        _fail(f"unknown format {fmt!r}; choose one of: {', '.join(EXPORT_FORMATS)}")
    try:
        store = _open(db, neo4j, user, password, read_only=True)
        try:
            n = export_graph(store, fmt, out)
        finally:
            store.close()
    except VanbanError as e:
        _fail(str(e))
    typer.echo(f"wrote {out} ({n})")


def _as_of(value: str | None) -> Any:
    """``--as-of``: a day (YYYY-MM-DD), ``today``, or None (each unit's newest document)."""
    import datetime as dt

    if value is None:
        return None
    if value == "today":
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        _fail(f"--as-of {value!r}: not a date; expected YYYY-MM-DD or 'today'")


@app.command()
def report(
    out: Annotated[Path, typer.Argument(help="The file to write (.xlsx or .docx).")],
    unit: Annotated[str | None, typer.Option("--unit", help="Only this unit, as written in its headers (default: every unit).")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="The day to count from: YYYY-MM-DD or 'today' (default: each unit's newest document).")] = None,
    period: Annotated[str | None, typer.Option("--period", help="Only the tasks planned for this month (YYYY-MM).")] = None,
    fmt: Annotated[str | None, typer.Option("--format", help="xlsx or docx (default: from OUT's extension).")] = None,
    db: DbOpt = None,
    neo4j: Neo4jOpt = None,
    user: UserOpt = None,
    password: PasswordOpt = None,
) -> None:
    """Write the follow-through report: each task's deadline and official status (đúng hạn, quá hạn, trong hạn)."""
    import re

    from graph.report import REPORT_FORMATS, write_report
    from graph.status import form_sentence, status_report

    fmt = fmt or out.suffix.lstrip(".").lower()
    if fmt not in REPORT_FORMATS:
        _fail(f"{out}: unknown report format {fmt!r}; choose one of: {', '.join(REPORT_FORMATS)} (--format or the file's extension)")
    if period is not None and not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", period):
        _fail(f"--period {period!r}: not a month; expected YYYY-MM")
    day = _as_of(as_of)
    try:
        store = _open(db, neo4j, user, password, read_only=True)
        try:
            units = [r["unit"] for r in store.query("units")]
            if unit is not None and unit not in units:
                _fail(f"no documents of unit {unit!r}; units in the store: {', '.join(units) or 'none'}")
            result = status_report(store, unit=unit, as_of=day, period=period)
        finally:
            store.close()
    except VanbanError as e:
        _fail(str(e))
    try:
        out.write_bytes(write_report(result, fmt))
    except OSError as e:
        _fail(f"{out}: {e.strerror or e}")
    typer.echo(f"wrote {out}: {form_sentence(result.totals)}")


@app.command(name="app")
def app_cmd(
    db: DbOpt = None,
    neo4j: Neo4jOpt = None,
    user: UserOpt = None,
    password: PasswordOpt = None,
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8501,
    address: Annotated[str, typer.Option("--address", help="Address to listen on (127.0.0.1 unless a password is configured).")] = "127.0.0.1",
    console_timeout: Annotated[float | None, typer.Option("--console-timeout", help="Seconds a query of the Cypher box may run (default $VANBAN_CONSOLE_TIMEOUT, else 10).")] = None,
    console_max_rows: Annotated[int | None, typer.Option("--console-max-rows", help="Rows a query of the Cypher box may return (default $VANBAN_CONSOLE_MAX_ROWS, else 10000).")] = None,
) -> None:
    """Start the Streamlit explorer (streamlit run app.py)."""
    cfg = store_config(db, neo4j, user, password)
    try:
        limits = console_limits(console_timeout, console_max_rows)
    except ValueError as e:
        _fail(str(e))
    env = dict(os.environ)
    env["VANBAN_CONSOLE_TIMEOUT"] = f"{limits.timeout:g}"
    env["VANBAN_CONSOLE_MAX_ROWS"] = str(limits.max_rows)
    env["VANBAN_DB"] = str(Path(cfg.db).resolve())
    if cfg.neo4j_uri:
        env["NEO4J_URI"] = cfg.neo4j_uri
        if cfg.user:
            env["NEO4J_USER"] = cfg.user
        if cfg.password:
            env["NEO4J_PASSWORD"] = cfg.password
    app_py = Path(__file__).resolve().parent.parent / "app.py"
    # A checkout keeps its settings and secrets in .streamlit/ beside app.py; an installed
    # vanban (app.py in site-packages) takes them from where it is started, as Streamlit does.
    project = app_py.parent if (app_py.parent / ".streamlit").is_dir() else Path.cwd()
    from vanban.security import access_from_secrets, check_address, default_secret_paths, read_secrets

    try:
        # Party documents are not public: no other address than loopback without a password or login.
        check_address(address, access_from_secrets(read_secrets(*default_secret_paths(project))))
    except VanbanError as e:
        _fail(str(e))
    # The settings of .streamlit/config.toml that matter, also for an installed vanban: no file
    # watcher (it would watch the whole of site-packages), no usage statistics.
    cmd = [sys.executable, "-m", "streamlit", "run", str(app_py), "--server.address", address, "--server.port", str(port),
           "--server.headless", "true", "--server.fileWatcherType", "none", "--server.runOnSave", "false",
           "--browser.gatherUsageStats", "false"]
    typer.echo(f"vanban explorer on http://{address}:{port}  (Ctrl-C to stop)")
    raise typer.Exit(subprocess.call(cmd, env=env, cwd=str(project)))


@app.command()
def bench(
    notices: Annotated[int, typer.Option("--notices", help="How many synthetic notices to generate and measure.")] = 1000,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    neo4j: Neo4jOpt = None,
    user: UserOpt = None,
    password: PasswordOpt = None,
    workdir: Annotated[Path | None, typer.Option("--workdir", help="Where to write the corpus and stores (default: a temp folder).")] = None,
    seed: Annotated[int, typer.Option("--seed", help="Random seed of the synthetic corpus.")] = 7,
    workers: Annotated[int, typer.Option("--workers", help="Parser processes (default: all cores).")] = 0,
) -> None:
    """Generate N synthetic notices and measure parse, ingest and every named query."""
    from vanban.bench import format_table, run_bench

    if fmt not in ("table", "json"):
        _fail(f"unknown format {fmt!r}; choose one of: table, json")
    cfg = store_config(None, neo4j, user, password)
    try:
        result = run_bench(notices, neo4j_uri=cfg.neo4j_uri, user=cfg.user, password=cfg.password, workdir=workdir, seed=seed, workers=workers or None)
    except VanbanError as e:
        _fail(str(e))
    typer.echo(json.dumps(result, indent=2) if fmt == "json" else format_table(result))


# -- vanban review: inspectors confirm and correct the month-to-month links

review_app = typer.Typer(no_args_is_help=True, help="Inspectors confirm, reject, re-link and set verdicts; the log; agreement with the linker.")
app.add_typer(review_app, name="review")

ReviewerOpt = Annotated[str, typer.Option("--reviewer", help="Who decides (required; written to the log).")]
NoteOpt = Annotated[str | None, typer.Option("--note", help="Why, in a sentence (optional).")]
KindOpt = Annotated[str, typer.Option("--kind", help="FOLLOWED_BY (task -> result) or CARRIED_OVER (task -> later task).")]
TaskArg = Annotated[str, typer.Argument(help="The task's item id (column item of `vanban query board_tasks`).")]
TargetArg = Annotated[str, typer.Argument(help="The result's (or later task's) item id.")]


def _decide(action: str, task: str, reviewer: str, db: str | None, neo4j: str | None, user: str | None,
            password: str | None, **kw: Any) -> None:
    from graph.review import ReviewError, decide

    if not reviewer.strip():
        _fail("--reviewer is required for a decision")
    try:
        store = _open(db, neo4j, user, password, read_only=False)
        try:
            rid = decide(store, action, task, reviewer=reviewer, **kw)
        finally:
            store.close()
    except (VanbanError, ReviewError) as e:
        _fail(str(e))
    typer.echo(f"{action}: {task}{' -> ' + kw['target'] if kw.get('target') else ''} (decision {rid}); links of its unit recomputed")


def _kind(kind: str) -> str:
    k = kind.upper().replace("-", "_")
    return {"FOLLOWED": "FOLLOWED_BY", "CARRIED": "CARRIED_OVER"}.get(k, k)


@review_app.command("confirm")
def review_confirm(task: TaskArg, target: TargetArg, reviewer: ReviewerOpt, note: NoteOpt = None, kind: KindOpt = "FOLLOWED_BY",
                   db: DbOpt = None, neo4j: Neo4jOpt = None, user: UserOpt = None, password: PasswordOpt = None) -> None:
    """Confirm a link: it stays whatever the linker computes later (source human)."""
    _decide("confirm", task, reviewer, db, neo4j, user, password, target=target, kind=_kind(kind), note=note)


@review_app.command("reject")
def review_reject(task: TaskArg, target: TargetArg, reviewer: ReviewerOpt, note: NoteOpt = None, kind: KindOpt = "FOLLOWED_BY",
                  db: DbOpt = None, neo4j: Neo4jOpt = None, user: UserOpt = None, password: PasswordOpt = None) -> None:
    """Reject a computed link: it is not written again, whatever the linker computes."""
    _decide("reject", task, reviewer, db, neo4j, user, password, target=target, kind=_kind(kind), note=note)


@review_app.command("link")
def review_link(task: TaskArg, target: TargetArg, reviewer: ReviewerOpt, note: NoteOpt = None, kind: KindOpt = "FOLLOWED_BY",
                db: DbOpt = None, neo4j: Neo4jOpt = None, user: UserOpt = None, password: PasswordOpt = None) -> None:
    """Link a task to another result (or later task); the task's other computed links of that kind go."""
    _decide("link", task, reviewer, db, neo4j, user, password, target=target, kind=_kind(kind), note=note)


@review_app.command("verdict")
def review_verdict(task: TaskArg,
                   verdict: Annotated[str, typer.Argument(help="done, partial, carried_over or silent.")],
                   reviewer: ReviewerOpt, note: NoteOpt = None,
                   db: DbOpt = None, neo4j: Neo4jOpt = None, user: UserOpt = None, password: PasswordOpt = None) -> None:
    """Set a task's verdict by hand (verdict_source human)."""
    _decide("verdict", task, reviewer, db, neo4j, user, password, verdict=verdict, note=note)


@review_app.command("log")
def review_log_cmd(unit: Annotated[str | None, typer.Option("--unit", help="Only this unit.")] = None,
                   reviewer: Annotated[str | None, typer.Option("--reviewer", help="Only this reviewer.")] = None,
                   fmt: FormatOpt = "table", db: DbOpt = None, neo4j: Neo4jOpt = None, user: UserOpt = None,
                   password: PasswordOpt = None) -> None:
    """Every decision, oldest first: who, when, what, the note, the texts, and whether its items are still there (orphaned)."""
    from graph.review import review_log

    _read_and_emit(lambda store: review_log(store, unit, reviewer), fmt, db, neo4j, user, password)


@review_app.command("stats")
def review_stats_cmd(unit: Annotated[str | None, typer.Option("--unit", help="Only this unit.")] = None,
                     fmt: FormatOpt = "table", db: DbOpt = None, neo4j: Neo4jOpt = None, user: UserOpt = None,
                     password: PasswordOpt = None) -> None:
    """Agreement of the linker with the inspectors per reviewed unit: precision, recall, verdicts agreed."""
    from graph.review import review_stats

    _read_and_emit(lambda store: review_stats(store, unit), fmt, db, neo4j, user, password)


@review_app.command("hash-password")
def review_hash_password(
    password_: Annotated[str | None, typer.Option("--password", help="The password (else asked, not echoed).")] = None,
) -> None:
    """Print a hash for `[reviewers] NAME = "<hash>"` in .streamlit/secrets.toml."""
    from vanban.security import hash_password

    pw = password_ if password_ is not None else typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        typer.echo(hash_password(pw))
    except ValueError as e:
        _fail(str(e))


def main() -> None:  # pragma: no cover
    app()
