#!/usr/bin/env bash
# Start-up benchmark: wall time of an offline plan of the bundled production example through bin/signoz-ha, as a
# user runs it, on Java 17 (with the class-data-sharing archive) and on Java 25 (with the AOT cache), against
# `helm template` of bench/yardstick-chart (a synthetic chart of the SigNoz chart's size). The three run in turn,
# round after round, so that a busy period of the host weighs on all of them alike; median of N rounds (default 10).
# Usage: bench/startup.sh [ROUNDS]
#   needs target/signoz-ha.jar (mvn -q package -DskipTests; the AOT cache is built when a JDK 25 is found) and
#   helm (on the PATH or where .ci/helm/install.sh puts it). JDK17_HOME and JDK25_HOME choose the JDKs; by default
#   the first of each feature release under /usr/lib/jvm.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-10}"
example=examples/production-2x2.yaml

feature_release() { sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null | grep . || echo 0; }
jdk_of() { # the first JDK under /usr/lib/jvm whose feature release is within [$1, $2]
  for home in /usr/lib/jvm/*; do
    release=$(feature_release "$home")
    if [ -x "$home/bin/java" ] && [ "$release" -ge "$1" ] && [ "$release" -le "$2" ]; then echo "$home"; return; fi
  done
}
jdk17="${JDK17_HOME:-$(jdk_of 17 24)}"
jdk25="${JDK25_HOME:-$(jdk_of 25 999)}"
helm_binary=$(command -v helm || true)
[ -z "$helm_binary" ] && [ -x target/tools/helm/helm ] && helm_binary=target/tools/helm/helm
[ -n "$jdk17" ] || echo "note: no JDK 17 to 24 under /usr/lib/jvm (JDK17_HOME names one): not measured" >&2
[ -n "$jdk25" ] || echo "note: no JDK 25 or newer under /usr/lib/jvm (JDK25_HOME names one): not measured" >&2
[ -n "$helm_binary" ] || echo "note: no helm on the PATH or in target/tools/helm (.ci/helm/install.sh): not measured" >&2
[ -z "$jdk25" ] || [ -f target/signoz-ha.aot ] || echo "note: no target/signoz-ha.aot: Java 25 runs without it" >&2

milliseconds() { # runs the command once, output discarded, and prints its wall time in ms
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}
summary() { # median, min and max of the samples given as arguments
  printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2;
    printf "%d %d %d", m, a[1], a[NR]}'
}

plan17=() plan25=() helm=()
# One unmeasured run of each first, so that all three start with their files in the page cache.
[ -z "$jdk17" ] || JAVA_HOME="$jdk17" bin/signoz-ha plan --offline -f "$example" >/dev/null
[ -z "$jdk25" ] || JAVA_HOME="$jdk25" bin/signoz-ha plan --offline -f "$example" >/dev/null
[ -z "$helm_binary" ] || "$helm_binary" template yardstick bench/yardstick-chart >/dev/null
for _ in $(seq "$rounds"); do
  [ -z "$jdk17" ] || plan17+=("$(JAVA_HOME="$jdk17" milliseconds bin/signoz-ha plan --offline -f "$example")")
  [ -z "$jdk25" ] || plan25+=("$(JAVA_HOME="$jdk25" milliseconds bin/signoz-ha plan --offline -f "$example")")
  [ -z "$helm_binary" ] || helm+=("$(milliseconds "$helm_binary" template yardstick bench/yardstick-chart)")
done

h=0
[ -z "$helm_binary" ] || read -r h _ _ <<<"$(summary "${helm[@]}")"
report() { # label, then the samples
  local label=$1 m min max
  shift
  read -r m min max <<<"$(summary "$@")"
  awk -v l="$label" -v m="$m" -v min="$min" -v max="$max" -v h="$h" \
    'BEGIN { printf "%-58s median %4d ms (min %d, max %d)", l, m, min, max; if (h) printf "  %.2fx helm", m / h; print "" }'
}
version() { "$1/bin/java" -version 2>&1 | head -1 | cut -d'"' -f2; }
echo "$rounds alternating rounds, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
[ -z "$jdk17" ] || report "signoz-ha plan --offline, Java $(version "$jdk17") (CDS archive)" "${plan17[@]}"
[ -z "$jdk25" ] || report "signoz-ha plan --offline, Java $(version "$jdk25") (AOT cache)" "${plan25[@]}"
[ -z "$helm_binary" ] || report "helm template bench/yardstick-chart ($("$helm_binary" version --short))" "${helm[@]}"
echo "target: offline plan on Java 25 at most 2x the helm template median"
