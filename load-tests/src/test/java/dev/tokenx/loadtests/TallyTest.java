package dev.tokenx.loadtests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TallyTest {

    @Test
    void percentiles_are_the_nearest_rank_of_the_accepted_orders() {
        Tally tally = new Tally();
        tally.sending();
        for (int millis = 1; millis <= 1_000; millis++) {
            tally.accepted(millis);
        }
        tally.failed();

        Tally.Result result = tally.result();

        assertThat(result.accepted()).isEqualTo(1_000);
        assertThat(result.failed()).isEqualTo(1);
        assertThat(result.percentile(50)).isEqualTo(500);
        assertThat(result.percentile(95)).isEqualTo(950);
        assertThat(result.percentile(99)).isEqualTo(990);
        assertThat(result.percentile(99.9)).isEqualTo(999);
        assertThat(result.max()).isEqualTo(1_000);
    }

    @Test
    void answers_slower_than_the_request_timeout_share_the_last_slot() {
        Tally tally = new Tally();
        tally.sending();
        tally.accepted(3);
        tally.accepted(25_000);

        assertThat(tally.result().max()).isEqualTo(10_000);
    }

    @Test
    void throughput_counts_accepted_orders_over_the_phase() {
        Tally tally = new Tally();
        assertThat(tally.result().acceptedPerSecond()).isZero();

        tally.sending();
        tally.accepted(1);
        tally.failed();

        Tally.Result result = tally.result();
        assertThat(result.window()).isPositive();
        assertThat(result.acceptedPerSecond()).isEqualTo(1e9 / result.window().toNanos());
    }
}
