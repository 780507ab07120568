package dev.keyfence.config;

import static dev.keyfence.config.FrontDoor.FILE;
import static dev.keyfence.config.FrontDoor.SERVLET;
import static dev.keyfence.config.FrontDoor.SPRING;
import static dev.keyfence.config.SettingKind.BOOLEAN;
import static dev.keyfence.config.SettingKind.DURATION;
import static dev.keyfence.config.SettingKind.INSTANT;
import static dev.keyfence.config.SettingKind.INTEGER;
import static dev.keyfence.config.SettingKind.LIST;
import static dev.keyfence.config.SettingKind.PATH;
import static dev.keyfence.config.SettingKind.REGEX;
import static dev.keyfence.config.SettingKind.TEXT;
import static dev.keyfence.config.SettingKind.URL;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every setting Keyfence knows, each declared once, as read-only data. The YAML reader's allowlists, Spring's list
 * settings, property names and generated metadata, the servlet filter's init parameters and the
 * generated settings tables of {@code docs/configuration.md} all come from this list.
 */
public final class SettingsRegistry {
    /** The section of the named resource profiles: {@code resources.<name>.*}. */
    public static final String PROFILE = "resources.*";

    private static final List<String> ALGORITHMS =
            List.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA");

    private static final List<Setting> ALL = List.of(
            Setting.of("issuers[].name", TEXT, "label for logs, reports and metrics; unique", FILE)
                    .shown("required"),
            Setting.of("issuers[].issuer", TEXT, "exact `iss`, or a template with `{tenantid}`", FILE)
                    .shown("required"),
            Setting.of(
                            "issuers[].jwks-uri",
                            URL,
                            "the key set; with a `{tenantid}` issuer it may carry `{tenantid}`"
                                    + " (one source per tenant). `https`, or plain `http` to 127.0.0.0/8 or ::1 with"
                                    + " `jwks.allow-http-loopback: true`",
                            FILE)
                    .shown("one of three"),
            Setting.of(
                            "issuers[].discovery-uri",
                            URL,
                            "OpenID discovery document; its `jwks_uri` is read (same" + " transport rules)",
                            FILE)
                    .shown("one of three"),
            Setting.of(
                            "issuers[].jwks-file",
                            PATH,
                            "a JWK set on disk, reread on refresh; relative to the file's folder",
                            FILE)
                    .shown("one of three"),
            Setting.of(
                            "issuers[].key-scope",
                            TEXT,
                            "the scope every key of this source carries (`enterprise`," + " `consumer`, ...)",
                            FILE)
                    .shown("required"),
            Setting.of(
                            "issuers[].tenants",
                            LIST,
                            "allowed tenants; `[\"*\"]` allows any, said explicitly (an `audit`" + " finding)",
                            FILE)
                    .shown("required with `{tenantid}`"),
            Setting.of(
                    "issuers[].tenant-pattern",
                    REGEX,
                    "every tenant id must match (the Entra ID preset requires a" + " GUID)",
                    FILE),
            Setting.of("issuers[].require-key-issuer", BOOLEAN, "`true`: every key must carry an `issuer` member", FILE)
                    .byDefault("`false`", false),
            Setting.of(
                            "issuers[].algorithms",
                            LIST,
                            "narrows the algorithms for this issuer; the only place HS* can be" + " enabled",
                            FILE)
                    .shown("`resource.algorithms`"),
            Setting.of("resource.name", TEXT, "label in logs and metrics", FILE)
                    .byDefault("`default`", "default")
                    .inProfiles(),
            Setting.of("resource.audiences", LIST, "`aud` must name one of them", FILE)
                    .shown("required")
                    .inProfiles(),
            Setting.of("resource.accepted-key-scopes", LIST, "each must be the `key-scope` of some issuer", FILE)
                    .shown("required")
                    .inProfiles(),
            Setting.of("resource.algorithms", LIST, "accepted signature algorithms", FILE)
                    .byDefault("`[RS256, PS256, ES256, EdDSA]`", List.of("RS256", "PS256", "ES256", "EdDSA"))
                    .bounded("asymmetric only (RS/PS/ES 256-512, EdDSA); HS* here is an error")
                    .inProfiles()
                    .oneOf(ALGORITHMS),
            Setting.of(
                            "resource.token-types",
                            LIST,
                            "accepted `typ` (case-insensitive); an absent `typ` only if `\"\"`" + " is listed",
                            FILE)
                    .byDefault("`[\"at+jwt\", \"JWT\"]`", List.of("at+jwt", "JWT"))
                    .inProfiles(),
            Setting.of("resource.required-claims", LIST, "claims that must be present (CLAIM_MISSING)", FILE)
                    .inProfiles(),
            Setting.of("resource.clock-skew", DURATION, "tolerance for token time claims", FILE)
                    .byDefault("`PT60S`", "PT60S")
                    .bounded("at most `PT5M`")
                    .inProfiles(),
            Setting.of("resource.max-token-lifetime", DURATION, "`exp - iat` cap (without `iat`: `exp - now`)", FILE)
                    .byDefault("`PT24H`", "PT24H")
                    .bounded("above zero, at most `P36500D`")
                    .inProfiles(),
            Setting.of(
                            PROFILE + ".paths",
                            LIST,
                            "`/exact` or `/prefix/**` (the prefix and everything below); any"
                                    + " other `*` is an error. Every other `resource.` setting may be given per profile and is"
                                    + " otherwise inherited from `resource:`",
                            FILE)
                    .shown("required in a profile"),
            Setting.of(
                            "keys.max-age",
                            DURATION,
                            "refuse keys older than this (from certificate notBefore, JWK `iat`,"
                                    + " declared window or first sighting) with KEY_TOO_OLD; `audit` reports keys older than it (or"
                                    + " `P365D` when unset)",
                            FILE)
                    .shown("no limit")
                    .bounded("above zero"),
            Setting.of("keys.retired-grace", DURATION, "how long a key removed from its set still verifies", FILE)
                    .byDefault("`PT0S`", "PT0S"),
            Setting.of(
                            "keys.min-rsa-bits",
                            INTEGER,
                            "smaller RSA moduli are KEY_TOO_WEAK (also ROCA moduli and short" + " HMAC secrets)",
                            FILE)
                    .byDefault("`2048`", 2048)
                    .bounded("at least 2048"),
            Setting.of("keys.allowed-curves", LIST, "allowed EC/OKP curves", FILE)
                    .byDefault("`[P-256, P-384, P-521, Ed25519]`", List.of("P-256", "P-384", "P-521", "Ed25519"))
                    .bounded("a subset of the default"),
            Setting.of(
                            "keys.revoked",
                            LIST,
                            "`kid:VALUE` or `jkt:<RFC 7638 thumbprint>`; a `kid:` revokes the key"
                                    + " material it names under every kid",
                            FILE)
                    .shown("empty"),
            Setting.of("keys.windows[].kid", TEXT, "the key a declared window applies to (or `jkt`)", FILE)
                    .shown("one of two"),
            Setting.of(
                            "keys.windows[].jkt",
                            TEXT,
                            "the key a declared window applies to, by RFC 7638 thumbprint (or" + " `kid`)",
                            FILE)
                    .shown("one of two"),
            Setting.of(
                            "keys.windows[].not-before",
                            INSTANT,
                            "start of the declared validity; narrows, never widens",
                            FILE)
                    .bounded("before `not-after`"),
            Setting.of(
                    "keys.windows[].not-after", INSTANT, "end of the declared validity; narrows, never widens", FILE),
            Setting.of(
                            "jwks.refresh-interval",
                            DURATION,
                            "keys are refreshed ahead of this age, in the background",
                            FILE)
                    .byDefault("`PT5M`", "PT5M")
                    .bounded("above zero, at most `P7D`"),
            Setting.of(
                            "jwks.min-refetch-interval",
                            DURATION,
                            "at most one unknown-`kid` refetch, and one retry after a"
                                    + " failure, per source per interval",
                            FILE)
                    .byDefault("`PT30S`", "PT30S")
                    .bounded("at most `P1D`"),
            Setting.of("jwks.max-stale", DURATION, "last-known-good keys serve this long after a failed refresh", FILE)
                    .byDefault("`PT24H`", "PT24H")
                    .bounded("at most `P365D`"),
            Setting.of("jwks.timeout", DURATION, "connect and read timeout of one fetch", FILE)
                    .byDefault("`PT5S`", "PT5S")
                    .bounded("above zero, at most `PT5M`"),
            Setting.of("jwks.max-bytes", INTEGER, "a larger set is a failed fetch", FILE)
                    .byDefault("`524288`", 524288)
                    .bounded("at least 1024"),
            Setting.of("jwks.allow-http-loopback", BOOLEAN, "plain `http` only to loopback, and only when `true`", FILE)
                    .byDefault("`false`", false),
            Setting.of(
                            "jwks.tenant-sources-per-minute",
                            INTEGER,
                            "most per-tenant sources created per minute (a"
                                    + " flood of made-up tenants cannot turn into fetches)",
                            FILE)
                    .byDefault("`60`", 60)
                    .bounded("1 to 100000"),
            Setting.of("max-token-bytes", INTEGER, "larger tokens are MALFORMED_TOKEN", FILE)
                    .byDefault("`16384`", 16384)
                    .bounded("at least 256"),
            Setting.of(
                            "verified-token-cache",
                            INTEGER,
                            "verified signatures remembered (every other rule still runs"
                                    + " on a hit); `0` turns it off",
                            FILE)
                    .byDefault("`1024`", 1024)
                    .bounded("not negative"),
            Setting.of(
                            "audit-lines-per-second",
                            INTEGER,
                            "most rejected tokens logged a line each per second on"
                                    + " `dev.keyfence.audit`; the rest are counted by reason in one"
                                    + " line (a flood of bad tokens cannot flood the log)",
                            FILE)
                    .byDefault("`100`", 100)
                    .bounded("1 to 100000"),
            Setting.of(
                            "ledger.directory",
                            PATH,
                            "the embedded ledger: files in this directory, no server; relative"
                                    + " to the file's folder",
                            FILE,
                            SERVLET)
                    .shown("off")
                    .bounded("not with `jdbc-url`"),
            Setting.of(
                            "ledger.jdbc-url",
                            URL,
                            "a fleet ledger in PostgreSQL (needs `keyfence-ledger-jdbc` on the" + " class path)",
                            FILE,
                            SERVLET)
                    .shown("off")
                    .bounded("a `jdbc:` URL without credentials;" + " not with `directory`"),
            Setting.of("ledger.username", TEXT, "database user", FILE, SERVLET).bounded("with `jdbc-url` only"),
            Setting.of(
                            "ledger.password-env",
                            TEXT,
                            "name of the environment variable holding the password; the"
                                    + " password is never in the file",
                            FILE,
                            SERVLET)
                    .bounded("with `jdbc-url` only"),
            Setting.of(
                    "config",
                    PATH,
                    "the YAML configuration file. Spring: used instead of the `keyfence.*` policy"
                            + " properties (giving both fails startup; `keyfence.drill.*` may stand beside it). Servlet filter:"
                            + " else the system property `keyfence.config`",
                    SPRING,
                    SERVLET),
            Setting.of(
                            "drill.schedule",
                            DURATION,
                            "run the drill at startup and then every period; health indicator" + " `keyfenceDrill`",
                            SPRING)
                    .shown("off"),
            Setting.of(
                            "drill.min-interval",
                            DURATION,
                            "calls of the `keyfence-drill` endpoint within this get the" + " last report",
                            SPRING)
                    .byDefault("`PT1M`", "PT1M"),
            Setting.of(
                            "drill.min-controls",
                            INTEGER,
                            "the drill's `--min-controls`: controls each 2023 key forgery" + " must meet alone",
                            SPRING)
                    .byDefault("`2`", 2)
                    .bounded("at least 1"),
            Setting.of("drill.authority", TEXT, "authority the `keyfence-drill` endpoint requires", SPRING)
                    .byDefault("`SCOPE_keyfence.admin`", "SCOPE_keyfence.admin"),
            Setting.of(
                            "metrics.tenant-tags",
                            BOOLEAN,
                            "a `tenant` tag on the Micrometer meters: a tenant an issuer's `tenants:` list names,"
                                    + " every other tenant `other`, so the meter count stays bounded",
                            SPRING)
                    .byDefault("`false`", false),
            Setting.of(
                            "ledger.use-datasource",
                            BOOLEAN,
                            "the ledger uses the context's single `DataSource` bean",
                            SPRING)
                    .byDefault("`false`", false)
                    .bounded("not with `ledger.directory` or `ledger.jdbc-url`"),
            Setting.of("resource", TEXT, "a profile name from `resources:` for every request of this filter", SERVLET)
                    .shown("the file's `resource:`"),
            Setting.of("realm", TEXT, "`realm` in challenges", SERVLET).bounded("printable ASCII without `\"` or `\\`"),
            Setting.of(
                            "allow-query-token",
                            BOOLEAN,
                            "accept `?access_token=` (RFC 6750 2.3; discouraged); off, a query token is refused",
                            SERVLET)
                    .byDefault("`false`", false),
            Setting.of(
                            "allow-form-token",
                            BOOLEAN,
                            "accept `access_token` in a form-encoded POST body (RFC 6750 2.2); off, the body is never read",
                            SERVLET)
                    .byDefault("`false`", false));

    /** The file's settings that the project added beyond section 2 of its contract. */
    private static final Set<String> BEYOND_CONTRACT = Set.of(
            "issuers[].tenant-pattern",
            "resource.name",
            "keys.allowed-curves",
            "keys.windows[].jkt",
            "jwks.tenant-sources-per-minute",
            "max-token-bytes",
            "verified-token-cache",
            "audit-lines-per-second");

    private SettingsRegistry() {}

    /** True for a file setting the project added beyond the contract's configuration section. */
    public static boolean beyondContract(Setting setting) {
        return setting.at(FILE) && BEYOND_CONTRACT.contains(setting.path());
    }

    /** Every setting, in declaration order (the order of the docs). */
    public static List<Setting> all() {
        return ALL;
    }

    /** The settings that can be given at {@code door}, in declaration order. */
    public static List<Setting> at(FrontDoor door) {
        return ALL.stream().filter(s -> s.at(door)).toList();
    }

    /** The setting of the file at {@code path} ({@code jwks.max-stale}, {@code issuers[].tenants}). */
    public static Optional<Setting> file(String path) {
        return ALL.stream().filter(s -> s.at(FILE) && s.path().equals(path)).findFirst();
    }

    /**
     * The keys the file allows directly in {@code section} ({@code ""} for the top level,
     * {@code issuers[]}, {@code keys}, {@link #PROFILE}), sections included.
     *
     * @throws IllegalArgumentException when no setting of the file lies in {@code section}
     */
    public static Set<String> keysIn(String section) {
        Set<String> out = new LinkedHashSet<>();
        for (Setting s : at(FILE)) {
            for (String path : s.perProfile() ? List.of(s.path(), PROFILE + "." + s.key()) : List.of(s.path())) {
                childOf(section, path).ifPresent(out::add);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no settings in section " + section);
        }
        return Set.copyOf(out);
    }

    /** The names of every list-valued key of the file, wherever it lies. */
    public static Set<String> listKeys() {
        Set<String> out = new LinkedHashSet<>();
        at(FILE).stream().filter(s -> s.kind().isList()).forEach(s -> out.add(s.key()));
        return Set.copyOf(out);
    }

    private static Optional<String> childOf(String section, String path) {
        String prefix = section.isEmpty() ? "" : section + ".";
        if (!path.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = path.substring(prefix.length());
        int end = rest.indexOf('.');
        String child = end < 0 ? rest : rest.substring(0, end);
        return Optional.of(child.endsWith("[]") ? child.substring(0, child.length() - 2) : child);
    }
}
