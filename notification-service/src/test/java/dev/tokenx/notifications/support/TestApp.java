package dev.tokenx.notifications.support;

/** The Pusher app the test realtime servers host, and a secret they do not know. */
public final class TestApp {

    public static final String ID = "notifications-test";
    public static final String KEY = "notifications-test-key";
    public static final String SECRET = "notifications-test-secret";
    public static final String WRONG_SECRET = "notifications-guessed-secret";

    private TestApp() {}
}
