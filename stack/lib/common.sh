# shellcheck shell=bash disable=SC2034 # variables are used by the scripts sourcing this file
# Shared helpers of the local stack scripts. Sourced, never executed.
# Locates the repository from this file's own path, so scripts work from any cwd.

STACK_SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO_ROOT="$(cd "$STACK_SCRIPTS/.." && pwd)"
STACK_ROOT="$REPO_ROOT/.stack"
STACK_LIB="$STACK_ROOT/lib"
KAFKA_LIB="$STACK_LIB/kafka"
S3PROXY_JAR="$STACK_LIB/s3proxy/s3proxy.jar"
PG_BIN="/usr/lib/postgresql/15/bin"
TOPICS_CSV="$REPO_ROOT/event-contracts/src/main/resources/io/televisit/events/topics.csv"
SERVICES=(call-service signaling-service recording-service quality-service notification-service)
# The fixed order that gives each service its port, whatever subset a command works on.
readonly ALL_SERVICES=("${SERVICES[@]}")
DATABASES=(call signaling recording quality notification)
export STACK_SCRIPTS REPO_ROOT STACK_ROOT

info() { printf '%s\n' "$*"; }
warn() { printf 'WARN: %s\n' "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

# Milliseconds since the epoch (bash 5 EPOCHREALTIME, no fork).
now_ms() { local t=${EPOCHREALTIME/[.,]/}; echo $((t / 1000)); }
# Seconds (one decimal) elapsed since a now_ms value.
since() { local d=$(($(now_ms) - $1)); printf '%d.%01ds' $((d / 1000)) $((d % 1000 / 100)); }

# profile_init dev|test: sets the profile's directories and ports (see docs/LOCAL-STACK-CONTRACT.md).
profile_init() {
  local base
  case "${1:-}" in
    dev) base=1 ;;
    test) base=2 ;;
    # Benchmarks get their own infra, so a benchmark never disturbs a test run (and the other way round).
    bench) base=3 ;;
    *) die "unknown profile '${1:-}' (expected dev, test or bench)" ;;
  esac
  PROFILE="$1"
  PORT_BASE="$base"
  PROFILE_DIR="$STACK_ROOT/$PROFILE"
  RUN_DIR="$PROFILE_DIR/run"
  LOG_DIR="$PROFILE_DIR/logs"
  SECRETS_DIR="$PROFILE_DIR/secrets"
  STACK_ENV="$PROFILE_DIR/stack.env"
  PG_PORT="${base}5432"
  KAFKA_PORT="${base}9092"
  KAFKA_CONTROLLER_PORT="${base}9093"
  S3_PORT="${base}9000"
  TURN_PORT="${base}3478"
  GATEWAY_PORT="${base}8080"
  case $PROFILE in
    dev) TURN_MIN_PORT=50000 TURN_MAX_PORT=50999 ;;
    test) TURN_MIN_PORT=51000 TURN_MAX_PORT=51999 ;;
    *) TURN_MIN_PORT=52000 TURN_MAX_PORT=52999 ;;
  esac
  S3_BUCKET="televisit-recordings"
  TURN_REALM="televisit.local"
  JWT_ISSUER="https://auth.televisit.local"
}

# service_port SERVICE: HTTP port of a service in the current profile.
service_port() {
  local i
  for i in "${!ALL_SERVICES[@]}"; do
    if [[ ${ALL_SERVICES[$i]} == "$1" ]]; then echo "${PORT_BASE}808$((i + 1))"; return 0; fi
  done
  die "unknown service $1"
}

# service_db SERVICE: database and role name of a service (call-service -> call).
service_db() { echo "${1%-service}"; }

# ---- processes -------------------------------------------------------------------------------

# proc_is_ours PID: alive and its command line mentions this profile's directory.
proc_is_ours() {
  local pid=$1 cmd
  [[ $pid =~ ^[0-9]+$ && -r /proc/$pid/cmdline ]] || return 1
  cmd=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
  [[ $cmd == *"$PROFILE_DIR/"* ]]
}

# comp_pid NAME: prints the pid of our running component NAME (pid file in run/), else fails.
comp_pid() {
  local f="$RUN_DIR/$1.pid" pid
  [[ -s $f ]] || return 1
  read -r pid <"$f" || true
  proc_is_ours "$pid" || return 1
  echo "$pid"
}

# start_bg NAME LOGFILE CMD...: starts CMD in its own session, pid into run/NAME.pid.
start_bg() {
  local name=$1 log=$2
  shift 2
  mkdir -p "$RUN_DIR" "$(dirname "$log")"
  setsid "$@" >>"$log" 2>&1 </dev/null &
  echo $! >"$RUN_DIR/$name.pid"
}

# stop_pid NAME [TIMEOUT_S]: TERM, wait, then KILL; only our own process from its pid file.
stop_pid() {
  local name=$1 timeout=${2:-20} pid deadline
  if ! pid=$(comp_pid "$name"); then
    rm -f "$RUN_DIR/$name.pid"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  deadline=$((SECONDS + timeout))
  while proc_is_ours "$pid" && ((SECONDS < deadline)); do sleep 0.1; done
  if proc_is_ours "$pid"; then
    warn "$name (pid $pid) did not stop within ${timeout}s, killing it"
    kill -KILL "$pid" 2>/dev/null || true
    while proc_is_ours "$pid"; do sleep 0.1; done
  fi
  rm -f "$RUN_DIR/$name.pid"
}

# ---- probes ----------------------------------------------------------------------------------

tcp_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# http_code URL: prints the HTTP status (000 when nothing answers).
http_code() { curl -s -o /dev/null -m 3 -w '%{http_code}' "$1" 2>/dev/null || true; }

http_answers() { [[ $(http_code "$1") != 000 ]]; }

# log_tail FILE: last lines of a component log, indented.
log_tail() {
  if [[ -s $1 ]]; then
    printf -- '---- last lines of %s ----\n' "$1" >&2
    tail -n "${2:-25}" "$1" | sed 's/^/  | /' >&2
  else
    printf -- '---- %s is empty or missing ----\n' "$1" >&2
  fi
}

# wait_for NAME TIMEOUT_S LOGFILE PROBE...: waits until PROBE succeeds while NAME keeps running.
# On failure prints a clear error and the log tail, returns 1.
wait_for() {
  local name=$1 timeout=$2 log=$3 deadline
  shift 3
  deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    if ! comp_pid "$name" >/dev/null; then
      printf 'ERROR: %s exited during start-up\n' "$name" >&2
      log_tail "$log"
      return 1
    fi
    if ((SECONDS >= deadline)); then
      printf 'ERROR: %s did not become ready within %ss\n' "$name" "$timeout" >&2
      log_tail "$log"
      return 1
    fi
    sleep 0.2
  done
}

# rss_of PID: resident memory in MB.
rss_of() { awk '/^VmRSS:/ {printf "%d MB", $2 / 1024}' "/proc/$1/status" 2>/dev/null || true; }
