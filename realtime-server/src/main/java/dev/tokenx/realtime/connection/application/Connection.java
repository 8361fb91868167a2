package dev.tokenx.realtime.connection.application;

import dev.tokenx.realtime.apps.domain.PusherApp;
import dev.tokenx.realtime.channel.domain.ChannelName;
import dev.tokenx.realtime.connection.domain.PusherError;
import dev.tokenx.realtime.connection.domain.SocketId;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * One established WebSocket connection: its app, its channels, its queue of outgoing frames, and the
 * heartbeat state.
 *
 * <p>Frames come from several threads (the connection's own event loop, HTTP API requests, the Redis
 * listener) and a Reactor sink must not be fed concurrently, so every write holds this object's monitor.
 * The queue is bounded: a client that stops reading is closed with 4100 instead of growing the heap.
 */
public final class Connection {

    private static final long NOT_PINGED = Long.MIN_VALUE;

    private final SocketId socketId;
    private final PusherApp app;
    private final PusherMessages messages;
    private final Sinks.Many<Frame> outbound;
    private final Set<ChannelName> channels = ConcurrentHashMap.newKeySet();
    private long lastInboundNanos;
    private long pingSentNanos = NOT_PINGED;
    private PusherError closeReason;
    private boolean finished;

    Connection(SocketId socketId, PusherApp app, PusherMessages messages, int outboundBuffer, long nowNanos) {
        this.socketId = socketId;
        this.app = app;
        this.messages = messages;
        this.outbound = Sinks.many()
                .unicast()
                .onBackpressureBuffer(Queues.<Frame>get(outboundBuffer).get());
        this.lastInboundNanos = nowNanos;
    }

    public SocketId socketId() {
        return socketId;
    }

    public PusherApp app() {
        return app;
    }

    /** The frames to write, in order; completes once the connection is closed or finished. */
    public Flux<Frame> frames() {
        return outbound.asFlux();
    }

    /** Why the server closed the connection, if it did: the close frame carries this code. */
    public synchronized Optional<PusherError> closeReason() {
        return Optional.ofNullable(closeReason);
    }

    Set<ChannelName> channels() {
        return channels;
    }

    /** Queues a message; false when the connection is gone (or just overflowed and was closed). */
    synchronized boolean send(String json) {
        return send(new Frame.Text(json));
    }

    /** Queues the error, then ends the output: the adapter closes the socket with the error's code. */
    synchronized void close(PusherError reason) {
        if (finished) {
            return;
        }
        closeReason = reason;
        outbound.tryEmitNext(new Frame.Text(messages.error(reason)));
        finish();
    }

    /** Ends the output without a reason, when the client went away. */
    synchronized void finish() {
        if (!finished) {
            finished = true;
            outbound.tryEmitComplete();
        }
    }

    /** Any frame from the client proves it alive. */
    synchronized void touch(long nowNanos) {
        lastInboundNanos = nowNanos;
        pingSentNanos = NOT_PINGED;
    }

    /**
     * The server side of Pusher's heartbeat: after {@code activityTimeout} of silence from the client, ping
     * it; if nothing arrives within {@code pongTimeout} after that, close it with 4201.
     */
    synchronized void checkActivity(long nowNanos, long activityTimeoutNanos, long pongTimeoutNanos) {
        if (finished) {
            return;
        }
        if (pingSentNanos == NOT_PINGED) {
            if (nowNanos - lastInboundNanos >= activityTimeoutNanos) {
                pingSentNanos = nowNanos;
                send(new Frame.Ping());
                send(new Frame.Text(messages.ping()));
            }
        } else if (nowNanos - pingSentNanos >= pongTimeoutNanos) {
            close(PusherError.pongNotReceived());
        }
    }

    private boolean send(Frame frame) {
        if (finished) {
            return false;
        }
        Sinks.EmitResult result = outbound.tryEmitNext(frame);
        // A full queue reports FAIL_ZERO_SUBSCRIBER until the socket has started reading it.
        if (result == Sinks.EmitResult.FAIL_OVERFLOW || result == Sinks.EmitResult.FAIL_ZERO_SUBSCRIBER) {
            // The queue is full, so the error message cannot be queued; the close frame still carries 4100.
            closeReason = PusherError.overCapacity();
            finish();
        }
        return result.isSuccess();
    }

    @Override
    public String toString() {
        return "Connection[" + socketId + ", app " + app.id() + "]";
    }
}
