#!/usr/bin/env bash
# Benchmark: quality samples end to end (Kafka -> scored -> decision published through the outbox) on the packaged
# quality-service of a fresh bench stack: ingest rate at the paced rate and at saturation, CPU per sample, and the
# delay from the sample that completes a bad window to its warning on the decisions topic.
# usage: bench/quality-ingest.sh [PARTICIPANTS=10000] [INTERVAL_S=2] [WARMUP_S=20] [MEASURED_S=60] [BACKLOG=200000] [BAD=200]
# Server JVM flags: TELEVISIT_SERVICE_JVM_OPTS; load generator: BENCH_JVM_OPTS. Figures: docs/BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
participants=${1:-10000} interval=${2:-2} warmup=${3:-20} measured=${4:-60} saturation=${5:-200000} bad=${6:-200}

# shellcheck source=lib.sh
source bench/lib.sh
bench_stack quality-service
pid=$(cat .stack/bench/run/quality-service.pid)

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB"
echo "quality-service JVM (pid $pid): ${TELEVISIT_SERVICE_JVM_OPTS:--Xmx256m -XX:+UseSerialGC}"
# shellcheck disable=SC2086 # word splitting of the JVM options is intended
java ${BENCH_JVM_OPTS:--Xms256m -Xmx1g} -cp "$(bench_classpath)" io.televisit.bench.QualityIngestBenchmark \
  "$TELEVISIT_KAFKA_BOOTSTRAP" "http://127.0.0.1:$TELEVISIT_QUALITY_PORT/q/metrics" "$pid" \
  "$participants" "$interval" "$warmup" "$measured" "$saturation" "$bad"
