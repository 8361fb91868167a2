package dev.tokenx.orders.shared.web;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.math.BigDecimal;

public class MaxDecimalsValidator implements ConstraintValidator<MaxDecimals, BigDecimal> {

    private int maxDecimals;

    @Override
    public void initialize(MaxDecimals constraint) {
        this.maxDecimals = constraint.value();
    }

    @Override
    public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
        return value == null || value.stripTrailingZeros().scale() <= maxDecimals;
    }
}
