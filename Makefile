# The two commands a newcomer needs: `make run` and `make test` (see README.md).
SHELL := /bin/bash
.DEFAULT_GOAL := help

# The gateway runs on the newer Temurin JDK when the machine has it (virtual threads); 17 is the fallback floor.
TEMURIN := $(firstword $(wildcard /usr/lib/jvm/temurin-*-jdk-amd64))
export JAVA_HOME ?= $(if $(TEMURIN),$(TEMURIN),/usr/lib/jvm/java-17-openjdk-amd64)
export PATH := $(JAVA_HOME)/bin:$(PATH)

VENV := .venv
PY := $(VENV)/bin/python
MVN := mvn -B -ntp

.PHONY: help
help:
	@echo "make run    install everything, build the demo marts and serve the gateway on :8080"
	@echo "make test   run the whole test suite (installs and starts PostgreSQL if needed)"

$(VENV)/.installed: requirements.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q -r requirements.txt
	touch $@

.PHONY: venv
venv: $(VENV)/.installed

# --- tokens (security) ---
DEMO_SECRET := var/demo-secret

# A random HS256 secret for local runs: created once, kept out of git (var/ is ignored), readable by the owner only.
$(DEMO_SECRET):
	@mkdir -p $(@D)
	@umask 077 && python3 -c 'import secrets; print(secrets.token_urlsafe(48))' > $@

.PHONY: token
token: $(DEMO_SECRET) ## make token USER=<uuid> [SCOPE=analytics:refresh]: a 1-hour token from the configured secret
	@ANALYTICS_JWT_SECRET="$${ANALYTICS_JWT_SECRET:-$$(cat $(DEMO_SECRET))}" \
		python3 tools/mint_token.py --user "$(USER)" $(if $(SCOPE),--scope "$(SCOPE)")
