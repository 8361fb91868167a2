package dev.tokenx.events;

/** A record named a type this reader does not know, or named none: a poison record for the dead-letter topic. */
public class UnknownEventType extends IllegalArgumentException {

    public UnknownEventType(String type) {
        super("Unknown event type: " + type);
    }
}
