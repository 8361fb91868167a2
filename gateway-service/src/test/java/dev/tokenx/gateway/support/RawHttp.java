package dev.tokenx.gateway.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Sends a request line exactly as written. HTTP clients normalise dot segments and re-encode paths, which
 * would hide the very tricks the gateway must refuse.
 */
public final class RawHttp {

    private static final int READ_TIMEOUT_MILLIS = 10_000;

    public record RawAnswer(int status, String contentType) {}

    private RawHttp() {}

    public static RawAnswer get(int port, String rawTarget, String bearerToken) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            String request = "GET " + rawTarget + " HTTP/1.1\r\n"
                    + "Host: localhost:" + port + "\r\n"
                    + "Authorization: Bearer " + bearerToken + "\r\n"
                    + "Connection: close\r\n\r\n";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return readHead(
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)));
        }
    }

    private static RawAnswer readHead(BufferedReader in) throws IOException {
        String statusLine = in.readLine();
        String[] parts = statusLine == null ? new String[0] : statusLine.split(" ");
        if (parts.length < 2) {
            throw new IOException("No HTTP status line in answer: " + statusLine);
        }
        String contentType = null;
        for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
            if (header.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                contentType = header.substring("content-type:".length()).trim();
            }
        }
        return new RawAnswer(Integer.parseInt(parts[1]), contentType);
    }
}
