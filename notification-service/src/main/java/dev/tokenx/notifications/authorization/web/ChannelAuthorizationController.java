package dev.tokenx.notifications.authorization.web;

import dev.tokenx.notifications.authorization.application.AuthorizeChannel;
import dev.tokenx.notifications.authorization.domain.SubscriptionRequest;
import dev.tokenx.notifications.shared.web.InvalidRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The channel authorization endpoint Pusher clients call before subscribing to a private channel (pusher-js's {@code
 * channelAuthorization.endpoint}, pusher-java-client's {@code HttpChannelAuthorizer}), with the user's bearer token.
 * They send {@code socket_id} and {@code channel_name} as a form; JSON with the same field names is accepted too.
 */
@RestController
@RequestMapping("/api/realtime")
class ChannelAuthorizationController {

    private final AuthorizeChannel authorizeChannel;

    ChannelAuthorizationController(AuthorizeChannel authorizeChannel) {
        this.authorizeChannel = authorizeChannel;
    }

    @PostMapping(
            path = "/auth",
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ChannelAuthorizationResponse> authorizeForm(ServerWebExchange exchange, @AuthenticationPrincipal Jwt token) {
        return exchange.getFormData()
                // Spring's form reader throws a bare IllegalArgumentException for a malformed % escape.
                .onErrorMap(
                        IllegalArgumentException.class,
                        malformed -> new InvalidRequest("body", "is not a valid URL-encoded form"))
                .map(form -> authorize(token, subscriptionOf(form)));
    }

    @PostMapping(
            path = "/auth",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ChannelAuthorizationResponse authorizeJson(
            @RequestBody ChannelAuthorizationBody body, @AuthenticationPrincipal Jwt token) {
        return authorize(token, new SubscriptionRequest(body.socketId(), body.channelName()));
    }

    private ChannelAuthorizationResponse authorize(Jwt token, SubscriptionRequest request) {
        // The security configuration only admits tokens whose subject is a UUID.
        UUID userId = UUID.fromString(token.getSubject());
        return new ChannelAuthorizationResponse(authorizeChannel.authorize(userId, request));
    }

    private static SubscriptionRequest subscriptionOf(MultiValueMap<String, String> form) {
        return new SubscriptionRequest(
                single(form, SubscriptionRequest.SOCKET_ID), single(form, SubscriptionRequest.CHANNEL_NAME));
    }

    /** A field given twice is refused rather than guessed at: which of the two would a proxy have checked? */
    private static String single(MultiValueMap<String, String> form, String field) {
        List<String> values = form.getOrDefault(field, List.of());
        if (values.size() > 1) {
            throw new InvalidRequest(field, "must be given once");
        }
        return values.isEmpty() ? null : values.getFirst();
    }
}
