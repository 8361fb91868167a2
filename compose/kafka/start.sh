#!/usr/bin/env bash
# The broker of docker-compose.yml, configured as the local launcher configures its own (platform-infra's KafkaBroker):
# one SASL listener, the services as SCRAM-SHA-256 users, platform-admin as the one super user (PLAIN, defined here,
# because KRaft keeps SCRAM users in the metadata the broker cannot read before it authenticates itself), and the
# StandardAuthorizer denying whatever no ACL grants. Once the broker answers, access.sh creates the topics, the users
# and their ACLs (idempotent, so every start converges on the table there); the health check waits for that.
#
# The configuration is written here rather than through the image's KAFKA_* variables: JAAS values contain '=',
# which that conversion does not carry. It lives in /tmp, outside the data volume, because it holds the admin password.
set -euo pipefail

: "${CLUSTER_ID:?set CLUSTER_ID}"
: "${KAFKA_ADMIN_PASSWORD:?set KAFKA_ADMIN_PASSWORD}"

umask 077
config=/tmp/server.properties
client=/tmp/admin-client.properties
ready=/tmp/tokenx-kafka-ready
rm -f "$ready"

admin_login="org.apache.kafka.common.security.plain.PlainLoginModule required username=\"platform-admin\" password=\"${KAFKA_ADMIN_PASSWORD}\""
cat > "$config" <<PROPERTIES
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@localhost:9093
listeners=SASL_PLAINTEXT://:9092,CONTROLLER://localhost:9093
advertised.listeners=SASL_PLAINTEXT://kafka:9092
controller.listener.names=CONTROLLER
inter.broker.listener.name=SASL_PLAINTEXT
listener.security.protocol.map=SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT
listener.name.sasl_plaintext.sasl.enabled.mechanisms=SCRAM-SHA-256,PLAIN
listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
listener.name.sasl_plaintext.plain.sasl.jaas.config=${admin_login} user_platform-admin="${KAFKA_ADMIN_PASSWORD}";
sasl.mechanism.inter.broker.protocol=PLAIN
listener.name.controller.sasl.enabled.mechanisms=PLAIN
listener.name.controller.plain.sasl.jaas.config=${admin_login} user_platform-admin="${KAFKA_ADMIN_PASSWORD}";
sasl.mechanism.controller.protocol=PLAIN
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:platform-admin
log.dirs=/var/lib/kafka/data
num.partitions=6
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPERTIES

cat > "$client" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=${admin_login};
PROPERTIES

/opt/kafka/bin/kafka-storage.sh format --config "$config" --cluster-id "$CLUSTER_ID" --ignore-formatted
/opt/kafka/bin/kafka-server-start.sh "$config" &
broker=$!
# docker stop sends SIGTERM to this script (PID 1): hand it to the broker for a controlled shutdown.
trap 'kill -TERM "$broker"; wait "$broker"; exit $?' TERM INT

# The tools are JVMs of their own: a small heap keeps them from competing with the broker for the memory limit.
export KAFKA_HEAP_OPTS=-Xmx64m
until /opt/kafka/bin/kafka-broker-api-versions.sh --bootstrap-server localhost:9092 --command-config "$client" > /dev/null 2>&1; do
  kill -0 "$broker" 2> /dev/null || { wait "$broker"; exit $?; }
  sleep 1
done
bash /opt/tokenx/kafka/access.sh "$client"
touch "$ready"
wait "$broker"
