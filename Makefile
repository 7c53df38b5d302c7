PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test bench proof load lint graph format migrate seed clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## make run: the whole product on http://127.0.0.1:8000 (web + worker + scheduler); Ctrl-C stops all.
run: $(STAMP)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/honcho -f Procfile.dev start

## make test: the whole suite against PostgreSQL and Redis on localhost (DATABASE_URL, REDIS_URL).
test: $(STAMP)
	$(BIN)/python -m pytest

## make bench: every benchmark in bench/, each figure as a ratio to its same-run baseline.
bench: $(STAMP)
	$(BIN)/python -m bench

## make proof: fault scenarios (flaky Twilio, killed worker, Redis and PostgreSQL restarts, two schedulers).
proof: $(STAMP)
	$(BIN)/python -m bench.proof

## make load: 50,000 signed Shopify webhooks through 2 web + 2 worker processes and beat; PASS/FAIL, ~17 min.
load: $(STAMP)
	$(BIN)/python -m bench.load

## make lint: ruff, the import-linter contract that keeps the apps in layers, and mypy (pyproject.toml).
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy

## make graph: which app imports which (grimp, import-linter's graph builder); every arrow points down.
graph: $(STAMP)
	$(BIN)/python -c 'import grimp, itertools, tomllib; \
	apps = [p for p in tomllib.load(open("pyproject.toml", "rb"))["tool"]["importlinter"]["root_packages"] if p != "cartrecovery"]; \
	graph = grimp.build_graph(*apps); \
	[print(a, "->", b) for a, b in itertools.permutations(apps, 2) if graph.direct_import_exists(importer=a, imported=b, as_packages=True)]'

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) db.sqlite3 var staticfiles
