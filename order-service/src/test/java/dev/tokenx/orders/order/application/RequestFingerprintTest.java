package dev.tokenx.orders.order.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenx.orders.order.domain.OrderTicket;
import dev.tokenx.orders.order.domain.Side;
import dev.tokenx.orders.shared.money.Inr;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestFingerprintTest {

    private static OrderTicket ticket(String symbol, Side side, long quantity, String limit) {
        return new OrderTicket(
                symbol, side, quantity, Optional.ofNullable(limit).map(Inr::of));
    }

    @Test
    void is_a_sha_256_in_hex() {
        assertThat(RequestFingerprint.of(ticket("BLRTECH", Side.BUY, 1, null))).matches("^[0-9a-f]{64}$");
    }

    @Test
    void is_the_same_for_the_same_request_however_its_amounts_are_spelled() {
        assertThat(RequestFingerprint.of(ticket("BLRTECH", Side.BUY, 10, "900")))
                .isEqualTo(RequestFingerprint.of(ticket("BLRTECH", Side.BUY, 10, "900.00")));
    }

    @Test
    void differs_when_anything_asked_for_differs() {
        String original = RequestFingerprint.of(ticket("BLRTECH", Side.BUY, 10, "900.00"));

        assertThat(RequestFingerprint.of(ticket("MUMSEA", Side.BUY, 10, "900.00")))
                .isNotEqualTo(original);
        assertThat(RequestFingerprint.of(ticket("BLRTECH", Side.SELL, 10, "900.00")))
                .isNotEqualTo(original);
        assertThat(RequestFingerprint.of(ticket("BLRTECH", Side.BUY, 11, "900.00")))
                .isNotEqualTo(original);
        assertThat(RequestFingerprint.of(ticket("BLRTECH", Side.BUY, 10, "900.01")))
                .isNotEqualTo(original);
        assertThat(RequestFingerprint.of(ticket("BLRTECH", Side.BUY, 10, null))).isNotEqualTo(original);
    }
}
