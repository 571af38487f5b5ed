#!/usr/bin/env bash
# Metrics overhead (docs/performance.md, "Metrics overhead"): gateway CPU per request with request metrics on and
# off, and optionally for a baseline jar (e.g. one built before metrics existed), in steps interleaved round by
# round. Closed loop: wrk -t1 -c4 POSTing one named GraphQL query for one user; CPU is utime + stime of each gateway
# process from /proc/<pid>/stat around a step. Needs wrk and the make bench-quick snapshot (or SNAPSHOTS=dir).
#   bench/metrics-overhead.sh [JAR [BASELINE_JAR]]      ROUNDS=3 STEP_SECONDS=15 WARMUP_SECONDS=20
set -euo pipefail
cd "$(dirname "$0")/.."

jar=${1:-target/analytics-gateway-0.1.0-SNAPSHOT.jar}
baseline=${2:-}
snapshots=$(realpath "${SNAPSHOTS:-build/bench/quick/snapshots}")
rounds=${ROUNDS:-3}
step=${STEP_SECONDS:-15}
warmup=${WARMUP_SECONDS:-20}
work=$(mktemp -d)

user=$(.venv/bin/python -c "
import duckdb, pathlib, sys
snapshots = pathlib.Path(sys.argv[1])
database = snapshots / (snapshots / 'CURRENT').read_text().strip() / 'analytics.duckdb'
print(duckdb.connect(str(database), read_only=True).execute(
    'select user_id from fct_transactions group by 1 order by count(*) desc limit 1').fetchone()[0])
" "$snapshots")
ANALYTICS_JWT_SECRET=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
export ANALYTICS_JWT_SECRET
TOKEN=$(.venv/bin/python tools/mint_token.py --user "$user" --ttl 7200)
export TOKEN
cat > "$work/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
wrk.body = '{"operationName":"DashboardSpending","query":"query DashboardSpending($start: Date!, $end: Date!) { spendingByTag(startDate: $start, endDate: $end) { tagId currency spendingAmount transactionCount } }","variables":{"start":"2026-01-01","end":"2026-03-31"}}'
LUA

declare -A pid port
names=()
start() { # name jar port [arguments]
  local name=$1 gateway_jar=$2
  port[$name]=$3
  shift 3
  java -Xmx512m -jar "$gateway_jar" --server.port="${port[$name]}" --analytics.snapshots-dir="$snapshots" \
    --analytics.keep-snapshots=100 --logging.level.root=WARN "$@" > "$work/$name.log" 2>&1 &
  pid[$name]=$!
  names+=("$name")
}
stop() {
  for name in "${names[@]}"; do kill "${pid[$name]}" 2>/dev/null || true; done
  wait
  rm -rf "$work"
}
trap stop EXIT

[ -n "$baseline" ] && start baseline "$baseline" 18181
start on "$jar" 18182
start off "$jar" 18183 --analytics.metrics.requests=false
for name in "${names[@]}"; do
  until curl -sf "localhost:${port[$name]}/actuator/health" > /dev/null; do sleep 1; done
done

ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# prints: requests cpu-ticks non-2xx
step() {
  local before after out
  before=$(ticks "${pid[$1]}")
  out=$(wrk -t1 -c4 -d"$2"s -s "$work/post.lua" "http://127.0.0.1:${port[$1]}/graphql")
  after=$(ticks "${pid[$1]}")
  echo "$(echo "$out" | awk '/requests in/ { print $1 }') $((after - before)) $(echo "$out" | awk '/Non-2xx/ { print $NF }' | grep . || echo 0)"
}

for name in "${names[@]}"; do step "$name" "$warmup" > /dev/null; done
tick_ms=$((1000 / $(getconf CLK_TCK)))
echo "| round | gateway | requests | non-2xx | CPU ms per request | load average |"
echo "|---|---|---:|---:|---:|---:|"
for round in $(seq "$rounds"); do
  for name in "${names[@]}"; do
    read -r requests ticks bad < <(step "$name" "$step")
    printf '| %s | %s | %s | %s | %.2f | %s |\n' "$round" "$name" "$requests" "$bad" \
      "$(echo "$ticks * $tick_ms / $requests" | bc -l)" "$(cut -d' ' -f1 /proc/loadavg)"
  done
done
echo
echo "request series in the scrape of 'off' (expected 0): $(curl -s "localhost:${port[off]}/actuator/prometheus" | grep -c '^analytics_requests' || true)"
