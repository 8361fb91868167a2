package dev.tokenx.realtime.events.domain;

/** Event data or a request body over the HTTP API's size limit (Pusher answers 413). */
public class EventTooLarge extends RuntimeException {

    public EventTooLarge(String message) {
        super(message);
    }
}
