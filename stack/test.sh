#!/usr/bin/env bash
# THE test command: fresh test infra, `mvn -B verify` (extra args passed through), the browser end-to-end tests
# (web/e2e, real Chromium against the packaged services behind the gateway), then helm/test.sh if present.
# usage: stack/test.sh [MAVEN ARGS...]      e.g. stack/test.sh -pl call-service -am
# With Maven arguments (a partial build) the browser tests are skipped unless TELEVISIT_E2E=1.
# The test infra is stopped on exit (also on Ctrl-C/TERM); the exit code is non-zero when any step failed.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

t0=$(now_ms)
child=""
# shellcheck disable=SC2317 # invoked by the EXIT trap
finish() {
  local rc=$?
  if [[ -n $child ]] && kill -0 "$child" 2>/dev/null; then kill -TERM "$child" 2>/dev/null || true; fi
  "$STACK_SCRIPTS/services.sh" stop test >/dev/null 2>&1 || true
  "$STACK_SCRIPTS/infra.sh" stop test >/dev/null 2>&1 || warn "stopping the test infra failed"
  info "stack/test.sh: $( ((rc == 0)) && echo OK || echo "FAILED (exit $rc)") in $(since "$t0")"
  exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"$STACK_SCRIPTS/install.sh"
"$STACK_SCRIPTS/infra.sh" reset test
# shellcheck source=/dev/null
source "$STACK_ROOT/test/stack.env"

cd "$REPO_ROOT"
rc=0
step=$(now_ms)
# run in the background + wait, so that a TERM/INT reaches the trap at once
mvn -B verify "$@" &
child=$!
wait "$child" || rc=$?
info "mvn verify: $( ((rc == 0)) && echo ok || echo "FAILED (exit $rc)") ($(since "$step"))"

if ((rc == 0)) && { (($# == 0)) || [[ ${TELEVISIT_E2E:-} == 1 ]]; }; then
  step=$(now_ms)
  e2e_rc=0
  { "$STACK_SCRIPTS/services.sh" start test && npm run --silent --prefix "$REPO_ROOT/web" e2e; } &
  child=$!
  wait "$child" || e2e_rc=$?
  "$STACK_SCRIPTS/services.sh" stop test >/dev/null 2>&1 || true
  info "browser e2e (web/e2e): $( ((e2e_rc == 0)) && echo ok || echo "FAILED (exit $e2e_rc)") ($(since "$step"))"
  rc=$e2e_rc
fi

if [[ -x $REPO_ROOT/helm/test.sh ]]; then
  step=$(now_ms)
  helm_rc=0
  "$REPO_ROOT/helm/test.sh" &
  child=$!
  wait "$child" || helm_rc=$?
  info "helm/test.sh: $( ((helm_rc == 0)) && echo ok || echo "FAILED (exit $helm_rc)") ($(since "$step"))"
  ((rc != 0)) || rc=$helm_rc
fi
exit "$rc"
