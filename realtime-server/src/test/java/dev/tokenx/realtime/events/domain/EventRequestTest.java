package dev.tokenx.realtime.events.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenx.realtime.channel.domain.ChannelEvent;
import dev.tokenx.realtime.channel.domain.ChannelName;
import dev.tokenx.realtime.connection.domain.SocketId;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EventRequestTest {

    private static EventRequest event(String data, List<String> channels) {
        return new EventRequest("order-status", data, channels, null);
    }

    @Test
    void becomes_an_event_for_its_app() {
        ChannelEvent event = new EventRequest("order-status", "{}", List.of("private-user-1"), "123.456")
                .toChannelEvent("tokenx-local");

        assertThat(event.appId()).isEqualTo("tokenx-local");
        assertThat(event.channels()).containsExactly(ChannelName.of("private-user-1"));
        assertThat(event.excludes(new SocketId("123.456"))).isTrue();
        assertThat(event.excludes(new SocketId("123.457"))).isFalse();
    }

    @Test
    void counts_the_10_kb_of_data_in_utf8_bytes() {
        assertThat(event("x".repeat(10_240), List.of("prices")).toChannelEvent("a"))
                .isNotNull();
        // 5,121 characters, but 10,242 bytes.
        assertThatThrownBy(
                        () -> event("\u00e9".repeat(5_121), List.of("prices")).toChannelEvent("a"))
                .isInstanceOf(EventTooLarge.class);
    }

    @Test
    void goes_to_at_most_100_channels() {
        List<String> hundred =
                IntStream.rangeClosed(1, 100).mapToObj(i -> "c" + i).toList();
        List<String> hundredAndOne =
                IntStream.rangeClosed(1, 101).mapToObj(i -> "c" + i).toList();

        assertThat(event("{}", hundred).toChannelEvent("a").channels()).hasSize(100);
        assertThatThrownBy(() -> event("{}", hundredAndOne).toChannelEvent("a"))
                .isInstanceOf(InvalidEventRequest.class)
                .hasMessageContaining("at most 100 channels");
    }

    @Test
    void names_a_channel_given_twice_once() {
        assertThat(event("{}", List.of("prices", "prices")).toChannelEvent("a").channels())
                .containsExactly(ChannelName.of("prices"));
    }

    @Test
    void needs_a_name_of_at_most_200_characters() {
        assertThatThrownBy(() -> new EventRequest(null, "{}", List.of("prices"), null).toChannelEvent("a"))
                .isInstanceOf(InvalidEventRequest.class);
        assertThatThrownBy(() -> new EventRequest("e".repeat(201), "{}", List.of("prices"), null).toChannelEvent("a"))
                .isInstanceOf(InvalidEventRequest.class);
    }

    @Test
    void refuses_a_socket_id_pusher_would_not_issue() {
        assertThatThrownBy(() -> new EventRequest("e", "{}", List.of("prices"), "123").toChannelEvent("a"))
                .isInstanceOf(InvalidEventRequest.class)
                .hasMessageContaining("socket_id");
    }

    @Test
    void takes_batches_of_one_to_ten_events() {
        EventRequest one = event("{}", List.of("prices"));

        assertThat(EventRequest.toChannelEvents("a", Collections.nCopies(10, one)))
                .hasSize(10);
        assertThatThrownBy(() -> EventRequest.toChannelEvents("a", Collections.nCopies(11, one)))
                .isInstanceOf(InvalidEventRequest.class);
        assertThatThrownBy(() -> EventRequest.toChannelEvents("a", List.of())).isInstanceOf(InvalidEventRequest.class);
    }
}
