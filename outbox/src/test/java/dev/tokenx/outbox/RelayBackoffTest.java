package dev.tokenx.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RelayBackoffTest {

    private final RelayBackoff backoff = new RelayBackoff(Duration.ofMillis(200), Duration.ofSeconds(5));

    @Test
    void doubles_the_pause_after_each_failure_in_a_row_with_jitter_below_it() {
        assertThat(backoff.next()).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(backoff.next()).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
        assertThat(backoff.next()).isBetween(Duration.ofMillis(400), Duration.ofMillis(800));
        assertThat(backoff.next()).isBetween(Duration.ofMillis(800), Duration.ofMillis(1600));
    }

    @Test
    void never_pauses_longer_than_the_cap() {
        for (int i = 0; i < 100; i++) {
            assertThat(backoff.next()).isBetween(Duration.ZERO, Duration.ofSeconds(5));
        }
        assertThat(backoff.next()).isGreaterThanOrEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void starts_over_after_a_success() {
        backoff.next();
        backoff.next();
        backoff.next();

        backoff.reset();

        assertThat(backoff.next()).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void needs_a_positive_start_below_the_cap() {
        assertThatThrownBy(() -> new RelayBackoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RelayBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
