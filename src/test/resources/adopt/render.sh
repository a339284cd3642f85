#!/bin/sh
# Regenerates */live.yaml and */computed-values.yaml from the real SigNoz chart (see README.md here).
# Usage: render.sh CHARTS_GITDIR   (a clone of github.com/SigNoz/charts; nothing is fetched from the network)
# helm: $HELM, else target/tools/helm/helm (v3.18.0, installed by .ci/helm/install.sh).
set -e
gitdir=$1
here=$(cd "$(dirname "$0")" && pwd)
helm=${HELM:-$here/../../../../target/tools/helm/helm}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The chart at TAG with its subcharts where `helm dependency build` would put them. redpanda (a remote
# dependency, off unless redpanda.enabled is set, which neither values file does) is dropped from Chart.yaml.
chart() {
  git -C "$gitdir" archive "$1" charts | tar -x -C "$work" --one-top-level="$1"
  charts=$work/$1/charts
  mkdir -p "$charts/signoz/charts" "$charts/clickhouse/charts"
  cp -r "$charts/zookeeper" "$charts/clickhouse/charts/"
  cp -r "$charts/clickhouse" "$charts/signoz-otel-gateway" "$charts/postgresql" "$charts/signoz/charts/"
  sed -i '/- name: redpanda/,/version: 5.10.2/d' "$charts/signoz/Chart.yaml"
}

# `helm -n NS get values signoz --all -o yaml` of the release installed from CHART with VALUES, into OUT: the
# supplied values coalesced with the chart's and its subcharts' defaults, which is what .Values holds while
# templates render, so one extra template prints it.
computed() {
  extra=$work/$1/charts/signoz/templates/zz-computed-values.yaml
  printf '%s\n' 'apiVersion: v1' 'kind: ConfigMap' 'metadata: {name: computed-values}' 'data:' '  values.yaml: |' \
    '{{ toYaml .Values | indent 4 }}' > "$extra"
  "$helm" template signoz "$work/$1/charts/signoz" -n "$2" -f "$3" --show-only templates/zz-computed-values.yaml \
    | python3 -c 'import sys, yaml; sys.stdout.write(yaml.safe_load(sys.stdin)["data"]["values.yaml"])' > "$4"
  rm "$extra"
}

chart signoz-0.131.0
"$helm" template signoz "$work/signoz-0.131.0/charts/signoz" -n observability \
  -f "$here/bundled/values.yaml" > "$work/bundled.yaml"
python3 "$here/live-objects.py" observability "$work/bundled.yaml" > "$here/bundled/live.yaml"
computed signoz-0.131.0 observability "$here/bundled/values.yaml" "$here/bundled/computed-values.yaml"

chart signoz-0.112.1
"$helm" template clickhouse "$work/signoz-0.112.1/charts/signoz/charts/clickhouse" -n platform \
  -f "$here/external/clickhouse-values.yaml" > "$work/clickhouse.yaml"
"$helm" template signoz "$work/signoz-0.112.1/charts/signoz" -n platform \
  -f "$here/external/values.yaml" > "$work/signoz.yaml"
python3 "$here/live-objects.py" platform "$work/clickhouse.yaml" "$work/signoz.yaml" "$here/external/secret.yaml" \
  > "$here/external/live.yaml"
computed signoz-0.112.1 platform "$here/external/values.yaml" "$here/external/computed-values.yaml"
