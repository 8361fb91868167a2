package dev.tokenx.gateway.server;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The public port's own deadlines beyond Spring Boot's {@code server.netty.*} ({@code gateway.server.*}).
 *
 * @param requestHeadTimeout how long a request's line and headers may take to arrive, counted from their first
 *     byte; a client that sends them slower (slowloris) has its connection closed. Keep-alive connections that send
 *     nothing are closed by {@code server.netty.idle-timeout} instead.
 */
@Validated
@ConfigurationProperties("gateway.server")
public record EdgeServerProperties(
        @NotNull @DurationMin(millis = 1) @DefaultValue("10s")
        Duration requestHeadTimeout) {}
