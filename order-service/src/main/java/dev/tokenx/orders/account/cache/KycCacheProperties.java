package dev.tokenx.orders.account.cache;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param ttl how long a trader's KYC status and wallet are served from Redis (ARCHITECTURE.md: 5 minutes)
 * @param timeout the longest a cache call may delay an order before the database answers instead
 * @param outageCooldown after a failed cache call, how long to go straight to the database before trying Redis
 *     again, so that an outage does not cost every order a timeout
 * @param nearTtl how long this instance serves a trader from its own memory without asking Redis; a {@code
 *     KycStatusChanged} drops it sooner
 * @param nearMaximumSize how many traders this instance keeps in memory (the least used go first)
 */
@Validated
@ConfigurationProperties("orders.kyc-cache")
public record KycCacheProperties(
        @NotNull Duration ttl,
        @NotNull Duration timeout,
        @NotNull Duration outageCooldown,
        @NotNull Duration nearTtl,
        @Min(1) long nearMaximumSize) {}
