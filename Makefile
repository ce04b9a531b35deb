# The two commands: `make run` and `make test`. Both set up everything they need.
# The first interpreter that actually runs and is 3.11+ (pyenv shims exist for versions that are not installed).
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1 && { echo $$p; break; }; done)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint format venv clean bench

$(STAMP): requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

venv: $(STAMP)

run: $(STAMP)
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) manage.py migrate --noinput
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) manage.py load_demo
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(PY) manage.py ensure_demo_user
	@# With Redis: the web server, a worker and the feed scheduler together (Procfile.dev); without it,
	@# the web server alone, and background jobs run inside it. On this machine, feeds and links on
	@# local addresses may be fetched (FACTCHECK_FETCH_ALLOW_PRIVATE; off in production).
	@if $(PY) -c "import os, redis; redis.Redis.from_url(os.environ.get('REDIS_URL') or 'redis://127.0.0.1:6379/0', socket_connect_timeout=1).ping()" >/dev/null 2>&1; then \
	  echo "Serving on http://127.0.0.1:8000 with a background worker and the feed scheduler (Ctrl-C stops all)"; \
	  DJANGO_DEBUG=$${DJANGO_DEBUG:-1} FACTCHECK_FETCH_ALLOW_PRIVATE=$${FACTCHECK_FETCH_ALLOW_PRIVATE:-1} $(VENV)/bin/honcho -f Procfile.dev start; \
	else \
	  echo "Redis is not reachable at $${REDIS_URL:-redis://127.0.0.1:6379/0}: no background worker; imports and feed polls run in the web server"; \
	  echo "Serving on http://127.0.0.1:8000 (Ctrl-C to stop)"; \
	  DJANGO_DEBUG=$${DJANGO_DEBUG:-1} FACTCHECK_FETCH_ALLOW_PRIVATE=$${FACTCHECK_FETCH_ALLOW_PRIVATE:-1} $(PY) manage.py runserver 127.0.0.1:8000; \
	fi

# axe-core for the accessibility test; without npm that one test is skipped (CI has npm).
node_modules/.installed: package.json
	@if command -v npm >/dev/null 2>&1; then npm install --silent --no-audit --no-fund && touch $@; \
	else echo "npm not found: the accessibility test will be skipped"; fi

test: $(STAMP) node_modules/.installed
	DJANGO_SECRET_KEY=$${DJANGO_SECRET_KEY:-test-only-secret-key} $(PY) -m pytest

# Page times and query counts at 10k, 100k and 1M claims on PostgreSQL (BENCH_DATABASE_URL is dropped
# and created afresh); prints the table and writes bench-results.json. About 10 minutes on 2 cores.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/factcheck_bench
bench: $(STAMP)
	$(PY) bench/run.py --database-url $(BENCH_DATABASE_URL) --json bench-results.json $(BENCH_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
