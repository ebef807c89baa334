# shellcheck shell=bash
# s3proxy (filesystem-nio2 backend, SigV2/V4 auth with the profile's generated keys) + bucket.

s3_dir() { echo "$PROFILE_DIR/s3proxy"; }
s3_log() { echo "$LOG_DIR/s3proxy.log"; }

s3_launch() {
  local dir opts
  dir=$(s3_dir)
  mkdir -p "$dir/data" "$LOG_DIR"
  (
    umask 077
    cat >"$dir/s3proxy.conf" <<EOF
# written by stack/lib/s3.sh on every start (contains the S3 keys)
s3proxy.endpoint=http://127.0.0.1:$S3_PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$(secret s3-access-key)
s3proxy.credential=$(secret s3-secret-key)
jclouds.provider=filesystem-nio2
jclouds.filesystem.basedir=$dir/data
EOF
  )
  read -r -a opts <<<"${TELEVISIT_S3PROXY_JVM_OPTS:--Xmx128m -XX:+UseSerialGC}"
  start_bg s3proxy "$(s3_log)" java "${opts[@]}" \
    -Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener -jar "$S3PROXY_JAR" --properties "$dir/s3proxy.conf"
}

# s3_curl ARGS...: curl with AWS SigV4 signing using the profile's keys (passed as a curl config on
# stdin, not on the command line). curl 7.88 signs an empty-body hash that s3proxy rejects
# (XAmzContentSHA256Mismatch), hence the explicit UNSIGNED-PAYLOAD.
s3_curl() {
  printf 'user = "%s:%s"\n' "$(secret s3-access-key)" "$(secret s3-secret-key)" |
    curl -s -m 10 -K - --aws-sigv4 "aws:amz:us-east-1:s3" -H 'x-amz-content-sha256: UNSIGNED-PAYLOAD' "$@"
}

# s3_ensure_bucket: PUT bucket; 200 = created, 409 = already ours.
s3_ensure_bucket() {
  local code
  code=$(s3_curl -o /dev/null -w '%{http_code}' -X PUT "http://127.0.0.1:$S3_PORT/$S3_BUCKET") || true
  case "$code" in
    200 | 409) return 0 ;;
    *)
      echo "ERROR: creating bucket $S3_BUCKET failed (HTTP $code)" >&2
      return 1
      ;;
  esac
}

s3_start() {
  if ! comp_pid s3proxy >/dev/null; then
    if tcp_open "$S3_PORT"; then
      echo "ERROR: port $S3_PORT is in use by another process (not this stack's s3proxy)" >&2
      return 1
    fi
    s3_launch
  fi
}

s3_wait() {
  wait_for s3proxy 30 "$(s3_log)" http_answers "http://127.0.0.1:$S3_PORT/" || return 1
  s3_ensure_bucket || {
    log_tail "$(s3_log)"
    return 1
  }
}

s3_stop() { stop_pid s3proxy 15; }
