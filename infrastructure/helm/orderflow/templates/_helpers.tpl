{{/* The two services, by their key under .Values; every per-service template ranges over these. */}}
{{- define "orderflow.services" -}}
gateway processor
{{- end }}

{{- define "orderflow.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels every object carries. Takes (dict "root" $ "component" "order-gateway"). */}}
{{- define "orderflow.labels" -}}
helm.sh/chart: {{ include "orderflow.chart" .root }}
{{ include "orderflow.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: orderflow
{{- end }}

{{/* Labels that select one component's pods. Takes (dict "root" $ "component" "order-gateway"). */}}
{{- define "orderflow.selectorLabels" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/* Labels shared by every pod of this release: what the default-deny NetworkPolicy selects. */}}
{{- define "orderflow.releaseSelectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "orderflow.tableBootstrapName" -}}
{{- printf "%s-create-tables" .Release.Name | trunc 52 | trimSuffix "-" }}
{{- end }}

{{- define "orderflow.testName" -}}
{{- printf "%s-test" .Release.Name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* An image reference: the digest wins over the tag; the tag defaults to the chart's appVersion. Takes (dict "root" $ "image" .Values.gateway.image). */}}
{{- define "orderflow.image" -}}
{{- $registry := .root.Values.image.registry -}}
{{- $repository := ternary .image.repository (printf "%s/%s" $registry .image.repository) (empty $registry) -}}
{{- if .image.digest -}}
{{- printf "%s@%s" $repository .image.digest -}}
{{- else -}}
{{- printf "%s:%s" $repository (.image.tag | default .root.Chart.AppVersion | toString) -}}
{{- end -}}
{{- end }}

{{/* The processor's URL for the gateway, from the processor's Service name and port. */}}
{{- define "orderflow.processorUrl" -}}
{{- printf "http://%s:%d" .Values.processor.name (int .Values.processor.ports.http) -}}
{{- end }}

{{/* The gateway's URL inside the cluster, for NOTES and the test. */}}
{{- define "orderflow.gatewayUrl" -}}
{{- printf "http://%s:%d" .Values.gateway.name (int .Values.gateway.ports.http) -}}
{{- end }}

{{/* DYNAMODB_ENDPOINT: the chart's DynamoDB Local, an explicit endpoint, or empty for AWS. */}}
{{- define "orderflow.dynamodbEndpoint" -}}
{{- if .Values.dynamodbLocal.enabled -}}
{{- printf "http://%s:%d" .Values.dynamodbLocal.name (int .Values.dynamodbLocal.port) -}}
{{- else -}}
{{- .Values.dynamodb.endpoint -}}
{{- end -}}
{{- end }}

{{/* The environment of a service, as the ConfigMap holds it. Takes (dict "root" $ "key" "gateway"). */}}
{{- define "orderflow.config" -}}
{{- $values := .root.Values -}}
{{- $service := index $values .key -}}
{{- $endpoint := include "orderflow.dynamodbEndpoint" .root -}}
{{- if $endpoint }}
DYNAMODB_ENDPOINT: {{ $endpoint | quote }}
{{- /* Budgets sized for DynamoDB Local, which the services ship as a profile (ADR 0019). */}}
SPRING_PROFILES_ACTIVE: "dynamodb-local"
{{- end }}
AWS_REGION: {{ $values.dynamodb.region | quote }}
SERVER_PORT: {{ $service.ports.http | quote }}
MANAGEMENT_SERVER_PORT: {{ $service.ports.management | quote }}
{{- /* Set here rather than left to application.yml, so that the grace period the chart checks against is the drain
     the pods really get. */}}
SPRING_LIFECYCLE_TIMEOUTPERSHUTDOWNPHASE: {{ printf "%ds" (int $values.shutdown.springShutdownPhaseSeconds) | quote }}
{{- if eq .key "gateway" }}
ORDERS_TABLE: {{ $values.dynamodb.tables.orders | quote }}
INVENTORY_MODE: "remote"
ORDER_PROCESSOR_URL: {{ include "orderflow.processorUrl" .root | quote }}
{{- else }}
INVENTORY_TABLE: {{ $values.dynamodb.tables.inventory | quote }}
RESERVATIONS_TABLE: {{ $values.dynamodb.tables.reservations | quote }}
{{- end }}
{{- range $name, $value := $service.env }}
{{ $name }}: {{ $value | toString | quote }}
{{- end }}
{{- end }}

{{/* Whether a monitoring object is rendered: its own switch, or null for "when the Prometheus Operator's API exists". */}}
{{- define "orderflow.monitoringEnabled" -}}
{{- $switch := .switch -}}
{{- if kindIs "invalid" $switch -}}
{{- if .root.Capabilities.APIVersions.Has "monitoring.coreos.com/v1" }}true{{ end -}}
{{- else if $switch }}true{{ end -}}
{{- end }}

{{/* The /tmp emptyDir every container of the chart mounts, its root filesystem being read-only. */}}
{{- define "orderflow.tmpVolume" -}}
- name: tmp
  emptyDir:
    sizeLimit: {{ .Values.tmpSizeLimit }}
{{- end }}

{{- define "orderflow.tmpMount" -}}
- name: tmp
  mountPath: /tmp
{{- end }}

{{/* The chart refuses a grace period that would cut Spring's shutdown short. */}}
{{- define "orderflow.checkShutdown" -}}
{{- $s := .Values.shutdown -}}
{{- if le (int $s.terminationGracePeriodSeconds) (add $s.preStopSleepSeconds $s.springShutdownPhaseSeconds | int) -}}
{{- fail (printf "shutdown.terminationGracePeriodSeconds (%v) must exceed preStopSleepSeconds + springShutdownPhaseSeconds (%v)" $s.terminationGracePeriodSeconds (add $s.preStopSleepSeconds $s.springShutdownPhaseSeconds)) -}}
{{- end -}}
{{- end }}
