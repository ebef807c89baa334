#!/usr/bin/env bash
# The five packaged Quarkus services of one profile, against that profile's infra (stack.env).
# usage: stack/services.sh start|stop|status|env dev|test|bench [SERVICE...]   (default: all five)
# env prints a service's environment (NAME=VALUE lines), e.g. to run another instance of it by hand or from a test.
# Each service gets only the standard variables of docs/LOCAL-STACK-CONTRACT.md, as in Kubernetes.
# JVM flags: TELEVISIT_SERVICE_JVM_OPTS (default "-Xmx256m -XX:+UseSerialGC").
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

READY_TIMEOUT=90

usage() { die "usage: stack/services.sh start|stop|status|env dev|test|bench [SERVICE...]"; }

jar_of() { echo "$REPO_ROOT/$1/target/quarkus-app/quarkus-run.jar"; }
health_url() { echo "http://127.0.0.1:$(service_port "$1")/q/health/ready"; }

# service_env SERVICE: NAME=VALUE lines of the service's environment (stack.env must be sourced).
service_env() {
  local svc=$1 db
  db=$(service_db "$svc")
  cat <<EOF
QUARKUS_HTTP_PORT=$(service_port "$svc")
QUARKUS_HTTP_HOST=127.0.0.1
QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:$TELEVISIT_PG_PORT/$db
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:$TELEVISIT_PG_PORT/$db
QUARKUS_DATASOURCE_USERNAME=${db}_app
QUARKUS_DATASOURCE_PASSWORD=$TELEVISIT_DB_PASSWORD
QUARKUS_FLYWAY_USERNAME=$db
QUARKUS_FLYWAY_PASSWORD=$TELEVISIT_DB_PASSWORD
KAFKA_BOOTSTRAP_SERVERS=$TELEVISIT_KAFKA_BOOTSTRAP
MP_JWT_VERIFY_PUBLICKEY_LOCATION=$TELEVISIT_JWT_PUBLIC_KEY
MP_JWT_VERIFY_ISSUER=$TELEVISIT_JWT_ISSUER
EOF
  case "$svc" in
    call-service)
      echo "TELEVISIT_CALL_VISIT_TOKEN_PRIVATE_KEY_LOCATION=$TELEVISIT_VISIT_TOKEN_PRIVATE_KEY"
      ;;
    recording-service)
      cat <<EOF
QUARKUS_S3_ENDPOINT_OVERRIDE=$TELEVISIT_S3_ENDPOINT
QUARKUS_S3_AWS_REGION=us-east-1
QUARKUS_S3_AWS_CREDENTIALS_TYPE=static
QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID=$TELEVISIT_S3_ACCESS_KEY
QUARKUS_S3_AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY=$TELEVISIT_S3_SECRET_KEY
QUARKUS_S3_PATH_STYLE_ACCESS=true
TELEVISIT_RECORDING_BUCKET=$TELEVISIT_S3_BUCKET
EOF
      ;;
    signaling-service)
      cat <<EOF
TELEVISIT_TURN_SECRET=$TELEVISIT_TURN_SECRET
TELEVISIT_ALLOWED_ORIGINS=http://127.0.0.1:$TELEVISIT_GATEWAY_PORT,http://localhost:$TELEVISIT_GATEWAY_PORT
TELEVISIT_SIGNALING_VISIT_TOKEN_PUBLIC_KEY_LOCATION=$TELEVISIT_VISIT_TOKEN_PUBLIC_KEY
TELEVISIT_TURN_SERVERS=[{"region":"local","urls":["stun:127.0.0.1:$TELEVISIT_TURN_PORT","turn:127.0.0.1:$TELEVISIT_TURN_PORT?transport=udp","turn:127.0.0.1:$TELEVISIT_TURN_PORT?transport=tcp"]}]
TELEVISIT_TURN_REALM=$TELEVISIT_TURN_REALM
TELEVISIT_TURN_PORT=$TELEVISIT_TURN_PORT
EOF
      ;;
  esac
}

launch_service() {
  local svc=$1 env_lines opts
  mapfile -t env_lines < <(service_env "$svc")
  read -r -a opts <<<"${TELEVISIT_SERVICE_JVM_OPTS:--Xmx256m -XX:+UseSerialGC}"
  # env -i: nothing of this shell leaks into the service besides PATH/HOME/LANG (tooling, not config).
  # -XX:ErrorFile also puts the profile dir on the command line, which is how stop recognises its pid.
  start_bg "$svc" "$LOG_DIR/$svc.log" env -i PATH="$PATH" HOME="${HOME:-/root}" LANG="${LANG:-C.UTF-8}" \
    "${env_lines[@]}" "$JAVA" "${opts[@]}" -XX:ErrorFile="$LOG_DIR/$svc-hs_err_%p.log" -jar "$(jar_of "$svc")"
}

services_start() {
  local svc missing=() pending=() still t0 code pid
  [[ -f $STACK_ENV ]] || die "no $STACK_ENV: start the infra first (stack/infra.sh start $PROFILE)"
  for svc in "${SERVICES[@]}"; do
    [[ -f $(jar_of "$svc") ]] || missing+=("$svc")
  done
  ((${#missing[@]} == 0)) ||
    die "not built: ${missing[*]} (no target/quarkus-app/quarkus-run.jar); build first: mvn -B -DskipTests package (or stack/up.sh)"
  # shellcheck source=/dev/null
  source "$STACK_ENV"
  JAVA=$(command -v java) || die "java not found"
  mkdir -p "$LOG_DIR" "$RUN_DIR"
  t0=$(now_ms)
  for svc in "${SERVICES[@]}"; do
    if comp_pid "$svc" >/dev/null; then
      info "  $svc already running"
    elif tcp_open "$(service_port "$svc")"; then
      die "port $(service_port "$svc") of $svc is in use by another process"
    else
      : >"$LOG_DIR/$svc.log"
      launch_service "$svc"
    fi
    pending+=("$svc")
  done
  info "waiting for readiness of ${#pending[@]} services (timeout ${READY_TIMEOUT}s)"
  local failed=()
  while ((${#pending[@]})); do
    still=()
    for svc in "${pending[@]}"; do
      code=$(http_code "$(health_url "$svc")")
      if [[ $code == 200 ]]; then
        pid=$(comp_pid "$svc" || true)
        printf '  %-21s ready  %6s  http://127.0.0.1:%s  %s\n' "$svc" "$(since "$t0")" "$(service_port "$svc")" \
          "$(rss_of "${pid:-0}")"
      elif ! comp_pid "$svc" >/dev/null; then
        printf 'ERROR: %s exited during start-up\n' "$svc" >&2
        log_tail "$LOG_DIR/$svc.log" 40
        failed+=("$svc")
      elif (($(now_ms) - t0 >= READY_TIMEOUT * 1000)); then
        printf 'ERROR: %s not ready within %ss (last health status %s)\n' "$svc" "$READY_TIMEOUT" "$code" >&2
        log_tail "$LOG_DIR/$svc.log" 40
        failed+=("$svc")
      else
        still+=("$svc")
      fi
    done
    pending=("${still[@]}")
    ((${#pending[@]} == 0)) || sleep 0.5
  done
  ((${#failed[@]} == 0)) || die "services ($PROFILE) failed: ${failed[*]} (logs in ${LOG_DIR#"$REPO_ROOT"/})"
  info "services ($PROFILE) ready in $(since "$t0")"
}

services_stop() {
  local svc
  for svc in "${SERVICES[@]}"; do stop_pid "$svc" 20 & done
  wait
  info "services ($PROFILE) stopped"
}

services_status() {
  local svc pid code rc=0
  info "services ($PROFILE):"
  for svc in "${SERVICES[@]}"; do
    if pid=$(comp_pid "$svc"); then
      code=$(http_code "$(health_url "$svc")")
      if [[ $code == 200 ]]; then
        printf '  %-21s up    pid %-7s %-8s http://127.0.0.1:%s\n' "$svc" "$pid" "$(rss_of "$pid")" "$(service_port "$svc")"
      else
        printf '  %-21s DOWN  pid %-7s (ready check: HTTP %s)\n' "$svc" "$pid" "$code"
        rc=1
      fi
    else
      printf '  %-21s down\n' "$svc"
      rc=1
    fi
  done
  return "$rc"
}

(($# >= 2)) || usage
profile_init "$2"
if (($# > 2)); then
  for s in "${@:3}"; do service_port "$s" >/dev/null; done
  SERVICES=("${@:3}")
fi
case "$1" in
  start) services_start ;;
  stop) services_stop ;;
  env) source "$STACK_ENV"; for s in "${SERVICES[@]}"; do service_env "$s"; done ;;
  status) services_status ;;
  *) usage ;;
esac
