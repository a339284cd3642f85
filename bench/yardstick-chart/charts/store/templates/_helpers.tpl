{{/* Helpers of the synthetic store chart. */}}
{{- define "store.fullname" -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "store.enabledComponents" -}}
{{- $enabled := list -}}
{{- range $key, $value := .Values -}}
{{- if and (kindIs "map" $value) (hasKey $value "enabled") $value.enabled -}}
{{- $enabled = append $enabled $key -}}
{{- end -}}
{{- end -}}
{{- join "," (sortAlpha $enabled) -}}
{{- end -}}
