package dev.tokenx.orders.support;

import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/** The catalog's admin API as an admin's client calls it. */
public final class PricesApi {

    private final WebTestClient web;

    PricesApi(WebTestClient web) {
        this.web = web;
    }

    /** An ADMIN token for the demo's admin user. */
    public static String adminToken() {
        return Jwts.aToken().forUser(Investors.ADMIN).withRoles("USER", "ADMIN").build();
    }

    public ResponseSpec setPrice(String symbol, String price) {
        return setPrice(
                adminToken(), symbol, Map.of("price", price), UUID.randomUUID().toString());
    }

    public ResponseSpec setPrice(String token, String symbol, Object body, String requestId) {
        return web.put()
                .uri("/api/admin/tokens/{symbol}/price", symbol)
                .headers(headers -> {
                    headers.setBearerAuth(token);
                    headers.set("X-Request-Id", requestId);
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }
}
