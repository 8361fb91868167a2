package dev.tokenx.notifications.authorization.application;

import dev.tokenx.notifications.authorization.domain.ChannelForbidden;
import dev.tokenx.notifications.authorization.domain.SubscriptionRequest;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Answers a Pusher client's channel authorization for the user of a verified token: a signature for the user's own
 * private channel, a refusal for anything else.
 */
@Service
public class AuthorizeChannel {

    private static final Logger log = LoggerFactory.getLogger(AuthorizeChannel.class);

    private final ChannelSigner signer;

    AuthorizeChannel(ChannelSigner signer) {
        this.signer = signer;
    }

    /**
     * @return the {@code auth} value for the client to subscribe with
     * @throws ChannelForbidden when the channel is not the user's own
     */
    public String authorize(UUID userId, SubscriptionRequest request) {
        if (!request.isOwnChannelOf(userId)) {
            // Worth a line: a client asking for someone else's channel is a bug or a probe.
            log.warn("User {} was refused channel {}", userId, request.channelName());
            throw new ChannelForbidden(request.channelName());
        }
        return signer.sign(request.socketId(), request.channelName());
    }
}
