package dev.tokenx.notifications.authorization.domain;

/** A subscription request with a missing or malformed field; nothing is signed. */
public final class InvalidSubscriptionRequest extends RuntimeException {

    private final String field;
    private final String problem;

    public InvalidSubscriptionRequest(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
