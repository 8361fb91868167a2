package dev.tokenx.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenx.realtime.support.ServerTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class RealtimeServerApplicationTest extends ServerTest {

    @Autowired
    private WebTestClient http;

    @Test
    void reports_up_on_the_health_endpoint() {
        http.get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
    }

    @Test
    void answers_the_liveness_and_readiness_probes() {
        for (String probe : new String[] {"liveness", "readiness"}) {
            http.get()
                    .uri("/actuator/health/" + probe)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("UP");
        }
    }

    @Test
    void exposes_only_the_health_info_and_prometheus_endpoints() {
        Map<String, Object> links = http.get()
                .uri("/actuator")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Map<String, Object>>>() {})
                .returnResult()
                .getResponseBody()
                .get("_links");

        assertThat(links).containsOnlyKeys("self", "health", "health-path", "info", "prometheus");
        http.get().uri("/actuator/env").exchange().expectStatus().isNotFound();
    }

    @Test
    void answers_an_unknown_path_with_a_problem_detail() {
        http.get()
                .uri("/apps/tokenx-local/channels")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void publishes_the_realtime_metrics_for_prometheus() {
        String scrape = http.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(scrape)
                .contains("realtime_connections ")
                .contains("realtime_subscriptions ")
                .contains("realtime_messages_delivered_total ")
                .contains("realtime_events_accepted_total ")
                .contains("realtime_fanout_failures_total ")
                .contains("realtime_fanout_received_total ");
    }
}
