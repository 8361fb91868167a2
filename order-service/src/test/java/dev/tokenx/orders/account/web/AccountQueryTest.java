package dev.tokenx.orders.account.web;

import static dev.tokenx.orders.support.OrderRequests.aBuyRequest;
import static dev.tokenx.orders.support.Problems.assertProblem;

import dev.tokenx.orders.support.Investors;
import dev.tokenx.orders.support.Jwts;
import dev.tokenx.orders.support.ServiceTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/** An investor reads their own account: KYC, wallet, ledger cash and settled holdings. */
class AccountQueryTest extends ServiceTest {

    private ResponseSpec me(UUID investor) {
        return web.get()
                .uri("/api/accounts/me")
                .headers(headers -> headers.setBearerAuth(Jwts.bearer(investor)))
                .exchange();
    }

    private void hold(UUID investor, String symbol, long quantity) {
        db.sql("INSERT INTO holdings (user_id, token_symbol, quantity, updated_at) VALUES (:u, :s, :q, :at)")
                .bind("u", investor)
                .bind("s", symbol)
                .bind("q", quantity)
                .bind("at", Instant.now())
                .then()
                .block();
    }

    @Test
    void shows_the_demo_investors_account_from_the_ledger() {
        me(Investors.ALICE)
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.userId")
                .isEqualTo(Investors.ALICE.toString())
                .jsonPath("$.kycStatus")
                .isEqualTo("VERIFIED")
                .jsonPath("$.walletAddress")
                .isEqualTo(Investors.ALICE_WALLET)
                .jsonPath("$.cash.available")
                .isEqualTo(investors().available(Investors.ALICE).toPlainString())
                .jsonPath("$.cash.held")
                .isEqualTo(investors().held(Investors.ALICE).toPlainString());
    }

    @Test
    void shows_cash_with_two_decimals_and_the_holdings_by_symbol() {
        UUID investor = investors().verifiedWithCash("1234.5");
        hold(investor, "MUMSEA", 3);
        hold(investor, "BLRTECH", 7);

        me(investor)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.cash.available")
                .isEqualTo("1234.50")
                .jsonPath("$.cash.held")
                .isEqualTo("0.00")
                .jsonPath("$.holdings.length()")
                .isEqualTo(2)
                .jsonPath("$.holdings[0].tokenSymbol")
                .isEqualTo("BLRTECH")
                .jsonPath("$.holdings[0].quantity")
                .isEqualTo(7)
                .jsonPath("$.holdings[1].tokenSymbol")
                .isEqualTo("MUMSEA")
                .jsonPath("$.holdings[1].quantity")
                .isEqualTo(3);
    }

    @Test
    void shows_cash_held_for_an_open_order() {
        UUID investor = investors().verifiedWithCash("100000.00");
        api().accepted(investor, "order-1", aBuyRequest().quantity(2));

        me(investor)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.cash.available")
                .isEqualTo("97975.00")
                .jsonPath("$.cash.held")
                .isEqualTo("2025.00")
                .jsonPath("$.holdings.length()")
                .isEqualTo(0);
    }

    @Test
    void a_user_without_an_account_is_not_found() {
        assertProblem(me(UUID.randomUUID()), 404, "NOT_FOUND");
    }

    @Test
    void a_request_without_a_token_is_unauthorized() {
        assertProblem(web.get().uri("/api/accounts/me").exchange(), 401, "UNAUTHORIZED");
    }
}
