#!/usr/bin/env bash
# Up/down of every infra component and service.
# usage: stack/status.sh [dev|test ...]   (default: dev, and test when it has run files)
# Exit code 0 when everything shown is up.
set -euo pipefail
here="$(dirname "${BASH_SOURCE[0]}")"
profiles=("$@")
if ((${#profiles[@]} == 0)); then
  profiles=(dev)
  if compgen -G "$here/../.stack/test/run/*.pid" >/dev/null; then profiles+=(test); fi
fi
rc=0
for p in "${profiles[@]}"; do
  "$here/infra.sh" status "$p" || rc=1
  "$here/services.sh" status "$p" || rc=1
done
exit "$rc"
