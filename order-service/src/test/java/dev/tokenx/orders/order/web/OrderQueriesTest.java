package dev.tokenx.orders.order.web;

import static dev.tokenx.orders.support.OrderRequests.aBuyRequest;
import static dev.tokenx.orders.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenx.orders.support.Jwts;
import dev.tokenx.orders.support.ServiceTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** An investor reads their own orders, and only theirs. */
class OrderQueriesTest extends ServiceTest {

    private static final ParameterizedTypeReference<Map<String, List<Map<String, Object>>>> ORDER_LIST =
            new ParameterizedTypeReference<>() {};

    private List<String> placeOrders(UUID investor, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> (String)
                        api().accepted(investor, "order-" + i, aBuyRequest().quantity(i + 1))
                                .get("orderId"))
                .toList();
    }

    private List<Map<String, Object>> listed(UUID investor, String query) {
        return api().list(investor, query)
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(ORDER_LIST)
                .returnResult()
                .getResponseBody()
                .get("orders");
    }

    @Test
    void lists_the_investors_orders_newest_first() {
        UUID investor = investors().verifiedWithCash("100000.00");
        List<String> placed = placeOrders(investor, 3);

        List<Map<String, Object>> orders = listed(investor, "");

        assertThat(orders)
                .extracting(order -> order.get("orderId"))
                .containsExactly(placed.get(2), placed.get(1), placed.get(0));
        assertThat(orders.getFirst())
                .containsEntry("status", "ACCEPTED")
                .containsEntry("tokenSymbol", "BLRTECH")
                .containsEntry("side", "BUY")
                .containsEntry("quantity", 3)
                .containsEntry("price", "1000.00")
                .containsEntry("platformFee", "30.00")
                .containsEntry("gasFee", "5.00")
                .containsEntry("total", "3035.00")
                .containsKey("createdAt");
    }

    @Test
    void lists_a_bounded_page() {
        UUID investor = investors().verifiedWithCash("100000.00");
        List<String> placed = placeOrders(investor, 3);

        assertThat(listed(investor, "?limit=2"))
                .extracting(order -> order.get("orderId"))
                .containsExactly(placed.get(2), placed.get(1));
    }

    @Test
    void lists_nothing_for_an_investor_without_orders() {
        assertThat(listed(investors().verifiedWithCash("10.00"), "")).isEmpty();
    }

    @Test
    void never_lists_another_investors_orders() {
        UUID one = investors().verifiedWithCash("100000.00");
        UUID other = investors().verifiedWithCash("100000.00");
        placeOrders(one, 2);
        List<String> others = placeOrders(other, 1);

        assertThat(listed(other, "")).extracting(order -> order.get("orderId")).containsExactlyElementsOf(others);
    }

    @ParameterizedTest
    @ValueSource(strings = {"?limit=0", "?limit=201", "?limit=-1", "?limit=many"})
    void refuses_a_page_size_outside_1_to_200(String query) {
        assertProblem(api().list(investors().withKyc("VERIFIED"), query), 400, "VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("limit");
    }

    @Test
    void shows_one_of_the_investors_orders() {
        UUID investor = investors().verifiedWithCash("100000.00");
        String orderId = placeOrders(investor, 2).get(1);

        api().get(investor, orderId)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.orderId")
                .isEqualTo(orderId)
                .jsonPath("$.quantity")
                .isEqualTo(2)
                .jsonPath("$.total")
                .isEqualTo("2025.00")
                .jsonPath("$.status")
                .isEqualTo("ACCEPTED");
    }

    @Test
    void answers_the_same_order_as_placement_did() {
        UUID investor = investors().verifiedWithCash("100000.00");
        Map<String, Object> placed =
                api().accepted(investor, "k", aBuyRequest().quantity(2).limit("1500.00"));

        Map<String, Object> shown = api().get(investor, (String) placed.get("orderId"))
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();

        assertThat(shown).isEqualTo(placed);
    }

    @Test
    void hides_another_investors_order_as_not_found() {
        UUID owner = investors().verifiedWithCash("100000.00");
        String orderId = placeOrders(owner, 1).getFirst();

        assertProblem(api().get(investors().verifiedWithCash("10.00"), orderId), 404, "NOT_FOUND");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0190b3a5-0000-7000-8000-000000000000", "not-a-uuid"})
    void answers_404_for_an_order_that_does_not_exist(String orderId) {
        assertProblem(api().get(investors().verifiedWithCash("10.00"), orderId), 404, "NOT_FOUND");
    }

    @Test
    void answers_404_as_a_problem_for_an_unknown_route() {
        assertProblem(
                web.get()
                        .uri("/api/trading/nowhere")
                        .headers(headers -> headers.setBearerAuth(Jwts.bearer(UUID.randomUUID())))
                        .exchange(),
                404,
                "NOT_FOUND");
    }

    @Test
    void refuses_to_list_without_a_token() {
        assertProblem(web.get().uri("/api/trading/place-order").exchange(), 401, "UNAUTHORIZED")
                .consumeWith(result -> assertThat(result.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                        .isEqualTo("Bearer"));
    }

    @Test
    void refuses_to_show_an_order_without_a_token() {
        assertProblem(web.get().uri("/api/trading/orders/" + UUID.randomUUID()).exchange(), 401, "UNAUTHORIZED");
    }
}
