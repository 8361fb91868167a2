package dev.tokenx.notifications.support;

import static org.awaitility.Awaitility.await;

import com.pusher.client.Pusher;
import com.pusher.client.PusherOptions;
import com.pusher.client.channel.Channel;
import com.pusher.client.channel.PrivateChannelEventListener;
import com.pusher.client.channel.PusherEvent;
import com.pusher.client.connection.ConnectionEventListener;
import com.pusher.client.connection.ConnectionState;
import com.pusher.client.connection.ConnectionStateChange;
import com.pusher.client.util.HttpChannelAuthorizer;
import dev.tokenx.infra.ServiceProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The official pusher-java-client as an app uses it: connected to a realtime-server, authorizing private channels
 * through this service's {@code POST /api/realtime/auth} with the user's bearer token (its stock {@link
 * HttpChannelAuthorizer}: a form with {@code socket_id} and {@code channel_name}), recording every event it receives
 * in order of arrival.
 */
public final class RealtimeSubscriber implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);

    private final Pusher pusher;
    private final Map<String, List<PusherEvent>> events = new ConcurrentHashMap<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();

    private RealtimeSubscriber(Pusher pusher) {
        this.pusher = pusher;
    }

    /**
     * @param authEndpoint this service's channel authorization URL
     * @param bearerToken sent as {@code Authorization: Bearer ...} with each authorization request
     */
    public static RealtimeSubscriber connect(ServiceProcess realtimeServer, String authEndpoint, String bearerToken) {
        HttpChannelAuthorizer authorizer = new HttpChannelAuthorizer(authEndpoint);
        authorizer.setHeaders(Map.of("Authorization", "Bearer " + bearerToken));
        PusherOptions options = new PusherOptions()
                .setHost("127.0.0.1")
                .setWsPort(realtimeServer.port())
                .setUseTLS(false)
                .setChannelAuthorizer(authorizer);
        RealtimeSubscriber subscriber = new RealtimeSubscriber(new Pusher(TestApp.KEY, options));
        subscriber.pusher.connect(subscriber.new ConnectionRecorder(), ConnectionState.ALL);
        await().atMost(CONNECT_TIMEOUT)
                .until(() -> subscriber.pusher.getConnection().getState() == ConnectionState.CONNECTED);
        return subscriber;
    }

    /** Subscribes through the authorization endpoint and waits for the server's subscription_succeeded. */
    public void subscribePrivate(String channel, String... eventNames) {
        Channel subscribed = pusher.subscribePrivate(channel, new ChannelRecorder(), eventNames);
        await().atMost(CONNECT_TIMEOUT).until(subscribed::isSubscribed);
    }

    /** Asks to subscribe; a refused authorization shows in {@link #errors()}. */
    public void subscribePrivateWithoutWaiting(String channel, String... eventNames) {
        pusher.subscribePrivate(channel, new ChannelRecorder(), eventNames);
    }

    /** Subscribes to a public channel, which needs no authorization. */
    public void subscribe(String channel, String... eventNames) {
        Channel subscribed = pusher.subscribe(channel, new ChannelRecorder(), eventNames);
        await().atMost(CONNECT_TIMEOUT).until(subscribed::isSubscribed);
    }

    /** Every event received on the channel, in order of arrival. */
    public List<PusherEvent> received(String channel) {
        return List.copyOf(events.getOrDefault(channel, List.of()));
    }

    /** Authorization failures and {@code pusher:error}s, as "where: message". */
    public List<String> errors() {
        return List.copyOf(errors);
    }

    @Override
    public void close() {
        pusher.disconnect();
    }

    private final class ConnectionRecorder implements ConnectionEventListener {

        @Override
        public void onConnectionStateChange(ConnectionStateChange change) {
            // The connection's state is read from the client itself.
        }

        @Override
        public void onError(String message, String code, Exception e) {
            errors.add("connection " + code + ": " + message);
        }
    }

    private final class ChannelRecorder implements PrivateChannelEventListener {

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
    }
}
