#!/usr/bin/env bash
# Scheduler scaling benchmark: places 100 pods onto synthetic clusters of 100 to 5,000 nodes (ten
# existing pods per node) and prints the median time per size and its ratio to 100 nodes.
# Usage: bench/scheduler.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q test-compile
mvn -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
echo  # Maven leaves its terminal codes on an unterminated line
java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" dev.signozha.bench.SchedulerBenchmark
