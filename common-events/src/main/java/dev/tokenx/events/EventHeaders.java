package dev.tokenx.events;

/** Kafka header names every producer writes and every consumer may read. */
public final class EventHeaders {

    /** The logical event name ({@code OrderPlaced}), never a Java class name. */
    public static final String EVENT_TYPE = "event-type";

    /** The event's id, for consumers that deduplicate before parsing. */
    public static final String EVENT_ID = "event-id";

    /** The request id of the HTTP request that caused the event, when there was one. */
    public static final String REQUEST_ID = "x-request-id";

    private EventHeaders() {}
}
