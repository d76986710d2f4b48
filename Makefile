# newsbrief — `make` alone lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PARAMS ?= params/seed-article.yaml params/sample-corpus.yaml
PYTEST_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help install report test test-fast lint lab bench clean

help: ## list the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	$(PY) -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (newsbrief)" >/dev/null
	@touch $(STAMP)

install: $(STAMP) ## create .venv and install newsbrief with its test tools

report: $(STAMP) ## render the seed-article and sample-corpus briefings into reports/ (PARAMS=... to choose)
	@for p in $(PARAMS); do $(VENV)/bin/newsbrief run $$p || exit $$?; done

test: $(STAMP) ## run the whole test suite (slow tests included)
	$(PY) -m pytest $(PYTEST_ARGS)

test-fast: $(STAMP) ## run the tests not marked slow
	$(PY) -m pytest -m "not slow" $(PYTEST_ARGS)

lint: $(STAMP) ## check style (ruff) and types (mypy); settings in pyproject.toml
	$(VENV)/bin/ruff check src tests benchmarks scripts
	$(VENV)/bin/mypy

lab: $(STAMP) ## start JupyterLab with the notebooks folder open
	$(VENV)/bin/jupyter lab --notebook-dir=notebooks $$( [ "$$(id -u)" = 0 ] && echo --allow-root )

bench: $(STAMP) ## run the benchmarks against ../shared (prints figures)
	$(PY) benchmarks/quotes.py --split dev
	$(PY) benchmarks/sentiment.py
	$(PY) benchmarks/sentence_tone.py
	$(PY) benchmarks/annotate.py --articles 2000

clean: ## remove reports and caches (keeps .venv)
	rm -rf reports/*/ reports/.store reports/.*.tmp-* .pytest_cache
