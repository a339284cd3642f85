#!/usr/bin/env bash
# doctor at scale: N nodes and 10 x N pods in the mock API server (default 1000), doctor run by the real jar in its
# own JVM (-Xmx512m); prints API requests, wall time and peak RSS. Usage: bench/doctor.sh [NODES]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/signoz-ha.jar ] || mvn -q package -DskipTests
exec bench/test-main.sh dev.signozha.bench.DoctorScaleBenchmark "$@"
