package dev.tokenx.realtime.events.domain;

/** An event request that breaks a rule of the HTTP API other than size (Pusher answers 400). */
public class InvalidEventRequest extends RuntimeException {

    public InvalidEventRequest(String message) {
        super(message);
    }
}
