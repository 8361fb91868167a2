package dev.tokenx.realtime.connection;

import static dev.tokenx.realtime.support.RawSocket.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pusher.client.connection.ConnectionState;
import dev.tokenx.realtime.support.ChannelAuthorizers;
import dev.tokenx.realtime.support.PusherClient;
import dev.tokenx.realtime.support.RawSocket;
import dev.tokenx.realtime.support.ServerTest;
import dev.tokenx.realtime.support.TestApps;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Pusher Channels protocol on the wire, byte for byte, as a raw WebSocket client sees it. */
class ConnectionProtocolTest extends ServerTest {

    private static final String LOCAL = "/app/" + TestApps.LOCAL.key() + "?protocol=7&client=js&version=8.4.0";
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    @Nested
    class Handshake {

        @Test
        void establishes_the_connection_with_a_socket_id_and_the_activity_timeout_as_a_json_string() {
            RawSocket socket = rawSocket(LOCAL);

            JsonNode established = socket.awaitEvent("pusher:connection_established");

            assertThat(established.path("data").isString()).isTrue();
            assertThat(data(established).path("socket_id").stringValue()).matches("\\d+\\.\\d+");
            assertThat(data(established).path("activity_timeout").intValue()).isEqualTo(120);
        }

        @Test
        void gives_every_connection_its_own_socket_id() {
            assertThat(rawSocket(LOCAL).socketId())
                    .isNotEqualTo(rawSocket(LOCAL).socketId());
        }

        @Test
        void refuses_an_unknown_app_key_with_4001_and_closes() {
            RawSocket socket = rawSocket("/app/no-such-key?protocol=7");

            assertThat(socket.awaitCloseCode(CLOSE_TIMEOUT)).isEqualTo(4001);
            assertThat(socket.awaitEvent("pusher:error")
                            .path("data")
                            .path("code")
                            .intValue())
                    .isEqualTo(4001);
            assertThat(socket.events()).doesNotContain("pusher:connection_established");
        }

        @Test
        void refuses_a_disabled_app_with_4003() {
            RawSocket socket = rawSocket("/app/" + TestApps.DISABLED.key() + "?protocol=7");

            assertThat(socket.awaitCloseCode(CLOSE_TIMEOUT)).isEqualTo(4003);
        }

        @Test
        void refuses_an_unsupported_protocol_version_with_4007() {
            RawSocket socket = rawSocket("/app/" + TestApps.LOCAL.key() + "?protocol=3");

            assertThat(socket.awaitCloseCode(CLOSE_TIMEOUT)).isEqualTo(4007);
            assertThat(socket.awaitEvent("pusher:error")
                            .path("data")
                            .path("message")
                            .stringValue())
                    .contains("Unsupported protocol version 3");
        }

        @Test
        void refuses_a_protocol_version_that_is_not_a_number_with_4006() {
            RawSocket socket = rawSocket("/app/" + TestApps.LOCAL.key() + "?protocol=seven");

            assertThat(socket.awaitCloseCode(CLOSE_TIMEOUT)).isEqualTo(4006);
        }

        @Test
        void refuses_a_connection_without_a_protocol_version_with_4008() {
            RawSocket socket = rawSocket("/app/" + TestApps.LOCAL.key());

            assertThat(socket.awaitCloseCode(CLOSE_TIMEOUT)).isEqualTo(4008);
        }

        @Test
        void accepts_protocol_5_as_pusher_java_client_sends_it() {
            RawSocket socket = rawSocket("/app/" + TestApps.LOCAL.key() + "?client=java-client&protocol=5");

            socket.awaitEvent("pusher:connection_established");
        }
    }

    @Nested
    class Messages {

        @Test
        void answers_a_ping_with_a_pong() {
            RawSocket socket = rawSocket(LOCAL);
            socket.awaitEvent("pusher:connection_established");

            socket.sendJson("{\"event\":\"pusher:ping\",\"data\":{}}");

            assertThat(socket.awaitEvent("pusher:pong").path("event").stringValue())
                    .isEqualTo("pusher:pong");
        }

        @Test
        void answers_the_heartbeat_of_pusher_java_client() {
            // The client pings after a second without a message and reconnects unless a pong follows within one.
            PusherClient client =
                    client(PusherClient.Options.of(TestApps.LOCAL.key(), ChannelAuthorizers.signedBy(TestApps.LOCAL))
                            .withHeartbeat(Duration.ofSeconds(1), Duration.ofSeconds(1)));
            Duration twoHeartbeats = Duration.ofMillis(2500);

            await().during(twoHeartbeats)
                    .atMost(twoHeartbeats.plusSeconds(1))
                    .until(() -> client.state() == ConnectionState.CONNECTED);
            assertThat(client.states()).containsExactly(ConnectionState.CONNECTING, ConnectionState.CONNECTED);
        }

        @Test
        void closes_with_4009_a_connection_that_sends_a_message_over_10_kb() {
            RawSocket socket = rawSocket(LOCAL);
            socket.awaitEvent("pusher:connection_established");

            socket.sendJson("{\"event\":\"pusher:ping\",\"data\":\"" + "x".repeat(10 * 1024) + "\"}");

            assertThat(socket.awaitCloseCode(CLOSE_TIMEOUT)).isEqualTo(4009);
            assertThat(socket.awaitEvent("pusher:error")
                            .path("data")
                            .path("message")
                            .stringValue())
                    .contains("exceeds the limit of 10240 bytes");
        }

        @Test
        void refuses_client_events_and_keeps_the_connection_open() {
            RawSocket socket = rawSocket(LOCAL);
            socket.awaitEvent("pusher:connection_established");

            socket.sendJson("{\"event\":\"client-typing\",\"channel\":\"private-room\",\"data\":{}}");
            JsonNode error = socket.awaitEvent("pusher:error");
            socket.sendJson("{\"event\":\"pusher:ping\",\"data\":{}}");

            assertThat(error.path("data").path("code").isNull()).isTrue();
            assertThat(error.path("data").path("message").stringValue()).contains("Client events are not enabled");
            socket.awaitEvent("pusher:pong");
            assertThat(socket.isOpen()).isTrue();
        }

        @Test
        void answers_a_message_that_is_not_json_with_an_error_and_keeps_the_connection_open() {
            RawSocket socket = rawSocket(LOCAL);
            socket.awaitEvent("pusher:connection_established");

            socket.sendJson("hello?");

            assertThat(socket.awaitEvent("pusher:error")
                            .path("data")
                            .path("message")
                            .stringValue())
                    .contains("Malformed message");
            assertThat(socket.isOpen()).isTrue();
        }
    }

    @Nested
    class Subscriptions {

        @Test
        void confirms_a_public_subscription() {
            RawSocket socket = rawSocket(LOCAL);
            socket.awaitEvent("pusher:connection_established");

            socket.sendJson("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"prices\"}}");

            JsonNode succeeded = socket.awaitEvent("pusher_internal:subscription_succeeded");
            assertThat(succeeded.path("channel").stringValue()).isEqualTo("prices");
        }

        @Test
        void refuses_a_private_subscription_with_a_bad_signature() {
            RawSocket socket = rawSocket(LOCAL);
            socket.awaitEvent("pusher:connection_established");

            socket.sendJson("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"private-user-1\",\"auth\":\""
                    + TestApps.LOCAL.key() + ":" + "0".repeat(64) + "\"}}");

            JsonNode refused = socket.awaitEvent("pusher:subscription_error");
            assertThat(refused.path("channel").stringValue()).isEqualTo("private-user-1");
            assertThat(data(refused).path("type").stringValue()).isEqualTo("AuthError");
            assertThat(data(refused).path("status").intValue()).isEqualTo(401);
            assertThat(socket.awaitEvent("pusher:error")
                            .path("data")
                            .path("message")
                            .stringValue())
                    .startsWith("Invalid signature: Expected HMAC SHA256 hex digest of " + socket.socketId()
                            + ":private-user-1");
            assertThat(socket.events()).doesNotContain("pusher_internal:subscription_succeeded");
        }

        @Test
        void refuses_a_private_subscription_without_auth() {
            RawSocket socket = rawSocket(LOCAL);
            socket.awaitEvent("pusher:connection_established");

            socket.sendJson("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"private-user-1\"}}");

            assertThat(data(socket.awaitEvent("pusher:subscription_error"))
                            .path("type")
                            .stringValue())
                    .isEqualTo("AuthError");
        }

        @Test
        void refuses_presence_channels() {
            RawSocket socket = rawSocket(LOCAL);
            socket.awaitEvent("pusher:connection_established");

            socket.sendJson("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"presence-room\"}}");

            assertThat(data(socket.awaitEvent("pusher:subscription_error"))
                            .path("type")
                            .stringValue())
                    .isEqualTo("UnsupportedChannel");
        }

        @Test
        void refuses_a_channel_name_outside_the_allowed_characters() {
            RawSocket socket = rawSocket(LOCAL);
            socket.awaitEvent("pusher:connection_established");

            socket.sendJson("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"prices now!\"}}");

            assertThat(data(socket.awaitEvent("pusher:subscription_error"))
                            .path("type")
                            .stringValue())
                    .isEqualTo("InvalidChannel");
        }

        @Test
        void refuses_subscriptions_beyond_the_limit_per_connection() {
            RawSocket socket = rawSocket(LOCAL);
            socket.awaitEvent("pusher:connection_established");

            for (int i = 1; i <= 6; i++) {
                socket.sendJson("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"channel-" + i + "\"}}");
            }

            JsonNode refused = socket.awaitEvent("pusher:subscription_error");
            assertThat(refused.path("channel").stringValue()).isEqualTo("channel-6");
            assertThat(data(refused).path("type").stringValue()).isEqualTo("LimitReached");
            assertThat(socket.messages("pusher_internal:subscription_succeeded"))
                    .hasSize(5);
        }
    }
}
