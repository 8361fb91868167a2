package dev.tokenx.loadtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenx.loadtests.SettlementTally.Outcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SettlementTallyTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void latencies_run_from_acceptance_to_completion_with_nearest_rank_percentiles() {
        SettlementTally tally = new SettlementTally();
        for (int i = 1; i <= 100; i++) {
            tally.accepted("order-" + i, 0);
            tally.finished("order-" + i, Outcome.COMPLETED, i * SECOND / 10);
        }

        SettlementTally.Result result = tally.result();

        assertThat(result.completed()).isEqualTo(100);
        assertThat(result.percentile(50)).isEqualTo(Duration.ofSeconds(5));
        assertThat(result.percentile(99)).isEqualTo(Duration.ofMillis(9_900));
        assertThat(result.max()).isEqualTo(Duration.ofSeconds(10));
        assertThat(result.window()).isEqualTo(Duration.ofSeconds(10));
        assertThat(result.completedPerSecond()).isEqualTo(10.0);
    }

    @Test
    void an_outcome_seen_before_its_acceptance_was_recorded_still_counts() {
        SettlementTally tally = new SettlementTally();
        tally.finished("fast", Outcome.COMPLETED, 3 * SECOND);
        tally.accepted("fast", SECOND);

        assertThat(tally.allSettled()).isTrue();
        assertThat(tally.result().percentile(50)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void failed_unfinished_and_unmeasured_orders_are_told_apart() {
        SettlementTally tally = new SettlementTally();
        tally.accepted("completed", 0);
        tally.finished("completed", Outcome.COMPLETED, SECOND);
        tally.accepted("failed", 0);
        tally.finished("failed", Outcome.FAILED, SECOND);
        tally.accepted("pending", 0);
        tally.finished("warm-up order", Outcome.COMPLETED, SECOND);
        tally.refused();

        SettlementTally.Result result = tally.result();

        assertThat(tally.allSettled()).isFalse();
        assertThat(result.accepted()).isEqualTo(3);
        assertThat(result.refused()).isEqualTo(1);
        assertThat(result.completed()).isEqualTo(1);
        assertThat(result.failed()).isEqualTo(1);
        assertThat(result.unfinished()).isEqualTo(1);
    }

    @Test
    void a_second_outcome_of_one_order_changes_nothing() {
        SettlementTally tally = new SettlementTally();
        tally.accepted("order", 0);
        tally.finished("order", Outcome.COMPLETED, SECOND);
        tally.finished("order", Outcome.FAILED, 2 * SECOND);

        assertThat(tally.result().completed()).isEqualTo(1);
        assertThat(tally.result().failed()).isZero();
    }

    @Test
    void nothing_completed_reports_zeros_rather_than_failing() {
        SettlementTally.Result result = new SettlementTally().result();

        assertThat(result.completedPerSecond()).isZero();
        assertThat(result.percentile(99)).isEqualTo(Duration.ZERO);
        assertThat(result.max()).isEqualTo(Duration.ZERO);
    }
}
