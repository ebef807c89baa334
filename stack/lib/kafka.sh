# shellcheck shell=bash
# Kafka single node in KRaft mode (broker + controller), PLAINTEXT on 127.0.0.1, replication factor 1,
# no topic auto-creation; topics from event-contracts' topics.csv via stack/tools/CreateTopics.java.

kafka_dir() { echo "$PROFILE_DIR/kafka"; }
kafka_log() { echo "$LOG_DIR/kafka.log"; }

kafka_write_conf() {
  local dir=$1
  cat >"$dir/server.properties" <<EOF
# written by stack/lib/kafka.sh on every start
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$dir/data
auto.create.topics.enable=false
num.partitions=1
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
EOF
  cat >"$dir/log4j2.properties" <<'EOF'
status = warn
appender.out.type = Console
appender.out.name = OUT
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.out.ref = OUT
logger.kafka.name = kafka
logger.kafka.level = INFO
logger.raft.name = org.apache.kafka.raft
logger.raft.level = WARN
logger.state.name = state.change.logger
logger.state.level = WARN
EOF
}

# kafka_java_cmd: sets KAFKA_JAVA to the java command line (without main class) of the broker's tools.
kafka_java_cmd() {
  local opts
  read -r -a opts <<<"${TELEVISIT_KAFKA_JVM_OPTS:--Xms64m -Xmx512m -XX:+UseSerialGC}"
  KAFKA_JAVA=(java "${opts[@]}" -Djava.awt.headless=true
    -Dlog4j2.configurationFile="$(kafka_dir)/log4j2.properties" -cp "$KAFKA_LIB/*")
}

kafka_launch() {
  local dir log id
  dir=$(kafka_dir)
  log=$(kafka_log)
  mkdir -p "$dir/data" "$LOG_DIR"
  kafka_write_conf "$dir"
  kafka_java_cmd
  # cluster id: 16 random bytes, base64url without padding (what StorageTool random-uuid prints). It may start
  # with "-", so it is passed as --cluster-id=ID, never as a separate argument.
  id=$(openssl rand -base64 16 | tr '+/' '-_' | tr -d '=\n')
  # Format once (first start), then exec the broker: one background process, same pid, so the
  # format JVM overlaps with the other components' start-up instead of delaying it.
  # shellcheck disable=SC2016 # expanded by the inner bash
  start_bg kafka "$log" bash -c '
    if [ ! -f "$1/data/meta.properties" ]; then
      "${@:3}" kafka.tools.StorageTool format --ignore-formatted --cluster-id="$2" --config="$1/server.properties" || exit 1
    fi
    exec "${@:3}" kafka.Kafka "$1/server.properties"' kafka-start "$dir" "$id" "${KAFKA_JAVA[@]}"
}

# create_topics_cmd: sets CREATE_TOPICS to run stack/tools/CreateTopics.java against this profile's broker.
create_topics_cmd() {
  CREATE_TOPICS=(java -Dlog4j2.level=WARN -cp "$KAFKA_LIB/*" "$STACK_SCRIPTS/tools/CreateTopics.java"
    --bootstrap "127.0.0.1:$KAFKA_PORT")
}

kafka_topics_log() { echo "$LOG_DIR/kafka-topics.log"; }

kafka_start() {
  if ! comp_pid kafka >/dev/null; then
    if tcp_open "$KAFKA_PORT" || tcp_open "$KAFKA_CONTROLLER_PORT"; then
      echo "ERROR: port $KAFKA_PORT or $KAFKA_CONTROLLER_PORT is in use by another process" >&2
      return 1
    fi
    kafka_launch || return 1
  fi
  # The topic tool compiles and then retries until the broker answers: run it alongside the boot.
  create_topics_cmd
  "${CREATE_TOPICS[@]}" --file "$TOPICS_CSV" --timeout-ms 60000 >>"$(kafka_topics_log)" 2>&1 &
  KAFKA_TOPICS_PID=$!
}

# kafka_wait: ready = the AdminClient listed the broker's topics and created the missing ones.
kafka_wait() {
  local rc=0 deadline=$((SECONDS + 70))
  while kill -0 "$KAFKA_TOPICS_PID" 2>/dev/null; do
    if ! comp_pid kafka >/dev/null || ((SECONDS >= deadline)); then
      kill "$KAFKA_TOPICS_PID" 2>/dev/null || true
      break
    fi
    sleep 0.2
  done
  wait "$KAFKA_TOPICS_PID" || rc=$?
  if ((rc != 0)) || ! comp_pid kafka >/dev/null; then
    echo "ERROR: Kafka did not become ready (broker start or topic creation failed)" >&2
    log_tail "$(kafka_topics_log)" 10
    log_tail "$(kafka_log)"
    return 1
  fi
}

kafka_stop() { stop_pid kafka 30; }
