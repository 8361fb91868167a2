package dev.tokenx.realtime.connection.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenx.realtime.apps.domain.PusherApp;
import dev.tokenx.realtime.connection.domain.PusherError;
import dev.tokenx.realtime.connection.domain.SocketId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;

/** The heartbeat and the bounded queue of one connection, on a clock the test moves. */
class ConnectionTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();
    private static final long ACTIVITY_TIMEOUT = 120 * SECOND;
    private static final long PONG_TIMEOUT = 30 * SECOND;

    private final PusherApp app = new PusherApp("app", "key", "secret", true);

    private Connection connection(int buffer) {
        return new Connection(new SocketId("1.2"), app, new LabelMessages(), buffer, 0);
    }

    private static List<String> queued(Connection connection) {
        connection.finish();
        return connection
                .frames()
                .map(frame -> frame instanceof Frame.Text text ? text.json() : "PING FRAME")
                .collectList()
                .block();
    }

    @Test
    void stays_quiet_while_the_client_speaks_within_the_activity_timeout() {
        Connection connection = connection(16);

        connection.checkActivity(ACTIVITY_TIMEOUT - 1, ACTIVITY_TIMEOUT, PONG_TIMEOUT);
        connection.touch(ACTIVITY_TIMEOUT - 1);
        connection.checkActivity(2 * ACTIVITY_TIMEOUT - 2, ACTIVITY_TIMEOUT, PONG_TIMEOUT);

        assertThat(queued(connection)).isEmpty();
    }

    @Test
    void pings_once_after_the_activity_timeout() {
        Connection connection = connection(16);

        connection.checkActivity(ACTIVITY_TIMEOUT, ACTIVITY_TIMEOUT, PONG_TIMEOUT);
        connection.checkActivity(ACTIVITY_TIMEOUT + SECOND, ACTIVITY_TIMEOUT, PONG_TIMEOUT);

        assertThat(queued(connection)).containsExactly("PING FRAME", "ping");
    }

    @Test
    void closes_with_4201_when_nothing_answers_the_ping() {
        Connection connection = connection(16);

        connection.checkActivity(ACTIVITY_TIMEOUT, ACTIVITY_TIMEOUT, PONG_TIMEOUT);
        connection.checkActivity(ACTIVITY_TIMEOUT + PONG_TIMEOUT, ACTIVITY_TIMEOUT, PONG_TIMEOUT);

        assertThat(connection.closeReason()).get().extracting(PusherError::code).isEqualTo(4201);
        assertThat(queued(connection)).containsExactly("PING FRAME", "ping", "error 4201");
    }

    @Test
    void keeps_a_connection_that_answers_the_ping() {
        Connection connection = connection(16);

        connection.checkActivity(ACTIVITY_TIMEOUT, ACTIVITY_TIMEOUT, PONG_TIMEOUT);
        connection.touch(ACTIVITY_TIMEOUT + SECOND);
        connection.checkActivity(ACTIVITY_TIMEOUT + PONG_TIMEOUT, ACTIVITY_TIMEOUT, PONG_TIMEOUT);

        assertThat(connection.closeReason()).isEmpty();
    }

    @Test
    void closes_with_4100_a_client_that_does_not_read() {
        Connection connection = connection(16);
        // The socket subscribes to the frames, but its client reads none of them.
        connection.frames().subscribe(new BaseSubscriber<>() {
            @Override
            protected void hookOnSubscribe(Subscription subscription) {
                // Requests nothing.
            }
        });

        for (int i = 0; i < 16; i++) {
            assertThat(connection.send("event " + i)).isTrue();
        }
        boolean seventeenth = connection.send("event 16");

        assertThat(seventeenth).isFalse();
        assertThat(connection.closeReason()).get().extracting(PusherError::code).isEqualTo(4100);
        assertThat(connection.send("event 17")).isFalse();
    }

    /** Labels instead of JSON: this test is about which messages are queued, not how they are written. */
    private static final class LabelMessages implements PusherMessages {

        @Override
        public InboundMessage decode(String text) {
            return new InboundMessage.Unhandled(text);
        }

        @Override
        public String connectionEstablished(SocketId socketId, Duration activityTimeout) {
            return "established";
        }

        @Override
        public String ping() {
            return "ping";
        }

        @Override
        public String pong() {
            return "pong";
        }

        @Override
        public String subscriptionSucceeded(String channel) {
            return "subscribed " + channel;
        }

        @Override
        public String subscriptionError(String channel, String type, String error, int status) {
            return "refused " + channel;
        }

        @Override
        public String error(PusherError error) {
            return "error " + error.code();
        }

        @Override
        public String channelEvent(String channel, String event, String data) {
            return event;
        }
    }
}
