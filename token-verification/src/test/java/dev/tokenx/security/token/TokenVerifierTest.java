package dev.tokenx.security.token;

import static dev.tokenx.security.token.Tokens.aToken;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.test.StepVerifier;

class TokenVerifierTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final AtomicInteger decodes = new AtomicInteger();
    private final TokenVerifier verifier = verifierKeeping(TokenVerificationSettings.DEFAULT_CACHE_MAXIMUM_SIZE);

    private TokenVerifier verifierKeeping(int cacheMaximumSize) {
        TokenVerificationSettings settings = new TokenVerificationSettings(
                Tokens.SECRET, null, null, Tokens.ISSUER, Tokens.AUDIENCE, null, cacheMaximumSize);
        ReactiveJwtDecoder rule = TokenRule.decoderFor(settings, clock);
        ReactiveJwtDecoder counted = token -> {
            decodes.incrementAndGet();
            return rule.decode(token);
        };
        return new TokenVerifier(counted, settings.cacheMaximumSize(), clock);
    }

    private JwtAuthenticationToken accepted(String token) {
        JwtAuthenticationToken caller = verifier.verify(token).block();
        assertThat(caller).isNotNull();
        return caller;
    }

    private void refused(String token) {
        StepVerifier.create(verifier.verify(token))
                .expectError(InvalidBearerTokenException.class)
                .verify();
    }

    /** A valid token's claims as JSON, with one claim replaced by (or added as) {@code claim}. */
    private static String validClaimsWith(String claim) {
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("\"iss\"", "\"" + Tokens.ISSUER + "\"");
        claims.put("\"aud\"", "\"" + Tokens.AUDIENCE + "\"");
        claims.put("\"sub\"", "\"" + Tokens.ALICE + "\"");
        claims.put("\"exp\"", Long.toString(NOW.plusSeconds(300).getEpochSecond()));
        int colon = claim.indexOf(':');
        claims.put(claim.substring(0, colon), claim.substring(colon + 1));
        return claims.entrySet().stream()
                .map(entry -> entry.getKey() + ":" + entry.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static List<String> authoritiesOf(Authentication caller) {
        return caller.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .toList();
    }

    @Nested
    class a_valid_token {

        @Test
        void names_the_user_by_its_sub_and_grants_its_roles() {
            JwtAuthenticationToken caller =
                    accepted(aToken(NOW).withRoles(List.of("USER", "ADMIN")).build());

            assertThat(caller.getName()).isEqualTo(Tokens.ALICE);
            assertThat(caller.getToken().getSubject()).isEqualTo(Tokens.ALICE);
            assertThat(authoritiesOf(caller)).containsExactly("ROLE_USER", "ROLE_ADMIN");
            assertThat(caller.isAuthenticated()).isTrue();
        }

        @Test
        void keeps_the_issuer_as_the_string_it_came_as() {
            JwtAuthenticationToken caller = accepted(aToken(NOW).build());

            assertThat(caller.getToken().getClaims()).containsEntry("iss", Tokens.ISSUER);
        }

        @Test
        void grants_nothing_when_it_carries_no_roles() {
            assertThat(accepted(aToken(NOW).withRoles(null).build()).getAuthorities())
                    .isEmpty();
        }

        @Test
        void is_verified_once_and_then_answered_from_the_cache() {
            String token = aToken(NOW).build();

            JwtAuthenticationToken first = accepted(token);
            clock.advance(Duration.ofMinutes(4));
            JwtAuthenticationToken again = accepted(token);

            assertThat(decodes).hasValue(1);
            assertThat(again.getName()).isEqualTo(first.getName());
            assertThat(authoritiesOf(again)).isEqualTo(authoritiesOf(first));
            assertThat(again).as("a fresh authentication per request").isNotSameAs(first);
        }

        @Test
        void is_verified_every_time_when_the_cache_keeps_nothing() {
            TokenVerifier uncached = verifierKeeping(0);
            String token = aToken(NOW).build();

            uncached.verify(token).block();
            uncached.verify(token).block();

            assertThat(decodes).hasValue(2);
        }

        @Test
        void grants_nothing_when_its_roles_claim_is_null() {
            assertThat(accepted(Tokens.withPayload(validClaimsWith("\"roles\":null")))
                            .getAuthorities())
                    .isEmpty();
        }

        @Test
        void may_say_it_is_a_jwt_or_an_access_token() {
            for (String type : List.of("JWT", "at+jwt", "application/at+jwt")) {
                accepted(aToken(NOW).typed(type).build());
            }
        }

        @Test
        void authenticates_a_bearer_token_for_spring_security() {
            Authentication caller = verifier.authenticate(
                            new BearerTokenAuthenticationToken(aToken(NOW).build()))
                    .block();

            assertThat(caller).isInstanceOf(JwtAuthenticationToken.class);
            assertThat(caller.getName()).isEqualTo(Tokens.ALICE);
        }
    }

    @Nested
    class never_accepts {

        @Test
        void a_token_with_any_part_tampered_with_even_when_the_genuine_one_is_cached() {
            String genuine = aToken(NOW).build();
            accepted(genuine);

            for (int part = 0; part < 3; part++) {
                refused(Tokens.tampered(genuine, part));
            }

            assertThat(decodes).as("each tampered token verified from scratch").hasValue(4);
        }

        @Test
        void a_token_signed_with_another_secret() {
            refused(aToken(NOW)
                    .signedWith("another-secret-that-is-also-32-bytes-long!")
                    .build());
        }

        @Test
        void an_expired_token() {
            clock.advance(Duration.ofMinutes(10));

            refused(aToken(NOW).build());
        }

        @Test
        void a_cached_token_once_it_has_expired() {
            String token = aToken(NOW).expiringIn(Duration.ofMinutes(1)).build();
            accepted(token);

            clock.advance(Duration.ofMinutes(1)
                    .plus(TokenVerificationSettings.DEFAULT_CLOCK_SKEW)
                    .plusSeconds(1));

            refused(token);
            assertThat(decodes).hasValue(2);
        }

        @Test
        void a_cached_token_past_its_exp_from_the_cache_even_within_the_clock_skew() {
            String token = aToken(NOW).expiringIn(Duration.ofMinutes(1)).build();
            accepted(token);

            clock.advance(Duration.ofMinutes(1).plusSeconds(10));
            accepted(token);
            accepted(token);

            assertThat(decodes)
                    .as("verified again each time, never cached past exp")
                    .hasValue(3);
        }

        @Test
        void a_token_without_exp_nor_caches_it() {
            String token = aToken(NOW).withoutExpiry().build();

            refused(token);
            refused(token);

            assertThat(decodes).hasValue(2);
        }

        @Test
        void a_token_not_valid_yet() {
            refused(aToken(NOW).notBefore(NOW.plus(Duration.ofMinutes(2))).build());
        }

        @Test
        void a_token_from_another_issuer() {
            refused(aToken(NOW).issuedBy("https://evil.example").build());
        }

        @Test
        void a_token_for_another_audience() {
            refused(aToken(NOW).forAudience("another-api").build());
        }

        @Test
        void a_token_whose_sub_is_not_a_uuid() {
            refused(aToken(NOW).withSubject("alice").build());
            refused(aToken(NOW)
                    .withSubject("A11CE000-0000-4000-8000-000000000001")
                    .build());
            refused(aToken(NOW).withSubject(null).build());
        }

        @Test
        void an_unsigned_token() {
            refused(aToken(NOW).unsigned());
        }

        @Test
        void a_token_signed_with_the_secret_but_another_algorithm_than_hs256() {
            refused(aToken(NOW).signedWith(JWSAlgorithm.HS512).build());
            refused(aToken(NOW).signedWith(JWSAlgorithm.HS384).build());
        }

        @Test
        void roles_that_are_not_a_list_of_names() {
            for (Object roles : List.of("USER", List.of(List.of("USER")), Map.of("role", "USER"), 7, List.of(""))) {
                refused(aToken(NOW).withRoles(roles).build());
            }
        }

        @Test
        void a_token_of_another_type() {
            for (String type : List.of("JOSE", "id_token+jwt", "logout+jwt", "secevent+jwt")) {
                refused(aToken(NOW).typed(type).build());
            }
        }

        /** Each shape once gave, or could give, an exception other than a refusal: a 500 where a 401 belongs. */
        @ParameterizedTest
        @ValueSource(
                strings = {
                    "\"sub\":42",
                    "\"sub\":{\"id\":\"" + Tokens.ALICE + "\"}",
                    "\"sub\":[\"" + Tokens.ALICE + "\"]",
                    "\"exp\":\"tomorrow\"",
                    "\"exp\":{\"at\":1}",
                    "\"exp\":[1]",
                    "\"nbf\":\"now\"",
                    "\"iat\":true",
                    "\"iss\":7",
                    "\"iss\":[\"tokenx-local\"]",
                    "\"aud\":9",
                    "\"aud\":[[\"tokenx-api\"]]",
                    "\"aud\":{\"0\":\"tokenx-api\"}",
                    "\"jti\":{}",
                    "\"roles\":[[\"ADMIN\"]]",
                    "\"roles\":[1]",
                    "\"roles\":{\"ADMIN\":true}",
                    "\"roles\":[null]"
                })
        void a_claim_of_an_odd_shape(String oddClaim) {
            refused(Tokens.withPayload(validClaimsWith(oddClaim)));
        }

        @Test
        void where_the_same_claims_with_regular_shapes_are_accepted() {
            accepted(Tokens.withPayload(validClaimsWith("\"roles\":[\"USER\",\"ADMIN\"]")));
        }

        @ParameterizedTest
        @ValueSource(strings = {"[]", "\"a string\"", "42", "null", "{", "{\"sub\":\"x\"}}"})
        void a_payload_that_is_not_a_claims_object(String payload) {
            refused(Tokens.withPayload(payload));
        }

        @Test
        void something_that_is_not_a_jwt() {
            refused("not-a-jwt");
        }
    }
}
