# Kannustin: `make run` for the demo, `make test` for the tests. See README.md.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
WEB_CONCURRENCY ?= 3
export PORT WEB_CONCURRENCY
export DJANGO_SETTINGS_MODULE := kannustin.settings
MESSAGE_IGNORES := --ignore='.venv/*' --ignore='frontend/*' --ignore='node_modules/*' --ignore='static/*' \
	--ignore='bench/*' --ignore='e2e/*' --ignore='tests/*' --ignore='*/tests/*'

.PHONY: run test serve install install-dev assets messages lint format bench bench-matching bench-decisions bench-reports surge clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

install-dev: $(VENV)/.installed

## make run: the demo on http://127.0.0.1:8000 with SQLite and a background worker
run: install-dev
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_reference_data
	$(PY) manage.py seed_demo
	$(PY) manage.py runserver_with_worker 127.0.0.1:$(PORT)

## make test: the whole suite (SQLite, or PostgreSQL when DATABASE_URL is set); browser tests when Chromium is found
test: install-dev
	$(PY) -m pytest -n 2 --dist loadgroup

## make serve: production; needs DEBUG=0, SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL (PostgreSQL). gunicorn, two
## background workers (default and email queues) and the scheduler run under supervisord, which restarts them
serve:
	$(PY) manage.py migrate --no-input
	$(PY) manage.py createcachetable
	$(PY) manage.py collectstatic --no-input
	$(PY) manage.py load_reference_data
	exec $(VENV)/bin/supervisord -c deploy/supervisord.conf

## make assets: rebuild static/css and static/js from GOV.UK Frontend and frontend/scss (needs Node.js)
assets:
	cd frontend && npm ci --no-audit --no-fund && npm run build

## make messages: collect strings into locale/*/LC_MESSAGES/django.po (fi and sv are then translated by
## hand; English is the source language, so msgen copies it), and compile them (needs gettext)
messages: install-dev
	$(PY) manage.py makemessages -l fi -l sv -l en --no-obsolete $(MESSAGE_IGNORES)
	msgattrib --clear-fuzzy --empty -o locale/en/LC_MESSAGES/django.po locale/en/LC_MESSAGES/django.po
	msgen -o locale/en/LC_MESSAGES/django.po locale/en/LC_MESSAGES/django.po
	$(PY) manage.py compilemessages --ignore='.venv/*'

lint: install-dev
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	.venv/bin/lint-imports

format: install-dev
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

bench: install-dev
	$(PY) bench/run.py

## make surge: the closing-day surge (locust against gunicorn on PostgreSQL; DATABASE_URL names a database
## containing "surge", which is rebuilt). SURGE_ARGS="--scale 10" for the 10× run. See docs/performance.md.
surge: install-dev
	$(PY) bench/surge/run.py $(SURGE_ARGS)

## make bench-matching: track 2's clusters against the demo's known topics (adjusted Rand index), similar-proposal
## lookups among 1 000 proposals and the track-2 pages (DATABASE_URL names a database containing "bench")
bench-matching: install-dev
	$(PY) bench/matching.py

## make bench-decisions: the allocation methods on 1 000 and 10 000 random applications (no database), then the
## decision PDFs (200 decisions through the services; DATABASE_URL names a database containing "bench")
bench-decisions: install-dev
	$(PY) bench/allocation.py
	$(PY) bench/decision_pdfs.py

## make bench-reports: a call's summary pages (page, PDF, workbook, preview) and the dashboard with 100 and 10 000
## applications, and the call's workbook export (DATABASE_URL names a database containing "bench")
bench-reports: install-dev
	$(PY) bench/reports.py

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* staticfiles media sent-mail
