{{/* Helpers of the synthetic coordinator chart. */}}
{{- define "coordinator.fullname" -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "coordinator.enabledComponents" -}}
{{- $enabled := list -}}
{{- range $key, $value := .Values -}}
{{- if and (kindIs "map" $value) (hasKey $value "enabled") $value.enabled -}}
{{- $enabled = append $enabled $key -}}
{{- end -}}
{{- end -}}
{{- join "," (sortAlpha $enabled) -}}
{{- end -}}
