#!/usr/bin/env bash
# The full side-by-side with the PostGraphile peer (issue 15; docs/performance.md, tenth and eleventh rounds): the
# gateway of PROJECT_DIR packaged and started as `make run` starts it (scripts/jemalloc.sh, -Xmx512m, metrics on, the
# per-user limit off for the Zipf-drawn session users), the peer as the harness's setup.sh starts it; crosscheck, the
# cold mix at 1, 8 and 32 clients, then the session mix at 1 and 32, and each server's peak memory.
#
#   HARNESS=<copy of ../shared/peer with this folder's files, README.md> PEER_DIR=<its state> \
#   PROJECT_DIR=<a clean clone> SNAPSHOTS=<build/bench/full/snapshots> OUT=<results dir> bash bench/peer/side-by-side.sh
#
# PEER_DIR must hold the harness's installed cluster, loaded marts, users_tokens.tsv, users_tags.tsv and jwt-secret
# (setup.sh install cluster load users). Takes about 31 minutes.
set -uo pipefail
: "${HARNESS:?} ${PEER_DIR:?} ${PROJECT_DIR:?} ${SNAPSHOTS:?} ${OUT:?}"
export PEER_DIR PROJECT_DIR SNAPSHOTS
export JAVA_HOME=${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-*-jdk-amd64 | head -1)}
export PATH=$JAVA_HOME/bin:$PATH
mkdir -p "$OUT/session" "$OUT/cold"
cd "$HARNESS"
bash setup.sh stop || true
(cd "$PROJECT_DIR" && git log -1 --oneline && mvn -B -ntp -o -q package -DskipTests -Dbuild.dir=target-bench) || exit 1
# The gateway first, as setup.sh would start it but through scripts/jemalloc.sh; setup.sh then starts only the peer.
(ANALYTICS_SNAPSHOTS_DIR="$SNAPSHOTS" ANALYTICS_JWT_SECRET=$(cat "$PEER_DIR/jwt-secret") \
  setsid "$PROJECT_DIR/scripts/jemalloc.sh" java -Xmx512m -Danalytics.limits.max-concurrent-requests-per-user=0 \
  -jar "$PROJECT_DIR"/target-bench/analytics-gateway-*.jar --server.port=18080 --server.address=127.0.0.1 \
  > "$PEER_DIR/gateway.log" 2>&1 < /dev/null & echo $! > "$PEER_DIR/gateway.pid")
bash setup.sh start || exit 1
echo "== uptime $(uptime)"
python3 crosscheck.py 20 > "$OUT/crosscheck.txt" 2>&1; echo "crosscheck rc=$?"; tail -1 "$OUT/crosscheck.txt"
python3 run_bench.py --concurrencies 1,8,32 --warmup 20 --max-wait 60 --out "$OUT/cold/results.tsv" > "$OUT/cold.out" 2>&1
echo "cold done $(date) $(uptime)"
WRK_SCRIPT=session.lua python3 run_bench.py --queries session --concurrencies 1,32 --warmup 60 --max-wait 60 \
  --out "$OUT/session/results.tsv" > "$OUT/session.out" 2>&1
echo "session done $(date) $(uptime)"
for f in gateway pgl; do grep -h "VmHWM" "/proc/$(cat "$PEER_DIR/$f.pid")/status" 2>/dev/null | sed "s/^/$f /"; done
curl -s http://127.0.0.1:18080/actuator/prometheus \
  | grep -E '^cache_(gets_total|size)|^analytics_requests_seconds_count' > "$OUT/prometheus.txt"
python3 report.py "$OUT/cold/results.tsv" > "$OUT/cold.md" 2>&1
python3 report.py "$OUT/session/results.tsv" > "$OUT/session.md" 2>&1
bash setup.sh stop > /dev/null 2>&1
echo "all done $(date)"
