package dev.tokenx.orders.order.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OrderStatusTest {

    @Test
    void only_completed_and_failed_are_final() {
        assertThat(Arrays.stream(OrderStatus.values()).filter(OrderStatus::isFinal))
                .containsExactlyInAnyOrder(OrderStatus.COMPLETED, OrderStatus.FAILED);
    }

    @ParameterizedTest
    @EnumSource(
            value = OrderStatus.class,
            names = {"ACCEPTED", "SETTLING", "CONFIRMING"})
    void every_open_status_may_fail(OrderStatus open) {
        assertThat(open.mayBecome(OrderStatus.FAILED)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(
            value = OrderStatus.class,
            names = {"COMPLETED", "FAILED"})
    void a_final_status_goes_nowhere(OrderStatus done) {
        assertThat(OrderStatus.values()).noneMatch(done::mayBecome);
    }

    @Test
    void nothing_returns_to_accepted() {
        assertThat(OrderStatus.values()).noneMatch(status -> status.mayBecome(OrderStatus.ACCEPTED));
    }
}
