# The README's commands. `make run` and `make test` work on a fresh machine.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000
# Where `make run` serves: e-mails (password reset, workflow notices) and the banner link here.
export WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/portal
PYTEST_ARGS ?=

.PHONY: help install install-dev run serve migrate seed test test-fast lint format check bench loadtest browser-deps clean

help:
	@echo "make run      cài đặt, tạo CSDL SQLite, nạp cổng demo, chạy http://$(HOST):$(PORT)"
	@echo "make test     toàn bộ bộ kiểm thử trên PostgreSQL ($(TEST_DATABASE_URL))"
	@echo "make lint     ruff check + ruff format --check"
	@echo "make check    manage.py check, makemigrations --check, check --deploy"
	@echo "make bench    gunicorn + PostgreSQL + Redis: req/s, p50, p99 từng loại trang, có và không"
	@echo "              có bộ nhớ đệm trang, so với một tệp tĩnh; số truy vấn (docs/benchmarks.md)"
	@echo "              BENCH_SIZES=1000,100000 (số tin; văn bản = 1/10)  BENCH_DURATION=20 (s/trang)"
	@echo "              BENCH_CLIENTS=8  BENCH_WORKERS=2  BENCH_REUSE_DB=1 (dùng lại CSDL cùng cỡ)"
	@echo "              BENCH_DATABASE_URL=.../portal_bench (+ _<cỡ>)  BENCH_PORT=8095"
	@echo "              BENCH_REDIS_PORT=6395  BENCH_WRITE=0 (chỉ in)  BENCH_QUERIES=0 (bỏ số truy vấn)"
	@echo "make loadtest gunicorn + PostgreSQL + Redis dưới tải, kèm sự cố (docs/reliability.md)"

$(PY):
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(PY)
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(PY)
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

migrate: install
	$(PY) manage.py migrate --noinput

seed: install-dev migrate
	$(PY) manage.py setup_portal
	$(PY) manage.py seed_demo

# The background worker (documents' text, alerts) runs beside the server and stops with it.
run: seed
	@$(PY) manage.py demo_logins
	@$(PY) manage.py alerts_recover
	@$(PY) manage.py db_worker --backend background --no-reload --no-startup-delay & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

serve: install
	$(PY) manage.py runserver $(HOST):$(PORT)

browser-deps:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

test: install-dev node_modules/.installed
	DATABASE_URL=$(TEST_DATABASE_URL) $(BIN)/pytest $(PYTEST_ARGS)

test-fast: install-dev
	DATABASE_URL=$(TEST_DATABASE_URL) $(BIN)/pytest -m "not browser" $(PYTEST_ARGS)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: install-dev
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=site_core.settings.production SECRET_KEY=$$(head -c 48 /dev/urandom | base64) \
		DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=redis://127.0.0.1:6379/0 ALLOWED_HOSTS=portal.example \
		$(PY) manage.py check --deploy --fail-level WARNING

# Not part of `make test`: tools/bench.py seeds BENCH_SIZES articles (one database per size,
# portal_bench_<size>) and drives the production stack (docs/benchmarks.md, about 15 minutes
# per size with the defaults); then tests.bench counts queries per page (portal_bench).
bench: install-dev
	BENCH_DATABASE_URL=$${BENCH_DATABASE_URL:-$(patsubst %/portal,%/portal_bench,$(TEST_DATABASE_URL))} \
		$(PY) tools/bench.py
	@if [ "$${BENCH_QUERIES:-1}" != "0" ]; then \
		DATABASE_URL=$(TEST_DATABASE_URL) $(PY) -m tests.bench $$([ "$${BENCH_WRITE:-1}" = "0" ] || echo --write); \
	fi

# Not part of `make test`: several minutes of load on 127.0.0.1 (docs/reliability.md).
# LOADTEST_DURATION=60 for shorter runs; the database is LOADTEST_DATABASE_URL.
loadtest: install-dev
	LOADTEST_DATABASE_URL=$${LOADTEST_DATABASE_URL:-$(patsubst %/portal,%/portal_loadtest,$(TEST_DATABASE_URL))} \
		$(PY) tools/loadtest.py

clean:
	rm -rf $(VENV) db.sqlite3 media static .pytest_cache .test-media
