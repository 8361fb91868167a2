package dev.tokenx.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A frontend's view of the platform: plain HTTP to the gateway, nothing else. */
final class GatewayClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gatewayUrl;

    GatewayClient(String gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
    }

    record Answer(int status, String contentType, JsonNode body) {}

    /**
     * Logs in. A gateway that has just started may still fail its strict routes closed for a moment, while its first
     * rate-limit checks exceed their time bound on a cold JVM: such a 503 is waited out, anything else is not.
     */
    String tokenFor(String username, String password) {
        HttpRequest login = post("/api/auth/token", null)
                .header("Content-Type", "application/json")
                .POST(body("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                .build();
        Answer answer = Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> send(login), reply -> reply.status() != 503);
        if (answer.status() != 200) {
            throw new IllegalStateException("No token for " + username + ": " + answer);
        }
        return answer.body().get("access_token").asString();
    }

    Answer placeOrder(String token, String idempotencyKey, String json) {
        return send(placing(token, idempotencyKey, json).build());
    }

    /** As a frontend that names its request: the platform keeps the id ({@code X-Request-Id}) from there on. */
    Answer placeOrder(String token, String idempotencyKey, String json, String requestId) {
        return send(placing(token, idempotencyKey, json)
                .header("X-Request-Id", requestId)
                .build());
    }

    private HttpRequest.Builder placing(String token, String idempotencyKey, String json) {
        return post("/api/trading/place-order", token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(body(json));
    }

    /** A form post, as Pusher clients send their channel authorization requests. */
    Answer postForm(String path, String token, String form) {
        return send(post(path, token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(body(form))
                .build());
    }

    Answer get(String path, String token) {
        HttpRequest.Builder request = request(path).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    private HttpRequest.Builder post(String path, String token) {
        HttpRequest.Builder request = request(path);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(gatewayUrl + path)).timeout(Duration.ofSeconds(10));
    }

    private static HttpRequest.BodyPublisher body(String content) {
        return HttpRequest.BodyPublishers.ofString(content);
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            JsonNode json = body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
