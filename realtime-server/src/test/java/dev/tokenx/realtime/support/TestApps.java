package dev.tokenx.realtime.support;

/** The Pusher apps every test server hosts (see {@link ServerTest}). */
public final class TestApps {

    /** The app with the local id and key of application.yml, and a secret of the tests' own. */
    public static final TestApp LOCAL =
            new TestApp("tokenx-local", "tokenx-local-key", "realtime-test-local-app-secret");

    public static final TestApp OTHER = new TestApp("other-app", "other-app-key", "other-app-secret");

    public static final TestApp DISABLED = new TestApp("disabled-app", "disabled-app-key", "disabled-app-secret");

    private TestApps() {}

    /** The properties that configure the three apps, the disabled one switched off. */
    public static String[] properties() {
        return new String[] {
            "realtime.apps[0].id=" + LOCAL.id(),
            "realtime.apps[0].key=" + LOCAL.key(),
            "realtime.apps[0].secret=" + LOCAL.secret(),
            "realtime.apps[1].id=" + OTHER.id(),
            "realtime.apps[1].key=" + OTHER.key(),
            "realtime.apps[1].secret=" + OTHER.secret(),
            "realtime.apps[2].id=" + DISABLED.id(),
            "realtime.apps[2].key=" + DISABLED.key(),
            "realtime.apps[2].secret=" + DISABLED.secret(),
            "realtime.apps[2].enabled=false"
        };
    }

    public record TestApp(String id, String key, String secret) {}
}
