package dev.tokenx.gateway.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection whose request head (request line and headers) does not arrive within the deadline, counted
 * from its first byte. Netty's idle timeout alone is reset by every byte, so a client sending a header byte every few
 * seconds (slowloris) would hold the connection, and a slot of the edge, forever.
 *
 * <p>Two handlers share one per-connection state: {@link #bytesWatcher()} sits before the HTTP codec and arms the
 * deadline on the first byte that arrives while no request is in flight; {@link #headWatcher()} sits after it,
 * disarms it when the decoded head passes and counts the request in flight until its answer is written. After a
 * WebSocket upgrade both leave the connection. Per request: one task scheduled on the connection's event loop and
 * cancelled, no allocation besides it. Both run on the connection's event loop only, so the state needs no lock.
 */
final class RequestHeadDeadline {

    private final long timeoutNanos;
    /** Heads received whose answer is not fully written yet; pipelined requests make it more than one. */
    private int inFlight;

    private ScheduledFuture<?> deadline;

    private final ChannelInboundHandlerAdapter bytesWatcher = new BytesWatcher();
    private final ChannelDuplexHandler headWatcher = new HeadWatcher();

    RequestHeadDeadline(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    ChannelInboundHandlerAdapter bytesWatcher() {
        return bytesWatcher;
    }

    ChannelDuplexHandler headWatcher() {
        return headWatcher;
    }

    private final class BytesWatcher extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (inFlight == 0 && deadline == null && msg instanceof ByteBuf bytes && bytes.isReadable()) {
                deadline = ctx.executor().schedule(() -> ctx.channel().close(), timeoutNanos, TimeUnit.NANOSECONDS);
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            disarm();
            ctx.fireChannelInactive();
        }
    }

    private final class HeadWatcher extends ChannelDuplexHandler {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest) {
                disarm();
                inFlight++;
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            boolean upgraded = msg instanceof HttpResponse response
                    && response.status().code() == HttpResponseStatus.SWITCHING_PROTOCOLS.code();
            if (msg instanceof LastHttpContent && inFlight > 0) {
                inFlight--;
            }
            ctx.write(msg, promise);
            if (upgraded) {
                // WebSocket frames follow, never another head: the session has its own heartbeat.
                disarm();
                ctx.pipeline().remove(bytesWatcher);
                ctx.pipeline().remove(this);
            }
        }
    }

    private void disarm() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }
}
