package dev.tokenx.realtime.support;

import com.pusher.client.ChannelAuthorizer;
import com.pusher.rest.Pusher;

/**
 * Authorizers for pusher-java-client's private channels. A real client asks the backend's auth endpoint,
 * which signs with pusher-http-java's {@code authenticate}; these sign the same way, in process.
 */
public final class ChannelAuthorizers {

    private ChannelAuthorizers() {}

    public static ChannelAuthorizer signedBy(TestApps.TestApp app) {
        Pusher signer = new Pusher(app.id(), app.key(), app.secret());
        return (channelName, socketId) -> signer.authenticate(socketId, channelName);
    }

    /**
     * For {@code private-encrypted-} channels: the library adds the channel's shared secret, derived from the
     * master key, which only the publisher and the subscriber know.
     */
    public static ChannelAuthorizer signedWithEncryption(TestApps.TestApp app, String encryptionMasterKeyBase64) {
        Pusher signer = new Pusher(app.id(), app.key(), app.secret(), encryptionMasterKeyBase64);
        return (channelName, socketId) -> signer.authenticate(socketId, channelName);
    }

    /** A signature for another connection: what a stolen or replayed auth response looks like. */
    public static ChannelAuthorizer signedForSocket(TestApps.TestApp app, String otherSocketId) {
        Pusher signer = new Pusher(app.id(), app.key(), app.secret());
        return (channelName, socketId) -> signer.authenticate(otherSocketId, channelName);
    }

    /** The app's key with a signature under a secret the server does not know. */
    public static ChannelAuthorizer withWrongSecret(TestApps.TestApp app) {
        Pusher signer = new Pusher(app.id(), app.key(), app.secret() + "-guessed");
        return (channelName, socketId) -> signer.authenticate(socketId, channelName);
    }
}
