#!/usr/bin/env bash
# Prints a signed RS256 JWT from the LOCAL DEVELOPMENT issuer of a stack profile.
# usage: stack/token.sh clinician|patient|admin [--sub ID] [--upn NAME] [--ttl SECONDS] [--profile dev|test]
# e.g.   curl -H "Authorization: Bearer $(stack/token.sh clinician)" http://127.0.0.1:18080/api/calls/...
# Production tokens come from the hospital's OIDC provider: refuses to run when TELEVISIT_PROFILE=prod.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

usage() { die "usage: stack/token.sh clinician|patient|admin [--sub ID] [--upn NAME] [--ttl SECONDS] [--profile dev|test]"; }

if [[ ${TELEVISIT_PROFILE:-} == prod ]]; then
  die "refusing to mint a development token with TELEVISIT_PROFILE=prod (use the hospital's OIDC provider)"
fi
(($# >= 1)) || usage
role=$1
shift
case "$role" in clinician | patient | admin) ;; *) usage ;; esac
profile=dev
extra=()
while (($#)); do
  (($# >= 2)) || usage
  case "$1" in
    --profile) profile=$2 ;;
    --sub | --upn | --ttl) extra+=("$1" "$2") ;;
    *) usage ;;
  esac
  shift 2
done
profile_init "$profile"
key="$SECRETS_DIR/jwt-private.pem"
[[ -r $key && -f $STACK_ENV ]] || die "no signing key for profile $profile: start the stack first (stack/infra.sh start $profile)"
issuer=$(sed -n 's/^export TELEVISIT_JWT_ISSUER=//p' "$STACK_ENV")
[[ -n $issuer ]] || die "TELEVISIT_JWT_ISSUER missing in $STACK_ENV"
exec java "$STACK_SCRIPTS/tools/DevToken.java" --key "$key" --issuer "$issuer" --role "$role" "${extra[@]}"
