# Jibsa: `make run` to try it, `make test` to check it. See README.md.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
PYTEST_WORKERS ?= 2
export JIBSA_DATA_DIR ?= $(CURDIR)/var

FRONTEND := $(wildcard frontend/package.json)

.PHONY: install lock run bench test lint typecheck check-client test-backend test-backend-sqlite test-backend-postgres test-frontend test-e2e frontend-build clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	touch $@

# Re-resolve pyproject.toml's ranges in a scratch virtualenv and pin the result in constraints.txt.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet --upgrade pip && .lock-venv/bin/pip install --quiet -e '.[dev]'
	{ sed -n '1,2p' constraints.txt; .lock-venv/bin/pip freeze --exclude-editable; } > constraints.new
	mv constraints.new constraints.txt && rm -rf .lock-venv

frontend/node_modules/.installed: frontend/package.json $(wildcard frontend/package-lock.json)
	# `npm ci` refuses this lock: vite lists a Windows-only optional package the registry does not resolve.
	cd frontend && npm install --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed $(if $(FRONTEND),frontend/node_modules/.installed)

frontend-build: install
ifneq ($(FRONTEND),)
	cd frontend && npm run build
endif

run: install frontend-build
	$(BIN)/jibsa migrate
	$(BIN)/jibsa seed-demo
	$(BIN)/jibsa create-admin --email admin@jibsa.kr --name 관리자 --if-none
	$(BIN)/jibsa serve --port $(PORT)

# Figures, never a pass/fail: see docs/benchmarks.md. E.g. make bench BENCH_ARGS="--scale 1000,10000,100000"
# (PostgreSQL too when JIBSA_BENCH_DATABASE_URL is set).
bench: install
	$(BIN)/python -m benchmarks $(BENCH_ARGS)

lint: install
	$(BIN)/ruff check src tests migrations benchmarks
	$(BIN)/ruff format --check src tests migrations benchmarks

typecheck: install
	$(BIN)/mypy

test-backend-sqlite: install
	JIBSA_TEST_ENGINE=sqlite $(BIN)/pytest -n $(PYTEST_WORKERS) -q -p no:cacheprovider

test-backend-postgres: install
	@if [ -z "$$JIBSA_TEST_DATABASE_URL" ]; then \
		echo "JIBSA_TEST_DATABASE_URL is not set: the PostgreSQL run is skipped (.ci/run sets it)."; \
	else \
		JIBSA_TEST_ENGINE=postgresql $(BIN)/pytest -n $(PYTEST_WORKERS) -q -p no:cacheprovider; \
	fi

test-backend: test-backend-sqlite test-backend-postgres

test-frontend: install
ifneq ($(FRONTEND),)
	cd frontend && npm run lint && npm run typecheck && npm test
endif

# The web app's API client is generated from the OpenAPI document: fail when either is stale.
check-client: install
ifneq ($(FRONTEND),)
	cd frontend && npm run --silent export:openapi && npm run --silent generate:client >/dev/null
	@git diff --quiet -- frontend/openapi.json frontend/src/client || { \
		git --no-pager diff --stat -- frontend/openapi.json frontend/src/client; \
		echo "The generated API client is stale: run 'make check-client' and commit the result." >&2; exit 1; }
endif

test-e2e: install frontend-build
ifneq ($(wildcard frontend/e2e),)
	@if command -v chromium >/dev/null 2>&1; then \
		cd frontend && npm run test:e2e; \
	elif [ -n "$$CI" ]; then \
		echo "CI has no chromium: .ci/run should have installed it" >&2; exit 1; \
	else \
		echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"; \
		echo "!! chromium is not installed: the browser end-to-end tests are SKIPPED. !!"; \
		echo "!! Install Debian's package: apt-get install chromium                     !!"; \
		echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"; \
	fi
endif

test: lint typecheck check-client test-backend test-frontend test-e2e

clean:
	rm -rf $(VENV) frontend/node_modules frontend/dist .mypy_cache .ruff_cache
