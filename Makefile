# Two commands for a fresh machine with Python >= 3.11 and make:
#   make run   set up, migrate, load reference and demo data, serve on 127.0.0.1:8000
#   make test  set up and run the whole test suite (READINESS_TEST_DATABASE_URL for PostgreSQL)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test setup migrate seed translations screenshots clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is needed"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

setup: $(VENV)/.installed translations

# The compiled catalogues (git-ignored) are rebuilt only when a .po or the install changed, so
# two test runs started side by side never write them at the same time.
CATALOGUES := $(wildcard readiness/translations/*/LC_MESSAGES/messages.po)
translations: $(CATALOGUES:.po=.mo)

readiness/translations/%/LC_MESSAGES/messages.mo: readiness/translations/%/LC_MESSAGES/messages.po $(VENV)/.installed
	$(BIN)/python -m readiness.web.catalogues compile

migrate: setup
	$(BIN)/readiness db upgrade

seed: migrate
	$(BIN)/readiness seed reference
	$(BIN)/readiness seed demo

run: seed
	$(BIN)/readiness serve --host $(HOST) --port $(PORT)

test: setup
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Refresh the README's pictures (docs/screenshots/) from the browser tests.
screenshots: setup
	READINESS_SCREENSHOTS=1 $(BIN)/python -m pytest tests/browser -q

clean:
	rm -rf $(VENV) var .pytest_cache
