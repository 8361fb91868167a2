package dev.tokenx.realtime.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tokenx.realtime.support.RawSocket;
import dev.tokenx.realtime.support.ServerTest;
import dev.tokenx.realtime.support.TestApps;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ConnectionMetricsTest extends ServerTest {

    private static final String LOCAL = "/app/" + TestApps.LOCAL.key() + "?protocol=7";

    @Autowired
    private MeterRegistry meters;

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }

    private double delivered() {
        return meters.get("realtime.messages.delivered").counter().count();
    }

    @Test
    void counts_connections_subscriptions_and_delivered_messages() {
        // Earlier tests close their clients; the server notices within moments.
        await().until(() -> gauge("realtime.connections") == 0 && gauge("realtime.subscriptions") == 0);
        double deliveredBefore = delivered();

        RawSocket first = rawSocket(LOCAL);
        RawSocket second = rawSocket(LOCAL);
        first.subscribe("prices", null);
        second.subscribe("prices", null);
        second.subscribe("system", null);
        await().until(() -> first.messages("pusher_internal:subscription_succeeded")
                                .size()
                        == 1
                && second.messages("pusher_internal:subscription_succeeded").size() == 2);

        assertThat(gauge("realtime.connections")).isEqualTo(2);
        assertThat(gauge("realtime.subscriptions")).isEqualTo(3);

        serverApi().trigger(List.of("prices", "system"), "announcement", "maintenance");

        await().untilAsserted(() -> assertThat(delivered() - deliveredBefore).isEqualTo(3));

        first.close();
        second.close();
        await().untilAsserted(() -> {
            assertThat(gauge("realtime.connections")).isZero();
            assertThat(gauge("realtime.subscriptions")).isZero();
        });
    }
}
