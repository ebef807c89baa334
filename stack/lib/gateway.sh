# shellcheck shell=bash
# nginx gateway: /api/<x>/ -> service (full URI kept), /ws -> signaling (WebSocket), static web/dist.

gw_dir() { echo "$PROFILE_DIR/nginx"; }
gw_log() { echo "$LOG_DIR/nginx-error.log"; }

nginx_bin() { command -v nginx || echo /usr/sbin/nginx; }

# gw_location PATH SERVICE [websocket]: one proxied location block.
gw_location() {
  local path=$1 port
  port=$(service_port "$2")
  cat <<EOF
    location $path {
      proxy_pass http://127.0.0.1:$port;
      proxy_http_version 1.1;
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_set_header X-Forwarded-Host \$http_host;
      proxy_set_header Upgrade \$http_upgrade;
      proxy_set_header Connection \$connection_upgrade;
EOF
  if [[ ${3:-} == websocket ]]; then
    echo "      proxy_read_timeout 1h;"
    echo "      proxy_send_timeout 1h;"
  fi
  echo "    }"
}

gw_write_conf() {
  local dir=$1 mime=/etc/nginx/mime.types
  {
    cat <<EOF
# written by stack/lib/gateway.sh on every start
daemon off;
worker_processes 1;
pid $dir/nginx.pid;
error_log $(gw_log) warn;
events { worker_connections 4096; }
http {
EOF
    if [[ -f $mime ]]; then echo "  include $mime;"; fi
    cat <<EOF
  default_type application/octet-stream;
  access_log $LOG_DIR/nginx-access.log;
  client_body_temp_path $dir/tmp/client_body;
  proxy_temp_path $dir/tmp/proxy;
  fastcgi_temp_path $dir/tmp/fastcgi;
  uwsgi_temp_path $dir/tmp/uwsgi;
  scgi_temp_path $dir/tmp/scgi;
  client_max_body_size 512m;
  server_tokens off;
  map \$http_upgrade \$connection_upgrade { default upgrade; '' ''; }
  server {
    listen 127.0.0.1:$GATEWAY_PORT;
    server_name localhost;
    root $REPO_ROOT/web/dist;
    location / { try_files \$uri \$uri/ /index.html =404; }
EOF
    gw_location /api/calls/ call-service
    gw_location /api/signaling/ signaling-service websocket
    gw_location /ws signaling-service websocket
    gw_location /api/recordings/ recording-service
    gw_location /api/quality/ quality-service
    gw_location /api/notifications/ notification-service
    echo "  }"
    echo "}"
  } >"$dir/nginx.conf"
}

gw_launch() {
  local dir
  dir=$(gw_dir)
  mkdir -p "$dir/tmp" "$LOG_DIR" "$RUN_DIR"
  gw_write_conf "$dir"
  local out
  out=$("$(nginx_bin)" -q -t -p "$dir/" -c "$dir/nginx.conf" -e "$(gw_log)" 2>&1) || {
    printf 'ERROR: generated nginx configuration is invalid:\n%s\n' "$out" >&2
    return 1
  }
  start_bg nginx "$(gw_log)" "$(nginx_bin)" -p "$dir/" -c "$dir/nginx.conf" -e "$(gw_log)"
}

gw_start() {
  if ! comp_pid nginx >/dev/null; then
    if tcp_open "$GATEWAY_PORT"; then
      echo "ERROR: port $GATEWAY_PORT is in use by another process (not this stack's nginx)" >&2
      return 1
    fi
    gw_launch || return 1
  fi
}

gw_wait() { wait_for nginx 15 "$(gw_log)" http_answers "http://127.0.0.1:$GATEWAY_PORT/"; }

gw_stop() { stop_pid nginx 10; }
