package dev.tokenx.gateway.auth.token;

import dev.tokenx.testkit.Infrastructure;
import dev.tokenx.testkit.WithRedis;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway as docker-compose.yml starts it: its own application.yml only (no local mode, no demo profile), a
 * secret of the deployment's own from .env. The README's demo users do not exist there: {@code admin} /
 * {@code admin-demo} gets a problem, never a token.
 */
@WithRedis
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.location=classpath:/application.yml",
            "TOKENX_JWT_SECRET=a-deployment-secret-from-dot-env-0123456789abcdef"
        })
@AutoConfigureWebTestClient(timeout = "30s")
class ComposeConfigurationTest {

    @Autowired
    private WebTestClient web;

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("GATEWAY_REDIS_ADDRESS", () -> Infrastructure.redis().uri());
    }

    @Test
    void refuses_the_demo_admin_a_token() {
        web.post()
                .uri("/api/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "admin", "password", "admin-demo"))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("NOT_FOUND")
                .jsonPath("$.access_token")
                .doesNotExist();
    }
}
