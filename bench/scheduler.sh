#!/usr/bin/env bash
# Scheduler scaling benchmark: places 100 pods onto synthetic clusters of 100 to 5,000 nodes (ten
# existing pods per node) and prints the median time per size and its ratio to 100 nodes.
# Usage: bench/scheduler.sh
exec "$(dirname "$0")/test-main.sh" dev.signozha.bench.SchedulerBenchmark
