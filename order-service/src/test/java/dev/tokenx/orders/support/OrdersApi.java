package dev.tokenx.orders.support;

import java.util.Map;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/** The trading API as a client calls it. */
public final class OrdersApi {

    private final WebTestClient web;

    OrdersApi(WebTestClient web) {
        this.web = web;
    }

    public ResponseSpec place(UUID investor, String idempotencyKey, OrderRequests request) {
        return place(Jwts.bearer(investor), idempotencyKey, request.build());
    }

    public ResponseSpec place(String token, String idempotencyKey, Map<String, Object> body) {
        return web.post()
                .uri("/api/trading/place-order")
                .headers(headers -> {
                    headers.setBearerAuth(token);
                    headers.set("Idempotency-Key", idempotencyKey);
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    /** Places an order that must be accepted and returns the answer's JSON. */
    public Map<String, Object> accepted(UUID investor, String idempotencyKey, OrderRequests request) {
        return place(investor, idempotencyKey, request)
                .expectStatus()
                .isAccepted()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
    }

    /** A request exactly as given: any headers, any content type, any bytes. */
    public ResponseSpec placeRaw(HttpHeaders headers, MediaType contentType, String body) {
        return web.post()
                .uri("/api/trading/place-order")
                .headers(h -> h.addAll(headers))
                .contentType(contentType)
                .bodyValue(body)
                .exchange();
    }

    public ResponseSpec list(UUID investor, String query) {
        return web.get()
                .uri("/api/trading/place-order" + query)
                .headers(headers -> headers.setBearerAuth(Jwts.bearer(investor)))
                .exchange();
    }

    public ResponseSpec get(UUID investor, String orderId) {
        return web.get()
                .uri("/api/trading/orders/{id}", orderId)
                .headers(headers -> headers.setBearerAuth(Jwts.bearer(investor)))
                .exchange();
    }
}
