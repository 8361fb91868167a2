package dev.tokenx.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Finds TCP ports that nothing listens on, for servers started by tests. */
public final class FreePorts {

    private FreePorts() {}

    /**
     * Returns a port that was free on 127.0.0.1 a moment ago. The kernel hands out ephemeral ports
     * round-robin, so the port is very unlikely to be taken again before the caller binds it.
     */
    public static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free TCP port on 127.0.0.1", e);
        }
    }
}
