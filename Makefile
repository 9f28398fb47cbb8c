# vanban — two commands on a fresh machine: `make demo` and `make test`.
# Each does its own set-up: a virtual environment in .venv with the pinned
# versions of constraints.txt, the Debian packages it needs (tesseract for OCR,
# LibreOffice for Word 97–2003 .doc, chromium for the browser tests), and the Neo4j test launcher (Maven).

PY        ?= python3
VENV      := .venv
BIN       := $(VENV)/bin
STAMP     := $(VENV)/.installed
DEMO_DB   ?= demo.db
APT_PKGS  := tesseract-ocr tesseract-ocr-vie libreoffice-writer-nogui poppler-utils chromium fonts-dejavu-core
HARNESS   := tools/neo4j-harness
PYTEST_ARGS ?=

.PHONY: install system-deps neo4j-harness demo demo-data test test-fast lint typecheck bench bench-100k clean screenshots wheel-smoke

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

# Debian packages, installed only when missing (root or sudo needed once).
system-deps:
	@missing=""; for p in $(APT_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo -n"; else SUDO=none; fi; \
	  if [ "$$SUDO" = none ]; then echo "warning: cannot install$$missing (not root, no sudo); OCR/.doc/browser tests will skip"; \
	  else $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null \
	       || echo "warning: apt-get install$$missing failed; OCR/.doc/browser tests will skip"; fi; \
	fi

# The Neo4j 5 test server (org.neo4j.test:neo4j-harness 5.26 from Maven Central),
# compiled once; the jars stay in ~/.m2. Skipped with a message where Java or Maven
# is missing (REQUIRE_NEO4J=1, as in CI, makes the Neo4j tests fail instead).
neo4j-harness: $(HARNESS)/target/classpath.txt

$(HARNESS)/target/classpath.txt: $(HARNESS)/pom.xml $(wildcard $(HARNESS)/src/main/java/vanban/*.java)
	@if command -v mvn >/dev/null && command -v java >/dev/null; then \
	  mvn -q -B -f $(HARNESS)/pom.xml compile; \
	else echo "note: java/mvn not found; Neo4j tests will skip (REQUIRE_NEO4J=1 makes them fail)"; fi

demo-data: install
	rm -rf $(DEMO_DB)
	$(BIN)/vanban ingest samples/demo --db $(DEMO_DB) --no-progress

demo: install demo-data
	$(BIN)/vanban app --db $(DEMO_DB)

# The whole suite: lint, types, every test (Neo4j and the browser included where the machine
# has them), the doctests of the packages.
test: install system-deps neo4j-harness
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/pytest $(PYTEST_ARGS)

# The unit tier, for the edit-test loop: in parallel, no Neo4j, no browser, nothing marked slow.
test-fast: install
	$(BIN)/pytest -q -n auto -m "not neo4j and not browser and not slow" $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy

# Build the wheel, install it with the pinned versions into a fresh virtual environment in a
# temporary folder outside the checkout, and run every verb there (tools/smoke_installed.py).
# CI runs it after the suite (.ci/run).
wheel-smoke: install
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; set -e; \
	echo "wheel-smoke: building the wheel, installing it into $$tmp/venv"; \
	$(BIN)/pip wheel -q --no-deps -w "$$tmp/dist" .; \
	$(PY) -m venv "$$tmp/venv"; \
	"$$tmp/venv/bin/pip" install -q -c constraints.txt "$$tmp"/dist/vanban-*.whl; \
	mkdir "$$tmp/run"; cp tests/data/corpus/seeds/*.txt "$$tmp/run/"; \
	cd "$$tmp/run" && "$$tmp/venv/bin/python" -I -u "$(CURDIR)/tools/smoke_installed.py" .

bench: install
	$(BIN)/vanban bench --notices 1000
	$(BIN)/vanban bench --notices 10000

bench-100k: install
	$(BIN)/vanban bench --notices 100000 --format json

# Re-take the explorer screenshots of the README (docs/screenshots/*.png).
screenshots: install system-deps
	VANBAN_SCREENSHOTS=1 $(BIN)/pytest -q tests/test_browser.py

clean:
	rm -rf $(VENV) $(HARNESS)/target $(DEMO_DB) vanban.db .pytest_cache
