package dev.tokenx.notifications.delivery.domain;

/**
 * An event that lacks what its message needs (the user to send it to, the order it is about). Trying again cannot
 * help: it goes to the dead-letter topic at once.
 */
public final class UndeliverableEvent extends RuntimeException {

    public UndeliverableEvent(String message) {
        super(message);
    }
}
