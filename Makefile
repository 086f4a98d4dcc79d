# Two entry points for a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
OUT ?= out

.PHONY: run test lint typecheck venv clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

venv: $(BIN)/activate
	$(BIN)/pip install --quiet -e '.[test]'

## Install, then build TMX, glossary, findings and report from the bundled seeds into $(OUT)/.
run: venv
	$(BIN)/ruzh build -o $(OUT)

## Install, then lint, type-check and run the test suite (slow tests: make test PYTEST_ARGS='-m ""').
test: venv lint
	$(BIN)/python -P -m pytest $(PYTEST_ARGS)

SOURCES := core align tmx glossary checks seeds ruzh tests bench
TYPECHECK := build/typecheck

lint:
	$(BIN)/ruff check $(SOURCES)
	$(BIN)/ruff format --check $(SOURCES)
	$(MAKE) --no-print-directory typecheck

## mypy cannot follow setuptools' package-dir mapping, so it checks a tree of links laid out as installed.
typecheck:
	rm -rf $(TYPECHECK) && mkdir -p $(TYPECHECK)/ruzh
	for f in ruzh/*.py ruzh/*/; do ln -s "$(CURDIR)/$${f%/}" $(TYPECHECK)/ruzh/; done
	for p in core align tmx glossary checks seeds; do ln -s "$(CURDIR)/$$p" $(TYPECHECK)/ruzh/$$p; done
	cd $(TYPECHECK) && "$(CURDIR)/$(BIN)/mypy" --config-file "$(CURDIR)/pyproject.toml"

clean:
	rm -rf $(VENV) $(OUT) build *.egg-info
