package dev.tokenx.gateway.resilience;

import dev.tokenx.gateway.routing.UpstreamService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the edge protects itself and the services from a failing or slow service: one circuit breaker and one
 * bulkhead per service ({@link UpstreamService#id()}).
 */
@Validated
@ConfigurationProperties("gateway.resilience")
public record ResilienceProperties(
        @NotNull @Valid @DefaultValue CircuitBreaker circuitBreaker,
        @NotNull @Valid @DefaultValue Bulkhead bulkhead) {

    /**
     * A count-based breaker: it opens when at least {@code failureRateThreshold} percent of the last
     * {@code slidingWindowSize} calls (and at least {@code minimumNumberOfCalls}) failed, refuses every call for
     * {@code waitDurationInOpenState}, then lets {@code permittedCallsInHalfOpenState} trial calls through. Only the
     * service's failures count: refused or broken connections and timeouts, never the service's own answers.
     */
    public record CircuitBreaker(
            @Min(1) @Max(100) @DefaultValue("50") int failureRateThreshold,
            @Min(1) @DefaultValue("20") int slidingWindowSize,
            @Min(1) @DefaultValue("10") int minimumNumberOfCalls,

            @NotNull @DurationMin(millis = 1) @DefaultValue("10s")
            Duration waitDurationInOpenState,

            @Min(1) @DefaultValue("3") int permittedCallsInHalfOpenState) {}

    /**
     * At most this many requests in flight to one service; the next one is refused at once (503) instead of
     * queueing, so that one slow service cannot hold every connection and event-loop slot of the edge.
     *
     * @param maxConcurrentCalls per service id; services not listed get {@code defaultMaxConcurrentCalls}
     */
    public record Bulkhead(
            @Min(1) @DefaultValue("100") int defaultMaxConcurrentCalls,
            @NotNull @DefaultValue Map<String, @NotNull @Min(1) Integer> maxConcurrentCalls) {

        public int maxConcurrentCalls(UpstreamService service) {
            return maxConcurrentCalls.getOrDefault(service.id(), defaultMaxConcurrentCalls);
        }

        @AssertTrue(message = "gateway.resilience.bulkhead.max-concurrent-calls names an unknown service")
        public boolean isForKnownServices() {
            return maxConcurrentCalls.keySet().stream()
                    .allMatch(id -> UpstreamService.byId(id).isPresent());
        }
    }
}
