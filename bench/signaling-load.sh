#!/usr/bin/env bash
# Benchmark: R visits x 2 participants on the signaling WebSocket of the packaged signaling-service, on a fresh bench
# stack (its own ports): join latency (paced joins), relay latency of paced ICE bursts, relayed msgs/s at saturation,
# server CPU per relayed message, server RSS and live heap per connection.
# usage: bench/signaling-load.sh [VISITS=1000] [JOIN_RATE=200] [RELAY_RATE=2000] [RELAY_SECONDS=20] [SATURATION_SECONDS=15] [WARMUP_VISITS=500]
# Server JVM flags: TELEVISIT_SERVICE_JVM_OPTS (default -Xmx256m -XX:+UseSerialGC); load generator: BENCH_JVM_OPTS.
# See docs/BENCHMARKS.md for recorded figures.
set -euo pipefail
cd "$(dirname "$0")/.."
visits=${1:-1000} join_rate=${2:-200} relay_rate=${3:-2000} relay_seconds=${4:-20} saturation_seconds=${5:-15}
warmup=${6:-500}

# Two sockets per participant on this machine (client and server side), plus the JVMs' own files.
ulimit -n "$(ulimit -Hn)"

# shellcheck source=lib.sh
source bench/lib.sh
bench_stack signaling-service
pid=$(cat .stack/bench/run/signaling-service.pid)

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, open files $(ulimit -n)"
echo "signaling-service JVM (pid $pid): ${TELEVISIT_SERVICE_JVM_OPTS:--Xmx256m -XX:+UseSerialGC}"
echo "load generator JVM: ${BENCH_JVM_OPTS:--Xms512m -Xmx2g}"
rc=0
# shellcheck disable=SC2086 # word splitting of the JVM options is intended
java ${BENCH_JVM_OPTS:--Xms512m -Xmx2g} -cp "$(bench_classpath)" \
  io.televisit.bench.SignalingLoadBenchmark "ws://127.0.0.1:$TELEVISIT_SIGNALING_PORT/ws" "$pid" \
  "$visits" "$join_rate" "$relay_rate" "$relay_seconds" "$saturation_seconds" "$warmup" || rc=$?
echo "signaling-service after the run: RSS $(( $(awk '/VmRSS/{print $2}' /proc/"$pid"/status) / 1024 )) MB, CPU time $(( $(awk '{print $14+$15}' /proc/"$pid"/stat) * 1000 / $(getconf CLK_TCK) )) ms"
exit "$rc"
