#!/usr/bin/env bash
# Offline tests of the Helm chart and the generated kustomize base (no API server needed).
# Ends with "N passed, M failed, K skipped"; exits non-zero when anything failed.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CHART="$ROOT/helm/televisit"
CI_VALUES="$CHART/ci/test-values.yaml"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$ROOT"

passed=0 failed=0 skipped=0
pass() { passed=$((passed + 1)); echo "PASS $*"; }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }
skip() { skipped=$((skipped + 1)); echo "SKIP $*"; }
# check NAME COMMAND...: passes when COMMAND exits 0; shows its output otherwise.
check() {
  local name="$1"; shift
  if "$@" >"$WORK/out" 2>&1; then pass "$name"; else fail "$name"; sed 's/^/    /' "$WORK/out" | tail -20; fi
}
count() { grep -c "^kind: $2\$" "$1" || true; }    # count KIND objects in a rendered file
# doc FILE KIND NAME: the one rendered object KIND/NAME (documents split on "---" lines).
doc() {
  awk -v k="kind: $2" -v n="  name: $3" 'BEGIN { RS = "\n---\n" } index("\n" $0 "\n", "\n" k "\n") && index("\n" $0 "\n", "\n" n "\n")' "$1"
}
expect_eq() { [[ "$2" == "$3" ]] || { echo "$1: expected $3, got $2"; return 1; }; }

# ---------------------------------------------------------------- tools
if BIN="$(helm/tools.sh)"; then pass "tools.sh installs helm and kubectl"; else fail "tools.sh"; echo "$failed failed"; exit 1; fi
HELM="$BIN/helm" KUBECTL="$BIN/kubectl"
check "tools.sh is idempotent (second run reuses the binaries)" bash -c '[[ "$(helm/tools.sh 2>&1)" == "'"$BIN"'" ]]'

# Classpath of the offline manifest validator (client-java models), resolved once from Maven Central.
VALIDATOR_CP=""
if mvn -q -B -f helm/validate/pom.xml dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >"$WORK/mvn.log" 2>&1; then
  VALIDATOR_CP="$(cat "$WORK/cp.txt")"
  pass "manifest validator classpath resolved"
else
  fail "manifest validator classpath (mvn)"; tail -20 "$WORK/mvn.log"
fi
validate() { [[ -n "$VALIDATOR_CP" ]] && java -cp "$VALIDATOR_CP" helm/validate/ValidateManifests.java "$@"; }

# ---------------------------------------------------------------- lint
check "helm lint --strict (ci values)" "$HELM" lint --strict "$CHART" -f "$CI_VALUES"
check "helm lint --strict (example values)" "$HELM" lint --strict "$CHART" -f k8s/values-example.yaml

t_notes() {
  "$HELM" install televisit "$CHART" --namespace televisit -f "$CI_VALUES" --dry-run=client >"$WORK/install.txt" &&
  grep -q 'registry.test.invalid/televisit/signaling-service:0.1.0' "$WORK/install.txt" &&
  grep -q 'see k8s/README.md' "$WORK/install.txt" &&
  grep -q 'Database "call": runs as role call_app (db-password), migrations as owner call (db-migration-password)' "$WORK/install.txt" &&
  grep -q 'visit-token-private.pem from Secret televisit-call-service -> /var/run/secrets/televisit/visit-token/private.pem' "$WORK/install.txt" &&
  grep -q 'X-Forwarded-For is trusted from: 10.244.0.0/16, 192.0.2.10' "$WORK/install.txt"
}
check "NOTES.txt renders (helm install --dry-run=client)" t_notes
check "helm package" "$HELM" package "$CHART" --destination "$WORK"

# ---------------------------------------------------------------- render value sets
render() {  # render NAME ARGS...  -> $WORK/NAME.yaml
  local name="$1"; shift
  "$HELM" template televisit "$CHART" --namespace televisit -f "$CI_VALUES" "$@" >"$WORK/$name.yaml" 2>"$WORK/$name.err"
}
ALL_ON=(--set networkPolicy.enabled=true --set ingress.enabled=true --set ingress.host=televisit.test.invalid
        --set ingress.tls.enabled=true --set ingress.tls.secretName=tls --set metrics.serviceMonitor.enabled=true)
SETS=(default hpa-on hpa-off existing-secret native netpol all-on irsa call-existing-secret no-proxies roles)
render default
render hpa-on --set serviceDefaults.hpa.enabled=true --set services.quality-service.hpa.enabled=false
render hpa-off --set serviceDefaults.replicas=1
render existing-secret -f "$ROOT/k8s/values-example.yaml" --set networkPolicy.enabled=false
render native --set image.flavor=native --set services.call-service.image.flavor=jvm --set services.quality-service.image.tag=9.9.9
render netpol --set networkPolicy.enabled=true --set networkPolicy.egress.allowIntraSuite=true
render all-on "${ALL_ON[@]}"
render irsa --set services.recording-service.s3.credentialsType=default \
  --set-string 'services.recording-service.serviceAccount.annotations.eks\.amazonaws\.com/role-arn=arn:aws:iam::1:role/r' \
  --set services.recording-service.secret.s3AccessKeyId= --set services.recording-service.secret.s3SecretAccessKey=
# No secret values at all for call-service: everything, the visit-token key included, comes from an existing Secret.
render call-existing-secret --set services.call-service.existingSecret=call-from-vault \
  --set services.call-service.secret.dbPassword= --set services.call-service.secret.dbMigrationPassword= \
  --set services.call-service.secret.visitTokenPrivateKey= \
  --set services.signaling-service.visitToken.verify.publicKey= --set services.signaling-service.visitToken.verify.existingSecret=vt-public
printf 'http:\n  trustedProxies: []\n' >"$WORK/no-proxies-values.yaml"   # --set x={} would give [""]
render no-proxies -f "$WORK/no-proxies-values.yaml"
render roles --set services.quality-service.database.username=quality_rw --set services.quality-service.database.migrationUsername=quality_owner
for s in "${SETS[@]}"; do
  if [[ -s "$WORK/$s.yaml" ]]; then pass "helm template ($s)"; else fail "helm template ($s)"; cat "$WORK/$s.err"; fi
done

t_default() {
  local f="$WORK/default.yaml"
  for k in Deployment Service Secret ServiceAccount PodDisruptionBudget; do expect_eq "$k" "$(count "$f" "$k")" 5 || return 1; done
  expect_eq "ConfigMap (5 + signaling's public key)" "$(count "$f" ConfigMap)" 6 || return 1
  for k in HorizontalPodAutoscaler NetworkPolicy Ingress ServiceMonitor; do expect_eq "$k" "$(count "$f" "$k")" 0 || return 1; done
  for p in /q/health/live /q/health/ready /q/health/started; do expect_eq "$p" "$(grep -c "path: $p" "$f")" 5 || return 1; done
  expect_eq "checksum/config" "$(grep -c 'checksum/config: [0-9a-f]\{64\}' "$f")" 5 &&
  expect_eq "checksum/secret" "$(grep -c 'checksum/secret: [0-9a-f]\{64\}' "$f")" 5 &&
  expect_eq "readOnlyRootFilesystem" "$(grep -c 'readOnlyRootFilesystem: true' "$f")" 5 &&
  expect_eq "drop ALL" "$(grep -c 'drop: \[ALL\]' "$f")" 5 &&
  expect_eq "seccomp" "$(grep -c 'type: RuntimeDefault' "$f")" 5 &&
  expect_eq "prometheus.io/scrape" "$(grep -c 'prometheus.io/scrape: "true"' "$f")" 5 &&
  grep -q 'image: registry.test.invalid/televisit/call-service:0.1.0$' "$f" &&
  grep -q 'terminationGracePeriodSeconds: 60' "$f" &&
  grep -q 'QUARKUS_DATASOURCE_REACTIVE_URL: "postgresql://postgres.test.svc:5432/recording?sslmode=require"' "$f" &&
  grep -q 'TELEVISIT_TURN_SERVERS: "\[{' "$f" &&
  grep -q 'name: QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY' "$f" &&
  grep -q 'name: TELEVISIT_TURN_SECRET' "$f" && grep -q 'name: TELEVISIT_SIGNALING_TURN_SECRET' "$f" &&
  ! grep -q MP_JWT_VERIFY_AUDIENCES "$f"
}
check "default: 5 services, probes, checksums, hardening, service-specific env" t_default

t_hpa_on() {
  local f="$WORK/hpa-on.yaml"
  # quality-service's `hpa.enabled: false` must beat the `true` default (merge keeps false/0/"").
  expect_eq HPA "$(count "$f" HorizontalPodAutoscaler)" 4 &&
  expect_eq "Deployments with replicas" "$(grep -c '^  replicas:' "$f")" 1 &&
  grep -q 'apiVersion: autoscaling/v2' "$f" && grep -q 'averageUtilization: 70' "$f" &&
  expect_eq PDB "$(count "$f" PodDisruptionBudget)" 5
}
check "HPA on (per-service false overrides default true), replicas left to the HPA" t_hpa_on

t_hpa_off() {
  local f="$WORK/hpa-off.yaml"
  expect_eq HPA "$(count "$f" HorizontalPodAutoscaler)" 0 &&
  expect_eq "PDB with one replica" "$(count "$f" PodDisruptionBudget)" 0 &&
  expect_eq replicas "$(grep -c '^  replicas: 1$' "$f")" 5
}
check "HPA off, 1 replica: no HPA, no PDB" t_hpa_off

t_existing_secret() {
  local f="$WORK/existing-secret.yaml"
  expect_eq Secret "$(count "$f" Secret)" 0 &&
  grep -q 'name: televisit-recording-service' "$f" &&
  expect_eq "secretKeyRef recording" "$(grep -A1 'name: televisit-recording-service$' "$f" | grep -c 'key: s3-')" 2
}
check "existingSecret: no Secret rendered, pods reference the existing ones" t_existing_secret

t_native() {
  local f="$WORK/native.yaml"
  grep -q 'image: registry.test.invalid/televisit/signaling-service:0.1.0-native$' "$f" &&
  grep -q 'image: registry.test.invalid/televisit/quality-service:9.9.9-native$' "$f" &&
  grep -q 'image: registry.test.invalid/televisit/call-service:0.1.0$' "$f"
}
check "image.flavor native appends -native (per-service override wins)" t_native

t_netpol() {
  local f="$WORK/netpol.yaml"
  expect_eq NetworkPolicy "$(count "$f" NetworkPolicy)" 5 &&
  expect_eq "S3 egress rules" "$(grep -c '# S3 (recordings)' "$f")" 1 &&
  expect_eq "DNS UDP" "$(grep -B1 'protocol: UDP' "$f" | grep -c 'port: 53')" 5 &&
  grep -q 'kubernetes.io/metadata.name: ingress-nginx' "$f" && grep -q 'app.kubernetes.io/name: prometheus' "$f"
}
check "NetworkPolicy on: 5 policies, S3 egress only for recording, DNS" t_netpol

t_all_on() {
  local f="$WORK/all-on.yaml"
  expect_eq Ingress "$(count "$f" Ingress)" 5 && expect_eq ServiceMonitor "$(count "$f" ServiceMonitor)" 5 &&
  for p in /api/calls /api/signaling /ws /api/recordings /api/quality /api/notifications; do
    grep -q "^          - path: $p\$" "$f" || { echo "route $p missing"; return 1; }
  done &&
  # WebSocket timeouts only on the signaling Ingress.
  expect_eq "proxy-read-timeout" "$(grep -c 'proxy-read-timeout: "3600"' "$f")" 1
}
check "Ingress routes and ServiceMonitors; WebSocket timeouts only on signaling" t_all_on

t_irsa() {
  local f="$WORK/irsa.yaml"
  grep -q 'QUARKUS_S3_AWS_CREDENTIALS_TYPE: "default"' "$f" && grep -q 'eks.amazonaws.com/role-arn' "$f" &&
  ! grep -q 's3-access-key-id' "$f"
}
check "recording-service with IRSA/default chain: no S3 keys needed" t_irsa

t_db_roles() {
  local f="$WORK/default.yaml" db cm dep
  for db in call signaling recording quality notification; do
    cm="$(doc "$f" ConfigMap "televisit-$db-service")"; dep="$(doc "$f" Deployment "televisit-$db-service")"
    grep -q "QUARKUS_DATASOURCE_USERNAME: \"${db}_app\"" <<<"$cm" && grep -q "QUARKUS_FLYWAY_USERNAME: \"$db\"" <<<"$cm" &&
    grep -q "QUARKUS_DATASOURCE_JDBC_URL: \"jdbc:postgresql://postgres.test.svc:5432/$db?sslmode=require\"" <<<"$cm" &&
    grep -q "QUARKUS_DATASOURCE_REACTIVE_URL: \"postgresql://postgres.test.svc:5432/$db?sslmode=require\"" <<<"$cm" &&
    grep -A4 'name: QUARKUS_DATASOURCE_PASSWORD$' <<<"$dep" | grep -q 'key: db-password$' &&
    grep -A4 'name: QUARKUS_FLYWAY_PASSWORD$' <<<"$dep" | grep -q 'key: db-migration-password$' &&
    doc "$f" Secret "televisit-$db-service" | grep -q '^  db-migration-password: ' || { echo "roles/passwords of $db"; return 1; }
  done
  f="$WORK/roles.yaml"
  grep -q 'QUARKUS_DATASOURCE_USERNAME: "quality_rw"' "$f" && grep -q 'QUARKUS_FLYWAY_USERNAME: "quality_owner"' "$f"
}
check "DB roles: app role <db>_app + db-password, Flyway as owner <db> + db-migration-password, both URLs" t_db_roles

t_visit_token_files() {
  local f="$WORK/default.yaml" svc dep
  for svc in call signaling recording quality notification; do
    dep="$(doc "$f" Deployment "televisit-$svc-service")"
    [[ -n "$dep" ]] || { echo "no Deployment for $svc"; return 1; }
    expect_eq "$svc: private-key volume+mount" "$(grep -c -- '- name: visit-token-private$' <<<"$dep")" "$([[ $svc == call ]] && echo 2 || echo 0)" &&
    expect_eq "$svc: public-key volume+mount" "$(grep -c -- '- name: visit-token-public$' <<<"$dep")" "$([[ $svc == signaling ]] && echo 2 || echo 0)" &&
    expect_eq "$svc: private-key location" "$(doc "$f" ConfigMap "televisit-$svc-service" | grep -c TELEVISIT_CALL_VISIT_TOKEN_PRIVATE_KEY_LOCATION)" "$([[ $svc == call ]] && echo 1 || echo 0)" &&
    expect_eq "$svc: public-key location" "$(doc "$f" ConfigMap "televisit-$svc-service" | grep -c TELEVISIT_SIGNALING_VISIT_TOKEN_PUBLIC_KEY_LOCATION)" "$([[ $svc == signaling ]] && echo 1 || echo 0)" || return 1
  done
  dep="$(doc "$f" Deployment televisit-call-service)"
  grep -A2 -- '- name: visit-token-private$' <<<"$dep" | grep -q 'mountPath: /var/run/secrets/televisit/visit-token$' &&
  grep -A3 -- '- name: visit-token-private$' <<<"$dep" | grep -q 'readOnly: true' &&
  grep -A7 -- '- name: visit-token-private$' <<<"$dep" | grep -q 'secretName: televisit-call-service$' &&
  grep -A7 -- '- name: visit-token-private$' <<<"$dep" | grep -q 'key: visit-token-private.pem$' &&
  grep -A8 -- '- name: visit-token-private$' <<<"$dep" | grep -q 'path: private.pem$' &&
  doc "$f" ConfigMap televisit-call-service | grep -q 'TELEVISIT_CALL_VISIT_TOKEN_PRIVATE_KEY_LOCATION: "/var/run/secrets/televisit/visit-token/private.pem"' &&
  doc "$f" ConfigMap televisit-call-service | grep -q 'TELEVISIT_CALL_VISIT_TOKEN_TTL: "PT10M"' &&
  doc "$f" ConfigMap televisit-call-service | grep -q 'TELEVISIT_CALL_JOIN_LINKS_BASE_URL: "https://visit.test.invalid/join"' &&
  ! doc "$f" ConfigMap televisit-call-service | grep -q 'TELEVISIT_CALL_VISIT_TOKEN_ISSUER' &&
  expect_eq "private key in Secrets" "$(grep -c '^  visit-token-private.pem: ' "$f")" 1 &&
  doc "$f" Secret televisit-call-service | grep -q '^  visit-token-private.pem: ' &&
  ! grep -q 'name: TELEVISIT_CALL_VISIT_TOKEN_PRIVATE_KEY_LOCATION' "$f" &&
  dep="$(doc "$f" Deployment televisit-signaling-service)" &&
  grep -A2 -- '- name: visit-token-public$' <<<"$dep" | grep -q 'mountPath: /var/run/secrets/televisit/visit-token-public$' &&
  grep -A7 -- '- name: visit-token-public$' <<<"$dep" | grep -q 'name: televisit-signaling-service-visit-token$' &&
  doc "$f" ConfigMap televisit-signaling-service | grep -q 'TELEVISIT_SIGNALING_VISIT_TOKEN_PUBLIC_KEY_LOCATION: "/var/run/secrets/televisit/visit-token-public/public.pem"' &&
  doc "$f" ConfigMap televisit-signaling-service-visit-token | grep -q 'BEGIN PUBLIC KEY' &&
  expect_eq "ConfigMaps" "$(count "$f" ConfigMap)" 6
}
check "visit-token keys: private key volume/mount for call-service only, public key for signaling-service only" t_visit_token_files

t_key_sources_existing() {
  local f="$WORK/existing-secret.yaml" g="$WORK/call-existing-secret.yaml"
  # values-example over the ci values: call-service's key from its existing Secret, and the existing ConfigMap
  # beats the ci values' inline public key (no chart-created ConfigMap for it).
  expect_eq "ConfigMaps (example)" "$(count "$f" ConfigMap)" 5 &&
  doc "$f" Deployment televisit-call-service | grep -A3 'secret:$' | grep -q 'secretName: televisit-call-service$' &&
  doc "$f" Deployment televisit-signaling-service | grep -A2 'configMap:$' | grep -q 'name: televisit-visit-token-public$' &&
  grep -q 'TELEVISIT_CALL_JOIN_LINKS_BASE_URL: "https://visit.hospital.example/join"' "$f" &&
  grep -q 'QUARKUS_HTTP_PROXY_TRUSTED_PROXIES: "10.244.0.0/16"' "$f" &&
  # existingSecret without any secret value for call-service; public key from an existing Secret.
  ! doc "$g" Secret televisit-call-service | grep -q . &&
  expect_eq "Secrets" "$(count "$g" Secret)" 4 &&
  doc "$g" Deployment televisit-call-service | grep -A4 'name: QUARKUS_FLYWAY_PASSWORD$' | grep -q 'name: call-from-vault$' &&
  doc "$g" Deployment televisit-call-service | grep -A3 'secret:$' | grep -q 'secretName: call-from-vault$' &&
  doc "$g" Deployment televisit-signaling-service | grep -A3 'secret:$' | grep -q 'secretName: vt-public$' &&
  expect_eq "ConfigMaps" "$(count "$g" ConfigMap)" 5
}
check "visit-token keys from existing Secrets/ConfigMaps (existingSecret needs no secret values)" t_key_sources_existing

t_trusted_proxies() {
  expect_eq "trusted proxies" "$(grep -c 'QUARKUS_HTTP_PROXY_TRUSTED_PROXIES: "10.244.0.0/16,192.0.2.10"$' "$WORK/default.yaml")" 5 &&
  ! grep -q QUARKUS_HTTP_PROXY_TRUSTED_PROXIES "$WORK/no-proxies.yaml"
}
check "http.trustedProxies -> QUARKUS_HTTP_PROXY_TRUSTED_PROXIES on every service; empty: not set" t_trusted_proxies

# ---------------------------------------------------------------- strict Kubernetes schema validation
if [[ -n "$VALIDATOR_CP" ]]; then
  files=(); for s in "${SETS[@]}"; do files+=("$WORK/$s.yaml"); done
  check "rendered manifests match the Kubernetes API schema (client-java strict) and their references" validate "${files[@]}"
fi

# ---------------------------------------------------------------- rejected values
expect_failure() {  # expect_failure NAME MESSAGE-REGEX HELM-ARGS...
  local name="$1" msg="$2"; shift 2
  if "$HELM" template televisit "$CHART" "$@" >/dev/null 2>"$WORK/err"; then
    fail "$name (rendered although it must not)"
  elif grep -Eq "$msg" "$WORK/err"; then pass "$name"
  else fail "$name (wrong message)"; sed 's/^/    /' "$WORK/err"; fi
}
cat >"$WORK/bad-schema.yaml" <<'EOF'
image:
  flavor: graal          # not in the enum
  registy: typo.example  # unknown key
services:
  call-servcie: {}       # unknown service
  quality-service:
    replicas: two        # wrong type
EOF
expect_failure "schema rejects a bad values file" "values don't meet the specifications of the schema" -f "$CI_VALUES" -f "$WORK/bad-schema.yaml"
for what in "/image/flavor': value must be one of" "additional properties 'registy' not allowed" \
            "additional properties 'call-servcie' not allowed" "/services/quality-service/replicas': got string, want integer"; do
  if grep -q "$what" "$WORK/err"; then pass "schema error names: $what"; else fail "schema error names: $what"; fi
done
expect_failure "schema rejects a bad TURN URL" 'turn/servers/0/urls/0.*does not match pattern' -f "$CI_VALUES" --set 'services.signaling-service.turn.servers[0].region=x' --set 'services.signaling-service.turn.servers[0].urls[0]=http://x'
expect_failure "missing DB password fails clearly" \
  'services\.call-service\.secret\.dbPassword is required: set it .*or set services\.call-service\.existingSecret to a Secret that has the key "db-password"' \
  -f "$CI_VALUES" --set services.call-service.secret.dbPassword=
expect_failure "missing migration password fails clearly" \
  'services\.call-service\.secret\.dbMigrationPassword is required: set it .*or set services\.call-service\.existingSecret to a Secret that has the key "db-migration-password"' \
  -f "$CI_VALUES" --set services.call-service.secret.dbMigrationPassword=
expect_failure "missing migration password fails for every service" 'services\.notification-service\.secret\.dbMigrationPassword is required' \
  -f "$CI_VALUES" --set services.notification-service.secret.dbMigrationPassword=
expect_failure "app role equal to the schema owner fails" 'services\.call-service\.database\.username .*must differ from database\.migrationUsername' \
  -f "$CI_VALUES" --set services.call-service.database.username=call
expect_failure "bad role name rejected by the schema" 'database/migrationUsername.*does not match pattern' \
  -f "$CI_VALUES" --set 'services.call-service.database.migrationUsername=call-owner'
expect_failure "missing visit-token private key fails clearly" \
  'services\.call-service\.secret\.visitTokenPrivateKey is required: set it \(e\.g\. --set-file services\.call-service\.secret\.visitTokenPrivateKey=FILE\), or set services\.call-service\.existingSecret to a Secret that has the key "visit-token-private\.pem"' \
  -f "$CI_VALUES" --set services.call-service.secret.visitTokenPrivateKey=
expect_failure "PKCS#1 private key rejected by the schema" 'secret/visitTokenPrivateKey.*does not match pattern' \
  -f "$CI_VALUES" --set-string 'services.call-service.secret.visitTokenPrivateKey=-----BEGIN RSA PRIVATE KEY-----x-----END RSA PRIVATE KEY-----'
expect_failure "missing visit-token public key fails clearly" \
  'services\.signaling-service\.visitToken\.verify\.publicKey is required: .*or set visitToken\.verify\.existingConfigMap or \.existingSecret to an object with the key "visit-token-public\.pem"' \
  -f "$CI_VALUES" --set services.signaling-service.visitToken.verify.publicKey=
expect_failure "missing join-link base URL fails clearly" 'services\.call-service\.joinLinks\.baseUrl is required' \
  -f "$CI_VALUES" --set services.call-service.joinLinks.baseUrl=
expect_failure "non-ISO-8601 token TTL rejected by the schema" 'visitToken/sign/ttl' \
  -f "$CI_VALUES" --set services.call-service.visitToken.sign.ttl=15m
expect_failure "comma-joined trustedProxies entry rejected by the schema" 'http/trustedProxies/0.*does not match pattern' \
  -f "$CI_VALUES" --set-string 'http.trustedProxies[0]=10.0.0.0/8\,10.1.0.0/16'
expect_failure "missing TURN secret fails clearly" 'services\.signaling-service\.secret\.turnSecret is required' \
  -f "$CI_VALUES" --set services.signaling-service.secret.turnSecret=
expect_failure "short TURN secret rejected by the schema" "secret/turnSecret.*does not match pattern" \
  -f "$CI_VALUES" --set services.signaling-service.secret.turnSecret=short
expect_failure "missing S3 keys fail clearly (static credentials)" 'services\.recording-service\.secret\.s3AccessKeyId is required' \
  -f "$CI_VALUES" --set services.recording-service.secret.s3AccessKeyId=
expect_failure "default values alone fail with the first missing setting" 'is required' 
expect_failure "missing Kafka fails clearly" 'kafka\.bootstrapServers is required' -f "$CI_VALUES" --set kafka.bootstrapServers=
expect_failure "missing JWKS URL fails clearly" 'jwt\.publicKeyLocation is required' -f "$CI_VALUES" --set jwt.publicKeyLocation=
expect_failure "HPA without CPU request fails clearly" 'resources\.requests\.cpu is required when hpa\.enabled' \
  -f "$CI_VALUES" --set services.call-service.hpa.enabled=true --set services.call-service.resources.requests.cpu=null
expect_failure "preStop longer than the grace period fails" 'terminationGracePeriodSeconds must be longer' \
  -f "$CI_VALUES" --set services.call-service.preStopSleepSeconds=40

# ---------------------------------------------------------------- generated kustomize base
if helm/render-k8s.sh "$WORK/televisit.yaml" 2>"$WORK/render.err"; then
  if diff -u k8s/base/televisit.yaml "$WORK/televisit.yaml" >"$WORK/diff"; then pass "k8s/base/televisit.yaml is up to date"
  else fail "k8s/base/televisit.yaml is stale: run helm/render-k8s.sh"; head -40 "$WORK/diff"; fi
else fail "helm/render-k8s.sh"; cat "$WORK/render.err"; fi
if "$KUBECTL" kustomize k8s/base >"$WORK/kustomized.yaml" 2>"$WORK/kz.err"; then
  pass "kubectl kustomize k8s/base"
  [[ -n "$VALIDATOR_CP" ]] && check "kustomized base matches the Kubernetes API schema" validate "$WORK/kustomized.yaml"
else fail "kubectl kustomize k8s/base"; cat "$WORK/kz.err"; fi

# kubectl create --dry-run=client still asks an API server for the REST mapping; run it only where one answers.
if "$KUBECTL" create --dry-run=client -o yaml -f "$WORK/kustomized.yaml" >/dev/null 2>"$WORK/create.err"; then
  pass "kubectl create --dry-run=client"
elif grep -qE 'connection refused|failed to download openapi|unable to recognize|no configuration' "$WORK/create.err"; then
  skip "kubectl create --dry-run=client (needs an API server for discovery; schema checked by the validator above)"
else fail "kubectl create --dry-run=client"; tail -5 "$WORK/create.err"; fi

echo
echo "$passed passed, $failed failed, $skipped skipped"
[[ $failed -eq 0 ]]
