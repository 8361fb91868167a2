package dev.tokenx.orders.shared.security;

import static dev.tokenx.orders.support.Jwts.aToken;
import static dev.tokenx.orders.support.Problems.assertProblem;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.tokenx.orders.support.Investors;
import dev.tokenx.orders.support.ServiceTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** Outside the local platform, tokens come from an identity provider and are verified with its JWK set. */
class JwkSetVerificationTest extends ServiceTest {

    private static final RSAKey SIGNING_KEY = generate();

    private static final DisposableServer JWK_SET = HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .route(routes -> routes.get(
                    "/jwks",
                    (request, response) -> response.header("Content-Type", "application/json")
                            .sendString(Mono.just(new JWKSet(SIGNING_KEY.toPublicJWK()).toString()))))
            .bindNow();

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        registry.add("tokenx.security.jwt.jwk-set-uri", () -> "http://127.0.0.1:" + JWK_SET.port() + "/jwks");
    }

    @AfterAll
    static void stopIdentityProvider() {
        JWK_SET.disposeNow();
    }

    private ResponseSpec listOrdersWith(String token) {
        return web.get()
                .uri("/api/trading/place-order")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange();
    }

    @Test
    void accepts_a_token_signed_with_a_key_of_the_jwk_set() {
        listOrdersWith(aToken().forUser(Investors.ALICE).signedWith(SIGNING_KEY).build())
                .expectStatus()
                .isOk();
    }

    @Test
    void refuses_a_token_signed_with_another_key() {
        assertProblem(listOrdersWith(aToken().signedWith(generate()).build()), 401, "UNAUTHORIZED");
    }

    @Test
    void no_longer_accepts_tokens_signed_with_the_shared_secret() {
        assertProblem(listOrdersWith(aToken().forUser(Investors.ALICE).build()), 401, "UNAUTHORIZED");
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("test-key").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
