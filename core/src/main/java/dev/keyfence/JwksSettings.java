package dev.keyfence;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** How remote key sets are fetched and cached. Immutable; defaults as in the contract. */
public final class JwksSettings {
    private final Duration refreshInterval;
    private final Duration minRefetchInterval;
    private final Duration maxStale;
    private final Duration timeout;
    private final int maxBytes;
    private final boolean allowHttpLoopback;
    private final @Nullable HttpClient httpClient;
    private final int tenantSourcesPerMinute;

    /** Longest {@code jwks.timeout}. */
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);
    /** Longest {@code jwks.refresh-interval}. */
    public static final Duration MAX_REFRESH_INTERVAL = Duration.ofDays(7);
    /** Longest {@code jwks.min-refetch-interval}. */
    public static final Duration MAX_MIN_REFETCH_INTERVAL = Duration.ofDays(1);
    /** Longest {@code jwks.max-stale}. */
    public static final Duration MAX_MAX_STALE = Duration.ofDays(365);
    /** Default {@code jwks.tenant-sources-per-minute}. */
    public static final int DEFAULT_TENANT_SOURCES_PER_MINUTE = 60;

    private JwksSettings(Builder b) {
        this.refreshInterval = b.refreshInterval == null ? Duration.ofMinutes(5) : b.refreshInterval;
        this.minRefetchInterval = b.minRefetchInterval == null ? Duration.ofSeconds(30) : b.minRefetchInterval;
        this.maxStale = b.maxStale == null ? Duration.ofHours(24) : b.maxStale;
        this.timeout = b.timeout == null ? Duration.ofSeconds(5) : b.timeout;
        this.maxBytes = b.maxBytes == null ? 524_288 : b.maxBytes;
        this.allowHttpLoopback = b.allowHttpLoopback != null && b.allowHttpLoopback;
        this.httpClient = b.httpClient;
        this.tenantSourcesPerMinute =
                b.tenantSourcesPerMinute == null ? DEFAULT_TENANT_SOURCES_PER_MINUTE : b.tenantSourcesPerMinute;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static JwksSettings defaults() {
        return builder().build();
    }

    /** How often a source is re-read in the background. */
    public Duration refreshInterval() {
        return refreshInterval;
    }
    /** At most one unknown-kid refetch per source per this interval. */
    public Duration minRefetchInterval() {
        return minRefetchInterval;
    }
    /** How long last-known-good keys serve while the source fails. */
    public Duration maxStale() {
        return maxStale;
    }
    /** Connect and read timeout of one fetch. */
    public Duration timeout() {
        return timeout;
    }
    /** Largest accepted key-set or discovery document, in bytes. */
    public int maxBytes() {
        return maxBytes;
    }
    /** True when plain http is allowed to 127.0.0.0/8 and ::1 (never elsewhere). */
    public boolean allowHttpLoopback() {
        return allowHttpLoopback;
    }
    /**
     * The HTTP client key sets are fetched with, when an adapter supplied one; otherwise keyfence
     * builds its own (no redirects, connect timeout {@link #timeout()}).
     */
    public Optional<HttpClient> httpClient() {
        return Optional.ofNullable(httpClient);
    }
    /**
     * Most per-tenant key sources (issuers whose {@code jwks-uri} carries {@code {tenantid}})
     * created per minute; a token naming a new tenant beyond it gets KEYS_UNAVAILABLE.
     */
    public int tenantSourcesPerMinute() {
        return tenantSourcesPerMinute;
    }

    /** Builder; each setting may be given once. */
    public static final class Builder {
        private @Nullable Duration refreshInterval;
        private @Nullable Duration minRefetchInterval;
        private @Nullable Duration maxStale;
        private @Nullable Duration timeout;
        private @Nullable Integer maxBytes;
        private @Nullable Boolean allowHttpLoopback;
        private @Nullable HttpClient httpClient;
        private @Nullable Integer tenantSourcesPerMinute;

        private Builder() {}

        public Builder refreshInterval(Duration d) {
            this.refreshInterval = Settings.once(
                    this.refreshInterval,
                    Settings.positive(d, MAX_REFRESH_INTERVAL, "jwks.refresh-interval"),
                    "jwks.refresh-interval");
            return this;
        }

        public Builder minRefetchInterval(Duration d) {
            this.minRefetchInterval = Settings.once(
                    this.minRefetchInterval,
                    Settings.nonNegative(d, MAX_MIN_REFETCH_INTERVAL, "jwks.min-refetch-interval"),
                    "jwks.min-refetch-interval");
            return this;
        }

        public Builder maxStale(Duration d) {
            this.maxStale = Settings.once(
                    this.maxStale, Settings.nonNegative(d, MAX_MAX_STALE, "jwks.max-stale"), "jwks.max-stale");
            return this;
        }

        public Builder timeout(Duration d) {
            this.timeout =
                    Settings.once(this.timeout, Settings.positive(d, MAX_TIMEOUT, "jwks.timeout"), "jwks.timeout");
            return this;
        }

        public Builder maxBytes(int bytes) {
            if (bytes < 1024) {
                throw new ConfigurationException("jwks.max-bytes", "at least 1024, was " + bytes);
            }
            this.maxBytes = Settings.once(this.maxBytes, bytes, "jwks.max-bytes");
            return this;
        }

        /**
         * Most per-tenant key sources created per minute of the policy clock (default
         * {@value #DEFAULT_TENANT_SOURCES_PER_MINUTE}, between 1 and 100000): bounds the fetches
         * that tokens naming ever new tenants can cause.
         */
        public Builder tenantSourcesPerMinute(int sources) {
            if (sources < 1 || sources > 100_000) {
                throw new ConfigurationException(
                        "jwks.tenant-sources-per-minute", "between 1 and 100000, was " + sources);
            }
            this.tenantSourcesPerMinute =
                    Settings.once(this.tenantSourcesPerMinute, sources, "jwks.tenant-sources-per-minute");
            return this;
        }

        public Builder allowHttpLoopback(boolean allow) {
            this.allowHttpLoopback = Settings.once(this.allowHttpLoopback, allow, "jwks.allow-http-loopback");
            return this;
        }

        /**
         * Fetches key sets and discovery documents with this client (proxy, TLS trust, executor of
         * the host application). Keyfence's rules still hold: only https (or allowed loopback http)
         * URLs from configuration, {@link #timeout(Duration)} per fetch, {@link #maxBytes(int)}, and
         * no redirects: a response from any other URL than the requested one is a failed fetch.
         */
        public Builder httpClient(HttpClient client) {
            this.httpClient = Settings.once(this.httpClient, client, "jwks.http-client");
            return this;
        }

        public JwksSettings build() {
            return new JwksSettings(this);
        }
    }
}
