package dev.tokenx.gateway.observability;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.webflux.autoconfigure.WebHttpHandlerBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * No Micrometer observation per request at the edge: nothing exports or traces them (the gateway exposes health
 * only), and each request's {@code http.server.requests} observation costs a context, a timer lookup and its tags.
 * The edge's own cheap meters ({@code gateway.rate_limit.*}, resilience4j's) are counters and timers on the meter
 * registry and stay. Spring Cloud Gateway's per-route metrics and observability filters are switched off in
 * {@code application.yml}, Spring Security's observations by {@code SecurityObservationSettings}.
 */
@Configuration(proxyBeanMethods = false)
class EdgeObservationConfiguration {

    @Bean
    WebHttpHandlerBuilderCustomizer noHttpServerObservations() {
        return builder -> builder.observationRegistry(ObservationRegistry.NOOP);
    }
}
