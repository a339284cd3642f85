#!/usr/bin/env python3
"""Writes bench/yardstick-chart/: a synthetic Helm chart of the SigNoz chart's size, the yardstick of bench/startup.sh.

The SigNoz chart 0.131.0, as `helm template` renders it with ClickHouse enabled, is four charts: signoz (20 templates,
1,993 values lines of which 1,192 comments), its clickhouse subchart (20, 781, 344), that chart's zookeeper subchart
(16, 880, 602) and zookeeper's library chart common (19 helper files, 5 values lines): 75 template files of 6,393
lines. This chart has the same shape and as many files and values lines (the sub-subchart's values a little less
commented: its data would not fit otherwise), 5,553 template lines: a parent, a subchart, a sub-subchart and a
library, each template a workload, service or config map that ranges over its values and includes the library's
helpers; a third of the components are disabled, as in a real install. Calibrated against the real chart (assembled
locally from SigNoz/charts with its clickhouse and zookeeper subcharts, not kept here): helm renders 36 objects here
against its 32, in about the same time (alternating runs, medians 555 and 569 ms on a loaded 2-core host; CPU
0.12 s and 0.10 s). Using tpl on every value, as a first version did, made it 3.7x slower than the real chart, so
it is used as sparingly as there. The content is made up; nothing is taken from the SigNoz chart.

Usage: bench/yardstick-chart.py   (rewrites bench/yardstick-chart/ in place; the output is committed)
"""
import pathlib
import shutil

ROOT = pathlib.Path(__file__).resolve().parent / "yardstick-chart"

# chart name -> (dependency, components, templates per component, values lines (of them comments), has NOTES.txt)
CHARTS = {
    "yardstick": ("store", ["api", "web", "ingest", "query", "alert", "gate", "relay", "notify", "audit"],
                  ["workload", "service"], (1993, 1192), True),
    "store": ("coordinator", ["shard", "replica", "keeper", "backup", "exporter", "router"],
              ["workload", "service", "config"], (781, 344), True),
    "coordinator": ("common", ["node", "observer", "metrics", "purger", "snapshot"],
                    ["workload", "service", "config"], (880, 520), False),
}
LIBRARY_FILES = 19


def chart_yaml(name, dependency, library=False):
    text = (f"apiVersion: v2\nname: {name}\ndescription: Synthetic chart for start-up benchmarks (bench/yardstick-chart.py)\n"
            f"type: {'library' if library else 'application'}\nversion: 1.0.0\n")
    if not library:
        text += "appVersion: \"1.0.0\"\n"
    if dependency:
        text += (f"dependencies:\n  - name: {dependency}\n    version: 1.0.0\n    repository: \"file://charts/{dependency}\"\n")
        if dependency != "common":
            text += f"    condition: {dependency}.enabled\n"
    return text


def component_values(component, index, env_count, config_count):
    lines = [
        f"{component}:",
        f"  enabled: {'false' if index % 3 == 2 else 'true'}",
        f"  replicaCount: {1 + index % 3}",
        "  image:",
        "    registry: registry.example.test",
        f"    repository: yardstick/{component}",
        f"    tag: \"1.{index}.0\"",
        "    pullPolicy: IfNotPresent",
        "  imagePullSecrets: []",
        "  nameOverride: \"\"",
        "  podAnnotations:",
        f"    yardstick.example.test/component: {component}",
        "    yardstick.example.test/scrape: \"true\"",
        "  podLabels:",
        "    tier: backend",
        "  podSecurityContext:",
        "    fsGroup: 1000",
        "    runAsNonRoot: true",
        "  securityContext:",
        "    readOnlyRootFilesystem: true",
        "    allowPrivilegeEscalation: false",
        "    capabilities:",
        "      drop: [ALL]",
        "  service:",
        "    type: ClusterIP",
        f"    port: {8000 + index}",
        "    annotations: {}",
        "    extraPorts:",
        "      - name: metrics",
        f"        port: {9100 + index}",
        "  resources:",
        "    requests:",
        f"      cpu: {100 + 50 * index}m",
        f"      memory: {128 * (1 + index % 4)}Mi",
        "    limits:",
        f"      memory: {256 * (1 + index % 4)}Mi",
        "  probes:",
        "    liveness:",
        "      path: /healthz",
        "      initialDelaySeconds: 10",
        "      periodSeconds: 10",
        "    readiness:",
        "      path: /ready",
        "      initialDelaySeconds: 5",
        "      periodSeconds: 5",
        "  persistence:",
        f"    enabled: {'true' if index % 2 else 'false'}",
        "    storageClass: \"\"",
        "    size: 10Gi",
        "    accessModes: [ReadWriteOnce]",
        "  nodeSelector: {}",
        "  tolerations:",
        "    - key: dedicated",
        "      operator: Equal",
        f"      value: {component}",
        "      effect: NoSchedule",
        "  affinity:",
        "    podAntiAffinity:",
        "      preferredDuringSchedulingIgnoredDuringExecution:",
        "        - weight: 100",
        "          podAffinityTerm:",
        "            topologyKey: kubernetes.io/hostname",
        "            labelSelector:",
        "              matchLabels:",
        f"                app.kubernetes.io/component: {component}",
        "  env:",
    ]
    for i in range(env_count):
        lines += [f"    - name: {component.upper()}_SETTING_{i}", f"      value: \"{component}-{i}\""]
    lines.append("  config:")
    for i in range(config_count):
        lines.append(f"    {component}.option.{i}: \"{component}-{i}\"")
    return lines


def values(chart, components, target_lines, comment_lines):
    header = [f"# Values of the synthetic {chart} chart.", "global:", "  storageClass: \"\"",
              "  imageRegistry: \"\"", "commonLabels:", "  benchmark: yardstick"]
    dependency = CHARTS[chart][0]
    if dependency in CHARTS:
        header += [f"{dependency}:", "  enabled: true"]
    data_lines = target_lines - comment_lines
    per_component = (data_lines - len(header)) // len(components)
    fixed = len(component_values("x", 0, 0, 0)) + 1  # +1: the config: line
    body = []
    for index, component in enumerate(components):
        room = per_component - fixed + 1
        env = room // 4
        config = room - 2 * env
        body += component_values(component, index, env, config)
    filler = data_lines - (len(header) - 1) - len(body)  # the header's first line is a comment
    body += [f"extraObjects{n}: []" for n in range(filler)]
    return "\n".join(header[:1] + documented(header[1:] + body, comment_lines - 1)) + "\n"


def documented(lines, comment_lines):
    """Most of a chart's values file is documentation: comment lines spread over the keys, as charts write them."""
    keys = [i for i, line in enumerate(lines)
            if len(line) - len(line.lstrip()) <= 4 and not line.lstrip().startswith("-")]
    each, extra = divmod(comment_lines, len(keys))
    out = []
    for i, line in enumerate(lines):
        if i in keys:
            indent = " " * (len(line) - len(line.lstrip()))
            key = line.strip().split(":")[0]
            count = each + (1 if keys.index(i) < extra else 0)
            out += [f"{indent}# -- {key}: what it sets, its default and when to change it ({n + 1}/{count})"
                    for n in range(count)]
        out.append(line)
    return out


def workload(chart, component, index):
    kind = "StatefulSet" if index % 2 else "Deployment"
    v = f".Values.{component}"
    return f"""{{{{- if {v}.enabled }}}}
{{{{- $name := include "common.names.component" (dict "context" $ "component" "{component}") }}}}
apiVersion: apps/v1
kind: {kind}
metadata:
  name: {{{{ $name }}}}
  namespace: {{{{ .Release.Namespace }}}}
  labels:
    {{{{- include "common.labels.standard" (dict "context" $ "component" "{component}") | nindent 4 }}}}
spec:
  replicas: {{{{ {v}.replicaCount }}}}
  {{{{- if eq "{kind}" "StatefulSet" }}}}
  serviceName: {{{{ $name }}}}
  podManagementPolicy: Parallel
  {{{{- end }}}}
  selector:
    matchLabels:
      {{{{- include "common.labels.matchLabels" (dict "context" $ "component" "{component}") | nindent 6 }}}}
  template:
    metadata:
      annotations:
        checksum/config: {{{{ toYaml {v}.config | sha256sum }}}}
        {{{{- with {v}.podAnnotations }}}}
        {{{{- toYaml . | nindent 8 }}}}
        {{{{- end }}}}
      labels:
        {{{{- include "common.labels.standard" (dict "context" $ "component" "{component}") | nindent 8 }}}}
        {{{{- with {v}.podLabels }}}}
        {{{{- toYaml . | nindent 8 }}}}
        {{{{- end }}}}
    spec:
      {{{{- include "common.images.pullSecrets" (dict "secrets" {v}.imagePullSecrets "context" $) | nindent 6 }}}}
      securityContext:
        {{{{- toYaml {v}.podSecurityContext | nindent 8 }}}}
      initContainers:
        - name: wait-for-dependencies
          image: {{{{ include "common.images.image" (dict "image" {v}.image "global" .Values.global) }}}}
          command: ["sh", "-c"]
          args:
            - |
              {{{{- range {v}.service.extraPorts }}}}
              until nc -z {{{{ $name }}}} {{{{ .port }}}}; do echo waiting for {{{{ .name }}}}; sleep 2; done
              {{{{- end }}}}
          resources:
            {{{{- toYaml {v}.resources | nindent 12 }}}}
      containers:
        {{{{- if {v}.persistence.enabled }}}}
        - name: log-shipper
          image: {{{{ include "common.images.image" (dict "image" {v}.image "global" .Values.global) }}}}
          args: ["--source=/var/lib/{component}/logs", "--format=json"]
          securityContext:
            {{{{- toYaml {v}.securityContext | nindent 12 }}}}
          resources:
            requests:
              cpu: 10m
              memory: 32Mi
          volumeMounts:
            - name: data
              mountPath: /var/lib/{component}
              readOnly: true
        {{{{- end }}}}
        - name: {component}
          image: {{{{ include "common.images.image" (dict "image" {v}.image "global" .Values.global) }}}}
          imagePullPolicy: {{{{ {v}.image.pullPolicy }}}}
          securityContext:
            {{{{- toYaml {v}.securityContext | nindent 12 }}}}
          ports:
            - name: http
              containerPort: {{{{ {v}.service.port }}}}
            {{{{- range {v}.service.extraPorts }}}}
            - name: {{{{ .name }}}}
              containerPort: {{{{ .port }}}}
            {{{{- end }}}}
          env:
            - name: RELEASE
              value: {{{{ .Release.Name | quote }}}}
            {{{{- range {v}.env }}}}
            - name: {{{{ .name }}}}
              value: {{{{ .value | quote }}}}
            {{{{- end }}}}
          livenessProbe:
            httpGet:
              path: {{{{ {v}.probes.liveness.path }}}}
              port: http
            initialDelaySeconds: {{{{ {v}.probes.liveness.initialDelaySeconds }}}}
            periodSeconds: {{{{ {v}.probes.liveness.periodSeconds }}}}
          readinessProbe:
            httpGet:
              path: {{{{ {v}.probes.readiness.path }}}}
              port: http
            initialDelaySeconds: {{{{ {v}.probes.readiness.initialDelaySeconds }}}}
            periodSeconds: {{{{ {v}.probes.readiness.periodSeconds }}}}
          resources:
            {{{{- toYaml {v}.resources | nindent 12 }}}}
          volumeMounts:
            - name: data
              mountPath: /var/lib/{component}
            - name: config
              mountPath: /etc/{component}
      volumes:
        - name: config
          configMap:
            name: {{{{ $name }}}}
        {{{{- if not {v}.persistence.enabled }}}}
        - name: data
          emptyDir: {{}}
        {{{{- end }}}}
      {{{{- with {v}.nodeSelector }}}}
      nodeSelector:
        {{{{- toYaml . | nindent 8 }}}}
      {{{{- end }}}}
      {{{{- with {v}.tolerations }}}}
      tolerations:
        {{{{- toYaml . | nindent 8 }}}}
      {{{{- end }}}}
      affinity:
        {{{{- toYaml {v}.affinity | nindent 8 }}}}
  {{{{- if and (eq "{kind}" "StatefulSet") {v}.persistence.enabled }}}}
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes:
          {{{{- toYaml {v}.persistence.accessModes | nindent 10 }}}}
        {{{{- include "common.storage.class" (dict "persistence" {v}.persistence "global" .Values.global) | nindent 8 }}}}
        resources:
          requests:
            storage: {{{{ {v}.persistence.size | quote }}}}
  {{{{- end }}}}
{{{{- end }}}}
"""


def service(chart, component, index):
    v = f".Values.{component}"
    return f"""{{{{- if {v}.enabled }}}}
apiVersion: v1
kind: Service
metadata:
  name: {{{{ include "common.names.component" (dict "context" $ "component" "{component}") }}}}
  namespace: {{{{ .Release.Namespace }}}}
  labels:
    {{{{- include "common.labels.standard" (dict "context" $ "component" "{component}") | nindent 4 }}}}
  {{{{- with {v}.service.annotations }}}}
  annotations:
    {{{{- toYaml . | nindent 4 }}}}
  {{{{- end }}}}
spec:
  type: {{{{ {v}.service.type }}}}
  ports:
    - name: http
      port: {{{{ {v}.service.port }}}}
      targetPort: http
    {{{{- range {v}.service.extraPorts }}}}
    - name: {{{{ .name }}}}
      port: {{{{ .port }}}}
      targetPort: {{{{ .name }}}}
    {{{{- end }}}}
  selector:
    {{{{- include "common.labels.matchLabels" (dict "context" $ "component" "{component}") | nindent 4 }}}}
{{{{- end }}}}
"""


def config(chart, component, index):
    v = f".Values.{component}"
    return f"""{{{{- if {v}.enabled }}}}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{{{ include "common.names.component" (dict "context" $ "component" "{component}") }}}}
  namespace: {{{{ .Release.Namespace }}}}
  labels:
    {{{{- include "common.labels.standard" (dict "context" $ "component" "{component}") | nindent 4 }}}}
data:
  {component}.properties: |
    {{{{- range $key, $value := {v}.config }}}}
    {{{{ $key }}}}={{{{ $value }}}}
    {{{{- end }}}}
  env.list: |
    {{{{- range {v}.env }}}}
    {{{{ .name }}}}
    {{{{- end }}}}
  server.xml: |
""" + server_xml(component, v) + "{{- end }}\n"


def server_xml(component, v, sections=6):
    """A server configuration file of the kind these charts ship in config maps: mostly fixed, a few values."""
    lines = [f"    <{component}>"]
    for n in range(sections):
        lines += [
            f"      <section{n} enabled=\"{{{{ {v}.enabled }}}}\">",
            f"        <listen_port>{{{{ add {v}.service.port {n} }}}}</listen_port>",
            f"        <max_connections>{1024 * (n + 1)}</max_connections>",
            f"        <timeout_ms>{500 * (n + 1)}</timeout_ms>",
            "        <compression>lz4</compression>",
            f"        {{{{- if {v}.persistence.enabled }}}}",
            f"        <path>/var/lib/{component}/section{n}</path>",
            "        {{- else }}",
            f"        <path>/tmp/{component}/section{n}</path>",
            "        {{- end }}",
            f"      </section{n}>",
        ]
    return "\n".join(lines + [f"    </{component}>"]) + "\n"


def helpers(chart):
    return f"""{{{{/* Helpers of the synthetic {chart} chart. */}}}}
{{{{- define "{chart}.fullname" -}}}}
{{{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}}}
{{{{- end -}}}}

{{{{- define "{chart}.enabledComponents" -}}}}
{{{{- $enabled := list -}}}}
{{{{- range $key, $value := .Values -}}}}
{{{{- if and (kindIs "map" $value) (hasKey $value "enabled") $value.enabled -}}}}
{{{{- $enabled = append $enabled $key -}}}}
{{{{- end -}}}}
{{{{- end -}}}}
{{{{- join "," (sortAlpha $enabled) -}}}}
{{{{- end -}}}}
"""


LIBRARY = {
    "_names.tpl": """{{- define "common.names.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "common.names.fullname" -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "common.names.component" -}}
{{- printf "%s-%s" (include "common.names.fullname" .context) .component | trunc 63 | trimSuffix "-" -}}
{{- end -}}
""",
    "_labels.tpl": """{{- define "common.labels.standard" -}}
app.kubernetes.io/name: {{ include "common.names.name" .context }}
helm.sh/chart: {{ printf "%s-%s" .context.Chart.Name .context.Chart.Version | replace "+" "_" }}
app.kubernetes.io/instance: {{ .context.Release.Name }}
app.kubernetes.io/managed-by: {{ .context.Release.Service }}
app.kubernetes.io/component: {{ .component }}
{{- with .context.Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{- define "common.labels.matchLabels" -}}
app.kubernetes.io/name: {{ include "common.names.name" .context }}
app.kubernetes.io/instance: {{ .context.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}
""",
    "_images.tpl": """{{- define "common.images.image" -}}
{{- $registry := .image.registry -}}
{{- if and .global .global.imageRegistry -}}
{{- $registry = .global.imageRegistry -}}
{{- end -}}
{{- if $registry -}}
{{- printf "%s/%s:%s" $registry .image.repository (toString .image.tag) -}}
{{- else -}}
{{- printf "%s:%s" .image.repository (toString .image.tag) -}}
{{- end -}}
{{- end -}}

{{- define "common.images.pullSecrets" -}}
{{- if .secrets }}
imagePullSecrets:
{{- range .secrets }}
  - name: {{ tpl (toString .) $.context }}
{{- end }}
{{- end }}
{{- end -}}
""",
    "_tplvalues.tpl": """{{- define "common.tplvalues.render" -}}
{{- if typeIs "string" .value -}}
{{- tpl .value .context -}}
{{- else -}}
{{- tpl (toYaml .value) .context -}}
{{- end -}}
{{- end -}}
""",
    "_storage.tpl": """{{- define "common.storage.class" -}}
{{- $class := .persistence.storageClass -}}
{{- if and .global .global.storageClass -}}
{{- $class = .global.storageClass -}}
{{- end -}}
{{- if $class -}}
{{- if eq "-" $class -}}
storageClassName: ""
{{- else -}}
storageClassName: {{ $class | quote }}
{{- end -}}
{{- end -}}
{{- end -}}
""",
}


def library_helper(n):
    """Helpers the charts do not call, like most of a real library chart: helm still parses every one."""
    return f"""{{{{/* Synthetic library helpers, set {n}. */}}}}
{{{{- define "common.utils.{n}.join" -}}}}
{{{{- $parts := list -}}}}
{{{{- range $key, $value := .values -}}}}
{{{{- $parts = append $parts (printf "%s=%v" $key $value) -}}}}
{{{{- end -}}}}
{{{{- join "," (sortAlpha $parts) -}}}}
{{{{- end -}}}}

{{{{- define "common.utils.{n}.validate" -}}}}
{{{{- $errors := list -}}}}
{{{{- range $key, $value := .values -}}}}
{{{{- if and (kindIs "string" $value) (eq $value "") -}}}}
{{{{- $errors = append $errors (printf "%s must not be empty" $key) -}}}}
{{{{- end -}}}}
{{{{- end -}}}}
{{{{- if $errors -}}}}
{{{{- fail (join "; " $errors) -}}}}
{{{{- end -}}}}
{{{{- end -}}}}

{{{{- define "common.utils.{n}.affinity" -}}}}
{{{{- if eq .type "soft" }}}}
preferredDuringSchedulingIgnoredDuringExecution:
  - weight: {{{{ default 1 .weight }}}}
    podAffinityTerm:
      topologyKey: {{{{ default "kubernetes.io/hostname" .topologyKey }}}}
      labelSelector:
        matchLabels:
          {{{{- toYaml .matchLabels | nindent 10 }}}}
{{{{- else if eq .type "hard" }}}}
requiredDuringSchedulingIgnoredDuringExecution:
  - topologyKey: {{{{ default "kubernetes.io/hostname" .topologyKey }}}}
    labelSelector:
      matchLabels:
        {{{{- toYaml .matchLabels | nindent 8 }}}}
{{{{- end }}}}
{{{{- end -}}}}

{{{{- define "common.utils.{n}.capabilities" -}}}}
{{{{- if semverCompare ">=1.25-0" (default .context.Capabilities.KubeVersion.Version .kubeVersion) -}}}}
policy/v1
{{{{- else -}}}}
policy/v1beta1
{{{{- end -}}}}
{{{{- end -}}}}

{{{{- define "common.utils.{n}.secretKey" -}}}}
{{{{- if .existingSecret -}}}}
{{{{- .existingSecret -}}}}
{{{{- else -}}}}
{{{{- printf "%s-%s" .release (default "secret" .suffix) | trunc 63 | trimSuffix "-" -}}}}
{{{{- end -}}}}
{{{{- end -}}}}

{{{{- define "common.utils.{n}.probe" -}}}}
{{{{- if .enabled }}}}
{{{{- if eq .type "http" }}}}
httpGet:
  path: {{{{ default "/" .path }}}}
  port: {{{{ default "http" .port }}}}
  {{{{- with .headers }}}}
  httpHeaders:
    {{{{- range $name, $value := . }}}}
    - name: {{{{ $name }}}}
      value: {{{{ $value | quote }}}}
    {{{{- end }}}}
  {{{{- end }}}}
{{{{- else if eq .type "tcp" }}}}
tcpSocket:
  port: {{{{ default "http" .port }}}}
{{{{- else }}}}
exec:
  command:
    {{{{- toYaml .command | nindent 4 }}}}
{{{{- end }}}}
initialDelaySeconds: {{{{ default 10 .initialDelaySeconds }}}}
periodSeconds: {{{{ default 10 .periodSeconds }}}}
timeoutSeconds: {{{{ default 1 .timeoutSeconds }}}}
failureThreshold: {{{{ default 3 .failureThreshold }}}}
successThreshold: {{{{ default 1 .successThreshold }}}}
{{{{- end }}}}
{{{{- end -}}}}

{{{{- define "common.utils.{n}.resources" -}}}}
{{{{- $presets := dict
  "nano" (dict "requests" (dict "cpu" "100m" "memory" "128Mi") "limits" (dict "memory" "192Mi"))
  "small" (dict "requests" (dict "cpu" "250m" "memory" "256Mi") "limits" (dict "memory" "384Mi"))
  "medium" (dict "requests" (dict "cpu" "500m" "memory" "1Gi") "limits" (dict "memory" "1536Mi"))
  "large" (dict "requests" (dict "cpu" "1" "memory" "2Gi") "limits" (dict "memory" "3Gi"))
-}}}}
{{{{- if hasKey $presets .preset -}}}}
{{{{- index $presets .preset | toYaml -}}}}
{{{{- else -}}}}
{{{{- fail (printf "unknown resources preset %s" .preset) -}}}}
{{{{- end -}}}}
{{{{- end -}}}}
"""


def notes(chart):
    return f"""{chart} {{{{ .Chart.Version }}}} installed as {{{{ .Release.Name }}}} in {{{{ .Release.Namespace }}}}.
Components: {{{{ include "{chart}.enabledComponents" . }}}}
"""


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def write_chart(directory, chart):
    dependency, components, kinds, values_lines, has_notes = CHARTS[chart]
    write(directory / "Chart.yaml", chart_yaml(chart, dependency))
    write(directory / "values.yaml", values(chart, components, *values_lines))
    render = {"workload": workload, "service": service, "config": config}
    for index, component in enumerate(components):
        for kind in kinds:
            write(directory / "templates" / component / f"{kind}.yaml", render[kind](chart, component, index))
    write(directory / "templates" / "_helpers.tpl", helpers(chart))
    if has_notes:
        write(directory / "templates" / "NOTES.txt", notes(chart))
    sub = directory / "charts" / dependency
    if dependency == "common":
        write(sub / "Chart.yaml", chart_yaml("common", None, library=True))
        write(sub / "values.yaml", "# The library chart has no values of its own.\nexampleValue: common-chart\n"
              "global:\n  imageRegistry: \"\"\n  storageClass: \"\"\n")
        for name, text in LIBRARY.items():
            write(sub / "templates" / name, text)
        for n in range(LIBRARY_FILES - len(LIBRARY)):
            write(sub / "templates" / f"_utils{n}.tpl", library_helper(n))
    else:
        write_chart(sub, dependency)


if __name__ == "__main__":
    shutil.rmtree(ROOT, ignore_errors=True)
    write_chart(ROOT, "yardstick")
