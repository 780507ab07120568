package dev.keyfence.cli.internal.posture;

import dev.keyfence.ControlState;
import dev.keyfence.Finding;
import dev.keyfence.IssuerPosture;
import dev.keyfence.KeyStatus;
import dev.keyfence.PostureReport;
import dev.keyfence.internal.json.JsonWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a posture: {@code {"controls":[..],"issuers":[..],"findings":[..]}} as
 * CONTRACT.md section 3 has it, plus the added members {@code at} and (with a key ledger)
 * {@code ledger}. One line.
 */
public final class PostureJson {
    private PostureJson() {
    }

    public static String write(PostureReport p) {
        Map<String, Object> root = new LinkedHashMap<>();
        List<Object> controls = new ArrayList<>();
        for (ControlState c : p.controls()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.control().name());
            m.put("enabled", c.enabled());
            m.put("reasons", c.control().reasons().stream().map(Enum::name).toList());
            controls.add(m);
        }
        root.put("controls", controls);
        List<Object> issuers = new ArrayList<>();
        for (IssuerPosture ip : p.issuers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", ip.issuer().name());
            m.put("issuer", ip.issuer().issuer());
            List<Object> keys = new ArrayList<>();
            for (KeyStatus k : ip.keys()) {
                keys.add(key(k));
            }
            m.put("keys", keys);
            m.put("keyScope", ip.issuer().keyScope());
            m.put("keySource", ip.issuer().keySource().describe());
            m.put("health", ip.health().map(Enum::name).orElse(null));
            m.put("problem", ip.problem().orElse(null));
            issuers.add(m);
        }
        root.put("issuers", issuers);
        List<Object> findings = new ArrayList<>();
        for (Finding f : p.findings()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("severity", f.severity().label());
            m.put("code", f.code().name());
            m.put("issuer", f.issuer().orElse(null));
            m.put("kid", f.kid().orElse(null));
            m.put("message", f.message());
            m.put("issuerName", f.issuerName().orElse(null));
            findings.add(m);
        }
        root.put("findings", findings);
        root.put("at", p.at().toString());
        p.ledger().ifPresent(l -> root.put("ledger", ledger(l)));
        return JsonWriter.write(root);
    }

    /** The key ledger's state: status, where, what waits; never a credential. */
    private static Map<String, Object> ledger(dev.keyfence.ledger.LedgerState l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", l.status().name());
        m.put("ledger", l.ledger());
        m.put("pending", l.pendingKeys());
        m.put("pendingOperatorActions", l.pendingOperatorActions());
        m.put("droppedObservations", l.droppedObservations());
        m.put("lastSuccess", l.lastSuccess().map(Object::toString).orElse(null));
        m.put("lastProblem", l.lastProblem().orElse(null));
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
        window.put("notBefore", k.notBefore().map(Object::toString).orElse(null));
        window.put("notAfter", k.notAfter().map(Object::toString).orElse(null));
        window.put("from", k.windowSources());
        m.put("window", window);
        m.put("age", k.age().map(PostureJson::age).orElse(null));
        m.put("ageFrom", k.ageSource().orElse(null));
        m.put("scopes", k.scopes().stream().sorted().toList());
        m.put("status", k.state().name());
        m.put("keyIssuer", k.keyIssuer().orElse(null));
        m.put("source", k.source());
        m.put("firstSeen", k.firstSeen().toString());
        m.put("retiredAt", k.retiredAt().map(Object::toString).orElse(null));
        m.put("problem", k.problem().orElse(null));
        return m;
    }

    /** An age as ISO-8601: whole days ({@code P412D}) when a day or more, else hours to seconds. */
    static String age(Duration d) {
        if (d.isNegative()) {
            return d.withNanos(0).toString();
        }
        return d.toDays() > 0 ? "P" + d.toDays() + "D" : d.withNanos(0).toString();
    }
}
