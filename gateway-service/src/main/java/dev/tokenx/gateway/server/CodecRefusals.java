package dev.tokenx.gateway.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;

/**
 * Answers the requests that never reach WebFlux as problems. Reactor Netty answers a head the codec could not
 * decode (request line over {@code server.netty.max-initial-line-length}, headers over
 * {@code server.max-http-request-header-size}) with an empty 414, 431 or 400, and Spring answers a request target
 * that is no URI (a malformed {@code %} escape, a lone {@code %}, a raw space) with an empty 400 before any handler;
 * here each becomes an {@code application/problem+json} with a stable {@code code}, and the connection closes, as
 * nothing more on it can be trusted to be framed right.
 *
 * <p>Sits between the HTTP codec and Reactor Netty's own handler. Per request: one check of the decoder result and
 * one pass over the request target's characters (a URI is parsed only when the target has a character outside the
 * plain set).
 */
final class CodecRefusals extends ChannelInboundHandlerAdapter {

    private boolean refused;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest request) {
            Refusal refusal = refusalOf(request);
            if (refusal != null) {
                ReferenceCountUtil.release(msg);
                refuse(ctx, refusal);
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    private static Refusal refusalOf(HttpRequest request) {
        DecoderResult result = request.decoderResult();
        if (result.isFailure()) {
            return switch (result.cause()) {
                case TooLongHttpLineException line -> Refusal.URI_TOO_LONG;
                case TooLongHttpHeaderException headers -> Refusal.HEADERS_TOO_LARGE;
                case TooLongFrameException other -> Refusal.HEADERS_TOO_LARGE;
                default -> Refusal.MALFORMED_REQUEST;
            };
        }
        return RequestTargets.isUri(request.uri()) ? null : Refusal.MALFORMED_URI;
    }

    private void refuse(ChannelHandlerContext ctx, Refusal refusal) {
        refused = true;
        ByteBuf body = Unpooled.copiedBuffer(refusal.problemJson(), StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, refusal.status, body);
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    enum Refusal {
        URI_TOO_LONG(HttpResponseStatus.REQUEST_URI_TOO_LONG, "URI_TOO_LONG", "The request line is too long."),
        HEADERS_TOO_LARGE(
                HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                "HEADERS_TOO_LARGE",
                "The request headers are too large."),
        MALFORMED_REQUEST(HttpResponseStatus.BAD_REQUEST, "MALFORMED_REQUEST", "The request is not valid HTTP."),
        MALFORMED_URI(
                HttpResponseStatus.BAD_REQUEST,
                "MALFORMED_URI",
                "The request target is not a valid URI (for example a malformed percent escape).");

        private final HttpResponseStatus status;
        private final String code;
        private final String detail;

        Refusal(HttpResponseStatus status, String code, String detail) {
            this.status = status;
            this.code = code;
            this.detail = detail;
        }

        /** Constant texts only, so the JSON needs no escaping. */
        String problemJson() {
            return "{\"type\":\"about:blank\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\",\"code\":\"%s\"}"
                    .formatted(status.reasonPhrase(), status.code(), detail, code);
        }
    }
}
