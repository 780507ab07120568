package dev.keyfence;

import dev.keyfence.ledger.KeyLedger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Everything a {@link TokenValidator} enforces: trusted issuers, the resource, key rules and key
 * fetching. Immutable; built in code with {@link #builder()} or from the YAML file with
 * {@link KeyfenceConfig}. {@code build()} rejects contradictory or missing settings.
 */
public final class ValidationPolicy {
    /** Default largest token accepted, in bytes of its compact form. */
    public static final int DEFAULT_MAX_TOKEN_BYTES = 16 * 1024;
    /** Default number of verified signatures remembered; see {@link Builder#verifiedTokenCache(int)}. */
    public static final int DEFAULT_VERIFIED_TOKEN_CACHE = 1024;
    /** Default most rejected-token lines a second in the audit log; see {@link Builder#auditLinesPerSecond(int)}. */
    public static final int DEFAULT_AUDIT_LINES_PER_SECOND = 100;

    private static final Set<Control> ALL_CONTROLS = Collections.unmodifiableSet(EnumSet.allOf(Control.class));

    private final List<TrustedIssuer> issuers;
    private final ResourcePolicy resource;
    private final KeyPolicy keys;
    private final JwksSettings jwks;
    private final Clock clock;
    private final int maxTokenBytes;
    private final KeySourceListener listener;
    private final int verifiedTokenCache;
    private final int auditLinesPerSecond;
    private final Optional<KeyLedger> ledger;
    private final Optional<Executor> refreshExecutor;
    private final Set<Control> controls;

    private ValidationPolicy(Builder b) {
        if (b.issuers.isEmpty()) {
            throw new ConfigurationException("issuers", "required: at least one trusted issuer");
        }
        Set<String> names = new HashSet<>();
        Set<String> issuerStrings = new HashSet<>();
        Set<String> scopes = new HashSet<>();
        for (int index = 0; index < b.issuers.size(); index++) {
            TrustedIssuer i = b.issuers.get(index);
            if (!names.add(i.name())) {
                throw new ConfigurationException("issuers[" + i.name() + "].name", "used by two issuers")
                        .ofIssuer(index, "name");
            }
            if (!issuerStrings.add(i.issuer())) {
                throw new ConfigurationException("issuers[" + i.name() + "].issuer", "configured twice")
                        .ofIssuer(index, "issuer");
            }
            scopes.add(i.keyScope());
        }
        if (b.resource == null) {
            throw new ConfigurationException("resource", "required: audiences and accepted-key-scopes");
        }
        for (String accepted : b.resource.acceptedKeyScopes()) {
            if (!scopes.contains(accepted)) {
                throw new ConfigurationException(
                        "resource.accepted-key-scopes",
                        "no issuer carries key scope '" + accepted + "' (issuer scopes: " + scopes + ")");
            }
        }
        this.issuers = List.copyOf(b.issuers);
        this.resource = b.resource;
        this.keys = b.keys == null ? KeyPolicy.defaults() : b.keys;
        this.jwks = b.jwks == null ? JwksSettings.defaults() : b.jwks;
        this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
        this.maxTokenBytes = b.maxTokenBytes == null ? DEFAULT_MAX_TOKEN_BYTES : b.maxTokenBytes;
        this.listener = b.listener == null ? KeySourceListener.NONE : b.listener;
        this.verifiedTokenCache = b.verifiedTokenCache == null ? DEFAULT_VERIFIED_TOKEN_CACHE : b.verifiedTokenCache;
        this.auditLinesPerSecond =
                b.auditLinesPerSecond == null ? DEFAULT_AUDIT_LINES_PER_SECOND : b.auditLinesPerSecond;
        this.ledger = Optional.ofNullable(b.ledger);
        this.refreshExecutor = Optional.ofNullable(b.refreshExecutor);
        this.controls = b.controls == null ? ALL_CONTROLS : b.controls;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Trusted issuers, in configuration order. */
    public List<TrustedIssuer> issuers() {
        return issuers;
    }
    /** The default resource. */
    public ResourcePolicy resource() {
        return resource;
    }
    /** Key rules. */
    public KeyPolicy keys() {
        return keys;
    }
    /** Key fetching and caching. */
    public JwksSettings jwks() {
        return jwks;
    }
    /** The source of "now" for every time rule. */
    public Clock clock() {
        return clock;
    }
    /** Largest accepted token. */
    public int maxTokenBytes() {
        return maxTokenBytes;
    }
    /** Receives key-source events. */
    public KeySourceListener listener() {
        return listener;
    }
    /** How many verified signatures are remembered (0: none). */
    public int verifiedTokenCache() {
        return verifiedTokenCache;
    }
    /** The most rejected tokens logged one line each per second on {@code dev.keyfence.audit}. */
    public int auditLinesPerSecond() {
        return auditLinesPerSecond;
    }
    /** The key ledger that keeps what is learned about keys across restarts and instances; empty when none is configured. */
    public Optional<KeyLedger> ledger() {
        return ledger;
    }
    /** Where background key-set refreshes run; empty for the JVM-wide shared refresh threads. */
    public Optional<Executor> refreshExecutor() {
        return refreshExecutor;
    }
    /**
     * The controls a validator of this policy runs (unmodifiable, in {@link Control} order):
     * every control unless {@link Builder#controls(Set)} narrowed them for a test.
     */
    public Set<Control> controls() {
        return controls;
    }

    /**
     * A builder holding every setting of this policy, to derive a policy that differs in some:
     * unlike a new builder, it lets each setting be given once more, replacing the copied value.
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.issuers.addAll(issuers);
        b.resource = resource;
        b.keys = keys;
        b.jwks = jwks;
        b.clock = clock;
        b.listener = listener;
        b.maxTokenBytes = maxTokenBytes;
        b.verifiedTokenCache = verifiedTokenCache;
        b.auditLinesPerSecond = auditLinesPerSecond;
        b.ledger = ledger.orElse(null);
        b.refreshExecutor = refreshExecutor.orElse(null);
        b.controls = controls.equals(ALL_CONTROLS) ? null : controls;
        b.derived = true;
        return b;
    }

    /** Builder; scalar settings may be given once, issuers any number of times. */
    public static final class Builder {
        private final List<TrustedIssuer> issuers = new ArrayList<>();
        private @Nullable ResourcePolicy resource;
        private @Nullable KeyPolicy keys;
        private @Nullable JwksSettings jwks;
        private @Nullable Clock clock;
        private @Nullable Integer maxTokenBytes;
        private @Nullable KeySourceListener listener;
        private @Nullable Integer verifiedTokenCache;
        private @Nullable Integer auditLinesPerSecond;
        private @Nullable KeyLedger ledger;
        private @Nullable Executor refreshExecutor;
        private @Nullable Set<Control> controls;
        /** True for a builder from {@link ValidationPolicy#toBuilder()}: its copied settings may be replaced. */
        private boolean derived;

        private Builder() {}

        private <T> T once(@Nullable T current, @Nullable T value, String setting) {
            return Settings.once(derived ? null : current, value, setting);
        }

        public Builder issuer(TrustedIssuer issuer) {
            issuers.add(Objects.requireNonNull(issuer, "issuer"));
            return this;
        }

        public Builder resource(ResourcePolicy resource) {
            this.resource = once(this.resource, resource, "resource");
            return this;
        }

        public Builder keys(KeyPolicy keys) {
            this.keys = once(this.keys, keys, "keys");
            return this;
        }

        public Builder jwks(JwksSettings jwks) {
            this.jwks = once(this.jwks, jwks, "jwks");
            return this;
        }

        /** The clock every time rule reads; tests move a clock instead of sleeping. */
        public Builder clock(Clock clock) {
            this.clock = once(this.clock, clock, "clock");
            return this;
        }

        public Builder maxTokenBytes(int bytes) {
            if (bytes < 256) {
                throw new ConfigurationException("max-token-bytes", "at least 256, was " + bytes);
            }
            this.maxTokenBytes = once(this.maxTokenBytes, bytes, "max-token-bytes");
            return this;
        }

        public Builder listener(KeySourceListener listener) {
            this.listener = once(this.listener, listener, "listener");
            return this;
        }

        /**
         * How many tokens whose signature verified are remembered, so that the same token seen
         * again skips parsing and the signature computation. Every other rule (token times, key
         * window, age, retirement, revocation, scope, issuer binding, audience) still runs on
         * each hit, against the key the issuer's source holds now; a different key, or none,
         * means a miss. 0 turns it off. Default {@value ValidationPolicy#DEFAULT_VERIFIED_TOKEN_CACHE}.
         */
        public Builder verifiedTokenCache(int entries) {
            if (entries < 0) {
                throw new ConfigurationException("verified-token-cache", "must not be negative, was " + entries);
            }
            this.verifiedTokenCache = once(this.verifiedTokenCache, entries, "verified-token-cache");
            return this;
        }

        /**
         * The most rejected tokens written one line each to the audit log ({@code dev.keyfence.audit},
         * INFO) per second; the rest of that second are counted by reason and reported in one WARN
         * line, so a flood of bad tokens cannot flood the log. Between 1 and 100000; default
         * {@value ValidationPolicy#DEFAULT_AUDIT_LINES_PER_SECOND}.
         */
        public Builder auditLinesPerSecond(int lines) {
            if (lines < 1 || lines > 100_000) {
                throw new ConfigurationException("audit-lines-per-second", "between 1 and 100000, was " + lines);
            }
            this.auditLinesPerSecond = once(this.auditLinesPerSecond, lines, "audit-lines-per-second");
            return this;
        }

        /**
         * A key ledger (see {@link dev.keyfence.ledger.KeyLedgers}) in which what is learned about
         * keys (scopes, first sighting, retirement, revocation) outlives the process and is shared
         * by every validator on it. Off unless given.
         */
        public Builder ledger(KeyLedger ledger) {
            this.ledger = once(this.ledger, ledger, "ledger");
            return this;
        }

        /**
         * Runs background key-set refreshes on {@code executor} instead of the JVM-wide shared
         * refresh threads. A test seam: tests pass a direct executor ({@code Runnable::run}) or a
         * queue they drain, so refreshes happen at a known point without sleeping.
         */
        public Builder refreshExecutor(Executor executor) {
            this.refreshExecutor = once(this.refreshExecutor, executor, "refresh-executor");
            return this;
        }

        /**
         * <b>For tests only:</b> a validator of this policy runs only these controls (and
         * {@link Control#TOKEN_SHAPE}, without which nothing else can run), so a test can show
         * one control rejecting its attack alone. Such a validator accepts tokens that a full
         * one rejects: it remembers no verified signature, logs a warning when built, and
         * {@code audit} and {@link TokenValidator#controls()} list the controls that are off.
         * Default: every control.
         */
        public Builder controls(Set<Control> controls) {
            Set<Control> set = null;
            if (controls != null) {
                set = EnumSet.of(Control.TOKEN_SHAPE);
                set.addAll(controls);
                set = Collections.unmodifiableSet(set);
            }
            this.controls = once(this.controls, set, "controls");
            return this;
        }

        public ValidationPolicy build() {
            return new ValidationPolicy(this);
        }
    }
}
