package dev.tokenx.orders.shared.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A decimal with at most {@link #value()} significant decimals: {@code 2.0} is a whole number and {@code 1000.000} an
 * amount in paise, where {@code @Digits} would count their trailing zeros against them.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = MaxDecimalsValidator.class)
public @interface MaxDecimals {

    int value();

    String message() default "has too many decimals";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
