package dev.tokenx.security.token;

import static dev.tokenx.security.token.Tokens.aToken;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;

/** Outside the local platform: an identity provider's keys, served as a JWK set over HTTP, and one algorithm. */
class JwkSetVerificationTest {

    private static final String IDP = "https://idp.tokenx.test/realms/tokenx";
    private static final RSAKey SIGNING_KEY = generate("idp-key-1");
    private static final AtomicInteger JWK_SET_FETCHES = new AtomicInteger();
    private static final DisposableServer JWK_SET = HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .route(routes -> routes.get("/jwks.json", (request, response) -> {
                JWK_SET_FETCHES.incrementAndGet();
                return response.header("Content-Type", "application/json")
                        .sendString(Mono.just(new JWKSet(SIGNING_KEY.toPublicJWK()).toString()));
            }))
            .bindNow();

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final TokenVerifier verifier = verifierFor("RS256");

    @AfterAll
    static void stopIdentityProvider() {
        JWK_SET.disposeNow();
    }

    private static TokenVerifier verifierFor(String algorithm) {
        return TokenVerifier.of(
                new TokenVerificationSettings(
                        null,
                        "http://127.0.0.1:" + JWK_SET.port() + "/jwks.json",
                        algorithm,
                        IDP,
                        Tokens.AUDIENCE,
                        null,
                        null),
                Clock.systemUTC());
    }

    @Test
    void accepts_a_token_signed_with_a_key_of_the_jwk_set_and_then_remembers_it() {
        String token = aToken(now)
                .issuedBy(IDP)
                .signedWith(SIGNING_KEY, JWSAlgorithm.RS256)
                .build();

        JwtAuthenticationToken caller = verifier.verify(token).block();
        int fetches = JWK_SET_FETCHES.get();
        verifier.verify(token).block();

        assertThat(caller).isNotNull();
        assertThat(caller.getName()).isEqualTo(Tokens.ALICE);
        assertThat(JWK_SET_FETCHES).as("the second verification needed nothing").hasValue(fetches);
    }

    @Test
    void refuses_a_token_signed_with_another_key() {
        refused(
                verifier,
                aToken(now)
                        .issuedBy(IDP)
                        .signedWith(generate("idp-key-1"), JWSAlgorithm.RS256)
                        .build());
    }

    @Test
    void refuses_a_token_signed_with_the_shared_secret() {
        refused(verifier, aToken(now).issuedBy(IDP).build());
    }

    @Test
    void refuses_another_algorithm_than_the_pinned_one_even_with_the_right_key() {
        refused(
                verifier,
                aToken(now)
                        .issuedBy(IDP)
                        .signedWith(SIGNING_KEY, JWSAlgorithm.RS512)
                        .build());
        refused(
                verifierFor("ES256"),
                aToken(now)
                        .issuedBy(IDP)
                        .signedWith(SIGNING_KEY, JWSAlgorithm.RS256)
                        .build());
    }

    @Test
    void refuses_an_unsigned_token() {
        refused(verifier, aToken(now).issuedBy(IDP).unsigned());
    }

    private static void refused(TokenVerifier verifier, String token) {
        StepVerifier.create(verifier.verify(token))
                .expectError(InvalidBearerTokenException.class)
                .verify();
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
