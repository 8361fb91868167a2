package dev.tokenx.notifications.pusher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenx.notifications.delivery.domain.OrderStatusUpdate;
import dev.tokenx.notifications.delivery.domain.PriceUpdate;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JsonDataMarshallerTest {

    @Test
    void writes_a_payload_as_json_without_absent_values_and_with_iso_instants() {
        UUID orderId = UUID.fromString("0c9a1f43-7d2b-4e8a-b5f6-2a7c9e1d3f50");
        OrderStatusUpdate accepted = new OrderStatusUpdate(
                orderId,
                "ACCEPTED",
                "BLRTECH",
                null,
                null,
                null,
                null,
                "Order accepted — funds reserved",
                Instant.parse("2026-11-26T05:00:00.125Z"));

        assertThat(new JsonDataMarshaller().marshal(accepted))
                .isEqualTo("{\"orderId\":\"0c9a1f43-7d2b-4e8a-b5f6-2a7c9e1d3f50\",\"status\":\"ACCEPTED\","
                        + "\"tokenSymbol\":\"BLRTECH\",\"message\":\"Order accepted — funds reserved\","
                        + "\"occurredAt\":\"2026-11-26T05:00:00.125Z\"}");
    }

    @Test
    void writes_amounts_as_decimal_strings_with_their_two_decimals() {
        PriceUpdate fall = new PriceUpdate(
                "MUMSEA",
                new BigDecimal("2500.00"),
                new BigDecimal("2512.50"),
                new BigDecimal("-12.50"),
                new BigDecimal("-0.50"),
                Instant.parse("2026-11-26T05:01:00Z"));

        assertThat(new JsonDataMarshaller().marshal(fall))
                .isEqualTo("{\"symbol\":\"MUMSEA\",\"price\":\"2500.00\",\"previousPrice\":\"2512.50\","
                        + "\"change\":\"-12.50\",\"changePercent\":\"-0.50\",\"occurredAt\":\"2026-11-26T05:01:00Z\"}");
    }
}
