# Holbæk lokalportal. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
UV := $(PYTHON) -m uv
export UV_PYTHON_DOWNLOADS := never
MANAGE := .venv/bin/python manage.py
PYTEST_ARGS ?= -n 2
VENDOR := static/vendor

.PHONY: help
help: ## Show this list
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

.PHONY: uv
uv:
	@$(UV) --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet --disable-pip-version-check uv

.PHONY: install
install: uv ## Install Python and npm packages and build the static files
	$(UV) sync --frozen
	npm ci --no-audit --no-fund --loglevel=error
	$(MAKE) --no-print-directory static

.PHONY: static
static: ## Build Det Fælles Designsystem from node_modules into static/vendor (fonts split by script)
	rm -rf $(VENDOR) && mkdir -p $(VENDOR)/dkfds/css $(VENDOR)/dkfds/fonts/IBMPlexSans/split
	cp -r node_modules/dkfds/dist/js node_modules/dkfds/dist/img $(VENDOR)/dkfds/
	cp -r node_modules/dkfds/dist/fonts/IBMPlexSans/split/woff2 $(VENDOR)/dkfds/fonts/IBMPlexSans/split/
	cp node_modules/dkfds/dist/LICENSE.md $(VENDOR)/dkfds/
	$(PYTHON) holbaek/dkfds_css.py node_modules/dkfds/dist/css/dkfds.min.css $(VENDOR)/dkfds/css/dkfds.min.css

.env:
	cp .env.example .env

.PHONY: run
run: install .env ## Install everything, load reference and demo data, serve at http://127.0.0.1:8000
	$(MANAGE) migrate --no-input
	$(MANAGE) load_reference_data
	$(MANAGE) demo
	$(MANAGE) runserver 127.0.0.1:8000

.PHONY: worker
worker: ## Run the background-task worker (e-mails, reminders)
	$(MANAGE) db_worker

.PHONY: browser
browser: ## Install Debian's Chromium (browser tests) and a Java runtime (the Nu HTML checker) (needs root)
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
	@command -v java >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; }

# `make bench BENCH_FACTORS="1 10" BENCH_SECONDS=3`: two data sizes, 3 s per page.
BENCH_SECONDS ?= 5
BENCH_FACTORS ?= 1 10 100
BENCH_MODE ?= gunicorn
# `make bench BENCH_ONLY="/udvalget/ /saerlige-indsatser/"`: only pages whose path has one of these.
BENCH_ONLY ?=
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/holbaek_bench
BENCH_CACHE_URL ?= redis://127.0.0.1:6379/9
define bench_run
	@command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
	DJANGO_READ_DOT_ENV=0 DEBUG=0 DATABASE_URL=$(BENCH_DATABASE_URL) CACHE_URL=$(BENCH_CACHE_URL) \
	SECRET_KEY=$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))') \
	ALLOWED_HOSTS=127.0.0.1 EMAIL_URL=dummymail:// \
	$(MANAGE) bench --seconds $(BENCH_SECONDS) --factors $(BENCH_FACTORS) --mode $(1) $(if $(BENCH_ONLY),--only $(BENCH_ONLY))
endef

.PHONY: bench
bench: install ## Measure every page under load at 1×, 10×, 100× the demo, page cache off and on
	$(if $(filter nginx,$(BENCH_MODE)),$(call nginx_install))
	$(call bench_run,$(BENCH_MODE))

.PHONY: bench-nginx
bench-nginx: install ## The public pages through nginx's cache, two gunicorn instances behind it
	$(call nginx_install)
	$(call bench_run,nginx)

define nginx_install
	@command -v nginx >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; }
endef

.PHONY: lint
lint: ## ruff check and format check, and no missing migrations
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	DEBUG=1 $(MANAGE) makemigrations --check --dry-run

.PHONY: test
test: install browser lint ## Run the whole test suite (PostgreSQL when DATABASE_URL points at one)
	DEBUG=1 .venv/bin/pytest $(PYTEST_ARGS)

.PHONY: messages
messages: ## Update and compile the translation catalogues (needs gettext)
	$(MANAGE) makemessages -l en --ignore=node_modules --ignore=.venv --ignore=staticfiles
	$(MANAGE) compilemessages -l en
# locale/da holds only the project's Danish for allauth's strings: edited by hand, never made.
	$(MANAGE) compilemessages -l da
