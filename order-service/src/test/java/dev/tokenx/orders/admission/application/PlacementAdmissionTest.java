package dev.tokenx.orders.admission.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class PlacementAdmissionTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    private final AtomicReference<Instant> oldestAccepted = new AtomicReference<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private PlacementAdmission admission(int maxInFlight, Duration maxSettlementDelay) {
        SettlementBacklog backlog = () -> Mono.justOrEmpty(oldestAccepted.get());
        return new PlacementAdmission(
                backlog,
                new AdmissionProperties(maxInFlight, maxSettlementDelay, Duration.ofMillis(250), Duration.ofSeconds(2)),
                Clock.fixed(NOW, ZoneOffset.UTC),
                meters);
    }

    private double shed(String reason) {
        return meters.get("orders.admission.shed")
                .tag("reason", reason)
                .counter()
                .count();
    }

    @Nested
    class placements_in_flight {

        @Test
        void refuses_the_one_beyond_the_limit_and_takes_one_again_once_another_is_released() {
            PlacementAdmission admission = admission(2, Duration.ZERO);
            PlacementAdmission.Admitted first = admission.admit();
            admission.admit();

            assertThatThrownBy(admission::admit)
                    .isInstanceOf(Overloaded.class)
                    .extracting(error -> ((Overloaded) error).retryAfter())
                    .isEqualTo(Duration.ofSeconds(2));
            assertThat(shed("in_flight")).isEqualTo(1);

            first.release();
            assertThat(admission.admit()).isNotNull();
        }

        @Test
        void a_placement_released_twice_frees_one_place_only() {
            PlacementAdmission admission = admission(2, Duration.ZERO);
            PlacementAdmission.Admitted first = admission.admit();
            admission.admit();

            first.release();
            first.release();
            admission.admit();

            assertThatThrownBy(admission::admit).isInstanceOf(Overloaded.class);
        }
    }

    @Nested
    class settlement_delay {

        @Test
        void refuses_while_the_oldest_accepted_order_has_waited_longer_than_allowed() {
            PlacementAdmission admission = admission(100, Duration.ofSeconds(3));
            oldestAccepted.set(NOW.minusSeconds(4));
            admission.refreshSettlementDelay().block();

            assertThatThrownBy(admission::admit)
                    .isInstanceOf(Overloaded.class)
                    .hasMessageContaining("Settlement is behind");
            assertThat(shed("settlement_behind")).isEqualTo(1);
        }

        @Test
        void admits_again_once_settlement_has_caught_up() {
            PlacementAdmission admission = admission(100, Duration.ofSeconds(3));
            oldestAccepted.set(NOW.minusSeconds(4));
            admission.refreshSettlementDelay().block();

            oldestAccepted.set(null);
            admission.refreshSettlementDelay().block();

            assertThat(admission.admit()).isNotNull();
        }

        @Test
        void admits_within_the_allowed_delay() {
            PlacementAdmission admission = admission(100, Duration.ofSeconds(3));
            oldestAccepted.set(NOW.minusSeconds(2));
            admission.refreshSettlementDelay().block();

            assertThat(admission.admit()).isNotNull();
            assertThat(meters.get("orders.settlement.delay").gauge().value()).isEqualTo(2.0);
        }

        @Test
        void is_not_checked_when_turned_off() {
            PlacementAdmission admission = admission(100, Duration.ZERO);
            oldestAccepted.set(NOW.minus(Duration.ofHours(1)));
            admission.refreshSettlementDelay().block();

            assertThat(admission.admit()).isNotNull();
            assertThat(admission.isAutoStartup()).isFalse();
        }
    }
}
