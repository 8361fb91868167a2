package dev.tokenx.gateway.ratelimit.domain;

import java.util.Objects;

/** Whose requests are counted together: one user (by verified token subject) or one client address. */
public record Partition(Kind kind, String value) {

    public enum Kind {
        USER("user"),
        IP("ip");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Partition {
        Objects.requireNonNull(kind, "kind");
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A partition needs a value");
        }
    }

    public static Partition user(String userId) {
        return new Partition(Kind.USER, userId);
    }

    public static Partition ip(String address) {
        return new Partition(Kind.IP, address);
    }
}
