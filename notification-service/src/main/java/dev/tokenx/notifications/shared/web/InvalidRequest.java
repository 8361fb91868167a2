package dev.tokenx.notifications.shared.web;

/** A request the web layer refuses before any use case sees it; answered with 400 {@code VALIDATION_FAILED}. */
public final class InvalidRequest extends RuntimeException {

    private final FieldViolation violation;

    public InvalidRequest(String field, String message) {
        super(field + " " + message, null, false, false);
        this.violation = new FieldViolation(field, message);
    }

    public FieldViolation violation() {
        return violation;
    }
}
