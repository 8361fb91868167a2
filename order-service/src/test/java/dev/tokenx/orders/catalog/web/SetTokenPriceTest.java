package dev.tokenx.orders.catalog.web;

import static dev.tokenx.orders.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenx.events.EventJson;
import dev.tokenx.events.PriceUpdated;
import dev.tokenx.events.Topics;
import dev.tokenx.events.samples.GoldenSamples;
import dev.tokenx.orders.support.Concurrently;
import dev.tokenx.orders.support.Investors;
import dev.tokenx.orders.support.Jwts;
import dev.tokenx.orders.support.PricesApi;
import dev.tokenx.orders.support.ServiceTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** An admin sets a token's price: {@code PUT /api/admin/tokens/{symbol}/price}, at most a 20% move per update. */
@TestPropertySource(properties = "orders.prices.max-move=0.20")
class SetTokenPriceTest extends ServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private String aListedToken(String price) {
        String symbol = "P"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
        tokens().list(symbol, price);
        return symbol;
    }

    private List<Map<String, Object>> priceEventsOf(String symbol) {
        return db.sql("""
                        SELECT event_id, event_type, topic, message_key, payload::text AS payload, request_id
                          FROM outbox
                         WHERE message_key = :symbol AND event_type = 'PriceUpdated'
                         ORDER BY id
                        """).bind("symbol", symbol).fetch().all().collectList().block();
    }

    private static PriceUpdated eventOf(Map<String, Object> row) {
        return (PriceUpdated)
                EventJson.read("PriceUpdated", ((String) row.get("payload")).getBytes(StandardCharsets.UTF_8));
    }

    @Nested
    class a_price_update {

        @Test
        void answers_200_with_the_new_price_and_the_previous_one_and_stores_the_new_one() {
            String symbol = aListedToken("2500.00");

            prices().setPrice(symbol, "2512.50")
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.tokenSymbol")
                    .isEqualTo(symbol)
                    .jsonPath("$.price")
                    .isEqualTo("2512.50")
                    .jsonPath("$.previousPrice")
                    .isEqualTo("2500.00")
                    .jsonPath("$.changed")
                    .isEqualTo(true);

            assertThat(tokens().priceOf(symbol)).isEqualTo("2512.50");
        }

        @Test
        void appends_a_price_updated_event_keyed_by_the_symbol_under_the_request_id() {
            String symbol = aListedToken("2500.00");

            prices().setPrice(PricesApi.adminToken(), symbol, Map.of("price", "2512.50"), "req-price-1")
                    .expectStatus()
                    .isOk();

            Map<String, Object> row = priceEventsOf(symbol).getFirst();
            assertThat(row)
                    .containsEntry("topic", Topics.TOKEN_EVENTS)
                    .containsEntry("message_key", symbol)
                    .containsEntry("request_id", "req-price-1");
            PriceUpdated event = eventOf(row);
            assertThat(event.eventId()).isEqualTo(row.get("event_id"));
            assertThat(event.tokenSymbol()).isEqualTo(symbol);
            assertThat(event.price()).isEqualByComparingTo("2512.50");
            assertThat(event.previousPrice()).isEqualByComparingTo("2500.00");
            assertThat(event.occurredAt()).isNotNull();
        }

        @Test
        void writes_the_event_in_the_shape_of_the_golden_sample() {
            String symbol = aListedToken("2500.00");

            prices().setPrice(symbol, "2512.50").expectStatus().isOk();

            Map<?, ?> written =
                    JSON.readValue((String) priceEventsOf(symbol).getFirst().get("payload"), Map.class);
            Map<?, ?> golden = JSON.readValue(GoldenSamples.read("price-updated.v1"), Map.class);
            assertThat(written.keySet()).isEqualTo(golden.keySet());
            assertThat(written.get("price")).isEqualTo("2512.50");
            assertThat(written.get("previousPrice")).isEqualTo("2500.00");
        }

        @Test
        void may_move_the_price_by_exactly_the_limit_either_way() {
            String symbol = aListedToken("100.00");

            prices().setPrice(symbol, "120.00").expectStatus().isOk();
            prices().setPrice(symbol, "96.00").expectStatus().isOk();

            assertThat(priceEventsOf(symbol)).hasSize(2);
        }

        @Test
        void takes_a_json_number_as_exactly_as_a_decimal_string() {
            String symbol = aListedToken("100.00");

            prices().setPrice(PricesApi.adminToken(), symbol, Map.of("price", new BigDecimal("101.10")), "req-n")
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.price")
                    .isEqualTo("101.10");
        }

        @Test
        @ExtendWith(OutputCaptureExtension.class)
        void is_audited_in_one_line_with_the_admin_the_symbol_both_prices_and_the_request_id(CapturedOutput output) {
            String symbol = aListedToken("2500.00");
            String requestId = "req-" + UUID.randomUUID();

            prices().setPrice(PricesApi.adminToken(), symbol, Map.of("price", "2512.50"), requestId)
                    .expectStatus()
                    .isOk();

            assertThat(output.getOut().lines())
                    .filteredOn(line -> line.contains("Price of " + symbol))
                    .singleElement()
                    .asString()
                    .contains("INFO")
                    .contains("[" + requestId + "]")
                    .contains("from 2500.00 to 2512.50")
                    .contains(Investors.ADMIN.toString());
        }
    }

    @Nested
    class the_price_the_token_already_has {

        @Test
        void is_answered_200_unchanged_and_publishes_nothing() {
            String symbol = aListedToken("2500.00");

            prices().setPrice(symbol, "2500.0")
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.price")
                    .isEqualTo("2500.00")
                    .jsonPath("$.previousPrice")
                    .isEqualTo("2500.00")
                    .jsonPath("$.changed")
                    .isEqualTo(false);

            assertThat(priceEventsOf(symbol)).isEmpty();
        }

        @Test
        void makes_a_repeated_update_answer_like_the_first_without_a_second_event() {
            String symbol = aListedToken("2500.00");

            prices().setPrice(symbol, "2600.00").expectStatus().isOk();
            prices().setPrice(symbol, "2600.00")
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.price")
                    .isEqualTo("2600.00");

            assertThat(priceEventsOf(symbol)).hasSize(1);
        }
    }

    @Nested
    class a_refused_update {

        private String symbol;
        private long outboxRows;

        @BeforeEach
        void listAToken() {
            symbol = aListedToken("2500.00");
            outboxRows = outboxRows();
        }

        @AfterEach
        void changedNothing() {
            assertThat(tokens().priceOf(symbol)).isEqualTo("2500.00");
            assertThat(outboxRows()).isEqualTo(outboxRows);
        }

        private long outboxRows() {
            return db.sql("SELECT count(*) AS n FROM outbox")
                    .map(row -> row.get("n", Long.class))
                    .one()
                    .block();
        }

        static Stream<Arguments> invalidBodies() {
            return Stream.of(
                    Arguments.of(Map.of(), "is required"),
                    Arguments.of(Map.of("price", "lots"), "is not a valid value"),
                    Arguments.of(Map.of("price", "0.00"), "must be positive"),
                    Arguments.of(Map.of("price", "-2500.00"), "must be positive"),
                    Arguments.of(Map.of("price", "2512.505"), "must be an INR amount with at most 2 decimals"),
                    Arguments.of(Map.of("price", "1000000000.01"), "must be at most 1000000000.00"));
        }

        @ParameterizedTest
        @MethodSource("invalidBodies")
        void answers_an_invalid_price_with_400_naming_the_field(Map<String, Object> body, String message) {
            assertProblem(
                            prices().setPrice(PricesApi.adminToken(), symbol, body, "req-invalid"),
                            400,
                            "VALIDATION_FAILED")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("price")
                    .jsonPath("$.errors[0].message")
                    .isEqualTo(message);
        }

        @Test
        void answers_an_unknown_symbol_with_404() {
            assertProblem(prices().setPrice("NOSUCH", "10.00"), 404, "UNKNOWN_TOKEN");
        }

        @Test
        void answers_a_move_beyond_the_limit_with_422_naming_the_current_price_and_the_limit() {
            assertProblem(prices().setPrice(symbol, "3000.01"), 422, "PRICE_MOVE_TOO_LARGE")
                    .jsonPath("$.currentPrice")
                    .isEqualTo("2500.00")
                    .jsonPath("$.maxMove")
                    .isEqualTo("0.20")
                    .jsonPath("$.lowestPrice")
                    .isEqualTo("2000.00")
                    .jsonPath("$.highestPrice")
                    .isEqualTo("3000.00");
            assertProblem(prices().setPrice(symbol, "1999.99"), 422, "PRICE_MOVE_TOO_LARGE");
        }

        @Test
        void answers_an_investor_with_403() {
            assertProblem(
                    prices().setPrice(Jwts.bearer(Investors.ALICE), symbol, Map.of("price", "2512.50"), "req-user"),
                    403,
                    "FORBIDDEN");
        }

        @Test
        void answers_a_request_without_a_token_with_401() {
            assertProblem(
                    web.put()
                            .uri("/api/admin/tokens/{symbol}/price", symbol)
                            .bodyValue(Map.of("price", "2512.50"))
                            .exchange(),
                    401,
                    "UNAUTHORIZED");
        }

        @Test
        @ExtendWith(OutputCaptureExtension.class)
        void is_audited_with_its_reason_and_never_its_body(CapturedOutput output) {
            String requestId = "req-" + UUID.randomUUID();

            prices().setPrice(PricesApi.adminToken(), symbol, Map.of("price", "2512.505"), requestId)
                    .expectStatus()
                    .isBadRequest();
            prices().setPrice(PricesApi.adminToken(), symbol, Map.of("price", "9999.00"), requestId)
                    .expectStatus()
                    .isEqualTo(422);

            assertThat(output.getOut().lines())
                    .filteredOn(line -> line.contains("[" + requestId + "]") && line.contains("not set"))
                    .hasSize(2)
                    .allSatisfy(line -> assertThat(line)
                            .contains("INFO")
                            .contains(symbol)
                            .contains(Investors.ADMIN.toString())
                            .doesNotContain("2512.505")
                            .doesNotContain("9999"))
                    .anySatisfy(line -> assertThat(line).contains("VALIDATION_FAILED on price"))
                    .anySatisfy(line -> assertThat(line).contains("PRICE_MOVE_TOO_LARGE from 2500.00 INR"));
        }
    }

    @Nested
    class concurrent_updates {

        /**
         * From 100.00, 119.00 and 81.00 are each within 20%, but not of each other: had both been measured from
         * 100.00, both would pass. Measured one after the other, the second is refused.
         */
        @Test
        void are_applied_one_after_the_other_each_measured_from_the_price_the_other_left() throws Exception {
            List<String> symbols =
                    Stream.generate(() -> aListedToken("100.00")).limit(6).toList();

            List<Integer> statuses = Concurrently.run(
                    symbols.size() * 2,
                    call -> prices().setPrice(symbols.get(call / 2), call % 2 == 0 ? "119.00" : "81.00")
                            .returnResult(String.class)
                            .getStatus()
                            .value());

            for (int token = 0; token < symbols.size(); token++) {
                assertThat(List.of(statuses.get(token * 2), statuses.get(token * 2 + 1)))
                        .as(symbols.get(token))
                        .containsExactlyInAnyOrder(200, 422);
                List<PriceUpdated> events = priceEventsOf(symbols.get(token)).stream()
                        .map(SetTokenPriceTest::eventOf)
                        .toList();
                assertThat(events).singleElement().satisfies(event -> {
                    assertThat(event.previousPrice()).isEqualByComparingTo("100.00");
                    assertThat(tokens().priceOf(event.tokenSymbol()))
                            .isEqualTo(event.price().toPlainString());
                });
            }
        }

        @Test
        void chain_their_events_previous_prices() throws Exception {
            String symbol = aListedToken("100.00");

            List<Integer> statuses = Concurrently.run(
                    8,
                    call -> prices().setPrice(symbol, "10" + call + ".00")
                            .returnResult(String.class)
                            .getStatus()
                            .value());

            assertThat(statuses).containsOnly(200);
            List<PriceUpdated> events = priceEventsOf(symbol).stream()
                    .map(SetTokenPriceTest::eventOf)
                    .toList();
            BigDecimal previous = new BigDecimal("100.00");
            for (PriceUpdated event : events) {
                assertThat(event.previousPrice()).isEqualByComparingTo(previous);
                previous = event.price();
            }
            assertThat(tokens().priceOf(symbol)).isEqualTo(previous.toPlainString());
        }
    }
}
