package dev.tokenx.gateway.ratelimit.domain;

import java.util.Locale;

/** The per-minute tiers of ARCHITECTURE.md: strict 10 (auth, payments, admin), moderate 30, lenient 100. */
public enum Tier {
    STRICT,
    MODERATE,
    LENIENT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
