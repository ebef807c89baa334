# shellcheck shell=bash
# coturn TURN server on 127.0.0.1 (udp+tcp), TURN REST credentials (use-auth-secret).

turn_dir() { echo "$PROFILE_DIR/coturn"; }
turn_log() { echo "$LOG_DIR/coturn.log"; }

turn_launch() {
  local dir
  dir=$(turn_dir)
  mkdir -p "$dir" "$LOG_DIR"
  (
    umask 077
    cat >"$dir/turnserver.conf" <<EOF
# written by stack/lib/turn.sh on every start (contains the TURN secret)
listening-ip=127.0.0.1
relay-ip=127.0.0.1
listening-port=$TURN_PORT
min-port=$TURN_MIN_PORT
max-port=$TURN_MAX_PORT
realm=$TURN_REALM
use-auth-secret
static-auth-secret=$(secret turn-secret)
# a second secret, as while rotating: credentials made with either are accepted
static-auth-secret=$(secret turn-secret-previous)
fingerprint
no-cli
no-tls
no-dtls
no-multicast-peers
# loopback test stack only: peers are on 127.0.0.1 (never in production)
allow-loopback-peers
userdb=$dir/turndb
pidfile=$dir/turnserver.pid
log-file=$(turn_log)
simple-log
no-stdout-log
EOF
  )
  start_bg coturn "$(turn_log)" turnserver -c "$dir/turnserver.conf"
}

# turn_udp_listening: the UDP listener is up (TCP is probed by connecting).
turn_udp_listening() { ss -Hlun "sport = :$TURN_PORT" | grep -q .; }

turn_ready() { tcp_open "$TURN_PORT" && turn_udp_listening; }

turn_start() {
  if ! comp_pid coturn >/dev/null; then
    if tcp_open "$TURN_PORT"; then
      echo "ERROR: port $TURN_PORT is in use by another process (not this stack's coturn)" >&2
      return 1
    fi
    turn_launch
  fi
}

turn_wait() { wait_for coturn 15 "$(turn_log)" turn_ready; }

turn_stop() { stop_pid coturn 10; }
