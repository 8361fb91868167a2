package dev.tokenx.notifications.delivery.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenx.events.EventJson;
import dev.tokenx.events.OrderStatusChanged;
import dev.tokenx.events.PortfolioChanged;
import dev.tokenx.events.PriceUpdated;
import dev.tokenx.events.SystemAnnouncement;
import dev.tokenx.events.samples.GoldenSamples;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NotificationsTest {

    private static final UUID ALICE = UUID.fromString("a11ce000-0000-4000-8000-000000000001");

    @Nested
    class An_order_status_change {

        private final OrderStatusChanged sample =
                EventJson.read(OrderStatusChanged.class, GoldenSamples.read("order-status-changed.v1"));

        @Test
        void goes_to_the_users_private_channel_as_order_status() {
            Notification notification = Notifications.of(sample);

            assertThat(notification.channel()).isEqualTo("private-user-" + ALICE);
            assertThat(notification.event()).isEqualTo("order-status");
            assertThat(notification.eventId()).isEqualTo(sample.eventId());
        }

        @Test
        void carries_the_order_the_step_the_tx_hash_and_the_human_message() {
            assertThat(Notifications.of(sample).payload())
                    .isEqualTo(new OrderStatusUpdate(
                            sample.orderId(),
                            "CONFIRMING",
                            "BLRTECH",
                            "0x9f2c4e6a8b0d1f3e5c7a9b1d3f5e7c9a1b3d5f7e9c1a3b5d7f9e1c3a5b7d9f1e",
                            2,
                            3,
                            null,
                            "Confirming 2/3",
                            Instant.parse("2026-11-26T05:00:03.456Z")));
        }

        @Test
        void without_a_user_cannot_be_delivered() {
            OrderStatusChanged withoutUser = new OrderStatusChanged(
                    sample.eventId(), sample.orderId(), null, "BLRTECH", "ACCEPTED", null, null, null, null, null);

            assertThatThrownBy(() -> Notifications.of(withoutUser))
                    .isInstanceOf(UndeliverableEvent.class)
                    .hasMessageContaining("has no userId");
        }

        @Test
        void without_a_status_cannot_be_delivered() {
            OrderStatusChanged withoutStatus = new OrderStatusChanged(
                    sample.eventId(), sample.orderId(), ALICE, "BLRTECH", null, null, null, null, null, null);

            assertThatThrownBy(() -> Notifications.of(withoutStatus))
                    .isInstanceOf(UndeliverableEvent.class)
                    .hasMessageContaining("has no status");
        }
    }

    @Nested
    class A_portfolio_change {

        @Test
        void goes_to_the_users_private_channel_as_portfolio_updated_with_the_new_holding() {
            PortfolioChanged changed =
                    EventJson.read(PortfolioChanged.class, GoldenSamples.read("portfolio-changed.v1"));

            Notification notification = Notifications.of(changed);

            assertThat(notification.channel()).isEqualTo("private-user-" + ALICE);
            assertThat(notification.event()).isEqualTo("portfolio-updated");
            assertThat(notification.payload())
                    .isEqualTo(new PortfolioUpdate(
                            "BLRTECH", 25, changed.orderId(), "You now hold 25 BLRTECH", changed.occurredAt()));
        }
    }

    @Nested
    class An_announcement {

        @Test
        void goes_to_everybody_on_the_public_system_channel() {
            SystemAnnouncement announced =
                    EventJson.read(SystemAnnouncement.class, GoldenSamples.read("system-announcement.v1"));

            Notification notification = Notifications.of(announced);

            assertThat(notification.channel()).isEqualTo("system");
            assertThat(notification.event()).isEqualTo("announcement");
            assertThat(notification.payload())
                    .isEqualTo(new Announcement(
                            "Scheduled maintenance",
                            "Trading pauses on 30 Nov 2026 from 02:00 to 02:30 IST.",
                            "INFO",
                            announced.occurredAt()));
        }

        @Test
        void without_a_message_cannot_be_delivered() {
            SystemAnnouncement empty = new SystemAnnouncement(UUID.randomUUID(), "Title", " ", "INFO", Instant.now());

            assertThatThrownBy(() -> Notifications.of(empty)).isInstanceOf(UndeliverableEvent.class);
        }
    }

    @Nested
    class A_price_update {

        private final PriceUpdated sample = EventJson.read(PriceUpdated.class, GoldenSamples.read("price-updated.v1"));

        @Test
        void goes_to_everybody_on_the_public_prices_channel_as_price_update() {
            Notification notification = Notifications.of(sample);

            assertThat(notification.channel()).isEqualTo("prices");
            assertThat(notification.event()).isEqualTo("price-update");
            assertThat(notification.eventId()).isEqualTo(sample.eventId());
        }

        @Test
        void carries_the_new_and_the_previous_price_and_the_move_in_rupees_and_percent() {
            assertThat(Notifications.of(sample).payload())
                    .isEqualTo(new PriceUpdate(
                            "MUMSEA",
                            new BigDecimal("2512.50"),
                            new BigDecimal("2500.00"),
                            new BigDecimal("12.50"),
                            new BigDecimal("0.50"),
                            Instant.parse("2026-11-26T05:01:00Z")));
        }

        @Test
        void rounds_the_percentage_half_up_to_two_decimals_on_a_fall_as_on_a_rise() {
            // -1.25 of 1000.00 is -0.125 %; 1.25 of 1000.00 is 0.125 %: half-up rounds both away from zero.
            assertThat(payloadOf(priceMove("1000.00", "998.75")).changePercent())
                    .isEqualByComparingTo("-0.13");
            assertThat(payloadOf(priceMove("1000.00", "1001.25")).changePercent())
                    .isEqualByComparingTo("0.13");
            assertThat(payloadOf(priceMove("3.00", "4.00")).changePercent()).isEqualTo(new BigDecimal("33.33"));
        }

        @Test
        void shows_every_amount_with_two_decimals() {
            PriceUpdate update = payloadOf(priceMove("100", "110.5"));

            assertThat(update.price()).isEqualTo(new BigDecimal("110.50"));
            assertThat(update.previousPrice()).isEqualTo(new BigDecimal("100.00"));
            assertThat(update.change()).isEqualTo(new BigDecimal("10.50"));
            assertThat(update.changePercent()).isEqualTo(new BigDecimal("10.50"));
        }

        @Test
        void from_a_previous_price_of_zero_gives_the_change_but_no_percentage() {
            PriceUpdate update = payloadOf(priceMove("0.00", "250.00"));

            assertThat(update.change()).isEqualTo(new BigDecimal("250.00"));
            assertThat(update.changePercent()).isNull();
        }

        @Test
        void without_a_previous_price_gives_the_price_alone() {
            PriceUpdate update = payloadOf(priceMove(null, "250.00"));

            assertThat(update)
                    .isEqualTo(
                            new PriceUpdate("MUMSEA", new BigDecimal("250.00"), null, null, null, sample.occurredAt()));
        }

        @Test
        void without_a_positive_price_cannot_be_delivered() {
            assertThatThrownBy(() -> Notifications.of(priceMove("2500.00", null)))
                    .isInstanceOf(UndeliverableEvent.class)
                    .hasMessageContaining("has no positive price");
            assertThatThrownBy(() -> Notifications.of(priceMove("2500.00", "0.00")))
                    .isInstanceOf(UndeliverableEvent.class)
                    .hasMessageContaining("has no positive price");
        }

        @Test
        void with_a_negative_previous_price_cannot_be_delivered() {
            assertThatThrownBy(() -> Notifications.of(priceMove("-1.00", "2500.00")))
                    .isInstanceOf(UndeliverableEvent.class)
                    .hasMessageContaining("has a negative previousPrice");
        }

        @Test
        void without_a_symbol_cannot_be_delivered() {
            PriceUpdated withoutSymbol = new PriceUpdated(
                    sample.eventId(), " ", sample.price(), sample.previousPrice(), sample.occurredAt());

            assertThatThrownBy(() -> Notifications.of(withoutSymbol))
                    .isInstanceOf(UndeliverableEvent.class)
                    .hasMessageContaining("has no tokenSymbol");
        }

        private PriceUpdated priceMove(String previousPrice, String price) {
            return new PriceUpdated(
                    sample.eventId(),
                    sample.tokenSymbol(),
                    price == null ? null : new BigDecimal(price),
                    previousPrice == null ? null : new BigDecimal(previousPrice),
                    sample.occurredAt());
        }

        private static PriceUpdate payloadOf(PriceUpdated updated) {
            return (PriceUpdate) Notifications.of(updated).payload();
        }
    }
}
