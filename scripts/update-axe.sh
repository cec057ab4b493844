#!/usr/bin/env bash
# Copies axe-core (the accessibility rules engine) from the npm package pinned in scripts/axe/package-lock.json into
# the integration test project, which injects it into every page the browser tests check. The files are committed,
# so neither the build nor the tests need npm or the network; run this only to change the pinned version.
set -euo pipefail
cd "$(dirname "$0")/axe"
npm ci --ignore-scripts --no-audit --no-fund >/dev/null

out=../../tests/PrivateApiEdge.IntegrationTests/EndToEnd/Accessibility/axe
rm -rf "$out" && mkdir -p "$out"
cp node_modules/axe-core/axe.min.js "$out/"
cp node_modules/axe-core/LICENSE "$out/LICENSE-axe-core.txt"
version=$(node -p "require('./node_modules/axe-core/package.json').version")
echo "axe-core $version (MPL-2.0, see LICENSE-axe-core.txt), copied by scripts/update-axe.sh." > "$out/README.txt"
echo "Copied axe-core $version to $out"
