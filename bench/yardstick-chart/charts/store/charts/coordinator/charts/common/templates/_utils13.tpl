{{/* Synthetic library helpers, set 13. */}}
{{- define "common.utils.13.join" -}}
{{- $parts := list -}}
{{- range $key, $value := .values -}}
{{- $parts = append $parts (printf "%s=%v" $key $value) -}}
{{- end -}}
{{- join "," (sortAlpha $parts) -}}
{{- end -}}

{{- define "common.utils.13.validate" -}}
{{- $errors := list -}}
{{- range $key, $value := .values -}}
{{- if and (kindIs "string" $value) (eq $value "") -}}
{{- $errors = append $errors (printf "%s must not be empty" $key) -}}
{{- end -}}
{{- end -}}
{{- if $errors -}}
{{- fail (join "; " $errors) -}}
{{- end -}}
{{- end -}}

{{- define "common.utils.13.affinity" -}}
{{- if eq .type "soft" }}
preferredDuringSchedulingIgnoredDuringExecution:
  - weight: {{ default 1 .weight }}
    podAffinityTerm:
      topologyKey: {{ default "kubernetes.io/hostname" .topologyKey }}
      labelSelector:
        matchLabels:
          {{- toYaml .matchLabels | nindent 10 }}
{{- else if eq .type "hard" }}
requiredDuringSchedulingIgnoredDuringExecution:
  - topologyKey: {{ default "kubernetes.io/hostname" .topologyKey }}
    labelSelector:
      matchLabels:
        {{- toYaml .matchLabels | nindent 8 }}
{{- end }}
{{- end -}}

{{- define "common.utils.13.capabilities" -}}
{{- if semverCompare ">=1.25-0" (default .context.Capabilities.KubeVersion.Version .kubeVersion) -}}
policy/v1
{{- else -}}
policy/v1beta1
{{- end -}}
{{- end -}}

{{- define "common.utils.13.secretKey" -}}
{{- if .existingSecret -}}
{{- .existingSecret -}}
{{- else -}}
{{- printf "%s-%s" .release (default "secret" .suffix) | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "common.utils.13.probe" -}}
{{- if .enabled }}
{{- if eq .type "http" }}
httpGet:
  path: {{ default "/" .path }}
  port: {{ default "http" .port }}
  {{- with .headers }}
  httpHeaders:
    {{- range $name, $value := . }}
    - name: {{ $name }}
      value: {{ $value | quote }}
    {{- end }}
  {{- end }}
{{- else if eq .type "tcp" }}
tcpSocket:
  port: {{ default "http" .port }}
{{- else }}
exec:
  command:
    {{- toYaml .command | nindent 4 }}
{{- end }}
initialDelaySeconds: {{ default 10 .initialDelaySeconds }}
periodSeconds: {{ default 10 .periodSeconds }}
timeoutSeconds: {{ default 1 .timeoutSeconds }}
failureThreshold: {{ default 3 .failureThreshold }}
successThreshold: {{ default 1 .successThreshold }}
{{- end }}
{{- end -}}

{{- define "common.utils.13.resources" -}}
{{- $presets := dict
  "nano" (dict "requests" (dict "cpu" "100m" "memory" "128Mi") "limits" (dict "memory" "192Mi"))
  "small" (dict "requests" (dict "cpu" "250m" "memory" "256Mi") "limits" (dict "memory" "384Mi"))
  "medium" (dict "requests" (dict "cpu" "500m" "memory" "1Gi") "limits" (dict "memory" "1536Mi"))
  "large" (dict "requests" (dict "cpu" "1" "memory" "2Gi") "limits" (dict "memory" "3Gi"))
-}}
{{- if hasKey $presets .preset -}}
{{- index $presets .preset | toYaml -}}
{{- else -}}
{{- fail (printf "unknown resources preset %s" .preset) -}}
{{- end -}}
{{- end -}}
