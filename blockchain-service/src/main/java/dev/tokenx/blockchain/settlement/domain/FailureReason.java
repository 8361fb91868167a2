package dev.tokenx.blockchain.settlement.domain;

/**
 * Why a settlement failed, as stored and announced: what the chain said, cut to a bounded length. A revert reason or a
 * node's error message is text from outside that can be arbitrarily long; unbounded, one would break the row (the
 * column holds {@value #MAX_LENGTH} characters) and every consumer that stores it.
 */
final class FailureReason {

    /** The {@code settlements.failure_reason} column's size, and order-service's {@code orders.failure_reason}. */
    static final int MAX_LENGTH = 500;

    private static final String CUT = "…";

    private FailureReason() {}

    static String bounded(String reason) {
        if (reason == null || reason.isBlank()) {
            return "The settlement failed without a reason";
        }
        String stripped = reason.strip();
        if (stripped.length() <= MAX_LENGTH) {
            return stripped;
        }
        int end = MAX_LENGTH - CUT.length();
        // Never split a surrogate pair: half a character is not valid UTF-8 on the wire.
        if (Character.isHighSurrogate(stripped.charAt(end - 1))) {
            end--;
        }
        return stripped.substring(0, end) + CUT;
    }
}
