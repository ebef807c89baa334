#!/usr/bin/env bash
# Installs what the local stack needs and is missing, nothing else:
#   Debian: postgresql-15, coturn, nginx-light, openssl, curl, iproute2, JDK 17, Maven, chromium, nodejs, npm
#   npm: the web client's test tools (playwright-core, drives Debian's Chromium) -> web/node_modules/
#   Maven Central: Kafka broker jars -> .stack/lib/kafka/, s3proxy fat jar -> .stack/lib/s3proxy/
# Debian system services of these packages are never left running or enabled.
# A second run only checks files and markers (well under 2 s).
# shellcheck source-path=SCRIPTDIR
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

start=$(now_ms)

# ---- Debian packages -------------------------------------------------------------------------
missing=()
[[ -x $PG_BIN/initdb && -x $PG_BIN/pg_ctl ]] || missing+=(postgresql-15)
[[ -x $PG_BIN/psql && -x $PG_BIN/pg_isready ]] || missing+=(postgresql-client-15)
command -v turnserver >/dev/null && command -v turnutils_uclient >/dev/null || missing+=(coturn)
command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx-light)
command -v openssl >/dev/null || missing+=(openssl)
command -v curl >/dev/null || missing+=(curl)
command -v ss >/dev/null || missing+=(iproute2)
command -v javac >/dev/null || missing+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null || missing+=(maven)
command -v chromium >/dev/null || missing+=(chromium)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)

disable_system_services() {
  # The stack runs its own processes on non-default ports; the packages' own services stay off.
  local svc
  for svc in "$@"; do
    if [[ -d /run/systemd/system ]] && command -v systemctl >/dev/null; then
      systemctl disable --now "$svc" >/dev/null 2>&1 || true
    elif [[ -x /etc/init.d/$svc ]]; then
      "/etc/init.d/$svc" stop >/dev/null 2>&1 || true
      if command -v update-rc.d >/dev/null; then update-rc.d "$svc" disable >/dev/null 2>&1 || true; fi
    fi
  done
}

if ((${#missing[@]})); then
  ((EUID == 0)) || die "missing Debian packages: ${missing[*]}; run stack/install.sh as root (or install them)"
  info "installing Debian packages: ${missing[*]}"
  policy=/usr/sbin/policy-rc.d
  own_policy=false
  if [[ ! -e $policy ]]; then
    # forbid starting services from maintainer scripts for the duration of the install
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    own_policy=true
  fi
  export DEBIAN_FRONTEND=noninteractive
  mkdir -p "$STACK_ROOT"
  apt_log="$STACK_ROOT/install-apt.log"
  apt_rc=0
  { apt-get update -q && apt-get install -y -q --no-install-recommends "${missing[@]}"; } >"$apt_log" 2>&1 || apt_rc=$?
  if [[ $own_policy == true ]]; then rm -f "$policy"; fi
  if ((apt_rc != 0)); then
    log_tail "$apt_log"
    die "apt-get failed (exit $apt_rc), full output in $apt_log"
  fi
  services=()
  for p in "${missing[@]}"; do
    case "$p" in
      postgresql-15) services+=(postgresql) ;;
      coturn) services+=(coturn) ;;
      nginx-light) services+=(nginx) ;;
    esac
  done
  ((${#services[@]} == 0)) || disable_system_services "${services[@]}"
fi

# ---- jars from Maven Central -----------------------------------------------------------------
DEPS_POM="$STACK_SCRIPTS/deps/pom.xml"
pom_sum=$(sha256sum "$DEPS_POM" | cut -d' ' -f1)

# resolve PROFILE DIR: copies the runtime dependencies of a deps/pom.xml profile into DIR.
resolve() {
  local profile=$1 dir=$2 tmp
  if [[ -f $dir/.resolved && $(<"$dir/.resolved") == "$pom_sum" ]]; then return 0; fi
  info "resolving $profile jars from Maven Central into ${dir#"$REPO_ROOT"/}"
  tmp="$dir.tmp"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  if ! mvn -B -Dstyle.color=never -f "$DEPS_POM" -P "$profile" dependency:copy-dependencies \
    -DoutputDirectory="$tmp" >"$STACK_ROOT/install-mvn-$profile.log" 2>&1; then
    rm -rf "$tmp"
    log_tail "$STACK_ROOT/install-mvn-$profile.log" 30
    die "could not resolve the $profile jars (full Maven output in .stack/install-mvn-$profile.log)"
  fi
  echo "$pom_sum" >"$tmp/.resolved"
  rm -rf "$dir"
  mv "$tmp" "$dir"
}

mkdir -p "$STACK_LIB"
resolve kafka "$KAFKA_LIB"
resolve s3proxy "$STACK_LIB/s3proxy"
if [[ ! -f $S3PROXY_JAR ]]; then
  jar=$(compgen -G "$STACK_LIB/s3proxy/s3proxy-*-jar-with-dependencies.jar" | head -n1) ||
    die "s3proxy jar missing in $STACK_LIB/s3proxy"
  mv "$jar" "$S3PROXY_JAR"
fi
compgen -G "$KAFKA_LIB/kafka_2.13-*.jar" >/dev/null || die "Kafka jars missing in $KAFKA_LIB"

# ---- the web client's browser-test tools from npm (exactly package-lock.json) ----------------
WEB_DIR="$REPO_ROOT/web"
lock_sum=$(sha256sum "$WEB_DIR/package-lock.json" | cut -d' ' -f1)
if [[ ! -f $WEB_DIR/node_modules/.installed || $(<"$WEB_DIR/node_modules/.installed") != "$lock_sum" ]]; then
  info "installing the web client's test tools from npm into web/node_modules"
  npm ci --prefix "$WEB_DIR" --no-audit --no-fund >"$STACK_ROOT/install-npm.log" 2>&1 || {
    log_tail "$STACK_ROOT/install-npm.log"
    die "npm ci failed (full output in .stack/install-npm.log)"
  }
  echo "$lock_sum" >"$WEB_DIR/node_modules/.installed"
fi

info "install: ok ($(since "$start"))"
