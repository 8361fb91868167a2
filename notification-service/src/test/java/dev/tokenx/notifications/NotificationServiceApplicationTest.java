package dev.tokenx.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenx.notifications.support.Jwts;
import dev.tokenx.notifications.support.ServiceTest;
import dev.tokenx.notifications.support.TestApp;
import dev.tokenx.notifications.support.Users;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class NotificationServiceApplicationTest extends ServiceTest {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        // Nothing is sent here; the health of the service does not depend on the realtime server.
        register(registry, "127.0.0.1:9", TestApp.SECRET);
    }

    @Test
    void reports_up_on_the_health_endpoint() {
        web.get()
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
            web.get()
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
        String token = Jwts.bearer(Users.ALICE);
        Map<String, Object> links = web.get()
                .uri("/actuator")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Map<String, Object>>>() {})
                .returnResult()
                .getResponseBody()
                .get("_links");

        assertThat(links).containsOnlyKeys("self", "health", "health-path", "info", "prometheus");
        web.get()
                .uri("/actuator/env")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus()
                .isNotFound();
    }
}
