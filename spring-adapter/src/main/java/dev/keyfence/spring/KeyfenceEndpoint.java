package dev.keyfence.spring;

import dev.keyfence.ControlState;
import dev.keyfence.IssuerPosture;
import dev.keyfence.KeyfenceConfig;
import dev.keyfence.NamedResource;
import dev.keyfence.PostureReport;
import dev.keyfence.ResourcePolicy;
import dev.keyfence.TokenValidator;
import dev.keyfence.TrustedIssuer;
import dev.keyfence.spring.internal.PostureJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The actuator endpoint {@code keyfence}: the posture that {@code keyfence audit} prints
 * (controls, issuers with their key sources and keys, resource profiles, findings), without key
 * material; controls, keys and findings come from {@link PostureReport}, so they match the CLI's.
 * Expose it with {@code management.endpoints.web.exposure.include=keyfence}.
 */
@Endpoint(id = "keyfence")
public class KeyfenceEndpoint {
    private final TokenValidator validator;
    private final KeyfenceConfig config;

    public KeyfenceEndpoint(TokenValidator validator, KeyfenceConfig config) {
        this.validator = validator;
        this.config = config;
    }

    /** The posture now; reads key sources that were not read yet. */
    @ReadOperation
    public Map<String, Object> posture() {
        PostureReport report = PostureReport.of(validator,
                config.resources().stream().map(NamedResource::resource).toList());
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> controls = new ArrayList<>();
        for (ControlState c : report.controls()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.control().name());
            m.put("enabled", c.enabled());
            controls.add(m);
        }
        out.put("controls", controls);
        List<Map<String, Object>> issuers = new ArrayList<>();
        for (IssuerPosture ip : report.issuers()) {
            TrustedIssuer issuer = ip.issuer();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", issuer.name());
            m.put("issuer", issuer.issuer());
            m.put("keyScope", issuer.keyScope());
            m.put("tenants", issuer.tenants().stream().sorted().toList());
            m.put("sources", ip.sources().stream().map(PostureJson::source).toList());
            issuers.add(m);
        }
        out.put("issuers", issuers);
        List<Map<String, Object>> resources = new ArrayList<>();
        resources.add(resource(validator.resource(), List.of()));
        for (NamedResource named : config.resources()) {
            resources.add(resource(named.resource(), named.paths()));
        }
        out.put("resources", resources);
        out.put("findings", report.findings().stream().map(PostureJson::finding).toList());
        out.put("at", report.at().toString());
        return out;
    }

    private static Map<String, Object> resource(ResourcePolicy r, List<String> paths) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("paths", paths);
        m.put("audiences", r.audiences().stream().sorted().toList());
        m.put("acceptedKeyScopes", r.acceptedKeyScopes().stream().sorted().toList());
        m.put("algorithms", PostureJson.strings(r.algorithms()));
        m.put("clockSkew", r.clockSkew().toString());
        return m;
    }
}
