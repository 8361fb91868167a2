package dev.tokenx.gateway.routing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Where the services behind the edge live, and how long the edge waits for them. */
@Validated
@ConfigurationProperties("gateway.routing")
public record RoutingProperties(@NotNull @Valid Upstream orderService) {

    /**
     * @param uri base URI of the service, for example {@code http://localhost:8081}
     * @param connectTimeout how long to wait for a TCP connection before answering 503
     * @param responseTimeout how long to wait for the response headers before answering 504
     */
    public record Upstream(
            @NotNull URI uri,
            @NotNull @DurationMin(millis = 1) Duration connectTimeout,
            @NotNull @DurationMin(millis = 1) Duration responseTimeout) {}
}
