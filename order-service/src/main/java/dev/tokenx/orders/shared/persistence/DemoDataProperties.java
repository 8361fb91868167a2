package dev.tokenx.orders.shared.persistence;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled seed the demo tokens and users ({@code classpath:db/demo}); for the local platform only
 */
@ConfigurationProperties("orders.demo-data")
public record DemoDataProperties(boolean enabled) {}
