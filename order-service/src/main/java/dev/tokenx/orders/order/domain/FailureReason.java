package dev.tokenx.orders.order.domain;

/**
 * Why an order failed, as stored and shown: the settlement's reason, cut to a bounded length. It comes from another
 * service and, through it, from the chain (a revert reason, a node's message); however long it arrives, recording the
 * failure must not break on it (the column holds {@value #MAX_LENGTH} characters), or the order would never release
 * its funds.
 */
final class FailureReason {

    /** The size of {@code orders.failure_reason}. */
    static final int MAX_LENGTH = 500;

    private static final String CUT = "…";

    private FailureReason() {}

    static String bounded(String reason) {
        String stripped = reason.strip();
        if (stripped.length() <= MAX_LENGTH) {
            return stripped;
        }
        int end = MAX_LENGTH - CUT.length();
        // Never split a surrogate pair: half a character is not valid UTF-8 in the row or on the wire.
        if (Character.isHighSurrogate(stripped.charAt(end - 1))) {
            end--;
        }
        return stripped.substring(0, end) + CUT;
    }
}
