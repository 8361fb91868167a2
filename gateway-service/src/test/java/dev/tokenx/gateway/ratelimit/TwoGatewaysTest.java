package dev.tokenx.gateway.ratelimit;

import static dev.tokenx.gateway.support.TestTokens.aToken;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenx.gateway.GatewayApplication;
import dev.tokenx.gateway.support.StubUpstream;
import dev.tokenx.testkit.Infrastructure;
import dev.tokenx.testkit.WithRedis;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/** Two gateway instances sharing one Redis enforce one limit, even when a client races both at once. */
@WithRedis
class TwoGatewaysTest {

    private static final StubUpstream ORDERS = StubUpstream.start("order-service");
    private static final String SHARED_PREFIX = "test-" + UUID.randomUUID();
    private static final int TRADING_LIMIT = 30;

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstances() {
        first = startInstance();
        second = startInstance();
    }

    @AfterAll
    static void stopEverything() {
        for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] {first, second}) {
            if (instance != null) {
                instance.close();
            }
        }
        ORDERS.stop();
    }

    @Test
    void admits_the_limit_once_across_both_instances_under_concurrent_load() {
        String token = aToken().forUser(UUID.randomUUID().toString()).build();
        List<WebClient> instances = List.of(clientOf(first), clientOf(second));

        // 90 requests at once, alternating between the instances: three times the limit.
        Map<Integer, Long> statuses = Flux.fromStream(
                        IntStream.range(0, 3 * TRADING_LIMIT).boxed())
                .flatMap(
                        i -> instances
                                .get(i % 2)
                                .get()
                                .uri("/api/trading/orders")
                                .headers(headers -> headers.setBearerAuth(token))
                                .exchangeToMono(response -> response.releaseBody()
                                        .thenReturn(response.statusCode().value())),
                        3 * TRADING_LIMIT)
                .collectList()
                .block(Duration.ofSeconds(30))
                .stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertThat(statuses).containsOnly(Map.entry(200, 30L), Map.entry(429, 60L));
    }

    private static ConfigurableApplicationContext startInstance() {
        // Command-line arguments: they take precedence over application.yml, as the environment does in production.
        return new SpringApplicationBuilder(GatewayApplication.class)
                .run(
                        "--server.port=0",
                        "--gateway.routing.order-service.uri=" + ORDERS.baseUrl(),
                        "--gateway.redis.address=" + Infrastructure.redis().uri(),
                        "--gateway.rate-limit.key-prefix=" + SHARED_PREFIX,
                        // A cold JVM on a loaded CI machine can exceed the production 300 ms bound at first.
                        "--gateway.rate-limit.timeout=2s");
    }

    private static WebClient clientOf(ConfigurableApplicationContext instance) {
        int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
        return WebClient.create("http://127.0.0.1:" + port);
    }
}
