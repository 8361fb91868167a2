package dev.tokenx.gateway.auth.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import dev.tokenx.gateway.support.StubUpstream;
import dev.tokenx.gateway.support.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** Other environments: tokens from an external identity provider, verified against its JWK Set; no local issuer. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class ExternalIssuerTest {

    private static final String IDP_ISSUER = "https://idp.tokenx.test/realms/tokenx";
    private static final RSAKey IDP_KEY = generateKey();
    private static final DisposableServer IDP = HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .route(routes -> routes.get(
                    "/jwks.json",
                    (request, response) -> response.header("Content-Type", "application/json")
                            .sendString(Mono.just(new JWKSet(IDP_KEY.toPublicJWK()).toString()))))
            .bindNow();
    private static final StubUpstream UPSTREAM = StubUpstream.start();

    @Autowired
    private WebTestClient web;

    @DynamicPropertySource
    static void useTheExternalIssuer(DynamicPropertyRegistry registry) {
        registry.add("gateway.auth.jwt.jwk-set-uri", () -> "http://127.0.0.1:" + IDP.port() + "/jwks.json");
        registry.add("gateway.auth.jwt.issuer", () -> IDP_ISSUER);
        registry.add("gateway.auth.local-issuer.enabled", () -> "false");
        registry.add("gateway.routing.order-service.uri", UPSTREAM::baseUrl);
        // Verification only: the limits have their own tests.
        registry.add("gateway.rate-limit.enabled", () -> "false");
    }

    @AfterAll
    static void stopServers() {
        IDP.disposeNow();
        UPSTREAM.stop();
    }

    @Test
    void accepts_a_token_signed_by_the_identity_provider() {
        String marker = UUID.randomUUID().toString();

        web.get()
                .uri("/api/trading/orders?probe=" + marker)
                .headers(headers -> headers.setBearerAuth(idpToken()))
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(UPSTREAM.receivedWith(marker)).hasSize(1);
    }

    @Test
    void refuses_a_token_signed_with_the_local_secret() {
        web.get()
                .uri("/api/trading/orders")
                .headers(headers -> headers.setBearerAuth(
                        TestTokens.aToken().issuedBy(IDP_ISSUER).build()))
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void has_no_local_token_endpoint() {
        web.post()
                .uri("/api/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "alice", "password", "alice-demo"))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("NOT_FOUND");
    }

    private static String idpToken() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(IDP_ISSUER)
                .audience(List.of("tokenx-api"))
                .subject(TestTokens.ALICE_ID)
                .claim("roles", List.of("USER"))
                .issuedAt(now)
                .expiresAt(now.plus(Duration.ofMinutes(5)))
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256)
                .keyId(IDP_KEY.getKeyID())
                .build();
        NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(IDP_KEY)));
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    private static RSAKey generateKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("idp-key-1").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
