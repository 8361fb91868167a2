package dev.tokenx.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenx.infra.RedisServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@WithRedis
class WithRedisTest {

    @Test
    void shares_one_server_between_concurrent_callers() throws Exception {
        List<Callable<RedisServer>> callers = IntStream.range(0, 8)
                .<Callable<RedisServer>>mapToObj(i -> Infrastructure::redis)
                .toList();
        Set<RedisServer> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (Future<RedisServer> caller : threads.invokeAll(callers)) {
                seen.add(caller.get());
            }
        }

        assertThat(seen).containsExactly(Infrastructure.redis());
    }

    @Test
    void answers_ping_after_an_outage() throws IOException {
        RedisServer redis = Infrastructure.redis();
        redis.stop();
        redis.restart();

        assertThat(ping(redis)).isEqualTo("+PONG");
    }

    private static String ping(RedisServer redis) throws IOException {
        try (Socket socket = new Socket(redis.host(), redis.port())) {
            socket.setSoTimeout(2_000);
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }
}
