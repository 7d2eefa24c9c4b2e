# The interface for people and CI. Every target installs what it needs first,
# so `make serve` and `make test` work on a fresh machine.
#   make serve   install, then build and serve the site at http://127.0.0.1:8000
#   make build   install, then build the site into site/ (strict)
#   make check   install, then the editors' fast check: every data file and a strict build
#   make test    install everything (Chromium included), then run every test
#   make bench   the performance figures (benchmarks/README.md); BENCH_ARGS=--help for options
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: install browser serve build check test lint clean bench

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11, 5))' || \
	  { echo "Python 3.11.5 or newer is needed (found $$($(PYTHON) --version)). Set PYTHON=/path/to/python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

# Test-only tools from npm, pinned in package-lock.json: the Nu HTML Checker (vnu-jar, run with
# Java 17+). --ignore-scripts: vnu-jar's postinstall would try to download a Java runtime.
NODE_STAMP := node_modules/.installed
$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

install: $(STAMP) $(NODE_STAMP)

# Chromium for the browser tests comes from Debian; Playwright cannot download browsers here.
browser:
	@test -x /usr/bin/chromium || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }
	@/usr/bin/chromium --version

# No compiled-module writes while serving: mkdocs.yml watches hub/, and Python writing
# hub/__pycache__ would look like an edit and start a second rebuild.
serve: install
	PYTHONDONTWRITEBYTECODE=1 $(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

build: install
	$(BIN)/mkdocs build --strict

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The editors' fast check (also the pre-commit hook): data files, then a strict build into a
# temporary folder; plain-English errors naming file and line; exit 1 on any problem.
check: install
	$(BIN)/python -m hub.check

test: install browser lint
	$(BIN)/pytest

# Build time against plain Material, scale to 1,000 synthetic indicators, page weight,
# Lighthouse (pinned in benchmarks/package.json) and edit-rebuild time. Not a test: 5-15 min.
bench: install browser
	npm ci --prefix benchmarks --no-audit --no-fund --loglevel=error
	$(BIN)/python -m benchmarks $(BENCH_ARGS)

clean:
	rm -rf site $(VENV) .pytest_cache
