package dev.tokenx.gateway.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A real HTTP server that drops the connection, without answering, the first time it sees a request target, and
 * answers every later attempt at that target with 200: a service whose connection broke once.
 */
public final class FlakyUpstream implements AutoCloseable {

    private final ServerSocket server;
    private final Queue<String> attempts = new ConcurrentLinkedQueue<>();
    private final Thread acceptor;

    private FlakyUpstream() {
        try {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.acceptor = Thread.ofVirtual().start(this::acceptLoop);
    }

    public static FlakyUpstream start() {
        return new FlakyUpstream();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** The request lines ("GET /path?query HTTP/1.1") received whose target contains the marker. */
    public List<String> attemptsWith(String marker) {
        return attempts.stream().filter(line -> line.contains(marker)).toList();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor.interrupt();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket connection = server.accept();
                Thread.ofVirtual().start(() -> serve(connection));
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.US_ASCII));
            String requestLine = in.readLine();
            if (requestLine == null) {
                return;
            }
            int contentLength = 0;
            for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    contentLength = Integer.parseInt(header.substring(15).trim());
                }
            }
            in.skip(contentLength);
            String target = requestLine.split(" ")[1];
            boolean firstAttempt = attemptsWith(target).isEmpty();
            attempts.add(requestLine);
            if (firstAttempt) {
                return;
            }
            OutputStream out = connection.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                            + "Connection: close\r\n\r\n{}")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException brokenByTheClient) {
            // The gateway gave up on this connection: nothing to answer.
        }
    }
}
