package dev.keyfence.posture;

import dev.keyfence.KeyStatus;
import dev.keyfence.NamedResource;
import dev.keyfence.ResourcePolicy;
import dev.keyfence.SourceStatus;
import dev.keyfence.TrustedIssuer;
import dev.keyfence.json.JsonWriter;
import dev.keyfence.ledger.LedgerState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The one JSON form of a {@link PostureReport}, printed by {@code keyfence audit --format json} and
 * served by the Spring actuator endpoint {@code keyfence}:
 * {@code {"controls":[..],"issuers":[..],"findings":[..]}} as CONTRACT.md section 3 has it, plus the
 * added members {@code at}, {@code ledger} (with a key ledger only) and {@code resources}. Names
 * keys by kid and thumbprint only, never key material.
 */
public final class PostureJson {
    private PostureJson() {}

    /** The report as one line of JSON (no line break); the same report always gives the same text. */
    public static String write(PostureReport report) {
        Objects.requireNonNull(report, "report");
        Map<String, Object> root = new LinkedHashMap<>();
        root.put(
                "controls", report.controls().stream().map(PostureJson::control).toList());
        root.put("issuers", report.issuers().stream().map(PostureJson::issuer).toList());
        root.put(
                "findings", report.findings().stream().map(PostureJson::finding).toList());
        root.put("at", report.at().toString());
        report.ledger().ifPresent(l -> root.put("ledger", ledger(l)));
        root.put(
                "resources",
                report.resources().stream().map(PostureJson::resource).toList());
        return JsonWriter.write(root);
    }

    /** A key's age as ISO-8601: whole days ({@code P412D}) from a day on, else hours to seconds ({@code PT5H3M}). */
    static String age(Duration age) {
        if (age.isNegative()) {
            return age.withNanos(0).toString();
        }
        return age.toDays() > 0 ? "P" + age.toDays() + "D" : age.withNanos(0).toString();
    }

    private static Map<String, Object> control(ControlState c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.control().name());
        m.put("enabled", c.enabled());
        m.put("reasons", c.control().reasons().stream().map(Enum::name).toList());
        return m;
    }

    private static Map<String, Object> issuer(IssuerPosture ip) {
        TrustedIssuer i = ip.issuer();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", i.name());
        m.put("issuer", i.issuer());
        m.put("keys", ip.keys().stream().map(PostureJson::key).toList());
        m.put("keyScope", i.keyScope());
        m.put("keySource", i.keySource().describe());
        m.put("health", ip.health().map(Enum::name).orElse(null));
        m.put("problem", ip.problem().orElse(null));
        m.put("tenants", sorted(i.tenants()));
        m.put("sources", ip.sources().stream().map(PostureJson::source).toList());
        return m;
    }

    /** A key source without its keys (they are listed under the issuer, each naming its source). */
    private static Map<String, Object> source(SourceStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", s.source());
        m.put("location", s.location());
        m.put("health", s.health().name());
        m.put("fetchedAt", text(s.fetchedAt()));
        m.put("problem", s.problem().orElse(null));
        return m;
    }

    private static Map<String, Object> key(KeyStatus k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kid", k.kid().orElse(null));
        m.put("type", k.keyType());
        m.put("size", k.sizeBits());
        m.put("curve", k.curve().orElse(null));
        m.put("thumbprint", k.thumbprint());
        Map<String, Object> window = new LinkedHashMap<>();
        window.put("notBefore", text(k.notBefore()));
        window.put("notAfter", text(k.notAfter()));
        window.put("from", k.windowSources());
        m.put("window", window);
        m.put("age", k.age().map(PostureJson::age).orElse(null));
        m.put("ageFrom", k.ageSource().orElse(null));
        m.put("scopes", sorted(k.scopes()));
        m.put("status", k.state().name());
        m.put("keyIssuer", k.keyIssuer().orElse(null));
        m.put("source", k.source());
        m.put("firstSeen", k.firstSeen().toString());
        m.put("retiredAt", text(k.retiredAt()));
        m.put("problem", k.problem().orElse(null));
        return m;
    }

    private static Map<String, Object> finding(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("severity", f.severity().label());
        m.put("code", f.code().name());
        m.put("issuer", f.issuer().orElse(null));
        m.put("kid", f.kid().orElse(null));
        m.put("message", f.message());
        m.put("issuerName", f.issuerName().orElse(null));
        return m;
    }

    /** The key ledger's state: status, where, what waits; never a credential. */
    private static Map<String, Object> ledger(LedgerState l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", l.status().name());
        m.put("ledger", l.ledger());
        m.put("pending", l.pendingKeys());
        m.put("pendingOperatorActions", l.pendingOperatorActions());
        m.put("droppedObservations", l.droppedObservations());
        m.put("lastSuccess", text(l.lastSuccess()));
        m.put("lastProblem", l.lastProblem().orElse(null));
        return m;
    }

    private static Map<String, Object> resource(NamedResource named) {
        ResourcePolicy r = named.resource();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("paths", named.paths());
        m.put("audiences", sorted(r.audiences()));
        m.put("acceptedKeyScopes", sorted(r.acceptedKeyScopes()));
        m.put("algorithms", r.algorithms());
        m.put("clockSkew", r.clockSkew().toString());
        return m;
    }

    private static List<String> sorted(Collection<String> values) {
        List<String> out = new ArrayList<>(values);
        out.sort(null);
        return out;
    }

    private static @Nullable String text(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse(null);
    }
}
