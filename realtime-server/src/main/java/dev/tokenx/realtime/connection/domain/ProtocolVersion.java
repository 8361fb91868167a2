package dev.tokenx.realtime.connection.domain;

import java.util.Optional;

/**
 * The {@code protocol} query parameter of the WebSocket URL. Pusher no longer serves protocols 1 to 3;
 * pusher-java-client 2.x sends 5, pusher-js sends 7, and the subset served here behaves the same for 4 to 7.
 */
public final class ProtocolVersion {

    public static final int MIN = 4;
    public static final int MAX = 7;

    private ProtocolVersion() {}

    /** Why a connection asking for this protocol must be refused, or empty when it may proceed. */
    public static Optional<PusherError> refusal(String protocol) {
        if (protocol == null || protocol.isBlank()) {
            return Optional.of(PusherError.noProtocol());
        }
        int version;
        try {
            version = Integer.parseInt(protocol.trim());
        } catch (NumberFormatException notANumber) {
            return Optional.of(PusherError.invalidVersion(protocol));
        }
        if (version < MIN || version > MAX) {
            return Optional.of(PusherError.unsupportedProtocol(version));
        }
        return Optional.empty();
    }
}
