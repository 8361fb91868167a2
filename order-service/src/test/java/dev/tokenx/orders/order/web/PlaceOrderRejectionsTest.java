package dev.tokenx.orders.order.web;

import static dev.tokenx.orders.support.Jwts.aToken;
import static dev.tokenx.orders.support.OrderRequests.aBuyRequest;
import static dev.tokenx.orders.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenx.orders.support.Investors;
import dev.tokenx.orders.support.Jwts;
import dev.tokenx.orders.support.OrderRequests;
import dev.tokenx.orders.support.ServiceTest;
import dev.tokenx.orders.support.StoreSnapshot;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/**
 * Every way a placement can be refused. Each answer is a problem with a stable code, and each refusal stores nothing:
 * after every test, the orders, holds, journal entries, postings, outbox rows and every ledger balance are exactly
 * as they were before it.
 */
class PlaceOrderRejectionsTest extends ServiceTest {

    private StoreSnapshot before;

    @BeforeEach
    void rememberTheStore() {
        before = snapshot();
    }

    @AfterEach
    void nothingWasStored() {
        assertThat(snapshot()).isEqualTo(before);
    }

    private ResponseSpec placeAsAlice(OrderRequests request) {
        return api().place(Investors.ALICE, UUID.randomUUID().toString(), request);
    }

    private ResponseSpec placeWithToken(String token) {
        return api().place(token, UUID.randomUUID().toString(), aBuyRequest().build());
    }

    @Nested
    class without_a_valid_token {

        @Test
        void refuses_a_request_without_a_token_with_401() {
            HttpHeaders headers = new HttpHeaders();
            headers.set("Idempotency-Key", "k-1");

            assertProblem(api().placeRaw(headers, MediaType.APPLICATION_JSON, "{}"), 401, "UNAUTHORIZED");
        }

        @Test
        void challenges_the_client_to_bring_a_bearer_token() {
            placeWithToken("not-a-jwt")
                    .expectHeader()
                    .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        }

        @Test
        void refuses_a_token_that_is_not_a_jwt() {
            assertProblem(placeWithToken("not-a-jwt"), 401, "UNAUTHORIZED");
        }

        @Test
        void refuses_a_token_signed_with_another_key() {
            assertProblem(
                    placeWithToken(aToken().signedWith("another-secret-0123456789abcdef0123456789")
                            .build()),
                    401,
                    "UNAUTHORIZED");
        }

        @Test
        void refuses_an_expired_token() {
            assertProblem(
                    placeWithToken(aToken().expiredSince(Duration.ofMinutes(5)).build()), 401, "UNAUTHORIZED");
        }

        @Test
        void refuses_a_token_from_another_issuer() {
            assertProblem(placeWithToken(aToken().issuedBy("someone-else").build()), 401, "UNAUTHORIZED");
        }

        @Test
        void refuses_a_token_for_another_audience() {
            assertProblem(placeWithToken(aToken().forAudience("another-api").build()), 401, "UNAUTHORIZED");
        }

        @Test
        void refuses_a_token_whose_subject_is_not_a_user_id() {
            assertProblem(placeWithToken(aToken().withSubject("alice").build()), 401, "UNAUTHORIZED");
        }

        @Test
        void refuses_a_token_without_the_user_role_with_403() {
            assertProblem(placeWithToken(aToken().withRoles("AUDITOR").build()), 403, "FORBIDDEN");
        }
    }

    @Nested
    class with_an_invalid_request {

        @Test
        void refuses_a_request_without_an_idempotency_key() {
            HttpHeaders headers = new HttpHeaders();
            headers.setBearerAuth(Jwts.bearer(Investors.ALICE));

            assertProblem(
                            api().placeRaw(
                                            headers,
                                            MediaType.APPLICATION_JSON,
                                            "{\"tokenSymbol\":\"BLRTECH\",\"side\":\"BUY\",\"quantity\":1}"),
                            400,
                            "VALIDATION_FAILED")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("Idempotency-Key");
        }

        @ParameterizedTest(name = "\"{0}\"")
        @MethodSource("dev.tokenx.orders.order.web.PlaceOrderRejectionsTest#unsafeKeys")
        void refuses_an_idempotency_key_outside_the_safe_set(String key) {
            assertProblem(api().place(Investors.ALICE, key, aBuyRequest()), 400, "VALIDATION_FAILED")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("Idempotency-Key");
        }

        @Test
        void refuses_malformed_json() {
            assertProblem(
                            rawAsAlice(MediaType.APPLICATION_JSON, "{\"tokenSymbol\": \"BLRTECH\","),
                            400,
                            "VALIDATION_FAILED")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("body");
        }

        @Test
        void refuses_an_empty_body() {
            assertProblem(rawAsAlice(MediaType.APPLICATION_JSON, ""), 400, "VALIDATION_FAILED");
        }

        @ParameterizedTest(name = "{0} = {1}")
        @MethodSource("dev.tokenx.orders.order.web.PlaceOrderRejectionsTest#invalidFields")
        void refuses_an_invalid_field_and_names_it(String field, Object value) {
            OrderRequests request =
                    value == null ? aBuyRequest().without(field) : aBuyRequest().with(field, value);

            assertProblem(placeAsAlice(request), 400, "VALIDATION_FAILED")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo(field)
                    .jsonPath("$.errors[0].message")
                    .isNotEmpty();
        }

        @Test
        void refuses_a_body_that_is_not_json_with_415() {
            assertProblem(rawAsAlice(MediaType.TEXT_PLAIN, "BLRTECH BUY 1"), 415, "UNSUPPORTED_MEDIA_TYPE");
        }

        @Test
        void refuses_a_body_over_the_codecs_limit_with_413() {
            String huge = "{\"tokenSymbol\":\"BLRTECH\",\"side\":\"BUY\",\"quantity\":1,\"padding\":\""
                    + "a".repeat(300 * 1024) + "\"}";

            assertProblem(rawAsAlice(MediaType.APPLICATION_JSON, huge), 413, "PAYLOAD_TOO_LARGE");
        }

        @Test
        void refuses_a_form_with_415() {
            assertProblem(
                    rawAsAlice(MediaType.APPLICATION_FORM_URLENCODED, "tokenSymbol=BLRTECH&side=BUY&quantity=1"),
                    415,
                    "UNSUPPORTED_MEDIA_TYPE");
        }

        @Test
        void refuses_a_sell_order_for_now_with_422() {
            assertProblem(placeAsAlice(aBuyRequest().with("side", "SELL")), 422, "SIDE_NOT_SUPPORTED");
        }

        private ResponseSpec rawAsAlice(MediaType contentType, String body) {
            HttpHeaders headers = new HttpHeaders();
            headers.setBearerAuth(Jwts.bearer(Investors.ALICE));
            headers.set("Idempotency-Key", UUID.randomUUID().toString());
            return api().placeRaw(headers, contentType, body);
        }
    }

    @Nested
    class breaking_a_trading_rule {

        @Test
        void refuses_an_investor_whose_kyc_is_pending_with_403() {
            assertProblem(api().place(Investors.BOB, "bob-1", aBuyRequest()), 403, "KYC_REQUIRED");
        }

        @Test
        void refuses_an_investor_whose_kyc_was_rejected() {
            UUID rejected = investors().withKyc("REJECTED");
            before = snapshot();

            assertProblem(api().place(rejected, "k-1", aBuyRequest()), 403, "KYC_REQUIRED");
        }

        @Test
        void refuses_a_user_the_service_has_no_account_for() {
            assertProblem(api().place(UUID.randomUUID(), "k-1", aBuyRequest()), 403, "KYC_REQUIRED");
        }

        @Test
        void refuses_a_token_that_is_not_listed_with_422() {
            assertProblem(placeAsAlice(aBuyRequest().of("NOSUCH")), 422, "UNKNOWN_TOKEN");
        }

        @Test
        void refuses_an_order_whose_price_is_above_the_limit_with_409() {
            assertProblem(placeAsAlice(aBuyRequest().of("MUMSEA").limit("2499.99")), 409, "PRICE_ABOVE_LIMIT");
        }

        @Test
        void refuses_an_order_the_available_cash_does_not_cover_with_422() {
            UUID investor = investors().verifiedWithCash("1014.99");
            before = snapshot();

            assertProblem(
                    api().place(investor, "k-1", aBuyRequest().of("BLRTECH").quantity(1)), 422, "INSUFFICIENT_FUNDS");
            assertThat(investors().available(investor)).isEqualByComparingTo("1014.99");
        }

        @Test
        void refuses_an_investor_with_no_cash_at_all() {
            UUID investor = investors().withKyc("VERIFIED");
            before = snapshot();

            assertProblem(api().place(investor, "k-1", aBuyRequest()), 422, "INSUFFICIENT_FUNDS");
        }
    }

    static Stream<String> unsafeKeys() {
        return Stream.of("", "has space", "semi;colon", "k".repeat(101), "quote'");
    }

    static Stream<Arguments> invalidFields() {
        return Stream.of(
                Arguments.of("tokenSymbol", null),
                Arguments.of("tokenSymbol", ""),
                Arguments.of("tokenSymbol", "blrtech"),
                Arguments.of("tokenSymbol", "B"),
                Arguments.of("tokenSymbol", "BLR-TECH"),
                Arguments.of("tokenSymbol", "ABCDEFGHIJKLMNOPQ"),
                Arguments.of("tokenSymbol", 42),
                Arguments.of("side", null),
                Arguments.of("side", "HOLD"),
                Arguments.of("side", "buy"),
                Arguments.of("quantity", null),
                Arguments.of("quantity", 0),
                Arguments.of("quantity", -1),
                Arguments.of("quantity", 10.5),
                Arguments.of("quantity", 1_000_001),
                Arguments.of("quantity", 1e12),
                Arguments.of("quantity", "ten"),
                Arguments.of("quantity", true),
                Arguments.of("limitPrice", 0),
                Arguments.of("limitPrice", -5),
                Arguments.of("limitPrice", "1000.005"),
                Arguments.of("limitPrice", "abc"),
                Arguments.of("limitPrice", "1e20"));
    }
}
