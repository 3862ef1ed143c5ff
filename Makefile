# Two commands set up a fresh machine: `make run` (the app on demo data) and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP_RUN := $(VENV)/.installed-run
STAMP_DEV := $(VENV)/.installed-dev

.PHONY: run test test-unit test-integration test-browser lint bench demo clean assets stack stack-stop

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP_RUN): requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(STAMP_DEV): requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@ $(STAMP_RUN)

# On first run, the real MINEDUC/INE sample files are imported too when they sit beside the
# checkout (../shared/data/real); elsewhere the app starts on demo data alone.
REAL_DATA ?= $(wildcard ../shared/data/real)

run: $(STAMP_RUN)
	$(PY) -m dashboard ensure-data $(if $(REAL_DATA),--with-real $(REAL_DATA))
	$(PY) app.py

test: $(STAMP_DEV)
	$(PY) -m pytest

test-unit: $(STAMP_DEV)
	$(PY) -m pytest tests/unit

test-integration: $(STAMP_DEV)
	$(PY) -m pytest tests/integration

test-browser: $(STAMP_DEV)
	$(PY) -m pytest tests/browser

lint: $(STAMP_DEV)
	$(PY) -m ruff check .

# Brotli-11 copies of the big static assets (after changing one; a test checks they match).
assets: $(STAMP_RUN)
	$(PY) -m dashboard.web.static_assets assets

bench: $(STAMP_DEV)
	$(PY) -m dashboard ensure-data
	$(PY) benchmarks/run_all.py

# The production layout on loopback: PostgreSQL, Redis, STACK_INSTANCES (2) gunicorn instances
# and nginx on STACK_PORT; pid files and logs in STACK_DIR (docs/deploy.md).
STACK_PORT ?= 8080
STACK_DIR ?= instance/stack
export STACK_PORT STACK_DIR

stack: $(STAMP_RUN)
	$(PY) -m deploy.stack start

stack-stop:
	$(if $(wildcard $(PY)),$(PY),$(PYTHON)) -m deploy.stack stop

demo: $(STAMP_RUN)
	$(PY) -m dashboard demo

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
