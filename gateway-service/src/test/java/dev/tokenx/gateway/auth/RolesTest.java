package dev.tokenx.gateway.auth;

import static dev.tokenx.gateway.support.TestTokens.aToken;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenx.gateway.support.GatewayIntegrationTest;
import dev.tokenx.gateway.support.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Admin routes need the role ADMIN; every other API route the role USER. */
class RolesTest extends GatewayIntegrationTest {

    @Test
    void refuses_a_user_on_an_admin_route_with_a_403_problem_and_never_calls_the_service() {
        String marker = UUID.randomUUID().toString();

        web.get()
                .uri("/api/admin/orders?probe=" + marker)
                .headers(headers -> headers.setBearerAuth(aToken().build()))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("FORBIDDEN")
                .jsonPath("$.instance")
                .isEqualTo("/api/admin/orders");

        assertThat(UPSTREAM.receivedWith(marker)).isEmpty();
    }

    @Test
    void lets_an_admin_through_to_an_admin_route() {
        String marker = UUID.randomUUID().toString();

        web.get()
                .uri("/api/admin/orders?probe=" + marker)
                .headers(headers -> headers.setBearerAuth(aToken().forUser(TestTokens.ADMIN_ID)
                        .withRoles("USER", "ADMIN")
                        .build()))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Upstream", "order-service");

        assertThat(UPSTREAM.receivedWith(marker)).hasSize(1);
    }

    /** Order-service's price update: an admin's PUT reaches it with its body, an investor's never leaves the edge. */
    @Test
    void routes_a_price_update_to_order_service_for_an_admin_only() {
        String marker = UUID.randomUUID().toString();
        String path = "/api/admin/tokens/MUMSEA/price?probe=" + marker;
        String body = "{\"price\":\"2512.50\"}";

        web.put()
                .uri(path)
                .headers(headers -> headers.setBearerAuth(aToken().build()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("FORBIDDEN");
        assertThat(UPSTREAM.receivedWith(marker)).isEmpty();

        web.put()
                .uri(path)
                .headers(headers -> headers.setBearerAuth(aToken().forUser(TestTokens.ADMIN_ID)
                        .withRoles("USER", "ADMIN")
                        .build()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Upstream", "order-service");
        assertThat(UPSTREAM.receivedWith(marker)).singleElement().satisfies(received -> {
            assertThat(received.method()).isEqualTo("PUT");
            assertThat(received.body()).isEqualTo(body);
            assertThat(received.headers().getFirst("Authorization")).startsWith("Bearer ");
        });
    }

    @Test
    void refuses_a_token_without_the_user_role_on_user_routes() {
        String marker = UUID.randomUUID().toString();

        web.get()
                .uri("/api/trading/orders?probe=" + marker)
                .headers(headers ->
                        headers.setBearerAuth(aToken().withRoles("AUDITOR").build()))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("FORBIDDEN");

        assertThat(UPSTREAM.receivedWith(marker)).isEmpty();
    }
}
