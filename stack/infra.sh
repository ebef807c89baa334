#!/usr/bin/env bash
# Local infrastructure of one profile: PostgreSQL, Kafka (KRaft), s3proxy, coturn, nginx gateway.
# usage: stack/infra.sh start|stop|status|reset dev|test|bench
# Data, logs, pids and secrets live in .stack/<profile>/; stack.env there is the contract's environment.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail
LIB="$(dirname "${BASH_SOURCE[0]}")/lib"
# shellcheck source=lib/common.sh
source "$LIB/common.sh"
# shellcheck source=lib/secrets.sh
source "$LIB/secrets.sh"
# shellcheck source=lib/pg.sh
source "$LIB/pg.sh"
# shellcheck source=lib/kafka.sh
source "$LIB/kafka.sh"
# shellcheck source=lib/s3.sh
source "$LIB/s3.sh"
# shellcheck source=lib/turn.sh
source "$LIB/turn.sh"
# shellcheck source=lib/gateway.sh
source "$LIB/gateway.sh"

usage() { die "usage: stack/infra.sh start|stop|status|reset dev|test|bench"; }

declare -A LAUNCHED=()
FAILED=()

# launch NAME FN: starts a component without waiting; remembers when, or that it failed.
launch() {
  LAUNCHED[$1]=$(now_ms)
  if ! "$2"; then
    FAILED+=("$1")
    unset 'LAUNCHED[$1]'
  fi
}

# ready NAME FN ENDPOINT: waits for a launched component and reports how long it took.
ready() {
  [[ -n ${LAUNCHED[$1]:-} ]] || return 0
  if "$2"; then
    printf '  %-9s ready  %6s  %s\n' "$1" "$(since "${LAUNCHED[$1]}")" "$3"
  else
    FAILED+=("$1")
  fi
}

infra_start() {
  [[ -f $KAFKA_LIB/.resolved && -f $S3PROXY_JAR && -x $PG_BIN/initdb ]] ||
    die "the stack is not installed: run stack/install.sh first"
  if ! command -v turnserver >/dev/null || [[ ! -x $(nginx_bin) ]]; then
    die "coturn/nginx missing: run stack/install.sh first"
  fi
  local t0
  t0=$(now_ms)
  mkdir -p "$RUN_DIR" "$LOG_DIR"
  ensure_secrets
  write_stack_env
  info "starting infra ($PROFILE) in ${PROFILE_DIR#"$REPO_ROOT"/}"
  # JVMs first (slowest to boot), then the quick native ones; postgres (initdb + start, synchronous)
  # overlaps with the JVMs' boot.
  launch kafka kafka_start
  launch s3proxy s3_start
  launch coturn turn_start
  launch nginx gw_start
  ready coturn turn_wait "127.0.0.1:$TURN_PORT udp+tcp, relay $TURN_MIN_PORT-$TURN_MAX_PORT"
  ready nginx gw_wait "http://127.0.0.1:$GATEWAY_PORT"
  launch postgres pg_start
  ready postgres true "127.0.0.1:$PG_PORT (databases: ${DATABASES[*]})"
  ready s3proxy s3_wait "http://127.0.0.1:$S3_PORT (bucket $S3_BUCKET)"
  ready kafka kafka_wait "127.0.0.1:$KAFKA_PORT (topics created)"
  if ((${#FAILED[@]})); then
    die "infra ($PROFILE) failed: ${FAILED[*]} (logs in ${LOG_DIR#"$REPO_ROOT"/})"
  fi
  info "infra ($PROFILE) up in $(since "$t0"); environment: $STACK_ENV"
}

infra_stop() {
  local t0
  t0=$(now_ms)
  [[ -d $PROFILE_DIR ]] || {
    info "infra ($PROFILE): nothing to stop"
    return 0
  }
  gw_stop &
  turn_stop &
  s3_stop &
  kafka_stop &
  pg_stop &
  wait
  info "infra ($PROFILE) stopped in $(since "$t0")"
}

# status_line NAME PROBE ENDPOINT: prints up/down; returns 1 when down.
status_line() {
  local pid
  if pid=$(comp_pid "$1") && "$2" >/dev/null 2>&1; then
    printf '  %-9s up    pid %-7s %-8s %s\n' "$1" "$pid" "$(rss_of "$pid")" "$3"
  elif pid=$(comp_pid "$1"); then
    printf '  %-9s DOWN  pid %-7s (process runs but does not answer) %s\n' "$1" "$pid" "$3"
    return 1
  else
    printf '  %-9s down\n' "$1"
    return 1
  fi
}

kafka_up() { tcp_open "$KAFKA_PORT"; }
s3_up() { http_answers "http://127.0.0.1:$S3_PORT/"; }
gw_up() { http_answers "http://127.0.0.1:$GATEWAY_PORT/"; }

infra_status() {
  local rc=0
  info "infra ($PROFILE):"
  status_line postgres pg_ready "127.0.0.1:$PG_PORT" || rc=1
  status_line kafka kafka_up "127.0.0.1:$KAFKA_PORT" || rc=1
  status_line s3proxy s3_up "http://127.0.0.1:$S3_PORT" || rc=1
  status_line coturn turn_ready "127.0.0.1:$TURN_PORT" || rc=1
  status_line nginx gw_up "http://127.0.0.1:$GATEWAY_PORT" || rc=1
  return "$rc"
}

infra_reset() {
  [[ $PROFILE_DIR == "$STACK_ROOT"/* ]] || die "refusing to delete $PROFILE_DIR"
  if [[ -d $RUN_DIR ]]; then "$STACK_SCRIPTS/services.sh" stop "$PROFILE" >/dev/null; fi
  infra_stop
  rm -rf "$PROFILE_DIR"
  info "deleted ${PROFILE_DIR#"$REPO_ROOT"/}"
  infra_start
}

(($# == 2)) || usage
profile_init "$2"
case "$1" in
  start) infra_start ;;
  stop) infra_stop ;;
  status) infra_status ;;
  reset) infra_reset ;;
  *) usage ;;
esac
