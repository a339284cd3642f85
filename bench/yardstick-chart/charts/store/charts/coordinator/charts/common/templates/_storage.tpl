{{- define "common.storage.class" -}}
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
