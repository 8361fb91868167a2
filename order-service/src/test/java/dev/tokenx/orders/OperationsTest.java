package dev.tokenx.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenx.orders.support.ServiceTest;
import org.junit.jupiter.api.Test;

/** What operators and orchestrators see: health without a token, metrics for dashboards. */
class OperationsTest extends ServiceTest {

    @Test
    void answers_health_probes_without_a_token() {
        web.get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
        web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        web.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }

    @Test
    void exposes_the_outbox_and_cache_metrics_to_prometheus() {
        String metrics = web.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(metrics)
                .contains("outbox_published_total")
                .contains("outbox_publish_failures_total")
                .contains("outbox_lag_seconds")
                .contains("orders_kyc_cache_lookups_total");
    }

    @Test
    void keeps_other_actuator_endpoints_behind_authentication() {
        web.get().uri("/actuator/env").exchange().expectStatus().isUnauthorized();
    }
}
