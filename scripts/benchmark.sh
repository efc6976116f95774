#!/usr/bin/env bash
# Benchmarks that print figures: JMH scoring throughput (one thread = one core), and the local run on
# a generated book in a JVM capped at 1 GiB of heap. Usage: scripts/benchmark.sh [accounts]
set -euo pipefail
cd "$(dirname "$0")/.."
accounts="${1:-100000}"
mvn -B -q -DskipTests install -pl functions/benchmarks -am
java -jar functions/benchmarks/target/benchmarks.jar ScoringBenchmark -rf json -rff target-scoring-benchmark.json
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -Xmx1g -cp functions/benchmarks/target/benchmarks.jar io.healthscore.benchmarks.LocalRunHarness "$accounts" "$work"
