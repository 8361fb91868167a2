package dev.tokenx.gateway.requestid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "abc-123", "web.app_1", "0f8fad5b-d9cb-469f-a165-70867728950e"})
    void keeps_a_short_id_of_safe_characters(String id) {
        assertThat(RequestIds.acceptOrGenerate(id)).isEqualTo(id);
    }

    @Test
    void keeps_an_id_of_exactly_64_characters() {
        String longest = "x".repeat(64);

        assertThat(RequestIds.acceptOrGenerate(longest)).isEqualTo(longest);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"has space", "semi;colon", "new\nline", "ünïcode", "<tag>", "%0d%0a"})
    void replaces_a_missing_or_unsafe_id_with_a_uuid(String id) {
        String accepted = RequestIds.acceptOrGenerate(id);

        assertThat(accepted).isNotEqualTo(id);
        assertThat(UUID.fromString(accepted).toString()).isEqualTo(accepted);
    }

    @Test
    void replaces_an_id_longer_than_64_characters() {
        assertThat(RequestIds.acceptOrGenerate("x".repeat(65))).hasSize(36);
    }

    @Test
    void generates_a_different_id_each_time() {
        assertThat(RequestIds.acceptOrGenerate(null)).isNotEqualTo(RequestIds.acceptOrGenerate(null));
    }
}
