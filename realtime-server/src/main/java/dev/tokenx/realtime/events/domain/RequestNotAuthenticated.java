package dev.tokenx.realtime.events.domain;

/** An HTTP API request that is not provably from the app it addresses (Pusher answers 401). */
public class RequestNotAuthenticated extends RuntimeException {

    public RequestNotAuthenticated(String message) {
        super(message);
    }
}
