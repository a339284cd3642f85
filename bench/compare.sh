#!/usr/bin/env bash
# Start-up of two builds, run alternately so that both meet the same load on a shared host: the median wall
# time of bin/signoz-ha in another checkout (built with mvn -q package -DskipTests) and in this one.
# Usage: bench/compare.sh OTHER_CHECKOUT RUNS SIGNOZ_HA_ARGS...
#   e.g. git worktree add /tmp/before HEAD~3 && (cd /tmp/before && mvn -q package -DskipTests)
#        bench/compare.sh /tmp/before 15 plan --offline -f examples/production-2x2.yaml
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 3 ]; then
  sed -n 4,6p "$0" >&2
  exit 2
fi
other="$1" runs="$2"
shift 2
# A build that fails would be timed as if it worked: each must run the command once first.
"$other/bin/signoz-ha" "$@" >/dev/null 2>&1 || { echo "$other/bin/signoz-ha $* fails" >&2; exit 1; }
bin/signoz-ha "$@" >/dev/null 2>&1 || { echo "bin/signoz-ha $* fails" >&2; exit 1; }
before=() after=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N); "$other/bin/signoz-ha" "$@" >/dev/null 2>&1
  middle=$(date +%s%N); bin/signoz-ha "$@" >/dev/null 2>&1
  end=$(date +%s%N)
  before+=($(( (middle - start) / 1000000 ))); after+=($(( (end - middle) / 1000000 )))
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "$other: median $(median "${before[@]}") ms; this checkout: median $(median "${after[@]}") ms ($runs runs each: $*)"
