#!/usr/bin/env bash
# Stops the services, then the infra of a profile.
# usage: stack/down.sh [dev|test]   (default dev)
set -euo pipefail
here="$(dirname "${BASH_SOURCE[0]}")"
profile=${1:-dev}
"$here/services.sh" stop "$profile"
"$here/infra.sh" stop "$profile"
