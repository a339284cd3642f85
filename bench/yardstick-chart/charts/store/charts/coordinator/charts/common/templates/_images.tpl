{{- define "common.images.image" -}}
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
