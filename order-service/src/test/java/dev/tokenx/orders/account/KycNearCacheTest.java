package dev.tokenx.orders.account;

import static dev.tokenx.orders.support.OrderRequests.aBuyRequest;
import static dev.tokenx.orders.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tokenx.events.DomainEvent;
import dev.tokenx.events.KycStatusChanged;
import dev.tokenx.events.Topics;
import dev.tokenx.events.kafka.DomainEventSerializer;
import dev.tokenx.orders.support.OrdersApi;
import dev.tokenx.orders.support.SecondInstance;
import dev.tokenx.orders.support.ServiceTest;
import dev.tokenx.testkit.Infrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * An instance serves the traders it knows from its own memory, without a Redis call, and forgets one within a second
 * of its {@code KycStatusChanged}, on every instance.
 */
class KycNearCacheTest extends ServiceTest {

    private static final String LISTENER = "kyc-near-cache";

    @Autowired
    private RedissonClient redis;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Autowired
    private Environment environment;

    @Test
    void serves_a_trader_it_knows_without_asking_redis() {
        UUID investor = investors().verifiedWithCash("5000.00");
        api().accepted(investor, "k-1", aBuyRequest());
        double redisLookups = redisLookups();
        redis.getBucket("orders:kyc:" + investor, StringCodec.INSTANCE)
                .set("{\"kycStatus\":\"PENDING\",\"walletAddress\":null}", Duration.ofMinutes(5));

        api().accepted(investor, "k-2", aBuyRequest());

        assertThat(redisLookups()).isEqualTo(redisLookups);
        assertThat(meters.get("cache.gets")
                        .tags("cache", "orders.kyc.near", "result", "hit")
                        .functionCounter()
                        .count())
                .isPositive();
    }

    @Test
    void forgets_a_trader_within_a_second_of_a_kyc_status_change_on_every_instance() throws Exception {
        UUID investor = investors().verifiedWithCash("100000.00");
        try (SecondInstance second = SecondInstance.beside(environment)) {
            List<OrdersApi> instances = List.of(api(), api(second.web()));
            awaitListening(listeners);
            awaitListening(second.bean(KafkaListenerEndpointRegistry.class));
            instances.forEach(instance -> instance.accepted(investor, key(), aBuyRequest()));
            investors().changeKyc(investor, "REJECTED");
            instances.forEach(instance -> instance.accepted(investor, key(), aBuyRequest()));

            publish(new KycStatusChanged(UUID.randomUUID(), investor, "REJECTED", Instant.now()));

            await().atMost(Duration.ofSeconds(1))
                    .pollInterval(Duration.ofMillis(50))
                    .untilAsserted(() -> instances.forEach(instance ->
                            assertProblem(instance.place(investor, key(), aBuyRequest()), 403, "KYC_REQUIRED")));
        }
    }

    /** The listener starts from the latest offset: what is published before it has its partitions, it never sees. */
    private static void awaitListening(KafkaListenerEndpointRegistry registry) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !registry.getListenerContainer(LISTENER)
                        .getAssignedPartitions()
                        .isEmpty());
    }

    private static void publish(DomainEvent event) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafka().bootstrapServers());
        try (KafkaProducer<String, DomainEvent> producer =
                new KafkaProducer<>(config, new StringSerializer(), new DomainEventSerializer())) {
            producer.send(new ProducerRecord<>(
                            Topics.ACCOUNT_EVENTS, event.eventId().toString(), event))
                    .get();
        }
    }

    private double redisLookups() {
        return Search.in(meters).name("orders.kyc.cache.lookups").counters().stream()
                .mapToDouble(counter -> counter.count())
                .sum();
    }

    private static String key() {
        return "k-" + UUID.randomUUID();
    }
}
