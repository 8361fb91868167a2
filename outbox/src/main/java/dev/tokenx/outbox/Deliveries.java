package dev.tokenx.outbox;

import java.util.List;
import java.util.Optional;

/**
 * What Kafka acknowledged of a batch. Records of one batch have distinct keys, so marking the acknowledged ones
 * published while the others wait never reorders a key's events.
 *
 * @param firstFailure the error of one failed record, for logs and the rows' {@code last_error}
 */
record Deliveries(List<Long> acknowledged, List<Long> failed, Optional<Throwable> firstFailure) {}
