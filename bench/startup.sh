#!/usr/bin/env bash
# Start-up benchmark: wall time of `signoz-ha --version` and of an offline plan of the bundled
# production example, median of N runs (default 10), through bin/signoz-ha as a user runs it.
# Usage: bench/startup.sh [RUNS]      (needs target/signoz-ha.jar: mvn -q package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"

median_ms() {
  local samples=() start end
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    samples+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${samples[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "median %d ms (min %d, max %d, %d runs)", m, a[1], a[NR], NR}'
}

echo "signoz-ha --version:                     $(median_ms bin/signoz-ha --version)"
echo "signoz-ha plan --offline (production):   $(median_ms bin/signoz-ha plan --offline -f examples/production-2x2.yaml)"
echo "target: offline plan under 500 ms on the 2-core machine"
