package dev.tokenx.testkit;

import java.util.function.Supplier;

/**
 * A server started on first use and shared by every later caller in the JVM. A failed start is
 * remembered, so the following test classes fail at once with the original cause instead of waiting
 * through the same timeout again.
 */
final class Once<T> {

    private final String name;
    private final Supplier<T> starter;
    private volatile T value;
    private RuntimeException failure;

    Once(String name, Supplier<T> starter) {
        this.name = name;
        this.starter = starter;
    }

    T get() {
        T started = value;
        return started != null ? started : startOnce();
    }

    private synchronized T startOnce() {
        if (value == null) {
            if (failure != null) {
                throw new IllegalStateException(name + " failed to start earlier in this JVM", failure);
            }
            try {
                value = starter.get();
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }
        return value;
    }
}
