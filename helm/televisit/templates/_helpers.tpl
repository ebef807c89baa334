{{/*
Shared helpers. Every per-service template calls them with a context
  dict "root" $ "name" <service name> "svc" <merged service values>
built by "televisit.resolveServices".
*/}}

{{- define "televisit.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Release-scoped prefix; the release name alone when it already contains the chart name. */}}
{{- define "televisit.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "televisit.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
Deep merge of map (index . 1) into map (index . 0), in place. Unlike sprig's merge/mergeOverwrite it also
applies false, 0 and "" from the override, so `hpa.enabled: false` on one service beats a `true` default;
null removes the default entry, as null does in Helm values.
*/}}
{{- define "televisit.mergeInto" -}}
{{- $dst := index . 0 -}}
{{- range $k, $v := index . 1 -}}
{{- if kindIs "invalid" $v -}}
{{- $_ := unset $dst $k -}}
{{- else if and (kindIs "map" $v) (kindIs "map" (get $dst $k)) -}}
{{- include "televisit.mergeInto" (list (get $dst $k) $v) -}}
{{- else -}}
{{- $_ := set $dst $k $v -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
Fills the dict (index . 1) with "<service name>" -> context for every enabled service.
Usage: {{- $services := dict }}{{- include "televisit.resolveServices" (list $ $services) }}
*/}}
{{- define "televisit.resolveServices" -}}
{{- $root := index . 0 -}}
{{- $out := index . 1 -}}
{{- range $name, $override := $root.Values.services -}}
{{- $svc := deepCopy $root.Values.serviceDefaults -}}
{{- include "televisit.mergeInto" (list $svc (default dict $override)) -}}
{{- if $svc.enabled -}}
{{- $_ := set $out $name (dict "root" $root "name" $name "svc" $svc) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Name of every object of one service: <fullname>-<service>. */}}
{{- define "televisit.resourceName" -}}
{{- printf "%s-%s" (include "televisit.fullname" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "televisit.selectorLabels" -}}
app.kubernetes.io/name: {{ include "televisit.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{- define "televisit.labels" -}}
{{ include "televisit.selectorLabels" . }}
app.kubernetes.io/part-of: televisit
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ include "televisit.chart" .root }}
{{- end -}}

{{/* Labels shared by all services of the release (NetworkPolicy peers). */}}
{{- define "televisit.suiteSelectorLabels" -}}
app.kubernetes.io/name: {{ include "televisit.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/* <registry>/<prefix>/<service>:<tag>, "-native" appended to the tag for the native flavor. */}}
{{- define "televisit.image" -}}
{{- $img := .root.Values.image -}}
{{- $registry := required "image.registry is required (e.g. registry.hospital.example)" $img.registry -}}
{{- $tag := .svc.image.tag | default $img.tag | default .root.Chart.AppVersion | toString -}}
{{- $flavor := .svc.image.flavor | default $img.flavor -}}
{{- if eq $flavor "native" -}}
{{- $tag = printf "%s-native" $tag -}}
{{- end -}}
{{- $repo := compact (list (trimSuffix "/" $registry) $img.repositoryPrefix .name) | join "/" -}}
{{- printf "%s:%s" $repo $tag -}}
{{- end -}}

{{/* The Secret the pods read: existingSecret, or the one this chart creates. */}}
{{- define "televisit.secretName" -}}
{{- .svc.existingSecret | default (include "televisit.resourceName" .) -}}
{{- end -}}

{{- define "televisit.serviceAccountName" -}}
{{- if .svc.serviceAccount.create -}}
{{- .svc.serviceAccount.name | default (include "televisit.resourceName" .) -}}
{{- else -}}
{{- .svc.serviceAccount.name | default "default" -}}
{{- end -}}
{{- end -}}

{{/* S3 keys come from the Secret only with static credentials; "default" uses the AWS chain (IRSA). */}}
{{- define "televisit.s3Static" -}}
{{- if and .svc.s3.enabled (eq (.svc.s3.credentialsType | default "static") "static") -}}true{{- end -}}
{{- end -}}

{{/*
Plain configuration (ConfigMap data) as a YAML map. Values from services.<name>.env win, so any
generated variable can be overridden without editing templates.
*/}}
{{- define "televisit.configData" -}}
{{- $v := .root.Values -}}
{{- $svc := .svc -}}
{{- $name := .name -}}
{{- $db := $svc.database -}}
{{- $host := required (printf "database.host (or services.%s.database.host) is required" $name) ($db.host | default $v.database.host) -}}
{{- $port := $db.port | default $v.database.port -}}
{{- $dbName := required (printf "services.%s.database.name is required" $name) $db.name -}}
{{- $roles := include "televisit.dbRoles" . | fromJson -}}
{{- $query := "" -}}
{{- if $v.database.sslMode -}}
{{- $query = printf "?sslmode=%s" $v.database.sslMode -}}
{{- end -}}
{{- $cfg := dict
  "QUARKUS_HTTP_PORT" "8080"
  "QUARKUS_DATASOURCE_REACTIVE_URL" (printf "postgresql://%s:%v/%s%s" $host $port $dbName $query)
  "QUARKUS_DATASOURCE_JDBC_URL" (printf "jdbc:postgresql://%s:%v/%s%s" $host $port $dbName $query)
  "QUARKUS_DATASOURCE_USERNAME" $roles.app
  "QUARKUS_FLYWAY_USERNAME" $roles.owner
  "KAFKA_BOOTSTRAP_SERVERS" (required "kafka.bootstrapServers is required (host:port list of the external Kafka)" $v.kafka.bootstrapServers)
  "MP_JWT_VERIFY_PUBLICKEY_LOCATION" (required "jwt.publicKeyLocation is required (JWKS URL of the hospital OIDC provider)" ($svc.jwt.publicKeyLocation | default $v.jwt.publicKeyLocation))
  "MP_JWT_VERIFY_ISSUER" (required "jwt.issuer is required (the OIDC provider's iss claim)" ($svc.jwt.issuer | default $v.jwt.issuer))
-}}
{{- with $svc.jwt.audiences -}}
{{- $_ := set $cfg "MP_JWT_VERIFY_AUDIENCES" . -}}
{{- end -}}
{{- with (dig "trustedProxies" list (default dict $v.http)) -}}
{{- $_ := set $cfg "QUARKUS_HTTP_PROXY_TRUSTED_PROXIES" (join "," .) -}}
{{- end -}}
{{- $sign := dig "visitToken" "sign" dict $svc -}}
{{- if $sign.enabled -}}
{{- range $field, $env := dict "issuer" "ISSUER" "keyId" "KEY_ID" "ttl" "TTL" -}}
{{- with get $sign $field -}}
{{- $_ := set $cfg (printf "TELEVISIT_CALL_VISIT_TOKEN_%s" $env) (toString .) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- if dig "joinLinks" "enabled" false $svc -}}
{{- $_ := set $cfg "TELEVISIT_CALL_JOIN_LINKS_BASE_URL" (required (printf "services.%s.joinLinks.baseUrl is required: the public URL of the patient join page, e.g. https://visit.hospital.example/join" $name) $svc.joinLinks.baseUrl) -}}
{{- end -}}
{{- range include "televisit.keyFiles" . | fromJsonArray -}}
{{- $_ := set $cfg .env (printf "%s/%s" .dir .file) -}}
{{- end -}}
{{- if $svc.s3.enabled -}}
{{- $_ := set $cfg "QUARKUS_S3_AWS_REGION" (required (printf "services.%s.s3.region is required" $name) $svc.s3.region) -}}
{{- $_ := set $cfg "TELEVISIT_RECORDING_BUCKET" (required (printf "services.%s.s3.bucket is required" $name) $svc.s3.bucket) -}}
{{- $_ := set $cfg "QUARKUS_S3_AWS_CREDENTIALS_TYPE" ($svc.s3.credentialsType | default "static") -}}
{{- $_ := set $cfg "QUARKUS_S3_PATH_STYLE_ACCESS" (toString (default false $svc.s3.pathStyleAccess)) -}}
{{- with $svc.s3.endpointOverride -}}
{{- $_ := set $cfg "QUARKUS_S3_ENDPOINT_OVERRIDE" . -}}
{{- end -}}
{{- end -}}
{{- if $svc.turn.enabled -}}
{{- $_ := set $cfg "TELEVISIT_TURN_REALM" (required (printf "services.%s.turn.realm is required" $name) $svc.turn.realm) -}}
{{- if not $svc.turn.servers -}}
{{- fail (printf "services.%s.turn.servers is required: list the TURN/STUN servers per region" $name) -}}
{{- end -}}
{{- $_ := set $cfg "TELEVISIT_TURN_SERVERS" (toJson $svc.turn.servers) -}}
{{- end -}}
{{- range $k, $val := $svc.env -}}
{{- $_ := set $cfg $k (toString $val) -}}
{{- end -}}
{{- range $k := keys $cfg | sortAlpha }}
{{ $k }}: {{ get $cfg $k | quote }}
{{- end -}}
{{- end -}}

{{/*
Keys of the service's Secret, as a JSON list of {env, key, value[, file]}: "env" is the variable the key becomes
(empty for keys mounted as files, see "televisit.keyFiles"), "value" the field of services.<name>.secret the
chart-created Secret takes it from. Also the contract for existingSecret (k8s/README.md).
*/}}
{{- define "televisit.secretKeys" -}}
{{- $keys := list (dict "env" "QUARKUS_DATASOURCE_PASSWORD" "key" "db-password" "value" "dbPassword") -}}
{{- $keys = append $keys (dict "env" "QUARKUS_FLYWAY_PASSWORD" "key" "db-migration-password" "value" "dbMigrationPassword") -}}
{{- if dig "visitToken" "sign" "enabled" false .svc -}}
{{- /* A file, not a variable: mounted by "televisit.keyFiles". */ -}}
{{- $keys = append $keys (dict "env" "" "key" "visit-token-private.pem" "value" "visitTokenPrivateKey" "file" true) -}}
{{- end -}}
{{- if include "televisit.s3Static" . -}}
{{- $keys = append $keys (dict "env" "QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID" "key" "s3-access-key-id" "value" "s3AccessKeyId") -}}
{{- $keys = append $keys (dict "env" "QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY" "key" "s3-secret-access-key" "value" "s3SecretAccessKey") -}}
{{- end -}}
{{- if .svc.turn.enabled -}}
{{- $keys = append $keys (dict "env" "TELEVISIT_TURN_SECRET" "key" "turn-secret" "value" "turnSecret") -}}
{{- /* The same secret under the env name of the property signaling-service reads (televisit.signaling.turn.secret). */ -}}
{{- $keys = append $keys (dict "env" "TELEVISIT_SIGNALING_TURN_SECRET" "key" "turn-secret" "value" "turnSecret") -}}
{{- end -}}
{{- toJson $keys -}}
{{- end -}}

{{/* Secret data (base64) for a chart-created Secret; fails with a clear message for each missing value. */}}
{{- define "televisit.secretData" -}}
{{- $ctx := . -}}
{{- $data := dict -}}
{{- range $k := include "televisit.secretKeys" . | fromJsonArray -}}
{{- $val := get (default dict $ctx.svc.secret) $k.value -}}
{{- if not $val -}}
{{- $how := ternary (printf "--set-file services.%s.secret.%s=FILE" $ctx.name $k.value) "--set-string" (hasKey $k "file") -}}
{{- fail (printf "services.%s.secret.%s is required: set it (e.g. %s), or set services.%s.existingSecret to a Secret that has the key %q" $ctx.name $k.value $how $ctx.name $k.key) -}}
{{- end -}}
{{- $_ := set $data $k.key ($val | toString | b64enc) -}}
{{- end -}}
{{- toYaml $data -}}
{{- end -}}

{{/* Database roles as JSON {app, owner}: the service runs as "<db>_app", Flyway as the schema owner "<db>". */}}
{{- define "televisit.dbRoles" -}}
{{- $db := .svc.database -}}
{{- toJson (dict "app" ($db.username | default (printf "%s_app" $db.name)) "owner" ($db.migrationUsername | default $db.name)) -}}
{{- end -}}

{{/*
PEM key files mounted read-only into the container, as a JSON list of
{volume, env, dir, file, key, secret | configMap}: volume "<volume>" holds the object's key "<key>" as "<dir>/<file>",
and the variable "<env>" (in the ConfigMap) points the app at it. One entry per enabled feature:
  visitToken.sign   -> call-service's private key, from the service's own Secret
  visitToken.verify -> the public key (signaling-service): existingSecret, else existingConfigMap, else a
                       chart-created ConfigMap with verify.publicKey
*/}}
{{- define "televisit.keyFiles" -}}
{{- $files := list -}}
{{- $vt := default dict .svc.visitToken -}}
{{- if dig "sign" "enabled" false $vt -}}
{{- $files = append $files (dict "volume" "visit-token-private" "env" "TELEVISIT_CALL_VISIT_TOKEN_PRIVATE_KEY_LOCATION"
    "dir" "/var/run/secrets/televisit/visit-token" "file" "private.pem" "key" "visit-token-private.pem"
    "secret" (include "televisit.secretName" .)) -}}
{{- end -}}
{{- if dig "verify" "enabled" false $vt -}}
{{- $v := $vt.verify -}}
{{- /* Like existingSecret for the service Secret: an existing object wins over the inline PEM. */ -}}
{{- $src := dict -}}
{{- if $v.existingSecret -}}
{{- $src = dict "secret" $v.existingSecret -}}
{{- else if $v.existingConfigMap -}}
{{- $src = dict "configMap" $v.existingConfigMap -}}
{{- else if $v.publicKey -}}
{{- $src = dict "configMap" (include "televisit.visitTokenConfigMapName" $) -}}
{{- else -}}
{{- fail (printf "services.%s.visitToken.verify.publicKey is required: the PEM public key of call-service's visit-token key (e.g. --set-file services.%s.visitToken.verify.publicKey=visit-token-public.pem), or set visitToken.verify.existingConfigMap or .existingSecret to an object with the key %q" .name .name "visit-token-public.pem") -}}
{{- end -}}
{{- $files = append $files (merge $src (dict "volume" "visit-token-public" "env" "TELEVISIT_SIGNALING_VISIT_TOKEN_PUBLIC_KEY_LOCATION"
    "dir" "/var/run/secrets/televisit/visit-token-public" "file" "public.pem" "key" "visit-token-public.pem")) -}}
{{- end -}}
{{- toJson $files -}}
{{- end -}}

{{/* ConfigMap the chart creates for an inline visitToken.verify.publicKey. */}}
{{- define "televisit.visitTokenConfigMapName" -}}
{{- printf "%s-visit-token" (include "televisit.resourceName" .) -}}
{{- end -}}

{{/* Replicas that are always there: HPA minimum or the fixed count. */}}
{{- define "televisit.minReplicas" -}}
{{- if .svc.hpa.enabled -}}{{ int .svc.hpa.minReplicas }}{{- else -}}{{ int .svc.replicas }}{{- end -}}
{{- end -}}

{{/* Combinations the schema cannot express; each fails with the value to fix. */}}
{{- define "televisit.validateService" -}}
{{- if and .svc.hpa.enabled (not (dig "requests" "cpu" "" (default dict .svc.resources))) -}}
{{- fail (printf "services.%s.resources.requests.cpu is required when hpa.enabled: the HPA scales on CPU utilization of the request" .name) -}}
{{- end -}}
{{- if and .svc.hpa.enabled (gt (int .svc.hpa.minReplicas) (int .svc.hpa.maxReplicas)) -}}
{{- fail (printf "services.%s.hpa.minReplicas must not exceed hpa.maxReplicas" .name) -}}
{{- end -}}
{{- $roles := include "televisit.dbRoles" . | fromJson -}}
{{- if eq $roles.app $roles.owner -}}
{{- fail (printf "services.%s.database.username (the app role, default \"<name>_app\") must differ from database.migrationUsername (the schema owner, default \"<name>\"): the service must not run as the owner of its schema" .name) -}}
{{- end -}}
{{- if ge (int .svc.preStopSleepSeconds) (int .svc.terminationGracePeriodSeconds) -}}
{{- fail (printf "services.%s.terminationGracePeriodSeconds must be longer than preStopSleepSeconds, or the app never gets time to shut down" .name) -}}
{{- end -}}
{{- end -}}

{{/* A NetworkPolicy peer from optional namespaceSelector/podSelector (both set: pods in those namespaces). */}}
{{- define "televisit.netpolPeer" -}}
{{- $peer := dict -}}
{{- with .namespaceSelector }}{{ $_ := set $peer "namespaceSelector" . }}{{ end -}}
{{- with .podSelector }}{{ $_ := set $peer "podSelector" . }}{{ end -}}
{{- if $peer }}{{ toYaml (list $peer) }}{{ end -}}
{{- end -}}

{{/* Egress rule to TCP ports; without cidrs the ports are open to any destination. */}}
{{- define "televisit.netpolCidrRule" -}}
- ports:
    {{- range .ports }}
    - port: {{ int . }}
      protocol: TCP
    {{- end }}
  {{- with .cidrs }}
  to:
    {{- range . }}
    - ipBlock:
        cidr: {{ . }}
    {{- end }}
  {{- end }}
{{- end -}}
