package dev.keyfence.examples.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sends {@code GET /api/me} with a bearer token over real HTTP. */
public final class ReplayClient {

    private static final Pattern DESCRIPTION = Pattern.compile("error_description=\"([^\"]*)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    /**
     * Calls the endpoint with {@code Authorization: Bearer token}.
     *
     * @param apiMe the endpoint
     * @param token the bearer token
     * @return status and the challenge's {@code error_description}, if any
     */
    public Response call(URI apiMe, String token) {
        HttpRequest request = HttpRequest.newBuilder(apiMe)
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), reasonOf(response));
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + apiMe + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during GET " + apiMe, e);
        }
    }

    private static Optional<String> reasonOf(HttpResponse<String> response) {
        return response.headers()
                .firstValue("WWW-Authenticate")
                .map(DESCRIPTION::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .filter(reason -> reason.matches("[A-Z_]+"));
    }
}
