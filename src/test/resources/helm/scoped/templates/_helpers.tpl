{{- define "scoped.readiness" -}}
readinessProbe:
  httpGet:
    path: {{ .readiness.path }}
    port: http
  periodSeconds: {{ .readiness.periodSeconds }}
{{- end }}

{{- define "scoped.dictProbe" -}}
readinessProbe:
  httpGet:
    path: {{ .probe.path }}
{{- end }}
