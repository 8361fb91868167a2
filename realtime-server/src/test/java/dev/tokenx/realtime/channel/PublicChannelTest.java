package dev.tokenx.realtime.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pusher.rest.data.Event;
import com.pusher.rest.data.Result;
import dev.tokenx.realtime.support.PusherClient;
import dev.tokenx.realtime.support.RawSocket;
import dev.tokenx.realtime.support.ServerTest;
import dev.tokenx.realtime.support.TestApps;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** pusher-java-client subscribed to public channels, events triggered with pusher-http-java. */
class PublicChannelTest extends ServerTest {

    @Test
    void delivers_an_event_triggered_through_the_http_api_to_a_subscriber() {
        PusherClient client = client();
        client.subscribe("prices", "price-update");

        // Sorted, so that the JSON the library writes has one order to compare with.
        Result result = serverApi()
                .trigger("prices", "price-update", new TreeMap<>(Map.of("token", "PRPTY1", "price", "1050.00")));

        assertThat(result.getStatus()).isEqualTo(Result.Status.SUCCESS);
        assertThat(result.getMessage()).isEqualTo("{}");
        await().untilAsserted(() -> assertThat(client.events("prices"))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.getEventName()).isEqualTo("price-update");
                    assertThat(event.getChannelName()).isEqualTo("prices");
                    assertThat(event.getData()).isEqualTo("{\"price\":\"1050.00\",\"token\":\"PRPTY1\"}");
                }));
    }

    @Test
    void delivers_one_event_to_each_of_its_channels() {
        PusherClient client = client();
        client.subscribe("system", "announcement");
        client.subscribe("prices", "announcement");

        serverApi().trigger(List.of("system", "prices"), "announcement", "maintenance at 02:00");

        await().untilAsserted(() -> {
            assertThat(client.received("system")).containsExactly("\"maintenance at 02:00\"");
            assertThat(client.received("prices")).containsExactly("\"maintenance at 02:00\"");
        });
    }

    @Test
    void delivers_to_every_subscriber_of_the_channel() {
        PusherClient first = client();
        PusherClient second = client();
        first.subscribe("prices", "price-update");
        second.subscribe("prices", "price-update");

        serverApi().trigger("prices", "price-update", "1");

        await().untilAsserted(() -> {
            assertThat(first.received("prices")).containsExactly("\"1\"");
            assertThat(second.received("prices")).containsExactly("\"1\"");
        });
    }

    @Test
    void delivers_the_events_of_a_batch_in_order() {
        PusherClient client = client();
        client.subscribe("prices", "price-update");
        client.subscribe("system", "announcement");

        Result result = serverApi()
                .triggerBatch(List.of(
                        new Event("prices", "price-update", "1"),
                        new Event("system", "announcement", "2"),
                        new Event("prices", "price-update", "3")));

        assertThat(result.getStatus()).isEqualTo(Result.Status.SUCCESS);
        await().untilAsserted(() -> {
            assertThat(client.received("prices")).containsExactly("\"1\"", "\"3\"");
            assertThat(client.received("system")).containsExactly("\"2\"");
        });
    }

    @Test
    void leaves_out_the_connection_whose_socket_id_is_given() {
        PusherClient publisher = client();
        PusherClient other = client();
        publisher.subscribe("prices", "price-update");
        other.subscribe("prices", "price-update");

        serverApi().trigger("prices", "price-update", "own change", publisher.socketId());
        serverApi().trigger("prices", "price-update", "next");

        await().untilAsserted(() -> assertThat(other.received("prices")).containsExactly("\"own change\"", "\"next\""));
        await().untilAsserted(() -> assertThat(publisher.received("prices")).containsExactly("\"next\""));
    }

    @Test
    void stops_delivering_after_an_unsubscribe() {
        // A raw socket: pusher-java-client drops events of channels it left, which would hide the server's part.
        RawSocket socket = rawSocket("/app/" + TestApps.LOCAL.key() + "?protocol=7");
        socket.sendJson("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"prices\"}}");
        socket.sendJson("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"system\"}}");
        await().until(() ->
                socket.messages("pusher_internal:subscription_succeeded").size() == 2);

        socket.sendJson("{\"event\":\"pusher:unsubscribe\",\"data\":{\"channel\":\"prices\"}}");
        // Messages of one connection are handled in order: the pong means the unsubscribe is done.
        socket.sendJson("{\"event\":\"pusher:ping\",\"data\":{}}");
        socket.awaitEvent("pusher:pong");
        serverApi().trigger("prices", "price-update", "after");
        serverApi().trigger("system", "announcement", "marker");

        // Events reach a connection in the order they were triggered: once the marker is in, "after" would be too.
        socket.awaitEvent("announcement");
        assertThat(socket.events()).doesNotContain("price-update");
    }

    @Test
    void keeps_the_channels_of_different_apps_apart() {
        PusherClient local = client();
        local.subscribe("prices", "price-update");

        serverApi(TestApps.OTHER).trigger("prices", "price-update", "other app");
        serverApi().trigger("prices", "price-update", "local app");

        await().untilAsserted(() -> assertThat(local.received("prices")).containsExactly("\"local app\""));
    }
}
