package dev.tokenx.orders.order.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of an order: {@code ACCEPTED → SETTLING → CONFIRMING → COMPLETED}, or {@code FAILED} from any status
 * before {@code COMPLETED}. {@code CONFIRMING → CONFIRMING} records another block confirmation. A status may be
 * skipped, never revisited: settlement reports what the chain shows when it looks, and a transaction may already have
 * all its confirmations the first time it is seen mined.
 */
public enum OrderStatus {
    ACCEPTED,
    SETTLING,
    CONFIRMING,
    COMPLETED,
    FAILED;

    public boolean isFinal() {
        return this == COMPLETED || this == FAILED;
    }

    public boolean mayBecome(OrderStatus next) {
        return successors().contains(next);
    }

    private Set<OrderStatus> successors() {
        return switch (this) {
            case ACCEPTED -> EnumSet.of(SETTLING, CONFIRMING, COMPLETED, FAILED);
            case SETTLING -> EnumSet.of(CONFIRMING, COMPLETED, FAILED);
            case CONFIRMING -> EnumSet.of(CONFIRMING, COMPLETED, FAILED);
            case COMPLETED, FAILED -> EnumSet.noneOf(OrderStatus.class);
        };
    }
}
