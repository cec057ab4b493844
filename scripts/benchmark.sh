#!/usr/bin/env bash
# Benchmarks the portal against the sandbox and writes docs/benchmarks.md (not part of ./test.sh).
#   scripts/benchmark.sh           full run: 7 provisions, 3 × 200 deployments in flight, dashboard at 10,000 rows
#                                  (about 30-40 minutes on 2 CPUs); writes docs/benchmarks.md
#   scripts/benchmark.sh --quick   smoke check: 3 provisions, 1 × 20 deployments, dashboard at 1,000 rows
#                                  (a few minutes); writes artifacts/benchmarks/<time>/benchmarks.md
# PostgreSQL: uses PRIVATEAPIEDGE_TEST_POSTGRES when set, else starts a throwaway server with
# scripts/test-postgres.sh when PostgreSQL is installed; without it the PostgreSQL figure is reported as missing.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=full
provisions=7
load_reps=3
deployments=200
rows=10000
dashboard_runs=30
out=docs/benchmarks.md
while [ $# -gt 0 ]; do
    case "$1" in
    --quick) mode=quick; provisions=3; load_reps=1; deployments=20; rows=1000; dashboard_runs=10; out= ;;
    --out) out="$2"; shift ;;
    *) echo "usage: $0 [--quick] [--out FILE]" >&2; exit 2 ;;
    esac
    shift
done

results="artifacts/benchmarks/$(date -u +%Y%m%dT%H%M%SZ)-$mode"
mkdir -p "$results"
[ -n "$out" ] || out="$results/benchmarks.md"

dotnet build tests/PrivateApiEdge.Benchmarks -c Release -nologo -v quiet
bench="dotnet artifacts/bin/PrivateApiEdge.Benchmarks/release/PrivateApiEdge.Benchmarks.dll"

if [ -z "${PRIVATEAPIEDGE_TEST_POSTGRES:-}" ] && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    eval "$(scripts/test-postgres.sh start)"
    trap 'scripts/test-postgres.sh stop "$PRIVATEAPIEDGE_TEST_POSTGRES_DIR"' EXIT
fi

date -u +"%Y-%m-%d %H:%M UTC" > "$results/started.txt"
cat /proc/loadavg > "$results/loadavg-start.txt"
$bench provision --runs "$provisions" --out "$results/provision.json"
for rep in $(seq 1 "$load_reps"); do
    # One process per repetition: fresh portal, databases and sandbox, and a clean peak-memory figure.
    $bench load --deployments "$deployments" --out "$results/load-$rep.json"
done
$bench dashboard --rows "$rows" --runs "$dashboard_runs" --out "$results/dashboard.json"
cat /proc/loadavg > "$results/loadavg-end.txt"
$bench report --results "$results" --mode "$mode" --out "$out"
