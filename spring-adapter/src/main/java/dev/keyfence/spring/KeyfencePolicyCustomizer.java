package dev.keyfence.spring;

import dev.keyfence.ValidationPolicy;

/**
 * Adjusts the policy read from the {@code keyfence.*} properties before the validator is built,
 * e.g. to set a {@link java.time.Clock} or add an issuer in code. Declare one as a bean.
 * Key-source listeners are not set here: declare {@link dev.keyfence.KeySourceListener} beans.
 */
@FunctionalInterface
public interface KeyfencePolicyCustomizer {
    /** Called once, with a builder holding the configured policy. */
    void customize(ValidationPolicy.Builder policy);
}
