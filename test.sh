#!/usr/bin/env bash
# Installs what the test suites need when it is missing (Debian's Chromium for the browser tests, PostgreSQL for
# the scale-out runs), then builds and runs every test project: once on SQLite, and the integration suite once
# more on a throwaway PostgreSQL server. CI (.ci/run) calls exactly this script.
set -euo pipefail
cd "$(dirname "$0")"

apt_packages=()
[ -x /usr/bin/chromium ] || apt_packages+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || apt_packages+=(postgresql)
if [ ${#apt_packages[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "Installing ${apt_packages[*]} with apt-get..."
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${apt_packages[@]}" >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export TEST_ARTIFACTS_DIR="$PWD/test-artifacts"
mkdir -p "$TEST_ARTIFACTS_DIR"

eval "$(scripts/test-postgres.sh start)"
trap 'scripts/test-postgres.sh stop "$PRIVATEAPIEDGE_TEST_POSTGRES_DIR"' EXIT

dotnet tool restore >/dev/null
dotnet build PrivateApiEdge.sln -nologo -v quiet

log="$TEST_ARTIFACTS_DIR/test-output.log"
status=0
# Scale-out tests (Category=Postgres) need PostgreSQL whatever the switch says: they run in the second pass only.
echo "== every test project, portal on SQLite"
dotnet test PrivateApiEdge.sln --no-build -nologo --filter "Category!=Postgres" 2>&1 | tee "$log" || status=$?

# Tests whose portal host or engine database follows the switch run again on PostgreSQL (portal hosts, the engine
# against the sandbox, Hangfire on PostgreSQL storage), plus the scale-out tests. The sandbox, AWS client and
# browser tests never touch the portal database, so they run once.
echo "== integration suite, portal on PostgreSQL"
PRIVATEAPIEDGE_TEST_DATABASE=Postgres dotnet test tests/PrivateApiEdge.IntegrationTests --no-build -nologo \
    --filter "FullyQualifiedName!~.Sandbox.&FullyQualifiedName!~.EndToEnd.&FullyQualifiedName!~.AwsClients." 2>&1 | tee -a "$log" || status=$?

# One closing line for CI, summed over every run's VSTest summary.
awk '/(Passed|Failed)! +- +Failed:/ {
        gsub(",", ""); for (i = 1; i <= NF; i++) {
            if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit $status
