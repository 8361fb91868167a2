package dev.tokenx.realtime.connection;

import static dev.tokenx.realtime.support.RawSocket.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pusher.client.connection.ConnectionState;
import dev.tokenx.realtime.support.PusherClient;
import dev.tokenx.realtime.support.RawSocket;
import dev.tokenx.realtime.support.ServerTest;
import dev.tokenx.realtime.support.TestApps;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The heartbeat, with one-second timeouts: a silent client is pinged, a client that answers (with a pong
 * frame, a {@code pusher:pong}, or any message) stays, a client that answers nothing is closed with 4201.
 */
@TestPropertySource(properties = {"realtime.websocket.activity-timeout=1s", "realtime.websocket.pong-timeout=1s"})
class IdleConnectionTest extends ServerTest {

    private static final String LOCAL = "/app/" + TestApps.LOCAL.key() + "?protocol=7";

    /** Two rounds of ping and pong, at one second each way. */
    private static final Duration TWO_HEARTBEATS = Duration.ofMillis(2500);

    @Test
    void announces_its_activity_timeout_in_seconds() {
        RawSocket socket = rawSocket(LOCAL);

        assertThat(data(socket.awaitEvent("pusher:connection_established"))
                        .path("activity_timeout")
                        .intValue())
                .isEqualTo(1);
    }

    @Test
    void pings_a_silent_client_with_a_ping_frame_and_a_pusher_ping() {
        RawSocket socket = rawSocket(LOCAL);

        socket.awaitEvent("pusher:ping");

        assertThat(socket.pingsReceived()).isPositive();
    }

    @Test
    void keeps_a_client_that_answers_ping_frames() {
        RawSocket socket = rawSocket(LOCAL);
        socket.awaitEvent("pusher:ping");

        await().during(TWO_HEARTBEATS).atMost(TWO_HEARTBEATS.plusSeconds(1)).until(socket::isOpen);
        assertThat(socket.messages("pusher:ping")).hasSizeGreaterThan(1);
    }

    @Test
    void keeps_a_client_that_answers_with_pusher_pong() {
        RawSocket socket = remember(RawSocket.open(port, LOCAL, false));

        for (int round = 1; round <= 2; round++) {
            int pings = round;
            await().until(() -> socket.messages("pusher:ping").size() == pings);
            socket.sendJson("{\"event\":\"pusher:pong\",\"data\":{}}");
        }

        assertThat(socket.isOpen()).isTrue();
        assertThat(socket.closeCode()).isNull();
    }

    @Test
    void closes_a_client_that_answers_nothing_with_4201() {
        RawSocket socket = remember(RawSocket.open(port, LOCAL, false));

        assertThat(socket.awaitCloseCode(Duration.ofSeconds(5))).isEqualTo(4201);
        assertThat(socket.awaitEvent("pusher:error").path("data").path("code").intValue())
                .isEqualTo(4201);
    }

    @Test
    void keeps_pusher_java_client_connected_although_it_never_answers_a_pusher_ping() {
        // pusher-java-client 2.4.4 ignores pusher:ping events; its WebSocket library answers ping frames.
        PusherClient client = client();

        await().during(TWO_HEARTBEATS)
                .atMost(TWO_HEARTBEATS.plusSeconds(1))
                .until(() -> client.state() == ConnectionState.CONNECTED);
        assertThat(client.states()).containsExactly(ConnectionState.CONNECTING, ConnectionState.CONNECTED);
    }
}
