package dev.tokenx.gateway.resilience;

import dev.tokenx.gateway.routing.UpstreamService;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.Arrays;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4jBulkheadProvider;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One circuit breaker and one bulkhead per service, named by the service id. Spring Cloud's reactive breaker
 * wraps the call in the bulkhead of the same name, inside the breaker: a full bulkhead is refused before the
 * service is called, and is not counted as the service's failure ({@link UpstreamFailures}).
 *
 * <p>The time limiter Spring Cloud would add is off ({@code spring.cloud.circuitbreaker.resilience4j
 * .disable-time-limiter}): each route's response timeout bounds the call, and a second, shorter clock would cut
 * slow but legitimate answers.
 */
@Configuration(proxyBeanMethods = false)
class ResilienceConfiguration {

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> perServiceCircuitBreakers(ResilienceProperties resilience) {
        CircuitBreakerConfig breaker = circuitBreakerConfig(resilience.circuitBreaker());
        return factory -> factory.configure(builder -> builder.circuitBreakerConfig(breaker), serviceIds());
    }

    @Bean
    Customizer<ReactiveResilience4jBulkheadProvider> perServiceBulkheads(ResilienceProperties resilience) {
        return provider -> Arrays.stream(UpstreamService.values())
                .forEach(service -> provider.configure(
                        builder -> builder.bulkheadConfig(
                                bulkheadConfig(resilience.bulkhead().maxConcurrentCalls(service))),
                        service.id()));
    }

    static CircuitBreakerConfig circuitBreakerConfig(ResilienceProperties.CircuitBreaker breaker) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breaker.slidingWindowSize())
                .minimumNumberOfCalls(breaker.minimumNumberOfCalls())
                .failureRateThreshold(breaker.failureRateThreshold())
                .waitDurationInOpenState(breaker.waitDurationInOpenState())
                .permittedNumberOfCallsInHalfOpenState(breaker.permittedCallsInHalfOpenState())
                .recordException(UpstreamFailures::isUpstreamFailure)
                .build();
    }

    private static BulkheadConfig bulkheadConfig(int maxConcurrentCalls) {
        return BulkheadConfig.custom()
                .maxConcurrentCalls(maxConcurrentCalls)
                .maxWaitDuration(Duration.ZERO)
                .build();
    }

    private static String[] serviceIds() {
        return Arrays.stream(UpstreamService.values()).map(UpstreamService::id).toArray(String[]::new);
    }
}
