# shellcheck shell=bash
# PostgreSQL 15 cluster of a profile: .stack/<profile>/pg/data, socket in the data dir, 127.0.0.1 only.
# One database + owning login role (no superuser) per service, password = secrets/db-password (scram).

pg_data() { echo "$PROFILE_DIR/pg/data"; }
pg_log() { echo "$LOG_DIR/postgres.log"; }

# pg_as_owner CMD...: PostgreSQL refuses root, so run as the postgres user when we are root.
pg_as_owner() {
  if ((EUID == 0)); then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

pg_ready() { "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 1; }

pg_write_conf() {
  local data=$1
  {
    echo "# written by stack/lib/pg.sh on every start"
    echo "listen_addresses = '127.0.0.1'"
    echo "port = $PG_PORT"
    echo "unix_socket_directories = '$data'"
    echo "unix_socket_permissions = 0700"
    echo "password_encryption = 'scram-sha-256'"
    echo "max_connections = 200"
    echo "logging_collector = off"
    echo "log_line_prefix = '%m [%p] %q%u@%d '"
    if [[ $PROFILE == test ]]; then
      echo "# throw-away test cluster: durability off for speed (never in production)"
      echo "fsync = off"
      echo "synchronous_commit = off"
      echo "full_page_writes = off"
    fi
  } >"$data/televisit.conf"
  cat >"$data/pg_hba.conf" <<'EOF'
# written by stack/lib/pg.sh: superuser only over the private socket, services by password over TCP
local   all   postgres                 trust
host    all   all        127.0.0.1/32  scram-sha-256
EOF
  if ((EUID == 0)); then chown postgres:postgres "$data/televisit.conf" "$data/pg_hba.conf"; fi
  grep -q "^include = 'televisit.conf'" "$data/postgresql.conf" ||
    echo "include = 'televisit.conf'" >>"$data/postgresql.conf"
}

pg_launch() {
  local data log
  data=$(pg_data)
  log=$(pg_log)
  mkdir -p "$PROFILE_DIR/pg" "$LOG_DIR"
  touch "$log"
  if ((EUID == 0)); then chown postgres:postgres "$PROFILE_DIR/pg" "$log"; fi
  if [[ ! -s $data/PG_VERSION ]]; then
    rm -rf "$data"
    local nosync=()
    if [[ $PROFILE == test ]]; then nosync=(--no-sync); fi
    pg_as_owner "$PG_BIN/initdb" -D "$data" -U postgres -E UTF8 --locale=C.UTF-8 "${nosync[@]}" \
      --auth-local=trust --auth-host=scram-sha-256 >>"$log" 2>&1 || {
      log_tail "$log"
      return 1
    }
  fi
  pg_write_conf "$data"
  if ! pg_as_owner "$PG_BIN/pg_ctl" -D "$data" -l "$log" -w -t 30 start >/dev/null 2>&1; then
    echo "ERROR: postgres did not start" >&2
    log_tail "$log"
    return 1
  fi
  head -n1 "$data/postmaster.pid" >"$RUN_DIR/postgres.pid"
}

# pg_provision: idempotent roles + databases; the password travels on stdin, not the command line.
# Each service database has two roles: <db> owns the schema and runs the migrations; <db>_app is what the service
# runs as, with only the privileges the migrations grant it (e.g. no UPDATE/DELETE on call-service's audit log).
pg_provision() {
  local data pw list r dbs=("${DATABASES[@]}")
  data=$(pg_data)
  pw=$(secret db-password)
  # The test cluster also has a database for event-contracts' own outbox/inbox tests.
  [[ $PROFILE == test ]] && dbs+=(contracts)
  list=$(printf "'%s'," "${dbs[@]}")
  list=${list%,}
  local roles=("${dbs[@]}") role_list
  for r in "${DATABASES[@]}"; do roles+=("${r}_app"); done
  role_list=$(printf "'%s'," "${roles[@]}")
  role_list=${role_list%,}
  {
    echo "SELECT format('CREATE ROLE %I LOGIN', r) FROM unnest(ARRAY[$role_list]) r"
    echo "  WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) \\gexec"
    for r in "${roles[@]}"; do
      echo "ALTER ROLE \"$r\" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '$pw';"
    done
    echo "SELECT format('CREATE DATABASE %I OWNER %I', r, r) FROM unnest(ARRAY[$list]) r"
    echo "  WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = r) \\gexec"
    for r in "${dbs[@]}"; do
      echo "REVOKE ALL ON DATABASE \"$r\" FROM PUBLIC;"
    done
    for r in "${DATABASES[@]}"; do
      echo "GRANT CONNECT, TEMPORARY ON DATABASE \"$r\" TO \"${r}_app\";"
    done
  } | pg_as_owner "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$data" -p "$PG_PORT" -U postgres -d postgres >/dev/null
}

pg_start() {
  if ! comp_pid postgres >/dev/null; then
    if tcp_open "$PG_PORT"; then
      echo "ERROR: port $PG_PORT is in use by another process (not this stack's postgres)" >&2
      return 1
    fi
    pg_launch || return 1
  fi
  wait_for postgres 30 "$(pg_log)" pg_ready || return 1
  pg_provision || {
    echo "ERROR: provisioning databases/roles failed" >&2
    log_tail "$(pg_log)"
    return 1
  }
}

pg_stop() {
  local data
  data=$(pg_data)
  if comp_pid postgres >/dev/null || [[ -f $data/postmaster.pid ]]; then
    # refresh our pid file from postmaster.pid in case it is stale
    if [[ -f $data/postmaster.pid ]]; then head -n1 "$data/postmaster.pid" >"$RUN_DIR/postgres.pid"; fi
    if comp_pid postgres >/dev/null; then
      pg_as_owner "$PG_BIN/pg_ctl" -D "$data" -m fast -w -t 30 stop >/dev/null 2>&1 || true
    fi
  fi
  stop_pid postgres 10
}
