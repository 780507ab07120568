package dev.keyfence.examples.replay;

import dev.keyfence.Reason;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * One row of the replay: a request made at a moment of the timeline, with the token it carries
 * and what Keyfence is expected to answer.
 *
 * @param id          short stable name, e.g. {@code forgery-2023}
 * @param attack      what the row shows, as the table prints it
 * @param story       one or two sentences for the report
 * @param at          when the request is made (the clock of every server is set to it)
 * @param path        the API called: {@link Scenarios#MAIL} or the enterprise-only {@link Scenarios#ADMIN}
 * @param expected    empty: Keyfence must accept (200); else the reason code it must give
 * @param before      what happens at the identity provider just before the request
 * @param token       mints the row's token at {@code at}
 */
public record Scenario(
        String id,
        String attack,
        String story,
        Instant at,
        String path,
        Optional<Reason> expected,
        Consumer<IncidentIdentityProvider> before,
        BiFunction<IncidentIdentityProvider, Instant, String> token) {

    public Scenario {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(attack, "attack");
        Objects.requireNonNull(story, "story");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(token, "token");
    }

    /** @return true for a legitimate token, which Keyfence must accept */
    public boolean legitimate() {
        return expected.isEmpty();
    }

    /** @return {@code 200}, or {@code 401 REASON} */
    public String expectedText() {
        return expected.map(r -> "401 " + r).orElse("200");
    }

    @Override
    public String toString() {
        return "Scenario[" + id + "]";
    }
}
