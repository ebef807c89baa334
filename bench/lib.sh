# shellcheck shell=bash
# Shared by the benchmarks: a fresh bench stack (its own ports, so tests can run meanwhile) with the packaged
# SERVICE(s) started and the load generator's classpath in benchmarks/target/classpath.txt. Stopped on exit.
# usage (sourced from the repository root): bench_stack SERVICE...
bench_stack() {
  local modules
  modules=$(IFS=,; echo "$*")
  stack/install.sh >/dev/null
  stack/infra.sh reset bench >/dev/null
  trap 'stack/services.sh stop bench >/dev/null 2>&1 || true; stack/infra.sh stop bench >/dev/null 2>&1 || true' EXIT
  # shellcheck source=/dev/null
  source .stack/bench/stack.env
  mvn -B -q -DskipTests -pl "$modules,benchmarks" -am install
  mvn -B -q -pl benchmarks dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
  stack/services.sh start bench "$@" >/dev/null
}

bench_classpath() { echo "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"; }
