package dev.tokenx.orders.catalog.application;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param priceCacheTtl how long the listed tokens and their prices are served from memory; an order may be priced
 *     at a price this old. Zero reads the database for every order.
 */
@Validated
@ConfigurationProperties("orders.catalog")
public record CatalogProperties(@NotNull Duration priceCacheTtl) {}
