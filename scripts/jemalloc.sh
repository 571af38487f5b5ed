#!/usr/bin/env bash
# Runs a command with jemalloc as the process's malloc, for the gateway's JVM: DuckDB's planner allocates through the C
# library's malloc on every statement, and with glibc's that cost a tenth or more of a statement (docs/operations.md,
# "Memory allocator").
#
#   scripts/jemalloc.sh install      install Debian's libjemalloc2 when it is missing (apt, as root; a failure only warns)
#   scripts/jemalloc.sh <command...> run the command with LD_PRELOAD set to jemalloc when it is installed, as is otherwise
set -euo pipefail

library() { /sbin/ldconfig -p 2>/dev/null | awk '$1 == "libjemalloc.so.2" { print $NF; exit }'; }

if [[ ${1:-} == install ]]; then
  # Not fatal: without it the gateway still runs, on the C library's malloc (and says so when started).
  [[ -n $(library) ]] || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q libjemalloc2; } ||
    echo "jemalloc.sh: could not install libjemalloc2 (apt, as root); the gateway will use the C library's malloc" >&2
  exit 0
fi
lib=$(library)
if [[ -n $lib ]]; then
  export LD_PRELOAD="$lib${LD_PRELOAD:+:$LD_PRELOAD}"
else
  echo "jemalloc.sh: libjemalloc2 is not installed (scripts/jemalloc.sh install); running with the C library's malloc" >&2
fi
exec "$@"
