package dev.tokenx.orders.order.web;

import static dev.tokenx.orders.support.OrderRequests.aBuyRequest;
import static dev.tokenx.orders.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenx.events.EventJson;
import dev.tokenx.events.OrderPlaced;
import dev.tokenx.events.OrderSide;
import dev.tokenx.events.Topics;
import dev.tokenx.events.samples.GoldenSamples;
import dev.tokenx.orders.support.Concurrently;
import dev.tokenx.orders.support.Investors;
import dev.tokenx.orders.support.Jwts;
import dev.tokenx.orders.support.LedgerAudit;
import dev.tokenx.orders.support.ServiceTest;
import dev.tokenx.orders.support.StoreSnapshot;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** Placing orders that are accepted, and repeating them. */
@TestPropertySource(properties = "orders.catalog.price-cache-ttl=0s")
class PlaceOrderTest extends ServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private UUID orderIdOf(Map<String, Object> answer) {
        return UUID.fromString((String) answer.get("orderId"));
    }

    @Nested
    class an_accepted_order {

        @Test
        void is_answered_with_202_the_order_its_fees_and_where_to_find_it() {
            UUID investor = investors().verifiedWithCash("10000.00");

            String location = api().place(
                            investor,
                            "order-1",
                            aBuyRequest().of("BLRTECH").quantity(2).limit("1000.00"))
                    .expectStatus()
                    .isAccepted()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                    .expectHeader()
                    .doesNotExist(OrderController.REPLAYED_HEADER)
                    .expectBody()
                    .jsonPath("$.orderId")
                    .isNotEmpty()
                    .jsonPath("$.status")
                    .isEqualTo("ACCEPTED")
                    .jsonPath("$.tokenSymbol")
                    .isEqualTo("BLRTECH")
                    .jsonPath("$.side")
                    .isEqualTo("BUY")
                    .jsonPath("$.quantity")
                    .isEqualTo(2)
                    .jsonPath("$.limitPrice")
                    .isEqualTo("1000.00")
                    .jsonPath("$.price")
                    .isEqualTo("1000.00")
                    .jsonPath("$.platformFee")
                    .isEqualTo("20.00")
                    .jsonPath("$.gasFee")
                    .isEqualTo("5.00")
                    .jsonPath("$.total")
                    .isEqualTo("2025.00")
                    .jsonPath("$.createdAt")
                    .value(createdAt ->
                            assertThat(Instant.parse((String) createdAt)).isBeforeOrEqualTo(Instant.now()))
                    .returnResult()
                    .getResponseHeaders()
                    .getFirst(HttpHeaders.LOCATION);

            assertThat(location).matches("^/api/trading/orders/[0-9a-f-]{36}$");
        }

        @Test
        void reserves_the_total_from_available_cash_with_one_balanced_journal_entry() {
            UUID investor = investors().verifiedWithCash("10000.00");

            UUID orderId = orderIdOf(api().accepted(
                            investor, "order-1", aBuyRequest().of("BLRTECH").quantity(2)));

            assertThat(investors().available(investor)).isEqualByComparingTo("7975.00");
            assertThat(investors().held(investor)).isEqualByComparingTo("2025.00");
            assertThat(holdOf(orderId))
                    .containsEntry("status", "HELD")
                    .containsEntry("amount", new BigDecimal("2025.00"));
            assertThat(postingsOf(orderId))
                    .containsExactlyInAnyOrder(
                            Map.entry("user:" + investor + ":cash:available", new BigDecimal("-2025.00")),
                            Map.entry("user:" + investor + ":cash:held", new BigDecimal("2025.00")));
            LedgerAudit.assertConsistent(db);
        }

        @Test
        void appends_an_order_placed_event_keyed_by_the_order_to_the_outbox() {
            UUID investor = investors().verifiedWithCash("10000.00");
            String wallet = walletOf(investor);

            Map<String, Object> answer = api().accepted(
                            investor, "order-1", aBuyRequest().of("BLRTECH").quantity(3));

            Map<String, Object> row = outboxRowFor(orderIdOf(answer));
            assertThat(row)
                    .containsEntry("event_type", "OrderPlaced")
                    .containsEntry("topic", Topics.ORDER_EVENTS)
                    .containsEntry("published_at", null);
            OrderPlaced event = (OrderPlaced)
                    EventJson.read("OrderPlaced", ((String) row.get("payload")).getBytes(StandardCharsets.UTF_8));
            assertThat(event.eventId()).isEqualTo(row.get("event_id"));
            assertThat(event.orderId()).isEqualTo(orderIdOf(answer));
            assertThat(event.userId()).isEqualTo(investor);
            assertThat(event.walletAddress()).isEqualTo(wallet);
            assertThat(event.tokenSymbol()).isEqualTo("BLRTECH");
            assertThat(event.side()).isEqualTo(OrderSide.BUY);
            assertThat(event.quantity()).isEqualTo(3);
            assertThat(event.price()).isEqualByComparingTo("1000.00");
            assertThat(event.platformFee()).isEqualByComparingTo("30.00");
            assertThat(event.gasFee()).isEqualByComparingTo("5.00");
            assertThat(event.total()).isEqualByComparingTo("3035.00");
            assertThat(event.occurredAt()).isEqualTo(Instant.parse((String) answer.get("createdAt")));
        }

        @Test
        void carries_the_request_id_into_the_outbox() {
            UUID investor = investors().verifiedWithCash("10000.00");

            String orderId = web.post()
                    .uri("/api/trading/place-order")
                    .headers(headers -> {
                        headers.setBearerAuth(Jwts.bearer(investor));
                        headers.set("Idempotency-Key", "order-1");
                        headers.set("X-Request-Id", "req-42");
                    })
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(aBuyRequest().build())
                    .exchange()
                    .expectStatus()
                    .isAccepted()
                    .expectHeader()
                    .valueEquals("X-Request-Id", "req-42")
                    .expectBody(Map.class)
                    .returnResult()
                    .getResponseBody()
                    .get("orderId")
                    .toString();

            assertThat(outboxRowFor(UUID.fromString(orderId))).containsEntry("request_id", "req-42");
        }

        @Test
        @ExtendWith(OutputCaptureExtension.class)
        void names_the_request_in_the_log_lines_it_causes(CapturedOutput output) {
            UUID investor = investors().verifiedWithCash("10000.00");
            String requestId = "req-" + UUID.randomUUID();

            String orderId = web.post()
                    .uri("/api/trading/place-order")
                    .headers(headers -> {
                        headers.setBearerAuth(Jwts.bearer(investor));
                        headers.set("Idempotency-Key", "order-1");
                        headers.set("X-Request-Id", requestId);
                    })
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(aBuyRequest().build())
                    .exchange()
                    .expectStatus()
                    .isAccepted()
                    .expectBody(Map.class)
                    .returnResult()
                    .getResponseBody()
                    .get("orderId")
                    .toString();

            // Written after the commit, on whichever thread the database driver completed it on.
            assertThat(output.getOut().lines())
                    .filteredOn(line -> line.contains("Order " + orderId + " accepted"))
                    .singleElement()
                    .asString()
                    .contains("[" + requestId + "]");
        }

        @Test
        void writes_the_event_in_the_shape_of_the_golden_sample() {
            UUID investor = investors().verifiedWithCash("10000.00");

            Map<String, Object> answer = api().accepted(investor, "order-1", aBuyRequest());

            Map<?, ?> written =
                    JSON.readValue((String) outboxRowFor(orderIdOf(answer)).get("payload"), Map.class);
            Map<?, ?> golden = JSON.readValue(GoldenSamples.read("order-placed.v1"), Map.class);
            assertThat(written.keySet()).isEqualTo(golden.keySet());
            assertThat(written.get("total")).isInstanceOf(String.class);
        }

        @Test
        void may_spend_exactly_the_available_cash() {
            UUID investor = investors().verifiedWithCash("1015.00");

            api().accepted(investor, "order-1", aBuyRequest().of("BLRTECH").quantity(1));

            assertThat(investors().available(investor)).isEqualByComparingTo("0.00");
            assertThat(investors().held(investor)).isEqualByComparingTo("1015.00");
        }

        @Test
        void is_open_to_the_demo_investor_alice() {
            Map<String, Object> answer =
                    api().accepted(Investors.ALICE, "alice-1", aBuyRequest().of("MUMSEA"));

            assertThat(answer).containsEntry("total", "2530.00");
            assertThat(investors().available(Investors.ALICE)).isEqualByComparingTo("997470.00");
        }
    }

    @Nested
    class repeating_a_request {

        @Test
        void answers_with_the_first_order_and_stores_nothing_new() {
            UUID investor = investors().verifiedWithCash("10000.00");
            UUID first =
                    orderIdOf(api().accepted(investor, "same-key", aBuyRequest().quantity(2)));
            StoreSnapshot afterFirst = snapshot();

            api().place(investor, "same-key", aBuyRequest().quantity(2))
                    .expectStatus()
                    .isAccepted()
                    .expectHeader()
                    .valueEquals(OrderController.REPLAYED_HEADER, "true")
                    .expectHeader()
                    .valueEquals(HttpHeaders.LOCATION, "/api/trading/orders/" + first)
                    .expectBody()
                    .jsonPath("$.orderId")
                    .isEqualTo(first.toString())
                    .jsonPath("$.total")
                    .isEqualTo("2025.00");

            assertThat(snapshot()).isEqualTo(afterFirst);
        }

        @Test
        void recognises_the_same_request_however_its_numbers_are_spelled() {
            UUID investor = investors().verifiedWithCash("10000.00");
            UUID first = orderIdOf(api().accepted(
                            investor, "same-key", aBuyRequest().quantity(2).limit("1000")));

            UUID again = orderIdOf(api().accepted(
                            investor, "same-key", aBuyRequest().quantity(2.0).limit("1000.000")));

            assertThat(again).isEqualTo(first);
        }

        @Test
        void refuses_the_key_for_a_different_request_with_422() {
            UUID investor = investors().verifiedWithCash("10000.00");
            api().accepted(investor, "same-key", aBuyRequest().quantity(1));
            StoreSnapshot afterFirst = snapshot();

            assertProblem(api().place(investor, "same-key", aBuyRequest().quantity(2)), 422, "IDEMPOTENCY_KEY_REUSED");

            assertThat(snapshot()).isEqualTo(afterFirst);
        }

        @Test
        void answers_with_the_first_order_when_it_took_all_the_cash() {
            UUID investor = investors().verifiedWithCash("1015.00");
            UUID first =
                    orderIdOf(api().accepted(investor, "all-in", aBuyRequest().quantity(1)));
            StoreSnapshot afterFirst = snapshot();

            api().place(investor, "all-in", aBuyRequest().quantity(1))
                    .expectStatus()
                    .isAccepted()
                    .expectHeader()
                    .valueEquals(OrderController.REPLAYED_HEADER, "true")
                    .expectBody()
                    .jsonPath("$.orderId")
                    .isEqualTo(first.toString());
            assertProblem(api().place(investor, "all-in", aBuyRequest().quantity(2)), 422, "IDEMPOTENCY_KEY_REUSED");

            assertThat(snapshot()).isEqualTo(afterFirst);
        }

        @Test
        void keeps_keys_apart_between_investors() {
            UUID one = investors().verifiedWithCash("10000.00");
            UUID other = investors().verifiedWithCash("10000.00");

            UUID first = orderIdOf(api().accepted(one, "shared-key", aBuyRequest()));
            UUID second = orderIdOf(api().accepted(other, "shared-key", aBuyRequest()));

            assertThat(first).isNotEqualTo(second);
        }

        @Test
        void answers_with_the_first_order_even_when_its_rules_would_now_refuse_it() {
            tokens().list("RISING", "100.00");
            UUID investor = investors().verifiedWithCash("10000.00");
            UUID first = orderIdOf(api().accepted(
                            investor, "limit-key", aBuyRequest().of("RISING").limit("100.00")));
            tokens().reprice("RISING", "120.00");

            UUID again = orderIdOf(api().accepted(
                            investor, "limit-key", aBuyRequest().of("RISING").limit("100.00")));

            assertThat(again).isEqualTo(first);
            assertProblem(
                    api().place(investor, "new-key", aBuyRequest().of("RISING").limit("100.00")),
                    409,
                    "PRICE_ABOVE_LIMIT");
        }

        @Test
        void makes_one_order_when_twenty_copies_race() throws Exception {
            UUID investor = investors().verifiedWithCash("100000.00");
            StoreSnapshot before = snapshot();

            List<UUID> answers = Concurrently.run(
                    20,
                    copy -> orderIdOf(
                            api().accepted(investor, "racing-key", aBuyRequest().quantity(3))));

            assertThat(answers).hasSize(20).containsOnly(answers.getFirst());
            StoreSnapshot after = snapshot();
            assertThat(after.orders()).isEqualTo(before.orders() + 1);
            assertThat(after.holds()).isEqualTo(before.holds() + 1);
            assertThat(after.journalEntries()).isEqualTo(before.journalEntries() + 1);
            assertThat(after.outboxRows())
                    .as("OrderPlaced and OrderStatusChanged, once")
                    .isEqualTo(before.outboxRows() + 2);
            assertThat(investors().available(investor)).isEqualByComparingTo("96965.00");
            LedgerAudit.assertConsistent(db);
        }
    }

    @Nested
    class concurrent_orders_of_one_investor {

        @Test
        void never_hold_more_than_the_available_cash() throws Exception {
            UUID investor = investors().verifiedWithCash("3045.00");

            List<Integer> statuses = Concurrently.run(
                    10,
                    order -> api().place(
                                    investor,
                                    "order-" + order,
                                    aBuyRequest().of("BLRTECH").quantity(1))
                            .returnResult(String.class)
                            .getStatus()
                            .value());

            assertThat(statuses).filteredOn(status -> status == 202).hasSize(3);
            assertThat(statuses).filteredOn(status -> status == 422).hasSize(7);
            assertThat(investors().available(investor)).isEqualByComparingTo("0.00");
            assertThat(investors().held(investor)).isEqualByComparingTo("3045.00");
            LedgerAudit.assertConsistent(db);
        }
    }

    private Map<String, Object> holdOf(UUID orderId) {
        return db.sql("SELECT status, amount FROM funds_holds WHERE order_id = :orderId")
                .bind("orderId", orderId)
                .fetch()
                .one()
                .block();
    }

    private List<Map.Entry<String, BigDecimal>> postingsOf(UUID orderId) {
        return db.sql("""
                        SELECT account.code, posting.amount
                          FROM postings posting
                          JOIN journal_entries entry ON entry.id = posting.journal_entry_id
                          JOIN ledger_accounts account ON account.id = posting.ledger_account_id
                         WHERE entry.order_id = :orderId AND entry.kind = 'FUNDS_HOLD'
                        """)
                .bind("orderId", orderId)
                .map(row -> Map.entry(row.get("code", String.class), row.get("amount", BigDecimal.class)))
                .all()
                .collectList()
                .block();
    }

    private Map<String, Object> outboxRowFor(UUID orderId) {
        return db.sql("""
                        SELECT event_id, event_type, topic, message_key, payload::text AS payload, request_id, published_at
                          FROM outbox
                         WHERE message_key = :key AND event_type = 'OrderPlaced'
                        """).bind("key", orderId.toString()).fetch().one().block();
    }

    private String walletOf(UUID investor) {
        return db.sql("SELECT wallet_address FROM accounts WHERE id = :id")
                .bind("id", investor)
                .map(row -> row.get("wallet_address", String.class))
                .one()
                .block();
    }
}
