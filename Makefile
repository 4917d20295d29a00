# Border Watch: every step the README names. `make run` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: setup run test test-fast chromium postgresql nginx lint geodata bench score

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test,build]"
	touch $@

run: setup
	$(PY) -m streamlit run dashboard/server.py --server.port $(PORT)

chromium:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium; }

# The store's tests start their own throwaway PostgreSQL server (tests/pg_support.py) from Debian's package.
postgresql:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq postgresql; }

# The deployment's reverse proxy (deploy/nginx.conf), tested in front of the app (tests/test_deploy.py).
nginx:
	@command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || { apt-get update -qq && apt-get install -y -qq nginx-light; }

test: setup chromium postgresql nginx
	$(PY) -m ruff check dashboard geodata tests benchmarks
	$(PY) -m ruff format --check dashboard geodata tests benchmarks
	$(PY) -m pytest

test-fast: setup
	$(PY) -m pytest -m "not browser"

geodata: setup
	$(PY) -m geodata.build

bench: setup
	$(PY) -m benchmarks.extract_throughput

score: setup
	PATH=$(VENV)/bin:$$PATH $(PY) ../shared/eval/score.py
