package dev.keyfence.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One table of DPoP cases (RFC 9449) that every Keyfence front door must answer alike, sent in
 * order for one token bound ({@code cnf.jkt}) to {@code boundKey}: a GET of {@code url} without a
 * proof, with a proof of another key, for another method or URL, too old, for another token, then
 * a good proof (200) and the same proof again (a replay). Each refusal is 401 with
 * {@code error_description="TOKEN_BINDING_MISMATCH"} and the policy's JSON body.
 */
public final class DpopCases {
    /** The challenge every refusal carries. */
    public static final String CHALLENGE =
            "Bearer error=\"invalid_token\", error_description=\"TOKEN_BINDING_MISMATCH\"";
    /** The body every refusal carries. */
    public static final String BODY = "{\"error\":\"invalid_token\",\"error_description\":\"TOKEN_BINDING_MISMATCH\"}";

    private DpopCases() {}

    /**
     * One request (its headers as name/value pairs) and its expected answer; a 200 case expects no
     * challenge and its body is the application's ({@code body} empty).
     */
    public record Case(
            String name, List<String[]> headers, int status, Optional<String> challenge, Optional<String> body) {
        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * Every case, in the order to send them.
     *
     * @param boundKey the key the token's {@code cnf.jkt} names
     * @param otherKey any other key
     * @param token    the DPoP-bound access token
     * @param url      the URL the requests go to (scheme, host, port, path)
     * @param now      the server's clock
     */
    public static List<Case> all(TestKey boundKey, TestKey otherKey, String token, String url, Instant now) {
        String good = DpopProofs.proof(boundKey, "GET", url, token, now).signedWith(boundKey);
        return List.of(
                refused(
                        "as a bearer token, without a proof",
                        List.<String[]>of(new String[] {"Authorization", "Bearer " + token})),
                refused("DPoP scheme without a proof", List.<String[]>of(new String[] {"Authorization", "DPoP " + token
                })),
                refused(
                        "proof of another key",
                        dpop(
                                token,
                                DpopProofs.proof(otherKey, "GET", url, token, now)
                                        .signedWith(otherKey))),
                refused(
                        "proof for another method (htm)",
                        dpop(
                                token,
                                DpopProofs.proof(boundKey, "POST", url, token, now)
                                        .signedWith(boundKey))),
                refused(
                        "proof for another URL (htu)",
                        dpop(
                                token,
                                DpopProofs.proof(boundKey, "GET", url + "/other", token, now)
                                        .signedWith(boundKey))),
                refused(
                        "stale proof (iat ten minutes old)",
                        dpop(
                                token,
                                DpopProofs.proof(boundKey, "GET", url, token, now.minus(Duration.ofMinutes(10)))
                                        .signedWith(boundKey))),
                refused(
                        "proof for another token (ath)",
                        dpop(
                                token,
                                DpopProofs.proof(boundKey, "GET", url, token, now)
                                        .claim("ath", DpopProofs.ath(token + "x"))
                                        .signedWith(boundKey))),
                new Case("fresh proof of the bound key", dpop(token, good), 200, Optional.empty(), Optional.empty()),
                refused("the same proof again (jti replayed)", dpop(token, good)));
    }

    private static List<String[]> dpop(String token, String proof) {
        return List.of(new String[] {"Authorization", "DPoP " + token}, new String[] {"DPoP", proof});
    }

    private static Case refused(String name, List<String[]> headers) {
        return new Case(name, headers, 401, Optional.of(CHALLENGE), Optional.of(BODY));
    }
}
