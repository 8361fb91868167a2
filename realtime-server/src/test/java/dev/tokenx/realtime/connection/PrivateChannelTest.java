package dev.tokenx.realtime.connection;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pusher.client.AuthorizationFailureException;
import com.pusher.client.channel.PrivateChannel;
import dev.tokenx.realtime.support.ChannelAuthorizers;
import dev.tokenx.realtime.support.PusherClient;
import dev.tokenx.realtime.support.RawSocket;
import dev.tokenx.realtime.support.ServerApi;
import dev.tokenx.realtime.support.ServerTest;
import dev.tokenx.realtime.support.TestApps;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Private channels with pusher-java-client, authorized the way the platform's auth endpoint does it: with
 * pusher-http-java's {@code authenticate(socketId, channel)}.
 */
class PrivateChannelTest extends ServerTest {

    private static final String CHANNEL = "private-user-a11ce000-0000-4000-8000-000000000001";

    @Test
    void subscribes_with_a_signature_from_the_server_library_and_receives_events() {
        PusherClient client = client();

        PrivateChannel channel = client.subscribePrivate(CHANNEL, "order-status");
        // Sorted, so that the JSON the library writes has one order to compare with.
        serverApi()
                .trigger(
                        CHANNEL,
                        "order-status",
                        new TreeMap<>(Map.of("status", "COMPLETED", "message", "Trade completed")));

        assertThat(channel.isSubscribed()).isTrue();
        await().untilAsserted(() -> assertThat(client.received(CHANNEL))
                .containsExactly("{\"message\":\"Trade completed\",\"status\":\"COMPLETED\"}"));
    }

    @Test
    void carries_end_to_end_encrypted_events_it_cannot_read() throws AuthorizationFailureException {
        String masterKey = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(UTF_8));
        String channel = "private-encrypted-user-a11ce";
        PusherClient client = client(PusherClient.Options.of(
                TestApps.LOCAL.key(), ChannelAuthorizers.signedWithEncryption(TestApps.LOCAL, masterKey)));
        client.subscribePrivateEncrypted(channel, "order-status");
        RawSocket onTheWire = rawSocket("/app/" + TestApps.LOCAL.key() + "?protocol=7");
        String answer = ChannelAuthorizers.signedWithEncryption(TestApps.LOCAL, masterKey)
                .authorize(channel, onTheWire.socketId());
        onTheWire.subscribe(channel, RawSocket.authField(answer));
        onTheWire.awaitEvent("pusher_internal:subscription_succeeded");

        remember(ServerApi.withEncryption(port, TestApps.LOCAL, masterKey))
                .trigger(channel, "order-status", Map.of("status", "COMPLETED"));

        await().untilAsserted(() -> assertThat(client.received(channel)).containsExactly("{\"status\":\"COMPLETED\"}"));
        assertThat(client.errors()).isEmpty();
        assertThat(RawSocket.data(onTheWire.awaitEvent("order-status")).has("ciphertext"))
                .isTrue();
        assertThat(onTheWire.awaitEvent("order-status").toString()).doesNotContain("COMPLETED");
    }

    @Test
    void refuses_a_signature_made_with_another_secret() {
        PusherClient client = client(
                PusherClient.Options.of(TestApps.LOCAL.key(), ChannelAuthorizers.withWrongSecret(TestApps.LOCAL)));

        PrivateChannel channel = client.subscribePrivateWithoutWaiting(CHANNEL, "order-status");

        await().untilAsserted(() -> assertThat(client.errors())
                .anySatisfy(error -> assertThat(error)
                        .startsWith("null: Invalid signature: Expected HMAC SHA256 hex digest of " + client.socketId()
                                + ":" + CHANNEL)));
        assertThat(channel.isSubscribed()).isFalse();
        assertThat(client.state().name()).isEqualTo("CONNECTED");
    }

    @Test
    void refuses_a_signature_made_for_another_connection() {
        PusherClient victim = client();
        PusherClient thief = client(PusherClient.Options.of(
                TestApps.LOCAL.key(), ChannelAuthorizers.signedForSocket(TestApps.LOCAL, victim.socketId())));

        PrivateChannel channel = thief.subscribePrivateWithoutWaiting(CHANNEL, "order-status");

        await().untilAsserted(() -> assertThat(thief.errors()).anyMatch(error -> error.contains("Invalid signature")));
        assertThat(channel.isSubscribed()).isFalse();
    }

    @Test
    void refuses_a_signature_of_another_app() {
        PusherClient client =
                client(PusherClient.Options.of(TestApps.LOCAL.key(), ChannelAuthorizers.signedBy(TestApps.OTHER)));

        PrivateChannel channel = client.subscribePrivateWithoutWaiting(CHANNEL, "order-status");

        await().untilAsserted(() -> assertThat(client.errors()).anyMatch(error -> error.contains("Invalid key")));
        assertThat(channel.isSubscribed()).isFalse();
    }

    @Test
    void delivers_nothing_to_a_connection_whose_subscription_was_refused() {
        PusherClient intruder = client(
                PusherClient.Options.of(TestApps.LOCAL.key(), ChannelAuthorizers.withWrongSecret(TestApps.LOCAL)));
        intruder.subscribePrivateWithoutWaiting(CHANNEL, "order-status");
        intruder.subscribe("system", "announcement");
        await().until(() -> !intruder.errors().isEmpty());

        serverApi().trigger(CHANNEL, "order-status", "secret");
        serverApi().trigger("system", "announcement", "marker");

        // Events reach a connection in the order they were triggered: once the marker is in, "secret" would be too.
        await().untilAsserted(() -> assertThat(intruder.received("system")).containsExactly("\"marker\""));
        assertThat(intruder.received(CHANNEL)).isEmpty();
    }
}
