package dev.tokenx.orders.order.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"k", "2f1c6f0e-8c3b-4c1e-9d7a-6f1a2b3c4d5e", "order:2026-11-26.001_retry-2"})
    void accepts_safe_keys(String key) {
        assertThat(new IdempotencyKey(key).value()).isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "has space", "semi;colon", "slash/", "ünïcode", "quote'"})
    void refuses_anything_outside_the_safe_set(String key) {
        assertThatThrownBy(() -> new IdempotencyKey(key)).isInstanceOf(InvalidIdempotencyKey.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 101})
    void is_at_most_a_hundred_characters(int length) {
        String key = "k".repeat(length);

        if (length <= 100) {
            assertThat(new IdempotencyKey(key).value()).hasSize(length);
        } else {
            assertThatThrownBy(() -> new IdempotencyKey(key)).isInstanceOf(InvalidIdempotencyKey.class);
        }
    }
}
