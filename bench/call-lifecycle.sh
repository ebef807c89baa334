#!/usr/bin/env bash
# Benchmark: create -> initiate -> answer -> end against the packaged call-service on a fresh bench stack (its own ports, so tests can run meanwhile).
# usage: bench/call-lifecycle.sh [VISITS=2000] [CONCURRENCY=16] [WARMUP=300]
# Prints visits/s and p50/p90/p99 per call; see docs/BENCHMARKS.md for recorded figures.
set -euo pipefail
cd "$(dirname "$0")/.."
visits=${1:-2000} concurrency=${2:-16} warmup=${3:-300}

# shellcheck source=lib.sh
source bench/lib.sh
bench_stack call-service

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; call-service JVM: ${TELEVISIT_SERVICE_JVM_OPTS:--Xmx256m -XX:+UseSerialGC}"
java -cp "$(bench_classpath)" io.televisit.bench.CallLifecycleBenchmark \
  "http://127.0.0.1:$TELEVISIT_CALL_PORT" "$visits" "$concurrency" "$warmup"
pid=$(cat .stack/bench/run/call-service.pid)
echo "call-service after the run: RSS $(( $(awk '/VmRSS/{print $2}' /proc/"$pid"/status) / 1024 )) MB, CPU time $(( ($(awk '{print $14+$15}' /proc/"$pid"/stat)) * 10 )) ms"
