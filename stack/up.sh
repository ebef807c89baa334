#!/usr/bin/env bash
# THE one command for a fresh machine: install, start the dev infra, build if needed, start the services.
# usage: stack/up.sh [--rebuild]
#   --rebuild  always run the Maven build (default: only when a jar is missing or sources are newer)
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

rebuild=false
for arg in "$@"; do
  case "$arg" in
    --rebuild) rebuild=true ;;
    *) die "usage: stack/up.sh [--rebuild]" ;;
  esac
done

# build_reason: prints why the suite needs a build; fails when the jars are up to date.
build_reason() {
  local svc jar oldest="" changed
  for svc in "${SERVICES[@]}"; do
    jar="$REPO_ROOT/$svc/target/quarkus-app/quarkus-run.jar"
    if [[ ! -f $jar ]]; then
      echo "$svc is not built"
      return 0
    fi
    if [[ -z $oldest || $jar -ot $oldest ]]; then oldest=$jar; fi
  done
  changed=$(find "$REPO_ROOT" \( -path "$REPO_ROOT/.git" -o -path "$REPO_ROOT/.stack" -o -name target \
    -o -name node_modules \) -prune -o -type f \( -name pom.xml -o -path '*/src/main/*' \) \
    -newer "$oldest" -print -quit)
  if [[ -n $changed ]]; then
    echo "sources changed since the last build (${changed#"$REPO_ROOT"/})"
    return 0
  fi
  return 1
}

t0=$(now_ms)
"$STACK_SCRIPTS/install.sh"
"$STACK_SCRIPTS/infra.sh" start dev

if [[ $rebuild == true ]] || reason=$(build_reason); then
  info "building the suite (${reason:-forced by --rebuild}): mvn -B -q -DskipTests package"
  tb=$(now_ms)
  (cd "$REPO_ROOT" && mvn -B -q -DskipTests package) || die "the build failed"
  info "build: ok ($(since "$tb"))"
fi

"$STACK_SCRIPTS/services.sh" start dev

profile_init dev
printf '\nTelevisit dev stack is up (%s).\n' "$(since "$t0")"
printf '  %-21s %s\n' gateway "http://127.0.0.1:$GATEWAY_PORT/  (web/dist, /api/<service>/..., /ws)"
for svc in "${SERVICES[@]}"; do
  base="http://127.0.0.1:$(service_port "$svc")"
  printf '  %-21s %s  health %s/q/health  metrics %s/q/metrics  OpenAPI %s/q/openapi\n' \
    "$svc" "$base" "$base" "$base" "$base"
done
printf '  %-21s %s\n' PostgreSQL "127.0.0.1:$PG_PORT  databases/roles: ${DATABASES[*]}"
printf '  %-21s %s\n' Kafka "127.0.0.1:$KAFKA_PORT  (topics from event-contracts/.../topics.csv)"
printf '  %-21s %s\n' S3 "http://127.0.0.1:$S3_PORT  bucket $S3_BUCKET (path-style, region us-east-1)"
printf '  %-21s %s\n' TURN "turn:127.0.0.1:$TURN_PORT (udp+tcp), realm $TURN_REALM, TURN REST credentials"
cat <<EOF

  Environment (ports, keys, secrets): source ${STACK_ENV#"$REPO_ROOT"/}
  Logs: ${LOG_DIR#"$REPO_ROOT"/}/      Status: stack/status.sh      Stop: stack/down.sh
  Dev token (local issuer $JWT_ISSUER, aud televisit-api):
    TOKEN=\$(stack/token.sh clinician)        # or patient | admin; --sub ID --ttl SECONDS
    curl -H "Authorization: Bearer \$TOKEN" http://127.0.0.1:$GATEWAY_PORT/api/calls/...
EOF
