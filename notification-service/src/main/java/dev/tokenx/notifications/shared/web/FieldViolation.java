package dev.tokenx.notifications.shared.web;

/**
 * One reason a request is invalid, as listed in a {@code VALIDATION_FAILED} problem's {@code errors}.
 *
 * @param field a form field or JSON property name
 */
public record FieldViolation(String field, String message) {}
