{{/* Labels every object of the shop carries; the component names one service. */}}
{{- define "shop.labels" -}}
app.kubernetes.io/name: {{ .component }}
app.kubernetes.io/part-of: shop
{{- end }}

{{/* The probes of a service, from its `probes` values block. */}}
{{- define "shop.probes" -}}
{{- with .readiness }}
readinessProbe:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .liveness }}
livenessProbe:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}
