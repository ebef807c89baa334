#!/usr/bin/env bash
# Figure: the patient's admit to the first remote video frame decoded on both sides, real Chromium on both ends,
# through the gateway of a fresh bench stack with all five packaged services. usage: bench/web-admit-to-media.sh [RUNS=10]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
# shellcheck source=lib.sh
source bench/lib.sh
bench_stack call-service signaling-service recording-service quality-service notification-service
echo "machine: $(nproc) cores; $(chromium --version 2>/dev/null | head -n1)"
node web/bench/admit-to-media.mjs "$runs"
