package dev.tokenx.realtime.events.domain;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pusher.rest.Pusher;
import dev.tokenx.realtime.apps.domain.PusherApp;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Requests signed by pusher-http-java, the library the notification service publishes with. */
class SignedRequestTest {

    private static final String PATH = "/apps/tokenx-local/events";
    private static final String BODY = "{\"name\":\"order-status\",\"channels\":[\"private-user-1\"],\"data\":\"{}\"}";

    private final PusherApp app = new PusherApp("tokenx-local", "tokenx-local-key", "tokenx-local-secret", true);
    private final Pusher library = new Pusher("tokenx-local", "tokenx-local-key", "tokenx-local-secret");

    @Test
    void accepts_a_request_signed_by_pusher_http_java() {
        SignedRequest request = request(library.signedUri("POST", PATH, BODY), BODY);

        assertThatCode(() -> request.verify(app, Instant.now())).doesNotThrowAnyException();
    }

    @Test
    void accepts_a_signer_clock_up_to_600_seconds_away_either_way() {
        URI uri = library.signedUri("POST", PATH, BODY);
        Instant signedAt = Instant.ofEpochSecond(
                Long.parseLong(query(uri).get("auth_timestamp").getFirst()));

        assertThatCode(() -> request(uri, BODY).verify(app, signedAt.plusSeconds(600)))
                .doesNotThrowAnyException();
        assertThatCode(() -> request(uri, BODY).verify(app, signedAt.minusSeconds(600)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> request(uri, BODY).verify(app, signedAt.plusSeconds(601)))
                .isInstanceOf(RequestNotAuthenticated.class)
                .hasMessageStartingWith("Timestamp expired");
        assertThatThrownBy(() -> request(uri, BODY).verify(app, signedAt.minusSeconds(601)))
                .isInstanceOf(RequestNotAuthenticated.class)
                .hasMessageStartingWith("Timestamp expired");
    }

    @Test
    void refuses_a_body_other_than_the_one_signed() {
        SignedRequest request = request(library.signedUri("POST", PATH, BODY), BODY.replace("{}", "{\"x\":1}"));

        assertThatThrownBy(() -> request.verify(app, Instant.now()))
                .isInstanceOf(RequestNotAuthenticated.class)
                .hasMessageContaining("body_md5 does not match");
    }

    @Test
    void refuses_a_request_for_another_path() {
        SignedRequest request = new SignedRequest(
                "POST", "/apps/tokenx-local/batch_events", query(library.signedUri("POST", PATH, BODY)), bytes(BODY));

        assertThatThrownBy(() -> request.verify(app, Instant.now()))
                .isInstanceOf(RequestNotAuthenticated.class)
                .hasMessageStartingWith("Invalid signature");
    }

    @Test
    void refuses_a_parameter_given_twice() {
        Map<String, List<String>> query = query(library.signedUri("POST", PATH, BODY));
        query.put("auth_version", List.of("1.0", "1.0"));

        assertThatThrownBy(() -> new SignedRequest("POST", PATH, query, bytes(BODY)).verify(app, Instant.now()))
                .isInstanceOf(RequestNotAuthenticated.class)
                .hasMessageContaining("more than once");
    }

    @Test
    void refuses_a_signature_of_another_app() {
        PusherApp other = new PusherApp("tokenx-local", "tokenx-local-key", "another-secret", true);
        SignedRequest request = request(library.signedUri("POST", PATH, BODY), BODY);

        assertThatThrownBy(() -> request.verify(other, Instant.now()))
                .isInstanceOf(RequestNotAuthenticated.class)
                .hasMessageStartingWith("Invalid signature");
    }

    private static SignedRequest request(URI uri, String body) {
        return new SignedRequest("POST", uri.getPath(), query(uri), bytes(body));
    }

    private static Map<String, List<String>> query(URI uri) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            query.put(
                    URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    List.of(URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8)));
        }
        return query;
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
