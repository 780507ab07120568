package dev.keyfence.spring;

import dev.keyfence.Verdict;

/**
 * Receives every verdict the Keyfence decoders reach, for metrics or audit. Declare one as a
 * bean. Called on request threads; must return quickly and never log the token.
 */
@FunctionalInterface
public interface KeyfenceVerdictListener {
    /** Called once per validated token, with the validator's resource name. */
    void onVerdict(String resource, Verdict verdict);
}
