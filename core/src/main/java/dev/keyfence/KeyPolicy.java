package dev.keyfence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Rules every signing key must meet: age, retirement grace, strength, revocations, declared windows. */
public final class KeyPolicy {
    /** Curves accepted unless narrowed. */
    public static final Set<String> DEFAULT_CURVES = Set.of("P-256", "P-384", "P-521", "Ed25519");

    private final Optional<Duration> maxAge;
    private final Duration retiredGrace;
    private final int minRsaBits;
    private final Set<String> allowedCurves;
    private final List<KeyReference> revoked;
    private final List<DeclaredWindow> windows;

    private KeyPolicy(Builder b) {
        this.maxAge = Optional.ofNullable(b.maxAge);
        this.retiredGrace = b.retiredGrace == null ? Duration.ZERO : b.retiredGrace;
        this.minRsaBits = b.minRsaBits == null ? 2048 : b.minRsaBits;
        this.allowedCurves = b.allowedCurves == null ? DEFAULT_CURVES : b.allowedCurves;
        this.revoked = List.copyOf(b.revoked);
        this.windows = List.copyOf(b.windows);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Defaults: no age limit, no retirement grace, RSA at least 2048 bits, default curves. */
    public static KeyPolicy defaults() {
        return builder().build();
    }

    /** The longest a key may be in use, counted from the earliest known start of its life. */
    public Optional<Duration> maxAge() {
        return maxAge;
    }
    /** How long a key that vanished from its source still verifies tokens. */
    public Duration retiredGrace() {
        return retiredGrace;
    }
    /** Smallest accepted RSA modulus, in bits. */
    public int minRsaBits() {
        return minRsaBits;
    }
    /** Accepted EC and OKP curves. */
    public Set<String> allowedCurves() {
        return allowedCurves;
    }
    /** Keys revoked by configuration. */
    public List<KeyReference> revoked() {
        return revoked;
    }
    /** Windows declared for named keys. */
    public List<DeclaredWindow> windows() {
        return windows;
    }

    /** Builder; each scalar setting may be given once. */
    public static final class Builder {
        private @Nullable Duration maxAge;
        private @Nullable Duration retiredGrace;
        private @Nullable Integer minRsaBits;
        private @Nullable Set<String> allowedCurves;
        private final List<KeyReference> revoked = new ArrayList<>();
        private final List<DeclaredWindow> windows = new ArrayList<>();

        private Builder() {}

        public Builder maxAge(Duration maxAge) {
            this.maxAge = Settings.once(this.maxAge, Settings.positive(maxAge, "keys.max-age"), "keys.max-age");
            return this;
        }

        public Builder retiredGrace(Duration grace) {
            this.retiredGrace = Settings.once(
                    this.retiredGrace, Settings.nonNegative(grace, "keys.retired-grace"), "keys.retired-grace");
            return this;
        }

        public Builder minRsaBits(int bits) {
            if (bits < 2048) {
                throw new ConfigurationException("keys.min-rsa-bits", "at least 2048, was " + bits);
            }
            this.minRsaBits = Settings.once(this.minRsaBits, bits, "keys.min-rsa-bits");
            return this;
        }

        public Builder allowedCurves(Collection<String> curves) {
            Set<String> set = Settings.names(curves, "keys.allowed-curves");
            for (String c : set) {
                if (!DEFAULT_CURVES.contains(c)) {
                    throw new ConfigurationException("keys.allowed-curves", "unsupported curve '" + c + "'");
                }
            }
            this.allowedCurves = Settings.once(this.allowedCurves, set, "keys.allowed-curves");
            return this;
        }

        public Builder revoke(KeyReference key) {
            revoked.add(java.util.Objects.requireNonNull(key, "keys.revoked"));
            return this;
        }

        public Builder window(DeclaredWindow window) {
            windows.add(java.util.Objects.requireNonNull(window, "keys.windows"));
            return this;
        }

        public KeyPolicy build() {
            return new KeyPolicy(this);
        }
    }
}
