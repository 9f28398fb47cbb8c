"""The follow-through board at any size: filters become query parameters, rows come a page at a time.

The board never loads every task. The page asks the store three things, each
with the board's filters as parameters (:meth:`BoardFilters.params`):

* ``board_match``: the tasks a body, a theme or a directive selects, as ids
  (only when such a filter is set), which join the other filters as ``items``;
* ``board_counts``: how many tasks per unit, month and verdict — the totals,
  the badges and the page count, without a row;
* ``board_tasks`` with ``skip``/``limit``: one page of tasks, in the board's
  order (unit, month, document, position), and ``board_links`` for that
  page's tasks only (``items``);
* ``board_links`` with ``link = 'carried_over'`` for the scope: the carry-over
  chains are named over the whole scope, so a chain keeps its name on every page.

The exports hold everything the filters match: :func:`iter_frames` walks the
pages (:data:`EXPORT_PAGE` tasks at a time) and the CSV is written page by page.

No Streamlit here: ``fetch`` is any ``(query name, params) -> rows`` function
(``app_pages.data.query`` on the page, ``store.query`` in the tests).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import pandas as pd

from app_pages import board_view, screen

Fetch = Callable[..., list[dict[str, Any]]]

#: tasks on one page of the board (board_tasks gives as many when no limit is given)
PAGE_SIZE = 200
#: an item id no task has: an empty selection (a status no task has) matches nothing
NO_TASK = "∅"
#: tasks read per query while exporting
EXPORT_PAGE = 1000


@dataclass(frozen=True)
class BoardFilters:
    """What the board's widgets select; empty means no filter."""

    unit: str | None = None
    from_period: str | None = None
    to_period: str | None = None
    verdicts: tuple[str, ...] = ()
    bodies: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    directives: tuple[str, ...] = ()
    text: str = ""
    #: only these task ids (the official-status filter, computed in Python)
    items: tuple[str, ...] | None = None

    def match_params(self) -> dict[str, Any]:
        """The parameters of ``board_match`` (bodies, themes, directives given), or ``{}`` when none is set."""
        out = {name: getattr(self, name) for name in ("bodies", "themes", "directives") if getattr(self, name)}
        return {"unit": self.unit, **out} if out else {}

    def resolve(self, fetch: Fetch) -> BoardFilters:
        """The filters by body, theme and directive turned into task ids (``board_match``), kept with ``items``.

        A task passes when it passes every filter given: its id comes back once for each kind asked.
        """
        asked = self.match_params()
        if not asked:
            return self
        kinds = {"bodies": "body", "themes": "theme", "directives": "directive"}
        wanted = {kinds[k] for k in asked if k in kinds}
        seen: dict[str, set[str]] = {}
        for r in fetch("board_match", **asked):
            seen.setdefault(r["item"], set()).add(r["kind"])
        ids = [i for i, k in seen.items() if k >= wanted]
        if self.items is not None:
            keep = set(self.items)
            ids = [i for i in ids if i in keep]
        return replace(self, bodies=(), themes=(), directives=(), items=tuple(sorted(ids)))

    def params(self) -> dict[str, Any]:
        """The parameters of ``board_tasks`` and ``board_counts`` (absent when empty), once :meth:`resolve` d.

        >>> BoardFilters(unit="phường A", verdicts=("done",), text=" ").params()
        {'unit': 'phường A', 'verdicts': ('done',)}
        >>> BoardFilters(items=()).params()
        {'items': ('∅',)}
        """
        if self.match_params():
            raise ValueError("filters by body, theme or directive: resolve() them into items first")
        out: dict[str, Any] = {}
        for name in ("unit", "from_period", "to_period", "verdicts"):
            value = getattr(self, name)
            if value:
                out[name] = value
        if self.text.strip():
            out["text"] = self.text.strip()
        if self.items is not None:
            # an empty selection matches nothing: a list no task id equals (an empty list would be "no filter")
            out["items"] = tuple(self.items) or (NO_TASK,)
        return out


@dataclass
class Counts:
    """``board_counts`` rows summed: the total, per verdict, per unit and month."""

    total: int = 0
    by_verdict: dict[str | None, int] = field(default_factory=dict)
    by_cell: dict[tuple[str, str], dict[str | None, int]] = field(default_factory=dict)

    @classmethod
    def of(cls, rows: Sequence[Mapping[str, Any]]) -> Counts:
        """
        >>> c = Counts.of([{"unit": "A", "period": "2026-01", "verdict": "done", "tasks": 2},
        ...                {"unit": "A", "period": "2026-01", "verdict": None, "tasks": 1}])
        >>> c.total, c.by_verdict, c.by_cell[("A", "2026-01")]
        (3, {'done': 2, None: 1}, {'done': 2, None: 1})
        """
        out = cls()
        for r in rows:
            n = int(r.get("tasks") or 0)
            v = r.get("verdict")
            out.total += n
            out.by_verdict[v] = out.by_verdict.get(v, 0) + n
            cell = out.by_cell.setdefault((r.get("unit") or "", r.get("period") or ""), {})
            cell[v] = cell.get(v, 0) + n
        return out

    def frame(self) -> pd.DataFrame:
        """Unit × month with a column per verdict and the total: the board's summary table."""
        rows = []
        for (unit, period), by in sorted(self.by_cell.items()):
            rows.append({"Đơn vị": unit, "Tháng": screen.month_label(period),
                         **{screen.VERDICT_LABELS[v]: by.get(v, 0) for v in screen.VERDICTS},
                         screen.UNRATED: sum(n for v, n in by.items() if v not in screen.VERDICTS),
                         "Tổng": sum(by.values())})
        return pd.DataFrame(rows, columns=["Đơn vị", "Tháng", *(screen.VERDICT_LABELS[v] for v in screen.VERDICTS),
                                           screen.UNRATED, "Tổng"])


def pages(total: int, size: int = PAGE_SIZE) -> int:
    """How many pages ``total`` tasks fill (at least one).

    >>> pages(0), pages(100), pages(101)
    (1, 1, 2)
    """
    return max(1, -(-total // size))


def counts(fetch: Fetch, filters: BoardFilters) -> Counts:
    return Counts.of(fetch("board_counts", **filters.params()))


def chain_links(fetch: Fetch, unit: str | None) -> list[dict[str, Any]]:
    """Every carry-over link of the scope: what names the chains (C1, C2 ...) the same on every page."""
    return fetch("board_links", unit=unit, link="carried_over")


def page_frame(fetch: Fetch, filters: BoardFilters, page: int = 0, size: int = PAGE_SIZE,
               chains: Sequence[Mapping[str, Any]] | None = None) -> pd.DataFrame:
    """One page of the board (``page`` from 0) as :func:`app_pages.board_view.board_frame` builds it.

    ``chains``: the scope's carry-over links (:func:`chain_links`), so that chains are
    named over the scope; without them, over the page.
    """
    tasks = fetch("board_tasks", **filters.params(), skip=page * size, limit=size)
    return _frame(fetch, filters, tasks, chains)


def _frame(fetch: Fetch, filters: BoardFilters, tasks: list[dict[str, Any]],
           chains: Sequence[Mapping[str, Any]] | None) -> pd.DataFrame:
    ids = tuple(t["item"] for t in tasks)
    links = fetch("board_links", unit=filters.unit, items=ids) if ids else []
    df = board_view.board_frame(tasks, links)
    if chains is not None and not df.empty:
        periods = {t["item"]: t.get("period") for t in tasks}
        for link in chains:
            periods.setdefault(link["from_item"], link.get("from_period"))
            periods.setdefault(link["to_item"], link.get("to_period"))
        named = board_view.carry_chains(chains, periods)
        df["chain"] = [named.get(i, "") for i in df["item"]]
    return df


def iter_frames(fetch: Fetch, filters: BoardFilters, size: int = EXPORT_PAGE,
                chains: Sequence[Mapping[str, Any]] | None = None) -> Iterator[pd.DataFrame]:
    """Every task the filters match, a page at a time, in the board's order."""
    skip = 0
    while True:
        tasks = fetch("board_tasks", **filters.params(), skip=skip, limit=size)
        if not tasks:
            return
        yield _frame(fetch, filters, tasks, chains)
        if len(tasks) < size:
            return
        skip += size


def all_frame(fetch: Fetch, filters: BoardFilters, size: int = EXPORT_PAGE,
              chains: Sequence[Mapping[str, Any]] | None = None) -> pd.DataFrame:
    """Every task the filters match, in one frame (for the XLSX: its summary sheet needs them all)."""
    frames = list(iter_frames(fetch, filters, size, chains))
    if not frames:
        return board_view.board_frame([], [])
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]


def export_csv(fetch: Fetch, filters: BoardFilters, size: int = EXPORT_PAGE,
               chains: Sequence[Mapping[str, Any]] | None = None,
               status: Callable[[pd.DataFrame], pd.DataFrame] | None = None) -> bytes:
    """The board's CSV (as :func:`app_pages.board_view.board_csv` writes it) of every task the filters match,
    written page by page."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(board_view.BOARD_COLUMNS.values())
    for df in iter_frames(fetch, filters, size, chains):
        if status is not None:
            df = status(df)
        for row in board_view.board_export_frame(df).itertuples(index=False):
            w.writerow([board_view._csv_cell(v) for v in row])
    return buf.getvalue().encode("utf-8-sig")
