#!/usr/bin/env bash
# doctor at scale: N nodes and 10 x N pods in the mock API server (default 1000), doctor run by the real jar in its
# own JVM (bin/signoz-ha, -Xmx512m); prints API requests, wall time and peak RSS. Usage: bench/doctor.sh [NODES]
set -euo pipefail
cd "$(dirname "$0")/.."
# The jar (and its archive) must be the sources' own: a stale one would be measured without a word.
if [ ! -f target/signoz-ha.jar ] || [ -n "$(find cli templates runbooks pom.xml -newer target/signoz-ha.jar -print -quit)" ]; then
  mvn -q package -DskipTests
fi
exec bench/test-main.sh dev.signozha.bench.DoctorScaleBenchmark "$@"
