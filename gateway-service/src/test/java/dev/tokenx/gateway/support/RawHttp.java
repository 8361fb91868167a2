package dev.tokenx.gateway.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Sends a request exactly as written. HTTP clients normalise dot segments, re-encode paths, refuse malformed
 * escapes and always finish their bodies, which would hide the very tricks the gateway must refuse.
 */
public final class RawHttp {

    private static final int READ_TIMEOUT_MILLIS = 10_000;

    /** The answer's status, content type and body ({@code ""} when there is none). */
    public record RawAnswer(int status, String contentType, String body) {}

    private RawHttp() {}

    public static RawAnswer get(int port, String rawTarget, String bearerToken) throws IOException {
        return exchange(
                port,
                "GET " + rawTarget + " HTTP/1.1\r\n"
                        + "Host: localhost:" + port + "\r\n"
                        + "Authorization: Bearer " + bearerToken + "\r\n"
                        + "Connection: close\r\n\r\n");
    }

    /** Sends the bytes as they are, then reads one answer. */
    public static RawAnswer exchange(int port, String rawRequest) throws IOException {
        try (Socket socket = open(port)) {
            send(socket, rawRequest);
            return read(socket);
        }
    }

    /** A connection to the gateway on the loopback address, with a read timeout so that no test can hang. */
    public static Socket open(int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        return socket;
    }

    public static void send(Socket socket, String raw) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Reads one answer: the head, then a {@code Content-Length} body or, without one, up to the end of stream. */
    public static RawAnswer read(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        String statusLine = line(in);
        String[] parts = statusLine == null ? new String[0] : statusLine.split(" ");
        if (parts.length < 2) {
            throw new IOException("No HTTP status line in answer: " + statusLine);
        }
        String contentType = null;
        int contentLength = -1;
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                contentType = header.substring("content-type:".length()).trim();
            } else if (lower.startsWith("content-length:")) {
                contentLength = Integer.parseInt(
                        header.substring("content-length:".length()).trim());
            }
        }
        byte[] body = contentLength >= 0 ? in.readNBytes(contentLength) : in.readAllBytes();
        return new RawAnswer(Integer.parseInt(parts[1]), contentType, new String(body, StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                return line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
