package dev.keyfence;

import dev.keyfence.internal.Engine;
import dev.keyfence.internal.PostureReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Validates JWT access tokens against a {@link ValidationPolicy}: every control of the contract
 * runs on every token, in the contract's order. Immutable and thread-safe; build one and share it.
 *
 * <pre>{@code
 * TokenValidator validator = TokenValidator.create(policy);
 * Verdict verdict = validator.validate(bearerToken);
 * if (verdict instanceof Verdict.Accepted ok) {
 *     String subject = ok.token().subject().orElseThrow();
 * } else if (verdict instanceof Verdict.Rejected no) {
 *     respond401(no.reason());
 * }
 * }</pre>
 */
public final class TokenValidator {
    private final Engine engine;

    private TokenValidator(Engine engine) {
        this.engine = engine;
    }

    /** A validator for the policy, with every control on. */
    public static TokenValidator create(ValidationPolicy policy) {
        return new TokenValidator(Engine.create(Objects.requireNonNull(policy, "policy")));
    }

    /**
     * A validator from the YAML configuration file of the contract.
     *
     * @throws ConfigurationException naming the offending setting when the file cannot be used
     */
    public static TokenValidator fromConfig(Path yaml) {
        return create(KeyfenceConfig.load(yaml).policy());
    }

    /**
     * Validates one token presented alone (as {@link #validate(String, RequestContext)} with
     * {@link RequestContext#none()}: a sender-constrained token is refused). Never throws: any
     * input, including null, empty, huge or binary text, gives a verdict, and a rejection carries
     * exactly one reason code.
     */
    public Verdict validate(String token) {
        return engine.validate(token);
    }

    /**
     * Validates one token with what its request presents besides it. A sender-constrained token
     * ({@code cnf}) is accepted only when {@code request} presents the bound client certificate
     * (RFC 8705) or a valid DPoP proof by the bound key (RFC 9449); otherwise it is rejected with
     * {@link Reason#TOKEN_BINDING_MISMATCH}. Never throws, like {@link #validate(String)}.
     */
    public Verdict validate(String token, RequestContext request) {
        return engine.validate(token, Objects.requireNonNull(request, "request"));
    }

    /**
     * A validator for another resource (audiences, accepted key scopes, ...) that shares this
     * validator's key sources, caches and revocations.
     */
    public TokenValidator forResource(ResourcePolicy resource) {
        return new TokenValidator(engine.forResource(Objects.requireNonNull(resource, "resource")));
    }

    /** The policy this validator enforces. */
    public ValidationPolicy policy() {
        return engine.policy();
    }

    /** The resource this validator checks tokens for. */
    public ResourcePolicy resource() {
        return engine.resource();
    }

    /** The controls that run (all of them, for validators built through this class). */
    public Set<Control> controls() {
        return engine.controls();
    }

    /**
     * Revokes a key at once: the next validation on every thread that selects this key is
     * rejected with {@link Reason#KEY_REVOKED}, without restart or refetch. Shared by every
     * validator derived with {@link #forResource}. Logged with who and why.
     */
    public void revoke(KeyReference key, String actor, String why) {
        engine.registry().revoke(Objects.requireNonNull(key, "key"), Objects.requireNonNull(actor, "actor"),
                Objects.requireNonNull(why, "why"));
    }

    /**
     * The status of every key of every issuer (reading each source once if it was not read
     * yet): window, age, scopes and state, without key material.
     */
    public List<KeyStatus> keyStatuses() {
        return PostureReader.keyStatuses(engine.registry());
    }

    /** The health of every key source and the status of its keys (reading sources not read yet). */
    public List<SourceStatus> sourceStatuses() {
        return PostureReader.sourceStatuses(engine.registry());
    }
}
