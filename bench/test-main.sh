#!/usr/bin/env bash
# Runs the main() of a benchmark class from the test sources on the test classpath.
# Usage: bench/test-main.sh dev.signozha.bench.SomeBenchmark
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q test-compile
mvn -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
echo  # Maven leaves its terminal codes on an unterminated line
java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" "$@"
