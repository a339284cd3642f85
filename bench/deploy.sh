#!/usr/bin/env bash
# Deploy overhead benchmark: fresh simulated deploys (mock API server, readiness controller, fake chart) with
# readiness delays of 0, 250 and 1000 ms; prints the median wall time and the tool's overhead beyond the delays.
# Usage: bench/deploy.sh
exec "$(dirname "$0")/test-main.sh" dev.signozha.bench.DeployBenchmark
