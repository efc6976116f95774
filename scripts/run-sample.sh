#!/usr/bin/env bash
# Builds the local runner and scores the deterministic sample book: no cloud account needed.
# Extra arguments go to `healthscore run` (e.g. --accounts 5000, --input DIR, --model FILE).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests install -pl functions/cli -am
java -jar functions/cli/target/healthscore-cli.jar run --out out "$@"
