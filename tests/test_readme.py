"""The README's claims, checked: every `vanban` verb and option it shows exists, every
`make` target it names is in the Makefile, and every figure of its accuracy table comes
from the command its row names (the evaluation figures are recomputed here)."""

from __future__ import annotations

import collections
import importlib.util
import re
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from tests.helpers import ROOT
from vanban.cli import app

README = (ROOT / "README.md").read_text(encoding="utf-8")
runner = CliRunner()


@cache
def verbs() -> dict[str, Any]:
    """The registered verbs, as the command line parses them (typer's click commands)."""
    return dict(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def options(verb: str) -> set[str]:
    return {o for p in verbs()[verb].params for o in (*p.opts, *p.secondary_opts) if o.startswith("-")}


# --- the command line -----------------------------------------------------------------


def _snippets() -> list[str]:
    """Every `vanban ...` the README shows: in backticks (tables, prose) and in indented code lines."""
    inline = re.findall(r"`(vanban [^`]+)`", README)
    code = [line.strip() for line in README.splitlines() if line.startswith("    vanban ")]
    return inline + code


def _verb_and_options(snippet: str) -> tuple[str, list[str]]:
    command = snippet.split(" | ")[0].replace("\\|", "|")  # "... | jq .header" pipes into another program
    tokens = command.split()
    return tokens[1], [t.strip("[]").split("=")[0] for t in tokens[2:] if t.strip("[]").startswith("-")]


def test_the_readme_shows_every_verb() -> None:
    shown = {_verb_and_options(s)[0] for s in _snippets()}
    assert shown == set(verbs()), f"shown {sorted(shown)}, registered {sorted(verbs())}"


@pytest.mark.parametrize("snippet", _snippets())
def test_each_command_shown_exists_with_its_options(snippet: str) -> None:
    verb, opts = _verb_and_options(snippet)
    assert verb in verbs(), f"README shows `vanban {verb}`, which is not a verb of vanban"
    missing = [o for o in opts if o not in options(verb)]
    assert not missing, f"`{snippet}`: vanban {verb} has no option {missing}"


@pytest.mark.parametrize("verb", sorted(verbs()))
def test_help_of_each_verb_lists_its_options(verb: str) -> None:
    result = runner.invoke(app, [verb, "--help"], terminal_width=200)
    assert result.exit_code == 0, result.output
    for opt in options(verb) - {"--help"}:
        assert opt in result.output, f"vanban {verb} --help does not show {opt}"


def test_every_option_named_in_prose_exists() -> None:
    """`--db PATH`, `--neo4j ...`, `--user`/`--password`, `--format json|table|csv` on `query` and `cypher` ..."""
    named = set(re.findall(r"`(--[a-z][a-z0-9-]*)", README))
    everywhere = set().union(*(options(v) for v in verbs()))
    assert named and named <= everywhere, sorted(named - everywhere)
    common = README[README.index("Common options:") :].split("\n\n")[0]
    for opt in re.findall(r"`(--[a-z][a-z0-9-]*)", common):
        users = [v for v in verbs() if opt in options(v)]
        assert users, opt
    for verb in ("query", "cypher"):
        assert "--format" in options(verb)
    for verb in ("ingest", "query", "cypher", "export", "app"):  # the verbs that open a store
        assert {"--db", "--neo4j", "--user", "--password"} <= options(verb), verb


def _make_targets() -> set[str]:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][a-z0-9-]*):", makefile, re.M))


def test_every_make_target_named_exists() -> None:
    named = set(re.findall(r"\bmake ([a-z][a-z0-9-]*)", README))
    assert {"demo", "test", "test-fast"} <= named
    assert named <= _make_targets(), sorted(named - _make_targets())


def test_readme_starts_with_the_two_commands() -> None:
    head = README.split("\n\n")[1]
    assert head.split("\n")[0].split()[:2] == ["make", "demo"] and "make test" in head


# --- the accuracy table -----------------------------------------------------------------


def _accuracy_rows() -> dict[str, dict[str, str]]:
    section = README[README.index("## How well it works") :]
    section = section[: section.index("\n## ", 3)]
    lines = [line for line in section.splitlines() if line.startswith("|")]
    head = [c.strip() for c in lines[0].strip("|").split("|")]
    assert head == ["stage", "data", "result", "produced by"], head
    rows = {}
    for line in lines[2:]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        rows[cells[0]] = dict(zip(head, cells, strict=True))
    return rows


def _command_exists(command: str) -> bool:
    tokens = command.split()
    if tokens[0] == "pytest":
        path, _, test = tokens[1].partition("::")
        return (ROOT / path).is_file() and (not test or f"def {test}(" in (ROOT / path).read_text(encoding="utf-8"))
    if tokens[0] == "python":
        return (ROOT / tokens[1]).is_file()
    if tokens[0] == "vanban":
        return tokens[1] in verbs()
    return False


@pytest.mark.parametrize("stage", list(_accuracy_rows()))
def test_each_figure_names_a_command_that_exists(stage: str) -> None:
    row = _accuracy_rows()[stage]
    m = re.fullmatch(r"`([^`]+)`", row["produced by"])
    assert m, f"{stage}: 'produced by' is not one command in backticks: {row['produced by']!r}"
    assert _command_exists(m.group(1)), f"{stage}: {m.group(1)} does not exist"


def _figure(text: str, pattern: str) -> list[str]:
    m = re.search(pattern, text)
    assert m, f"the README no longer says {pattern!r}: {text}"
    return list(m.groups())


def _same(written: str, value: float) -> bool:
    """A figure as the README writes it ("0.98", "1.000") equals ``value`` rounded to as many places."""
    places = len(written.split(".")[1]) if "." in written else 0
    return float(written) == round(value, places)


def _load_script(path: str):
    spec = importlib.util.spec_from_file_location(Path(path).stem, ROOT / path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_citation_figures_are_what_eval_citations_computes() -> None:
    row = _accuracy_rows()["citations"]
    assert row["produced by"] == "`python tests/eval_citations.py`"
    ev = _load_script("tests/eval_citations.py")
    numbered = ev.evaluate("exact", ("numbered",))["TOTAL"]
    every = ev.evaluate("exact", ("numbered", "short", "named"))["TOTAL"]
    fields = ev.evaluate("overlap", ("numbered",))["TOTAL"]
    p, r, hits, total, all_r = _figure(row["result"], r"numbered: precision ([\d.]+), recall ([\d.]+), fields (\d+)/(\d+); all kinds: recall ([\d.]+)")
    assert _same(p, numbered.precision) and _same(r, numbered.recall), (p, r, numbered)
    assert (int(hits), int(total)) == (min(fields.field_hits.values()), fields.field_total)
    assert _same(all_r, every.recall), (all_r, every.recall)
    n_all, n_numbered = _figure(row["data"], r"(\d+) citations, (\d+) numbered")
    assert (int(n_all), int(n_numbered)) == (every.tp + every.fn, numbered.tp + numbered.fn)


@pytest.mark.slow
def test_follow_through_figures_are_what_eval_linking_computes() -> None:
    row = _accuracy_rows()["follow-through"]
    assert row["produced by"] == "`python tools/eval_linking.py`"
    s = _load_script("tools/eval_linking.py").evaluate(ROOT / "samples" / "demo")
    text = row["result"]
    f, p, r = _figure(text, r"follow-through F1 ([\d.]+) \(P ([\d.]+), R ([\d.]+)\)")
    assert _same(f, s["follow_through"]["f1"]) and _same(p, s["follow_through"]["precision"]) and _same(r, s["follow_through"]["recall"])
    (acc,) = _figure(text, r"done/partial right on (\d+)% of matched links")
    assert int(acc) == round(100 * s["verdict_accuracy"])
    f, p, r = _figure(text, r"carry-over F1 ([\d.]+) \(P ([\d.]+), R ([\d.]+)\)")
    assert _same(f, s["carry_over"]["f1"]) and _same(p, s["carry_over"]["precision"]) and _same(r, s["carry_over"]["recall"])
    for label, key in (("silent F1", "silent"), ("pending", "pending"), ("recurring limitations F1", "recurring_limitations")):
        (v,) = _figure(text, label + r" ([\d.]+)")
        assert _same(v, s[key]["f1"]), (label, v, s[key])
    found, gold = _figure(text, r"links to the previous notice (\d+)/(\d+)")
    tp = round(s["cites_previous"]["recall"] * s["cites_previous"]["gold"])
    assert (int(found), int(gold)) == (tp, s["cites_previous"]["gold"])
    assert "no link across wards" in text and s["cross_unit_links"] == 0


def test_theme_and_body_figures_are_what_the_golden_files_give() -> None:
    """`pytest tests/test_themes.py` and `tests/test_bodies.py` assert floors; the README's figures are these."""
    from ingest.bodies import extract_bodies
    from ingest.themes import tag_themes
    from tests.golden_bodies import golden_files, load

    rows = _accuracy_rows()
    precisions, recalls = [], []
    mentions = assignments = 0
    f1s = []
    for path in golden_files():
        g = load(path)
        got = collections.defaultdict(set)
        for t in tag_themes(g.text, g.items):
            for i in t.items:
                got[i].add(t.id)
        tp = sum(len(set(e) & got[i]) for i, e in g.themes.items())
        fp = sum(len(got[i] - set(e)) for i, e in g.themes.items())
        fn = sum(len(set(e) - got[i]) for i, e in g.themes.items())
        precisions.append(tp / (tp + fp))
        recalls.append(tp / (tp + fn))
        tasks = {it.id for it in g.items if it.role in ("task", "assignment")}
        gold = {(b["item"], b["id"], b["role"]) for b in g.bodies if b["role"] != "mention" and b["item"] in tasks}
        pred = {(b.item, b.body_id, b.role) for b in extract_bodies(g.text, g.header, g.items) if b.role != "mention" and b.item in tasks}
        hit = len(gold & pred)
        f1s.append(2 * hit / (len(gold) + len(pred)) if gold or pred else 1.0)
        mentions += len(g.bodies)
        assignments += len(gold)
    p1, p2, r = _figure(rows["themes"]["result"], r"precision ([\d.]+) / ([\d.]+), recall ([\d.]+)")
    assert _same(p1, precisions[0]) and _same(p2, precisions[1]), (p1, p2, precisions)
    assert all(_same(r, x) for x in recalls), (r, recalls)
    (f1,) = _figure(rows["bodies"]["result"], r"lead/partner F1 ([\d.]+)")
    assert all(_same(f1, x) for x in f1s), (f1, f1s)
    n_mentions, n_assigned = _figure(rows["bodies"]["data"], r"(\d+) mentions and (\d+) lead/partner assignments")
    assert (int(n_mentions), int(n_assigned)) == (mentions, assignments)
