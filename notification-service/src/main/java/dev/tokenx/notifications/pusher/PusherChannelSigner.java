package dev.tokenx.notifications.pusher;

import com.pusher.rest.Pusher;
import dev.tokenx.notifications.authorization.application.ChannelSigner;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** pusher-http-java's {@code authenticate}: the same signature Pusher's own server libraries produce. */
@Component
class PusherChannelSigner implements ChannelSigner {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final Pusher pusher;

    PusherChannelSigner(Pusher pusher) {
        this.pusher = pusher;
    }

    @Override
    public String sign(String socketId, String channelName) {
        // The library answers with the whole response body, {"auth":"<key>:<signature>"}; the web layer writes its own.
        return MAPPER.readValue(pusher.authenticate(socketId, channelName), AuthBody.class)
                .auth();
    }

    private record AuthBody(String auth) {}
}
