package dev.keyfence.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket to 127.0.0.1, sending the request target byte for byte as given:
 * no client-side normalization of {@code ..}, {@code //}, {@code ;} or escapes, as an attacker
 * would send it.
 */
public final class RawHttp {
    private static final int TIMEOUT_MILLIS = 20_000;

    /** Status and every {@code WWW-Authenticate} value of a reply. */
    public record Reply(int status, List<String> challenges) {}

    private RawHttp() {}

    /** A GET of {@code target} with an optional bearer token ({@code null} for none). */
    public static Reply get(int port, String target, String bearerToken) {
        StringBuilder req = new StringBuilder("GET ")
                .append(target)
                .append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:")
                .append(port)
                .append("\r\n");
        if (bearerToken != null) {
            req.append("Authorization: Bearer ").append(bearerToken).append("\r\n");
        }
        req.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            String status = in.readLine();
            if (status == null || !status.startsWith("HTTP/1.1 ") || status.length() < 12) {
                throw new IllegalStateException("no HTTP status line for " + target + ": " + status);
            }
            List<String> challenges = new ArrayList<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                int colon = line.indexOf(':');
                if (colon > 0
                        && line.substring(0, colon).toLowerCase(Locale.ROOT).equals("www-authenticate")) {
                    challenges.add(line.substring(colon + 1).strip());
                }
            }
            return new Reply(Integer.parseInt(status.substring(9, 12)), List.copyOf(challenges));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
