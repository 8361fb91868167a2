package dev.tokenx.gateway.cors;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which browser origins (the frontends) may call the API. Credentials are bearer tokens in a header, never
 * cookies, so no origin is granted credentialed requests.
 *
 * @param allowedOrigins exact origins, for example {@code https://app.tokenx.example}; empty allows none
 * @param maxAge how long a browser may cache a preflight answer
 */
@Validated
@ConfigurationProperties("gateway.cors")
public record CorsProperties(
        @NotNull @DefaultValue List<String> allowedOrigins,
        @NotNull @DefaultValue("1h") Duration maxAge) {}
