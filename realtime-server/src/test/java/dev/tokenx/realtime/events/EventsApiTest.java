package dev.tokenx.realtime.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.pusher.rest.data.Result;
import dev.tokenx.realtime.support.ServerApi;
import dev.tokenx.realtime.support.ServerTest;
import dev.tokenx.realtime.support.SignedRequests;
import dev.tokenx.realtime.support.TestApps;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;

/**
 * {@code POST /apps/{id}/events} and {@code /batch_events}: the request signature and the limits of the Pusher
 * HTTP API reference. Requests are signed by pusher-http-java itself, then changed where a test needs it.
 */
class EventsApiTest extends ServerTest {

    private static final String EVENTS = "/apps/" + TestApps.LOCAL.id() + "/events";
    private static final String BATCH = "/apps/" + TestApps.LOCAL.id() + "/batch_events";
    private static final String BODY = "{\"name\":\"price-update\",\"channels\":[\"prices\"],\"data\":\"{}\"}";

    private WebTestClient http;

    /**
     * A new connection per request: the server closes a connection whose oversized body it refused unread, and a
     * pooled client could hand that closing connection to the next test (which then fails with a reset).
     */
    @BeforeEach
    void unpooledClient() {
        http = WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.newConnection()))
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    private WebTestClient.ResponseSpec post(URI uri, String body) {
        return http.post()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private WebTestClient.ResponseSpec postSigned(String path, String body) {
        return post(serverApi().signedUri("POST", path, body), body);
    }

    private static void expectProblem(WebTestClient.ResponseSpec response, int status, String code, String detail) {
        response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(status)
                .jsonPath("$.code")
                .isEqualTo(code)
                .jsonPath("$.detail")
                .value(String.class, actual -> assertThat(actual).contains(detail));
    }

    @Nested
    class Authentication {

        @Test
        void accepts_a_request_signed_by_the_server_library_and_answers_an_empty_object() {
            postSigned(EVENTS, BODY).expectStatus().isOk().expectBody().json("{}");
        }

        @Test
        void rejects_a_signature_made_with_another_secret() {
            ServerApi guessing = remember(ServerApi.of(
                    port, TestApps.LOCAL.id(), TestApps.LOCAL.key(), TestApps.LOCAL.secret() + "-guessed"));

            expectProblem(
                    post(guessing.signedUri("POST", EVENTS, BODY), BODY), 401, "UNAUTHORIZED", "Invalid signature");
            assertThat(guessing.trigger("prices", "price-update", "x").getStatus())
                    .isEqualTo(Result.Status.AUTHENTICATION_ERROR);
        }

        @Test
        void rejects_a_signature_that_was_tampered_with() {
            String uri = serverApi().signedUri("POST", EVENTS, BODY).toString();
            Matcher signature = Pattern.compile("auth_signature=([0-9a-f]{64})").matcher(uri);
            assertThat(signature.find()).isTrue();
            String flipped = (signature.group(1).charAt(0) == '0' ? "1" : "0")
                    + signature.group(1).substring(1);

            URI tampered = URI.create(uri.replace(signature.group(1), flipped));

            expectProblem(post(tampered, BODY), 401, "UNAUTHORIZED", "Invalid signature");
        }

        @Test
        void rejects_a_timestamp_more_than_ten_minutes_old() {
            URI stale = SignedRequests.signedAt(
                    port, TestApps.LOCAL, EVENTS, BODY, Instant.now().minus(Duration.ofSeconds(610)));

            expectProblem(post(stale, BODY), 401, "UNAUTHORIZED", "Timestamp expired");
        }

        @Test
        void rejects_a_timestamp_more_than_ten_minutes_ahead() {
            URI early = SignedRequests.signedAt(
                    port, TestApps.LOCAL, EVENTS, BODY, Instant.now().plus(Duration.ofSeconds(610)));

            expectProblem(post(early, BODY), 401, "UNAUTHORIZED", "Timestamp expired");
        }

        @Test
        void accepts_a_timestamp_within_ten_minutes() {
            URI recent = SignedRequests.signedAt(
                    port, TestApps.LOCAL, EVENTS, BODY, Instant.now().minus(Duration.ofSeconds(590)));

            post(recent, BODY).expectStatus().isOk();
        }

        @Test
        void rejects_a_body_other_than_the_signed_one() {
            URI signedForBody = serverApi().signedUri("POST", EVENTS, BODY);
            String otherBody = BODY.replace("price-update", "price-crash");

            expectProblem(post(signedForBody, otherBody), 401, "UNAUTHORIZED", "body_md5 does not match");
        }

        @Test
        void rejects_a_request_without_a_signature() {
            String unsigned =
                    serverApi().signedUri("POST", EVENTS, BODY).toString().replaceAll("&?auth_signature=[0-9a-f]+", "");

            expectProblem(
                    post(URI.create(unsigned), BODY), 401, "UNAUTHORIZED", "Missing query parameter auth_signature");
        }

        @Test
        void rejects_the_key_of_another_app() {
            ServerApi impostor =
                    remember(ServerApi.of(port, TestApps.LOCAL.id(), TestApps.OTHER.key(), TestApps.OTHER.secret()));

            expectProblem(
                    post(impostor.signedUri("POST", EVENTS, BODY), BODY), 401, "UNAUTHORIZED", "Unknown auth_key");
        }

        @Test
        void answers_404_for_an_unknown_app() {
            ServerApi unknown = remember(ServerApi.of(port, "no-such-app", "no-such-key", "no-such-secret"));
            String path = "/apps/no-such-app/events";

            expectProblem(
                    post(unknown.signedUri("POST", path, BODY), BODY), 404, "NOT_FOUND", "Unknown app no-such-app");
            assertThat(unknown.trigger("prices", "price-update", "x").getStatus())
                    .isEqualTo(Result.Status.NOT_FOUND);
        }

        @Test
        void answers_403_for_a_disabled_app() {
            ServerApi disabled = remember(ServerApi.of(port, TestApps.DISABLED));
            String path = "/apps/" + TestApps.DISABLED.id() + "/events";

            expectProblem(post(disabled.signedUri("POST", path, BODY), BODY), 403, "FORBIDDEN", "disabled");
        }
    }

    @Nested
    class Limits {

        @Test
        void accepts_data_of_exactly_10_kb() {
            postSigned(EVENTS, event("prices", "x".repeat(10 * 1024)))
                    .expectStatus()
                    .isOk();
        }

        @Test
        void rejects_data_over_10_kb_with_413() {
            expectProblem(
                    postSigned(EVENTS, event("prices", "x".repeat(10 * 1024 + 1))),
                    413,
                    "VALIDATION_FAILED",
                    "the limit is 10240");
        }

        @Test
        void rejects_a_body_over_512_kb_before_authenticating_it() {
            String body = event("prices", "x".repeat(600 * 1024));

            expectProblem(
                    post(serverApi().signedUri("POST", EVENTS, body), body), 413, "VALIDATION_FAILED", "524288 bytes");
        }

        @Test
        void rejects_an_event_for_more_than_100_channels() {
            String channels = IntStream.rangeClosed(1, 101)
                    .mapToObj(i -> "\"channel-" + i + "\"")
                    .collect(Collectors.joining(","));
            String body = "{\"name\":\"price-update\",\"channels\":[" + channels + "],\"data\":\"{}\"}";

            expectProblem(postSigned(EVENTS, body), 400, "VALIDATION_FAILED", "at most 100 channels");
        }

        @Test
        void rejects_a_batch_of_more_than_10_events() {
            String body = "{\"batch\":[" + String.join(",", Collections.nCopies(11, event("prices", "{}"))) + "]}";

            expectProblem(postSigned(BATCH, body), 400, "VALIDATION_FAILED", "at most 10 events");
        }

        @Test
        void accepts_a_batch_of_10_events() {
            String body = "{\"batch\":[" + String.join(",", Collections.nCopies(10, event("prices", "{}"))) + "]}";

            postSigned(BATCH, body).expectStatus().isOk().expectBody().json("{}");
        }

        @Test
        void rejects_a_whole_batch_when_one_event_is_invalid() {
            String body = "{\"batch\":[" + event("prices", "{}") + "," + event("prices now!", "{}") + "]}";

            expectProblem(postSigned(BATCH, body), 400, "VALIDATION_FAILED", "prices now!");
        }
    }

    @Nested
    class Validation {

        @Test
        void rejects_a_channel_name_outside_the_allowed_characters() {
            expectProblem(postSigned(EVENTS, event("prices now!", "{}")), 400, "VALIDATION_FAILED", "prices now!");
        }

        @Test
        void rejects_data_that_is_not_a_string() {
            String body = "{\"name\":\"price-update\",\"channel\":\"prices\",\"data\":{\"price\":1}}";

            expectProblem(postSigned(EVENTS, body), 400, "VALIDATION_FAILED", "data must be a string");
        }

        @Test
        void rejects_an_event_without_a_name() {
            String body = "{\"channel\":\"prices\",\"data\":\"{}\"}";

            expectProblem(postSigned(EVENTS, body), 400, "VALIDATION_FAILED", "needs a name");
        }

        @Test
        void rejects_an_event_without_channels() {
            String body = "{\"name\":\"price-update\",\"data\":\"{}\"}";

            expectProblem(postSigned(EVENTS, body), 400, "VALIDATION_FAILED", "needs channels");
        }

        @Test
        void rejects_a_malformed_socket_id() {
            String body = "{\"name\":\"price-update\",\"channel\":\"prices\",\"data\":\"{}\",\"socket_id\":\"abc\"}";

            expectProblem(postSigned(EVENTS, body), 400, "VALIDATION_FAILED", "socket_id");
        }

        @Test
        void rejects_a_body_that_is_not_json() {
            expectProblem(postSigned(EVENTS, "price-update"), 400, "VALIDATION_FAILED", "JSON object");
        }
    }

    private static String event(String channel, String data) {
        return "{\"name\":\"price-update\",\"channel\":\"" + channel + "\",\"data\":\"" + data.replace("\"", "\\\"")
                + "\"}";
    }
}
