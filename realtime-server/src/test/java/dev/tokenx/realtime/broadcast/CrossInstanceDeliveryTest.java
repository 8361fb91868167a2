package dev.tokenx.realtime.broadcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pusher.rest.data.Result;
import dev.tokenx.realtime.apps.domain.PusherApp;
import dev.tokenx.realtime.broadcast.messaging.RedisProperties;
import dev.tokenx.realtime.support.ChannelAuthorizers;
import dev.tokenx.realtime.support.ExtraInstance;
import dev.tokenx.realtime.support.PusherClient;
import dev.tokenx.realtime.support.ServerApi;
import dev.tokenx.realtime.support.ServerTest;
import dev.tokenx.realtime.support.TestApps;
import dev.tokenx.testkit.Infrastructure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances of the server, this test's context and one more, sharing the test Redis: an event accepted by
 * either reaches subscribers connected to both.
 */
class CrossInstanceDeliveryTest extends ServerTest {

    private static ExtraInstance other;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private RedissonClient redisson;

    @Autowired
    private RedisProperties relay;

    @Autowired
    private JsonMapper json;

    @BeforeAll
    static void startAnotherInstance() {
        other = ExtraInstance.start();
    }

    @AfterAll
    static void stopTheOtherInstance() {
        other.close();
    }

    private PusherClient clientOfOtherInstance() {
        return remember(
                PusherClient.connect(other.port(), TestApps.LOCAL.key(), ChannelAuthorizers.signedBy(TestApps.LOCAL)));
    }

    private ServerApi apiOfOtherInstance() {
        return remember(ServerApi.of(other.port(), TestApps.LOCAL));
    }

    @Test
    void delivers_an_event_accepted_by_one_instance_to_a_subscriber_of_the_other() {
        PusherClient subscriber = clientOfOtherInstance();
        subscriber.subscribePrivate("private-user-b0b", "order-status");

        serverApi().trigger("private-user-b0b", "order-status", "Executing on blockchain");

        await().untilAsserted(() ->
                assertThat(subscriber.received("private-user-b0b")).containsExactly("\"Executing on blockchain\""));
    }

    @Test
    void delivers_exactly_once_to_subscribers_of_both_instances() {
        PusherClient here = client();
        PusherClient there = clientOfOtherInstance();
        here.subscribe("prices", "price-update");
        there.subscribe("prices", "price-update");

        serverApi().trigger("prices", "price-update", "from here");
        apiOfOtherInstance().trigger("prices", "price-update", "from there");

        // Redis hands this instance its own event back before the other instance's; skipping the echo is what
        // keeps "from here" single.
        await().untilAsserted(() -> assertThat(here.received("prices")).contains("\"from there\""));
        await().untilAsserted(() -> assertThat(there.received("prices")).contains("\"from there\""));
        assertThat(here.received("prices")).containsExactly("\"from here\"", "\"from there\"");
        assertThat(there.received("prices")).containsExactly("\"from here\"", "\"from there\"");
    }

    @Test
    void keeps_the_order_of_one_publishers_events_on_the_other_instance() {
        PusherClient subscriber = clientOfOtherInstance();
        subscriber.subscribe("orders", "order-status");
        List<String> statuses =
                IntStream.rangeClosed(1, 30).mapToObj(i -> "status " + i).toList();

        statuses.forEach(status -> serverApi().trigger("orders", "order-status", status));

        await().untilAsserted(() -> assertThat(subscriber.received("orders"))
                .containsExactlyElementsOf(
                        statuses.stream().map(status -> "\"" + status + "\"").toList()));
    }

    @Test
    void leaves_out_the_excluded_socket_on_the_other_instance_too() {
        PusherClient publisher = clientOfOtherInstance();
        PusherClient bystander = clientOfOtherInstance();
        publisher.subscribe("prices", "price-update");
        bystander.subscribe("prices", "price-update");

        serverApi().trigger("prices", "price-update", "own change", publisher.socketId());
        serverApi().trigger("prices", "price-update", "next");

        await().untilAsserted(
                        () -> assertThat(bystander.received("prices")).containsExactly("\"own change\"", "\"next\""));
        await().untilAsserted(() -> assertThat(publisher.received("prices")).containsExactly("\"next\""));
    }

    @Test
    void refuses_what_anyone_but_an_instance_of_this_app_publishes_on_the_relay_topic() {
        PusherClient victim = client();
        victim.subscribePrivate("private-user-b0b", "order-status");
        double rejectedBefore = rejected();
        String payload = json.writeValueAsString(List.of(Map.of(
                "appId",
                TestApps.LOCAL.id(),
                "name",
                "order-status",
                "data",
                "\"forged\"",
                "channels",
                List.of("private-user-b0b"))));
        PusherApp otherApp = new PusherApp(TestApps.OTHER.id(), TestApps.OTHER.key(), TestApps.OTHER.secret(), true);

        RTopic topic = redisson.getTopic(relay.topic(), StringCodec.INSTANCE);
        topic.publish(json.writeValueAsString(
                Map.of("origin", "intruder", "appId", TestApps.LOCAL.id(), "payload", payload)));
        topic.publish(json.writeValueAsString(Map.of(
                "origin",
                "intruder",
                "appId",
                TestApps.OTHER.id(),
                "payload",
                payload,
                "signature",
                otherApp.sign("relay\nintruder\n" + payload))));
        serverApi().trigger("private-user-b0b", "order-status", "genuine");

        await().untilAsserted(() -> assertThat(rejected()).isEqualTo(rejectedBefore + 2));
        await().untilAsserted(
                        () -> assertThat(victim.received("private-user-b0b")).containsExactly("\"genuine\""));
    }

    private double rejected() {
        return meters.find("realtime.fanout.rejected").counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    @Test
    void delivers_locally_while_redis_is_down_and_across_instances_again_once_it_is_back() {
        PusherClient here = client();
        PusherClient there = clientOfOtherInstance();
        here.subscribe("system", "announcement");
        there.subscribe("system", "announcement");
        double failuresBefore = meters.counter("realtime.fanout.failures").count();

        Infrastructure.redis().stop();
        try {
            long started = System.nanoTime();
            Result result = serverApi().trigger("system", "announcement", "during the outage");

            assertThat(result.getStatus()).isEqualTo(Result.Status.SUCCESS);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
            await().untilAsserted(() -> assertThat(here.received("system")).containsExactly("\"during the outage\""));
            assertThat(meters.counter("realtime.fanout.failures").count()).isGreaterThan(failuresBefore);
        } finally {
            Infrastructure.redis().restart();
        }

        AtomicInteger attempt = new AtomicInteger();
        await().atMost(Duration.ofSeconds(45))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    serverApi().trigger("system", "announcement", "after the outage " + attempt.incrementAndGet());
                    assertThat(there.received("system")).anyMatch(data -> data.startsWith("\"after the outage"));
                });
        assertThat(there.received("system")).doesNotContain("\"during the outage\"");
    }
}
