package dev.tokenx.gateway.ratelimit;

import static dev.tokenx.gateway.support.TestTokens.aToken;

import dev.tokenx.gateway.support.RateLimitedGatewayTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A request counts against its user and its client address, independently; only a trusted proxy names the address. */
class PartitionsTest extends RateLimitedGatewayTest {

    private static final int TRADING_LIMIT = 30;

    @Test
    void a_user_cannot_escape_the_user_limit_by_changing_address() {
        String user = aUserId();
        exhaust(user, aClientAddress());
        String freshAddress = aClientAddress();

        trade(web, user, freshAddress)
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .valueMatches("RateLimit", "\"trading-user\";r=0;t=\\d+, \"trading-ip\";r=30;t=0")
                .expectHeader()
                .valueEquals("X-RateLimit-Remaining", "0");

        // The refused request was not counted against the fresh address: another user there is served in full.
        trade(web, aUserId(), freshAddress)
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-RateLimit-Remaining", "29");
    }

    @Test
    void every_user_behind_one_address_shares_the_address_limit() {
        String address = aClientAddress();
        exhaust(aUserId(), address);

        trade(web, aUserId(), address)
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .valueMatches("RateLimit", "\"trading-user\";r=30;t=0, \"trading-ip\";r=0;t=\\d+");
    }

    @Test
    void a_spoofed_forwarded_for_from_an_untrusted_peer_changes_nothing() {
        WebTestClient direct = untrustedPeer();
        for (int i = 0; i < 10; i++) {
            login(direct, aClientAddress()).expectStatus().isUnauthorized();
        }

        // Counted against 127.0.0.2 all along: a new forged address does not help.
        login(direct, aClientAddress()).expectStatus().isEqualTo(429);
        // Through the trusted proxy, the same header does name the client, which has a fresh count.
        login(web, aClientAddress())
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals("X-RateLimit-Remaining", "9");
    }

    private void exhaust(String user, String address) {
        for (int i = 0; i < TRADING_LIMIT; i++) {
            trade(web, user, address).expectStatus().isOk();
        }
    }

    private static WebTestClient.ResponseSpec trade(WebTestClient client, String user, String address) {
        return client.get()
                .uri("/api/trading/orders")
                .headers(headers -> headers.setBearerAuth(aToken().forUser(user).build()))
                .header("X-Forwarded-For", address)
                .exchange();
    }

    private static WebTestClient.ResponseSpec login(WebTestClient client, String forwardedFor) {
        return client.post()
                .uri("/api/auth/token")
                .header("X-Forwarded-For", forwardedFor)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"mallory\",\"password\":\"guess\"}")
                .exchange();
    }
}
