# The two commands a newcomer needs: `make run` and `make test` (see README.md).
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Everything Java runs on the newer Temurin JDK when the machine has it (the bench driver's clients are virtual
# threads); the build targets Java 21, so the default JDK 17 is not enough.
TEMURIN := $(firstword $(wildcard /usr/lib/jvm/temurin-*-jdk-amd64))
ifneq ($(TEMURIN),)
export JAVA_HOME := $(TEMURIN)
endif
ifneq ($(JAVA_HOME),)
export PATH := $(JAVA_HOME)/bin:$(PATH)
endif

VENV := .venv
PY := $(VENV)/bin/python
MVN := mvn -B -ntp

# Every target with a `##` comment on its rule line, in Makefile order: a new target documents itself there.
.PHONY: help
help: ## this list (a newcomer needs only run and test)
	@awk 'BEGIN { FS = ":.*## " } /^[A-Za-z0-9_-]+:.*## / { printf "make %-22s %s\n", $$1, $$2 }' $(MAKEFILE_LIST)

# The project's own package (pyproject.toml), editable: its code finds dbt/, build/ and var/ in this checkout.
$(VENV)/.installed: pyproject.toml requirements.txt requirements-dev.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q -e '.[dev]'
	touch $@

.PHONY: venv
venv: $(VENV)/.installed ## the Python virtualenv in .venv (dbt, Dagster, pytest), rebuilt when requirements.txt changes

# --- data (generator, dbt, snapshots) ---
# The small deterministic data set every test reads; the same seed goes into PostgreSQL.
TEST_DATA_FLAGS := --seed 42 --users 12 --months 14 --transactions-per-month 40
DEMO_DATA_FLAGS := --seed 7 --users 200 --months 14 --transactions-per-month 60
PG_DSN ?= host=localhost port=5432 dbname=analytics user=analytics password=analytics
SNAPSHOT := $(PY) -m analytics_orchestration.snapshot

# Rebuilt only when the generator, the dbt project or the publisher changed.
DATA_INPUTS := Makefile $(shell find datagen analytics_common dbt/models dbt/macros dbt/tests -type f \( -name '*.py' -o -name '*.sql' -o -name '*.yml' \)) \
	dbt/dbt_project.yml dbt/profiles.yml orchestration/analytics_orchestration/snapshot.py

build/test/snapshots/CURRENT: $(VENV)/.installed $(DATA_INPUTS)
	$(PY) -m datagen $(TEST_DATA_FLAGS) --duckdb build/test/source.duckdb
	$(SNAPSHOT) build --target local --snapshots-dir build/test/snapshots --source-file build/test/source.duckdb

.PHONY: test-data
test-data: build/test/snapshots/CURRENT ## build/test/source.duckdb and a snapshot of it in build/test/snapshots (local dbt target)

.PHONY: postgres
postgres: ## install (Debian packages) and start PostgreSQL, create the analytics role and database
	bash scripts/postgres.sh

.PHONY: test-data-postgres
test-data-postgres: venv postgres test-data ## the same data through PostgreSQL; its marts must equal the local ones
	$(PY) -m datagen $(TEST_DATA_FLAGS) --postgres "$(PG_DSN)"
	$(SNAPSHOT) build --target postgres --snapshots-dir build/test/pg-snapshots --postgres-dsn "$(PG_DSN)"
	$(SNAPSHOT) compare build/test/snapshots build/test/pg-snapshots

.PHONY: demo
demo: venv ## a bigger demo data set published into var/snapshots (no PostgreSQL needed)
	$(PY) -m datagen $(DEMO_DATA_FLAGS) --duckdb build/demo/source.duckdb
	$(SNAPSHOT) build --target local --snapshots-dir var/snapshots --source-file build/demo/source.duckdb

# --- lint (house style; configuration in pyproject.toml and .sqlfluff) ---
.PHONY: lint-python
lint-python: venv ## ruff over every Python file: lint rules and the formatter's check (ruff format applies it)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

.PHONY: lint-sql
lint-sql: venv ## sqlfluff over the dbt models, macros and data tests (sqlfluff fix applies most of it)
	$(VENV)/bin/sqlfluff lint dbt/models dbt/macros dbt/tests

# --- object storage (SeaweedFS from PyPI: one `weed mini` process on 127.0.0.1 serving S3) ---
# The tests' S3: endpoint and test credentials (scripts/seaweedfs.sh configures the same), exported to the test runs.
S3_TEST_ENV := AWS_ENDPOINT_URL_S3=http://127.0.0.1:8333 AWS_ACCESS_KEY_ID=analytics-test \
	AWS_SECRET_ACCESS_KEY=analytics-test-secret AWS_REGION=us-east-1 ANALYTICS_TEST_S3_BUCKET=analytics-test

.PHONY: seaweedfs
seaweedfs: venv ## start SeaweedFS (S3 on 127.0.0.1:8333, data in build/seaweedfs) for the tests; scripts/seaweedfs.sh stop ends it
	$(S3_TEST_ENV) bash scripts/seaweedfs.sh start

.PHONY: test-python
test-python: venv seaweedfs ## pytest over datagen and orchestration (exit 5, no tests collected, is not a failure)
	$(S3_TEST_ENV) $(PY) -m pytest -q datagen/tests orchestration/tests || [ $$? -eq 5 ]

.PHONY: test-java
test-java: test-data postgres-refresh-test seaweedfs ## the Maven test suite (reads build/test/snapshots)
	$(S3_TEST_ENV) $(MVN) test

# The refresh tests insert rows into PostgreSQL, so they get a database of their own.
.PHONY: postgres-refresh-test
postgres-refresh-test: ## the separate PostgreSQL database the refresh tests write into (make test-java needs it)
	PG_DATABASE=analytics_refresh_test bash scripts/postgres.sh

# spring-javaformat and checkstyle, both bound to Maven's validate phase (so every Maven build checks them too).
.PHONY: lint-java
lint-java: ## Java house style: formatting and checkstyle (`mvn spring-javaformat:apply` fixes the formatting)
	$(MVN) -q validate

# schemathesis against the OpenAPI document of the gateway serving the test snapshot (about 1.5 minutes).
FUZZ_EXAMPLES ?= 30
.PHONY: fuzz-rest
fuzz-rest: test-data ## fuzz the REST API from its OpenAPI document; fails on any server error or schema violation
	$(MVN) -q -DskipTests package
	scripts/fuzz-rest.sh $(GATEWAY_JAR) build/test/snapshots $(FUZZ_EXAMPLES)

# Sequential on purpose: PostgreSQL and the test data must exist before the suites that read them.
.PHONY: lint
lint: lint-python lint-sql lint-java ## house style, first in make test: ruff, sqlfluff, spring-javaformat and checkstyle

.PHONY: test
test: ## the whole suite: linters, PostgreSQL, SeaweedFS (S3), both dbt targets, pytest, Java tests, bench compile, real clients, REST fuzzer
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory test-data-postgres
	$(MAKE) --no-print-directory test-python
	$(MAKE) --no-print-directory test-java
	$(MAKE) --no-print-directory bench-compile
	$(MAKE) --no-print-directory test-clients
	$(MAKE) --no-print-directory fuzz-rest

GATEWAY_JAR := target/analytics-gateway-0.1.0-SNAPSHOT.jar
EXAMPLE_QUERY := { analyticsStatus { snapshotId builtAt } spendingByTag(startDate: "2026-01-01", endDate: "2026-03-31") { tag { tagName } currency spendingAmount } }

.PHONY: run
# Local frontend dev servers (create-react-app/Next on 3000, Vite on 5173) may call the gateway from the browser.
DEV_ORIGINS := http://localhost:3000,http://127.0.0.1:3000,http://localhost:5173,http://127.0.0.1:5173

run: demo graphiql jemalloc ## install everything, build the demo marts and serve the gateway on :8080 (Ctrl-C stops it)
	$(MVN) -q -DskipTests package
	@$(MAKE) --no-print-directory demo-token
	@echo "Example query (GraphiQL at http://localhost:8080/graphiql, health at /actuator/health):"
	@echo '  $(EXAMPLE_QUERY)'
	@echo "Refresh (token with SCOPE=analytics:refresh): mutation { refreshAnalytics { id status } }; Dagster UI at $(DAGSTER_URL)"
	@$(DAGSTER_DEMO) > var/dagster.log 2>&1 & dagster=$$!; trap 'kill $$dagster 2>/dev/null; wait $$dagster' EXIT; \
	ANALYTICS_SNAPSHOTS_DIR=var/snapshots ANALYTICS_JWT_SECRET="$(JWT_SECRET)" ANALYTICS_DAGSTER_URL=$(DAGSTER_URL) \
	ANALYTICS_CORS_ALLOWED_ORIGINS="$${ANALYTICS_CORS_ALLOWED_ORIGINS:-$(DEV_ORIGINS)}" scripts/jemalloc.sh java -jar $(GATEWAY_JAR)

.PHONY: jemalloc
jemalloc: ## Debian's jemalloc, the gateway's malloc (installed when missing; docs/operations.md, Memory allocator)
	@scripts/jemalloc.sh install

# --- frontend clients (clients/: the offline GraphiQL page and the tests with real client libraries; Node 20) ---
GRAPHIQL_OUT := build/graphiql/static/graphiql

# npm ci only when the lockfile changed (npm writes node_modules/.package-lock.json on every install).
clients/node_modules/.package-lock.json: clients/package-lock.json
	cd clients && npm ci --no-audit --no-fund

.PHONY: graphiql
graphiql: clients/node_modules/.package-lock.json ## bundle the offline GraphiQL page from npm packages (no CDN) into build/graphiql/static/graphiql
	cd clients && node graphiql/build.mjs --out ../$(GRAPHIQL_OUT)

.PHONY: chromium
chromium: ## Debian's Chromium for the browser tests (installed when missing; the tests never download a browser)
	@command -v chromium > /dev/null || (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium)

.PHONY: test-clients
test-clients: venv test-data graphiql chromium ## GraphiQL in Chromium, Apollo and urql from another origin, codegen + tsc --strict, the GraphQL-over-HTTP audit
	$(MVN) -q -DskipTests package
	PYTHON=$(PY) clients/run-tests.sh

# --- refresh (Dagster on loopback; `make run` starts it in the background, log in var/dagster.log) ---
DAGSTER_PORT ?= 3070
DAGSTER_URL := http://127.0.0.1:$(DAGSTER_PORT)
DAGSTER_DEMO = ANALYTICS_DBT_TARGET=local ANALYTICS_SOURCE_FILE=$(CURDIR)/build/demo/source.duckdb \
	ANALYTICS_SNAPSHOTS_DIR=$(CURDIR)/var/snapshots $(PY) -m analytics_orchestration.serve --port $(DAGSTER_PORT) --home var/dagster

.PHONY: dagster
dagster: demo ## Dagster alone, in the foreground, refreshing the demo marts into var/snapshots (UI on DAGSTER_URL)
	$(DAGSTER_DEMO)

.PHONY: schema
schema: test-data ## regenerate schema/schema.graphqls from the test snapshot's dbt metadata (review the diff)
	$(MVN) -q test -Dtest=SchemaDriftTest -Danalytics.schema.update=true

# --- benchmark (bench/run.sh; never part of make test, except that the driver must compile) ---
# The style checks are lint-java's job, so they are skipped here rather than run twice.
.PHONY: bench-compile
bench-compile: ## compile the benchmark driver (bench/src) against the gateway, so a change that breaks it fails
	$(MVN) -q -Pbench -DskipTests -Dcheckstyle.skip -Dspring-javaformat.validate.skip compile

.PHONY: bench
bench: venv jemalloc ## ~10M transactions: gateway vs raw DuckDB at 1/8/32/64 clients; writes docs/performance.md
	bash bench/run.sh full

.PHONY: bench-fairness
bench-fairness: venv jemalloc ## one user floods, another runs the dashboard: latency with the per-user limit off and on (quick data)
	bash bench/run.sh fairness

.PHONY: bench-quick
bench-quick: venv jemalloc ## ~240k transactions, short steps (under 3 minutes); writes build/bench/quick/results.md
	bash bench/run.sh quick

# --- tokens (security) ---
DEMO_SECRET := var/demo-secret

# A random HS256 secret for local runs: created once, kept out of git (var/ is ignored), readable by the owner only.
$(DEMO_SECRET):
	@mkdir -p $(@D)
	@umask 077 && python3 -c 'import secrets; print(secrets.token_urlsafe(48))' > $@

# The secret the gateway and the tokens use: ANALYTICS_JWT_SECRET when set, else the demo secret (shell expression).
JWT_SECRET = $${ANALYTICS_JWT_SECRET:-$$(cat $(DEMO_SECRET))}

.PHONY: token
token: $(DEMO_SECRET) ## make token USER=<uuid> [SCOPE=analytics:refresh]: a 1-hour token from the configured secret
	@ANALYTICS_JWT_SECRET="$(JWT_SECRET)" python3 tools/mint_token.py --user "$(USER)" $(if $(SCOPE),--scope "$(SCOPE)")

.PHONY: demo-token
demo-token: venv $(DEMO_SECRET) ## print a ready curl with a 24-hour token for the owner of the first demo account
	@token=$$(ANALYTICS_JWT_SECRET="$(JWT_SECRET)" $(PY) tools/mint_token.py --first-user-in var/snapshots --ttl 86400) && \
	echo "Demo token (24 h) for the owner of the first demo account:" && \
	echo "  curl -s localhost:8080/graphql -H 'Content-Type: application/json' -H \"Authorization: Bearer $$token\" \\" && \
	echo "    -d '{\"query\":\"{ dimAccounts { nodes { accountName accountType currency } } }\"}'"
