package dev.tokenx.gateway.requestbody;

import dev.tokenx.gateway.routing.EdgeRoute;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How much of a request body the edge accepts, and how long it waits for it, before it routes the request
 * ({@code gateway.request-body.*}).
 *
 * @param maxSize the largest body of a route that sets none of its own; a larger one is refused with 413
 * @param readTimeout the longest a route that sets none of its own waits for the whole body; then 408
 * @param routes per route id ({@link EdgeRoute#id()}), limits that differ from the defaults (small for trading)
 */
@Validated
@ConfigurationProperties("gateway.request-body")
public record RequestBodyProperties(
        @NotNull @DefaultValue("256KB") DataSize maxSize,

        @NotNull @DurationMin(millis = 1) @DefaultValue("10s")
        Duration readTimeout,

        @NotNull @Valid @DefaultValue Map<String, RouteLimits> routes) {

    /** Either may be left out, then the default applies. */
    public record RouteLimits(
            DataSize maxSize, @DurationMin(millis = 1) Duration readTimeout) {}

    @AssertTrue(message = "gateway.request-body.routes names an unknown route")
    public boolean isForKnownRoutes() {
        return routes.keySet().stream().allMatch(id -> EdgeRoute.byId(id).isPresent());
    }

    @AssertTrue(message = "gateway.request-body max-size must be at least 1 byte and fit in memory (2 GB)")
    public boolean isEverySizeBounded() {
        return isBounded(maxSize)
                && routes.values().stream().map(RouteLimits::maxSize).allMatch(size -> size == null || isBounded(size));
    }

    BodyLimit limitFor(EdgeRoute route) {
        RouteLimits own = routes.get(route.id());
        DataSize size = own == null || own.maxSize() == null ? maxSize : own.maxSize();
        Duration timeout = own == null || own.readTimeout() == null ? readTimeout : own.readTimeout();
        return new BodyLimit(Math.toIntExact(size.toBytes()), timeout);
    }

    BodyLimit defaultLimit() {
        return new BodyLimit(Math.toIntExact(maxSize.toBytes()), readTimeout);
    }

    private static boolean isBounded(DataSize size) {
        return size.toBytes() >= 1 && size.toBytes() <= Integer.MAX_VALUE;
    }
}
