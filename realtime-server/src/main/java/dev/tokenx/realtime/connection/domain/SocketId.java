package dev.tokenx.realtime.connection.domain;

import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The id of one WebSocket connection, {@code <digits>.<digits>} as Pusher clients and server libraries
 * validate it. It is part of every private-channel signature, so it is drawn from a secure random source:
 * a guessable id would let a signature be prepared for a connection that does not exist yet.
 */
public record SocketId(String value) {

    private static final Pattern FORMAT = Pattern.compile("\\d{1,19}\\.\\d{1,19}");
    private static final long BOUND = 10_000_000_000L;

    public SocketId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("A socket id looks like 1234.5678, not " + value);
        }
    }

    public static SocketId random(RandomGenerator random) {
        return new SocketId(random.nextLong(1, BOUND) + "." + random.nextLong(1, BOUND));
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
