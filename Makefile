# safeguide: the two commands that set everything up on a fresh machine.
#   make build   build the default (national) edition into site/national and print where
#   make serve   serve it with live reload on http://127.0.0.1:8000
#   make test    lint, type-check and run the test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: build serve test bench lint typecheck schema check deps system-deps browser-deps clean

$(STAMP): pyproject.toml requirements.lock
	@echo "setting up: a Python virtual environment in $(VENV)/"
	$(PYTHON) -m venv $(VENV)
	@echo "installing the pinned Python packages from requirements.lock (a few minutes the first time)"
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	@echo "installing safeguide itself (editable)"
	$(BIN)/pip install --quiet --no-deps --config-settings editable_mode=compat -e .
	touch $(STAMP)
	@echo "Python dependencies ready in $(VENV)/"

deps: $(STAMP) system-deps

# System packages from apt-get when missing: Graphviz (the real `dot`) for every
# build, and Debian's Chromium for the browser tests. APT_PACKAGES lists what to
# check: "graphviz" or "graphviz chromium".
define apt_install_missing
	@missing=""; \
	for package in $(1); do \
	  case $$package in \
	    graphviz) command -v dot >/dev/null 2>&1 || missing="$$missing graphviz" ;; \
	    chromium) { [ -x /usr/bin/chromium ] || command -v chromium >/dev/null 2>&1; } || missing="$$missing chromium" ;; \
	  esac; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing with apt-get:$$missing"; \
	  if command -v apt-get >/dev/null 2>&1; then \
	    SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	    $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  fi; \
	fi; \
	command -v dot >/dev/null 2>&1 || { echo "error: Graphviz is required; install the 'graphviz' package (e.g. apt-get install graphviz) and retry" >&2; exit 1; }
endef

system-deps:
	$(call apt_install_missing,graphviz)

browser-deps:
	$(call apt_install_missing,graphviz chromium)
	@{ [ -x /usr/bin/chromium ] || command -v chromium >/dev/null 2>&1; } || { echo "error: the browser tests need Chromium; install Debian's 'chromium' package and retry" >&2; exit 1; }

build: deps
	$(BIN)/safeguide build
	@echo "Open site/national/index.html in a browser (works from file://), or run: make serve"

DEV_ADDR ?= 127.0.0.1:8000
serve: deps
	@echo "Serving the national edition at http://$(DEV_ADDR)/ (live reload; Ctrl-C stops)"
	$(BIN)/safeguide serve --dev-addr $(DEV_ADDR)

check: deps
	$(BIN)/safeguide check --all

schema: deps
	$(BIN)/safeguide schema

# The benchmark (see benchmarks/bench.py): a table in benchmarks/RESULTS.md, under 10 minutes.
# The overhead rows are measured with each engine; ENGINE=mkdocs runs the others with MkDocs.
ENGINE ?= properdocs
bench: deps
	$(BIN)/python benchmarks/bench.py --engine $(ENGINE) --out benchmarks/RESULTS.md

lint: $(STAMP)
	$(BIN)/ruff check generator tests benchmarks tools
	$(BIN)/ruff format --check generator tests benchmarks tools
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy generator

# The suite runs on up to four processes, one file's tests on the same process (its
# module-wide builds are made once); PYTEST_PARALLEL= runs it in one process.
PYTEST_PARALLEL ?= --numprocesses=auto --maxprocesses=4 --dist loadfile
test: deps browser-deps lint typecheck
	$(BIN)/safeguide schema --check
	$(BIN)/pytest -q $(PYTEST_PARALLEL)

clean:
	rm -rf site .cache .pytest_cache .mypy_cache .ruff_cache
