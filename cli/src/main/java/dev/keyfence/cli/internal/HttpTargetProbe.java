package dev.keyfence.cli.internal;

import dev.keyfence.DrillTargetCheck;
import dev.keyfence.DrillTargetProbe;
import dev.keyfence.Reason;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code drill --target URL}: sends each minted token with {@code GET URL} and
 * {@code Authorization: Bearer} to the one URL the user named (no redirect is followed), and
 * requires 401 with the shadow's reason in {@code error_description} for the attack and 2xx for
 * its counterpart. Attacks at a resource other than the one the URL's path is routed to are not sent.
 */
final class HttpTargetProbe implements DrillTargetProbe {
    private static final Pattern DESCRIPTION = Pattern.compile("error_description=\"([^\"]*)\"");

    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI target;
    private final String shown;
    private final String resource;

    /**
     * @param target   the URL every request goes to
     * @param shown    the URL as printed (scheme, host, port and path only)
     * @param resource the resource (profile) name the target applies at that path
     */
    HttpTargetProbe(URI target, String shown, String resource) {
        this.target = target;
        this.shown = shown;
        this.resource = resource;
    }

    @Override
    public DrillTargetCheck check(
            String attack, String attackResource, Optional<Reason> expected, String token, String counterpartToken) {
        if (!attackResource.equals(resource)) {
            return DrillTargetCheck.notSent(
                    "minted for resource " + attackResource + ", but " + shown + " is served by resource " + resource);
        }
        HttpResponse<Void> a = send(token);
        HttpResponse<Void> c = send(counterpartToken);
        Optional<String> reason = a.headers()
                .firstValue("WWW-Authenticate")
                .map(DESCRIPTION::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1));
        String want = expected.map(Reason::name).orElse("(none: the shadow accepted the attack)");
        boolean attackOk = a.statusCode() == 401 && expected.isPresent() && reason.equals(expected.map(Reason::name));
        boolean counterpartOk = c.statusCode() / 100 == 2;
        Optional<String> note = Optional.empty();
        if (!attackOk || !counterpartOk) {
            note = Optional.of("answered " + a.statusCode() + " " + reason.orElse("(no error_description)")
                    + ", expected 401 " + want
                    + (counterpartOk ? "" : "; the legitimate counterpart got " + c.statusCode() + ", expected 2xx"));
        }
        return new DrillTargetCheck(true, a.statusCode(), reason, c.statusCode(), attackOk && counterpartOk, note);
    }

    private HttpResponse<Void> send(String token) {
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UsageError(
                    "--target: cannot reach " + shown + ": " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageError("--target: interrupted while sending to " + shown);
        }
    }
}
