package dev.keyfence.cli.internal;

import dev.keyfence.SignatureVerification;
import dev.keyfence.Verdict;
import dev.keyfence.json.JsonWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON output line of {@code validate} and {@code verify-signature}: the contract's members
 * {@code index, valid, reason, issuer, tenant, kid, keyScope, detail} in that order, then the
 * added member {@code fingerprint}. Never token content beyond iss, tid and kid.
 */
public final class VerdictLine {
    private VerdictLine() {}

    /** The line for a validation verdict. */
    public static String of(int index, Verdict verdict) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", index);
        m.put("valid", verdict.valid());
        if (verdict instanceof Verdict.Rejected r) {
            m.put("reason", r.reason().name());
        } else {
            m.put("reason", null);
        }
        m.put("issuer", verdict.issuer().orElse(null));
        m.put("tenant", verdict.tenant().orElse(null));
        m.put("kid", verdict.kid().orElse(null));
        m.put("keyScope", verdict.keyScope().orElse(null));
        m.put("detail", verdict instanceof Verdict.Rejected r ? r.detail() : null);
        m.put("fingerprint", verdict.fingerprint());
        return JsonWriter.write(m);
    }

    /** The line for a signature check: no issuer, tenant or key scope, as no claim is read. */
    public static String of(int index, SignatureVerification.Result result) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", index);
        m.put("valid", result.valid());
        m.put("reason", result.reason().map(Enum::name).orElse(null));
        m.put("issuer", null);
        m.put("tenant", null);
        m.put("kid", result.kid().orElse(null));
        m.put("keyScope", null);
        m.put("detail", result.valid() ? null : result.detail());
        m.put("fingerprint", result.fingerprint());
        return JsonWriter.write(m);
    }
}
