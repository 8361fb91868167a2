package dev.tokenx.notifications.support;

import java.util.UUID;

/** The demo users' fixed ids (the team brief's shared identities). */
public final class Users {

    public static final UUID ALICE = UUID.fromString("a11ce000-0000-4000-8000-000000000001");
    public static final UUID BOB = UUID.fromString("b0b00000-0000-4000-8000-000000000002");

    private Users() {}
}
