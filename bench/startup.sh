#!/usr/bin/env bash
# Start-up benchmark: wall time of `signoz-ha --version` and of an offline plan of the bundled
# production example, median of N runs (default 10), through bin/signoz-ha as a user runs it; when a helm
# binary is at hand (on the PATH, or where .ci/helm/install.sh puts it), `helm template` of a small local chart
# the same way, for comparison.
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

median_value() { sed -E 's/^median ([0-9]+) ms.*/\1/'; }

version=$(median_ms bin/signoz-ha --version)
plan=$(median_ms bin/signoz-ha plan --offline -f examples/production-2x2.yaml)
echo "signoz-ha --version:                     $version"
echo "signoz-ha plan --offline (production):   $plan"
helm_binary=$(command -v helm || true)
[ -z "$helm_binary" ] && [ -x target/tools/helm/helm ] && helm_binary=target/tools/helm/helm
if [ -n "$helm_binary" ]; then
  template=$(median_ms "$helm_binary" template tiny src/test/resources/charts/tiny)
  echo "helm template (tiny local chart):         $template"
  awk -v p="$(echo "$plan" | median_value)" -v h="$(echo "$template" | median_value)" \
    'BEGIN { printf "offline plan / helm template:            %.2fx\n", p / h }'
else
  echo "helm template: no helm binary on the PATH or in target/tools/helm (run .ci/helm/install.sh)"
fi
echo "target: offline plan under 300 ms on the 2-core machine"
