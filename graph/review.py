"""Inspectors confirm and correct the month-to-month links.

A decision is a ``Review`` row (:mod:`graph.schema`), stored apart from the
computed links and keyed by the items' stable keys
(:func:`graph.records.stable_key`), so re-ingesting, re-linking or replacing a
revised document keeps it. :func:`decide` stores one decision and relinks its
unit; :func:`graph.linking.apply_reviews` lays the unit's decisions over what
the linker computes, so the stored links are always the effective ones
(``source = 'human'`` where an inspector confirmed or made them).
:func:`review_log` lists the decisions with where they land today (attached,
re-attached to an edited item, or orphaned); :func:`review_stats` measures how
far the linker agrees with the inspectors.

Every function takes a store; the CLI (``vanban review``) and the explorer
call the same ones. Writing needs a writable store: a read-only store raises
:class:`vanban.errors.WriteNotAllowed`. Reviewer accounts and their password
hashes are in :mod:`vanban.security`.
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from typing import Any

from graph import schema
from graph.linking import _store_docs, relink_units, review_status

__all__ = ["ReviewError", "decide", "review_log", "review_stats"]


class ReviewError(ValueError):
    """A decision that cannot be taken: an unknown item, a target of another unit, a wrong role."""


def _item(store: Any, item_id: str) -> dict[str, Any]:
    rows = store.query("review_item", {"item": item_id})
    if not rows:
        raise ReviewError(f"no item {item_id!r} in the store (item ids are shown by `vanban query board_tasks`)")
    return rows[0]


def _now() -> str:
    # to the microsecond: two decisions of the same second keep their order (the log and apply_reviews sort by it)
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="microseconds")


def decide(
    store: Any,
    action: str,
    task: str,
    *,
    reviewer: str,
    target: str | None = None,
    kind: str = "FOLLOWED_BY",
    verdict: str | None = None,
    note: str | None = None,
    at: str | None = None,
) -> str:
    """Store one decision on ``task`` (an item id) and relink its unit; returns the decision's id.

    ``confirm`` / ``reject`` / ``link`` name a ``target`` (a result of the same unit for
    ``FOLLOWED_BY``, a later task for ``CARRIED_OVER``); ``verdict`` sets one of
    done, partial, carried_over, silent.
    """
    if action not in schema.REVIEW_ACTIONS:
        raise ReviewError(f"action {action!r} is not one of {', '.join(schema.REVIEW_ACTIONS)}")
    if kind not in schema.REVIEW_KINDS:
        raise ReviewError(f"kind {kind!r} is not one of {', '.join(schema.REVIEW_KINDS)}")
    t = _item(store, task)
    if t["role"] != "task":
        raise ReviewError(f"{task}: a {t['role']}, not a task; decisions are taken on tasks")
    row: dict[str, Any] = {
        "unit": t["unit"], "action": action, "source_key": t["stable_key"], "note": (note or "").strip() or None,
        "reviewer": reviewer, "at": at or _now(), "source_text": t["text"], "source_item": t["item"],
        "computed_verdict": t["verdict"],
    }
    if action == "verdict":
        if verdict not in schema.REVIEW_VERDICTS:
            raise ReviewError(f"verdict {verdict!r} is not one of {', '.join(schema.REVIEW_VERDICTS)}")
        row["verdict"] = verdict
    else:
        if not target:
            raise ReviewError(f"{action} needs the target item (a result, or a later task for CARRIED_OVER)")
        r = _item(store, target)
        if r["unit"] != t["unit"]:
            raise ReviewError(f"{target} is of {r['unit']}, {task} of {t['unit']}: nothing links across units")
        want = "result" if kind == "FOLLOWED_BY" else "task"
        if r["role"] != want:
            raise ReviewError(f"{target}: a {r['role']}; a {kind} link goes to a {want}")
        if r["document"] == t["document"]:
            raise ReviewError(f"{target} is in the task's own document; links go to later documents")
        link = "followed_by" if kind == "FOLLOWED_BY" else "carried_over"
        current = [x for x in store.query("board_links", {"unit": t["unit"]})
                   if x["link"] == link and x["from_item"] == task and x["to_item"] == target]
        row.update(kind=kind, target_key=r["stable_key"], target_text=r["text"], target_item=r["item"],
                   computed_score=current[0]["score"] if current else None)
    rid = store.add_review(row)
    relink_units(store, [t["unit"]])
    return rid


def review_log(store: Any, unit: str | None = None, reviewer: str | None = None) -> list[dict[str, Any]]:
    """Every decision, oldest first, with ``status``: attached, reattached (an edited item) or orphaned,
    and the items it names today (``task_item``, ``target_item``)."""
    rows = store.reviews(unit)
    if reviewer:
        rows = [r for r in rows if r["reviewer"] == reviewer]
    items_of: dict[str, list[Any]] = {}
    out = []
    for r in rows:
        if r["unit"] not in items_of:
            items_of[r["unit"]] = [it for d in _store_docs(store, r["unit"]) for it in d.items]
        src, tgt, status = review_status(r, items_of[r["unit"]])
        out.append({
            "at": r["at"], "reviewer": r["reviewer"], "unit": r["unit"], "action": r["action"], "kind": r["kind"],
            "verdict": r["verdict"], "note": r["note"], "task": r["source_text"], "target": r["target_text"],
            "computed_score": r["computed_score"], "computed_verdict": r["computed_verdict"], "status": status,
            "task_item": src.id if src else None, "target_item": tgt.id if tgt else None, "review": r["id"],
        })
    return out


def review_stats(store: Any, unit: str | None = None) -> list[dict[str, Any]]:
    """How far the linker agrees with the inspectors, per reviewed unit (and ``*`` for all).

    The latest decision on each link counts. ``precision``: computed links confirmed
    among computed links confirmed or rejected. ``recall``: links the linker had
    computed among the links the inspectors hold right (confirmed, or made by hand).
    ``verdict_agreement``: hand-set verdicts equal to what the linker had said.
    """
    latest: dict[tuple[str, ...], dict[str, Any]] = {}
    for r in store.reviews(unit):
        key = (r["unit"], r["action"] == "verdict" and "verdict" or r["kind"], r["source_key"], r["target_key"] or "")
        latest[key] = r
    per: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for r in latest.values():
        for u in (r["unit"], "*"):
            c = per[u]
            computed = r["computed_score"] is not None
            if r["action"] == "verdict":
                c["verdicts"] += 1
                c["verdicts_agreed"] += int(r["verdict"] == r["computed_verdict"])
            elif r["action"] == "confirm":
                c["confirmed"] += int(computed)
                c["human_links"] += 1
                c["human_links_computed"] += int(computed)
            elif r["action"] == "reject":
                c["rejected"] += int(computed)
            else:
                c["linked"] += 1
                c["human_links"] += 1
                c["human_links_computed"] += int(computed)
    out = []
    for u in sorted(per, key=lambda x: (x == "*", x)):
        c = per[u]
        judged = c["confirmed"] + c["rejected"]
        out.append({
            "unit": u, "confirmed": c["confirmed"], "rejected": c["rejected"], "linked": c["linked"],
            "precision": round(c["confirmed"] / judged, 3) if judged else None,
            "recall": round(c["human_links_computed"] / c["human_links"], 3) if c["human_links"] else None,
            "verdicts": c["verdicts"],
            "verdict_agreement": round(c["verdicts_agreed"] / c["verdicts"], 3) if c["verdicts"] else None,
        })
    if len(out) == 2:  # one unit: the total says the same
        out = out[:1]
    return out
