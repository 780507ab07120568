package dev.keyfence.examples.replay;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One played row: the scenario, the token's fingerprint and each column's answer.
 *
 * @param scenario    the scenario
 * @param fingerprint first 12 hex digits of the token's SHA-256 (the token itself is never shown)
 * @param responses   one answer per column, in column order
 */
public record ReplayRow(Scenario scenario, String fingerprint, List<Response> responses) {

    public ReplayRow {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(fingerprint, "fingerprint");
        responses = List.copyOf(responses);
    }

    /**
     * True when a Keyfence column answered as the scenario expects: 200 for a legitimate token,
     * else 401 with the expected reason code.
     *
     * @param response a Keyfence column's answer
     * @return whether it matches the expectation
     */
    public boolean matches(Response response) {
        Optional<String> expected = scenario.expected().map(Enum::name);
        return expected.isEmpty()
                ? response.status() == 200
                : response.status() == 401 && response.reason().equals(expected);
    }

    /**
     * @param columns the columns, in the order of {@link #responses()}
     * @return true when every Keyfence column matches the expectation
     */
    public boolean asExpected(List<Column> columns) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).keyfence() && !matches(responses.get(i))) {
                return false;
            }
        }
        return true;
    }
}
