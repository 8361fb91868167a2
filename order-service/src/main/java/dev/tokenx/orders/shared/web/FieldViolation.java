package dev.tokenx.orders.shared.web;

/**
 * One reason a request is invalid, as listed in a {@code VALIDATION_FAILED} problem's {@code errors}.
 *
 * @param field a JSON property, a header or a query parameter name
 */
public record FieldViolation(String field, String message) {}
