package dev.tokenx.realtime.connection.domain;

/**
 * A {@code pusher:error} as the Pusher Channels protocol defines it. Codes 4000–4099 close the connection
 * for good (clients must not reconnect unchanged), 4100–4199 close it and clients reconnect after a back-off,
 * 4200–4299 close it and clients reconnect at once; an error without a code leaves the connection open.
 *
 * @param code the protocol's error code, {@code null} for errors that do not close the connection
 * @param message a human explanation sent to the client
 */
public record PusherError(Integer code, String message) {

    public static PusherError unknownApp(String key) {
        return new PusherError(4001, "Application does not exist: no app has the key " + key);
    }

    public static PusherError appDisabled() {
        return new PusherError(4003, "Application disabled");
    }

    public static PusherError invalidVersion(String protocol) {
        return new PusherError(4006, "Invalid version string format: protocol=" + protocol);
    }

    public static PusherError unsupportedProtocol(int protocol) {
        return new PusherError(
                4007,
                "Unsupported protocol version " + protocol + "; supported: " + ProtocolVersion.MIN + " to "
                        + ProtocolVersion.MAX);
    }

    public static PusherError noProtocol() {
        return new PusherError(4008, "No protocol version supplied: add ?protocol=7 to the URL");
    }

    public static PusherError messageTooLarge(int size, int limit) {
        return new PusherError(4009, "Message of " + size + " bytes exceeds the limit of " + limit + " bytes");
    }

    public static PusherError overCapacity() {
        return new PusherError(4100, "Over capacity: the connection did not read its messages fast enough");
    }

    public static PusherError serverGoingAway() {
        return new PusherError(4200, "Server is shutting down; reconnect");
    }

    public static PusherError pongNotReceived() {
        return new PusherError(4201, "Pong reply not received: ping was sent to the client but no reply came");
    }

    public static PusherError withoutCode(String message) {
        return new PusherError(null, message);
    }

    public boolean closesConnection() {
        return code != null && code >= 4000 && code < 4300;
    }
}
