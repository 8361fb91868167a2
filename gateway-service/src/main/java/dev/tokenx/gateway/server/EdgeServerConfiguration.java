package dev.tokenx.gateway.server;

import io.netty.channel.ChannelPipeline;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;

/**
 * The public port's connection handling: the request head deadline ({@link RequestHeadDeadline}) and problem answers
 * for what the HTTP codec refuses ({@link CodecRefusals}), on every HTTP/1.1 connection. The idle timeout of
 * keep-alive connections and the head size limits are Spring Boot's ({@code server.netty.*}).
 */
@Configuration(proxyBeanMethods = false)
class EdgeServerConfiguration {

    static final String BYTES_WATCHER = "tokenx.requestHeadBytes";
    static final String HEAD_WATCHER = "tokenx.requestHead";
    static final String CODEC_REFUSALS = "tokenx.codecRefusals";

    @Bean
    NettyServerCustomizer edgeConnectionHandling(EdgeServerProperties server) {
        return httpServer -> httpServer.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) == null
                    || pipeline.get(NettyPipeline.HttpTrafficHandler) == null) {
                return;
            }
            RequestHeadDeadline deadline = new RequestHeadDeadline(server.requestHeadTimeout());
            pipeline.addBefore(NettyPipeline.HttpCodec, BYTES_WATCHER, deadline.bytesWatcher());
            pipeline.addBefore(NettyPipeline.HttpTrafficHandler, HEAD_WATCHER, deadline.headWatcher());
            pipeline.addBefore(NettyPipeline.HttpTrafficHandler, CODEC_REFUSALS, new CodecRefusals());
        });
    }
}
