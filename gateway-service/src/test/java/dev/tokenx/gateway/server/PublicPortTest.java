package dev.tokenx.gateway.server;

import static dev.tokenx.gateway.support.TestTokens.aToken;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenx.gateway.support.GatewayIntegrationTest;
import dev.tokenx.gateway.support.RawHttp;
import dev.tokenx.gateway.support.RawHttp.RawAnswer;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * What the public port does with clients that do not speak HTTP as they should, on a raw socket: a head sent
 * byte by byte is cut off, and what the codec refuses answers a problem, never an empty answer or a 500.
 */
@TestPropertySource(properties = "gateway.server.request-head-timeout=1s")
class PublicPortTest extends GatewayIntegrationTest {

    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    @Nested
    class slowloris {

        @Test
        void a_head_that_trickles_in_is_cut_off_at_its_deadline() throws Exception {
            try (Socket socket = RawHttp.open(port)) {
                RawHttp.send(socket, "GET /actuator/health HTTP/1.1\r\n");
                Instant started = Instant.now();
                Thread trickle = Thread.ofVirtual().start(() -> trickle(socket));

                assertThat(readsToTheEnd(socket)).isTrue();

                assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(4));
                trickle.interrupt();
            }
        }

        @Test
        void a_kept_alive_connection_may_wait_longer_than_the_head_deadline_between_requests() throws Exception {
            try (Socket socket = RawHttp.open(port)) {
                RawHttp.send(socket, health());
                assertThat(RawHttp.read(socket).status()).isEqualTo(200);

                Thread.sleep(1_500);

                RawHttp.send(socket, health());
                assertThat(RawHttp.read(socket).status()).isEqualTo(200);
            }
        }

        private String health() {
            return "GET /actuator/health HTTP/1.1\r\nHost: localhost:" + port + "\r\n\r\n";
        }

        /** One header byte every 200 ms: each resets an idle timeout, none completes the head. */
        private static void trickle(Socket socket) {
            try {
                for (int i = 0; i < 50; i++) {
                    RawHttp.send(socket, "X");
                    Thread.sleep(200);
                }
            } catch (IOException | InterruptedException closedOrDone) {
                // The gateway closed the connection, as it should, or the test is over.
            }
        }

        private static boolean readsToTheEnd(Socket socket) throws IOException {
            InputStream in = socket.getInputStream();
            try {
                while (in.read() != -1) {
                    // Whatever the gateway sends before closing is not the point.
                }
                return true;
            } catch (SocketException reset) {
                return true;
            }
        }
    }

    @Nested
    class what_the_codec_refuses_is_a_problem {

        @Test
        void headers_too_large_answer_431() throws IOException {
            RawAnswer answer = RawHttp.exchange(
                    port,
                    "GET /api/market/prices HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "a".repeat(10_000)
                            + "\r\n\r\n");

            assertProblem(answer, 431, "HEADERS_TOO_LARGE");
        }

        @Test
        void a_request_line_too_long_answers_414() throws IOException {
            RawAnswer answer = RawHttp.exchange(
                    port, "GET /api/market/" + "a".repeat(5_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");

            assertProblem(answer, 414, "URI_TOO_LONG");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "/api/market/prices?symbol=%zz",
                    "/api/market/prices?symbol=%",
                    "/api/market/%",
                    "/api/market/prices%2",
                    "/api/trading/%G0rders"
                })
        void a_malformed_percent_escape_answers_400(String target) throws IOException {
            RawAnswer answer = RawHttp.get(port, target, aToken().build());

            assertProblem(answer, 400, "MALFORMED_URI");
        }

        @Test
        void well_formed_escapes_still_pass() throws IOException {
            assertThat(RawHttp.get(port, "/api/market/prices?symbol=%41%42", aToken().build())
                            .status())
                    .isEqualTo(200);
        }

        @Test
        void a_head_that_is_no_http_answers_400() throws IOException {
            RawAnswer answer = RawHttp.exchange(port, "GET /api/market/prices HTTP/1.1\r\nHost\r\n\r\n");

            assertProblem(answer, 400, "MALFORMED_REQUEST");
        }

        @Test
        void an_oversized_realtime_authorization_form_answers_413() {
            web.post()
                    .uri("/api/realtime/auth")
                    .headers(headers -> headers.setBearerAuth(aToken().build()))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .bodyValue("socket_id=1.2&channel_name=" + "x".repeat(300_000))
                    .exchange()
                    .expectStatus()
                    .isEqualTo(413)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("PAYLOAD_TOO_LARGE");
        }

        private static void assertProblem(RawAnswer answer, int status, String code) {
            assertThat(answer.status()).isEqualTo(status);
            assertThat(answer.contentType()).isEqualTo(PROBLEM);
            assertThat(answer.body()).contains("\"code\":\"" + code + "\"").contains("\"status\":" + status);
        }
    }
}
