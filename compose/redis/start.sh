#!/bin/sh
# The Redis of docker-compose.yml with ACL users, the same as the local launcher's (local-platform RedisAccess;
# ComposeAccessTest keeps the two equal): the default user off, platform-admin for operators and the health check, and
# each service a user with only its keys or channel and the commands its Redisson client sends. The ACL file is
# written at every start from the passwords in the environment, into /tmp (never the image or a volume).
set -eu

: "${REDIS_ADMIN_PASSWORD:?set REDIS_ADMIN_PASSWORD}"
: "${REDIS_GATEWAY_SERVICE_PASSWORD:?set REDIS_GATEWAY_SERVICE_PASSWORD}"
: "${REDIS_ORDER_SERVICE_PASSWORD:?set REDIS_ORDER_SERVICE_PASSWORD}"
: "${REDIS_NOTIFICATION_SERVICE_PASSWORD:?set REDIS_NOTIFICATION_SERVICE_PASSWORD}"
: "${REDIS_REALTIME_SERVER_PASSWORD:?set REDIS_REALTIME_SERVER_PASSWORD}"

umask 077
acl=/tmp/users.acl
cat > "$acl" <<ACL
user default off resetpass resetkeys resetchannels -@all
user platform-admin on >${REDIS_ADMIN_PASSWORD} ~* &* +@all
user gateway-service on >${REDIS_GATEWAY_SERVICE_PASSWORD} resetkeys resetchannels -@all ~gateway:rate-limit:* +eval +evalsha +script|load +zremrangebyscore +zcard +zrange +zadd +pexpire +time +ping +client|setname
user order-service on >${REDIS_ORDER_SERVICE_PASSWORD} resetkeys resetchannels -@all ~orders:kyc:* +get +set +psetex +del +ping +client|setname
user notification-service on >${REDIS_NOTIFICATION_SERVICE_PASSWORD} resetkeys resetchannels -@all ~notifications:delivered:* +mget +set +psetex +ping +client|setname
user realtime-server on >${REDIS_REALTIME_SERVER_PASSWORD} resetkeys resetchannels -@all &tokenx:realtime:events +publish +subscribe +unsubscribe +ping +client|setname
ACL
# The image's entrypoint runs redis-server as the redis user, which must read the file.
chown redis:redis "$acl"

# A cache and a rate-limit store, never a source of truth (ARCHITECTURE.md): no snapshots, no AOF.
exec docker-entrypoint.sh redis-server --save "" --appendonly no --maxmemory 192mb --maxmemory-policy volatile-lru \
  --aclfile "$acl"
