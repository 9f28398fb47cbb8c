"""Measure what compiling the parser and the linker with mypyc would give (session 23's experiment, kept to re-run).

    python tools/mypyc_trial.py [--notices 300] [--rounds 3] [--modules ingest/structure.py ...] [--keep DIR]

Copies the tracked sources (not ``tests/data``) into a temporary folder, compiles ``--modules`` there
with ``mypyc.build.mypycify`` (gcc and the dev extra's mypy needed; ≈ 2 minutes for the default list),
writes ``--notices`` synthetic notices, then times this checkout (pure Python) and the compiled copy
alternately, each in a fresh process: CPU time (``time.process_time``) of ``parse_file`` over every notice
and of ``graph.linking.link_unit`` over their wards, best of three passes, and a digest of every
notice's parse JSON (the two must agree). Nothing in the checkout is written.

Session 23 (Python 3.11.7, mypy/mypyc 2.4.1, these 20 modules): parse 6.84–7.13 → 5.82–6.04 ms a notice
(≈ 15–19% less CPU), link_unit ≈ 4% (within the noise): the time left is the regex engines, str methods
and allocation, which compiling does not touch. Not adopted (docs/benchmark.md).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: the modules the parse and the linker spend their Python time in (models.py stays out: ``pipeline._replace``
#: writes an instance's ``__dict__``, which a compiled class has not)
MODULES = [
    *(f"ingest/{m}.py" for m in (
        "structure", "themes", "prefilter", "body_roles", "body_registry", "header", "normalize", "bodies", "vocabulary",
        "citation_finder", "deadlines", "metrics", "periods", "citation_resolver", "people", "patterns",
        "sentence_role", "reflow", "citations")),
    "graph/linking.py",
]

_WORKER = r"""
import glob, hashlib, json, os, sys, time
from collections import defaultdict
sys.path.insert(0, sys.argv[1])
import graph.linking as L
import ingest.pipeline as P
paths = sorted(glob.glob(os.path.join(sys.argv[2], "u*.txt")))
P.warm_up()
digest = hashlib.sha256()
docs = defaultdict(list)
for p in paths:
    doc = P.parse_file(p, ocr=False)
    digest.update(json.dumps(P.to_json(doc), ensure_ascii=False, sort_keys=True).encode())
    docs[os.path.basename(p).split("-")[0]].append(L.linkdoc_from_parsed(doc, p))
def best(fn):
    out = []
    for _ in range(3):
        t = time.process_time(); fn(); out.append(time.process_time() - t)
    return min(out)
parse = best(lambda: [P.parse_file(p, ocr=False) for p in paths])
units = list(docs.values())
L.link_unit(units[0])
link = best(lambda: [L.link_unit(u) for u in units])
compiled = sorted(m.__name__ for m in list(sys.modules.values()) if (getattr(m, "__file__", None) or "").endswith(".so")
                  and m.__file__.startswith(sys.argv[1]) and "-packages" not in m.__file__)
print(json.dumps({"parse_ms": 1000 * parse / len(paths), "link_ms_unit_year": 1000 * link / len(paths) * 12,
                  "digest": digest.hexdigest(), "compiled": len(compiled)}))
"""


def build(src: Path, modules: list[str]) -> None:
    """The tracked sources copied into ``src`` and ``modules`` compiled there, in place."""
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, check=True, capture_output=True, text=True).stdout.split()
    for f in files:
        if not f.startswith("tests/data/") and (ROOT / f).is_file():
            (src / f).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / f, src / f)
    code = (
        "import os\nfrom mypyc.build import mypycify\nfrom setuptools import Distribution\n"
        f"dist = Distribution({{'name': 'vanban-trial', 'ext_modules': mypycify({modules!r}, opt_level='3')}})\n"
        "cmd = dist.get_command_obj('build_ext'); cmd.inplace = True\ndist.run_command('build_ext')\n"
    )
    # a bare Distribution: setup() would read pyproject.toml, which the venv's setuptools may not understand
    subprocess.run([sys.executable, "-c", code], cwd=src, check=True, stdout=subprocess.DEVNULL)


def measure(root: Path, corpus: Path) -> dict[str, float | str]:
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1"}  # one BLAS thread, as the link pool runs
    out = subprocess.run([sys.executable, "-c", _WORKER, str(root), str(corpus)], cwd=tempfile.gettempdir(),
                         check=True, capture_output=True, text=True, env=env).stdout
    result: dict[str, float | str] = json.loads(out.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--notices", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=3, help="pure/compiled pairs, alternated")
    ap.add_argument("--modules", nargs="+", default=MODULES)
    ap.add_argument("--keep", type=Path, help="build into this folder and keep it (default: a temporary one)")
    args = ap.parse_args(argv)
    from vanban.synth import generate_corpus

    work = args.keep or Path(tempfile.mkdtemp(prefix="vanban-mypyc-"))
    try:
        src, corpus = work / "src", work / "corpus"
        src.mkdir(parents=True, exist_ok=True)
        print(f"compiling {len(args.modules)} modules in {src}", file=sys.stderr)
        build(src, args.modules)
        generate_corpus(corpus, args.notices)
        rows = []
        for _ in range(args.rounds):
            for name, root in (("pure", ROOT), ("compiled", src)):
                r = measure(root, corpus)
                rows.append((name, r))
                print(f"{name:9s} parse {r['parse_ms']:.3f} ms a notice ({1000 / float(r['parse_ms']):.1f}/s per core), "
                      f"link_unit {r['link_ms_unit_year']:.1f} ms a ward-year, {r['compiled']} compiled modules, "
                      f"parse JSON {str(r['digest'])[:12]}")
        digests = {str(r["digest"]) for _, r in rows}
        for name in ("pure", "compiled"):
            p = min(float(r["parse_ms"]) for n, r in rows if n == name)
            lk = min(float(r["link_ms_unit_year"]) for n, r in rows if n == name)
            print(f"best {name:9s} parse {p:.3f} ms, link {lk:.1f} ms")
        print("parse JSON identical" if len(digests) == 1 else "parse JSON DIFFERS between the builds")
        return 0 if len(digests) == 1 else 1
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
