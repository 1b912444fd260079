# Career Ladder Explorer: `make run` serves the app, `make test` runs every check.
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
# pyenv reads .python-version (3.12) in this folder; python3.12 is tried first anyway.
PYTHON ?= $(shell command -v python3.12 || command -v python3)

.PHONY: run dev test lint format migrate loaddata export bench check-python clean

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

# `make run` serves the site as its users see it: DEBUG off, the site's own 404/500 pages,
# static files collected and served by WhiteNoise, gunicorn on 127.0.0.1 over plain HTTP
# (HTTPS=0: nothing leaves this machine), a secret key made once and kept in var/.
# `make dev` is the same data under Django's debug server (DEBUG on, reloads on edits).
SERVE_ENV = SECRET_KEY="$$(cat var/secret_key)" HTTPS=0

var/secret_key:
	@mkdir -p var
	@$(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))' > $@
	@chmod 600 $@

migrate: $(VENV)/.installed var/secret_key
	$(SERVE_ENV) $(PY) manage.py migrate --no-input
	$(SERVE_ENV) $(PY) manage.py create_editors_group

loaddata: migrate
	$(SERVE_ENV) $(PY) manage.py load_fixtures

run: loaddata
	$(SERVE_ENV) $(PY) manage.py collectstatic --no-input -v0
	@echo "Serving on http://127.0.0.1:$(PORT)/ (Ctrl-C stops it)"
	$(SERVE_ENV) $(VENV)/bin/gunicorn config.wsgi --bind 127.0.0.1:$(PORT) --workers 2 \
		--access-logfile - --error-logfile -

dev: loaddata
	DEBUG=1 $(PY) manage.py runserver 127.0.0.1:$(PORT)

# The benchmark: gunicorn + wrk on SQLite and PostgreSQL; prints a table, writes bench/RESULTS.md.
bench: $(VENV)/.installed
	@command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
	$(PY) bench/run.py

# Write the current database back to fixtures/ (after editing in admin).
export: $(VENV)/.installed var/secret_key
	$(SERVE_ENV) $(PY) manage.py export_fixtures

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
