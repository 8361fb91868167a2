package dev.tokenx.realtime.support;

import static org.awaitility.Awaitility.await;

import com.pusher.client.ChannelAuthorizer;
import com.pusher.client.Pusher;
import com.pusher.client.PusherOptions;
import com.pusher.client.channel.Channel;
import com.pusher.client.channel.PrivateChannel;
import com.pusher.client.channel.PrivateEncryptedChannel;
import com.pusher.client.channel.PrivateEncryptedChannelEventListener;
import com.pusher.client.channel.PusherEvent;
import com.pusher.client.connection.ConnectionEventListener;
import com.pusher.client.connection.ConnectionState;
import com.pusher.client.connection.ConnectionStateChange;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The official pusher-java-client, connected to a test server, recording what it receives: events per
 * channel, errors and state changes.
 */
public final class PusherClient implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final Pusher pusher;
    private final Map<String, List<PusherEvent>> events = new ConcurrentHashMap<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final List<ConnectionState> states = new CopyOnWriteArrayList<>();

    private PusherClient(Pusher pusher) {
        this.pusher = pusher;
    }

    /**
     * @param activityTimeout how long the client waits without hearing from the server before it pings
     */
    public record Options(String appKey, ChannelAuthorizer authorizer, Duration activityTimeout, Duration pongTimeout) {

        public static Options of(String appKey, ChannelAuthorizer authorizer) {
            return new Options(appKey, authorizer, Duration.ofSeconds(120), Duration.ofSeconds(30));
        }

        public Options withHeartbeat(Duration activityTimeout, Duration pongTimeout) {
            return new Options(appKey, authorizer, activityTimeout, pongTimeout);
        }
    }

    public static PusherClient connect(int port, String appKey, ChannelAuthorizer authorizer) {
        return connect(port, Options.of(appKey, authorizer));
    }

    public static PusherClient connect(int port, Options options) {
        PusherOptions pusherOptions = new PusherOptions()
                .setHost("127.0.0.1")
                .setWsPort(port)
                .setUseTLS(false)
                .setChannelAuthorizer(options.authorizer())
                .setActivityTimeout(options.activityTimeout().toMillis())
                .setPongTimeout(options.pongTimeout().toMillis());
        PusherClient client = new PusherClient(new Pusher(options.appKey(), pusherOptions));
        client.pusher.connect(client.new Recorder(), ConnectionState.ALL);
        await().atMost(CONNECT_TIMEOUT)
                .until(() ->
                        client.state() == ConnectionState.CONNECTED || client.state() == ConnectionState.DISCONNECTED);
        return client;
    }

    public ConnectionState state() {
        return pusher.getConnection().getState();
    }

    public String socketId() {
        return pusher.getConnection().getSocketId();
    }

    /** Subscribes and waits for {@code pusher_internal:subscription_succeeded}. */
    public Channel subscribe(String channel, String... eventNames) {
        Channel subscribed = pusher.subscribe(channel, new ChannelRecorder(), eventNames);
        await().until(subscribed::isSubscribed);
        return subscribed;
    }

    /** Subscribes and waits for {@code pusher_internal:subscription_succeeded}. */
    public PrivateChannel subscribePrivate(String channel, String... eventNames) {
        PrivateChannel subscribed = subscribePrivateWithoutWaiting(channel, eventNames);
        await().until(subscribed::isSubscribed);
        return subscribed;
    }

    public PrivateChannel subscribePrivateWithoutWaiting(String channel, String... eventNames) {
        return pusher.subscribePrivate(channel, new ChannelRecorder(), eventNames);
    }

    /** An end-to-end encrypted channel: the client decrypts with the shared secret from its authorizer. */
    public PrivateEncryptedChannel subscribePrivateEncrypted(String channel, String... eventNames) {
        PrivateEncryptedChannel subscribed =
                pusher.subscribePrivateEncrypted(channel, new ChannelRecorder(), eventNames);
        await().until(subscribed::isSubscribed);
        return subscribed;
    }

    public void unsubscribe(String channel) {
        pusher.unsubscribe(channel);
    }

    /** The data of each event received on the channel, in order of arrival. */
    public List<String> received(String channel) {
        return events(channel).stream().map(PusherEvent::getData).toList();
    }

    public List<PusherEvent> events(String channel) {
        return List.copyOf(events.getOrDefault(channel, List.of()));
    }

    /** Each {@code pusher:error}, connection, authorizer and decryption failure, as "code: message". */
    public List<String> errors() {
        return List.copyOf(errors);
    }

    public List<ConnectionState> states() {
        return List.copyOf(states);
    }

    @Override
    public void close() {
        pusher.disconnect();
    }

    private final class Recorder implements ConnectionEventListener {

        @Override
        public void onConnectionStateChange(ConnectionStateChange change) {
            states.add(change.getCurrentState());
        }

        @Override
        public void onError(String message, String code, Exception e) {
            errors.add(code + ": " + message);
        }
    }

    private final class ChannelRecorder implements PrivateEncryptedChannelEventListener {

        @Override
        public void onSubscriptionSucceeded(String channelName) {
            // Channel.isSubscribed() reports it.
        }

        @Override
        public void onEvent(PusherEvent event) {
            events.computeIfAbsent(event.getChannelName(), channel -> new CopyOnWriteArrayList<>())
                    .add(event);
        }

        @Override
        public void onAuthenticationFailure(String message, Exception e) {
            errors.add("authorization: " + message);
        }

        @Override
        public void onDecryptionFailure(String event, String reason) {
            errors.add("decryption of " + event + ": " + reason);
        }
    }
}
