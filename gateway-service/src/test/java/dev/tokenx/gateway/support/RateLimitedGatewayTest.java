package dev.tokenx.gateway.support;

import dev.tokenx.testkit.Infrastructure;
import dev.tokenx.testkit.WithRedis;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;

/**
 * The gateway with its real tiers (strict 10, moderate 30, lenient 100 per minute) behind a trusted proxy at
 * 127.0.0.1: the tests send {@code X-Forwarded-For} to act as many clients, each test as its own users and
 * addresses, so that tests sharing this context never share a counter. Requests from 127.0.0.2 come from an
 * untrusted peer.
 */
@WithRedis
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "gateway.rate-limit.trusted-proxies=127.0.0.1",
            // The production bound (300 ms) assumes a warm JVM; a cold one on a loaded CI machine can exceed it on
            // its first script calls, and these tests assert counting, not the outage bound (RedisOutageTest does).
            "gateway.rate-limit.timeout=2s"
        })
@AutoConfigureWebTestClient(timeout = "30s")
public abstract class RateLimitedGatewayTest {

    protected static final StubUpstream ORDERS = StubUpstream.start("order-service");
    protected static final StubUpstream CACHE = StubUpstream.start("cache-service");

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired
    protected WebTestClient web;

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void routeToStubsAndCountInRedis(DynamicPropertyRegistry registry) {
        registry.add("gateway.routing.order-service.uri", ORDERS::baseUrl);
        registry.add("gateway.routing.cache-service.uri", CACHE::baseUrl);
        registry.add("gateway.redis.address", () -> Infrastructure.redis().uri());
        registry.add("gateway.rate-limit.key-prefix", () -> "test-" + UUID.randomUUID());
    }

    /** A client address no other test uses (from the shared address space 100.64.0.0/10). */
    protected static String aClientAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "100.64." + (n / 250) + "." + (n % 250 + 1);
    }

    protected static String aUserId() {
        return UUID.randomUUID().toString();
    }

    /** A client whose connections come from another loopback address, which no proxy configuration trusts. */
    protected WebTestClient untrustedPeer() {
        HttpClient fromOtherAddress = HttpClient.create().bindAddress(() -> new InetSocketAddress("127.0.0.2", 0));
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(fromOtherAddress))
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }
}
