package dev.keyfence;

import dev.keyfence.internal.Engine;
import dev.keyfence.internal.PostureReader;
import dev.keyfence.internal.paths.PathRouter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
 *
 * <p>A validator read from a file with {@code resources:} carries its path profiles: HTTP front
 * doors pick the validator for each request with {@link #forPath}; {@link #validate} alone
 * always checks for the default {@code resource:}.
 */
public final class TokenValidator {
    private final Engine engine;
    private final List<NamedResource> profiles;
    private final PathRouter<TokenValidator> router;
    private final TokenValidator plain;

    private TokenValidator(Engine engine) {
        this.engine = engine;
        this.profiles = List.of();
        this.router = new PathRouter<>(List.of());
        this.plain = this;
    }

    private TokenValidator(Engine engine, List<NamedResource> profiles) {
        this.engine = engine;
        this.profiles = List.copyOf(profiles);
        List<PathRouter.Route<TokenValidator>> routes = new ArrayList<>();
        for (NamedResource r : this.profiles) {
            if (!r.paths().isEmpty()) {
                routes.add(new PathRouter.Route<>(
                        r.name(), r.patterns(), new TokenValidator(engine.forResource(r.resource()))));
            }
        }
        this.router = new PathRouter<>(routes);
        this.plain = this.profiles.isEmpty() ? this : new TokenValidator(engine);
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
        return create(KeyfenceConfig.load(yaml));
    }

    /**
     * A validator for a loaded configuration: its policy, with its {@code resources:} path
     * profiles applied by {@link #forPath}.
     */
    public static TokenValidator create(KeyfenceConfig config) {
        Objects.requireNonNull(config, "config");
        return create(config.policy()).withProfiles(config.resources());
    }

    /**
     * This validator (sharing its key sources, caches and revocations) with these resource
     * profiles, replacing any it had: {@link #forPath} picks the first profile, in list order,
     * whose {@code paths} match, else this validator's resource.
     */
    public TokenValidator withProfiles(List<NamedResource> resources) {
        return new TokenValidator(engine, Objects.requireNonNull(resources, "resources"));
    }

    /** The resource profiles {@link #forPath} chooses from, in order (empty unless given). */
    public List<NamedResource> profiles() {
        return profiles;
    }

    /**
     * The validator for a request path as sent (percent-encoded, without query string or
     * servlet context path), e.g. {@code /api/admin/users}. A path that servers could route in
     * more than one way (encoded {@code /}, {@code .}, {@code %} or {@code ;}, path parameters,
     * dot or empty segments, control characters, bad escapes) or that reaches a profile's
     * pattern only by ignoring letter case or a trailing {@code /} is {@link PathRoute.Refused}.
     * Never throws for any path.
     */
    public PathRoute forPath(String requestPath) {
        PathRouter.Outcome<TokenValidator> o = router.route(requestPath);
        if (o.refused()) {
            return new PathRoute.Refused(o.problem());
        }
        return o.route()
                .<PathRoute>map(r -> new PathRoute.Matched(o.path(), Optional.of(r.name()), r.target()))
                .orElseGet(() -> new PathRoute.Matched(o.path(), Optional.empty(), plain));
    }

    /**
     * As {@link #forPath} for a servlet request: the path within the application is
     * {@code requestUri} (as sent) without {@code contextPath}, and it is refused as well when
     * it does not decode to {@code routedPath}, the path the container routes (servlet path
     * plus path info).
     */
    public PathRoute forRequest(String requestUri, String contextPath, String routedPath) {
        if (requestUri == null || contextPath == null || routedPath == null || !requestUri.startsWith(contextPath)) {
            return new PathRoute.Refused("ambiguous request path: outside the application's context path");
        }
        PathRoute route = forPath(requestUri.substring(contextPath.length()));
        if (route instanceof PathRoute.Matched m && !m.path().equals(routedPath)) {
            return new PathRoute.Refused("ambiguous request path: the server routes another path than the one sent");
        }
        return route;
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
     * validator's key sources, caches and revocations (and carries no path profiles).
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
     * validator derived with {@link #forResource}. Logged with who and why. With a key ledger
     * ({@link ValidationPolicy#ledger()}), the revocation of the key material the reference names
     * (a kid names every key material known under it) is also recorded in the ledger, off this
     * thread, and applied by every validator on the same ledger.
     */
    public void revoke(KeyReference key, String actor, String why) {
        engine.registry()
                .revoke(
                        Objects.requireNonNull(key, "key"),
                        Objects.requireNonNull(actor, "actor"),
                        Objects.requireNonNull(why, "why"));
    }

    /**
     * The key ledger's state (up or down, writes waiting), or empty when the policy has no ledger.
     */
    public Optional<dev.keyfence.ledger.LedgerState> ledgerState() {
        return engine.registry().ledger().map(dev.keyfence.internal.keys.LedgerLink::state);
    }

    /**
     * Waits until everything this validator handed to its key ledger so far is stored, or
     * {@code timeout} passes (for an orderly shutdown). True when nothing waits; true at once
     * without a ledger.
     */
    public boolean awaitLedgerWrites(java.time.Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        var link = engine.registry().ledger();
        return link.isEmpty() || link.get().flush(timeout);
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
