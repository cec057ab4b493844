#!/usr/bin/env bash
# Starts (or stops) a throwaway PostgreSQL server on loopback for the test suites; no Docker needed.
#   eval "$(scripts/test-postgres.sh start)"   # exports PRIVATEAPIEDGE_TEST_POSTGRES and PRIVATEAPIEDGE_TEST_POSTGRES_DIR
#   scripts/test-postgres.sh stop "$PRIVATEAPIEDGE_TEST_POSTGRES_DIR"
set -euo pipefail

bin_dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin_dir" ] || [ ! -x "$bin_dir/initdb" ]; then
    echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2
    exit 1
fi

# initdb refuses to run as root; use the postgres account Debian's package creates.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
start)
    dir=$(mktemp -d /tmp/privateapiedge-pg.XXXXXX)
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    # A free loopback port, found with bash alone: a minimal machine with only the .NET SDK has no python3.
    port=""
    for _ in $(seq 1 50); do
        candidate=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
    done
    [ -n "$port" ] || { echo "no free port for PostgreSQL" >&2; exit 1; }
    as_owner "$bin_dir/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 >/dev/null
    # Durability is pointless for a throwaway test server; turning it off makes the suite much faster.
    as_owner "$bin_dir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o \
        "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
        start >/dev/null
    echo "export PRIVATEAPIEDGE_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres'"
    echo "export PRIVATEAPIEDGE_TEST_POSTGRES_DIR='$dir'"
    ;;
stop)
    dir="${2:?usage: $0 stop DIR}"
    as_owner "$bin_dir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
*)
    echo "usage: $0 start | stop DIR" >&2
    exit 2
    ;;
esac
