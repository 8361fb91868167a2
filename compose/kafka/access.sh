#!/usr/bin/env bash
# The topics, the services' SCRAM users and their ACLs on the compose broker: the same table as the local launcher's
# (local-platform KafkaAccess; ComposeAccessTest keeps the two equal). Each service writes only the topics it owns and
# reads only those it consumes, in its own consumer groups. Run by start.sh as platform-admin; safe to run again.
#
#   access.sh <admin client properties>
set -euo pipefail

client=$1
bootstrap=localhost:9092
bin=/opt/kafka/bin

: "${KAFKA_ORDER_SERVICE_PASSWORD:?set KAFKA_ORDER_SERVICE_PASSWORD}"
: "${KAFKA_BLOCKCHAIN_SERVICE_PASSWORD:?set KAFKA_BLOCKCHAIN_SERVICE_PASSWORD}"
: "${KAFKA_NOTIFICATION_SERVICE_PASSWORD:?set KAFKA_NOTIFICATION_SERVICE_PASSWORD}"

# Every topic and its dead-letter topic, with as many partitions as their owners declare (6).
for topic in orders.order-events orders.portfolio-events orders.account-events orders.token-events \
    blockchain.settlement-events notifications.announcement-events; do
  for name in "$topic" "$topic.DLT"; do
    "$bin/kafka-topics.sh" --bootstrap-server "$bootstrap" --command-config "$client" \
      --create --if-not-exists --topic "$name" --partitions 6 --replication-factor 1
  done
done

# grant <user> <password> <topics it writes> <topics it reads> <groups> <group prefixes>   (lists comma separated)
grant() {
  local user=$1 password=$2 writes=$3 reads=$4 groups=$5 prefixes=$6
  local acls=("$bin/kafka-acls.sh" --bootstrap-server "$bootstrap" --command-config "$client" --add
    --allow-principal "User:$user")
  "$bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --command-config "$client" --alter \
    --entity-type users --entity-name "$user" --add-config "SCRAM-SHA-256=[iterations=8192,password=$password]"
  "${acls[@]}" --operation Write $(printf -- '--topic %s ' ${writes//,/ })
  "${acls[@]}" --operation Read $(printf -- '--topic %s ' ${reads//,/ }) $(printf -- '--group %s ' ${groups//,/ })
  if [[ -n $prefixes ]]; then
    "${acls[@]}" --operation Read --resource-pattern-type prefixed $(printf -- '--group %s ' ${prefixes//,/ })
  fi
}

grant order-service "$KAFKA_ORDER_SERVICE_PASSWORD" \
  orders.order-events,orders.portfolio-events,orders.account-events,orders.token-events,blockchain.settlement-events.DLT,orders.account-events.DLT \
  blockchain.settlement-events,orders.account-events \
  order-service \
  order-service-kyc-
grant blockchain-service "$KAFKA_BLOCKCHAIN_SERVICE_PASSWORD" \
  blockchain.settlement-events,orders.order-events.DLT \
  orders.order-events \
  blockchain-service \
  ""
grant notification-service "$KAFKA_NOTIFICATION_SERVICE_PASSWORD" \
  orders.order-events.DLT,orders.portfolio-events.DLT,orders.token-events.DLT,notifications.announcement-events.DLT \
  orders.order-events,orders.portfolio-events,orders.token-events,notifications.announcement-events \
  notification-service \
  ""
