#!/usr/bin/env bash
# One unattended benchmark run: generate the data, build the marts with the real dbt project, package the gateway,
# then let the Java driver (bench/src) start the gateway and measure it against raw DuckDB.
#   bench/run.sh full    about 10 million transactions; writes the results into docs/performance.md
#   bench/run.sh quick   about 240,000 transactions, short steps; writes build/bench/quick/results.md only
#   bench/run.sh fairness  the quick data; one user's flood against another's dashboard, per-user limit off and on
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-quick}
PY=.venv/bin/python
BUILD_DIR=target-bench
MVN=${MVN:-mvn -B -ntp}
case "$mode" in
  full)
    data_flags=(--seed 11 --users 10000 --months 24 --transactions-per-month 42)
    driver_flags=(--seconds "${BENCH_SECONDS:-5}" --warmup 30 --concurrencies 1,8,32,64 --doc docs/performance.md) ;;
  quick|fairness)
    data_flags=(--seed 11 --users 1000 --months 24 --transactions-per-month 10)
    driver_flags=(--seconds "${BENCH_SECONDS:-2}" --warmup 10 --warmup-max 40 --concurrencies 1,32) ;;
  *) echo "usage: bench/run.sh full|quick|fairness" >&2; exit 2 ;;
esac
work=build/bench/${mode/fairness/quick}
# What a deployment would pass: a heap sized for the gateway, not a quarter of the machine.
GATEWAY_JAVA_OPTS=${GATEWAY_JAVA_OPTS:--Xmx512m}

seconds_since() { echo $(( $(date +%s) - $1 )); }

# The data of a size is generated and built once; a run with the same flags reuses it (rm -rf build/bench to redo).
mkdir -p "$work"
stamp="$work/data.flags"
# A snapshot from before the publisher recorded checksums is refused by the gateway: build anew.
checksummed() { grep -q '"sha256"' "$work/snapshots/$(cat "$work/snapshots/CURRENT")/snapshot.json" 2>/dev/null; }
# A snapshot of another dbt project (older marts, no semantic layer) does not answer today's queries: its marts are
# rebuilt from the same source, fully (the publisher's own test of "same project" is its build digest).
current_project() {
  $PY - "$work/snapshots" <<'PY'
import json, sys
from pathlib import Path
from analytics_orchestration.snapshot import DBT_PROJECT_DIR, current_snapshot, project_digest
current = current_snapshot(Path(sys.argv[1]))
built = json.loads((current / "snapshot.json").read_text()).get("build", {}) if current else {}
sys.exit(0 if built.get("project_digest") == project_digest(DBT_PROJECT_DIR) else 1)
PY
}
if [[ ! -f "$work/snapshots/CURRENT" || "$(cat "$stamp" 2>/dev/null)" != "${data_flags[*]}" ]] || ! checksummed \
    || ! current_project; then
  rm -rf "$work/snapshots" "$work/timings"
  generated="source reused"
  if [[ "$(cat "$stamp" 2>/dev/null)" != "${data_flags[*]}" || ! -f "$work/source.duckdb" ]]; then
    rm -f "$work/source.duckdb" "$stamp"
    started=$(date +%s)
    $PY -m datagen "${data_flags[@]}" --duckdb "$work/source.duckdb"
    generated="data generation $(seconds_since "$started") s"
  fi
  started=$(date +%s)
  $PY -m analytics_orchestration.snapshot build --target local --snapshots-dir "$work/snapshots" \
      --source-file "$work/source.duckdb"
  dbt_seconds=$(seconds_since "$started")
  echo "${generated^}, dbt build and publish ${dbt_seconds} s (measured $(date -u +%FT%TZ))" \
      > "$work/timings"
  echo "${data_flags[*]}" > "$stamp"
fi

$MVN -q -Dbuild.dir="$BUILD_DIR" -Dmaven.test.skip=true package
$MVN -q -Dbuild.dir="$BUILD_DIR" dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$BUILD_DIR/classpath.txt"
classpath="$BUILD_DIR/classes:$(cat "$BUILD_DIR/classpath.txt")"
rm -rf "$BUILD_DIR/bench-classes"
javac -d "$BUILD_DIR/bench-classes" -cp "$classpath" $(find bench/src -name '*.java')

if [[ $mode == fairness ]]; then
  exec scripts/jemalloc.sh java -cp "$BUILD_DIR/bench-classes:$classpath" com.finance.analytics.bench.Fairness \
      --snapshots "$work/snapshots" --jar "$BUILD_DIR/analytics-gateway-0.1.0-SNAPSHOT.jar" \
      --out "$work/fairness.md" --java-opts "$GATEWAY_JAVA_OPTS" --seconds "${BENCH_SECONDS:-10}"
fi

# With jemalloc as the gateway runs (make run): the gateway inherits it, and so does the raw DuckDB baseline in the
# driver, so that gateway ÷ raw stays like-for-like.
scripts/jemalloc.sh java -cp "$BUILD_DIR/bench-classes:$classpath" com.finance.analytics.bench.Bench \
    --snapshots "$work/snapshots" --jar "$BUILD_DIR/analytics-gateway-0.1.0-SNAPSHOT.jar" \
    --out "$work/results.md" --java-opts "$GATEWAY_JAVA_OPTS" \
    --facts "Data flags: \`${data_flags[*]}\`; $(cat "$work/timings")" "${driver_flags[@]}"
