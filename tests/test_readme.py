"""The README's claims, checked: every `vanban` verb and option it shows exists, every
`make` target it names is in the Makefile, and every figure of its accuracy table comes
from the command its row names (the evaluation figures are recomputed here).

The long record that left the README (docs/accuracy.md: every stage's data and result with
every labelled series' figures; docs/benchmark.md; docs/design.md) is checked the same way:
its `vanban` commands, options and `make` targets exist, and every figure of
docs/accuracy.md's stage sections is recomputed as the README's are."""

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
#: the files the README's long sections moved to, and the README's links to them
MOVED = ("docs/accuracy.md", "docs/benchmark.md", "docs/design.md")
ACCURACY = (ROOT / "docs" / "accuracy.md").read_text(encoding="utf-8")
#: the README and the text that left it: what the command-line checks read
DOCUMENTED = "\n\n".join([README, *((ROOT / p).read_text(encoding="utf-8") for p in MOVED)])
runner = CliRunner()


@cache
def verbs() -> dict[str, Any]:
    """The registered verbs, as the command line parses them (typer's click commands)."""
    return dict(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def options(verb: str, sub: str | None = None) -> set[str]:
    """The options of ``vanban VERB`` (or of ``vanban VERB SUB`` when VERB is a group, as ``review``)."""
    command = verbs()[verb]
    if sub is not None:
        command = command.commands[sub]  # type: ignore[attr-defined]
    return {o for p in command.params for o in (*p.opts, *p.secondary_opts) if o.startswith("-")}


def _subcommands(verb: str) -> set[str]:
    return set(getattr(verbs().get(verb), "commands", {}) or {})


# --- the command line -----------------------------------------------------------------


def _snippets(text: str = DOCUMENTED) -> list[str]:
    """Every `vanban ...` the README (and the text that left it) shows: in backticks (tables, prose) and in indented code lines."""
    inline = re.findall(r"`(vanban [^`]+)`", text)
    code = [line.strip() for line in text.splitlines() if line.startswith("    vanban ")]
    return inline + code


def _verb_and_options(snippet: str) -> tuple[str, list[str]]:
    command = snippet.split(" | ")[0].replace("\\|", "|")  # "... | jq .header" pipes into another program
    tokens = command.split()
    return tokens[1], [t.strip("[]").split("=")[0] for t in tokens[2:] if t.strip("[]").startswith("-")]


def test_the_readme_shows_every_verb() -> None:
    shown = {_verb_and_options(s)[0] for s in _snippets(README)}
    assert shown == set(verbs()), f"shown {sorted(shown)}, registered {sorted(verbs())}"


@pytest.mark.parametrize("snippet", _snippets())
def test_each_command_shown_exists_with_its_options(snippet: str) -> None:
    verb, opts = _verb_and_options(snippet)
    assert verb in verbs(), f"README shows `vanban {verb}`, which is not a verb of vanban"
    subs = _subcommands(verb)
    if subs:  # a group: "vanban review confirm|reject|link ...": each subcommand shown has the options
        tokens = snippet.replace("\\|", "|").split()
        if len(tokens) < 3 or tokens[2].startswith(("-", "[")):
            return  # "vanban review": the group itself
        shown = tokens[2].split("|")
        assert set(shown) <= subs, f"`{snippet}`: vanban {verb} has no subcommand {sorted(set(shown) - subs)}"
        for sub in shown:
            missing = [o for o in opts if o not in options(verb, sub)]
            assert not missing, f"`{snippet}`: vanban {verb} {sub} has no option {missing}"
        return
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
    named = set(re.findall(r"`(--[a-z][a-z0-9-]*)", DOCUMENTED))
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
    assert {"demo", "test", "test-fast"} <= set(re.findall(r"\bmake ([a-z][a-z0-9-]*)", README))
    named = set(re.findall(r"\bmake ([a-z][a-z0-9-]*)", DOCUMENTED))
    assert named <= _make_targets(), sorted(named - _make_targets())


def test_readme_starts_with_the_two_commands() -> None:
    head = README.split("\n\n")[1]
    assert head.split("\n")[0].split()[:2] == ["make", "demo"] and "make test" in head


def test_the_readme_links_the_long_record_and_every_link_resolves() -> None:
    """How well it works, Benchmark and Design in a page link the files their history moved to."""
    links = re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", README)
    for section, path in (("## How well it works", "docs/accuracy.md"), ("## Benchmark", "docs/benchmark.md"),
                          ("## Design in a page", "docs/design.md")):
        body = README[README.index(section) :]
        assert f"]({path})" in body[: body.index("\n## ", 3)], (section, path)
    for link in links:
        if link.startswith("https://"):
            continue
        assert not link.startswith("/") and ":" not in link, f"README links {link}: links to the checkout are relative"
        assert (ROOT / link).exists(), f"README links {link}, which does not exist"


# --- the accuracy table -----------------------------------------------------------------


@cache
def _accuracy_rows() -> dict[str, dict[str, str]]:
    """The README's compact accuracy table: stage -> {stage, data, result, produced by}."""
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


@cache
def _detail_rows() -> dict[str, dict[str, str]]:
    """docs/accuracy.md's stage sections ("## STAGE", then "**Data.** ...", "**Result.** ...", "**Produced by:** ...",
    the three cells of the table the README once held in full), in the README's form."""
    rows = {}
    for block in re.split(r"(?m)^## ", ACCURACY)[1:]:
        stage, _, body = block.partition("\n")
        cells = {m.group(1): m.group(2).strip() for m in re.finditer(r"(?m)^\*\*(Data|Result|Produced by)[.:]\*\* (.*)$", body)}
        if cells:
            assert set(cells) == {"Data", "Result", "Produced by"}, (stage, sorted(cells))
            rows[stage.strip()] = {"stage": stage.strip(), "data": cells["Data"], "result": cells["Result"], "produced by": cells["Produced by"]}
    return rows


def _both(stage: str) -> list[tuple[str, dict[str, str]]]:
    """A stage's row in the README and its section in docs/accuracy.md: where its figures are written."""
    return [("README", _accuracy_rows()[stage]), ("docs/accuracy.md", _detail_rows()[stage])]


def test_every_stage_of_the_readme_has_its_record_in_docs_accuracy() -> None:
    assert list(_detail_rows()) == list(_accuracy_rows())
    for stage, row in _accuracy_rows().items():
        assert row["produced by"] == _detail_rows()[stage]["produced by"], stage


def _command_exists(command: str) -> bool:
    """`pytest FILE[::TEST]...`, `python SCRIPT [--flag] [PATH...]` or `vanban VERB ...`: every file and folder it names exists."""
    tokens = command.split()
    paths = [t for t in tokens[1:] if not t.startswith("-")]
    if tokens[0] == "pytest":
        for arg in paths:
            path, _, test = arg.partition("::")
            if not (ROOT / path).is_file() or (test and f"def {test}(" not in (ROOT / path).read_text(encoding="utf-8")):
                return False
        return bool(paths)
    if tokens[0] == "python":
        return bool(paths) and all((ROOT / t).exists() or any(ROOT.glob(t)) for t in paths)
    if tokens[0] == "vanban":
        return tokens[1] in verbs()
    return False


@pytest.mark.parametrize(("where", "stage"), [(w, s) for s in _accuracy_rows() for w in ("README", "docs/accuracy.md")])
def test_each_figure_names_a_command_that_exists(where: str, stage: str) -> None:
    row = dict(_both(stage))[where]
    commands = re.findall(r"`([^`]+)`", row["produced by"])
    assert commands and re.fullmatch(r"`[^`]+`(; `[^`]+`)*", row["produced by"]), f"{stage}: 'produced by' is not commands in backticks: {row['produced by']!r}"
    for command in commands:
        assert _command_exists(command), f"{stage}: {command} names something that does not exist"


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
    ev = _load_script("tests/eval_citations.py")
    numbered = ev.evaluate("overlap", ("numbered",))["TOTAL"]
    exact = ev.evaluate("exact", ("numbered",))["TOTAL"]
    every = ev.evaluate("exact", ("numbered", "short", "named"))["TOTAL"]
    for _where, row in _both("citations"):
        _check_citations(row, numbered, exact, every)


def _check_citations(row: dict[str, str], numbered: Any, exact: Any, every: Any) -> None:
    assert row["produced by"] == "`python tests/eval_citations.py`"
    p, r, e, hits, total, all_p, all_r = _figure(
        row["result"], r"numbered: precision ([\d.]+), recall ([\d.]+) \(exact spans ([\d.]+)\), fields (\d+)/(\d+); all kinds: precision ([\d.]+), recall ([\d.]+)"
    )
    assert _same(p, numbered.precision) and _same(r, numbered.recall), (p, r, numbered)
    assert _same(e, exact.precision) and _same(e, exact.recall), (e, exact)
    assert (int(hits), int(total)) == (min(numbered.field_hits.values()), numbered.field_total)
    assert _same(all_p, every.precision) and _same(all_r, every.recall), (all_p, all_r, every)
    n_all, n_numbered = _figure(row["data"], r"(\d+) citations, (\d+) numbered")
    assert (int(n_all), int(n_numbered)) == (every.tp + every.fn, numbered.tp + numbered.fn)


#: how the README names a measure -> the key the evaluation scripts use
MEASURES = {"follow-through": "follow_through", "carry-over": "carry_over", "silent": "silent", "gaps": "gaps",
            "recurring limitations": "recurring_limitations"}


def _check_measures(label: str, segment: str, scores: dict) -> int:
    """Every "NAME F1 x (P p, R r)" of one segment of the README against ``scores[key]`` = (p, r, f1); how many were checked."""
    checked = 0
    for name, f1, p, r in re.findall(r"(follow-through|carry-over|silent|gaps|recurring limitations) F1 ([\d.]+)(?: \(P ([\d.]+), R ([\d.]+)\))?", segment):
        got = scores[MEASURES[name]]
        gp, gr, gf = (got["precision"], got["recall"], got["f1"]) if isinstance(got, dict) else got
        assert _same(f1, gf), f"{label} {name}: README says F1 {f1}, the command gives {gf:.3f}"
        if p:
            assert _same(p, gp) and _same(r, gr), f"{label} {name}: README says P {p} R {r}, the command gives P {gp:.3f} R {gr:.3f}"
        checked += 1
    return checked


@pytest.mark.slow
def test_follow_through_figures_are_what_the_evaluations_compute() -> None:
    """The demo from tools/eval_linking.py, each series from tools/eval_series.py, as each row's command runs it:
    every series' segment in docs/accuracy.md; the demo and the means over the series in the README's compact table."""
    series = _load_script("tools/eval_series.py")
    demo = _load_script("tools/eval_linking.py").evaluate(ROOT / "samples" / "demo")
    store = "--store" in _accuracy_rows()["follow-through (held out)"]["produced by"]
    folders = sorted(p for p in (ROOT / "tests/data/series").iterdir() if (p / "gold.json").exists())
    sources = {"demo": lambda: demo}
    for folder in folders:
        held_out = folder.name.startswith("test-hand-")
        label = f"hand {folder.name.rsplit('-', 1)[-1].upper()}" if held_out else folder.name
        sources[label] = cache(lambda folder=folder, held_out=held_out: series.score(folder, store=store and held_out))
    for where, rows in (("docs/accuracy.md", _detail_rows()), ("README", _accuracy_rows())):
        dev, held = rows["follow-through (development)"], rows["follow-through (held out)"]
        assert ("--store" in held["produced by"]) == store, where
        seen = set()
        for row in (dev, held):
            for segment in row["result"].split("; "):
                m = re.match(r"(demo|dev-hand-[a-z]+|hand [A-Z]+): ", segment)
                if m:
                    assert _check_measures(m.group(1), segment, sources[m.group(1)]()) >= 2, f"{where}: {segment}"
                    seen.add(m.group(1))
        if where == "docs/accuracy.md":  # every series, series by series
            assert seen == set(sources), (where, sorted(set(sources) - seen))
        else:  # the compact table: the demo, and the means below
            assert "demo" in seen, where
        (acc,) = _figure(dev["result"], r"done/partial right on (\d+)% of matched links")
        assert int(acc) == round(100 * demo["verdict_accuracy"])
        assert "no link across wards" in dev["result"] and demo["cross_unit_links"] == 0
    # the README's means over the series (the unweighted mean `tools/eval_series.py` prints for several series)
    measures = ("follow_through", "carry_over", "gaps")
    for row, role, name in ((_accuracy_rows()["follow-through (development)"], "dev", "development"),
                            (_accuracy_rows()["follow-through (held out)"], "test", "held-out")):
        labels = [k for k in sources if (k.startswith("dev-hand-") if role == "dev" else k.startswith("hand "))]
        n, *written = _figure(row["result"], name + r" mean over the (\d+) series(?: through `vanban ingest`)?: "
                              r"follow-through F1 ([\d.]+), carry-over F1 ([\d.]+), gaps F1 ([\d.]+)")
        assert int(n) == len(labels), (name, n, len(labels))
        for figure, m in zip(written, measures, strict=True):
            mean = sum(sources[k]()[m][2] for k in labels) / len(labels)
            assert _same(figure, mean), f"README {name} mean {m}: says {figure}, the command gives {mean:.3f}"


@pytest.mark.slow
def test_short_series_figures_are_what_the_evaluation_computes() -> None:
    """The short-series row: the mean F1 over every series cut to its units' first two (and three) documents."""
    series = _load_script("tools/eval_series.py")
    for _where, row in _both("follow-through on short series"):
        _check_short_series(series, row["result"])


@cache
def _first_scores(series: Any, role: str, first: int) -> tuple[dict, ...]:
    return tuple(series.score(f, first=first) for f in sorted((ROOT / "tests/data/series").glob(f"{role}-hand-*")))


def _check_short_series(series: Any, row: str) -> None:
    measures = ("follow_through", "carry_over", "gaps")
    patterns = {
        ("dev", 2): r"development \(\d+ series\): follow-through F1 ([\d.]+), carry-over F1 ([\d.]+), gaps F1 ([\d.]+)",
        ("test", 2): r"held out \(\d+ series\): ([\d.]+) / ([\d.]+) / ([\d.]+)",
        ("dev", 3): r"first three documents: ([\d.]+) / ([\d.]+) / ([\d.]+) \(development\)",
    }
    for (role, first), pattern in patterns.items():
        folders = sorted((ROOT / "tests/data/series").glob(f"{role}-hand-*"))
        assert f"({len(folders)} series)" in row or first == 3, (role, len(folders))
        scores = _first_scores(series, role, first)
        for written, m in zip(_figure(row, pattern), measures, strict=True):
            mean = sum(s[m][2] for s in scores) / len(scores)
            assert _same(written, mean), f"{role} first {first} {m}: README says {written}, the command gives {mean:.3f}"


def test_theme_and_body_figures_are_what_the_golden_files_give() -> None:
    """`pytest tests/test_themes.py` and `tests/test_bodies.py` assert floors; the README's figures are these."""
    from ingest.bodies import extract_bodies
    from ingest.themes import tag_themes
    from tests.golden_bodies import golden_files, load

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
    for rows in (_accuracy_rows(), _detail_rows()):
        p1, p2, r = _figure(rows["themes"]["result"], r"precision ([\d.]+) / ([\d.]+), recall ([\d.]+)")
        assert _same(p1, precisions[0]) and _same(p2, precisions[1]), (p1, p2, precisions)
        assert all(_same(r, x) for x in recalls), (r, recalls)
        (f1,) = _figure(rows["bodies"]["result"], r"lead/partner F1 ([\d.]+)")
        assert all(_same(f1, x) for x in f1s), (f1, f1s)
        n_mentions, n_assigned = _figure(rows["bodies"]["data"], r"(\d+) mentions and (\d+) lead/partner assignments")
        assert (int(n_mentions), int(n_assigned)) == (mentions, assignments)
