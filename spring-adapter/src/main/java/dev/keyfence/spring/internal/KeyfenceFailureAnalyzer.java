package dev.keyfence.spring.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a startup failure caused by an invalid Keyfence property, naming the property. */
public final class KeyfenceFailureAnalyzer extends AbstractFailureAnalyzer<KeyfencePropertyException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, KeyfencePropertyException cause) {
        return new FailureAnalysis("Keyfence configuration is invalid: " + cause.getMessage(),
                "Fix the property '" + cause.property() + "'. Keyfence builds no validator from a bad"
                        + " configuration; see the keyfence.* properties in the Keyfence Spring README.",
                cause);
    }
}
