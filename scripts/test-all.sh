#!/usr/bin/env bash
# Every test: the Maven build (unit, property, integration and end-to-end tests of all modules) and the
# Salesforce sidebar (jest, then the preview in headless Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B verify
bash infra/salesforce/scripts/test.sh
