package dev.tokenx.realtime.support;

import com.pusher.rest.Pusher;
import com.pusher.rest.data.Event;
import com.pusher.rest.data.Result;
import java.net.URI;
import java.util.List;

/** The official pusher-http-java, publishing to a test server as a notification service would. */
public final class ServerApi implements AutoCloseable {

    private final Pusher pusher;

    private ServerApi(Pusher pusher) {
        this.pusher = pusher;
    }

    public static ServerApi of(int port, TestApps.TestApp app) {
        return of(port, app.id(), app.key(), app.secret());
    }

    public static ServerApi of(int port, String appId, String key, String secret) {
        return pointedAt(port, new Pusher(appId, key, secret));
    }

    /** Publishing to {@code private-encrypted-} channels encrypts the data before it leaves the library. */
    public static ServerApi withEncryption(int port, TestApps.TestApp app, String encryptionMasterKeyBase64) {
        return pointedAt(port, new Pusher(app.id(), app.key(), app.secret(), encryptionMasterKeyBase64));
    }

    private static ServerApi pointedAt(int port, Pusher pusher) {
        pusher.setHost("127.0.0.1:" + port);
        pusher.setEncrypted(false);
        return new ServerApi(pusher);
    }

    /** Triggers and returns the server's answer; the data is serialised to JSON by the library. */
    public Result trigger(String channel, String event, Object data) {
        return pusher.trigger(channel, event, data);
    }

    public Result trigger(List<String> channels, String event, Object data) {
        return pusher.trigger(channels, event, data);
    }

    public Result trigger(String channel, String event, Object data, String excludedSocketId) {
        return pusher.trigger(channel, event, data, excludedSocketId);
    }

    /** {@code POST /apps/{id}/batch_events}. */
    public Result triggerBatch(List<Event> batch) {
        return pusher.trigger(batch);
    }

    /** A URI signed by the library for a hand-made request to this app. */
    public URI signedUri(String method, String path, String body) {
        return pusher.signedUri(method, path, body);
    }

    @Override
    public void close() throws Exception {
        pusher.close();
    }
}
