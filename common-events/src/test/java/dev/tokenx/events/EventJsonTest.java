package dev.tokenx.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    private final OrderPlaced placed = new OrderPlaced(
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
            "BLRTECH",
            OrderSide.BUY,
            3,
            new BigDecimal("1000.00"),
            new BigDecimal("30.00"),
            new BigDecimal("5.00"),
            new BigDecimal("3035.00"),
            Instant.parse("2026-11-26T05:00:00Z"));

    @Test
    void writes_amounts_as_decimal_strings_keeping_the_paise() {
        String json = EventJson.writeAsString(placed);

        assertThat(json).contains("\"price\":\"1000.00\"", "\"total\":\"3035.00\"", "\"gasFee\":\"5.00\"");
    }

    @Test
    void writes_instants_as_iso_8601() {
        assertThat(EventJson.writeAsString(placed)).contains("\"occurredAt\":\"2026-11-26T05:00:00Z\"");
    }

    @Test
    void ignores_fields_it_does_not_know_so_producers_can_add_fields() {
        String withExtra = EventJson.writeAsString(placed).replaceFirst("\\{", "{\"addedLater\":{\"x\":1},");

        DomainEvent read = EventJson.read("OrderPlaced", withExtra.getBytes(StandardCharsets.UTF_8));

        assertThat(read).isEqualTo(placed);
    }

    @Test
    void refuses_a_type_name_it_does_not_know() {
        assertThatThrownBy(() -> EventJson.read("com.example.Evil", "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnknownEventType.class)
                .hasMessageContaining("com.example.Evil");
    }

    @Test
    void routes_order_and_settlement_events_by_order_id_so_one_order_stays_in_order() {
        SettlementFailed failed =
                new SettlementFailed(UUID.randomUUID(), placed.orderId(), null, "frozen", Instant.now());

        assertThat(EventCatalog.keyOf(placed)).isEqualTo(placed.orderId().toString());
        assertThat(EventCatalog.keyOf(failed)).isEqualTo(placed.orderId().toString());
        assertThat(EventCatalog.topicOf(placed)).isEqualTo(Topics.ORDER_EVENTS);
        assertThat(EventCatalog.topicOf(failed)).isEqualTo(Topics.SETTLEMENT_EVENTS);
    }

    @Test
    void names_a_dead_letter_topic_beside_each_topic() {
        assertThat(Topics.deadLetter(Topics.ORDER_EVENTS)).isEqualTo("orders.order-events.DLT");
    }
}
