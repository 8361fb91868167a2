package dev.tokenx.realtime.broadcast.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenx.realtime.apps.domain.PusherApp;
import dev.tokenx.realtime.apps.domain.PusherApps;
import dev.tokenx.realtime.channel.domain.ChannelEvent;
import dev.tokenx.realtime.channel.domain.ChannelName;
import dev.tokenx.realtime.connection.domain.SocketId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class RelayCodecTest {

    private static final PusherApp LOCAL = new PusherApp("tokenx-local", "local-key", "local-secret", true);
    private static final PusherApp OTHER = new PusherApp("other-app", "other-key", "other-secret", true);
    private static final PusherApps APPS = new PusherApps(List.of(LOCAL, OTHER));

    private final JsonMapper json = JsonMapper.builder().build();
    private final RelayCodec sender = new RelayCodec(json, APPS);
    private final RelayCodec receiver = new RelayCodec(json, APPS);

    private static ChannelEvent event(String appId, String channel) {
        return new ChannelEvent(
                appId,
                "order-status",
                "{\"status\":\"COMPLETED\"}",
                List.of(ChannelName.of(channel)),
                Optional.of(new SocketId("123.456")));
    }

    /** A message as an intruder with publish rights on the topic would write it. */
    private String forged(String appId, String payload, String signature) {
        return json.writeValueAsString(new RelayCodec.Envelope("intruder", appId, payload, signature));
    }

    private String payloadOf(ChannelEvent... events) {
        return json.writeValueAsString(List.of(events).stream()
                .map(event -> new RelayCodec.WireEvent(
                        event.appId(),
                        event.name(),
                        event.data(),
                        event.channels().stream().map(ChannelName::value).toList(),
                        null))
                .toList());
    }

    @Nested
    class between_instances {

        @Test
        void delivers_another_instances_batch_unchanged() {
            List<ChannelEvent> events = List.of(event(LOCAL.id(), "private-user-b0b"), event(LOCAL.id(), "prices"));

            assertThat(receiver.decodeForeign(sender.encode(events))).contains(events);
        }

        @Test
        void skips_its_own_batch() {
            assertThat(sender.decodeForeign(sender.encode(List.of(event(LOCAL.id(), "prices")))))
                    .isEmpty();
        }

        @Test
        void never_puts_two_apps_in_one_batch() {
            assertThatThrownBy(() -> sender.encode(List.of(event(LOCAL.id(), "prices"), event(OTHER.id(), "prices"))))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class refuses {

        @Test
        void a_batch_whose_events_were_changed_after_signing() {
            String message = sender.encode(List.of(event(LOCAL.id(), "private-user-b0b")));

            String tampered = message.replace("private-user-b0b", "private-user-a11ce");

            assertRejected(tampered, "bad-signature");
        }

        @Test
        void an_unsigned_batch() {
            assertRejected(forged(LOCAL.id(), payloadOf(event(LOCAL.id(), "private-user-b0b")), null), "bad-signature");
        }

        @Test
        void a_batch_signed_with_another_apps_secret() {
            String payload = payloadOf(event(LOCAL.id(), "private-user-b0b"));

            assertRejected(forged(LOCAL.id(), payload, OTHER.sign("relay\nintruder\n" + payload)), "bad-signature");
        }

        @Test
        void an_event_of_another_app_inside_a_validly_signed_batch() {
            String payload = payloadOf(event(LOCAL.id(), "private-user-b0b"));

            assertRejected(forged(OTHER.id(), payload, OTHER.sign("relay\nintruder\n" + payload)), "foreign-event");
        }

        @Test
        void a_batch_of_an_app_this_server_does_not_host() {
            assertRejected(forged("unknown", payloadOf(event("unknown", "prices")), "00"), "unknown-app");
        }

        @Test
        void an_event_on_an_invalid_channel_name() {
            String payload = payloadOf(event(LOCAL.id(), "prices")).replace("prices", "bad channel!");

            assertRejected(forged(LOCAL.id(), payload, LOCAL.sign("relay\nintruder\n" + payload)), "invalid-event");
        }

        @Test
        void a_message_that_is_not_json() {
            assertRejected("PUBLISH me", "unreadable");
        }

        private void assertRejected(String message, String reason) {
            assertThatThrownBy(() -> receiver.decodeForeign(message))
                    .isInstanceOfSatisfying(
                            RelayMessageRejected.class,
                            rejected -> assertThat(rejected.reason()).isEqualTo(reason));
        }
    }
}
