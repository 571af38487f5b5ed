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
