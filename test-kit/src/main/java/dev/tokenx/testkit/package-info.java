/**
 * JUnit 5 access to real infrastructure for tests: {@code @WithPostgres}, {@code @WithKafka},
 * {@code @WithRedis} and {@code @WithAnvil} start the shared servers of {@link
 * dev.tokenx.testkit.Infrastructure} before a test class; {@link dev.tokenx.testkit.TestDatabases}
 * gives each class its own database.
 */
package dev.tokenx.testkit;
