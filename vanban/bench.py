"""``vanban bench``: generate N synthetic notices and measure the whole path on them.

``run_bench(notices, ...)`` does, in one run and one working folder:

1. **generate** ``notices`` synthetic notices (:mod:`vanban.synth`);
2. **floor**: only read and normalise every file (``read_file`` + ``normalize``),
   on ``workers`` processes — what any parser must at least spend;
3. **parse**: ``parse_file`` on every file, the same way; both passes time each
   file inside its worker, so beside the wall-clock rate (``parse_per_s``) the
   rate of one core (``parse_per_core_per_s`` = files / summed busy time) and
   the ratio to the floor (``parse_vs_floor``) come out of the same run;
4. **ingest** into a fresh embedded store, as ``vanban ingest`` does it
   (:func:`graph.loader.ingest_paths`): the files are parsed on ``workers``
   processes while the main process writes them, batch by batch
   (``Store.bulk_load``, ``COPY`` on the embedded store), then the
   month-to-month links are computed (:func:`graph.linking.relink_units`);
   the corpus is never held in memory (a batch of parsed documents and the
   files in flight);
5. the same into **Neo4j** when a URI is given (its database is emptied first);
6. **queries**: every named query (``queries/*.cypher``), parameters taken
   from the loaded data (an existing unit, the key of 57-NQ/TW, a body, a
   month), ``repeat`` timed runs each cycling over several values, p50/p95;
7. **stages**: CPU time per 10 KB of the slowest extraction stages and of
   hostile inputs (:mod:`vanban.stages`), against the bounds the unit tests
   once asserted;
8. **memory**: the resident set of this process plus its children, sampled
   every 50 ms; the peak (``peak_rss_mb``) and the peak of each phase.

The JSON keys the scale issue fixes: ``notices``, ``parse_per_s``,
``floor_per_s``, ``ingest_per_s``, ``queries`` (name -> ``p50_ms``,
``p95_ms``), ``peak_rss_mb``, ``normalise_per_s`` (``normalize`` alone on
text already read, notices per second of one core) and ``ocr_pages_per_s``
(a synthetic scanned PDF read through OCR, one tesseract per core, pages per
second of wall time; ``None`` when tesseract is missing). Everything else is extra.
"""

from __future__ import annotations

import contextlib
import math
import multiprocessing as mp
import os
import platform
import shutil
import statistics
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

__all__ = ["run_bench", "format_table", "TARGETS"]

#: the scale issue's targets
TARGETS = {
    "parse_per_core_per_s": 200.0,  # notices/s on one core
    "parse_vs_floor": 3.0,  # parse time at most 3x the read+normalise floor
    "ingest_100k_minutes": 30.0,  # 100k notices into the embedded store on 2 cores
    "query_p95_ms": 100.0,  # every named query at 100k notices
}
#: documents per bulk_load call (one transaction) while ingesting
BATCH = 500
#: timed runs of each named query
REPEAT = 20
#: seconds of timed runs of one query after which it stops repeating (at least 3 runs)
QUERY_BUDGET = 20.0
#: seconds of linking before the rest is extrapolated from the units done
LINK_BUDGET = 120.0


def _say(msg: str) -> None:
    """Progress on stderr, for a terminal (or with VANBAN_BENCH_VERBOSE=1); stdout stays the result."""
    import sys

    if os.environ.get("VANBAN_BENCH_VERBOSE") == "1" or sys.stderr.isatty():
        print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# --- memory ----------------------------------------------------------------------


class RssSampler:
    """Peak resident set of this process and all its children, sampled in a thread."""

    def __init__(self, interval: float = 0.05) -> None:
        import psutil

        self._proc = psutil.Process()
        self._interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True, name="rss-sampler")
        self.peak = 0
        self.peak_self = 0
        self._phase_peak = 0

    def _sample(self) -> None:
        import psutil

        try:
            own = self._proc.memory_info().rss
        except psutil.Error:  # pragma: no cover
            return
        total = own
        for c in self._proc.children(recursive=True):
            with contextlib.suppress(psutil.Error):
                total += c.memory_info().rss
        self.peak = max(self.peak, total)
        self.peak_self = max(self.peak_self, own)
        self._phase_peak = max(self._phase_peak, total)

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            self._sample()

    def start(self) -> RssSampler:
        self._sample()
        self._thread.start()
        return self

    def phase(self) -> float:
        """Peak since the last call, in MB, and start a new phase."""
        self._sample()
        peak, self._phase_peak = self._phase_peak, 0
        return round(peak / 2**20, 1)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()


# --- the timed passes (module-level: they run in worker processes) -------------------


def _floor_one(path: str) -> tuple[float, int, str | None]:
    from ingest.normalize import normalize
    from ingest.readers import read_file

    t = time.perf_counter()
    try:
        normalize(read_file(path, ocr=False).text)
    except Exception as e:  # noqa: BLE001 - counted and reported, never fatal to the bench
        return time.perf_counter() - t, 0, f"{path}: {e}"
    return time.perf_counter() - t, os.path.getsize(path), None


def _parse_one(path: str) -> tuple[float, int, str | None]:
    from ingest.pipeline import parse_file

    t = time.perf_counter()
    try:
        parse_file(path, ocr=False)
    except Exception as e:  # noqa: BLE001
        return time.perf_counter() - t, 0, f"{path}: {e}"
    return time.perf_counter() - t, os.path.getsize(path), None


def _pool(workers: int) -> Any:
    # fork: the workers inherit the imported parser instead of importing it again
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    return ctx.Pool(workers)


def _timed_pass(fn: Callable[[str], tuple[float, int, str | None]], paths: Sequence[str], workers: int) -> dict[str, Any]:
    """Run ``fn`` over every path on ``workers`` processes: wall time, summed busy time, bytes, failures."""
    busy = 0.0
    size = 0
    failures: list[str] = []
    chunk = max(1, min(32, len(paths) // (workers * 8) or 1))
    t0 = time.perf_counter()
    if workers <= 1:
        results: Iterable[tuple[float, int, str | None]] = map(fn, paths)
        for dt, n, err in results:
            busy += dt
            size += n
            if err:
                failures.append(err)
    else:
        with _pool(workers) as pool:
            for dt, n, err in pool.imap_unordered(fn, paths, chunksize=chunk):
                busy += dt
                size += n
                if err:
                    failures.append(err)
    wall = time.perf_counter() - t0
    ok = len(paths) - len(failures)
    return {
        "wall_s": round(wall, 3),
        "busy_s": round(busy, 3),
        "per_s": round(ok / wall, 1) if wall else None,
        "per_core_per_s": round(ok / busy, 1) if busy else None,
        "mb_per_s": round(size / 2**20 / wall, 2) if wall else None,
        "ms_per_doc": round(1000 * busy / max(ok, 1), 2),
        "failures": len(failures),
        "failure_examples": failures[:3],
    }


def _normalise(paths: Sequence[str], limit: int = 200) -> dict[str, Any]:
    """``normalize`` alone on the text of the first ``limit`` notices, read beforehand: notices
    per second of one core's CPU time (vanban's own floor, reading the file left out)."""
    from ingest.normalize import normalize
    from ingest.readers import read_file

    texts = [read_file(p, ocr=False).text for p in paths[:limit]]
    for t in texts[:3]:
        normalize(t)  # warm: patterns compile once per process
    t0 = time.process_time()
    for t in texts:
        normalize(t)
    cpu = time.process_time() - t0
    size = sum(len(t.encode("utf-8")) for t in texts)
    return {
        "notices": len(texts),
        "cpu_s": round(cpu, 3),
        "per_core_per_s": round(len(texts) / cpu, 1) if cpu else None,
        "mb_per_s": round(size / 2**20 / cpu, 2) if cpu else None,
        "ms_per_doc": round(1000 * cpu / max(len(texts), 1), 3),
    }


#: the text of the synthetic scanned pages: a notice's opening, in Vietnamese
_SCAN_TEXT = (
    "ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG", "ĐẢNG ỦY PHƯỜNG AN LẠC", "Số 12-TB/ĐU", "THÔNG BÁO KẾT LUẬN",
    "của Ban Thường vụ Đảng ủy phường về kết quả thực hiện nhiệm vụ tháng 11 và nhiệm vụ trọng tâm tháng 12 năm 2025",
    "1. Tiếp tục triển khai Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, "
    "công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia.",
    "2. Giao Ủy ban nhân dân phường chủ trì, phối hợp với Công an phường thực hiện Đề án 06 của Chính phủ; "
    "hoàn thành việc thu thập, làm sạch dữ liệu dân cư trước ngày 20/12/2025.",
    "3. Ủy ban Mặt trận Tổ quốc Việt Nam phường và các đoàn thể chính trị - xã hội tuyên truyền, vận động nhân dân "
    "tham gia phong trào bảo vệ an ninh Tổ quốc, phòng, chống cháy nổ, bảo đảm trật tự, an toàn giao thông.",
    "4. Văn phòng Đảng ủy theo dõi, đôn đốc, kiểm tra việc thực hiện, báo cáo Ban Thường vụ Đảng ủy.",
)
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def _scanned_pdf(path: Path, pages: int, dpi: int = 150) -> Path | None:
    """A PDF of ``pages`` page images of Vietnamese text (no text layer), as a scanner makes; None without Pillow or the font."""
    try:
        from PIL import Image, ImageDraw, ImageFont

        font = ImageFont.truetype(FONT, int(12 * dpi / 72))
    except (ImportError, OSError):
        return None
    width, height, margin, step = int(8.27 * dpi), int(11.69 * dpi), int(0.9 * dpi), int(12 * dpi / 72 * 1.45)
    images = []
    for k in range(pages):
        img = Image.new("L", (width, height), 255)
        draw = ImageDraw.Draw(img)
        y = margin
        for para in _SCAN_TEXT * 3:
            line = ""
            for word in para.split():
                trial = f"{line} {word}".strip()
                if draw.textlength(trial, font=font) > width - 2 * margin and line:
                    draw.text((margin, y), line, font=font, fill=0)
                    y, line = y + step, word
                else:
                    line = trial
            draw.text((margin, y), line, font=font, fill=0)
            y += 2 * step
            if y > height - margin - 2 * step:
                break
        draw.text((width // 2, height - margin // 2), str(k + 1), font=font, fill=0)
        images.append(img)
    images[0].save(str(path), "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return path


def _ocr(root: Path, workers: int) -> dict[str, Any]:
    """OCR of a synthetic scanned PDF through the reader (pdfium renders each page at 300 dpi,
    one ``tesseract -l vie`` per core, :func:`ingest.readers.ocr_workers`): pages per second, wall clock."""
    from ingest.readers import ocr_available, ocr_workers, read_file

    if not ocr_available():
        return {"skipped": "tesseract with its Vietnamese model is not installed"}
    pages = 2 * max(workers, ocr_workers())
    pdf = _scanned_pdf(root / "scan.pdf", pages)
    if pdf is None:
        return {"skipped": f"Pillow or the font {FONT} is missing"}
    t0 = time.perf_counter()
    raw = read_file(pdf, ocr=True)
    wall = time.perf_counter() - t0
    from ingest.normalize import normalize

    want = normalize(" ".join(_SCAN_TEXT)).split()
    got = set(normalize(raw.text).split())
    return {
        "pages": pages,
        "words_read": round(sum(w in got for w in want) / len(want), 3),  # of the page's words, the share OCR read right
        "ocr_workers": ocr_workers(),
        "wall_s": round(wall, 2),
        "per_s": round(pages / wall, 2) if wall else None,
        "format": raw.format,
        "chars": len(raw.text),
    }


# --- ingest ------------------------------------------------------------------------


def _link(store: Any, budget_s: float, workers: int = 1, months: int = 12) -> dict[str, Any]:
    """Month-to-month links of every unit, through :func:`graph.loader.relink` (what ``vanban ingest`` runs:
    units read and written here, their links computed on ``workers`` processes).

    A few units at a time; when ``budget_s`` runs out before the last unit, the time
    for all units is extrapolated from the units done (``link_extrapolated``).
    ``link_ms_per_unit_year``: the wall time per unit, scaled to twelve months of notices.
    """
    from graph.loader import LINK_BATCH, relink

    units = [r["unit"] for r in store.cypher("MATCH (d:Document) WHERE d.unit IS NOT NULL RETURN DISTINCT d.unit AS unit")]
    t0 = time.perf_counter()
    done = 0
    # chunks as large as ingest's own transactions (two of them): a call of a few units forked a pool and
    # committed for each few, which `vanban ingest` (one call for every stale unit) never does
    step = 2 * LINK_BATCH
    while done < len(units):
        relink(store, units[done : done + step], workers=workers)
        done = min(len(units), done + step)
        if time.perf_counter() - t0 > budget_s:
            break
    spent = time.perf_counter() - t0
    total = spent / done * len(units) if done else 0.0
    return {
        "linked": f"graph.loader.relink on {workers} process(es)",
        "link_units": done,
        "units": len(units),
        "link_s": round(spent, 3),
        "link_s_total": round(total, 1),
        "link_extrapolated": done < len(units),
        "link_ms_per_unit_year": round(spent / done * 1000 * 12 / max(1, months), 1) if done else None,
    }


def _ingest(store: Any, paths: Sequence[str], workers: int, batch: int, link_budget: float, months: int = 12) -> dict[str, Any]:
    """What ``vanban ingest`` does (:func:`graph.loader.ingest_paths`: parse on ``workers`` processes,
    write batch by batch with ``store.bulk_load``), then the links, timed with a budget."""
    from graph.loader import ingest_paths

    if not store.is_empty():
        raise RuntimeError("the bench loads into an empty store")
    t0 = time.perf_counter()
    summary = ingest_paths(store, paths, link=False, workers=workers, batch=batch)
    load_wall = time.perf_counter() - t0
    written = len(summary.results)
    stored = int(store.cypher("MATCH (d:Document) RETURN count(d) AS n")[0]["n"])
    link = _link(store, link_budget, workers, months)
    wall = load_wall + link["link_s_total"]  # the link time of every unit, extrapolated when over budget
    return {
        "wall_s": round(wall, 3),
        "per_s": round(written / wall, 1) if wall else None,
        "parse_write_s": round(load_wall, 3),
        "parse_write_per_s": round(written / load_wall, 1) if load_wall else None,
        "write_s": round(summary.write_seconds, 3),
        "replaced": summary.replaced,
        "write_path": f"{type(store).__name__}.bulk_load, batches of {batch}" + (" (COPY)" if store.supports_copy else ""),
        "documents": written,
        "documents_stored": stored,  # fewer when two notices got the same document id
        "failures": len(summary.failures),
        "failure_examples": [f"{f.path}: {f.reason}" for f in summary.failures[:3]],
        **link,
    }


# --- queries -----------------------------------------------------------------------


def _all_queries() -> dict[str, Any]:
    from graph.queries import load_queries

    return dict(load_queries())


def _first(rows: list[dict[str, Any]], col: str) -> Any:
    return rows[0][col] if rows else None


def query_values(store: Any) -> dict[str, list[Any]]:
    """Realistic parameter values, taken from the loaded data: several of each."""
    units = [r["unit"] for r in store.cypher(
        "MATCH (d:Document) WHERE d.unit IS NOT NULL RETURN d.unit AS unit, count(*) AS n ORDER BY n DESC, unit LIMIT 200"
    )]
    # spread over the corpus, not only its first units
    step = max(1, len(units) // 10)
    units = units[::step][:10]
    keys = [r["key"] for r in store.cypher(
        "MATCH (n:Directive) WHERE n.number = '57' AND n.symbol = 'NQ/TW' RETURN n.key AS key LIMIT 1"
    )]
    keys += [r["key"] for r in store.cypher(
        "MATCH (:Document)-[:CITES]->(n:Directive) WHERE n.symbol IN ['NQ/TW', 'NĐ-CP', 'CT/TW', 'QĐ-TTg'] "
        "RETURN n.key AS key, count(*) AS c ORDER BY c DESC LIMIT 5"
    ) if r["key"] not in keys]
    periods = [r["p"] for r in store.cypher(
        "MATCH (d:Document) WHERE d.planned_period IS NOT NULL RETURN DISTINCT d.planned_period AS p ORDER BY p LIMIT 24"
    )]
    bodies: list[str] = []
    for u in units[:5]:
        rows = store.cypher(
            "MATCH (d:Document {unit: $u})-[:HAS_ITEM]->(:Item)-[a:ASSIGNED_TO]->(b:Body) "
            "RETURN b.name AS name, count(*) AS n ORDER BY n DESC LIMIT 2",
            {"u": u},
        )
        bodies += [r["name"] for r in rows if r["name"] not in bodies]
    documents: list[str] = []
    for u in units[:5]:
        documents += [r["id"] for r in store.cypher(
            "MATCH (d:Document {unit: $u}) RETURN d.id AS id ORDER BY d.reported_period LIMIT 2", {"u": u}
        )]
    items: list[str] = []
    for d in documents[:5]:
        items += [r["id"] for r in store.cypher(
            "MATCH (:Document {id: $d})-[:HAS_ITEM]->(i:Item) WHERE i.role = 'task' RETURN i.id AS id ORDER BY i.ord LIMIT 2", {"d": d}
        )]
    return {
        "unit": units,
        "document": documents,
        "item": items,
        "key": keys[:5],
        # a level of the lineage page: the keys it walks from (``lineage_edges`` without keys is the whole graph)
        "directives": [[k] for k in keys[:5]],
        "period": periods[len(periods) // 3 :][:6] or periods,
        "body": bodies,
        "q": ["chuyển đổi số", "Sổ tay đảng viên", "ma túy", "đất đai"],
        "role": ["task", "result", "limitation"],
    }


def _params_for(query: Any, values: dict[str, list[Any]], i: int) -> dict[str, Any] | None:
    """The i-th parameter set for a query; optional params are given when there is a value (a user's view is filtered)."""
    out: dict[str, Any] = {}
    for p in query.params:
        vals = values.get(p.name)
        if vals:
            out[p.name] = vals[i % len(vals)]
        elif not p.optional and p.type not in ("int", "float"):
            return None
    return out


def _time_queries(store: Any, values: dict[str, list[Any]], repeat: int) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for name, query in sorted(_all_queries().items()):
        if _params_for(query, values, 0) is None:
            out[name] = {"p50_ms": None, "p95_ms": None, "skipped": "no value for a required parameter"}
            continue
        times: list[float] = []
        rows = 0
        _say(f"query {name}")
        error = None
        try:
            t = time.perf_counter()
            store.query(name, _params_for(query, values, 0))  # warm-up
            warm = time.perf_counter() - t
            spent = 0.0
            for i in range(repeat):
                if times and spent > QUERY_BUDGET and len(times) >= 3:
                    break  # a slow query: a few runs tell enough
                params = _params_for(query, values, i) or {}
                t = time.perf_counter()
                rows += len(store.query(name, params))
                times.append((time.perf_counter() - t) * 1000)
                spent += times[-1] / 1000
        except Exception as e:  # noqa: BLE001 - a failing query is reported, the others still run
            error = str(e)[:200]
        if not times:
            out[name] = {"p50_ms": None, "p95_ms": None, "error": error}
            continue
        out[name] = {
            "p50_ms": round(statistics.median(times), 2),
            "p95_ms": round(_pct(times, 95), 2),
            "max_ms": round(max(times), 2),
            "rows_avg": round(rows / len(times), 1),
            "runs": len(times),
            "warmup_ms": round(warm * 1000, 1),
            "params": sorted(_params_for(query, values, 0) or {}),
        }
        if error:
            out[name]["error"] = error
    return out


def _pct(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile.

    >>> _pct([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95), _pct([3.0], 95)
    (10, 3.0)
    """
    s = sorted(values)
    return s[max(0, math.ceil(pct / 100 * len(s)) - 1)]


# --- the machine -----------------------------------------------------------------------


def machine() -> dict[str, Any]:
    """What the figures ran on."""
    import psutil

    cpu = platform.processor() or ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    out = {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
    }
    with contextlib.suppress(Exception):
        from importlib.metadata import version

        out["ladybug"] = version("ladybug")
    out["calibration_ms"] = calibration_ms()
    return out


#: the calibration's text: a notice's kind of sentence, long enough for a few milliseconds of work
_CALIBRATION_TEXT = "Ủy ban nhân dân phường tổ chức 85 buổi tuyên truyền về chuyển đổi số, đạt 92,5% kế hoạch năm 2026; " * 40


def calibration_ms(rounds: int = 5) -> float:
    """CPU milliseconds of a fixed piece of work that no code of vanban takes part in (the words of a fixed text
    lowered, found by ``re`` and counted in a dict, 50 times), the best of ``rounds``: how fast this core runs
    the kind of Python the parser and the linker are made of. The same code ran 62.8 notices/s per core in one
    session's bench and 88–105 in another's on a faster machine; two benches compare code only as far as their
    calibrations agree.

    >>> 0 < calibration_ms(rounds=1) < 10_000
    True
    """
    import re

    words = re.compile(r"\d+(?:[.,]\d+)?%?|\w+")
    best = math.inf
    for _ in range(rounds):
        t = time.process_time()
        counts: dict[str, int] = {}
        for _ in range(50):
            for w in words.findall(_CALIBRATION_TEXT.lower()):
                counts[w] = counts.get(w, 0) + 1
        best = min(best, time.process_time() - t)
    return round(best * 1000, 2)


# --- the run -------------------------------------------------------------------------


def run_bench(
    notices: int,
    neo4j_uri: str | None = None,
    user: str | None = None,
    password: str | None = None,
    workdir: str | Path | None = None,
    seed: int = 7,
    workers: int | None = None,
    *,
    months: int = 12,
    batch: int = BATCH,
    repeat: int = REPEAT,
    link_budget: float = LINK_BUDGET,
    keep: bool = False,
    ocr: bool = True,
) -> dict[str, Any]:
    """Generate ``notices`` synthetic notices and measure parse, ingest and every named query; see the module doc.

    ``workdir``: where the corpus and the store go (a temporary folder, removed
    afterwards, when not given; ``corpus/`` and ``bench.db`` in it are replaced).
    ``workers``: parser processes (default: every core).
    ``ocr``: also OCR a synthetic scanned PDF (``ocr_pages_per_s``; skipped without tesseract).
    """
    from graph.backends import open_store
    from vanban.synth import generate_corpus

    if notices < 1:
        raise ValueError(f"notices must be at least 1 (got {notices})")
    workers = max(1, workers or os.cpu_count() or 1)
    rss = RssSampler().start()
    tmp = None
    if workdir is None:
        tmp = tempfile.mkdtemp(prefix="vanban-bench-")
        root = Path(tmp)
    else:
        root = Path(workdir)
        root.mkdir(parents=True, exist_ok=True)
    corpus, db = root / "corpus", root / "bench.db"
    for old in (corpus, db, Path(f"{db}.wal")):
        if old.is_dir():
            shutil.rmtree(old)
        elif old.exists():
            old.unlink()
    result: dict[str, Any] = {"notices": notices, "workers": workers, "seed": seed, "machine": machine()}
    phases: dict[str, float] = {"start": rss.phase()}

    def save() -> None:  # what is known so far, should a long run be stopped
        import json

        with contextlib.suppress(OSError, TypeError):
            (root / "bench-partial.json").write_text(json.dumps({**result, "rss_by_phase_mb": phases}, indent=1), encoding="utf-8")

    try:
        t = time.perf_counter()
        paths = [str(p) for p in generate_corpus(corpus, notices, seed=seed, months=months, workers=workers)]
        gen_s = time.perf_counter() - t
        size = sum(os.path.getsize(p) for p in paths)
        result["corpus"] = {
            "units": math.ceil(notices / months),
            "months": months,
            "mb": round(size / 2**20, 1),
            "avg_kb": round(size / 1000 / len(paths), 1),
            "generate_s": round(gen_s, 2),
        }
        phases["generate"] = rss.phase()

        _say(f"generated {len(paths)} notices ({size / 2**20:.0f} MB) in {gen_s:.1f} s; reading and normalising")
        norm = _normalise(paths)
        result.update(normalise_per_s=norm["per_core_per_s"], normalise=norm)
        floor = _timed_pass(_floor_one, paths, workers)
        _say(f"floor {floor['per_s']}/s; parsing")
        phases["floor"] = rss.phase()
        # the parser's patterns compiled once here, before the pool forks (each worker paid it
        # on its first notice before): its cost is reported apart, as warmup_s
        from ingest.pipeline import warm_up

        t = time.perf_counter()
        warm_up()
        warm_s = time.perf_counter() - t
        parse = _timed_pass(_parse_one, paths, workers)
        parse["warmup_s"] = round(warm_s, 3)
        _say(f"parse {parse['per_s']}/s ({parse['per_core_per_s']}/s per core); ingesting into the embedded store")
        phases["parse"] = rss.phase()
        result.update(
            parse_per_s=parse["per_s"],
            floor_per_s=floor["per_s"],
            parse_per_core_per_s=parse["per_core_per_s"],
            floor_per_core_per_s=floor["per_core_per_s"],
            parse_mb_per_s=parse["mb_per_s"],
            floor_mb_per_s=floor["mb_per_s"],
            parse_vs_floor=round(parse["busy_s"] / floor["busy_s"], 1) if floor["busy_s"] else None,
            parse=parse,
            floor=floor,
        )
        save()
        from vanban.stages import measure_stages

        result["stages"] = measure_stages(paths)
        if ocr:
            _say("OCR of a synthetic scanned PDF")
            result["ocr"] = _ocr(root, workers)
            result["ocr_pages_per_s"] = result["ocr"].get("per_s")
            phases["ocr"] = rss.phase()
        _say(f"stages (CPU ms per 10 KB): citations {result['stages']['citations']}, bodies {result['stages']['bodies']}, "
             f"themes {result['stages']['themes']}")

        store = open_store(db=str(db))
        try:
            emb = _ingest(store, paths, workers, batch, link_budget, months)
            phases["ingest"] = rss.phase()
            # the keys at the top level beside normalise_per_s and ocr_pages_per_s
            result.update(ingest_per_s=emb["per_s"], link_ms_per_unit_year=emb.get("link_ms_per_unit_year"), ingest=emb)
            save()
            _say(f"ingest {emb['per_s']}/s (link {emb['link_s_total']} s); timing the named queries")
            # the queries as the explorer runs them: on a store opened read-only, not on the writer's connection
            store.close()
            store = open_store(db=str(db), read_only=True)
            values = query_values(store)
            result["query_values"] = {k: v[:3] for k, v in values.items()}
            queries = _time_queries(store, values, repeat)
            phases["queries"] = rss.phase()
        finally:
            store.close()
        result.update(ingest_per_s=emb["per_s"], ingest=emb, queries=queries)
        save()
        result["store_mb"] = round(_du(db) / 2**20, 1)

        if neo4j_uri:
            nstore = open_store(neo4j_uri=neo4j_uri, user=user, password=password)
            try:
                _clear_neo4j(nstore)
                _say("ingesting into Neo4j")
                neo = _ingest(nstore, paths, workers, batch, link_budget, months)
                phases["neo4j_ingest"] = rss.phase()
                nvalues = query_values(nstore)
                nqueries = _time_queries(nstore, nvalues, repeat)
                phases["neo4j_queries"] = rss.phase()
            finally:
                nstore.close()
            result.update(neo4j_ingest_per_s=neo["per_s"], neo4j_ingest=neo, neo4j_queries=nqueries)
    finally:
        rss.stop()
        if tmp and not keep:
            shutil.rmtree(tmp, ignore_errors=True)
    result["peak_rss_mb"] = round(rss.peak / 2**20, 1)
    result["peak_rss_main_mb"] = round(rss.peak_self / 2**20, 1)
    result["rss_by_phase_mb"] = phases
    result["targets"] = check_targets(result)
    return result


def _du(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size + (Path(f"{path}.wal").stat().st_size if Path(f"{path}.wal").exists() else 0)
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.exists() else 0


def _clear_neo4j(store: Any) -> None:
    """Empty the Neo4j database before loading (the bench owns it for the run)."""
    store.wipe()


def check_targets(r: dict[str, Any]) -> dict[str, Any]:
    """Each target of the scale issue: the figure, the bound, met or not."""
    out: dict[str, Any] = {}
    pc = r.get("parse_per_core_per_s")
    out["parse_per_core"] = {"value": pc, "target": f">= {TARGETS['parse_per_core_per_s']:g}/s", "met": bool(pc and pc >= TARGETS["parse_per_core_per_s"])}
    ratio = r.get("parse_vs_floor")
    out["parse_vs_floor"] = {"value": ratio, "target": f"<= {TARGETS['parse_vs_floor']:g}x", "met": bool(ratio and ratio <= TARGETS["parse_vs_floor"])}
    ing = r.get("ingest_per_s")
    if ing:
        minutes = 100_000 / ing / 60
        out["ingest_100k"] = {"value": f"{minutes:.1f} min (extrapolated at {ing}/s)", "target": f"< {TARGETS['ingest_100k_minutes']:g} min",
                              "met": minutes < TARGETS["ingest_100k_minutes"]}
    qs = [v.get("p95_ms") for v in r.get("queries", {}).values()]
    worst = max((q for q in qs if q is not None), default=None)
    out["query_p95"] = {"value": worst, "target": f"< {TARGETS['query_p95_ms']:g} ms at {r['notices']} notices",
                        "met": bool(worst is not None and worst < TARGETS["query_p95_ms"] and None not in qs)}
    if r.get("stages"):
        from vanban.stages import check_stage_targets

        out.update(check_stage_targets(r["stages"]))
    return out


# --- the table -----------------------------------------------------------------------


def format_table(result: dict[str, Any]) -> str:
    """The result as text for a terminal: the figures, then the queries, then the targets."""
    r = result
    m = r.get("machine", {})
    c = r.get("corpus", {})
    lines = [
        f"vanban bench: {r['notices']} notices ({c.get('units', '?')} units x {c.get('months', '?')} months, "
        f"{c.get('mb', '?')} MB, {c.get('avg_kb', '?')} kB each), {r.get('workers')} workers",
        f"machine: {m.get('cpu', '?')}, {m.get('cores', '?')} cores, {m.get('ram_gb', '?')} GB, Python {m.get('python', '?')}, "
        f"ladybug {m.get('ladybug', '?')}, calibration {m.get('calibration_ms', '?')} ms (lower is faster)",
        "",
    ]
    rows = [("generate", f"{c.get('generate_s', '?')} s", "", "", "")]
    for name, key in (("floor (read+normalise)", "floor"), ("parse", "parse")):
        p = r.get(key, {})
        rows.append((name, f"{p.get('wall_s')} s", f"{p.get('per_s')}/s", f"{p.get('per_core_per_s')}/s", f"{p.get('mb_per_s')} MB/s"))
    for name, key in (("ingest embedded", "ingest"), ("ingest neo4j", "neo4j_ingest")):
        p = r.get(key)
        if p:
            est = f" (extrapolated from {p['link_units']} of {p['units']} units)" if p.get("link_extrapolated") else ""
            rows.append((name, f"{p['wall_s']} s", f"{p['per_s']}/s", "",
                         f"parse+write {p['parse_write_s']} s, write {p['write_s']} s, link {p['link_s_total']} s{est}, "
                         f"{p.get('link_ms_per_unit_year')} ms per unit-year"))
    lines += _grid(("phase", "wall", "notices/s", "per core", ""), rows)
    norm = r.get("normalise") or {}
    lines.append(f"normalise only: {r.get('normalise_per_s')} notices/s per core ({norm.get('ms_per_doc')} ms a notice, "
                 f"{norm.get('mb_per_s')} MB/s)")
    o = r.get("ocr") or {}
    lines.append(f"OCR: {r.get('ocr_pages_per_s')} pages/s ({o.get('pages')} scanned pages, {o.get('ocr_workers')} tesseract at once)"
                 if o.get("per_s") else f"OCR: {o.get('skipped', 'not measured')}")
    lines.append(f"parse / floor: {r.get('parse_vs_floor')}x    peak RSS: {r.get('peak_rss_mb')} MB "
                 f"(main process {r.get('peak_rss_main_mb')} MB)    store: {r.get('store_mb')} MB")
    st = r.get("stages")
    if st:
        lines.append(f"stages on {st['sample_kb']} kB (CPU ms per 10 kB): citations {st['citations']}, bodies {st['bodies']}, "
                     f"themes {st['themes']}; worst hostile input {st['adversarial']['worst_ms']} ms")
    lines.append("")
    for title, key in (("queries (embedded)", "queries"), ("queries (neo4j)", "neo4j_queries")):
        qs = r.get(key)
        if not qs:
            continue
        qrows = [(n, _ms(q.get("p50_ms")), _ms(q.get("p95_ms")), str(q.get("rows_avg", "")), q.get("error") or q.get("skipped") or "")
                 for n, q in qs.items()]
        lines += [title, *_grid(("query", "p50", "p95", "rows", ""), qrows), ""]
    t = r.get("targets", {})
    if t:
        lines.append("targets")
        lines += _grid(("", "value", "target", "met"), [(k, str(v["value"]), v["target"], "yes" if v["met"] else "NO") for k, v in t.items()])
    return "\n".join(lines)


def _ms(v: float | None) -> str:
    return "-" if v is None else f"{v:.1f} ms"


def _grid(head: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(str(x)) for x in col) for col in zip(head, *rows, strict=False)]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    return [fmt.format(*head).rstrip(), fmt.format(*("-" * w for w in widths)).rstrip(), *(fmt.format(*map(str, row)).rstrip() for row in rows)]
