package dev.tokenx.orders.shared.web;

import java.util.List;

/** A request the web layer refuses before any use case sees it; answered with 400 {@code VALIDATION_FAILED}. */
public final class InvalidRequest extends RuntimeException {

    private final List<FieldViolation> violations;

    public InvalidRequest(String field, String message) {
        super(field + " " + message, null, false, false);
        this.violations = List.of(new FieldViolation(field, message));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
