package dev.tokenx.gateway.observability;

import static dev.tokenx.gateway.support.TestTokens.aToken;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenx.gateway.support.GatewayIntegrationTest;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Per request, the edge records its own cheap meters and no Micrometer observation. */
class ObservationsTest extends GatewayIntegrationTest {

    @Autowired
    private MeterRegistry meters;

    @Test
    void a_proxied_request_leaves_the_rate_limit_meters_and_no_observation_behind() {
        web.get()
                .uri("/api/trading/orders?probe=" + UUID.randomUUID())
                .headers(headers -> headers.setBearerAuth(aToken().build()))
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(meters.getMeters())
                .extracting(meter -> meter.getId().getName())
                .contains("gateway.rate_limit.requests", "gateway.rate_limit.check")
                .noneMatch(name -> name.startsWith("http.server.requests"))
                .noneMatch(name -> name.startsWith("spring.cloud.gateway.requests"))
                .noneMatch(name -> name.startsWith("http.client.requests"))
                .noneMatch(name -> name.startsWith("spring.security"));
        assertThat(meters.getMeters()).extracting(Meter::getId).isNotEmpty();
    }
}
