# Two entry points for a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
OUT ?= out

.PHONY: run test lint venv clean

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
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint:
	$(BIN)/ruff check align tmx glossary ruzh tests bench
	$(BIN)/ruff format --check align tmx glossary ruzh tests bench
	$(BIN)/mypy

clean:
	rm -rf $(VENV) $(OUT) build *.egg-info
