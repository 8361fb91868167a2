package dev.tokenx.orders.admission.web;

import static dev.tokenx.orders.support.OrderRequests.aBuyRequest;
import static dev.tokenx.orders.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tokenx.orders.support.ServiceTest;
import dev.tokenx.orders.support.StoreSnapshot;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Offered more than settlement takes, placement sheds the excess at once (503 {@code OVERLOADED}, {@code Retry-After})
 * and takes orders again as soon as settlement has caught up. Settlement starting is an order leaving ACCEPTED; here
 * the test moves it, as order-service does when the blockchain service reports the transaction sent.
 */
@TestPropertySource(
        properties = {"orders.admission.max-settlement-delay=1s", "orders.admission.backlog-poll-interval=50ms"})
class PlacementAdmissionTest extends ServiceTest {

    @Test
    void refuses_new_orders_while_settlement_is_behind_and_takes_them_again_once_it_caught_up() {
        UUID investor = investors().verifiedWithCash("100000.00");
        String waiting = api().accepted(investor, "waiting", aBuyRequest())
                .get("orderId")
                .toString();

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(placementStatus(investor)).isEqualTo(503));
        StoreSnapshot beforeRefusal = snapshot();
        assertProblem(api().place(investor, "refused", aBuyRequest()), 503, "OVERLOADED")
                .jsonPath("$.detail")
                .value(detail -> assertThat(detail.toString()).contains("Settlement is behind"));
        api().place(investor, "refused-again", aBuyRequest()).expectHeader().valueEquals("Retry-After", "1");
        assertThat(snapshot()).isEqualTo(beforeRefusal);

        // Every order accepted so far (the attempts that came in before the first refusal too) is now settling.
        db.sql("UPDATE orders SET status = 'SETTLING', tx_hash = :txHash WHERE status = 'ACCEPTED'")
                .bind("txHash", "0x" + "ab".repeat(32))
                .fetch()
                .rowsUpdated()
                .block();

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(placementStatus(investor)).isEqualTo(202));
    }

    /** A fresh idempotency key each time, so an accepted attempt is never replayed. */
    private int placementStatus(UUID investor) {
        return api().place(investor, "attempt-" + UUID.randomUUID(), aBuyRequest())
                .returnResult(Void.class)
                .getStatus()
                .value();
    }
}
