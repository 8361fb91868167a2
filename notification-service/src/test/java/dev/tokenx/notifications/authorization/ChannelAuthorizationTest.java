package dev.tokenx.notifications.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tokenx.notifications.channel.domain.Channels;
import dev.tokenx.notifications.support.Jwts;
import dev.tokenx.notifications.support.RealtimeServers;
import dev.tokenx.notifications.support.RealtimeSubscriber;
import dev.tokenx.notifications.support.ServiceTest;
import dev.tokenx.notifications.support.TestApp;
import dev.tokenx.notifications.support.Users;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** {@code POST /api/realtime/auth}: a signature for the caller's own private channel, and for nothing else. */
class ChannelAuthorizationTest extends ServiceTest {

    private static final String PATH = "/api/realtime/auth";
    private static final String SOCKET_ID = "123456.7890123";
    private static final String ALICE_CHANNEL = Channels.ofUser(Users.ALICE);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        register(registry, RealtimeServers.hostOf(RealtimeServers.shared()), TestApp.SECRET);
    }

    @Test
    void signs_the_own_channel_with_the_app_key_and_secret_as_pusher_specifies() {
        authorize(Jwts.bearer(Users.ALICE), SOCKET_ID, ALICE_CHANNEL)
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.auth")
                .isEqualTo(TestApp.KEY + ":" + hmacSha256(TestApp.SECRET, SOCKET_ID + ":" + ALICE_CHANNEL));
    }

    @Test
    void signs_the_own_channel_for_a_json_request_too() {
        web.post()
                .uri(PATH)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Jwts.bearer(Users.ALICE))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("socket_id", SOCKET_ID, "channel_name", ALICE_CHANNEL))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.auth")
                .isEqualTo(TestApp.KEY + ":" + hmacSha256(TestApp.SECRET, SOCKET_ID + ":" + ALICE_CHANNEL));
    }

    @Test
    void lets_the_official_client_subscribe_to_the_own_channel_on_the_real_realtime_server() {
        try (RealtimeSubscriber alice =
                RealtimeSubscriber.connect(RealtimeServers.shared(), authEndpoint(), Jwts.bearer(Users.ALICE))) {
            alice.subscribePrivate(ALICE_CHANNEL, "order-status");

            assertThat(alice.errors()).isEmpty();
        }
    }

    @Test
    void forbids_another_users_private_channel() {
        forbidden(Jwts.bearer(Users.BOB), ALICE_CHANNEL);
    }

    @Test
    void forbids_a_public_channel() {
        forbidden(Jwts.bearer(Users.ALICE), Channels.SYSTEM);
    }

    @Test
    void forbids_a_presence_or_encrypted_variant_of_the_own_channel() {
        forbidden(Jwts.bearer(Users.ALICE), "presence-user-" + Users.ALICE);
        forbidden(Jwts.bearer(Users.ALICE), "private-encrypted-user-" + Users.ALICE);
    }

    @Test
    void keeps_the_official_client_out_of_another_users_channel() {
        try (RealtimeSubscriber bob =
                RealtimeSubscriber.connect(RealtimeServers.shared(), authEndpoint(), Jwts.bearer(Users.BOB))) {
            bob.subscribePrivateWithoutWaiting(ALICE_CHANNEL, "order-status");

            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(bob.errors())
                            .anySatisfy(error -> assertThat(error).startsWith("authorization:")));
        }
    }

    private void forbidden(String token, String channel) {
        authorize(token, SOCKET_ID, channel)
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("FORBIDDEN")
                .jsonPath("$.auth")
                .doesNotExist();
    }

    @Test
    void refuses_a_request_without_a_token() {
        web.post()
                .uri(PATH)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("socket_id", SOCKET_ID).with("channel_name", ALICE_CHANNEL))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("UNAUTHORIZED");
    }

    @Test
    void refuses_a_token_signed_with_another_secret() {
        unauthorized(Jwts.aToken()
                .signedWith("someone-elses-secret-0123456789abcdef-0123")
                .build());
    }

    @Test
    void refuses_an_expired_token() {
        unauthorized(Jwts.aToken().expiredSince(Duration.ofMinutes(5)).build());
    }

    @Test
    void refuses_a_token_for_another_audience_or_issuer() {
        unauthorized(Jwts.aToken().forAudience("another-api").build());
        unauthorized(Jwts.aToken().issuedBy("another-issuer").build());
    }

    @Test
    void forbids_a_token_without_the_user_role() {
        authorize(Jwts.aToken().withRoles().build(), SOCKET_ID, ALICE_CHANNEL)
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("FORBIDDEN");
    }

    private void unauthorized(String token) {
        authorize(token, SOCKET_ID, ALICE_CHANNEL)
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("UNAUTHORIZED");
    }

    @Test
    void rejects_a_form_without_a_socket_id() {
        invalid(BodyInserters.fromFormData("channel_name", ALICE_CHANNEL), "socket_id");
    }

    @Test
    void rejects_a_socket_id_that_is_not_two_numbers() {
        invalid(BodyInserters.fromFormData("socket_id", "123.abc").with("channel_name", ALICE_CHANNEL), "socket_id");
        invalid(BodyInserters.fromFormData("socket_id", "123456").with("channel_name", ALICE_CHANNEL), "socket_id");
    }

    @Test
    void rejects_a_form_without_a_channel_name() {
        invalid(BodyInserters.fromFormData("socket_id", SOCKET_ID), "channel_name");
    }

    @Test
    void rejects_a_channel_name_pusher_would_refuse() {
        invalid(
                BodyInserters.fromFormData("socket_id", SOCKET_ID).with("channel_name", "private-user-<script>"),
                "channel_name");
    }

    @Test
    void rejects_a_field_given_twice() {
        invalid(
                BodyInserters.fromFormData("socket_id", SOCKET_ID)
                        .with("channel_name", ALICE_CHANNEL)
                        .with("channel_name", Channels.ofUser(Users.BOB)),
                "channel_name");
    }

    @Test
    void rejects_json_that_does_not_parse() {
        web.post()
                .uri(PATH)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Jwts.bearer(Users.ALICE))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"socket_id\":")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void rejects_a_body_type_other_than_form_or_json() {
        web.post()
                .uri(PATH)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Jwts.bearer(Users.ALICE))
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("socket_id=" + SOCKET_ID)
                .exchange()
                .expectStatus()
                .isEqualTo(415)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void rejects_a_form_with_a_malformed_percent_escape_with_a_problem() {
        unreadableForm("socket_id=" + SOCKET_ID + "&channel_name=private-user-%ZZ");
    }

    @Test
    void rejects_a_form_with_a_lone_percent_sign_with_a_problem() {
        unreadableForm("%");
        unreadableForm("socket_id=" + SOCKET_ID + "&channel_name=%");
    }

    @Test
    void refuses_a_300_kb_form_as_too_large_with_a_problem() {
        rawForm("socket_id=" + SOCKET_ID + "&channel_name=" + "a".repeat(300 * 1024))
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("PAYLOAD_TOO_LARGE")
                .jsonPath("$.auth")
                .doesNotExist();
    }

    private void unreadableForm(String body) {
        rawForm(body)
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("body")
                .jsonPath("$.auth")
                .doesNotExist();
    }

    /** The bytes as given: a client, not WebTestClient's form writer, decides how they are escaped. */
    private WebTestClient.ResponseSpec rawForm(String body) {
        return web.post()
                .uri(PATH)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Jwts.bearer(Users.ALICE))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue(body)
                .exchange();
    }

    private void invalid(BodyInserters.FormInserter<String> form, String field) {
        web.post()
                .uri(PATH)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Jwts.bearer(Users.ALICE))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo(field)
                .jsonPath("$.auth")
                .doesNotExist();
    }

    private WebTestClient.ResponseSpec authorize(String token, String socketId, String channel) {
        return web.post()
                .uri(PATH)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("socket_id", socketId).with("channel_name", channel))
                .exchange();
    }

    private static String hmacSha256(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
