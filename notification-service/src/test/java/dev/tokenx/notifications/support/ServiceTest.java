package dev.tokenx.notifications.support;

import dev.tokenx.testkit.Infrastructure;
import dev.tokenx.testkit.WithKafka;
import dev.tokenx.testkit.WithRedis;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole service on a random port, against the test kit's real Kafka and Redis and a real realtime-server. Each
 * subclass says which realtime-server (and with which secret) through {@link #register}; its context is closed after
 * the class, so no consumer outlives its test class, and its consumer group starts at the end of the topics
 * ({@link KafkaTopics#newGroupAtEnd()}). Retries are quick (0.1 s, 0.2 s) and few (2) unless a class says otherwise.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@WithKafka
@WithRedis
@DirtiesContext
@TestPropertySource(
        properties = {
            "tokenx.kafka.consumer.retry.initial-interval=100ms",
            "tokenx.kafka.consumer.retry.max-interval=200ms",
            "tokenx.kafka.consumer.retry.jitter=0ms",
            "tokenx.kafka.consumer.retry.max-retries=2",
            "notifications.pusher.request-timeout=2s",
            "notifications.deduplication.outage-cooldown=200ms",
            // Each Kafka client prints its whole configuration at INFO; the tests create dozens of them.
            "logging.level.org.apache.kafka=WARN"
        })
public abstract class ServiceTest {

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected MeterRegistry meters;

    @LocalServerPort
    protected int port;

    /**
     * @param pusherHost {@code host:port} of the realtime-server the service sends to
     * @param pusherSecret the secret it signs with
     */
    protected static void register(DynamicPropertyRegistry registry, String pusherHost, String pusherSecret) {
        String group = KafkaTopics.newGroupAtEnd();
        registry.add(
                "spring.kafka.bootstrap-servers", () -> Infrastructure.kafka().bootstrapServers());
        registry.add("tokenx.kafka.consumer.group-id", () -> group);
        registry.add("notifications.redis.address", () -> Infrastructure.redis().uri());
        registry.add("notifications.pusher.app-id", () -> TestApp.ID);
        registry.add("notifications.pusher.key", () -> TestApp.KEY);
        registry.add("notifications.pusher.secret", () -> pusherSecret);
        registry.add("notifications.pusher.host", () -> pusherHost);
        registry.add("tokenx.security.jwt.secret", () -> Jwts.SECRET);
    }

    protected String authEndpoint() {
        return "http://127.0.0.1:" + port + "/api/realtime/auth";
    }

    /** How many requests to the Pusher HTTP API ended with the outcome so far. */
    protected long pusherRequests(String outcome) {
        return Search.in(meters).name("notifications.pusher.requests").tag("outcome", outcome).timers().stream()
                .mapToLong(timer -> timer.count())
                .sum();
    }

    protected double counter(String name, String tag, String value) {
        return Search.in(meters).name(name).tag(tag, value).counters().stream()
                .mapToDouble(counter -> counter.count())
                .sum();
    }
}
