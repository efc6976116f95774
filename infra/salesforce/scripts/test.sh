#!/usr/bin/env bash
# Every test of the Salesforce project, from a fresh clone, from any directory:
#   1. npm ci (the lock file; legacy peer deps as set in .npmrc)
#   2. jest: the accountHealth LWC, its view model, LDS error handling and the metadata contract
#   3. headless Chromium (Debian package "chromium"; installed here when missing and running as root)
#   4. the preview build of the same component, rendered and checked in Chromium, with screenshots
set -euo pipefail

project_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$project_dir"
started=$SECONDS

step() {
    printf '\n== %s (%ss)\n' "$1" "$((SECONDS - started))"
}

step "npm ci"
npm ci --legacy-peer-deps --no-audit --no-fund

step "jest"
npx --no-install sfdx-lwc-jest -- --ci

step "chromium"
find_chromium() {
    local candidate
    for candidate in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
        if [ -n "$candidate" ] && [ -x "$candidate" ]; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}
if ! chromium_path="$(find_chromium)"; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "chromium is missing: installing the Debian package"
        apt-get update
        DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium
    fi
    if ! chromium_path="$(find_chromium)"; then
        echo "ERROR: headless Chromium is required for the browser test and could not be found or installed." >&2
        echo "       Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH." >&2
        exit 1
    fi
fi
export CHROMIUM_PATH="$chromium_path"
echo "using $CHROMIUM_PATH"

step "browser test"
node preview/browser-test.mjs

step "done"
