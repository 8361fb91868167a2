package dev.tokenx.gateway.requestid;

import static dev.tokenx.gateway.support.TestTokens.aToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tokenx.gateway.support.GatewayIntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;

@ExtendWith(OutputCaptureExtension.class)
class RequestIdTest extends GatewayIntegrationTest {

    private static final String HEADER = "X-Request-Id";

    @Test
    void stamps_a_new_uuid_when_the_caller_sent_none_and_gives_the_service_the_same() {
        String marker = UUID.randomUUID().toString();

        String answered = proxiedGet(marker, null);

        assertThat(UUID.fromString(answered).toString()).isEqualTo(answered);
        assertThat(upstreamRequestIdFor(marker)).isEqualTo(answered);
    }

    @Test
    void keeps_a_safe_request_id_from_the_caller() {
        String marker = UUID.randomUUID().toString();
        String callers = "web-app_42." + marker.substring(0, 8);

        String answered = proxiedGet(marker, callers);

        assertThat(answered).isEqualTo(callers);
        assertThat(upstreamRequestIdFor(marker)).isEqualTo(callers);
    }

    @Test
    void replaces_an_unsafe_request_id_before_it_reaches_logs_or_services() {
        for (String unsafe : List.of("<script>alert(1)</script>", "a b", "x".repeat(65))) {
            String marker = UUID.randomUUID().toString();

            String answered = proxiedGet(marker, unsafe);

            assertThat(answered).isNotEqualTo(unsafe);
            assertThat(UUID.fromString(answered).toString()).isEqualTo(answered);
            assertThat(upstreamRequestIdFor(marker)).isEqualTo(answered);
        }
    }

    @Test
    void tags_answers_the_gateway_writes_itself_and_names_the_id_in_the_problem() {
        web.get()
                .uri("/api/trading/orders")
                .header(HEADER, "refused-call-1")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(HEADER, "refused-call-1")
                .expectBody()
                .jsonPath("$.requestId")
                .isEqualTo("refused-call-1");
    }

    @Test
    void writes_one_access_log_line_with_method_path_status_duration_and_id(CapturedOutput output) {
        String requestId = "log-" + UUID.randomUUID();

        web.get()
                .uri("/api/trading/orders")
                .header(HEADER, requestId)
                .headers(headers -> headers.setBearerAuth(aToken().build()))
                .exchange()
                .expectStatus()
                .isOk();

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(accessLinesFor(output, requestId))
                        .singleElement()
                        .satisfies(line -> assertThat(line)
                                .contains("GET /api/trading/orders status=200 durationMs=")
                                .contains("[" + requestId + "]")));
    }

    private String proxiedGet(String marker, String requestId) {
        List<String> answered = web.get()
                .uri("/api/trading/orders?probe=" + marker)
                .headers(headers -> {
                    headers.setBearerAuth(aToken().build());
                    if (requestId != null) {
                        headers.set(HEADER, requestId);
                    }
                })
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .get(HEADER);
        // The stub service echoes the id as well; the client must still see exactly one.
        assertThat(answered).hasSize(1);
        return answered.getFirst();
    }

    private static String upstreamRequestIdFor(String marker) {
        HttpHeaders received = UPSTREAM.receivedWith(marker).getFirst().headers();
        assertThat(received.get(HEADER)).hasSize(1);
        return received.getFirst(HEADER);
    }

    private static List<String> accessLinesFor(CapturedOutput output, String requestId) {
        return output.getOut()
                .lines()
                .filter(line -> line.contains("dev.tokenx.gateway.access"))
                .filter(line -> line.contains("requestId=" + requestId))
                .toList();
    }
}
