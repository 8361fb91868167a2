package dev.tokenx.kafka.consumer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The failures of a service that no retry can cure: a record failing with one of them (anywhere in its cause chain)
 * goes to the dead-letter topic at once. A service declares one or more such beans; everything else it throws is
 * retried with backoff first, and unreadable records ({@code DeserializationException}) are never retried.
 *
 * <pre>{@code
 * @Bean
 * NonRetryableExceptions settlementRefusals() {
 *     return NonRetryableExceptions.of(OrderNotFound.class, OrderStateConflict.class);
 * }
 * }</pre>
 */
public final class NonRetryableExceptions {

    private final List<Class<? extends Exception>> types;
    private final List<Predicate<Throwable>> conditions;

    private NonRetryableExceptions(List<Class<? extends Exception>> types, List<Predicate<Throwable>> conditions) {
        this.types = List.copyOf(types);
        this.conditions = List.copyOf(conditions);
    }

    /** Every exception of these types (and their subtypes) is permanent. */
    @SafeVarargs
    public static NonRetryableExceptions of(Class<? extends Exception>... types) {
        return new NonRetryableExceptions(List.of(types), List.of());
    }

    /**
     * Exceptions of this type are permanent when the condition holds, e.g. an adapter's one failure type that knows
     * whether it was refused (a 4xx) or only unlucky (a timeout, a 5xx).
     */
    public <T extends Throwable> NonRetryableExceptions and(Class<T> type, Predicate<? super T> permanent) {
        List<Predicate<Throwable>> more = new ArrayList<>(conditions);
        more.add(failure -> type.isInstance(failure) && permanent.test(type.cast(failure)));
        return new NonRetryableExceptions(types, more);
    }

    List<Class<? extends Exception>> types() {
        return types;
    }

    /** Whether a condition declared with {@link #and} holds for the failure or one of its causes. */
    boolean conditionHolds(Throwable failure) {
        if (conditions.isEmpty()) {
            return false;
        }
        Set<Throwable> seen = new HashSet<>();
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            for (Predicate<Throwable> condition : conditions) {
                if (condition.test(cause)) {
                    return true;
                }
            }
        }
        return false;
    }
}
