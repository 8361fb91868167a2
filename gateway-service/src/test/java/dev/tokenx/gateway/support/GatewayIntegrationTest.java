package dev.tokenx.gateway.support;

import dev.tokenx.testkit.Infrastructure;
import dev.tokenx.testkit.WithRedis;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole gateway on a free port, with its local configuration, in front of real stub upstreams (one per
 * service) and the test kit's real Redis. All subclasses share one application context and the stubs; tests tell
 * their traffic apart by unique markers in the URI.
 *
 * <p>The limits here are far above what these tests send, so that they test everything but the limits; the
 * rate-limit tests have contexts of their own with the real tiers.
 */
@WithRedis
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
public abstract class GatewayIntegrationTest {

    protected static final StubUpstream UPSTREAM = StubUpstream.start("order-service");
    protected static final StubUpstream CACHE = StubUpstream.start("cache-service");
    protected static final StubUpstream NOTIFICATIONS = StubUpstream.start("notification-service");
    protected static final StubUpstream CHAIN = StubUpstream.start("blockchain-service");

    private static final String HIGH_LIMIT = "100000";

    @Autowired
    protected WebTestClient web;

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void routeToStubUpstreams(DynamicPropertyRegistry registry) {
        registry.add("gateway.routing.order-service.uri", UPSTREAM::baseUrl);
        registry.add("gateway.routing.order-service.response-timeout", () -> "500ms");
        registry.add("gateway.routing.cache-service.uri", CACHE::baseUrl);
        registry.add("gateway.routing.notification-service.uri", NOTIFICATIONS::baseUrl);
        registry.add("gateway.routing.blockchain-service.uri", CHAIN::baseUrl);
        registry.add("gateway.redis.address", () -> Infrastructure.redis().uri());
        registry.add("gateway.rate-limit.key-prefix", () -> "test-" + UUID.randomUUID());
        for (String tier : new String[] {"strict", "moderate", "lenient"}) {
            registry.add("gateway.rate-limit.tiers." + tier + ".limit", () -> HIGH_LIMIT);
            registry.add("gateway.rate-limit.tiers." + tier + ".ip-limit", () -> HIGH_LIMIT);
        }
    }
}
