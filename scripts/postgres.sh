#!/usr/bin/env bash
# Makes a local PostgreSQL ready for the project, idempotently: installs it from Debian's packages
# when missing, creates and starts the cluster, and creates the project's role and database.
# PostgreSQL refuses to run as root, so the cluster is driven through Debian's pg_ctlcluster and
# SQL runs as the postgres system user.
set -euo pipefail

PG_ROLE=${PG_ROLE:-analytics}
PG_PASSWORD=${PG_PASSWORD:-analytics}
PG_DATABASE=${PG_DATABASE:-analytics}
PG_PORT=${PG_PORT:-5432}

say() { echo "postgres.sh: $*"; }
fail() { echo "postgres.sh: $*" >&2; exit 1; }

# The newest version whose server binary is present (a client-only install has the directory but no server).
installed_version() {
    for dir in $(ls -d /usr/lib/postgresql/*/ 2>/dev/null | sort -V -r); do
        [ -x "${dir}bin/postgres" ] && { basename "$dir"; return 0; }
    done
    return 0
}

if [ -z "$(installed_version)" ] || ! command -v pg_ctlcluster >/dev/null; then
    [ "$(id -u)" -eq 0 ] || fail "PostgreSQL is not installed; run 'apt-get install postgresql' as root, or this script as root"
    say "installing PostgreSQL from Debian packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null || fail "apt-get update failed; cannot install PostgreSQL"
    apt-get install -y -q postgresql >/dev/null || fail "apt-get install postgresql failed"
fi
version=$(installed_version)
[ -n "$version" ] || fail "no PostgreSQL server found under /usr/lib/postgresql after installing"

if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { found = 1 } END { exit !found }'; then
    say "creating cluster $version/main on port $PG_PORT"
    pg_createcluster --port "$PG_PORT" "$version" main >/dev/null
fi
port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { print $3 }')
[ "$port" = "$PG_PORT" ] || fail "cluster $version/main listens on port $port, not $PG_PORT; set PG_PORT=$port and PG_DSN accordingly"

if ! pg_ctlcluster "$version" main status >/dev/null 2>&1; then
    say "starting cluster $version/main"
    pg_ctlcluster "$version" main start || fail "could not start PostgreSQL $version/main; see /var/log/postgresql/postgresql-$version-main.log"
fi
for _ in $(seq 1 30); do
    pg_isready -q -h localhost -p "$PG_PORT" && break
    sleep 1
done
pg_isready -q -h localhost -p "$PG_PORT" || fail "PostgreSQL on localhost:$PG_PORT did not become ready within 30 s"

as_postgres() { (cd / && runuser -u postgres -- "$@"); }
as_postgres psql -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres \
    -v role="$PG_ROLE" -v password="$PG_PASSWORD" -v database="$PG_DATABASE" >/dev/null <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'role', :'password')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', :'role', :'password') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'database', :'role')
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'database') \gexec
SQL
say "ready: host=localhost port=$PG_PORT dbname=$PG_DATABASE user=$PG_ROLE"
