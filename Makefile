# followup: two commands do everything on a fresh machine with Python 3.11+.
#   make lab    set up, then open the decision notebook in JupyterLab on the bundled example
#   make test   set up, then run the whole suite (unit, property, notebooks, browser)
# While developing: make check (lint and the fast tests, about a minute).

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
STAMP  := $(VENV)/.installed
PORT   ?= 8866
# Your own workspace file (for make lab / make app); empty means a copy of the bundled example.
WORKSPACE ?=
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)
WORKSPACE_ENV := FOLLOWUP_WORKSPACE="$(if $(WORKSPACE),$(abspath $(WORKSPACE)),)"

.PHONY: help setup lab app test check unit notebooks browser lint figures bench clean

help:
	@echo "make lab       set up and open notebooks/decide.ipynb in JupyterLab"
	@echo "               (WORKSPACE=workspaces/my-search.json to open your own file)"
	@echo "make test      set up and run every test (unit, property, notebooks, browser)"
	@echo "make check     lint and the fast unit tests (no subprocess, server or browser)"
	@echo "make app       serve the decision app (Voila) on localhost:$(PORT); open the link it prints"
	@echo "make lint      ruff and mypy"
	@echo "make figures   render the charts of the example into docs/images/"
	@echo "make bench     run the benchmarks (prints ratios against baselines)"

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit("followup needs Python 3.11 or newer") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

lab: $(STAMP)
	$(WORKSPACE_ENV) $(BIN)/jupyter lab $(ROOT_FLAG) notebooks/decide.ipynb

# The same command as `followup app`: a fresh token per start, printed with the link.
app: $(STAMP)
	$(BIN)/followup app $(if $(WORKSPACE),"$(WORKSPACE)",) --port=$(PORT)

test: $(STAMP)
	bash tools/ensure-chromium
	$(MAKE) --no-print-directory lint unit notebooks browser

check: $(STAMP)
	$(BIN)/ruff check followup tests benchmarks tools
	$(BIN)/mypy
	FOLLOWUP_HYPOTHESIS_PROFILE=quick $(PY) -m pytest -p no:nbval -p no:cacheprovider -q \
		-m "not slow" -n 2 --doctest-modules followup tests --ignore=tests/browser

unit: $(STAMP)
	$(PY) -m pytest -p no:nbval -n 2 --doctest-modules followup tests --ignore=tests/browser

notebooks: $(STAMP)
	$(PY) -m pytest -p no:cacheprovider --nbval-lax --nbval-current-env notebooks/

# Two browsers at once, each test module (and its servers) on one of them.
browser: $(STAMP)
	$(PY) -m pytest -p no:nbval -n 2 --dist loadfile tests/browser

lint: $(STAMP)
	$(BIN)/ruff check followup tests benchmarks tools
	$(BIN)/mypy

figures: $(STAMP)
	$(PY) tools/figures.py docs/images

bench: $(STAMP)
	$(PY) -m pip install --quiet -e '.[bench]'
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis test-artifacts
