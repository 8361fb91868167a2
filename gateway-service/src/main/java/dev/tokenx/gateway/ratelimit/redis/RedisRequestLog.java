package dev.tokenx.gateway.ratelimit.redis;

import dev.tokenx.gateway.ratelimit.application.RequestLog;
import dev.tokenx.gateway.ratelimit.domain.Limit;
import dev.tokenx.gateway.ratelimit.domain.WindowState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The request log as Redis sorted sets, checked and written by one Lua script ({@code sliding-window-log.lua})
 * in a single round trip. Keys: {@code <prefix>:{<route>}:user:<userId>} and {@code <prefix>:{<route>}:ip:<address>};
 * the route in braces is the Redis Cluster hash tag, so both keys of one request live on the same node, as a
 * multi-key script requires.
 */
public final class RedisRequestLog implements RequestLog {

    private static final String SCRIPT = load("sliding-window-log.lua");

    private final RScript script;
    private final String keyPrefix;

    public RedisRequestLog(RedissonClient redisson, String keyPrefix) {
        // Numbers and keys travel as plain strings; Redisson's default Kryo codec would garble them.
        this.script = redisson.getScript(StringCodec.INSTANCE);
        this.keyPrefix = keyPrefix;
    }

    @Override
    public CompletionStage<Outcome> record(List<Limit> limits) {
        List<Object> keys = new ArrayList<>(limits.size());
        List<Object> arguments = new ArrayList<>(1 + 2 * limits.size());
        // A fresh id per request: a client-chosen one (such as its X-Request-Id) could collide and overwrite an entry.
        arguments.add(UUID.randomUUID().toString());
        for (Limit limit : limits) {
            keys.add(keyOf(limit));
            arguments.add(Integer.toString(limit.limit()));
            arguments.add(Long.toString(limit.window().toMillis()));
        }
        return script.<List<Long>>evalAsync(
                        RScript.Mode.READ_WRITE, SCRIPT, RScript.ReturnType.MULTI, keys, arguments.toArray())
                .thenApply(reply -> outcomeOf(reply, limits.size()));
    }

    String keyOf(Limit limit) {
        return keyPrefix + ":{" + limit.route() + "}:"
                + limit.partition().kind().label() + ":" + limit.partition().value();
    }

    private static Outcome outcomeOf(List<Long> reply, int partitions) {
        if (reply.size() != 1 + 3 * partitions) {
            throw new IllegalStateException("Unexpected rate limit script reply: " + reply);
        }
        List<WindowState> windows = new ArrayList<>(partitions);
        for (int i = 0; i < partitions; i++) {
            int offset = 1 + 3 * i;
            windows.add(new WindowState(
                    Math.toIntExact(reply.get(offset)),
                    Duration.ofMillis(Math.max(0, reply.get(offset + 1))),
                    Duration.ofMillis(Math.max(0, reply.get(offset + 2)))));
        }
        return new Outcome(reply.getFirst() == 1L, windows);
    }

    private static String load(String name) {
        try (InputStream in = RedisRequestLog.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing script " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
