#!/usr/bin/env bash
# Every test: the Salesforce sidebar first (npm packages, jest, then the preview in headless Chromium; it
# installs Debian's chromium when missing, which the Maven build's report test also uses), then the Maven
# build (unit, property, integration and end-to-end tests of all modules).
set -euo pipefail
cd "$(dirname "$0")/.."
bash infra/salesforce/scripts/test.sh
mvn -B verify
