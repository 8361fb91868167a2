package dev.tokenx.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tokenx.security.token.InvalidTokenVerificationSettings;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.config.EnableWebFlux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The auto-configured chain, end to end through WebFlux: what a service behind the gateway gets. */
class ServiceSecurityTest {

    private static final String SECRET = "a-test-secret-of-at-least-thirty-two-bytes-0123";

    private static final String ALICE = "a11ce000-0000-4000-8000-000000000001";

    private final ReactiveWebApplicationContextRunner service = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ServiceSecurityAutoConfiguration.class))
            .withUserConfiguration(AService.class)
            .withPropertyValues(
                    "tokenx.security.jwt.secret=" + SECRET,
                    "tokenx.security.jwt.issuer=tokenx-local",
                    "tokenx.security.jwt.audience=tokenx-api");

    @Test
    void lets_a_valid_token_through_with_its_user_id_as_the_principal() {
        onTheService(web -> web.get()
                .uri("/api/things")
                .headers(headers -> headers.setBearerAuth(token(claims -> {})))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .isEqualTo(ALICE));
    }

    @Test
    void answers_a_problem_without_a_token() {
        onTheService(web -> web.get()
                .uri("/api/things")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("UNAUTHORIZED"));
    }

    @Test
    void refuses_a_token_without_exp_which_it_used_to_accept() {
        expectRefused(token(claims -> claims.expirationTime(null)));
    }

    @Test
    void refuses_roles_that_are_not_a_list_with_a_401_not_a_500() {
        expectRefused(token(claims -> claims.claim("roles", List.of(List.of("USER")))));
        expectRefused(token(claims -> claims.claim("roles", "USER")));
    }

    @Test
    void applies_the_services_own_rules() {
        onTheService(web -> web.get()
                .uri("/api/admin/things")
                .headers(headers -> headers.setBearerAuth(token(claims -> {})))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("FORBIDDEN"));
    }

    @Test
    void writes_no_browser_security_headers_and_observes_nothing() {
        service.run(context -> {
            assertThat(context.getBean(SecurityObservationSettings.class).shouldObserveRequests())
                    .isFalse();
            WebTestClient.bindToApplicationContext(context)
                    .build()
                    .get()
                    .uri("/api/things")
                    .headers(headers -> headers.setBearerAuth(token(claims -> {})))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .doesNotExist("X-Content-Type-Options")
                    .expectHeader()
                    .doesNotExist("X-Frame-Options")
                    .expectHeader()
                    .doesNotExist(HttpHeaders.CACHE_CONTROL);
        });
    }

    @Test
    void does_not_start_with_a_secret_too_short_for_hs256() {
        service.withPropertyValues("tokenx.security.jwt.secret=too-short")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .isInstanceOf(InvalidTokenVerificationSettings.class)
                        .hasMessageContaining("at least 32 bytes"));
    }

    private void expectRefused(String token) {
        onTheService(web -> web.get()
                .uri("/api/things")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("UNAUTHORIZED"));
    }

    private void onTheService(Consumer<WebTestClient> calls) {
        service.run(context ->
                calls.accept(WebTestClient.bindToApplicationContext(context).build()));
    }

    private static String token(Consumer<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer("tokenx-local")
                .audience("tokenx-api")
                .subject(ALICE)
                .claim("roles", List.of("USER"))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
        change.accept(claims);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
            jwt.sign(new MACSigner(SECRET));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebFlux
    static class AService {

        /** As Spring Boot configures it: a problem's properties at the top level. */
        @Bean
        JsonMapper jsonMapper() {
            return JsonMapper.builder()
                    .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
                    .build();
        }

        @Bean
        ServiceAuthorizationRules adminsOnly() {
            return exchanges -> exchanges.pathMatchers("/api/admin/**").hasRole("ADMIN");
        }

        @Bean
        Things things() {
            return new Things();
        }
    }

    @RestController
    static class Things {

        @GetMapping({"/api/things", "/api/admin/things"})
        Mono<String> whoAsks(Mono<Principal> caller) {
            return caller.map(Principal::getName);
        }
    }
}
