# Career Ladder Explorer: `make run` serves the app, `make test` runs every check.
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
# pyenv reads .python-version (3.12) in this folder; python3.12 is tried first anyway.
PYTHON ?= $(shell command -v python3.12 || command -v python3)

.PHONY: run test lint format migrate loaddata export bench check-python clean

check-python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null || { \
		echo "error: Python 3.12 or newer is needed (Django 6.1), but '$(PYTHON)' is $$($(PYTHON) --version 2>&1)." >&2; \
		echo "fix: install it (e.g. 'pyenv install 3.12') and keep the .python-version file, or run 'make PYTHON=/path/to/python3.12 ...'." >&2; \
		exit 1; }

$(PY): | check-python
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet ".[dev]"
	touch $@ $(VENV)/.installed

# The local server runs in debug mode (a throwaway secret key) unless told otherwise.
run migrate loaddata export: export DEBUG ?= 1

migrate: $(VENV)/.installed
	$(PY) manage.py migrate --no-input
	$(PY) manage.py create_editors_group

loaddata: migrate
	$(PY) manage.py load_fixtures

run: loaddata
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# The benchmark: gunicorn + wrk on SQLite and PostgreSQL; prints a table, writes bench/RESULTS.md.
bench: $(VENV)/.installed
	@command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
	$(PY) bench/run.py

# Write the current database back to fixtures/ (after editing in admin).
export: $(VENV)/.installed
	$(PY) manage.py export_fixtures

# Formatting, lint rules, and the import contracts in pyproject.toml (the layers).
lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports --no-cache

format: $(VENV)/.installed-dev
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Tests that start servers (two gunicorns, a database outage) need the real PostgreSQL:
# they run in the PostgreSQL pass, and on SQLite everything else does.
PYTEST_ARGS ?= $(if $(findstring postgres,$(DATABASE_URL)),,-m "not servers")

test: lint
	$(PY) -m pytest $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
