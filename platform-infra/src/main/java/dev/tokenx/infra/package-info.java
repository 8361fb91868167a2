/**
 * Real infrastructure without Docker: PostgreSQL, Redis, a Kafka KRaft broker and an anvil chain,
 * each started as a child process on a given port, with either a persistent data folder (local
 * platform) or a temporary one (tests). Every handle stops its process in a JVM shutdown hook.
 */
package dev.tokenx.infra;
