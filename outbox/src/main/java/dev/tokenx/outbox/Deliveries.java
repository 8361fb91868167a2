package dev.tokenx.outbox;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What Kafka acknowledged of the rows the relay sent.
 *
 * @param firstFailure the error of one failed record, for logs and the rows' {@code last_error}
 */
record Deliveries(List<OutboxRecord> acknowledged, List<OutboxRecord> failed, Optional<Throwable> firstFailure) {

    static final Deliveries NONE = new Deliveries(List.of(), List.of(), Optional.empty());

    Deliveries plus(Deliveries more) {
        return new Deliveries(
                Stream.concat(acknowledged.stream(), more.acknowledged.stream()).toList(),
                Stream.concat(failed.stream(), more.failed.stream()).toList(),
                firstFailure.or(more::firstFailure));
    }

    List<Long> acknowledgedIds() {
        return acknowledged.stream().map(OutboxRecord::id).toList();
    }

    List<Long> failedIds() {
        return failed.stream().map(OutboxRecord::id).toList();
    }
}
