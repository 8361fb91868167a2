package dev.tokenx.blockchain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenx.blockchain.support.Jwts;
import dev.tokenx.blockchain.support.ServiceTest;
import dev.tokenx.blockchain.support.TestChain;
import dev.tokenx.blockchain.support.TestInfrastructure;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** What operators and orchestrators see of a service that has no token configured yet. */
class BlockchainServiceApplicationTest extends ServiceTest {

    @DynamicPropertySource
    static void service(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, TestChain.anvil().rpcUrl(), Map.of());
    }

    @Test
    void reports_up_on_the_health_endpoint_without_any_token_configured() {
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
    void exposes_health_info_and_the_settlement_and_outbox_metrics() {
        Map<String, Object> links = web.get()
                .uri("/actuator")
                .header("Authorization", "Bearer " + Jwts.bearerFor(UUID.randomUUID()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Map<String, Object>>>() {})
                .returnResult()
                .getResponseBody()
                .get("_links");
        String metrics = web.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(links).containsOnlyKeys("self", "health", "health-path", "info", "prometheus");
        assertThat(metrics)
                .contains("outbox_published_total", "outbox_lag_seconds", "blockchain_tracker_failures_total");
    }

    @Test
    void keeps_other_actuator_endpoints_behind_authentication() {
        web.get().uri("/actuator/env").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void lists_no_token_when_none_is_configured() {
        web.get()
                .uri("/api/chain")
                .header("Authorization", "Bearer " + Jwts.bearerFor(UUID.randomUUID()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .json("{\"chainId\": 31337, \"tokens\": []}");
    }
}
