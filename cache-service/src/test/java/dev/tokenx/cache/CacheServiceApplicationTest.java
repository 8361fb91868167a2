package dev.tokenx.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
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
    void answers_an_unknown_route_with_a_not_found_problem() {
        problem(http.get().uri("/api/market/nope").exchange(), 404, "NOT_FOUND");
        problem(http.get().uri("/actuator/env").exchange(), 404, "NOT_FOUND");
    }

    @Test
    void answers_a_method_the_route_does_not_take_with_a_problem() {
        problem(http.delete().uri("/actuator/health").exchange(), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void answers_an_unavailable_media_type_with_a_problem() {
        problem(
                http.get()
                        .uri("/actuator/health")
                        .accept(MediaType.APPLICATION_XML)
                        .exchange(),
                406,
                "NOT_ACCEPTABLE");
    }

    private static void problem(WebTestClient.ResponseSpec answer, int status, String code) {
        answer.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo(code)
                .jsonPath("$.status")
                .isEqualTo(status)
                .jsonPath("$.trace")
                .doesNotExist();
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
