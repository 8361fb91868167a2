package dev.tokenx.notifications.delivery.application;

import java.util.Objects;
import java.util.Optional;

/** One consumed event, with the id of the request it follows from (for the log lines about its message). */
public record ReceivedEvent<E>(E event, Optional<String> requestId) {

    public ReceivedEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(requestId, "requestId");
    }
}
