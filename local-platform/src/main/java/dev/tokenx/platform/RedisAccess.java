package dev.tokenx.platform;

import dev.tokenx.infra.RedisUsers;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Who may do what on the local Redis: the {@code default} user is off, and each service that uses Redis is a user of
 * its own with only its keys (or channels) and only the commands its client sends. The same table is written for
 * docker-compose.yml in {@code compose/redis/users.acl}.
 *
 * <p>Every user may {@code PING} and name its connection ({@code CLIENT SETNAME}): what Redisson sends on a new
 * connection and to keep one alive.
 */
final class RedisAccess {

    static final String ADMIN = "platform-admin";

    private static final List<String> CONNECTION = List.of("+ping", "+client|setname");

    /** The service, and its rules beyond {@link #CONNECTION}. */
    static final Map<String, List<String>> RULES = Map.of(
            // The sliding-window limiter: one Lua script (sent once, then by its SHA) over the request-log sorted sets.
            "gateway-service",
            List.of(
                    "~gateway:rate-limit:*",
                    "+eval",
                    "+evalsha",
                    "+script|load",
                    "+zremrangebyscore",
                    "+zcard",
                    "+zrange",
                    "+zadd",
                    "+pexpire",
                    "+time"),
            // The KYC cache: one string per trader, written with a TTL, deleted when the status changes.
            "order-service",
            List.of("~orders:kyc:*", "+get", "+set", "+psetex", "+del"),
            // Sent-event marks: looked up in one MGET, written with a TTL.
            "notification-service",
            List.of("~notifications:delivered:*", "+mget", "+set", "+psetex"),
            // The relay between realtime-server instances: one pub/sub channel, no keys.
            "realtime-server",
            List.of("&tokenx:realtime:events", "+publish", "+subscribe", "+unsubscribe"));

    private RedisAccess() {}

    static RedisUsers users(LocalCredentials credentials) {
        return new RedisUsers(
                ADMIN,
                credentials.password("redis." + ADMIN),
                RULES.entrySet().stream()
                        .map(service -> new RedisUsers.User(
                                service.getKey(),
                                credentials.password("redis." + service.getKey()),
                                rules(service.getValue())))
                        .toList());
    }

    private static List<String> rules(List<String> own) {
        return Stream.concat(own.stream(), CONNECTION.stream()).toList();
    }
}
