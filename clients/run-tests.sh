#!/usr/bin/env bash
# The client-side checks of issue #13 against a real gateway: starts the jar on a free port over the test snapshot,
# mints a token, runs the GraphiQL browser test, the Apollo/urql client tests, graphql-codegen + tsc and the
# GraphQL-over-HTTP audit, each reported on its own; stops the gateway on exit; exits non-zero if any failed.
#
# Environment (all optional): JAVA_HOME (Java 21+; `make test-clients` sets it), GATEWAY_JAR, SNAPSHOTS_DIR,
# PYTHON (one with duckdb, for the first user), CHROMIUM (default /usr/bin/chromium), GRAPHIQL_STATIC_DIR (serve a
# GraphiQL bundle from this folder instead of the one in the jar; its graphiql/ subfolder is what `make graphiql`
# writes), GRAPHIQL_PATH (default /graphiql).
set -euo pipefail

clients=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$clients")
jar=${GATEWAY_JAR:-$root/target/analytics-gateway-0.1.0-SNAPSHOT.jar}
snapshots=${SNAPSHOTS_DIR:-$root/build/test/snapshots}
python=${PYTHON:-$root/.venv/bin/python}
export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

# Absolute paths: each step runs inside clients/. realpath -s keeps a venv's python symlink as it is.
jar=$(realpath -s "$jar"); snapshots=$(realpath -s "$snapshots"); python=$(realpath -s "$python")

for needed in "$jar" "$snapshots/CURRENT" "$python" "$CHROMIUM"; do
  [[ -e $needed ]] || { echo "run-tests: missing $needed" >&2; exit 2; }
done
[[ -d $clients/node_modules ]] || (cd "$clients" && npm ci --no-audit --no-fund)

free_port() { "$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port=$(free_port)
page_port=$(free_port)
work=$(mktemp -d)
# A fresh secret per run: tokens minted here are worthless anywhere else.
secret=$("$python" -c 'import secrets; print(secrets.token_urlsafe(48))')

extra=()
if [[ -n ${GRAPHIQL_STATIC_DIR:-} ]]; then
  extra+=("--spring.web.resources.static-locations=file:${GRAPHIQL_STATIC_DIR%/}/,classpath:/static/")
fi

gateway=
stop() {
  if [[ -n $gateway ]]; then kill "$gateway" 2>/dev/null || true; wait "$gateway" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap stop EXIT

# The per-user limit is off here: the GraphQL-over-HTTP audit sends its 61 requests at once with one user's token,
# which the limit answers with 429s that say nothing about the protocol (the limit is tested by UserFairnessTest and
# UserConcurrencyFilterTest). With the 16 platform request threads, a request waiting for its async dispatch still
# counts as in progress, so such a burst meets the limit more often than on virtual threads.
ANALYTICS_SNAPSHOTS_DIR=$snapshots ANALYTICS_JWT_SECRET=$secret \
  ANALYTICS_CORS_ALLOWED_ORIGINS="http://127.0.0.1:$page_port" \
  "${JAVA_HOME:+$JAVA_HOME/bin/}java" -jar "$jar" --server.address=127.0.0.1 --server.port="$port" \
  --analytics.limits.max-concurrent-requests-per-user=0 "${extra[@]}" > "$work/gateway.log" 2>&1 &
gateway=$!

base="http://127.0.0.1:$port"
for _ in $(seq 1 120); do
  if curl -fs "$base/actuator/health" > /dev/null 2>&1; then break; fi
  if ! kill -0 "$gateway" 2>/dev/null; then
    echo "run-tests: the gateway exited during start-up:" >&2; tail -30 "$work/gateway.log" >&2; exit 1
  fi
  sleep 0.5
done
curl -fs "$base/actuator/health" > /dev/null || { echo "run-tests: gateway not healthy after 60 s" >&2; tail -30 "$work/gateway.log" >&2; exit 1; }

export GATEWAY_URL=$base PAGE_PORT=$page_port GRAPHIQL_PATH=${GRAPHIQL_PATH:-/graphiql}
export TOKEN=$(ANALYTICS_JWT_SECRET=$secret "$python" "$root/tools/mint_token.py" --first-user-in "$snapshots")
export SNAPSHOT_DB="$snapshots/$(cat "$snapshots/CURRENT")/analytics.duckdb" PYTHON=$python

failed=()
step() {
  local name=$1; shift
  echo "=== $name"
  if (cd "$clients" && "$@"); then echo "=== $name: ok"; else echo "=== $name: FAILED"; failed+=("$name"); fi
}
step graphiql node test/graphiql.browser.mjs
step clients node --test --test-reporter=spec test/clients.test.mjs
step codegen npm run --silent codegen-check
step summary node --test --test-reporter=spec test/summary.test.mjs
step audit node test/audit.mjs

if ((${#failed[@]})); then
  echo "run-tests: failed: ${failed[*]} (gateway log: last lines below)" >&2
  tail -20 "$work/gateway.log" >&2
  exit 1
fi
echo "run-tests: all client checks passed"
