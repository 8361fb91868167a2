package dev.tokenx.realtime.channel.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChannelNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"prices", "private-user-a11ce000-0000-4000-8000-000000000001", "a_b-c=d@e,f.g;h"})
    void accepts_the_characters_pusher_allows(String name) {
        assertThat(ChannelName.of(name).value()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "prices now", "#server-to-user-1", "prices/eu", "caf\u00e9"})
    void refuses_other_characters(String name) {
        assertThatThrownBy(() -> ChannelName.of(name)).isInstanceOf(InvalidChannelName.class);
    }

    @Test
    void accepts_164_characters_and_no_more() {
        assertThat(ChannelName.of("c".repeat(164)).value()).hasSize(164);
        assertThatThrownBy(() -> ChannelName.of("c".repeat(165)))
                .isInstanceOf(InvalidChannelName.class)
                .hasMessageContaining("longer than 164");
    }

    @Test
    void tells_private_and_presence_channels_by_their_prefix() {
        assertThat(ChannelName.of("private-user-1").isPrivate()).isTrue();
        assertThat(ChannelName.of("private-encrypted-user-1").isPrivate()).isTrue();
        assertThat(ChannelName.of("presence-room").isPresence()).isTrue();
        assertThat(ChannelName.of("prices").isPrivate()).isFalse();
        assertThat(ChannelName.of("user-private-1").isPrivate()).isFalse();
    }
}
