#!/usr/bin/env bash
# Fuzzes the REST API from its own OpenAPI document with schemathesis: starts the built gateway on a free port over the
# test snapshot, mints a token for the owner of its first account, runs a bounded number of examples, stops the gateway.
# Every check runs except positive_data_acceptance: a schema cannot say that end_date must not precede start_date or
# that a dataset accepts only the filters its meta.filters declares, and both are refused with 400 on purpose.
# Usage: scripts/fuzz-rest.sh GATEWAY_JAR SNAPSHOTS_DIR [MAX_EXAMPLES]
set -euo pipefail

jar=$1
snapshots=$2
examples=${3:-50}
venv=$(cd "${VENV:-.venv}" && pwd)
secret=$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
log=$(mktemp -t fuzz-rest-gateway.XXXXXX.log)

ANALYTICS_SNAPSHOTS_DIR=$snapshots ANALYTICS_JWT_SECRET=$secret \
  java -jar "$jar" --server.port="$port" >"$log" 2>&1 &
gateway=$!
trap 'kill "$gateway" 2>/dev/null || true; wait "$gateway" 2>/dev/null || true' EXIT

for _ in $(seq 1 120); do
  if curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null; then break; fi
  if ! kill -0 "$gateway" 2>/dev/null; then cat "$log" >&2; echo "the gateway did not start" >&2; exit 1; fi
  sleep 1
done

token=$(ANALYTICS_JWT_SECRET=$secret "$venv/bin/python" tools/mint_token.py --first-user-in "$snapshots")
# schemathesis keeps a cache in its working directory: a throwaway one keeps the repo clean.
cd "$(mktemp -d -t fuzz-rest.XXXXXX)"
echo "fuzzing http://127.0.0.1:$port/v3/api-docs with $examples examples per operation (gateway log: $log)"
"$venv/bin/schemathesis" run "http://127.0.0.1:$port/v3/api-docs" \
  --header "Authorization: Bearer $token" \
  --checks all --exclude-checks positive_data_acceptance \
  --max-examples "$examples" --seed 42 --workers 2 --no-color \
  --generation-database none
