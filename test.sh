#!/usr/bin/env bash
# Installs what the test suites need when it is missing (Debian's Chromium for the browser tests), then builds
# and runs every test project. CI (.ci/run) calls exactly this script.
set -euo pipefail
cd "$(dirname "$0")"

apt_packages=()
[ -x /usr/bin/chromium ] || apt_packages+=(chromium)
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

dotnet tool restore >/dev/null
dotnet build PrivateApiEdge.sln -nologo -v quiet

log="$TEST_ARTIFACTS_DIR/test-output.log"
status=0
dotnet test PrivateApiEdge.sln --no-build -nologo 2>&1 | tee "$log" || status=$?

# One closing line for CI, summed over the test projects' VSTest summaries.
awk '/(Passed|Failed)! +- +Failed:/ {
        gsub(",", ""); for (i = 1; i <= NF; i++) {
            if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit $status
