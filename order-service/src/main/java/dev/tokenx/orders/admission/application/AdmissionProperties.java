package dev.tokenx.orders.admission.application;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * When order placement refuses work it cannot do well ({@code orders.admission.*}).
 *
 * @param maxInFlight placements handled at once by this instance; one more is refused at once (503) instead of
 *     queueing for a database connection behind the others
 * @param maxSettlementDelay how long the oldest accepted order may wait for settlement to start before new orders are
 *     refused (503): offered more than settlement can take, the platform keeps the accepted orders' completion times
 *     instead of growing a backlog that takes minutes to drain. Zero turns the check off.
 * @param backlogPollInterval how often the settlement delay is read from the database (one indexed query per
 *     interval and instance, whatever the load)
 * @param retryAfter what a refused client is told to wait before trying again
 */
@Validated
@ConfigurationProperties("orders.admission")
public record AdmissionProperties(
        @Positive int maxInFlight,
        @NotNull Duration maxSettlementDelay,
        @NotNull Duration backlogPollInterval,
        @NotNull Duration retryAfter) {

    boolean checksSettlementDelay() {
        return maxSettlementDelay.isPositive();
    }
}
