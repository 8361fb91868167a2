package dev.tokenx.realtime.connection.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProtocolVersionTest {

    @ParameterizedTest
    @ValueSource(strings = {"4", "5", "6", "7"})
    void accepts_the_versions_pusher_still_serves(String protocol) {
        assertThat(ProtocolVersion.refusal(protocol)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "3", "8"})
    void refuses_other_versions_with_4007(String protocol) {
        assertThat(ProtocolVersion.refusal(protocol))
                .get()
                .extracting(PusherError::code)
                .isEqualTo(4007);
    }

    @Test
    void refuses_a_version_that_is_not_a_number_with_4006() {
        assertThat(ProtocolVersion.refusal("7.0"))
                .get()
                .extracting(PusherError::code)
                .isEqualTo(4006);
    }

    @Test
    void refuses_a_missing_version_with_4008() {
        assertThat(ProtocolVersion.refusal(null))
                .get()
                .extracting(PusherError::code)
                .isEqualTo(4008);
    }

    @Test
    void closes_the_connection_for_the_4000_to_4299_codes_only() {
        assertThat(PusherError.unknownApp("k").closesConnection()).isTrue();
        assertThat(PusherError.pongNotReceived().closesConnection()).isTrue();
        assertThat(PusherError.withoutCode("client events are off").closesConnection())
                .isFalse();
        assertThat(new PusherError(4301, "rate limited").closesConnection()).isFalse();
    }
}
