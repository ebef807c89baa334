#!/usr/bin/env bash
# THE test command: fresh test infra, `mvn -B verify` (extra args passed through), then helm/test.sh if present.
# usage: stack/test.sh [MAVEN ARGS...]      e.g. stack/test.sh -pl call-service -am
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
