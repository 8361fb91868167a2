package dev.tokenx.security;

import dev.tokenx.security.token.StatelessBearerApi;
import dev.tokenx.security.token.TokenVerifier;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * The resource-server security every service behind the gateway shares (a service never trusts a user id that did
 * not come from a verified token), and its request ids ({@link RequestIds}, in every log line): each request but
 * health, info and metrics carries a JWT verified by the platform's one {@link TokenVerifier} with {@link
 * JwtProperties} (each token once per lifetime: it is cached until its {@code exp}); its {@code sub} must be a UUID
 * (the user id), its {@code roles} claim gives the roles. Spring Security's chain is the {@link StatelessBearerApi}:
 * no session, CSRF token, saved request, security headers nor observations. A service adds its own rules with a
 * {@link ServiceAuthorizationRules} bean, and may answer 401 and 403 itself with its own {@link
 * ServerAuthenticationEntryPoint} and {@link ServerAccessDeniedHandler} beans.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableWebFluxSecurity
@EnableConfigurationProperties(JwtProperties.class)
public class ServiceSecurityAutoConfiguration {

    @Bean
    RequestIds requestIds() {
        return new RequestIds();
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemResponses problemResponses(ServerCodecConfigurer codecs) {
        return new ProblemResponses(codecs);
    }

    /** Consumers log the request id of the record they handle (spring-kafka present: Boot applies the bean). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(RecordInterceptor.class)
    static class RecordRequestIdConfiguration {

        @Bean
        @ConditionalOnMissingBean(RecordInterceptor.class)
        RecordRequestIds recordRequestIds() {
            return new RecordRequestIds();
        }
    }

    @Bean
    @ConditionalOnMissingBean({ServerAuthenticationEntryPoint.class, ServerAccessDeniedHandler.class})
    ProblemSecurityHandlers problemSecurityHandlers(JsonMapper json) {
        return new ProblemSecurityHandlers(json);
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityWebFilterChain securityWebFilterChain(
            ServerHttpSecurity http,
            TokenVerifier tokenVerifier,
            ServerAuthenticationEntryPoint unauthenticated,
            ServerAccessDeniedHandler forbidden,
            ObjectProvider<ServiceAuthorizationRules> serviceRules) {
        return StatelessBearerApi.configure(http, tokenVerifier, unauthenticated, forbidden)
                .authorizeExchange(exchanges -> {
                    exchanges
                            .pathMatchers(
                                    "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                            .permitAll();
                    serviceRules.orderedStream().forEach(rules -> rules.apply(exchanges));
                    exchanges.anyExchange().authenticated();
                })
                .build();
    }

    /** Nothing reads Spring Security's per-request observations; a service that wants them declares its own. */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return StatelessBearerApi.noObservations();
    }

    /** Wall-clock time on purpose: a service's own (possibly fixed, in tests) {@code Clock} is for its domain. */
    @Bean
    @ConditionalOnMissingBean
    TokenVerifier tokenVerifier(JwtProperties properties) {
        return TokenVerifier.of(properties.settings(), Clock.systemUTC());
    }
}
