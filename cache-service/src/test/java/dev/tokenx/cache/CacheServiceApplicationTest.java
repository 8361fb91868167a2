package dev.tokenx.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class CacheServiceApplicationTest {

    private final WebTestClient http;

    @Autowired
    CacheServiceApplicationTest(WebTestClient http) {
        this.http = http;
    }

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
    void exposes_only_the_health_and_info_endpoints() {
        Map<String, Object> links = http.get()
                .uri("/actuator")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Map<String, Object>>>() {})
                .returnResult()
                .getResponseBody()
                .get("_links");

        assertThat(links).containsOnlyKeys("self", "health", "health-path", "info");
        http.get().uri("/actuator/env").exchange().expectStatus().isNotFound();
    }
}
