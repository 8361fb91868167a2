package dev.tokenx.orders.order.web;

import static dev.tokenx.orders.support.OrderRequests.aBuyRequest;
import static dev.tokenx.orders.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenx.orders.support.LedgerAudit;
import dev.tokenx.orders.support.ServiceTest;
import dev.tokenx.orders.support.StoreSnapshot;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Orders are placed at the price order-service holds when they are placed, never at an older one, however long this
 * instance keeps its copy of the catalog (an hour here); orders placed before a change keep their price.
 */
@TestPropertySource(properties = "orders.catalog.price-cache-ttl=1h")
class PlaceOrderAtCurrentPriceTest extends ServiceTest {

    private String aListedToken(String price) {
        String symbol = "Q"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        tokens().list(symbol, price);
        return symbol;
    }

    private Map<String, Object> order(UUID investor, String symbol) {
        return api().accepted(
                        investor,
                        UUID.randomUUID().toString(),
                        aBuyRequest().of(symbol).quantity(2));
    }

    @Test
    void an_order_after_a_price_update_uses_the_new_price_and_one_before_keeps_the_old() {
        String symbol = aListedToken("1000.00");
        UUID investor = investors().verifiedWithCash("10000.00");
        Map<String, Object> before = order(investor, symbol);

        prices().setPrice(symbol, "1100.00").expectStatus().isOk();
        Map<String, Object> after = order(investor, symbol);

        assertThat(after).containsEntry("price", "1100.00").containsEntry("total", "2227.00");
        api().get(investor, (String) before.get("orderId"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.price")
                .isEqualTo("1000.00")
                .jsonPath("$.total")
                .isEqualTo("2025.00");
        assertThat(investors().available(investor)).isEqualByComparingTo("5748.00");
    }

    @Test
    void an_order_after_a_price_set_through_another_instance_uses_the_new_price() {
        String symbol = "BLRTECH";
        UUID investor = investors().verifiedWithCash("10000.00");
        order(investor, symbol);

        tokens().reprice(symbol, "900.00");
        StoreSnapshot beforeSecond = snapshot();
        Map<String, Object> after = order(investor, symbol);

        assertThat(after).containsEntry("price", "900.00").containsEntry("total", "1823.00");
        StoreSnapshot afterSecond = snapshot();
        assertThat(afterSecond.orders()).isEqualTo(beforeSecond.orders() + 1);
        assertThat(afterSecond.holds()).as("one hold, at the new price").isEqualTo(beforeSecond.holds() + 1);
        assertThat(investors().available(investor)).isEqualByComparingTo("6152.00");
        LedgerAudit.assertConsistent(db);
    }

    @Test
    void a_limit_is_checked_against_the_new_price() {
        String symbol = aListedToken("1000.00");
        UUID investor = investors().verifiedWithCash("10000.00");
        order(investor, symbol);

        tokens().reprice(symbol, "1150.00");

        assertProblem(
                api().place(
                                investor,
                                UUID.randomUUID().toString(),
                                aBuyRequest().of(symbol).limit("1100.00")),
                409,
                "PRICE_ABOVE_LIMIT");
    }
}
