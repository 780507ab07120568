package dev.keyfence.testkit;

import java.util.List;
import java.util.Optional;

/**
 * One table of credential cases (RFC 6750) that every Keyfence front door must answer alike:
 * the same status, {@code WWW-Authenticate} challenge and body. {@code TOKEN} in a header, query
 * or form stands for a token the server accepts. Adapter tests send each case over real HTTP and
 * compare with {@link Case#status()}, {@link Case#challenge()} and {@link Case#body()}.
 */
public final class CredentialCases {
    /** Placeholder for a token the server accepts. */
    public static final String TOKEN = "{TOKEN}";

    private static final String MULTIPLE = error("invalid_request", "more than one credential in the request");
    private static final String MALFORMED = error("invalid_request", "malformed Authorization header");
    private static final String QUERY = error("invalid_request", "access_token in the query string is not accepted");

    private CredentialCases() {}

    /**
     * One request and its expected answer. A 200 case expects no challenge; its body is the
     * application's and is not compared ({@code body} empty).
     */
    public record Case(
            String name,
            String method,
            String query,
            List<String> authorization,
            Optional<String> form,
            int status,
            Optional<String> challenge,
            Optional<String> body) {
        /** The challenge's error description when it carries one (for readable failures). */
        @Override
        public String toString() {
            return name;
        }
    }

    /** Every case, in a fixed order. */
    public static List<Case> all() {
        return List.of(
                ok("accepted token", List.of("Bearer " + TOKEN)),
                ok("scheme in any case", List.of("bEARER " + TOKEN)),
                ok("two spaces after the scheme (RFC 6750: 1*SP)", List.of("Bearer  " + TOKEN)),
                missing("no Authorization header", List.of()),
                missing("another scheme (Basic)", List.of("Basic YWxpY2U6c2VjcmV0")),
                refused("two Authorization headers", "", List.of("Bearer " + TOKEN, "Bearer " + TOKEN), MULTIPLE),
                refused("Basic and Bearer headers", "", List.of("Basic YWxpY2U6c2VjcmV0", "Bearer " + TOKEN), MULTIPLE),
                refused("query token (off by default)", "access_token=" + TOKEN, List.of(), QUERY),
                refused("query token beside a header", "access_token=" + TOKEN, List.of("Bearer " + TOKEN), QUERY),
                refused("Bearer without token", "", List.of("Bearer"), MALFORMED),
                refused("Bearer with two tokens", "", List.of("Bearer a b"), MALFORMED),
                refused("token with a comma", "", List.of("Bearer a,b"), MALFORMED),
                refused("token in quotes", "", List.of("Bearer \"abc\""), MALFORMED),
                new Case(
                        "form token (off by default: the body is not read)",
                        "POST",
                        "",
                        List.of(),
                        Optional.of("access_token=" + TOKEN),
                        401,
                        Optional.of("Bearer"),
                        Optional.of("")),
                new Case(
                        "garbage token",
                        "GET",
                        "",
                        List.of("Bearer abc"),
                        Optional.empty(),
                        401,
                        Optional.of("Bearer error=\"invalid_token\", error_description=\"MALFORMED_TOKEN\""),
                        Optional.of(error("invalid_token", "MALFORMED_TOKEN"))));
    }

    private static Case ok(String name, List<String> authorization) {
        return new Case(name, "GET", "", authorization, Optional.empty(), 200, Optional.empty(), Optional.empty());
    }

    private static Case missing(String name, List<String> authorization) {
        return new Case(name, "GET", "", authorization, Optional.empty(), 401, Optional.of("Bearer"), Optional.of(""));
    }

    private static Case refused(String name, String query, List<String> authorization, String body) {
        String description = body.substring(body.indexOf("error_description\":\"") + 20, body.length() - 2);
        return new Case(
                name,
                "GET",
                query,
                authorization,
                Optional.empty(),
                400,
                Optional.of("Bearer error=\"invalid_request\", error_description=\"" + description + "\""),
                Optional.of(body));
    }

    private static String error(String error, String description) {
        return "{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}";
    }
}
